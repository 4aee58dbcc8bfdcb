import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { flexpriceCreditDelivery } from '../helpers/flexprice-delivery.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import {
  asCustomer,
  CUSTOMER_WALLETS,
  type CustomerWalletsResult,
  HOOLI_LAGO,
  lagoListCalls,
  replicas,
  testClock,
  walletIn,
} from './helpers.js';

/**
 * The response cache over the wallet cache. Its data cache here asks Lago and Flexprice (webhook
 * providers) on every read (age 0), so each Lago call counts one execution: a response-cache hit
 * makes none. Polar, polled, may be cached as long as the responses (which it would bound).
 */

let redis: RedisServer;
let sandboxes: Sandboxes;

beforeAll(async () => {
  redis = await startRedisServer();
  sandboxes = await startSandboxes();
}, 30_000);
afterAll(async () => {
  await sandboxes?.close();
  await redis?.stop();
});

const ENV = {
  WALLET_CACHE_MAX_AGE_MS: '0',
  WALLET_CACHE_UNVERIFIED_MAX_AGE_MS: '60000',
  WALLET_CACHE_STALE_IF_ERROR_MS: '300000',
  RESPONSE_CACHE_TTL_MS: '60000',
};
type Vars = Record<string, unknown>;
describe('response cache', () => {
  it('a repeated query is answered without executing; per caller; never with fresh: true or errors', async () => {
    const [g] = await replicas(sandboxes, 1, { clock: testClock().now, env: ENV });
    try {
      const run = (vars: Vars, headers?: Record<string, string>) =>
        g!.execute<CustomerWalletsResult, Vars>(CUSTOMER_WALLETS, vars, headers);
      const calls = lagoListCalls(sandboxes);
      const first = await run({ id: 'hooli_1234' });
      expect(first.errors).toBeUndefined();
      expect(await run({ id: 'hooli_1234' })).toEqual(first);
      expect(lagoListCalls(sandboxes)).toBe(calls + 1);

      // Another caller has its own entry.
      const hooli = await asCustomer('hooli_1234');
      expect((await run({ id: 'hooli_1234' }, hooli)).data).toEqual(first.data);
      await run({ id: 'hooli_1234' }, hooli);
      expect(lagoListCalls(sandboxes)).toBe(calls + 2);

      // fresh: true always executes (and rewrites the data, so the cached responses go too).
      await run({ id: 'hooli_1234', fresh: true });
      await run({ id: 'hooli_1234', fresh: true });
      expect(lagoListCalls(sandboxes)).toBe(calls + 4);
      await run({ id: 'hooli_1234' });
      expect(lagoListCalls(sandboxes)).toBe(calls + 5);
      // A variable's declared default counts too.
      const byDefault =
        'query ($f: Boolean = true) { customer(externalId: "hooli_1234", fresh: $f) { wallets { id } } }';
      await g!.execute(byDefault, {});
      await g!.execute(byDefault, {});
      expect(lagoListCalls(sandboxes)).toBe(calls + 7);

      // Provider health is never kept.
      const health = '{ providers { name health { status } } }';
      const before = sandboxes.lago.requests.length;
      await g!.execute(health, {});
      await g!.execute(health, {});
      expect(sandboxes.lago.requests.length - before).toBe(2);
      const beforeErrors = lagoListCalls(sandboxes);

      // A response with an error (a stale copy while Lago fails) is not kept.
      sandboxes.lago.injectFault({ path: /^\/api\/v1\/wallets/, status: 500, body: {} });
      const failing = await run({ id: 'acme_42' });
      expect(failing.errors?.length).toBeGreaterThan(0);
      await run({ id: 'acme_42' });
      expect(lagoListCalls(sandboxes)).toBe(beforeErrors + 2);
    } finally {
      sandboxes.lago.clearFaults();
      await g!.close();
    }
  });

  it('with a polled provider configured (Polar), a response lives no longer than its wallets may be cached', async () => {
    const [g] = await replicas(sandboxes, 1, {
      clock: testClock().now,
      env: { ...ENV, WALLET_CACHE_UNVERIFIED_MAX_AGE_MS: '1' },
    });
    try {
      const calls = lagoListCalls(sandboxes);
      for (let i = 0; i < 3; i++) {
        await g!.execute(CUSTOMER_WALLETS, { id: 'hooli_1234' });
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(lagoListCalls(sandboxes)).toBe(calls + 3);
    } finally {
      await g!.close();
    }
  });

  it('a verified webhook at replica A drops the cached responses naming its wallet on A and B', async () => {
    const [a, b] = await replicas(sandboxes, 2, { redis, clock: testClock().now, env: ENV });
    try {
      const run = (g: typeof a) =>
        g!.execute<CustomerWalletsResult, Vars>(CUSTOMER_WALLETS, { id: 'hooli_1234' });
      const oldA = walletIn((await run(a)).data, SEEDED.hooliUsd).balance.amount;
      const oldB = walletIn((await run(b)).data, SEEDED.hooliUsd).balance.amount;
      expect(oldB).toBe(oldA);
      sandboxes.flexprice.store.topUp(SEEDED.hooliUsd, '2', { reason: 'PURCHASED_CREDIT_DIRECT' });
      // Still the cached responses: nothing told the gateway yet.
      expect(walletIn((await run(b)).data, SEEDED.hooliUsd).balance.amount).toBe(oldA);

      const dropped = b!.gateway.walletCache.tiers.invalidationsReceived;
      const post = await flexpriceCreditDelivery(
        `wtxn_rc_${Date.now()}`,
        SEEDED.hooliUsd,
        '2',
      ).post(a!.url);
      expect(post.status).toBe(202);
      await a!.gateway.live.idle();
      const { until } = await import('../helpers/live-clients.js');
      await until(() => b!.gateway.walletCache.tiers.invalidationsReceived >= dropped + 2);
      const onA = walletIn((await run(a)).data, SEEDED.hooliUsd).balance.amount;
      const onB = walletIn((await run(b)).data, SEEDED.hooliUsd).balance.amount;
      expect(onA).not.toBe(oldA);
      expect(onB).toBe(onA);
      expect(walletIn((await run(a)).data, HOOLI_LAGO)).toBeDefined();
    } finally {
      await a!.close();
      await b!.close();
    }
  });
});
