import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { flexpriceCreditDelivery } from '../helpers/flexprice-delivery.js';
import {
  type LiveSubscription,
  subscribeSse,
  subscribeWs,
  until,
} from '../helpers/live-clients.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { type GatewayUnderTest, gatewayFor, TEST_API_KEY } from '../helpers/stack.js';
import { BalanceChangedSubscription } from './operations.js';

/**
 * Two gateway replicas sharing a real redis-server that is killed (SIGKILL) and restarted empty
 * on the same port: nothing exits, queries answer, subscriptions stay open with their replica's
 * own events, webhooks get clean answers, and no delivery is published twice across the restart.
 */
const AUTH = { 'x-api-key': TEST_API_KEY };
const QUERY = print(BalanceChangedSubscription);
const flexWallet = Buffer.from(`Wallet:FLEXPRICE:${SEEDED.hooliUsd}`).toString('base64');
// Polar has no wallet webhooks: it is polled, in rounds the test drives.
const POLAR_HOOLI = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';
const polarWallet = Buffer.from(`Wallet:POLAR:${POLAR_HOOLI}`).toString('base64');

interface Change {
  walletBalanceChanged: {
    eventId: string;
    source: string;
    previousBalance: { amount: string } | null;
    balance: { amount: string };
  };
}
type Sub = LiveSubscription<{ data?: Change; errors?: readonly { message: string }[] }>;

let redis: RedisServer;
let sandboxes: Sandboxes;
let a: GatewayUnderTest;
let b: GatewayUnderTest;
let c: GatewayUnderTest | undefined;
let urlA: string;
let urlB: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  redis = await startRedisServer();
  sandboxes = await startSandboxes();
  const env = {
    REDIS_URL: redis.url,
    BALANCE_POLL_INTERVAL_MS: '60000',
    // The shared rate limiter runs too, and must not fail a request while Redis is away.
    RATE_LIMIT_PER_MINUTE: '100000',
  };
  a = gatewayFor(sandboxes, env, { sandboxMode: true });
  b = gatewayFor(sandboxes, env, { sandboxMode: true });
  [urlA, urlB] = await Promise.all([a.gateway.listen(), b.gateway.listen()]);
}, 30_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await c?.close();
  await sandboxes?.close();
  await redis?.stop();
  process.off('unhandledRejection', onUnhandled);
});

