import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { createPolarProvider } from '../../../src/providers/polar/adapter.js';
import { CustomerWalletsQuery } from '../../operations.js';
import {
  ACME,
  ACME_EUR,
  ACME_USD,
  ANONYMOUS_USD,
  CUSTOMER_BY_EXTERNAL_ID,
  CUSTOMER_BY_ID,
  CUSTOMERS,
  expectNoSecretLeaked,
  GLOBEX,
  type HarnessOptions,
  HOOLI,
  HOOLI_USD,
  POLAR_ONLY,
  POLAR_ONLY_USD,
  type PolarHarness,
  startPolarHarness,
  WALLETS,
} from './harness.js';
import { PolarAllWalletsQuery, PolarFourCustomersQuery } from './operations.js';

/** Upstream misbehaviour, pagination and caching edges, each against a fresh sandbox. */

const four = { a: 'hooli_1234', b: 'acme_42', c: 'polar_only_3', d: 'globex_7' };
let h: PolarHarness | undefined;
const start = async (options?: HarnessOptions) => (h = await startPolarHarness(options));
afterEach(async () => {
  if (!h) return;
  expectNoSecretLeaked(h);
  await h.close();
  h = undefined;
});

describe('429 with an empty body and Retry-After (NOTES §0.7)', () => {
  it('is retried after Retry-After and then answers', async () => {
    const { polar, execute, count } = await start({ retries: 2 });
    polar.injectFault({
      method: 'GET',
      path: WALLETS,
      status: 429,
      headers: { 'retry-after': '0' },
      times: 1,
    });
    const { data, errors } = await execute(PolarFourCustomersQuery, four);
    expect(errors).toBeUndefined();
    expect(data!.b.balances.map((b) => b.minorUnits)).toEqual(['2599', '-1250']);
    expect(count('GET', WALLETS)).toBe(2);
  });

  it('the sandbox rate limit (1 request/s per token) is waited out, honouring Retry-After: 1', async () => {
    const { polar, execute, count } = await start({
      retries: 2,
      sandbox: { rateLimit: { requests: 1, windowSeconds: 1 } },
    });
    const started = Date.now();
    const { data, errors } = await execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(errors).toBeUndefined();
    expect(data!.customer.wallets.map((w) => w.balance.amount)).toEqual(['50.00']);
    expect(polar.rateLimited()).toBe(1);
    expect(count('GET', WALLETS)).toBe(2); // 429, then the retry
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("retries exhausted: UPSTREAM_RATE_LIMITED on that provider's wallets, no crash on the empty body", async () => {
    const { polar, execute } = await start({ retries: 0 });
    polar.injectFault({
      method: 'GET',
      path: WALLETS,
      status: 429,
      headers: { 'retry-after': '0' },
    });
    const { data, errors } = await execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(data!.customer).toMatchObject({ wallets: [], balances: [] });
    expect(errors!.map((e) => e.extensions)).toEqual([
      { code: 'UPSTREAM_RATE_LIMITED', provider: 'POLAR', upstreamStatus: 429 },
      { code: 'UPSTREAM_RATE_LIMITED', provider: 'POLAR', upstreamStatus: 429 },
    ]);
  });
});

describe('error bodies (NOTES §6)', () => {
  it('500 is UPSTREAM_UNAVAILABLE with the error class; a token in the body never reaches the caller', async () => {
    const { polar, execute } = await start();
    polar.injectFault({
      path: WALLETS,
      status: 500,
      body: { error: 'InternalServerError', detail: `boom ${polar.accessToken}` },
    });
    const { errors } = await execute(CustomerWalletsQuery, { externalId: 'acme_42' });
    expect(errors![0]!.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      provider: 'POLAR',
      upstreamStatus: 500,
      upstreamCode: 'InternalServerError',
    });
  });

  it('422 is UPSTREAM_ERROR with upstreamCode RequestValidationError', async () => {
    const { polar, execute } = await start();
    polar.injectFault({
      path: WALLETS,
      status: 422,
      body: {
        error: 'RequestValidationError',
        detail: [
          {
            type: 'uuid_parsing',
            loc: ['query', 'customer_id'],
            msg: 'Input should be a valid UUID',
          },
        ],
      },
    });
    const { errors } = await execute(CustomerWalletsQuery, { externalId: 'acme_42' });
    expect(errors![0]!.extensions).toEqual({
      code: 'UPSTREAM_ERROR',
      provider: 'POLAR',
      upstreamStatus: 422,
      upstreamCode: 'RequestValidationError',
    });
  });

  it('a route-level 404 on the customer lookup (e.g. an unserved Polar-Version) is an error, never "unknown customer"', async () => {
    const { execute } = await start({
      fetch: () => (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), 'polar-version': '2019-01' },
        }),
    });
    const { data, errors } = await execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(data!.customer.wallets).toEqual([]);
    expect(errors![0]!.extensions).toEqual({
      code: 'UPSTREAM_ERROR',
      provider: 'POLAR',
      upstreamStatus: 404,
    });
  });

  it('a wrong token: UPSTREAM_UNAUTHORIZED (not an empty customer) and health DOWN', async () => {
    const { polar, logs } = await start();
    const provider = createPolarProvider(
      { apiUrl: polar.url, accessToken: 'polar_oat_wrong', timeoutMs: 2000, retries: 0 },
      createLogger({ level: 'silent' }),
    );
    const [list] = await provider.walletsByCustomers(['hooli_1234']);
    expect(list).toBeInstanceOf(GatewayError);
    expect((list as GatewayError).extensions).toEqual({
      code: 'UPSTREAM_UNAUTHORIZED',
      provider: 'POLAR',
      upstreamStatus: 401,
      upstreamCode: 'Unauthorized',
    });
    const health = await provider.checkHealth();
    expect([health.status, health.error?.code]).toEqual(['DOWN', 'UPSTREAM_UNAUTHORIZED']);
    expect(logs).toEqual([]);
  });
});

