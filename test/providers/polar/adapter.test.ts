import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProvidersQuery, WalletBalanceQuery } from '../../operations.js';
import {
  ACME,
  ACME_EUR,
  ACME_USD,
  ANONYMOUS,
  ANONYMOUS_USD,
  CUSTOMER_BY_EXTERNAL_ID,
  CUSTOMER_BY_ID,
  expectNoSecretLeaked,
  GLOBEX,
  globalId,
  HOOLI,
  HOOLI_USD,
  POLAR_ONLY,
  POLAR_ONLY_USD,
  type PolarHarness,
  startPolarHarness,
  WALLET_BY_ID,
  WALLETS,
} from './harness.js';
import {
  PolarAllWalletsQuery,
  PolarFourCustomersQuery,
  PolarWalletsByIdQuery,
} from './operations.js';

/** The Polar adapter over real HTTP against the Polar sandbox, through the whole gateway (org-level path). */

let h: PolarHarness;
const four = { a: 'hooli_1234', b: 'acme_42', c: 'polar_only_3', d: 'globex_7' };

beforeAll(async () => {
  // The sandbox URL without `/v1`: the adapter adds the prefix (BRIEF: accept both).
  h = await startPolarHarness();
});
afterAll(() => h.close());
afterEach(() => {
  expectNoSecretLeaked(h);
  h.polar.requests.length = 0;
  h.polar.clearFaults();
});