/** A signed Flexprice delivery for a top-up made now; `post` sends the very same delivery again. */
function topUpDelivery(amount: string) {
  sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, amount, { reason: 'PURCHASED_CREDIT_DIRECT' });
  const delivery = flexpriceCreditDelivery(`wtxn_outage_${amount}`, SEEDED.hooliUsd, amount);
  return {
    async post(base: string): Promise<{ status: number; body: Record<string, unknown> }> {
      const res = await delivery.post(base);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}

async function readyz(base: string) {
  const res = await fetch(`${new URL(base).origin}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function walletBalance(base: string): Promise<{ status: number; amount?: string }> {
  const res = await fetch(base, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AUTH },
    body: JSON.stringify({
      query: 'query($id: ID!) { wallet(id: $id) { balance { amount } } }',
      variables: { id: flexWallet },
    }),
  });
  const body = (await res.json()) as { data?: { wallet: { balance: { amount: string } } } };
  return { status: res.status, amount: body.data?.wallet.balance.amount };
}

const change = (e: { data?: Change }) => e.data!.walletBalanceChanged;
const counts = (subs: Sub[]) => subs.map((s) => s.count);
const metric = async (base: string, line: RegExp) =>
  Number(line.exec(await (await fetch(`${new URL(base).origin}/metrics`)).text())?.[1] ?? NaN);

describe('a Redis outage under two replicas', () => {
  let onA: Sub;
  let wsA: Sub;
  let onB: Sub;
  let polarB: Sub;
  let lateA: Sub;
  let d1: ReturnType<typeof topUpDelivery>;
  let d2: ReturnType<typeof topUpDelivery>;
  const seen: Record<string, Change['walletBalanceChanged'][]> = { onA: [], wsA: [], onB: [] };

  it('before: a delivery at A reaches the subscribers of both replicas once', async () => {
    onA = await subscribeSse<Change>(urlA, QUERY, { walletId: flexWallet }, AUTH);
    wsA = await subscribeWs<Change>(urlA, QUERY, { walletId: flexWallet }, AUTH);
    onB = await subscribeSse<Change>(urlB, QUERY, { walletId: flexWallet }, AUTH);
    polarB = await subscribeSse<Change>(urlB, QUERY, { walletId: polarWallet }, AUTH);
    await until(() => a.gateway.live.openStreams === 2 && b.gateway.live.openStreams === 2);
    // B took the polled wallet's baseline.
    await until(() =>
      sandboxes.polar.requests.some((r) => r.path === `/v1/wallets/${POLAR_HOOLI}`),
    );
    expect((await readyz(urlA)).body.status).toBe('ready');

    d1 = topUpDelivery('3');
    expect(await d1.post(urlA)).toEqual({ status: 202, body: { status: 'accepted' } });
    seen.onA!.push(change(await onA.next()));
    seen.wsA!.push(change(await wsA.next()));
    seen.onB!.push(change(await onB.next()));
    expect(new Set(Object.values(seen).map((s) => s[0]!.eventId)).size).toBe(1);
  });

  it('during: both replicas stay up, degraded; queries answer; subscriptions stay open and get their own replica’s events; webhooks are answered cleanly', async () => {
    // Another subscriber on B, on its own topic: leaving during the outage unsubscribes.
    const lago = Buffer.from('Wallet:LAGO:1a901a90-1a90-4a90-8a90-000000000001').toString('base64');
    const leaving = await subscribeWs<Change>(urlB, QUERY, { walletId: lago }, AUTH);
    await until(() => b.gateway.live.openStreams === 3);

    await redis.kill();
    await until(
      () => a.gateway.live.redisStatus() === 'down' && b.gateway.live.redisStatus() === 'down',
    );
    for (const url of [urlA, urlB])
      expect(await readyz(url)).toEqual({
        status: 200,
        body: {
          status: 'degraded',
          providers: { LAGO: 'up', FLEXPRICE: 'up', POLAR: 'up' },
          redis: 'down',
        },
      });
    await leaving.close();
    await until(() => b.gateway.live.openStreams === 2);
    // A subscription opened during the outage, on a topic A did not listen to before.
    lateA = await subscribeSse<Change>(urlA, QUERY, { customerExternalId: 'hooli_1234' }, AUTH);
    await until(() => a.gateway.live.openStreams === 3);

    // A third replica starting now waits a moment for Redis, then serves without it.
    c = gatewayFor(sandboxes, { REDIS_URL: redis.url, BALANCE_POLL_INTERVAL_MS: '60000' });
    const listeningC = c.gateway.listen();
    // Longer than the few seconds after which replicas used to exit.
    const before = (await walletBalance(urlA)).amount;
    const until7s = Date.now() + 7000;
    let answered = 0;
    while (Date.now() < until7s) {
      const [onAnswer, onBnswer] = await Promise.all([walletBalance(urlA), walletBalance(urlB)]);
      expect([onAnswer, onBnswer]).toEqual([
        { status: 200, amount: before },
        { status: 200, amount: before },
      ]);
      answered += 2;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(answered).toBeGreaterThan(10);
    const urlC = await listeningC;
    expect((await readyz(urlC)).body).toMatchObject({ status: 'degraded', redis: 'down' });
    expect(await walletBalance(urlC)).toEqual({ status: 200, amount: before });

    // Automatic persisted queries register and answer from memory.
    const apq = '{ providers { name } }';
    const hash = createHash('sha256').update(apq).digest('hex');
    const persisted = (query?: string) =>
      fetch(urlA, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...AUTH },
        body: JSON.stringify({
          ...(query && { query }),
          extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
        }),
      });
    expect((await persisted(apq)).status).toBe(200);
    const byHash = await persisted();
    expect([byHash.status, ((await byHash.json()) as { data: unknown }).data]).toEqual([
      200,
      { providers: [{ name: 'LAGO' }, { name: 'FLEXPRICE' }, { name: 'POLAR' }] },
    ]);

    // A new delivery at A: A's subscribers get it, compared with the balance A knew.
    d2 = topUpDelivery('2');
    expect(await d2.post(urlA)).toEqual({ status: 202, body: { status: 'accepted' } });
    seen.onA!.push(change(await onA.next()));
    seen.wsA!.push(change(await wsA.next()));
    expect(change(await lateA.next()).eventId).toBe(seen.onA![1]!.eventId);
    expect(seen.onA![1]).toMatchObject({
      source: 'WEBHOOK',
      previousBalance: { amount: seen.onA![0]!.balance.amount },
    });
    expect(seen.wsA![1]!.eventId).toBe(seen.onA![1]!.eventId);
    // The same delivery again, and the one from before the outage: duplicates at A.
    expect(await d2.post(urlA)).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(await d1.post(urlA)).toEqual({ status: 200, body: { status: 'duplicate' } });
    // Retried at B, which did not hear of it: B's own subscriber gets the change once, against
    // the balance B's subscribers were last told.
    expect(await d2.post(urlB)).toEqual({ status: 202, body: { status: 'accepted' } });
    seen.onB!.push(change(await onB.next()));
    expect(seen.onB![1]).toMatchObject({
      previousBalance: { amount: seen.onB![0]!.balance.amount },
      balance: { amount: seen.onA![1]!.balance.amount },
    });

    // A polling round at B: without Redis's lease B polls what its subscriber watches.
    sandboxes.polar.store.topUp(POLAR_HOOLI, 700);
    await b.gateway.live.poller.pollOnce();
    expect(change(await polarB.next())).toMatchObject({
      source: 'POLL',
      previousBalance: { amount: '50.00' },
      balance: { amount: '57.00' },
    });

    await a.gateway.live.idle();
    await b.gateway.live.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(counts([onA, wsA, onB, polarB, lateA])).toEqual([2, 2, 2, 1, 1]);
    expect([onA, wsA, onB, polarB, lateA].map((s) => s.ended)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);

    // Each answer from memory is counted: one dedupe each (the duplicates never reach Redis).
    for (const url of [urlA, urlB])
      expect(
        await metric(url, /^walletgate_redis_fallbacks_total\{operation="dedupe"\} (\d+)$/m),
      ).toBe(1);
    expect(
      await metric(urlB, /^walletgate_redis_fallbacks_total\{operation="lease"\} (\d+)$/m),
    ).toBe(1);
    expect(await metric(urlA, /^walletgate_redis_up (\d+)$/m)).toBe(0);
  }, 30_000);

  it('after: Redis restarted empty; both replicas are ready again; no delivery seen before publishes twice, and the next change compares with the last balance', async () => {
    await redis.restart();
    await until(
      () => [a, b, c!].every((replica) => replica.gateway.live.redisStatus() === 'up'),
      10_000,
    );
    for (const url of [urlA, urlB])
      expect(await readyz(url)).toEqual({
        status: 200,
        body: {
          status: 'ready',
          providers: { LAGO: 'up', FLEXPRICE: 'up', POLAR: 'up' },
          redis: 'up',
        },
      });

    // Both earlier deliveries, at either replica: duplicates (B learns d1 from A's refill).
    for (const url of [urlB, urlA])
      for (const d of [d1, d2])
        expect(await d.post(url)).toEqual({ status: 200, body: { status: 'duplicate' } });

    // A new delivery at B reaches every subscriber once, with the previous balance they saw.
    const d3 = topUpDelivery('4');
    expect(await d3.post(urlB)).toEqual({ status: 202, body: { status: 'accepted' } });
    const [ea, ewa, eb, late] = await Promise.all([
      onA.next(),
      wsA.next(),
      onB.next(),
      lateA.next(),
    ]);
    // Reached A through Redis: A subscribed the topic it took during the outage on reconnect.
    expect(change(late).eventId).toBe(change(eb).eventId);
    seen.onA!.push(change(ea));
    seen.wsA!.push(change(ewa));
    seen.onB!.push(change(eb));
    expect(seen.onA![2]).toMatchObject({
      source: 'WEBHOOK',
      previousBalance: { amount: seen.onA![1]!.balance.amount },
    });
    expect(
      new Set([seen.onA![2]!.eventId, seen.wsA![2]!.eventId, seen.onB![2]!.eventId]).size,
    ).toBe(1);
    await a.gateway.live.idle();
    await b.gateway.live.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(counts([onA, wsA, onB, polarB, lateA])).toEqual([3, 3, 3, 1, 2]);
    for (const events of Object.values(seen))
      expect(new Set(events.map((e) => e.eventId)).size).toBe(3);

    expect((await walletBalance(urlB)).status).toBe(200);
    expect(await metric(urlA, /^walletgate_redis_up (\d+)$/m)).toBe(1);
    expect([a.gateway.server.listening, b.gateway.server.listening]).toEqual([true, true]);
    expect(unhandled).toEqual([]);
    // The outage is logged once per connection (commands, subscriber), without a stack trace.
    for (const { logs } of [a, b]) {
      expect(logs.filter((l) => l.includes('redis unavailable: serving from'))).toHaveLength(2);
      expect(logs.filter((l) => l.includes('redis reconnected'))).toHaveLength(2);
      expect(logs.filter((l) => /\n\s+at |"stack"/.test(l))).toEqual([]);
    }
    for (const sub of [onA, wsA, onB, polarB, lateA]) await sub.close();
    sandboxes.polar.store.consume(POLAR_HOOLI, 700);
  }, 30_000);
});