describe('one bad wallet costs only itself', () => {
  it('an unknown currency fails that wallet; its siblings and other customers are served', async () => {
    const { polar, execute } = await start();
    const bad = polar.store.addWallet({ customer_id: ACME, currency: 'xyz', balance: 100n });
    const { data, errors } = await execute(PolarFourCustomersQuery, four);
    expect(data!.b.wallets.map((w) => w.providerWalletId).sort()).toEqual(
      [ACME_EUR, ACME_USD].sort(),
    );
    expect(data!.b.balances.map((b) => [b.currency, b.amount])).toEqual([
      ['EUR', '25.99'],
      ['USD', '-12.50'],
    ]);
    expect(data!.a.wallets.map((w) => w.providerWalletId)).toEqual([HOOLI_USD]);
    expect(errors).toHaveLength(2); // b.wallets and b.balances
    expect(errors!.map((e) => [e.path, e.extensions])).toEqual(
      expect.arrayContaining([
        [['b', 'wallets'], { code: 'UPSTREAM_BAD_RESPONSE', provider: 'POLAR', walletId: bad.id }],
        [['b', 'balances'], { code: 'UPSTREAM_BAD_RESPONSE', provider: 'POLAR', walletId: bad.id }],
      ]),
    );
  });

  it('a wallet whose owner cannot be read is reported to every customer of that call, not silently dropped', async () => {
    const { polar, execute } = await start();
    const good = {
      id: HOOLI_USD,
      created_at: '2025-11-12T09:34:05.123456Z',
      modified_at: null,
      customer_id: HOOLI,
      balance: 5000,
      currency: 'usd',
    };
    polar.injectFault({
      path: WALLETS,
      status: 200,
      body: { items: [good, { id: 'x', balance: 1 }], pagination: { total_count: 2, max_page: 1 } },
      times: 1,
    });
    const { data, errors } = await execute(PolarFourCustomersQuery, {
      ...four,
      c: 'acme_42',
      d: 'acme_42',
    });
    expect(data!.a.wallets.map((w) => w.balance.minorUnits)).toEqual(['5000']);
    expect(data!.b.wallets).toEqual([]);
    expect(new Set(errors!.map((e) => e.path![0]))).toEqual(new Set(['a', 'b', 'c', 'd']));
    expect(errors!.every((e) => e.extensions!.code === 'UPSTREAM_BAD_RESPONSE')).toBe(true);
  });
});

