import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { GatewayError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { UpstreamClient } from '../../src/providers/http.js';
import type { BreakerState } from '../../src/providers/provider.js';
import { ProviderResilience } from '../../src/providers/resilience/index.js';
import { type RunningSandbox, SandboxRouter, startSandboxServer } from '../../src/sandbox/http.js';

/**
 * The breaker's half-open wait fits bursts: it starts at a second, doubles while probes keep
 * failing, stops at the cap, and starts over once a probe succeeds. Only `Date` is faked (the
 * breaker reads the time from it), so requests still go over real HTTP to a sandbox server.
 */

let upstream: RunningSandbox;
const okSchema = z.object({ ok: z.literal(true) });
const silent = createLogger({ level: 'silent' });
const THRESHOLD = 3;

beforeAll(async () => {
  upstream = await startSandboxServer({
    router: new SandboxRouter().on('GET', '/wallets/:id', () => ({
      status: 200,
      body: { ok: true },
    })),
    notFound: { status: 404, body: { error: 'nope' } },
    methodNotAllowed: { status: 405 },
    badJson: { status: 400 },
  });
});
afterAll(() => upstream.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  upstream.clearFaults();
  upstream.requests.length = 0;
});

function setup(settings: { halfOpenInitialMs?: number; halfOpenMaxMs?: number } = {}) {
  const states: BreakerState[] = [];
  const res = new ProviderResilience(
    'LAGO',
    {
      retries: 0,
      timeoutMs: 2000,
      breakerThreshold: THRESHOLD,
      ...settings,
      observer: { onRequest: () => {}, onCircuitChange: (_p, s) => void states.push(s) },
    },
    silent,
  );
  const client = new UpstreamClient({
    baseUrl: upstream.url,
    headers: {},
    resilience: res,
    logger: silent,
  });
  let n = 0;
  /** One call on a fresh path (no de-duplication): 'ok', the upstream status, or 'refused'. */
  const call = async (): Promise<'ok' | 'refused' | number> => {
    try {
      await client.request({ path: `/wallets/${n++}`, schema: okSchema });
      return 'ok';
    } catch (e) {
      if (!(e instanceof GatewayError)) throw e;
      if (/circuit breaker is open/.test(e.message)) return 'refused';
      return e.extensions.upstreamStatus as number;
    }
  };
  const sent = () => upstream.requests.length;
  return { res, call, sent, states };
}

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('half-open wait that backs off', () => {
  it('defaults: a brief burst opens the breaker, and it closes about 1 s later once the upstream is healthy', async () => {
    const { res, call, sent, states } = setup();
    upstream.injectFault({ path: /^\/wallets\//, status: 500, times: THRESHOLD });
    for (let i = 0; i < THRESHOLD; i++) expect(await call()).toBe(500);
    expect(res.circuitState()).toBe('OPEN');

    advance(999);
    expect(await call()).toBe('refused');
    expect(sent()).toBe(THRESHOLD);

    advance(1);
    expect(await call()).toBe('ok');
    expect(sent()).toBe(THRESHOLD + 1);
    expect(res.circuitState()).toBe('CLOSED');
    expect(states).toEqual(['OPEN', 'HALF_OPEN', 'CLOSED']);
  });

  it('a persistent outage: each failed probe doubles the wait, up to the cap', async () => {
    const { res, call, sent } = setup({ halfOpenInitialMs: 1000, halfOpenMaxMs: 10_000 });
    upstream.injectFault({ path: /^\/wallets\//, status: 503 });
    for (let i = 0; i < THRESHOLD; i++) await call();
    expect(res.circuitState()).toBe('OPEN');

    for (const expected of [1000, 2000, 4000, 8000, 10_000, 10_000]) {
      const before = sent();
      // Refused a millisecond before the wait ends, probed exactly when it does.
      advance(expected - 1);
      expect(await call()).toBe('refused');
      expect(sent()).toBe(before);
      advance(1);
      expect(await call()).toBe(503);
      expect(sent()).toBe(before + 1);
      expect(res.circuitState()).toBe('OPEN');
    }
  });

  it('a successful probe resets the wait: the next burst costs a second again', async () => {
    const { res, call } = setup({ halfOpenInitialMs: 1000, halfOpenMaxMs: 10_000 });
    upstream.injectFault({ path: /^\/wallets\//, status: 500, times: THRESHOLD + 2 });
    for (let i = 0; i < THRESHOLD; i++) await call();
    advance(1000);
    expect(await call()).toBe(500);
    advance(2000);
    expect(await call()).toBe(500);
    advance(4000);
    expect(await call()).toBe('ok');
    expect(res.circuitState()).toBe('CLOSED');

    upstream.injectFault({ path: /^\/wallets\//, status: 500, times: THRESHOLD });
    for (let i = 0; i < THRESHOLD; i++) expect(await call()).toBe(500);
    expect(res.circuitState()).toBe('OPEN');
    advance(1000);
    expect(await call()).toBe('ok');
    expect(res.circuitState()).toBe('CLOSED');
  });

  it('an initial wait above the cap is the cap (a fixed window)', async () => {
    const { res, call } = setup({ halfOpenInitialMs: 5000, halfOpenMaxMs: 300 });
    expect(res.settings).toMatchObject({ halfOpenInitialMs: 300, halfOpenMaxMs: 300 });
    upstream.injectFault({ path: /^\/wallets\//, status: 500 });
    for (let i = 0; i < THRESHOLD; i++) await call();
    for (let round = 0; round < 3; round++) {
      advance(299);
      expect(await call()).toBe('refused');
      advance(1);
      expect(await call()).toBe(500);
    }
  });
});
