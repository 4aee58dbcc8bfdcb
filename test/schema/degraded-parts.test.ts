import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { type Stack, startStack } from '../helpers/stack.js';

/**
 * One part of a wallet that cannot be read costs that part only, over real HTTP through the
 * whole gateway: each case rewrites one field of one wallet in the sandbox's real answer. The
 * wallet keeps its balance, the error (UPSTREAM_BAD_RESPONSE with the provider and the wire part)
 * sits at the part's own path, the sibling wallets are untouched and `data` is never null.
 */

type J = Record<string, unknown>;
const LAGO_PREPAID = '1a901a90-1a90-4a90-8a90-000000000001';
const POLAR_HOOLI = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';

const QUERY = `query Degraded($externalId: String!) {
  customer(externalId: $externalId) {
    wallets {
      provider providerWalletId name priority createdAt
      balance { amount currency }
      ongoingBalance { amount }
      credits { balance consumed rate breakdown { free purchased } }
      recurringTransactionRules { trigger interval method status paidCredits thresholdCredits createdAt cooldown { value unit } }
      alertSettings { enabled state thresholds { level value } warning { value } }
      metadata { key value }
    }
  }
}`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
afterEach(() => {
  stack.sandboxes.lago.clearFaults();
  stack.sandboxes.flexprice.clearFaults();
  stack.sandboxes.polar.clearFaults();
});

/** Rewrites one wallet of a list answer (`pick` finds the wallets array in the body). */
function rewrite(
  pick: (body: J) => J[],
  id: string,
  change: (w: J) => void,
): (body: unknown) => unknown {
  return (body) => {
    const copy = structuredClone(body) as J;
    for (const w of pick(copy)) if (w.id === id || w.lago_id === id) change(w);
    return copy;
  };
}
const lago = (change: (w: J) => void) =>
  stack.sandboxes.lago.injectFault({
    path: /^\/api\/v1\/wallets$/,
    transform: rewrite((b) => b.wallets as J[], LAGO_PREPAID, change),
  });
const flexprice = (change: (w: J) => void) =>
  stack.sandboxes.flexprice.injectFault({
    path: /^\/v1\/customers\/wallets$/,
    transform: (body) => rewrite((b) => b as unknown as J[], SEEDED.hooliUsd, change)(body),
  });
const polar = (change: (w: J) => void) =>
  stack.sandboxes.polar.injectFault({
    path: /^\/v1\/wallets\/?$/,
    transform: rewrite((b) => b.items as J[], POLAR_HOOLI, change),
  });

interface Answer {
  readonly wallets: J[];
  readonly wallet: J;
  readonly index: number;
  readonly errors: { path?: readonly (string | number)[]; extensions?: J }[];
}

async function hooli(id: string): Promise<Answer> {
  const res = await stack.execute(QUERY, { externalId: 'hooli_1234' });
  expect(res.status).toBe(200);
  expect(res.data).not.toBeNull();
  const wallets = (res.data as { customer: { wallets: J[] } }).customer.wallets;
  const index = wallets.findIndex((w) => w.providerWalletId === id);
  return {
    wallets,
    wallet: wallets[index]!,
    index,
    errors: (res.errors ?? []) as unknown as Answer['errors'],
  };
}

let baseline: J[];
beforeAll(async () => {
  const res = await stack.execute(QUERY, { externalId: 'hooli_1234' });
  expect(res.errors).toBeUndefined();
  baseline = (res.data as { customer: { wallets: J[] } }).customer.wallets;
  expect(baseline.length).toBeGreaterThanOrEqual(6);
});

/** Every wallet but `id` is exactly as without the fault. */
function siblingsUntouched(a: Answer, id: string): void {
  expect(a.wallets.filter((w) => w.providerWalletId !== id)).toEqual(
    baseline.filter((w) => w.providerWalletId !== id),
  );
}

function onlyError(
  a: Answer,
  path: readonly (string | number)[],
  provider: string,
  part: string,
): void {
  expect(a.errors.map((e) => [e.path, e.extensions])).toEqual([
    [path, { code: 'UPSTREAM_BAD_RESPONSE', provider, part }],
  ]);
}

