import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WalletBalanceQuery } from '../../operations.js';
import {
  ACME,
  ACME_USD,
  CUSTOMER_BY_EXTERNAL_ID,
  expectNoSecretLeaked,
  GLOBEX,
  globalId,
  HOOLI,
  HOOLI_USD,
  POLAR_ONLY,
  PORTAL_WALLET_BY_ID,
  PORTAL_WALLETS,
  type PolarHarness,
  SESSIONS,
  startPolarHarness,
  WALLET_BY_ID,
  WALLETS,
} from './harness.js';
import { PolarAllWalletsQuery, PolarFourCustomersQuery } from './operations.js';

/**
 * The private org-level wallet routes gone (404 {"detail":"Not Found"}, NOTES §0.1): the adapter
 * falls back to the public portal path, customer session + portal list (NOTES §2.2-2.3, §9.1).
 */

let h: PolarHarness;
const four = { a: 'hooli_1234', b: 'acme_42', c: 'polar_only_3', d: 'globex_7' };
const authOf = (path: RegExp) =>
  h.polar.requests.filter((r) => path.test(r.path)).map((r) => r.headers.authorization);

beforeAll(async () => {
  h = await startPolarHarness({ sandbox: { orgWalletsEnabled: false } });
});
afterAll(() => h.close());
afterEach(() => {
  expectNoSecretLeaked(h);
  h.polar.requests.length = 0;
  h.polar.clearFaults();
});

describe('portal fallback', () => {
  it('serves the same wallets: one probe of the org route, then one session and one portal list per customer', async () => {
    const { data, errors } = await h.execute(PolarFourCustomersQuery, four);
    expect(errors).toBeUndefined();
    expect(
      data!.a.wallets.map((w) => [w.providerWalletId, w.customer, w.balance.minorUnits]),
    ).toEqual([[HOOLI_USD, { externalId: 'hooli_1234', providerCustomerId: HOOLI }, '5000']]);
    expect(data!.b.balances.map((b) => [b.currency, b.amount])).toEqual([
      ['EUR', '25.99'],
      ['USD', '-12.50'],
    ]);
    expect(data!.c.wallets).toHaveLength(1);
    expect(data!.d).toMatchObject({ wallets: [], balances: [] });

    expect(h.count('GET', WALLETS)).toBe(1); // the probe that answered 404
    expect(h.count('GET', CUSTOMER_BY_EXTERNAL_ID)).toBe(4);
    expect(h.count('POST', SESSIONS)).toBe(4);
    expect(h.count('GET', PORTAL_WALLETS)).toBe(4);
    // Portal calls carry customer session tokens, never the organisation token.
    const sessions = new Set(h.polar.store.sessions.keys());
    for (const auth of authOf(PORTAL_WALLETS)) {
      expect(auth).not.toBe(`Bearer ${h.polar.accessToken}`);
      expect(sessions.has(auth!.replace(/^Bearer /, ''))).toBe(true);
    }
    for (const r of h.polar.requests) expect(r.headers['polar-version']).toBe('2026-04');
    // Each session is for the customer it serves.
    expect([...h.polar.store.sessions.values()].map((s) => s.customer_id).sort()).toEqual(
      [HOOLI, ACME, POLAR_ONLY, GLOBEX].sort(),
    );
  });

  it('remembers the fallback (no new probe) and reuses the sessions (none created)', async () => {
    const { errors } = await h.execute(PolarFourCustomersQuery, four);
    expect(errors).toBeUndefined();
    expect(h.count('GET', WALLETS)).toBe(0);
    expect(h.count('POST', SESSIONS)).toBe(0);
    expect(h.count('GET', CUSTOMER_BY_EXTERNAL_ID)).toBe(0);
    expect(h.count('GET', PORTAL_WALLETS)).toBe(4);
  });

  it("loads a wallet by id through its owner's session once the wallet has been listed", async () => {
    const { data, errors } = await h.execute(WalletBalanceQuery, { id: globalId(ACME_USD) });
    expect(errors).toBeUndefined();
    expect(data!.wallet).toEqual({
      id: globalId(ACME_USD),
      provider: 'POLAR',
      providerWalletId: ACME_USD,
      status: 'ACTIVE',
      balance: { amount: '-12.50', currency: 'USD', minorUnits: '-1250' },
    });
    expect(h.count('GET', WALLET_BY_ID)).toBe(0);
    expect(h.count('GET', PORTAL_WALLET_BY_ID)).toBe(1);
    expect(h.count('POST', SESSIONS)).toBe(0); // acme_42's session from the list is reused
  });

  it('renews a session shortly before it expires', async () => {
    h.advance(56 * 60_000); // 4 min before the 1 h expiry: inside the 5 min margin
    await h.execute(PolarFourCustomersQuery, four);
    expect(h.count('POST', SESSIONS)).toBe(4);
    h.polar.requests.length = 0;
    await h.execute(PolarFourCustomersQuery, four);
    expect(h.count('POST', SESSIONS)).toBe(0);
  });

  it('a revoked session (portal 401) is replaced once and the call retried', async () => {
    h.polar.store.revokeSessions();
    const { data, errors } = await h.execute(PolarFourCustomersQuery, {
      ...four,
      b: 'hooli_1234',
      c: 'hooli_1234',
      d: 'hooli_1234',
    });
    expect(errors).toBeUndefined();
    expect(data!.a.wallets[0]!.balance.minorUnits).toBe('5000');
    expect(h.count('POST', SESSIONS)).toBe(1);
    expect(h.count('GET', PORTAL_WALLETS)).toBe(2);
  });

  it('a wallet never listed cannot be found without the org route: a clear UPSTREAM_ERROR, not a false "not found"', async () => {
    const stranger = h.polar.store.addWallet({
      customer_id: GLOBEX,
      currency: 'usd',
      balance: 100n,
    });
    try {
      const { data, errors } = await h.execute(WalletBalanceQuery, { id: globalId(stranger.id) });
      expect(data).toEqual({ wallet: null });
      expect(errors).toEqual([
        expect.objectContaining({
          path: ['wallet'],
          extensions: { code: 'UPSTREAM_ERROR', provider: 'POLAR' },
        }),
      ]);
      expect(errors![0]!.message).toMatch(/org-level wallet endpoint is unavailable/);
      expect(h.polar.requests).toHaveLength(0);
    } finally {
      h.polar.store.removeWallet(stranger.id);
    }
  });

  it('an org-wide list is refused with UPSTREAM_ERROR (the portal is per customer), without upstream calls', async () => {
    const { data, errors } = await h.execute(PolarAllWalletsQuery, {
      filter: { provider: 'POLAR' },
    });
    expect(data!.wallets.edges).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'UPSTREAM_ERROR', provider: 'POLAR', incomplete: true },
      }),
    ]);
    expect(h.polar.requests).toHaveLength(0);
  });

  it('after the re-check window the org route is tried again, and used when it is back', async () => {
    h.polar.store.orgWalletsEnabled = true;
    try {
      h.advance(10 * 60_000);
      const { data, errors } = await h.execute(PolarFourCustomersQuery, four);
      expect(errors).toBeUndefined();
      expect(data!.b.wallets).toHaveLength(2);
      expect(h.count('GET', WALLETS)).toBe(1);
      expect(h.count('GET', PORTAL_WALLETS)).toBe(0);
      expect(authOf(WALLETS)).toEqual([`Bearer ${h.polar.accessToken}`]);
    } finally {
      h.polar.store.orgWalletsEnabled = false;
      h.advance(10 * 60_000);
    }
  });
});

