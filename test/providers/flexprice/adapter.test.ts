import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { ExecutionResult } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createFlexpriceProvider } from '../../../src/providers/flexprice/adapter.js';
import { FLEXPRICE_ENVIRONMENT_ID, SEEDED } from '../../../src/providers/flexprice/sandbox/seed.js';
import {
  type FlexpriceSandbox,
  startFlexpriceSandbox,
} from '../../../src/providers/flexprice/sandbox/server.js';
import { createLagoProvider } from '../../../src/providers/lago/adapter.js';
import { startLagoSandbox } from '../../../src/providers/lago/sandbox/server.js';
import { createGateway, type Gateway } from '../../../src/server.js';
import {
  captureLogs,
  countRequests,
  postOperation,
  WALLET_CACHE_OFF_ENV,
} from '../../helpers/stack.js';
import { ProvidersQuery } from '../../operations.js';
import {
  FlexCustomerWalletsQuery,
  FlexNodesQuery,
  FlexWalletQuery,
  FlexWalletsQuery,
} from './operations.js';

/**
 * The Flexprice adapter over real HTTP against the Flexprice sandbox, through the whole gateway
 * (yoga -> Pothos -> DataLoader -> adapter -> UpstreamClient -> sandbox).
 */

// Distinctive, so a leak anywhere is findable.
const API_KEY = 'fp-test-key-9d3e1c77a0b2-DO-NOT-LEAK';

interface Harness {
  readonly gateway: Gateway;
  readonly logs: string[];
  /** Every GraphQL response body, as sent. */
  readonly bodies: string[];
  execute<R, V>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
  ): Promise<ExecutionResult<R> & { status: number }>;
}

function gatewayFor(
  sandbox: FlexpriceSandbox,
  options: { apiKey?: string; apiUrl?: string; environmentId?: string } = {},
): Harness {
  const { lines, logger } = captureLogs();
  const provider = createFlexpriceProvider(
    {
      apiUrl: options.apiUrl ?? sandbox.url,
      apiKey: options.apiKey ?? API_KEY,
      environmentId: options.environmentId,
      timeoutMs: 5000,
      retries: 0,
    },
    logger.child({ provider: 'FLEXPRICE' }),
  );
  const gateway = createGateway(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      UPSTREAM_RETRIES: '0',
      LOG_LEVEL: 'debug',
      ...WALLET_CACHE_OFF_ENV,
    }),
    { providers: [provider], logger },
  );
  const bodies: string[] = [];
  return {
    gateway,
    logs: lines,
    bodies,
    async execute(document, variables) {
      const { status, text, result } = await postOperation(gateway, document, variables);
      bodies.push(text);
      return { ...result, status };
    },
  };
}

const walletId = (nativeId: string) => encodeGlobalID('Wallet', `FLEXPRICE:${nativeId}`);
const codes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) =>
  (errors ?? []).map((e) => e.extensions?.code);

let flex: FlexpriceSandbox;
let h: Harness;
const harnesses: Harness[] = [];

beforeAll(async () => {
  flex = await startFlexpriceSandbox({ apiKey: API_KEY });
  // With the /v1 prefix and a trailing slash: withApiPrefix must accept both forms.
  h = gatewayFor(flex, { apiUrl: `${flex.url}/v1/` });
  harnesses.push(h);
});
afterAll(async () => {
  await Promise.all(harnesses.map((x) => x.gateway.close()));
  await flex.close();
});
afterEach(() => {
  flex.requests.length = 0;
  flex.clearFaults();
});