describe('a nullable part that cannot be read is null, with an error at its own path', () => {
  it.each([
    ['created_at', (w: J) => (w.created_at = 'yesterday'), 'createdAt', 'created_at'],
    ['priority', (w: J) => (w.priority = 'high'), 'priority', 'priority'],
    ['name', (w: J) => (w.name = 42), 'name', 'name'],
    [
      'ongoing_balance_cents',
      (w: J) => (w.ongoing_balance_cents = '800'),
      'ongoingBalance',
      'ongoing_balance_cents',
    ],
    ['credits_balance', (w: J) => (w.credits_balance = 'lots'), 'credits', 'credits_balance'],
  ])('Lago %s', async (_name, change, field, part) => {
    lago(change);
    const a = await hooli(LAGO_PREPAID);
    expect(a.wallet[field]).toBeNull();
    expect(a.wallet.balance).toEqual({ amount: '42.00', currency: 'USD' });
    onlyError(a, ['customer', 'wallets', a.index, field], 'LAGO', part);
    siblingsUntouched(a, LAGO_PREPAID);
  });

  it('Lago consumed_credits: credits.consumed alone is null', async () => {
    lago((w) => (w.consumed_credits = 'many'));
    const a = await hooli(LAGO_PREPAID);
    expect(a.wallet.credits).toMatchObject({ balance: '28.0', rate: '1.5', consumed: null });
    onlyError(
      a,
      ['customer', 'wallets', a.index, 'credits', 'consumed'],
      'LAGO',
      'consumed_credits',
    );
    siblingsUntouched(a, LAGO_PREPAID);
  });

  it("Lago rule's paid_credits: that rule's paidCredits alone is null", async () => {
    lago((w) => ((w.recurring_transaction_rules as J[])[0]!.paid_credits = 'x'));
    const a = await hooli(LAGO_PREPAID);
    const [rule] = a.wallet.recurringTransactionRules as J[];
    expect(rule).toMatchObject({
      trigger: 'THRESHOLD',
      thresholdCredits: '20.0',
      paidCredits: null,
    });
    onlyError(
      a,
      ['customer', 'wallets', a.index, 'recurringTransactionRules', 0, 'paidCredits'],
      'LAGO',
      'recurring_transaction_rules[0].paid_credits',
    );
    siblingsUntouched(a, LAGO_PREPAID);
  });

  it('Flexprice auto_topup.amount, real_time_balance and the credit breakdown', async () => {
    flexprice((w) => {
      (w.auto_topup as J).amount = 'fifty';
      w.real_time_balance = '17,50';
      (w.credits_available_breakdown as J).free = 'some';
    });
    const a = await hooli(SEEDED.hooliUsd);
    expect(a.wallet.balance).toEqual({ amount: '40.00', currency: 'USD' });
    expect(a.wallet.ongoingBalance).toBeNull();
    expect((a.wallet.credits as J).breakdown).toBeNull();
    expect((a.wallet.recurringTransactionRules as J[])[0]).toMatchObject({
      thresholdCredits: '5',
      paidCredits: null,
    });
    const at = (...rest: (string | number)[]) => ['customer', 'wallets', a.index, ...rest];
    expect(a.errors.map((e) => [e.path, e.extensions?.part])).toEqual(
      expect.arrayContaining([
        [at('ongoingBalance'), 'real_time_balance'],
        [at('credits', 'breakdown'), 'credits_available_breakdown'],
        [at('recurringTransactionRules', 0, 'paidCredits'), 'auto_topup.amount'],
      ]),
    );
    expect(a.errors).toHaveLength(3);
    siblingsUntouched(a, SEEDED.hooliUsd);
  });

  it('Polar created_at', async () => {
    polar((w) => (w.created_at = 'soon'));
    const a = await hooli(POLAR_HOOLI);
    expect(a.wallet).toMatchObject({
      createdAt: null,
      balance: { amount: '50.00', currency: 'USD' },
    });
    onlyError(a, ['customer', 'wallets', a.index, 'createdAt'], 'POLAR', 'created_at');
    siblingsUntouched(a, POLAR_HOOLI);
  });
});

