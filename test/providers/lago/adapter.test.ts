import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countRequests, onlyProviders, type Stack, startStack } from '../../helpers/stack.js';
import {
  CustomerWalletAlertsQuery,
  CustomerWalletsQuery,
  NodesQuery,
  WalletBalanceQuery,
  WalletsConnectionQuery,
} from '../../operations.js';

/** The Lago adapter over real HTTP against the Lago sandbox, through the whole gateway. */

let stack: Stack;
const lagoRequests = () => stack.sandboxes.lago.requests;
const globalId = (lagoId: string) => Buffer.from(`Wallet:LAGO:${lagoId}`).toString('base64');
const PREPAID = '1a901a90-1a90-4a90-8a90-000000000001';
const TOKYO = '1a901a90-1a90-4a90-8a90-000000000002';
const LEGACY = '1a901a90-1a90-4a90-8a90-000000000003';

beforeAll(async () => {
  // Lago alone: the other sandboxes share customer ids (hooli_1234 has wallets in all three).
  stack = await startStack(onlyProviders('LAGO'));
});
afterAll(() => stack.close());
afterEach(() => {
  lagoRequests().length = 0;
  stack.sandboxes.lago.clearFaults();
});

describe('customer(externalId) over the Lago sandbox', () => {
  it('maps every field of NOTES §3 and §4', async () => {
    const { data, errors } = await stack.execute(CustomerWalletsQuery, {
      externalId: 'hooli_1234',
    });
    expect(errors).toBeUndefined();
    const wallets = data!.customer.wallets;
    expect(wallets.map((w) => w.providerWalletId)).toEqual([TOKYO, PREPAID, LEGACY]);
    const { raw, ...prepaid } = wallets.find((w) => w.providerWalletId === PREPAID)!;
    expect(prepaid).toEqual({
      id: globalId(PREPAID),
      provider: 'LAGO',
      providerWalletId: PREPAID,
      customer: {
        externalId: 'hooli_1234',
        providerCustomerId: '5b1d6a3e-0c1f-4d7e-9a51-1f0e7a2c9b01',
      },
      name: 'Prepaid',
      code: 'prepaid',
      status: 'ACTIVE',
      kind: 'PREPAID',
      currency: 'USD',
      // 28.0 credits at 1.5 USD each; 2.0 credits of usage not yet invoiced.
      balance: { amount: '42.00', currency: 'USD', minorUnits: '4200', formatted: '$42.00' },
      ongoingBalance: { amount: '39.00', currency: 'USD', minorUnits: '3900' },
      ongoingUsage: { amount: '3.00', currency: 'USD', minorUnits: '300' },
      ongoingBalanceIsCached: null,
      credits: {
        balance: '28.0',
        ongoingBalance: '26.0',
        ongoingUsage: '2.0',
        consumed: '2.0',
        rate: '1.5',
        topUpRate: '1.5',
        breakdown: null,
      },
      priority: 10,
      expiresAt: '2027-12-31T23:59:59.000Z',
      terminatedAt: null,
      lastTopUpAt: null,
      lastConsumedAt: '2026-11-20T17:45:12.000Z',
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: null,
      recurringTransactionRules: [
        {
          id: '2b902b90-2b90-4b90-8b90-000000000001',
          trigger: 'THRESHOLD',
          interval: null, // the wire says "weekly": a column default on threshold rules
          method: 'TARGET',
          thresholdCredits: '20.0',
          paidCredits: '0.0',
          grantedCredits: '0.0',
          targetOngoingBalance: '200.0',
          status: 'ACTIVE',
          invoiced: true,
          startedAt: null,
          expiresAt: null,
          createdAt: '2025-03-01T09:00:00.000Z',
          cooldown: null,
        },
      ],
      metadata: [
        { key: 'external_id', value: 'ext-123' },
        { key: 'source', value: null },
      ],
    });
    expect(raw).toMatchObject({
      lago_id: PREPAID,
      rate_amount: '1.5',
      credits_balance: '28.0',
      balance_cents: 4200,
      payment_method: { payment_method_type: 'provider' },
    });
    expect(raw).not.toHaveProperty('balance');
  });

  it('JPY has exponent 0: minor units equal the amount', async () => {
    const { data } = await stack.execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    const tokyo = data!.customer.wallets.find((w) => w.providerWalletId === TOKYO)!;
    expect(tokyo.balance).toEqual({
      amount: '150050',
      currency: 'JPY',
      minorUnits: '150050',
      formatted: '¥150,050',
    });
    expect(tokyo.credits).toMatchObject({ balance: '1500.5', rate: '100' });
    expect(tokyo.recurringTransactionRules).toEqual([
      expect.objectContaining({
        trigger: 'INTERVAL',
        interval: 'MONTHLY',
        method: 'FIXED',
        thresholdCredits: null,
        targetOngoingBalance: null,
        paidCredits: '100.0',
        grantedCredits: '10.0',
      }),
    ]);
  });

  it('a terminated wallet keeps terminated_at milliseconds and no metadata', async () => {
    const { data } = await stack.execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    const legacy = data!.customer.wallets.find((w) => w.providerWalletId === LEGACY)!;
    expect(legacy).toMatchObject({
      status: 'TERMINATED',
      terminatedAt: '2025-01-05T16:35:31.123Z',
      metadata: [],
    });
  });

  it('balances total per currency over non-terminated wallets', async () => {
    const { data } = await stack.execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(data!.customer.balances).toEqual([
      { amount: '150050', currency: 'JPY', minorUnits: '150050', formatted: '¥150,050' },
      { amount: '42.00', currency: 'USD', minorUnits: '4200', formatted: '$42.00' },
    ]);
  });

  it('one list call per customer, even when the same customer is asked for twice', async () => {
    const { errors } = await stack.execute(`{
      a: customer(externalId: "hooli_1234") { wallets { id } balances { amount } }
      b: customer(externalId: "hooli_1234") { wallets { id } }
      c: customer(externalId: "acme_42") { wallets { id } }
    }`);
    expect(errors).toBeUndefined();
    expect(countRequests(lagoRequests(), 'GET', /^\/api\/v1\/wallets$/)).toBe(2);
    expect(
      lagoRequests()
        .filter((r) => r.path === '/api/v1/wallets')
        .map((r) => new URLSearchParams(r.query).get('external_customer_id'))
        .sort(),
    ).toEqual(['acme_42', 'hooli_1234']);
  });

  it('an unknown customer has no wallets and no balances (Lago 404 customer_not_found is not an error)', async () => {
    const { data, errors } = await stack.execute(CustomerWalletsQuery, {
      externalId: 'nobody_here',
    });
    expect(errors).toBeUndefined();
    expect(data!.customer).toEqual({ externalId: 'nobody_here', balances: [], wallets: [] });
  });

  it('sends the key as a Bearer token and follows meta.next_page', async () => {
    for (let i = 0; i < 130; i++)
      stack.sandboxes.lago.store.addWallet({
        external_customer_id: 'globex_7',
        currency: 'JPY',
        status: 'terminated',
        code: `old_${i}`,
        created_at: `2020-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
      });
    try {
      const { data, errors } = await stack.execute(CustomerWalletsQuery, {
        externalId: 'globex_7',
      });
      expect(errors).toBeUndefined();
      expect(data!.customer.wallets).toHaveLength(131);
      const pages = lagoRequests()
        .filter((r) => r.path === '/api/v1/wallets')
        .map((r) => new URLSearchParams(r.query).get('page'));
      expect(pages).toEqual(['1', '2']);
      expect(
        lagoRequests().every(
          (r) => r.headers.authorization === `Bearer ${stack.sandboxes.lago.apiKey}`,
        ),
      ).toBe(true);
    } finally {
      stack.sandboxes.lago.store.wallets.splice(5);
    }
  });
});

describe('alerts are a separate call, made only when selected', () => {
  it('no alert call without alertSettings in the selection', async () => {
    await stack.execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(countRequests(lagoRequests(), 'GET', /\/alerts$/)).toBe(0);
  });

  it('one alert call per coded wallet with it, mapped to thresholds', async () => {
    const { data, errors } = await stack.execute(CustomerWalletAlertsQuery, {
      externalId: 'hooli_1234',
    });
    expect(errors).toBeUndefined();
    expect(
      countRequests(
        lagoRequests(),
        'GET',
        /^\/api\/v1\/customers\/hooli_1234\/wallets\/[^/]+\/alerts$/,
      ),
    ).toBe(3);
    const prepaid = data!.customer.wallets.find((w) => w.providerWalletId === PREPAID)!;
    expect(prepaid.alertSettings).toEqual({
      enabled: true,
      state: null,
      thresholds: [
        {
          level: null,
          value: '10.0',
          condition: 'BELOW',
          metric: 'BALANCE',
          recurring: false,
          code: 'warn',
          alertCode: 'low_balance',
        },
        {
          level: null,
          value: '1.0',
          condition: 'BELOW',
          metric: 'BALANCE',
          recurring: false,
          code: 'critical',
          alertCode: 'low_balance',
        },
        {
          level: null,
          value: '5.0',
          condition: 'BELOW',
          metric: 'ONGOING_CREDITS',
          recurring: true,
          code: null,
          alertCode: 'ongoing_credits',
        },
      ],
      critical: null,
      warning: null,
      info: null,
    });
    expect(
      data!.customer.wallets.find((w) => w.providerWalletId === TOKYO)!.alertSettings,
    ).toBeNull();
  });
});

describe('wallet(id) and node loading', () => {
  it('N identical wallet loads in one request reach Lago once', async () => {
    const id = globalId(PREPAID);
    const { data, errors } = await stack.execute(
      `query($id: ID!) {
      a: wallet(id: $id) { balance { amount } }
      b: wallet(id: $id) { balance { amount } }
      c: node(id: $id) { id }
      d: nodes(ids: [$id, $id, $id]) { id }
    }`,
      { id },
    );
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({
      a: { balance: { amount: '42.00' } },
      b: { balance: { amount: '42.00' } },
    });
    expect(countRequests(lagoRequests(), 'GET', new RegExp(`^/api/v1/wallets/${PREPAID}$`))).toBe(
      1,
    );
    expect(lagoRequests()).toHaveLength(1);
  });

  it('distinct ids: one GET each (Lago has no multi-id endpoint)', async () => {
    const { data } = await stack.execute(NodesQuery, {
      ids: [globalId(PREPAID), globalId(TOKYO), globalId(PREPAID)],
    });
    expect(
      data!.nodes.map((n) => (n && 'providerWalletId' in n ? n.providerWalletId : null)),
    ).toEqual([PREPAID, TOKYO, PREPAID]);
    expect(lagoRequests()).toHaveLength(2);
  });

  it('a 404 wallet answers null plus WALLET_NOT_FOUND', async () => {
    const { data, errors, status } = await stack.execute(WalletBalanceQuery, {
      id: globalId('00000000-0000-4000-8000-00000000dead'),
    });
    expect(status).toBe(200);
    expect(data).toEqual({ wallet: null });
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Wallet not found',
        path: ['wallet'],
        extensions: {
          code: 'WALLET_NOT_FOUND',
          provider: 'LAGO',
          upstreamStatus: 404,
          upstreamCode: 'wallet_not_found',
        },
      }),
    ]);
  });

  it('an id that is not a wallet id is refused clearly, before execution', async () => {
    const { data, errors } = await stack.execute(WalletBalanceQuery, { id: 'not-a-global-id' });
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ID', argument: 'id' });
    expect(errors?.[0]?.message).toMatch(/id/i);
  });
});

describe('upstream failures become typed errors, never crashes', () => {
  it('500 from Lago: UPSTREAM_UNAVAILABLE on that wallet', async () => {
    stack.sandboxes.lago.injectFault({
      path: /^\/api\/v1\/wallets\//,
      status: 500,
      body: { status: 500, error: 'Internal Server Error' },
    });
    const { data, errors } = await stack.execute(WalletBalanceQuery, { id: globalId(PREPAID) });
    expect(data).toEqual({ wallet: null });
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['wallet'],
        extensions: expect.objectContaining({
          code: 'UPSTREAM_UNAVAILABLE',
          provider: 'LAGO',
          upstreamStatus: 500,
        }),
      }),
    ]);
  });

  it('garbled JSON with 200: UPSTREAM_BAD_RESPONSE', async () => {
    stack.sandboxes.lago.injectFault({
      path: /^\/api\/v1\/wallets\//,
      status: 200,
      body: '{"wallet": {"lago_id": ',
    });
    const { errors } = await stack.execute(WalletBalanceQuery, { id: globalId(PREPAID) });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      provider: 'LAGO',
    });
  });

  it('a schema-invalid wallet in a list costs that wallet only', async () => {
    const wallet = stack.sandboxes.lago.store.wallet(TOKYO)!;
    const saved = wallet.currency;
    wallet.currency = 'XYZ';
    try {
      const { data, errors } = await stack.execute(CustomerWalletsQuery, {
        externalId: 'hooli_1234',
      });
      expect(data!.customer.wallets.map((w) => w.providerWalletId)).toEqual([PREPAID, LEGACY]);
      expect(errors).toHaveLength(2);
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: ['customer', 'balances'],
            extensions: { code: 'UPSTREAM_BAD_RESPONSE', provider: 'LAGO', walletId: TOKYO },
          }),
          expect.objectContaining({
            path: ['customer', 'wallets'],
            extensions: { code: 'UPSTREAM_BAD_RESPONSE', provider: 'LAGO', walletId: TOKYO },
          }),
        ]),
      );
    } finally {
      wallet.currency = saved;
    }
  });

  it('a 401 from Lago (bad key) is UPSTREAM_UNAUTHORIZED', async () => {
    stack.sandboxes.lago.injectFault({ status: 401, body: { status: 401, error: 'Unauthorized' } });
    const { data, errors } = await stack.execute(CustomerWalletsQuery, {
      externalId: 'hooli_1234',
    });
    expect(data!.customer.wallets).toEqual([]);
    expect(errors?.map((e) => e.extensions?.code)).toContain('UPSTREAM_UNAUTHORIZED');
  });
});

describe('wallets connection', () => {
  it('filters by provider, status and currency, and pages with first/after', async () => {
    const first = await stack.execute(WalletsConnectionQuery, {
      filter: { provider: 'LAGO', status: 'ACTIVE' },
      first: 2,
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.wallets.edges.map((e) => e.node.providerWalletId)).toEqual([
      '1a901a90-1a90-4a90-8a90-000000000005',
      '1a901a90-1a90-4a90-8a90-000000000004',
    ]);
    expect(first.data!.wallets.pageInfo.hasNextPage).toBe(true);
    const rest = await stack.execute(WalletsConnectionQuery, {
      filter: { provider: 'LAGO', status: 'ACTIVE' },
      first: 10,
      after: first.data!.wallets.pageInfo.endCursor,
    });
    expect(rest.data!.wallets.edges.map((e) => e.node.providerWalletId)).toEqual([TOKYO, PREPAID]);
    expect(rest.data!.wallets.pageInfo.hasNextPage).toBe(false);

    const jpy = await stack.execute(WalletsConnectionQuery, { filter: { currency: 'jpy' } });
    expect(jpy.data!.wallets.edges.map((e) => e.node.currency)).toEqual(['JPY', 'JPY']);
    const terminated = await stack.execute(WalletsConnectionQuery, {
      filter: { customerExternalId: 'hooli_1234', status: 'TERMINATED' },
    });
    expect(terminated.data!.wallets.edges.map((e) => e.node.providerWalletId)).toEqual([LEGACY]);
  });
});

describe('secrets', () => {
  it('the Lago API key appears in no response and no log line', async () => {
    stack.logs.length = 0;
    const key = stack.sandboxes.lago.apiKey;
    const bodies = [
      await stack.execute(CustomerWalletsQuery, { externalId: 'hooli_1234' }),
      await stack.execute(CustomerWalletAlertsQuery, { externalId: 'hooli_1234' }),
      await stack.execute(WalletBalanceQuery, { id: globalId('nope') }),
    ];
    stack.sandboxes.lago.injectFault({ status: 500, body: `boom ${key}` });
    bodies.push(await stack.execute(WalletBalanceQuery, { id: globalId(PREPAID) }));
    expect(stack.logs.length).toBeGreaterThan(0);
    for (const body of bodies) expect(JSON.stringify(body)).not.toContain(key);
    for (const line of stack.logs) expect(line).not.toContain(key);
  });
});