describe('Flexprice adapter: customer wallets', () => {
  it('lists the active wallets with exact string money, the real-time balance as ongoingBalance, in one upstream call', async () => {
    const res = await h.execute(FlexCustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(res.errors).toBeUndefined();
    const wallets = res.data!.customer.wallets;
    // The closed USD wallet is hidden from customer lists (NOTES §0.4).
    expect(wallets.map((w) => w.providerWalletId).sort()).toEqual(
      [SEEDED.hooliEur, SEEDED.hooliUsd].sort(),
    );

    const usd = wallets.find((w) => w.providerWalletId === SEEDED.hooliUsd)!;
    expect(usd).toMatchObject({
      provider: 'FLEXPRICE',
      customer: { externalId: 'hooli_1234', providerCustomerId: 'cust_01JBRGBK1G71HFE865V215DE1C' },
      name: 'Prepaid Wallet - USD',
      code: null,
      status: 'ACTIVE',
      kind: 'PREPAID',
      currency: 'USD',
      priority: null,
      // 20 credits × rate 2 stored; 40 − 22.5 pending = 17.5 real-time.
      balance: { amount: '40.00', currency: 'USD', minorUnits: '4000' },
      ongoingBalance: { amount: '17.50', currency: 'USD', minorUnits: '1750' },
      ongoingUsage: { amount: '22.50', currency: 'USD' },
      ongoingBalanceIsCached: false,
      credits: {
        balance: '20',
        ongoingBalance: '8.75',
        ongoingUsage: '11.25',
        consumed: null,
        rate: '2',
        topUpRate: '2',
        breakdown: { free: '5', purchased: '15' },
      },
      createdAt: '2025-01-15T12:00:00.123Z',
      updatedAt: '2026-11-20T17:45:12.654Z',
      metadata: [
        { key: 'plan', value: 'pro' },
        { key: 'region', value: 'us' },
      ],
    });
    // raw is the upstream object as received: lower-case currency, string money, nanoseconds.
    expect(usd.raw).toMatchObject({
      currency: 'usd',
      balance: '40',
      real_time_balance: '17.5',
      created_at: '2025-01-15T12:00:00.123456789Z',
      is_cached_fallback: false,
    });

    const eur = wallets.find((w) => w.providerWalletId === SEEDED.hooliEur)!;
    expect(eur).toMatchObject({
      balance: { amount: '250.75' },
      ongoingBalance: { amount: '250.50' },
      credits: { topUpRate: '1.25', ongoingUsage: '0.25' },
      metadata: [],
      alertSettings: null,
    });

    expect(res.data!.customer.balances).toEqual([
      { amount: '250.75', currency: 'EUR' },
      { amount: '40.00', currency: 'USD' },
    ]);
    expect(flex.requests).toHaveLength(1);
    const [call] = flex.requests;
    expect(call!.method).toBe('GET');
    expect(call!.path).toBe('/v1/customers/wallets');
    expect(Object.fromEntries(new URLSearchParams(call!.query))).toEqual({
      lookup_key: 'hooli_1234',
      include_real_time_balance: 'true',
      expand: 'credits_available_breakdown',
    });
  });

  it('maps the auto top-up to one THRESHOLD rule', async () => {
    const res = await h.execute(FlexCustomerWalletsQuery, { externalId: 'hooli_1234' });
    const usd = res.data!.customer.wallets.find((w) => w.providerWalletId === SEEDED.hooliUsd)!;
    expect(usd.recurringTransactionRules).toEqual([
      {
        id: null,
        trigger: 'THRESHOLD',
        interval: null,
        method: 'FIXED',
        thresholdCredits: '5',
        paidCredits: '50',
        grantedCredits: null,
        targetOngoingBalance: null,
        status: 'ACTIVE',
        invoiced: true,
        cooldown: { value: 1, unit: 'HOUR' },
      },
    ]);
    expect(
      res.data!.customer.wallets.find((w) => w.providerWalletId === SEEDED.hooliEur)!
        .recurringTransactionRules,
    ).toEqual([]);
  });

  it('maps alert thresholds and state inline, with no extra upstream call', async () => {
    const res = await h.execute(FlexCustomerWalletsQuery, { externalId: 'hooli_1234' });
    const usd = res.data!.customer.wallets.find((w) => w.providerWalletId === SEEDED.hooliUsd)!;
    expect(usd.alertSettings).toEqual({
      enabled: true,
      state: 'WARNING',
      thresholds: [
        {
          level: 'CRITICAL',
          value: '0',
          condition: 'BELOW',
          metric: 'ONGOING_CREDITS',
          recurring: false,
          code: null,
          alertCode: null,
        },
        {
          level: 'WARNING',
          value: '10',
          condition: 'BELOW',
          metric: 'ONGOING_CREDITS',
          recurring: false,
          code: null,
          alertCode: null,
        },
      ],
      critical: { value: '0' },
      warning: { value: '10' },
      info: null,
    });
    expect(flex.requests).toHaveLength(1);
  });

  it('a postpaid wallet: real-time equals the stored balance; an info-only alert, disabled', async () => {
    const res = await h.execute(FlexCustomerWalletsQuery, { externalId: 'acme_42' });
    expect(res.data!.customer.wallets).toHaveLength(1);
    expect(res.data!.customer.wallets[0]).toMatchObject({
      kind: 'POSTPAID',
      balance: { amount: '1200.00' },
      ongoingBalance: { amount: '1200.00' },
      ongoingUsage: { amount: '0.00' },
      alertSettings: {
        enabled: false,
        state: 'OK',
        thresholds: [{ level: 'INFO', value: '1000', condition: 'ABOVE' }],
        critical: null,
        info: { value: '1000' },
      },
    });
  });

  it('a negative real-time balance and a cache fallback (flex_only_9)', async () => {
    const res = await h.execute(FlexCustomerWalletsQuery, { externalId: 'flex_only_9' });
    const byId = new Map(res.data!.customer.wallets.map((w) => [w.providerWalletId, w]));
    expect(byId.get(SEEDED.flexOnlyNegative)).toMatchObject({
      ongoingBalance: { amount: '-1.25', minorUnits: '-125' },
      credits: { ongoingBalance: '-1.25' },
      alertSettings: { state: 'IN_ALARM' },
    });
    expect(byId.get(SEEDED.flexOnlyCached)).toMatchObject({
      currency: 'JPY',
      balance: { amount: '1500', minorUnits: '1500' },
      ongoingBalance: { amount: '1200' },
      ongoingBalanceIsCached: true,
      ongoingUsage: null,
      credits: { ongoingUsage: null },
    });
  });

  it('a customer Flexprice does not know has no wallets and no error', async () => {
    const res = await h.execute(FlexCustomerWalletsQuery, { externalId: 'globex_7' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.customer.wallets).toEqual([]);
  });

  it('follows the live balance: usage lowers ongoingBalance, not balance', async () => {
    flex.store.consume(SEEDED.hooliEur, '10.1');
    try {
      const res = await h.execute(FlexCustomerWalletsQuery, { externalId: 'hooli_1234' });
      expect(
        res.data!.customer.wallets.find((w) => w.providerWalletId === SEEDED.hooliEur),
      ).toMatchObject({
        balance: { amount: '250.75' },
        ongoingBalance: { amount: '240.40' },
        ongoingUsage: { amount: '10.35' },
      });
    } finally {
      flex.store.wallet(SEEDED.hooliEur)!.pending_charges = '0.25';
    }
  });
});

describe('Flexprice next to Lago', () => {
  it('customer(externalId) joins both providers by external id, totals per currency', async () => {
    const lago = await startLagoSandbox();
    const { logger } = captureLogs();
    const upstream = { timeoutMs: 5000, retries: 0 };
    const gateway = createGateway(loadConfig({ PORT: '0', ...WALLET_CACHE_OFF_ENV }), {
      logger,
      providers: [
        createLagoProvider({ apiUrl: lago.url, apiKey: lago.apiKey, ...upstream }, logger),
        createFlexpriceProvider({ apiUrl: flex.url, apiKey: API_KEY, ...upstream }, logger),
      ],
    });
    try {
      const { data, errors } = (
        await postOperation(gateway, FlexCustomerWalletsQuery, { externalId: 'hooli_1234' })
      ).result;
      expect(errors).toBeUndefined();
      expect(data!.customer.wallets.map((w) => `${w.provider}:${w.currency}`)).toEqual([
        'LAGO:JPY',
        'LAGO:USD',
        'LAGO:USD',
        'FLEXPRICE:EUR',
        'FLEXPRICE:USD',
      ]);
      // Lago USD 42.00 + Flexprice USD 40.00 (stored balances; Lago's terminated wallet is left out).
      expect(data!.customer.balances).toEqual([
        { amount: '250.75', currency: 'EUR' },
        { amount: '150050', currency: 'JPY' },
        { amount: '82.00', currency: 'USD' },
      ]);
    } finally {
      await gateway.close();
      await lago.close();
    }
  });
});

describe('Flexprice adapter: wallets by id', () => {
  it('N ids (with a duplicate and an unknown) cost exactly one POST /wallets/search', async () => {
    const ids = [
      SEEDED.hooliUsd,
      SEEDED.hooliEur,
      SEEDED.hooliClosed,
      SEEDED.flexOnlyNegative,
      SEEDED.acmePostpaid,
      SEEDED.hooliUsd,
      'wallet_01UNKNOWN0000000000000000',
    ];
    const res = await h.execute(FlexNodesQuery, { ids: ids.map(walletId) });
    const nodes = res.data!.nodes;
    expect(nodes.map((n) => (n && 'providerWalletId' in n ? n.providerWalletId : null))).toEqual([
      ...ids.slice(0, 6),
      null,
    ]);
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['nodes', 6], 'WALLET_NOT_FOUND'],
    ]);

    expect(countRequests(flex.requests, 'POST', /^\/v1\/wallets\/search$/)).toBe(1);
    // External ids: one customer lookup for the whole batch.
    expect(countRequests(flex.requests, 'POST', /^\/v1\/customers\/search$/)).toBe(1);
    // Real-time balances for the 4 distinct active wallets; none for the closed one.
    expect(countRequests(flex.requests, 'GET', /\/balance\/real-time$/)).toBe(4);
    expect(countRequests(flex.requests, 'GET', new RegExp(`${SEEDED.hooliClosed}/balance`))).toBe(
      0,
    );
    expect(flex.requests).toHaveLength(6);

    const usd = nodes[0]!;
    expect(usd).toMatchObject({
      id: walletId(SEEDED.hooliUsd),
      customer: { externalId: 'hooli_1234' },
      balance: { amount: '40.00' },
      ongoingBalance: { amount: '17.50' },
      credits: { ongoingBalance: '8.75', breakdown: { free: '5', purchased: '15' } },
      recurringTransactionRules: [{ trigger: 'THRESHOLD', thresholdCredits: '5' }],
      alertSettings: { state: 'WARNING' },
    });
    expect(nodes[3]).toMatchObject({
      customer: { externalId: 'flex_only_9' },
      ongoingBalance: { amount: '-1.25' },
    });
    expect(nodes[5]).toEqual(usd);
  });

  it('the closed wallet is reachable by id (TERMINATED, no real-time figures) though no customer list shows it', async () => {
    const res = await h.execute(FlexWalletQuery, { id: walletId(SEEDED.hooliClosed) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.wallet).toMatchObject({
      providerWalletId: SEEDED.hooliClosed,
      status: 'TERMINATED',
      customer: { externalId: 'hooli_1234' },
      balance: { amount: '0.00' },
      ongoingBalance: null,
      ongoingBalanceIsCached: null,
      alertSettings: null,
    });
    const list = await h.execute(FlexCustomerWalletsQuery, {
      externalId: 'hooli_1234',
      filter: { status: 'TERMINATED' },
    });
    expect(list.data!.customer.wallets).toEqual([]);
  });

  it('an unknown id is WALLET_NOT_FOUND', async () => {
    const res = await h.execute(FlexWalletQuery, {
      id: walletId('wallet_01UNKNOWN0000000000000000'),
    });
    expect(res.data!.wallet).toBeNull();
    expect(codes(res.errors)).toEqual(['WALLET_NOT_FOUND']);
    expect(res.errors![0]!.extensions).toMatchObject({ provider: 'FLEXPRICE' });
  });
});

