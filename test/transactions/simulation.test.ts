import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.js';
import { WalletTransactionsQuery } from './operations.js';

/**
 * `npm start`'s usage simulation writes the transactions its balance moves are made of, as the
 * providers do: a Lago grant or invoice consumption per step, a Flexprice top-up or a paid usage
 * invoice (usage itself is uninvoiced until then). The gateway reads them back over HTTP.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const gid = (key: string) => Buffer.from(`Wallet:${key}`).toString('base64');
const newest = async (key: string, first: number) => {
  const res = await stack.execute(WalletTransactionsQuery, { id: gid(key), first });
  expect(res.errors).toBeUndefined();
  return res.data!.wallet!.transactions!.edges.map((e) => e.node);
};

describe('the usage simulation', () => {
  it('Lago: every step is one transaction, and the balance moves by exactly its credits', async () => {
    const lago = stack.sandboxes.lago;
    const { DEMO_WALLET: demo } = await import('../../src/providers/lago/sandbox/index.js');
    const wallet = () => lago.store.wallet(demo)!;
    const before = lago.store.transactionsOf(demo).length;
    const credits = new Decimal(wallet().credits_balance);
    for (let i = 0; i < 3; i++) lago.simulateUsage(() => 0.5);
    expect(lago.store.transactionsOf(demo).length).toBe(before + 3);
    const three = await newest(`LAGO:${demo}`, 3);
    expect(three.map((t) => [t.kind, t.direction, t.status, t.credits])).toEqual([
      ['USAGE', 'DEBIT', 'SETTLED', '0.5'],
      ['USAGE', 'DEBIT', 'SETTLED', '0.5'],
      ['USAGE', 'DEBIT', 'SETTLED', '0.5'],
    ]);
    expect(new Decimal(wallet().credits_balance).toString()).toBe(credits.minus(1.5).toString());
  });

  it('Flexprice: usage accrues until the simulation pays its invoice from the wallet', async () => {
    const flex = stack.sandboxes.flexprice;
    const { DEMO_WALLET: demo } = await import('../../src/providers/flexprice/sandbox/index.js');
    const store = flex.store;
    const before = store.transactions.filter((t) => t.wallet_id === demo).length;
    let steps = 0;
    while (store.transactions.filter((t) => t.wallet_id === demo).length === before) {
      flex.simulateUsage(() => 0.5);
      expect(++steps).toBeLessThan(500);
    }
    const [paid] = await newest(`FLEXPRICE:${demo}`, 1);
    const written = store.transactions.find((t) => t.id === paid!.providerTransactionId)!;
    expect(paid).toMatchObject({
      kind: expect.stringMatching(/^(USAGE|PURCHASED)$/),
      status: 'SETTLED',
      // Money in the currency's exponent (USD 2), from the exact wire decimal.
      amount: { amount: new Decimal(written.amount).toFixed(2), currency: 'USD' },
      credits: written.credit_amount,
      creditBalanceAfter: written.credit_balance_after,
    });
    expect(store.wallet(demo)!.credit_balance).toBe(written.credit_balance_after);
  });
});