describe('an item that cannot be read is left out of its list, with an error at the list', () => {
  it('a Lago rule that is not an object', async () => {
    lago((w) => (w.recurring_transaction_rules = [7]));
    const a = await hooli(LAGO_PREPAID);
    expect(a.wallet.recurringTransactionRules).toEqual([]);
    expect(a.wallet.balance).toEqual({ amount: '42.00', currency: 'USD' });
    onlyError(
      a,
      ['customer', 'wallets', a.index, 'recurringTransactionRules'],
      'LAGO',
      'recurring_transaction_rules[0]',
    );
    siblingsUntouched(a, LAGO_PREPAID);
  });

  it('a numeric Lago metadata value costs that entry only', async () => {
    lago((w) => (w.metadata = { external_id: 'ext-123', count: 5, source: null }));
    const a = await hooli(LAGO_PREPAID);
    expect(a.wallet.metadata).toEqual([
      { key: 'external_id', value: 'ext-123' },
      { key: 'source', value: null },
    ]);
    onlyError(a, ['customer', 'wallets', a.index, 'metadata'], 'LAGO', 'metadata.count');
    siblingsUntouched(a, LAGO_PREPAID);
  });

  it('a Flexprice alert threshold that is not a number', async () => {
    flexprice((w) => (((w.alert_settings as J).warning as J).threshold = 'ten'));
    const a = await hooli(SEEDED.hooliUsd);
    expect(a.wallet.alertSettings).toEqual({
      enabled: true,
      state: 'WARNING',
      thresholds: [{ level: 'CRITICAL', value: '0' }],
      warning: null,
    });
    onlyError(
      a,
      ['customer', 'wallets', a.index, 'alertSettings', 'thresholds'],
      'FLEXPRICE',
      'alert_settings.warning.threshold',
    );
    siblingsUntouched(a, SEEDED.hooliUsd);
  });
});

describe('values the gateway does not know cost nothing', () => {
  it('unknown enums map to UNKNOWN and stay in raw; a missing rule method and status take their defaults', async () => {
    lago((w) => {
      const [rule] = w.recurring_transaction_rules as J[];
      rule!.trigger = 'usage';
      delete rule!.method;
      delete rule!.status;
      delete rule!.created_at;
      w.priority = 0;
      w.description = 123;
    });
    flexprice((w) => {
      w.alert_state = 'critical';
      ((w.auto_topup as J).cooldown as J).unit = 'week';
    });
    const res = await stack.execute(QUERY, { externalId: 'hooli_1234' });
    expect(res.errors).toBeUndefined();
    const wallets = (res.data as { customer: { wallets: J[] } }).customer.wallets;
    const lagoWallet = wallets.find((w) => w.providerWalletId === LAGO_PREPAID)!;
    expect(lagoWallet.priority).toBe(0);
    expect((lagoWallet.recurringTransactionRules as J[])[0]).toMatchObject({
      trigger: 'UNKNOWN',
      method: 'FIXED',
      status: 'ACTIVE',
      createdAt: null,
    });
    const flex = wallets.find((w) => w.providerWalletId === SEEDED.hooliUsd)!;
    expect((flex.alertSettings as J).state).toBe('UNKNOWN');
    expect((flex.recurringTransactionRules as J[])[0]).toMatchObject({
      cooldown: { value: 1, unit: 'UNKNOWN' },
    });
  });
});

describe('a wallet whose identity or balance cannot be read costs that wallet only', () => {
  it('is left out of the list with an error naming it; data is never null', async () => {
    lago((w) => (w.balance_cents = 'a lot'));
    const a = await hooli(LAGO_PREPAID);
    expect(a.index).toBe(-1);
    expect(a.wallets).toEqual(baseline.filter((w) => w.providerWalletId !== LAGO_PREPAID));
    expect(a.errors.map((e) => [e.path, e.extensions])).toEqual([
      [
        ['customer', 'wallets'],
        { code: 'UPSTREAM_BAD_RESPONSE', provider: 'LAGO', walletId: LAGO_PREPAID },
      ],
    ]);
  });

  it('nodes(ids:) with a malformed, an unknown and a good id answers each on its own', async () => {
    const good = Buffer.from(`Wallet:LAGO:${LAGO_PREPAID}`).toString('base64');
    const unknown = Buffer.from('Wallet:LAGO:1a901a90-1a90-4a90-8a90-0000000000ff').toString(
      'base64',
    );
    const res = await stack.execute(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Wallet { balance { amount } } } }',
      { ids: ['nope', good, unknown] },
    );
    expect(res.status).toBe(200);
    expect((res.data as { nodes: unknown[] }).nodes).toEqual([
      null,
      { id: good, balance: { amount: '42.00' } },
      null,
    ]);
    expect(res.errors?.map((e) => e.path)).toEqual([
      ['nodes', 0],
      ['nodes', 2],
    ]);
    expect(res.errors?.[1]?.extensions?.code).toBe('WALLET_NOT_FOUND');
  });
});
