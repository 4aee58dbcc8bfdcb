import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { flexpriceCreditDelivery } from '../helpers/flexprice-delivery.js';
import { until } from '../helpers/live-clients.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import type { GatewayUnderTest } from '../helpers/stack.js';
import {
  CUSTOMER_WALLETS,
  type CustomerWalletsResult,
  lagoListCalls,
  replicas,
  testClock,
  walletIn,
} from './helpers.js';

/** The wallet cache across two replicas sharing a real redis-server. */

let redis: RedisServer;
let sandboxes: Sandboxes;
let running: GatewayUnderTest[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  sandboxes = await startSandboxes();
}, 30_000);

afterEach(async () => {
  await Promise.all(running.map((g) => g.close()));
  running = [];
  for (const s of [sandboxes.lago, sandboxes.flexprice, sandboxes.polar]) s.clearFaults();
});

afterAll(async () => {
  await sandboxes?.close();
  await redis?.stop();
});

const hooli = (g: GatewayUnderTest) =>
  g.execute<CustomerWalletsResult, Record<string, unknown>>(CUSTOMER_WALLETS, { id: 'hooli_1234' });

const flexpriceWebhook = () =>
  flexpriceCreditDelivery(`wtxn_cache_${Date.now()}`, SEEDED.hooliUsd, '3');