describe('Flexprice adapter: org-wide list', () => {
  it('lists every wallet, closed included, with real-time balances fetched per customer', async () => {
    const res = await h.execute(FlexWalletsQuery, {});
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.wallets.edges.map((e) => e.node);
    expect(nodes).toHaveLength(6);
    expect(nodes.find((n) => n.providerWalletId === SEEDED.hooliClosed)).toMatchObject({
      status: 'TERMINATED',
      ongoingBalance: null,
      customer: { externalId: 'hooli_1234' },
    });
    expect(nodes.find((n) => n.providerWalletId === SEEDED.hooliUsd)).toMatchObject({
      ongoingBalance: { amount: '17.50' },
    });
    expect(countRequests(flex.requests, 'GET', /^\/v1\/wallets$/)).toBe(1);
    // One real-time list per customer with active wallets (3), never per wallet.
    expect(countRequests(flex.requests, 'GET', /^\/v1\/customers\/wallets$/)).toBe(3);
    expect(countRequests(flex.requests, 'GET', /\/balance\/real-time$/)).toBe(0);
    expect(countRequests(flex.requests, 'POST', /^\/v1\/customers\/search$/)).toBe(1);
  });

  it('filters by status and currency before asking for real-time balances', async () => {
    const res = await h.execute(FlexWalletsQuery, { filter: { status: 'TERMINATED' } });
    expect(res.data!.wallets.edges.map((e) => e.node.providerWalletId)).toEqual([
      SEEDED.hooliClosed,
    ]);
    expect(countRequests(flex.requests, 'GET', /^\/v1\/customers\/wallets$/)).toBe(0);

    flex.requests.length = 0;
    const jpy = await h.execute(FlexWalletsQuery, { filter: { currency: 'JPY' } });
    expect(jpy.data!.wallets.edges.map((e) => e.node.providerWalletId)).toEqual([
      SEEDED.flexOnlyCached,
    ]);
    expect(countRequests(flex.requests, 'GET', /^\/v1\/customers\/wallets$/)).toBe(1);
  });
});