describe("N customers' wallets in one request", () => {
  it('cost ONE org list call with customer_id repeated, plus one cached lookup per customer', async () => {
    const { data, errors } = await h.execute(PolarFourCustomersQuery, four);
    expect(errors).toBeUndefined();

    expect(h.count('GET', WALLETS)).toBe(1);
    const [list] = h.queries('GET', WALLETS);
    expect(list!.getAll('customer_id').sort()).toEqual([HOOLI, ACME, POLAR_ONLY, GLOBEX].sort());
    expect(list!.get('limit')).toBe('100');
    expect(list!.get('page')).toBe('1');
    expect(h.count('GET', CUSTOMER_BY_EXTERNAL_ID)).toBe(4);
    expect(h.polar.requests).toHaveLength(5);

    const { raw, ...hooli } = data!.a.wallets[0]!;
    expect(data!.a.wallets).toHaveLength(1);
    expect(hooli).toEqual({
      id: globalId(HOOLI_USD),
      provider: 'POLAR',
      providerWalletId: HOOLI_USD,
      customer: { externalId: 'hooli_1234', providerCustomerId: HOOLI },
      name: null,
      code: null,
      status: 'ACTIVE',
      kind: 'CREDIT_BALANCE',
      currency: 'USD',
      balance: { amount: '50.00', currency: 'USD', minorUnits: '5000', formatted: '$50.00' },
      ongoingBalance: null,
      ongoingUsage: null,
      ongoingBalanceIsCached: null,
      credits: null,
      priority: null,
      expiresAt: null,
      terminatedAt: null,
      lastTopUpAt: null,
      lastConsumedAt: null,
      createdAt: '2025-11-12T09:34:05.123Z',
      updatedAt: null,
      recurringTransactionRules: [],
      alertSettings: null,
      metadata: [],
    });
    // raw is the wire object, microseconds and lower-case currency included.
    expect(raw).toEqual({
      id: HOOLI_USD,
      created_at: '2025-11-12T09:34:05.123456Z',
      modified_at: null,
      customer_id: HOOLI,
      balance: 5000,
      currency: 'usd',
    });
    expect(data!.a.balances).toEqual([
      { amount: '50.00', currency: 'USD', minorUnits: '5000', formatted: '$50.00' },
    ]);
  });

  it('a negative balance (the customer owes money) is kept exactly, in wallets and in balances', async () => {
    const { data } = await h.execute(PolarFourCustomersQuery, four);
    const acme = data!.b;
    expect(acme.wallets.map((w) => [w.providerWalletId, w.balance])).toEqual(
      expect.arrayContaining([
        [
          ACME_USD,
          { amount: '-12.50', currency: 'USD', minorUnits: '-1250', formatted: '-$12.50' },
        ],
        [ACME_EUR, { amount: '25.99', currency: 'EUR', minorUnits: '2599', formatted: '€25.99' }],
      ]),
    );
    expect(acme.wallets).toHaveLength(2);
    expect(acme.wallets.find((w) => w.providerWalletId === ACME_USD)!.updatedAt).toBe(
      '2026-03-18T08:00:00.000Z',
    );
    expect(acme.balances).toEqual([
      { amount: '25.99', currency: 'EUR', minorUnits: '2599', formatted: '€25.99' },
      { amount: '-12.50', currency: 'USD', minorUnits: '-1250', formatted: '-$12.50' },
    ]);
    expect(data!.c.wallets.map((w) => [w.providerWalletId, w.balance.amount])).toEqual([
      [POLAR_ONLY_USD, '1200.00'],
    ]);
  });

  it('a Polar customer with no wallet (balance 0) and an unknown customer: no wallets, no balance line, no error', async () => {
    const { data, errors } = await h.execute(PolarFourCustomersQuery, {
      ...four,
      c: 'nobody_at_all',
    });
    expect(errors).toBeUndefined();
    expect([data!.c, data!.d]).toEqual([
      { externalId: 'nobody_at_all', wallets: [], balances: [] },
      { externalId: 'globex_7', wallets: [], balances: [] },
    ]);
    // The unknown customer is not put in the list call; the walletless one is.
    expect(h.queries('GET', WALLETS)[0]!.getAll('customer_id').sort()).toEqual(
      [HOOLI, ACME, GLOBEX].sort(),
    );
  });

  it('external-id lookups are cached across requests; balances are not (they are read live)', async () => {
    await h.execute(PolarFourCustomersQuery, four);
    h.polar.requests.length = 0;
    h.polar.store.consume(HOOLI_USD, 6000);
    try {
      const { data } = await h.execute(PolarFourCustomersQuery, four);
      expect(h.count('GET', CUSTOMER_BY_EXTERNAL_ID)).toBe(0);
      expect(h.count('GET', WALLETS)).toBe(1);
      expect(data!.a.wallets[0]!.balance).toEqual({
        amount: '-10.00',
        currency: 'USD',
        minorUnits: '-1000',
        formatted: '-$10.00',
      });
    } finally {
      h.polar.store.topUp(HOOLI_USD, 6000);
    }
  });

  it('every request carries the pinned Polar-Version and the organisation token', async () => {
    await h.execute(PolarFourCustomersQuery, { ...four, d: 'someone_new' });
    await h.execute(PolarWalletsByIdQuery, { ids: [globalId(HOOLI_USD)] });
    expect(h.polar.requests.length).toBeGreaterThan(2);
    for (const r of h.polar.requests) {
      expect(r.headers['polar-version']).toBe('2026-04');
      expect(r.headers.authorization).toBe(`Bearer ${h.polar.accessToken}`);
    }
  });
});

