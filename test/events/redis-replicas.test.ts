import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { flexpriceCreditDelivery } from '../helpers/flexprice-delivery.js';
import { subscribeSse, subscribeWs, until } from '../helpers/live-clients.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { type GatewayUnderTest, gatewayFor, TEST_API_KEY } from '../helpers/stack.js';
import { BalanceChangedSubscription } from './operations.js';

const AUTH = { 'x-api-key': TEST_API_KEY };

/** Two gateway replicas sharing a real redis-server, as behind a load balancer. */
const QUERY = print(BalanceChangedSubscription);
const POLAR_HOOLI = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';
const walletId = Buffer.from(`Wallet:POLAR:${POLAR_HOOLI}`).toString('base64');
const walletGets = (s: Sandboxes) =>
  s.polar.requests.filter((r) => r.path === `/v1/wallets/${POLAR_HOOLI}`).length;

let redis: RedisServer;
let sandboxes: Sandboxes;
let a: GatewayUnderTest;
let b: GatewayUnderTest;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  redis = await startRedisServer();
  sandboxes = await startSandboxes();
  // A long interval: the test drives polling rounds itself.
  const env = { REDIS_URL: redis.url, BALANCE_POLL_INTERVAL_MS: '60000' };
  // Sandbox mode: the sandboxes' webhook secrets are configured on both replicas.
  a = gatewayFor(sandboxes, env, { sandboxMode: true });
  b = gatewayFor(sandboxes, env, { sandboxMode: true });
  [urlA, urlB] = await Promise.all([a.gateway.listen(), b.gateway.listen()]);
}, 30_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await sandboxes?.close();
  await redis?.stop();
});

describe('replicas over Redis', () => {
  it("one polling round across two replicas polls a target once, and both replicas' subscribers get the change exactly once", async () => {
    const onA = await subscribeSse(urlA, QUERY, { walletId }, AUTH);
    const onB = await subscribeWs(urlB, QUERY, { walletId }, AUTH);
    await until(
      () =>
        a.gateway.live.poller.watchedTargets === 1 && b.gateway.live.poller.watchedTargets === 1,
    );
    // Both replicas took a baseline when their first subscriber arrived.
    await until(() => walletGets(sandboxes) >= 2);

    sandboxes.polar.store.topUp(POLAR_HOOLI, 700);
    const before = walletGets(sandboxes);
    await Promise.all([a.gateway.live.poller.pollOnce(), b.gateway.live.poller.pollOnce()]);
    expect(walletGets(sandboxes) - before).toBe(1);

    const [eventA, eventB] = await Promise.all([onA.next(), onB.next()]);
    expect(eventA.data).toMatchObject({
      walletBalanceChanged: {
        source: 'POLL',
        balance: { amount: '57.00' },
        delta: { amount: '7.00' },
      },
    });
    expect(
      (eventB.data as { walletBalanceChanged: { eventId: string } }).walletBalanceChanged.eventId,
    ).toBe(
      (eventA.data as { walletBalanceChanged: { eventId: string } }).walletBalanceChanged.eventId,
    );

    // The next round on either replica finds nothing new: no second event anywhere.
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([a.gateway.live.poller.pollOnce(), b.gateway.live.poller.pollOnce()]);
    await new Promise((r) => setTimeout(r, 200));
    expect([onA.count, onB.count]).toEqual([1, 1]);
    await onA.close();
    await onB.close();
    sandboxes.polar.store.consume(POLAR_HOOLI, 700);
  });

  it('a webhook accepted by replica A reaches subscribers on A and B exactly once; the same delivery at B is a duplicate', async () => {
    const flexWallet = Buffer.from(`Wallet:FLEXPRICE:${SEEDED.hooliUsd}`).toString('base64');
    const onA = await subscribeWs(urlA, QUERY, { walletId: flexWallet }, AUTH);
    const onB = await subscribeSse(urlB, QUERY, { walletId: flexWallet }, AUTH);
    await until(() => a.gateway.live.openStreams === 1 && b.gateway.live.openStreams === 1);

    sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, '3', { reason: 'PURCHASED_CREDIT_DIRECT' });
    const { post } = flexpriceCreditDelivery('wtxn_r', SEEDED.hooliUsd, '3');
    expect((await post(urlA)).status).toBe(202);
    expect((await post(urlB)).status).toBe(200);

    const [eventA, eventB] = await Promise.all([onA.next(), onB.next()]);
    const id = (e: { data?: unknown }) =>
      (e.data as { walletBalanceChanged: { eventId: string; source: string } })
        .walletBalanceChanged;
    expect(id(eventA).source).toBe('WEBHOOK');
    expect(id(eventB).eventId).toBe(id(eventA).eventId);
    await a.gateway.live.idle();
    await b.gateway.live.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect([onA.count, onB.count]).toEqual([1, 1]);
    await onA.close();
    await onB.close();
  });
});