describe('what triggers the fallback', () => {
  let other: PolarHarness;
  beforeAll(async () => {
    other = await startPolarHarness();
  });
  afterAll(() => other.close());
  afterEach(() => {
    expectNoSecretLeaked(other);
    other.polar.requests.length = 0;
    other.polar.clearFaults();
  });

  it('403 on the org route (token without wallets:read): portal', async () => {
    other.polar.injectFault({
      path: WALLETS,
      status: 403,
      body: { error: 'NotPermitted', detail: 'Not permitted' },
      times: 1,
    });
    const { data, errors } = await other.execute(PolarFourCustomersQuery, four);
    expect(errors).toBeUndefined();
    expect(data!.b.balances.map((b) => b.minorUnits)).toEqual(['2599', '-1250']);
    expect(other.count('GET', PORTAL_WALLETS)).toBe(4);
  });

  it('401 on the org route (bad token) is UPSTREAM_UNAUTHORIZED, not a fallback', async () => {
    other.advance(60 * 60_000); // past the window the previous test opened
    other.polar.injectFault({
      path: WALLETS,
      status: 401,
      body: { error: 'Unauthorized', detail: 'Unauthorized' },
      headers: { 'www-authenticate': 'Bearer realm="polar"' },
      times: 1,
    });
    const { data, errors } = await other.execute(PolarFourCustomersQuery, four);
    expect(data!.a.wallets).toEqual([]);
    expect(errors!.map((e) => e.extensions)).toContainEqual({
      code: 'UPSTREAM_UNAUTHORIZED',
      provider: 'POLAR',
      upstreamStatus: 401,
      upstreamCode: 'Unauthorized',
    });
    expect(other.count('POST', SESSIONS)).toBe(0);
    expect(other.count('GET', PORTAL_WALLETS)).toBe(0);
  });
});
