import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxes, type Sandboxes } from '../../src/sandbox/index.js';
import { subscribeSse, subscribeWs, until } from '../helpers/live-clients.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { gatewayFor, type GatewayUnderTest } from '../helpers/stack.js';
import { BalanceChangedSubscription } from './operations.js';

/** Two gateway replicas sharing a real redis-server, as behind a load balancer. */
const QUERY = print(BalanceChangedSubscription);
const POLAR_HOOLI = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';
const walletId = Buffer.from(`Wallet:POLAR:${POLAR_HOOLI}`).toString('base64');
const walletGets = (s: Sandboxes) => s.polar.requests.filter((r) => r.path === `/v1/wallets/${POLAR_HOOLI}`).length;

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
  a = gatewayFor(sandboxes, env);
  b = gatewayFor(sandboxes, env);
  [urlA, urlB] = await Promise.all([a.gateway.listen(), b.gateway.listen()]);
}, 30_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await sandboxes?.close();
  await redis?.stop();
});

describe('replicas over Redis', () => {
  it('one polling round across two replicas polls a target once, and both replicas\' subscribers get the change exactly once', async () => {
    const onA = await subscribeSse(urlA, QUERY, { walletId });
    const onB = await subscribeWs(urlB, QUERY, { walletId });
    await until(() => a.gateway.live.poller.watchedTargets === 1 && b.gateway.live.poller.watchedTargets === 1);
    // Both replicas took a baseline when their first subscriber arrived.
    await until(() => walletGets(sandboxes) >= 2);

    sandboxes.polar.store.topUp(POLAR_HOOLI, 700);
    const before = walletGets(sandboxes);
    await Promise.all([a.gateway.live.poller.pollOnce(), b.gateway.live.poller.pollOnce()]);
    expect(walletGets(sandboxes) - before).toBe(1);

    const [eventA, eventB] = await Promise.all([onA.next(), onB.next()]);
    expect(eventA.data).toMatchObject({ walletBalanceChanged: { source: 'POLL', balance: { amount: '57.00' }, delta: { amount: '7.00' } } });
    expect((eventB.data as { walletBalanceChanged: { eventId: string } }).walletBalanceChanged.eventId)
      .toBe((eventA.data as { walletBalanceChanged: { eventId: string } }).walletBalanceChanged.eventId);

    // The next round on either replica finds nothing new: no second event anywhere.
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([a.gateway.live.poller.pollOnce(), b.gateway.live.poller.pollOnce()]);
    await new Promise((r) => setTimeout(r, 200));
    expect([onA.count, onB.count]).toEqual([1, 1]);
    await onA.close();
    await onB.close();
    sandboxes.polar.store.consume(POLAR_HOOLI, 700);
  });
});
