import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalancePoller } from '../../src/events/poller.js';
import type { BalanceRefresher } from '../../src/events/refresher.js';
import type { LiveStores } from '../../src/events/stores.js';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import {
  FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
  flexpriceOutgoing,
} from '../../src/providers/flexprice/sandbox/webhooks.js';
import { until } from '../helpers/live-clients.js';
import { captureLogs, type Stack, startStack } from '../helpers/stack.js';

/**
 * A live store that fails (a Redis error the stores did not absorb, or any other) costs a clean
 * answer and a log line, never a stack trace, an unhandled rejection or the polling loop.
 */
let stack: Stack;
let origin: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  stack = await startStack({ BALANCE_POLL_INTERVAL_MS: '600000' }, { sandboxMode: true });
  origin = new URL(await stack.gateway.listen()).origin;
});
afterAll(async () => {
  await stack.close();
  process.off('unhandledRejection', onUnhandled);
});

const failure = () =>
  Promise.reject(new Error('ECONNRESET at /srv/app/node_modules/ioredis/built/Redis.js:42'));

describe('a failing live store', () => {
  it('a webhook whose dedupe fails is refused 503 WEBHOOK_UNAVAILABLE with Retry-After, logged and counted', async () => {
    const stores = stack.gateway.live.stores as LiveStores;
    const firstSeen = stores.firstSeen;
    stores.firstSeen = failure;
    try {
      const body = JSON.stringify({
        event_type: 'wallet.transaction.created',
        transaction: { id: 'wtxn_fail', wallet_id: SEEDED.hooliUsd, currency: 'usd' },
      });
      const headers = flexpriceOutgoing('wallet.transaction.created', body, {
        url: '',
        secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
      }).headers() as Record<string, string>;
      const res = await fetch(`${origin}/webhooks/flexprice`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      const text = await res.text();
      expect([res.status, res.headers.get('retry-after'), JSON.parse(text)]).toEqual([
        503,
        '30',
        { error: 'delivery dedupe temporarily unavailable', code: 'WEBHOOK_UNAVAILABLE' },
      ]);
      expect(text).not.toMatch(/ioredis|\/srv\/|at /);
      const metrics = await (await fetch(`${origin}/metrics`)).text();
      expect(metrics).toMatch(
        /^walletgate_webhook_deliveries_total\{provider="FLEXPRICE",result="unavailable"\} 1$/m,
      );
      expect(stack.logs.filter((l) => l.includes('webhook dedupe unavailable'))).toHaveLength(1);
    } finally {
      stores.firstSeen = firstSeen;
    }
  });

  it('a poll lease that rejects is logged and the next round still comes', async () => {
    const { lines, logger } = captureLogs();
    const refresher = {
      prime: async () => {},
      refresh: async () => [],
    } as unknown as BalanceRefresher;
    const stores: LiveStores = {
      firstSeen: async () => true,
      swap: async () => null,
      lease: failure,
    };
    const poller = new BalancePoller({
      refresher,
      stores,
      logger,
      intervalMs: 10,
      providers: new Set(['POLAR']),
    });
    const stop = poller.watch({ kind: 'wallet', provider: 'POLAR', walletId: 'w' });
    try {
      await until(() => lines.filter((l) => l.includes('poll lease failed')).length >= 2, 5000);
    } finally {
      stop();
      poller.close();
    }
    expect(unhandled).toEqual([]);
  });
});
