import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { subscribeSse, subscribeWs, until } from '../helpers/live-clients.js';
import { onlyProviders, type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/**
 * The live path on odd payloads: a wallet with an unreadable part still streams its balance
 * changes (the part's error rides along in the event, at its path), over SSE and WebSocket; a
 * wallet that cannot be read at all is counted (walletgate_unreadable_wallets_total) and logged
 * with its provider and id, never dropped silently.
 */

const AUTH = { 'x-api-key': TEST_API_KEY };
const PREPAID = '1a901a90-1a90-4a90-8a90-000000000001';
const gid = (key: string) => Buffer.from(`Wallet:${key}`).toString('base64');
const SUBSCRIPTION = `subscription Partly($walletId: ID) {
  walletBalanceChanged(walletId: $walletId) {
    balance { amount currency }
    wallet { providerWalletId createdAt balance { amount } recurringTransactionRules { trigger } }
  }
}`;

let stack: Stack;
let url: string;
beforeAll(async () => {
  stack = await startStack({ ...onlyProviders('LAGO'), BALANCE_POLL_INTERVAL_MS: '100' });
  url = await stack.gateway.listen();
});
afterAll(() => stack.close());
afterEach(async () => {
  stack.sandboxes.lago.clearFaults();
  await until(() => stack.gateway.live.poller.watchedTargets === 0);
});

/** Every GET of the wallet answers with `change` applied to the real body. */
function oddWallet(change: (w: Record<string, unknown>) => void) {
  stack.sandboxes.lago.injectFault({
    method: 'GET',
    path: new RegExp(`/wallets/${PREPAID}$`),
    transform: (body) => {
      const b = structuredClone(body) as { wallet: Record<string, unknown> };
      change(b.wallet);
      return b;
    },
  });
}

const watchedOnce = () =>
  until(
    () =>
      stack.sandboxes.lago.requests.filter((r) => r.path.endsWith(`/wallets/${PREPAID}`)).length >
      0,
  );

describe('a partly readable wallet keeps its balance events', () => {
  it.each(['sse', 'ws'] as const)(
    '%s: the event arrives, the unreadable parts are null or left out with their errors',
    async (transport) => {
      oddWallet((w) => {
        w.created_at = 'not a date';
        w.recurring_transaction_rules = ['not a rule'];
      });
      stack.sandboxes.lago.requests.length = 0;
      const subscribe = transport === 'sse' ? subscribeSse : subscribeWs;
      const sub = await subscribe(url, SUBSCRIPTION, { walletId: gid(`LAGO:${PREPAID}`) }, AUTH);
      await watchedOnce();
      await new Promise((r) => setTimeout(r, 150));
      stack.sandboxes.lago.store.grantCredits(PREPAID, '2.0');
      const { data, errors } = await sub.next();
      expect(data).toEqual({
        walletBalanceChanged: {
          balance: { amount: expect.any(String), currency: 'USD' },
          wallet: {
            providerWalletId: PREPAID,
            createdAt: null,
            balance: { amount: expect.any(String) },
            recurringTransactionRules: [],
          },
        },
      });
      expect(errors?.map((e) => [e.extensions?.code, e.extensions?.part]).sort()).toEqual([
        ['UPSTREAM_BAD_RESPONSE', 'created_at'],
        ['UPSTREAM_BAD_RESPONSE', 'recurring_transaction_rules[0]'],
      ]);
      await sub.close();
      stack.sandboxes.lago.store.consumeCredits(PREPAID, '2.0');
    },
  );
});

describe('a wallet that cannot be read at all', () => {
  const metric = async () => {
    const text = await (await stack.gateway.yoga.fetch('http://gateway/metrics')).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('walletgate_unreadable_wallets_total{provider="LAGO"}'));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('is counted and logged with its provider and id on every re-read', async () => {
    oddWallet((w) => {
      w.balance_cents = 'unknown';
    });
    const before = await metric();
    stack.sandboxes.lago.requests.length = 0;
    const sub = await subscribeSse(url, SUBSCRIPTION, { walletId: gid(`LAGO:${PREPAID}`) }, AUTH);
    await until(async () => (await metric()) > before);
    await sub.close();
    const logged = stack.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'wallet unreadable: its balance changes cannot be followed');
    expect(logged).toMatchObject({
      provider: 'LAGO',
      walletId: PREPAID,
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });
});