describe('wallet cache across replicas', () => {
  it('a verified webhook at replica A makes the next query on A and on B see the new balance', async () => {
    const clock = testClock();
    const [a, b] = (running = await replicas(sandboxes, 2, { redis, clock: clock.now }));

    const first = await hooli(a!);
    expect(first.errors).toBeUndefined();
    const old = walletIn(first.data, SEEDED.hooliUsd).balance.amount;
    const flexCalls = sandboxes.flexprice.requests.length;
    // B finds what A fetched in Redis; later queries on either are cache hits: no upstream call.
    for (const g of [b!, a!, b!])
      expect(walletIn((await hooli(g)).data, SEEDED.hooliUsd).balance.amount).toBe(old);
    expect(sandboxes.flexprice.requests.length).toBe(flexCalls);

    // The provider changes behind the gateway's back: the cached copy still answers.
    sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, '3', { reason: 'PURCHASED_CREDIT_DIRECT' });
    expect(walletIn((await hooli(b!)).data, SEEDED.hooliUsd).balance.amount).toBe(old);

    const dropped = b!.gateway.walletCache.tiers.invalidationsReceived;
    const post = await flexpriceWebhook().post(a!.url);
    expect(post.status).toBe(202);
    await a!.gateway.live.idle();
    // The re-read rewrote the wallet and dropped the customer's list: two messages to B.
    await until(() => b!.gateway.walletCache.tiers.invalidationsReceived >= dropped + 2);

    const onA = walletIn((await hooli(a!)).data, SEEDED.hooliUsd);
    const onB = walletIn((await hooli(b!)).data, SEEDED.hooliUsd);
    expect(onA.balance.amount).not.toBe(old);
    expect(onB.balance.amount).toBe(onA.balance.amount);
    expect(onB.fetchedAt).toBe(onA.fetchedAt);
    const fresh = await a!.execute<CustomerWalletsResult, Record<string, unknown>>(
      CUSTOMER_WALLETS,
      { id: 'hooli_1234', fresh: true },
    );
    expect(walletIn(fresh.data, SEEDED.hooliUsd).balance.amount).toBe(onA.balance.amount);
  });

  it('an expired entry is refreshed once for 40 concurrent queries on two replicas, which get the stale copy meanwhile', async () => {
    const clock = testClock();
    const [a, b] = (running = await replicas(sandboxes, 2, { redis, clock: clock.now }));
    const before = lagoListCalls(sandboxes);
    const first = await hooli(a!);
    await hooli(b!);
    expect(lagoListCalls(sandboxes) - before).toBe(1);
    const cachedAt = walletIn(first.data, '1a901a90-1a90-4a90-8a90-000000000001').fetchedAt;

    // Past Lago's max age (webhooks configured: 60 s), within the stale-while-revalidate window.
    clock.advance(61_000);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => hooli(i % 2 === 0 ? a! : b!)),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(walletIn(answer.data, '1a901a90-1a90-4a90-8a90-000000000001').fetchedAt).toBe(
        cachedAt,
      );
    }
    await Promise.all([a!.gateway.walletCache.idle(), b!.gateway.walletCache.idle()]);
    expect(lagoListCalls(sandboxes) - before).toBe(2);

    // The refreshed copy answers next, on both replicas, with no further call.
    await until(async () => {
      const onB = await hooli(b!);
      return walletIn(onB.data, '1a901a90-1a90-4a90-8a90-000000000001').fetchedAt !== cachedAt;
    });
    const onA = await hooli(a!);
    expect(walletIn(onA.data, '1a901a90-1a90-4a90-8a90-000000000001').fetchedAt).toBe(
      new Date(clock.now()).toISOString(),
    );
    expect(lagoListCalls(sandboxes) - before).toBe(2);
  });

  it('an entry past every window is read once for 20 concurrent queries on one replica', async () => {
    const clock = testClock();
    const [a] = (running = await replicas(sandboxes, 1, { redis, clock: clock.now }));
    await hooli(a!);
    const before = lagoListCalls(sandboxes);
    clock.advance(10 * 60_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => hooli(a!)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(lagoListCalls(sandboxes) - before).toBe(1);
  });

  it('Redis dying under a running replica: queries keep answering from the local tier and the providers', async () => {
    const own = await startRedisServer();
    const clock = testClock();
    const [a] = (running = await replicas(sandboxes, 1, { redis: own, clock: clock.now }));
    expect((await hooli(a!)).errors).toBeUndefined();
    await own.stop();
    const before = lagoListCalls(sandboxes);
    const started = Date.now();
    // A local hit, then (past every window) a read from the provider: Redis is never waited for.
    expect((await hooli(a!)).errors).toBeUndefined();
    expect(lagoListCalls(sandboxes)).toBe(before);
    clock.advance(10 * 60_000);
    expect((await hooli(a!)).errors).toBeUndefined();
    expect(lagoListCalls(sandboxes)).toBe(before + 1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('Redis away: a webhook-fed wallet is trusted only for the unannounced age; back, each replica drops what it may have missed', async () => {
    const own = await startRedisServer();
    const clock = testClock();
    const [a, b] = (running = await replicas(sandboxes, 2, { redis: own, clock: clock.now }));
    const old = walletIn((await hooli(a!)).data, SEEDED.hooliUsd).balance.amount;
    expect(walletIn((await hooli(b!)).data, SEEDED.hooliUsd).balance.amount).toBe(old);
    expect(b!.gateway.walletCache.maxAgeMs('FLEXPRICE')).toBe(60_000);

    await own.kill();
    await until(() => !a!.gateway.walletCache.tiers.announced);
    await until(() => !b!.gateway.walletCache.tiers.announced);
    // A's rewrite cannot reach B now: B trusts its copy only as long as a polled provider's.
    expect(b!.gateway.walletCache.maxAgeMs('FLEXPRICE')).toBe(2000);
    sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, '3', { reason: 'PURCHASED_CREDIT_DIRECT' });
    const post = await flexpriceWebhook().post(a!.url);
    expect(post.status).toBe(202);
    await a!.gateway.live.idle();
    const updated = walletIn((await hooli(a!)).data, SEEDED.hooliUsd).balance.amount;
    expect(updated).not.toBe(old);

    await own.restart();
    await until(() => b!.gateway.walletCache.tiers.announced, 15_000);
    expect(b!.gateway.walletCache.maxAgeMs('FLEXPRICE')).toBe(60_000);
    // The restarted Redis is empty and B dropped its local copy: the provider answers anew.
    expect(walletIn((await hooli(b!)).data, SEEDED.hooliUsd).balance.amount).toBe(updated);
    await own.stop();
  }, 40_000);

  it('Redis unreachable: the cache fails open to its local tier and the providers, every query answers', async () => {
    const clock = testClock();
    const [a] = (running = await replicas(sandboxes, 1, {
      clock: clock.now,
      env: { REDIS_URL: 'redis://127.0.0.1:1' },
      listen: false,
    }));
    const before = lagoListCalls(sandboxes);
    for (let i = 0; i < 3; i++) expect((await hooli(a!)).errors).toBeUndefined();
    // One upstream read; the others are local hits.
    expect(lagoListCalls(sandboxes) - before).toBe(1);
  });
});