describe('wallets by id', () => {
  it("one GET /v1/wallets/{id} per id (no multi-id endpoint); the owner's external id is looked up once", async () => {
    const { data, errors } = await h.execute(PolarWalletsByIdQuery, {
      ids: [globalId(ACME_USD), globalId(ACME_EUR), globalId(ANONYMOUS_USD)],
    });
    expect(errors).toBeUndefined();
    expect(data!.nodes).toEqual([
      {
        id: globalId(ACME_USD),
        providerWalletId: ACME_USD,
        customer: { externalId: 'acme_42', providerCustomerId: ACME },
        balance: { amount: '-12.50', currency: 'USD', minorUnits: '-1250' },
      },
      {
        id: globalId(ACME_EUR),
        providerWalletId: ACME_EUR,
        customer: { externalId: 'acme_42', providerCustomerId: ACME },
        balance: { amount: '25.99', currency: 'EUR', minorUnits: '2599' },
      },
      // A customer without an external id: null, not invented.
      {
        id: globalId(ANONYMOUS_USD),
        providerWalletId: ANONYMOUS_USD,
        customer: { externalId: null, providerCustomerId: ANONYMOUS },
        balance: { amount: '0.00', currency: 'USD', minorUnits: '0' },
      },
    ]);
    expect(h.count('GET', WALLET_BY_ID)).toBe(3);
    expect(h.count('GET', WALLETS)).toBe(0);
    // acme_42 was learnt by the earlier external-id lookup; the anonymous customer costs one GET.
    expect(h.queries('GET', CUSTOMER_BY_ID)).toHaveLength(1);
    expect(h.polar.requests.filter((r) => CUSTOMER_BY_ID.test(r.path)).map((r) => r.path)).toEqual([
      `/v1/customers/${ANONYMOUS}`,
    ]);
  });

  it('an id that is not a uuid is WALLET_NOT_FOUND without an upstream call', async () => {
    const { data, errors } = await h.execute(WalletBalanceQuery, { id: globalId('nope') });
    expect(data).toEqual({ wallet: null });
    expect(errors!.map((e) => e.extensions)).toEqual([
      { code: 'WALLET_NOT_FOUND', provider: 'POLAR' },
    ]);
    expect(h.polar.requests).toHaveLength(0);
  });

  it('an unknown wallet is WALLET_NOT_FOUND (404 ResourceNotFound)', async () => {
    const { data, errors } = await h.execute(WalletBalanceQuery, {
      id: globalId('00000000-0000-4000-8000-000000000000'),
    });
    expect(data).toEqual({ wallet: null });
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Wallet not found',
        path: ['wallet'],
        extensions: {
          code: 'WALLET_NOT_FOUND',
          provider: 'POLAR',
          upstreamStatus: 404,
          upstreamCode: 'ResourceNotFound',
        },
      }),
    ]);
  });
});

describe('org-wide list', () => {
  it('lists every wallet of the organisation with external ids joined', async () => {
    const { data, errors } = await h.execute(PolarAllWalletsQuery, {
      filter: { provider: 'POLAR' },
    });
    expect(errors).toBeUndefined();
    expect(
      data!.wallets.edges
        .map((e) => [
          e.node.providerWalletId,
          e.node.customer.externalId,
          e.node.balance.minorUnits,
        ])
        .sort(),
    ).toEqual(
      [
        [ACME_EUR, 'acme_42', '2599'],
        [ACME_USD, 'acme_42', '-1250'],
        [HOOLI_USD, 'hooli_1234', '5000'],
        [POLAR_ONLY_USD, 'polar_only_3', '120000'],
        [ANONYMOUS_USD, null, '0'],
      ].sort(),
    );
    const [list] = h.queries('GET', WALLETS);
    expect(list!.getAll('customer_id')).toEqual([]);
  });

  it('a status other than ACTIVE needs no upstream call (Polar wallets are always ACTIVE)', async () => {
    const { data } = await h.execute(PolarAllWalletsQuery, { filter: { status: 'TERMINATED' } });
    expect(data!.wallets.edges).toEqual([]);
    expect(h.polar.requests).toHaveLength(0);
  });

  it('filters by currency', async () => {
    const { data } = await h.execute(PolarAllWalletsQuery, { filter: { currency: 'EUR' } });
    expect(data!.wallets.edges.map((e) => e.node.providerWalletId)).toEqual([ACME_EUR]);
  });
});

describe('providers', () => {
  it('reports Polar capabilities and a live probe', async () => {
    const { data } = await h.execute(ProvidersQuery);
    expect(data!.providers).toEqual([
      {
        name: 'POLAR',
        capabilities: {
          credits: false,
          ongoingBalance: false,
          recurringRules: false,
          alerts: false,
          webhooks: false,
          batchWalletsById: false,
          batchWalletsByCustomer: true,
        },
        health: { status: 'UP', latencyMs: expect.any(Number), errorCode: null, message: null },
      },
    ]);
    expect(h.polar.requests.map((r) => `${r.method} ${r.path}${r.query}`)).toEqual([
      'GET /v1/customers/?limit=1&page=1',
    ]);
  });
});
