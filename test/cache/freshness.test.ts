import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import type { GatewayUnderTest } from '../helpers/stack.js';
import {
  CUSTOMER_WALLETS,
  type CustomerWalletsResult,
  gid,
  HOOLI_LAGO,
  lagoListCalls,
  replicas,
  testClock,
  walletIn,
} from './helpers.js';

/** Fresh reads past the cache, and what a warm cache answers while its provider is down. */

let sandboxes: Sandboxes;
let running: GatewayUnderTest[] = [];

beforeAll(async () => {
  sandboxes = await startSandboxes();
}, 30_000);

afterEach(async () => {
  await Promise.all(running.map((g) => g.close()));
  running = [];
  sandboxes.lago.clearFaults();
});

afterAll(() => sandboxes?.close());

type Vars = Record<string, unknown>;
const hooli = (g: GatewayUnderTest, fresh?: boolean) =>
  g.execute<CustomerWalletsResult, Vars>(CUSTOMER_WALLETS, {
    id: 'hooli_1234',
    ...(fresh !== undefined && { fresh }),
  });
const WALLET =
  'query W($id: ID!, $fresh: Boolean) { wallet(id: $id, fresh: $fresh) { balance { amount } fetchedAt } }';
const LIST =
  'query L($fresh: Boolean) { wallets(filter: { customerExternalId: "hooli_1234", provider: LAGO }, fresh: $fresh) { edges { node { balance { amount } fetchedAt } } } }';
const lagoWalletGets = () =>
  sandboxes.lago.requests.filter((r) => r.path === `/api/v1/wallets/${HOOLI_LAGO}`).length;

describe('fresh: true', () => {
  it('reads past the cache (customer, wallet, wallets), and what it read answers later queries', async () => {
    const clock = testClock();
    const [g] = (running = await replicas(sandboxes, 1, { clock: clock.now }));
    const old = walletIn((await hooli(g!)).data, HOOLI_LAGO);
    const calls = lagoListCalls(sandboxes);
    sandboxes.lago.store.grantCredits(HOOLI_LAGO, '5');
    clock.advance(1000);

    // Cached: the old balance, no call.
    expect(walletIn((await hooli(g!)).data, HOOLI_LAGO)).toEqual(old);
    expect(lagoListCalls(sandboxes)).toBe(calls);

    const fresh = walletIn((await hooli(g!, true)).data, HOOLI_LAGO);
    expect(lagoListCalls(sandboxes)).toBe(calls + 1);
    expect(fresh.balance.amount).not.toBe(old.balance.amount);
    expect(fresh.fetchedAt).toBe(new Date(clock.now()).toISOString());
    // The fresh read rewrote the cache: the next plain query sees it without a call.
    expect(walletIn((await hooli(g!, false)).data, HOOLI_LAGO)).toEqual(fresh);
    expect(lagoListCalls(sandboxes)).toBe(calls + 1);

    const gets = lagoWalletGets();
    const cachedById = await g!.execute(WALLET, { id: gid(`LAGO:${HOOLI_LAGO}`) });
    expect(cachedById.errors).toBeUndefined();
    expect(lagoWalletGets()).toBe(gets);
    clock.advance(1000);
    const byId = await g!.execute(WALLET, { id: gid(`LAGO:${HOOLI_LAGO}`), fresh: true });
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({
      wallet: { balance: fresh.balance, fetchedAt: new Date(clock.now()).toISOString() },
    });
    expect(lagoWalletGets()).toBe(gets + 1);

    const list = await g!.execute(LIST, { fresh: true });
    expect(list.errors).toBeUndefined();
    expect(lagoListCalls(sandboxes)).toBe(calls + 2);
    sandboxes.lago.store.consumeCredits(HOOLI_LAGO, '5');
  });
});

describe('a provider outage with a warm cache', () => {
  it('answers the cached wallets up to WALLET_CACHE_STALE_IF_ERROR_MS, each with the error (extensions.stale); then the error alone', async () => {
    const clock = testClock();
    const [g] = (running = await replicas(sandboxes, 1, { clock: clock.now }));
    const warm = walletIn((await hooli(g!)).data, HOOLI_LAGO);
    sandboxes.lago.injectFault({ path: /^\/api\/v1\/wallets/, status: 500, body: {} });

    // Past the stale-while-revalidate window (2 × 60 s), within stale-if-error (300 s).
    clock.advance(200_000);
    const stale = await hooli(g!);
    expect(walletIn(stale.data, HOOLI_LAGO)).toEqual(warm);
    expect(stale.errors).toHaveLength(1);
    expect(stale.errors![0]).toMatchObject({
      path: ['customer', 'wallets'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'LAGO', stale: true },
    });
    expect(stale.errors![0]!.message).toContain(warm.fetchedAt);

    const byId = await g!.execute(WALLET, { id: gid(`LAGO:${HOOLI_LAGO}`) });
    expect(byId.data).toEqual({ wallet: { balance: warm.balance, fetchedAt: warm.fetchedAt } });
    expect(byId.errors?.map((e) => [e.extensions?.code, e.extensions?.stale])).toEqual([
      ['UPSTREAM_UNAVAILABLE', true],
    ]);

    // A fresh read does not fall back on the cache.
    const fresh = await hooli(g!, true);
    expect(fresh.data?.customer?.wallets.some((w) => w.provider === 'LAGO')).toBe(false);
    expect(fresh.errors?.map((e) => [e.extensions?.code, e.extensions?.stale])).toEqual([
      ['UPSTREAM_UNAVAILABLE', undefined],
    ]);

    // Past stale-if-error: the provider's wallets are missing, with the plain error.
    clock.advance(101_000);
    const gone = await hooli(g!);
    expect(gone.data?.customer?.wallets.some((w) => w.provider === 'LAGO')).toBe(false);
    expect(gone.errors?.map((e) => [e.extensions?.code, e.extensions?.stale])).toEqual([
      ['UPSTREAM_UNAVAILABLE', undefined],
    ]);

    // Every read counted by how it was answered (/metrics).
    const reads = await g!.gateway.metrics.registry.getSingleMetricAsString(
      'walletgate_wallet_cache_reads_total',
    );
    const count = (kind: string, result: string) =>
      reads.match(
        new RegExp(`\\{provider="LAGO",kind="${kind}",result="${result}"\\} (\\d+)`),
      )?.[1];
    expect(count('customer', 'stale_if_error')).toBe('1');
    expect(count('wallet', 'stale_if_error')).toBe('1');
    expect(count('customer', 'fresh')).toBe('1');
    expect(count('customer', 'miss')).toBe('3');
  });
});