describe('Flexprice adapter: transport and failures', () => {
  it('sends x-api-key (and never Authorization) on every upstream call', async () => {
    await h.execute(FlexNodesQuery, { ids: [walletId(SEEDED.hooliUsd)] });
    await h.execute(FlexCustomerWalletsQuery, { externalId: 'acme_42' });
    await h.execute(ProvidersQuery);
    expect(flex.requests.length).toBeGreaterThanOrEqual(5);
    for (const r of flex.requests) {
      expect(r.headers['x-api-key']).toBe(API_KEY);
      expect(r.headers.authorization).toBeUndefined();
    }
  });

  it('sends X-Environment-ID only when configured; a foreign environment is UPSTREAM_UNAUTHORIZED', async () => {
    await h.execute(FlexWalletQuery, { id: walletId(SEEDED.hooliEur) });
    expect(flex.requests.every((r) => r.headers['x-environment-id'] === undefined)).toBe(true);

    const scoped = gatewayFor(flex, { environmentId: FLEXPRICE_ENVIRONMENT_ID });
    const foreign = gatewayFor(flex, { environmentId: 'env_someone_else' });
    harnesses.push(scoped, foreign);
    flex.requests.length = 0;
    const ok = await scoped.execute(FlexWalletQuery, { id: walletId(SEEDED.hooliEur) });
    expect(ok.data!.wallet).toMatchObject({ providerWalletId: SEEDED.hooliEur });
    expect(flex.requests.map((r) => r.headers['x-environment-id'])).toEqual([
      FLEXPRICE_ENVIRONMENT_ID,
      FLEXPRICE_ENVIRONMENT_ID,
      FLEXPRICE_ENVIRONMENT_ID,
    ]);
    const denied = await foreign.execute(FlexWalletQuery, { id: walletId(SEEDED.hooliEur) });
    expect(codes(denied.errors)).toEqual(['UPSTREAM_UNAUTHORIZED']);
    expect(denied.errors![0]!.extensions).toMatchObject({ upstreamStatus: 403 });
  });

  it('reports capabilities and health through a cheap authenticated call', async () => {
    const res = await h.execute(ProvidersQuery);
    expect(res.data!.providers).toEqual([
      {
        name: 'FLEXPRICE',
        capabilities: {
          credits: true,
          ongoingBalance: true,
          recurringRules: true,
          alerts: true,
          webhooks: true,
          batchWalletsById: true,
          batchWalletsByCustomer: false,
        },
        health: { status: 'UP', latencyMs: expect.any(Number), errorCode: null, message: null },
      },
    ]);
    expect(flex.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/customers/search',
    ]);
  });

  it('a 500 on the real-time route is a typed error on that wallet, and the gateway keeps serving', async () => {
    flex.injectFault({
      method: 'GET',
      path: new RegExp(`${SEEDED.hooliEur}/balance/real-time$`),
      status: 500,
      body: {
        code: 'internal_error',
        message: 'An unexpected error occurred',
        http_status_code: 500,
      },
    });
    const res = await h.execute(FlexNodesQuery, {
      ids: [walletId(SEEDED.hooliUsd), walletId(SEEDED.hooliEur)],
    });
    expect(res.status).toBe(200);
    expect(res.data!.nodes[0]).toMatchObject({
      providerWalletId: SEEDED.hooliUsd,
      ongoingBalance: { amount: '17.50' },
    });
    expect(res.data!.nodes[1]).toBeNull();
    expect(res.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [
        ['nodes', 1],
        {
          code: 'UPSTREAM_UNAVAILABLE',
          provider: 'FLEXPRICE',
          upstreamStatus: 500,
          upstreamCode: 'internal_error',
          walletId: SEEDED.hooliEur,
        },
      ],
    ]);
    flex.clearFaults();
    const after = await h.execute(FlexWalletQuery, { id: walletId(SEEDED.hooliEur) });
    expect(after.errors).toBeUndefined();
    expect(after.data!.wallet).toMatchObject({ ongoingBalance: { amount: '250.50' } });
  });

  it('a 500 on the customer list leaves the customer with a partial error, not a crash', async () => {
    flex.injectFault({
      path: /^\/v1\/customers\/wallets$/,
      status: 503,
      body: { code: 'service_unavailable', message: 'x', http_status_code: 503 },
    });
    const res = await h.execute(FlexCustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(res.status).toBe(200);
    expect(res.data!.customer.wallets).toEqual([]);
    expect(codes(res.errors)).toContain('UPSTREAM_UNAVAILABLE');
  });

  it('one malformed wallet in an upstream answer costs only that wallet', async () => {
    const good = (await (
      await fetch(
        `${flex.url}/v1/customers/wallets?lookup_key=hooli_1234&include_real_time_balance=true`,
        { headers: { 'x-api-key': API_KEY } },
      )
    ).json()) as Record<string, unknown>[];
    const broken = { ...good[0], balance: 'forty' };
    flex.injectFault({ path: /^\/v1\/customers\/wallets$/, status: 200, body: [broken, good[1]] });
    const res = await h.execute(FlexCustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(res.data!.customer.wallets.map((w) => w.providerWalletId)).toEqual([good[1]!.id]);
    // Once for `wallets`, once for `balances`: both fields read the same (cached) customer list.
    expect(codes(res.errors)).toEqual(['UPSTREAM_BAD_RESPONSE', 'UPSTREAM_BAD_RESPONSE']);
  });

  it('a failed customer search falls back to GET /customers/{id} for the external id', async () => {
    flex.injectFault({
      path: /^\/v1\/customers\/search$/,
      status: 500,
      body: { code: 'internal_error', message: 'x', http_status_code: 500 },
    });
    const res = await h.execute(FlexWalletQuery, { id: walletId(SEEDED.hooliUsd) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.wallet).toMatchObject({
      customer: { externalId: 'hooli_1234', providerCustomerId: 'cust_01JBRGBK1G71HFE865V215DE1C' },
    });
  });

  it('failed customer lookups leave external ids unknown but the balances intact', async () => {
    flex.injectFault({
      path: /^\/v1\/customers\/(search|cust_[^/]+)$/,
      status: 500,
      body: { code: 'internal_error', message: 'x', http_status_code: 500 },
    });
    const res = await h.execute(FlexWalletQuery, { id: walletId(SEEDED.hooliUsd) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.wallet).toMatchObject({
      customer: { externalId: null, providerCustomerId: 'cust_01JBRGBK1G71HFE865V215DE1C' },
      ongoingBalance: { amount: '17.50' },
    });
  });

  it('a wrong key is UPSTREAM_UNAUTHORIZED, and health says DOWN', async () => {
    const wrong = gatewayFor(flex, { apiKey: 'not-the-key' });
    harnesses.push(wrong);
    const res = await wrong.execute(FlexWalletQuery, { id: walletId(SEEDED.hooliUsd) });
    expect(codes(res.errors)).toEqual(['UPSTREAM_UNAUTHORIZED']);
    expect(res.errors![0]!.extensions).toMatchObject({ upstreamStatus: 401 });
    const health = await wrong.execute(ProvidersQuery);
    expect(health.data!.providers[0]!.health).toMatchObject({
      status: 'DOWN',
      errorCode: 'UPSTREAM_UNAUTHORIZED',
    });
  });

  it('a wrong base URL (gin 404 page) is not mistaken for a missing wallet', async () => {
    const misrouted = gatewayFor(flex, { apiUrl: `${flex.url}/api` });
    harnesses.push(misrouted);
    const res = await misrouted.execute(FlexWalletQuery, { id: walletId(SEEDED.hooliUsd) });
    expect(codes(res.errors)).toEqual(['UPSTREAM_ERROR']);
  });

  // Last: scans what every test above produced.
  it('the API key appears in no response body and no log line', () => {
    const everything = harnesses.flatMap((x) => [...x.bodies, ...x.logs]);
    expect(everything.length).toBeGreaterThan(20);
    expect(h.logs.some((l) => l.includes('"upstream"'))).toBe(true);
    for (const text of everything) expect(text).not.toContain(API_KEY);
  });
});