describe('pagination (page/max_page, NOTES §0.8, §2.4)', () => {
  it('walks every page with a small page size', async () => {
    const { execute, queries } = await start({ tuning: { pageSize: 2 } });
    const { data, errors } = await execute(PolarAllWalletsQuery, { filter: { provider: 'POLAR' } });
    expect(errors).toBeUndefined();
    expect(data!.wallets.edges).toHaveLength(5);
    expect(
      queries('GET', WALLETS).map((q) => [q.get('page'), q.get('limit'), q.get('sorting')]),
    ).toEqual([
      ['1', '2', 'created_at'],
      ['2', '2', 'created_at'],
      ['3', '2', 'created_at'],
    ]);
  });

  it('a page past the end ({"items":[],"pagination":{"total_count":0,"max_page":0}}) ends the walk; earlier pages are kept', async () => {
    const { execute, count, polar } = await start({
      tuning: { pageSize: 2 },
      // The list shrinks from 5 to 2 wallets right after page 1 is served: page 2 is past the end.
      fetch: (sandbox) => async (input, init) => {
        const res = await fetch(input, init);
        const url = new URL(String(input));
        if (WALLETS.test(url.pathname) && url.searchParams.get('page') === '1') {
          for (const w of sandbox.store.wallets.slice())
            if (![HOOLI_USD, ACME_USD].includes(w.id)) sandbox.store.removeWallet(w.id);
        }
        return res;
      },
    });
    const { data, errors } = await execute(PolarAllWalletsQuery, { filter: { provider: 'POLAR' } });
    expect(errors).toBeUndefined();
    expect(data!.wallets.edges.map((e) => e.node.providerWalletId).sort()).toEqual(
      [HOOLI_USD, ACME_USD].sort(),
    );
    expect(count('GET', WALLETS)).toBe(2);
    expect(polar.store.wallets).toHaveLength(2);
  });

  it('a wallet seen twice while the list grows under the walk is counted once', async () => {
    let inserted = false;
    const { execute } = await start({
      tuning: { pageSize: 2 },
      // An older wallet appears after page 1: every later page shifts by one, repeating an item.
      fetch: (sandbox) => async (input, init) => {
        const res = await fetch(input, init);
        if (!inserted && new URL(String(input)).searchParams.get('page') === '1') {
          inserted = true;
          sandbox.store.addWallet({
            customer_id: GLOBEX,
            currency: 'usd',
            balance: 1n,
            created_at: '2020-01-01T00:00:00Z',
          });
        }
        return res;
      },
    });
    const { data } = await execute(PolarAllWalletsQuery, { filter: { provider: 'POLAR' } });
    const ids = data!.wallets.edges.map((e) => e.node.providerWalletId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(5);
  });

  it('customers are chunked (customerIdsPerCall) and each chunk is paged', async () => {
    const { execute, queries } = await start({ tuning: { customerIdsPerCall: 2, pageSize: 1 } });
    const { data, errors } = await execute(PolarFourCustomersQuery, four);
    expect(errors).toBeUndefined();
    expect(data!.b.wallets).toHaveLength(2);
    const calls = queries('GET', WALLETS).map((q) => [
      q.getAll('customer_id').sort().join(','),
      q.get('page'),
    ]);
    // Chunk {hooli, acme}: 3 wallets, 3 pages; chunk {polar_only, globex}: 1 wallet, 1 page.
    expect(calls.sort()).toEqual(
      [
        [[ACME, HOOLI].sort().join(','), '1'],
        [[ACME, HOOLI].sort().join(','), '2'],
        [[ACME, HOOLI].sort().join(','), '3'],
        [[GLOBEX, POLAR_ONLY].sort().join(','), '1'],
      ].sort(),
    );
  });
});

describe('customer caches', () => {
  it('"no such customer" is believed for a short while only: a customer created later is found', async () => {
    const { execute, count, advance, polar } = await start();
    await execute(CustomerWalletsQuery, { externalId: 'newcomer_9' });
    await execute(CustomerWalletsQuery, { externalId: 'newcomer_9' });
    expect(count('GET', CUSTOMER_BY_EXTERNAL_ID)).toBe(1);
    const c = polar.store.addCustomer({ external_id: 'newcomer_9' });
    polar.store.addWallet({ customer_id: c.id, currency: 'usd', balance: -5n });
    advance(31_000);
    const { data } = await execute(CustomerWalletsQuery, { externalId: 'newcomer_9' });
    expect(count('GET', CUSTOMER_BY_EXTERNAL_ID)).toBe(2);
    expect(data!.customer.wallets.map((w) => [w.customer, w.balance.amount])).toEqual([
      [{ externalId: 'newcomer_9', providerCustomerId: c.id }, '-0.05'],
    ]);
  });

  it('many unknown owners (org-wide list) are resolved with one paged customer list, not one GET each', async () => {
    const { execute, count } = await start({ tuning: { bulkLookupThreshold: 2 } });
    const { data } = await execute(PolarAllWalletsQuery, { filter: { provider: 'POLAR' } });
    expect(data!.wallets.edges.map((e) => e.node.customer.externalId).sort()).toEqual(
      ['acme_42', 'acme_42', 'hooli_1234', 'polar_only_3', null].sort(),
    );
    expect(count('GET', CUSTOMERS)).toBe(1);
    expect(count('GET', CUSTOMER_BY_ID)).toBe(0);
  });

  it('accepts the base URL with its /v1 prefix too', async () => {
    const { execute, polar } = await start({ apiUrl: (url) => `${url}/v1/` });
    const { data } = await execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(data!.customer.wallets).toHaveLength(1);
    expect(
      polar.requests.every((r) => r.path.startsWith('/v1/') && !r.path.startsWith('/v1/v1')),
    ).toBe(true);
  });
});

describe('Polar customer lists are read customer by customer', () => {
  it('one customer with a numeric external_id costs only its own wallet in an org-wide list', async () => {
    const h = await startPolarHarness({ tuning: { bulkLookupThreshold: 0 } });
    try {
      h.polar.injectFault({
        path: /^\/v1\/customers\/?$/,
        transform: (body) => {
          const b = structuredClone(body) as { items: Record<string, unknown>[] };
          for (const c of b.items) if (c.id === ACME) c.external_id = 42;
          return b;
        },
      });
      const { data, errors } = await h.execute(PolarAllWalletsQuery);
      const edges = data!.wallets.edges.map((e) => e.node);
      // Every wallet but acme's two: still read, with their owners' external ids.
      expect(edges.map((w) => w.providerWalletId).sort()).toEqual(
        [HOOLI_USD, POLAR_ONLY_USD, ANONYMOUS_USD].sort(),
      );
      expect(edges.find((w) => w.providerWalletId === HOOLI_USD)!.customer.externalId).toBe(
        'hooli_1234',
      );
      expect(errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
        [['wallets'], 'UPSTREAM_BAD_RESPONSE'],
        [['wallets'], 'UPSTREAM_BAD_RESPONSE'],
      ]);
    } finally {
      await h.close();
    }
  });
});
