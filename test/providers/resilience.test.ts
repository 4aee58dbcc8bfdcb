import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GatewayError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { type ErrorMapper, UpstreamClient } from '../../src/providers/http.js';
import type { BreakerState } from '../../src/providers/provider.js';
import {
  ProviderResilience,
  routeOf,
  type UpstreamObserver,
  type UpstreamRequestEvent,
  type UpstreamSettings,
} from '../../src/providers/resilience/index.js';
import { type RunningSandbox, SandboxRouter, startSandboxServer } from '../../src/sandbox/http.js';

/**
 * The provider-wide policies over real HTTP: a tiny sandbox server, its request log as the count
 * of what reached the upstream, and a fetch wrapper where a test needs arrival times.
 */

let upstream: RunningSandbox;
const okSchema = z.object({ ok: z.literal(true) });
const silent = createLogger({ level: 'silent' });

beforeAll(async () => {
  upstream = await startSandboxServer({
    router: new SandboxRouter()
      .on('GET', '/ok', () => ({ status: 200, body: { ok: true } }))
      .on('GET', '/wallets/:id', () => ({ status: 200, body: { ok: true } }))
      .on('POST', '/search', () => ({ status: 200, body: { ok: true } })),
    notFound: { status: 404, body: { error: 'nope' } },
    methodNotAllowed: { status: 405 },
    badJson: { status: 400 },
  });
});
afterAll(() => upstream.close());
afterEach(() => {
  upstream.clearFaults();
  upstream.requests.length = 0;
});

interface Recorder extends UpstreamObserver {
  readonly requests: UpstreamRequestEvent[];
  readonly states: BreakerState[];
  readonly retries: number[];
}

function recorder(): Recorder {
  const r: Recorder = {
    requests: [],
    states: [],
    retries: [],
    onRequest: (e) => void r.requests.push(e),
    onCircuitChange: (_p, s) => void r.states.push(s),
    onRetry: (e) => void r.retries.push(e.delayMs),
  };
  return r;
}

function resilience(settings: Partial<UpstreamSettings> = {}): ProviderResilience {
  return new ProviderResilience('LAGO', { timeoutMs: 2000, retries: 2, ...settings }, silent);
}

function client(
  res: ProviderResilience,
  options: { fetch?: typeof fetch; mapError?: ErrorMapper; headers?: Record<string, string> } = {},
): UpstreamClient {
  return new UpstreamClient({
    baseUrl: upstream.url,
    headers: options.headers ?? { authorization: 'Bearer secret' },
    resilience: res,
    logger: silent,
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.mapError && { mapError: options.mapError }),
  });
}

async function failure(p: Promise<unknown>): Promise<GatewayError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(e)}`);
  return e;
}

/** A fetch that notes when each attempt left (performance.now()). */
function timedFetch(): { fetch: typeof fetch; sent: number[] } {
  const sent: number[] = [];
  return {
    sent,
    fetch: (input, init) => {
      sent.push(performance.now());
      return fetch(input, init);
    },
  };
}

const get = (c: UpstreamClient, path = '/ok') => c.request({ path, schema: okSchema });
const requests = (path: RegExp) => upstream.requests.filter((r) => path.test(r.path)).length;

describe('429 and Retry-After', () => {
  it('a 429 with Retry-After: 1 is retried after ≥ 1 s, and at most `retries` times', async () => {
    upstream.injectFault({ path: /^\/ok$/, status: 429, headers: { 'retry-after': '1' } });
    const { fetch: f, sent } = timedFetch();
    const e = await failure(get(client(resilience({ retries: 2 }), { fetch: f })));
    expect(e.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(e.extensions).toMatchObject({ provider: 'LAGO', upstreamStatus: 429 });
    // 1 + 2 retries, never more, each at least a second after the previous answer was asked for.
    expect(requests(/^\/ok$/)).toBe(3);
    expect(sent).toHaveLength(3);
    // 5 ms of slack for timer granularity (timers may fire a hair before the wall clock agrees).
    for (let i = 1; i < sent.length; i++)
      expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(995);
  });

  it('after one 429 with Retry-After: 1 the retry answers', async () => {
    upstream.injectFault({
      path: /^\/ok$/,
      status: 429,
      headers: { 'retry-after': '1' },
      times: 1,
    });
    const { fetch: f, sent } = timedFetch();
    await expect(get(client(resilience({ retries: 1 }), { fetch: f }))).resolves.toEqual({
      ok: true,
    });
    expect(requests(/^\/ok$/)).toBe(2);
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(995);
  });

  it('a Retry-After above the cap fails fast with UPSTREAM_RATE_LIMITED instead of sleeping', async () => {
    upstream.injectFault({ path: /^\/ok$/, status: 429, headers: { 'retry-after': '30' } });
    const started = performance.now();
    const e = await failure(get(client(resilience({ retries: 2, retryAfterCapMs: 10_000 }))));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(e.message).toBe(
      'LAGO answered HTTP 429 and asked to wait 30 s, longer than the gateway waits',
    );
    expect(requests(/^\/ok$/)).toBe(1);
  });

  it('a Retry-After longer than what is left of the call budget fails fast too', async () => {
    upstream.injectFault({ path: /^\/ok$/, status: 429, headers: { 'retry-after': '3' } });
    const started = performance.now();
    const e = await failure(
      get(client(resilience({ retries: 2, timeoutMs: 1000, budgetMs: 2000 }))),
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(requests(/^\/ok$/)).toBe(1);
  });
});

describe('what is retried', () => {
  it('GETs and idempotent POSTs on 5xx; a plain POST never', async () => {
    upstream.injectFault({ method: 'POST', path: /^\/search$/, status: 502, times: 1 });
    const c = client(resilience({ retries: 2 }));
    await expect(
      c.request({
        method: 'POST',
        idempotent: true,
        path: '/search',
        body: { q: 1 },
        schema: okSchema,
      }),
    ).resolves.toEqual({ ok: true });
    expect(requests(/^\/search$/)).toBe(2);

    upstream.requests.length = 0;
    upstream.injectFault({ method: 'POST', path: /^\/search$/, status: 503, times: 1 });
    expect(
      (
        await failure(
          c.request({ method: 'POST', path: '/search', body: { q: 1 }, schema: okSchema }),
        )
      ).code,
    ).toBe('UPSTREAM_UNAVAILABLE');
    expect(requests(/^\/search$/)).toBe(1);
  });

  it('not a 4xx: 400, 401, 404 and 422 are answered at once, one request each', async () => {
    const c = client(resilience({ retries: 2 }));
    for (const status of [400, 401, 404, 422]) {
      upstream.injectFault({ path: /^\/ok$/, status, times: 1 });
      await failure(get(c));
    }
    expect(requests(/^\/ok$/)).toBe(4);
  });

  it('network errors and timeouts are retried', async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) =>
      ++calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    await expect(get(client(resilience({ retries: 1 }), { fetch: flaky }))).resolves.toEqual({
      ok: true,
    });
    expect(calls).toBe(2);

    upstream.requests.length = 0;
    // No status: the real answer, late. The first attempt times out, the retry is answered.
    upstream.injectFault({ path: /^\/ok$/, delayMs: 1000, times: 1 });
    await expect(
      get(client(resilience({ retries: 1, timeoutMs: 200, budgetMs: 2000 }))),
    ).resolves.toEqual({ ok: true });
    expect(requests(/^\/ok$/)).toBe(2);
  });

  it('the call budget bounds the whole call, retries and waits included', async () => {
    upstream.injectFault({ path: /^\/ok$/, delayMs: 3000 });
    const started = performance.now();
    const e = await failure(get(client(resilience({ retries: 5, timeoutMs: 200, budgetMs: 500 }))));
    const elapsed = performance.now() - started;
    expect(e.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(e.message).toMatch(/^LAGO did not answer within (200|500) ms$/);
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(elapsed).toBeLessThan(1500);
    // 5 retries allowed, but only what fits in 500 ms was sent.
    expect(requests(/^\/ok$/)).toBeLessThanOrEqual(3);
  });
});

describe('circuit breaker (one per provider)', () => {
  const settings = { retries: 0, breakerThreshold: 3, halfOpenInitialMs: 300, halfOpenMaxMs: 300 };

  it('opens after N consecutive failures; while open, calls fail UPSTREAM_UNAVAILABLE and cost no request', async () => {
    const obs = recorder();
    const res = resilience({ ...settings, observer: obs });
    const c = client(res);
    upstream.injectFault({ path: /^\/wallets\//, status: 500 });
    for (let i = 0; i < 3; i++)
      expect((await failure(get(c, `/wallets/${i}`))).extensions.upstreamStatus).toBe(500);
    expect(res.circuitState()).toBe('OPEN');
    expect(requests(/^\/wallets\//)).toBe(3);

    for (let i = 0; i < 5; i++) {
      const e = await failure(get(c, `/wallets/${i}`));
      expect(e.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(e.message).toBe(
        'LAGO is failing: its circuit breaker is open, so no request was sent',
      );
      expect(e.extensions.upstreamStatus).toBeUndefined();
    }
    expect(requests(/^\/wallets\//)).toBe(3);
    expect(res.stats()).toMatchObject({ requests: 3, shortCircuits: 5 });
    expect(obs.requests.map((r) => r.outcome)).toEqual([
      'error',
      'error',
      'error',
      ...Array(5).fill('short_circuit'),
    ]);
    expect(obs.states).toEqual(['OPEN']);
  });

  it('after the half-open wait: one probe however many callers; a failed probe re-opens, a good one closes', async () => {
    const obs = recorder();
    const res = resilience({ ...settings, observer: obs });
    const c = client(res);
    upstream.injectFault({ path: /^\/wallets\//, status: 500, times: 3 });
    for (let i = 0; i < 3; i++) await failure(get(c, `/wallets/${i}`));
    expect(res.circuitState()).toBe('OPEN');

    // Still failing, and slowly: five concurrent callers, distinct paths (no de-duplication).
    await sleep(350);
    upstream.requests.length = 0;
    upstream.injectFault({ path: /^\/wallets\//, status: 500, delayMs: 150 });
    const failed = await Promise.all([1, 2, 3, 4, 5].map((i) => failure(get(c, `/wallets/${i}`))));
    expect(requests(/^\/wallets\//)).toBe(1);
    expect(failed.filter((e) => e.extensions.upstreamStatus === 500)).toHaveLength(1);
    expect(failed.filter((e) => /circuit breaker is open/.test(e.message))).toHaveLength(4);
    expect(res.circuitState()).toBe('OPEN');
    await failure(get(c, '/wallets/6'));
    expect(requests(/^\/wallets\//)).toBe(1);

    // Healthy again (slow, so the other callers are waiting while the probe is out).
    await sleep(350);
    upstream.clearFaults();
    upstream.requests.length = 0;
    upstream.injectFault({ path: /^\/wallets\/1$/, delayMs: 150, times: 1 });
    const calls = [1, 2, 3, 4, 5].map((i) => get(c, `/wallets/${i}`));
    await sleep(75);
    expect(requests(/^\/wallets\//)).toBe(1);
    expect(res.circuitState()).toBe('HALF_OPEN');
    await expect(Promise.all(calls)).resolves.toEqual(Array(5).fill({ ok: true }));
    expect(requests(/^\/wallets\//)).toBe(5);
    expect(res.circuitState()).toBe('CLOSED');
    expect(obs.states).toEqual(['OPEN', 'HALF_OPEN', 'OPEN', 'HALF_OPEN', 'CLOSED']);
  });

  it('4xx and 429 answers do not count: the provider is answering', async () => {
    const res = resilience({ ...settings, breakerThreshold: 2 });
    const c = client(res);
    upstream.injectFault({ path: /^\/wallets\//, status: 404, times: 3 });
    upstream.injectFault({ path: /^\/wallets\//, status: 429, times: 3 });
    for (let i = 0; i < 6; i++) await failure(get(c, `/wallets/${i}`));
    expect(res.circuitState()).toBe('CLOSED');
    expect(requests(/^\/wallets\//)).toBe(6);
  });

  it('is shared by every client of the provider', async () => {
    const res = resilience(settings);
    const wallets = client(res);
    const customers = client(res);
    upstream.injectFault({ path: /^\/wallets\//, status: 503 });
    for (let i = 0; i < 3; i++)
      await failure(wallets.request({ path: `/wallets/${i}`, schema: okSchema }));
    const e = await failure(customers.request({ path: '/ok', schema: okSchema }));
    expect(e.message).toMatch(/circuit breaker is open/);
    expect(requests(/^\/ok$/)).toBe(0);
  });

  it('timeouts count as failures', async () => {
    const res = resilience({ ...settings, timeoutMs: 100 });
    upstream.injectFault({ path: /^\/ok$/, delayMs: 1000 });
    for (let i = 0; i < 3; i++) await failure(get(client(res)));
    expect(res.circuitState()).toBe('OPEN');
  });
});

describe('in-flight de-duplication of GETs', () => {
  it('N concurrent identical GETs: one upstream request, every caller gets the answer', async () => {
    const res = resilience();
    const c = client(res);
    upstream.injectFault({ path: /^\/ok$/, delayMs: 100, times: 1 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(c)));
    expect(answers).toEqual(Array(8).fill({ ok: true }));
    expect(requests(/^\/ok$/)).toBe(1);
    expect(res.stats()).toMatchObject({ requests: 1, deduped: 7 });
  });

  it("across the provider's clients too, each caller mapping a shared failure with its own mapper", async () => {
    const res = resilience();
    const asWallet: ErrorMapper = (status) =>
      status === 404 ? { code: 'WALLET_NOT_FOUND', message: 'Wallet not found' } : undefined;
    const asCustomer: ErrorMapper = (status) =>
      status === 404 ? { code: 'CUSTOMER_NOT_FOUND', message: 'Customer not found' } : undefined;
    upstream.injectFault({ path: /^\/wallets\/x$/, status: 404, delayMs: 100, times: 1 });
    const [a, b] = await Promise.all([
      failure(get(client(res, { mapError: asWallet }), '/wallets/x')),
      failure(get(client(res, { mapError: asCustomer }), '/wallets/x')),
    ]);
    expect([a.code, b.code]).toEqual(['WALLET_NOT_FOUND', 'CUSTOMER_NOT_FOUND']);
    expect(requests(/^\/wallets\/x$/)).toBe(1);
  });

  it('is not a cache: sequential identical GETs are two requests', async () => {
    const c = client(resilience());
    await get(c);
    await get(c);
    expect(requests(/^\/ok$/)).toBe(2);
  });

  it('different query strings or credentials are different requests', async () => {
    const res = resilience();
    upstream.injectFault({ path: /^\/ok$/, delayMs: 100, times: 3 });
    await Promise.all([
      get(client(res)),
      client(res).request({ path: '/ok', query: { page: 2 }, schema: okSchema }),
      client(res).request({
        path: '/ok',
        headers: { authorization: 'Bearer customer-session' },
        schema: okSchema,
      }),
    ]);
    expect(requests(/^\/ok$/)).toBe(3);
  });

  it('POSTs are never shared, idempotent or not', async () => {
    const c = client(resilience());
    upstream.injectFault({ method: 'POST', path: /^\/search$/, delayMs: 100, times: 3 });
    await Promise.all(
      [1, 2, 3].map(() =>
        c.request({
          method: 'POST',
          idempotent: true,
          path: '/search',
          body: { q: 1 },
          schema: okSchema,
        }),
      ),
    );
    expect(requests(/^\/search$/)).toBe(3);
  });
});

describe('observer', () => {
  it('sees each attempt with a low-cardinality route, and each retry', async () => {
    const obs = recorder();
    upstream.injectFault({ path: /^\/wallets\//, status: 503, times: 1 });
    await get(
      client(resilience({ observer: obs })),
      '/wallets/4f9d1c2e-6d0b-4c55-9a4b-0f3e2a1b7c9d',
    );
    expect(
      obs.requests.map(({ provider, method, route, status, outcome }) => ({
        provider,
        method,
        route,
        status,
        outcome,
      })),
    ).toEqual([
      { provider: 'LAGO', method: 'GET', route: '/wallets/:id', status: 503, outcome: 'error' },
      { provider: 'LAGO', method: 'GET', route: '/wallets/:id', status: 200, outcome: 'ok' },
    ]);
    expect(obs.requests.every((r) => r.durationMs >= 0)).toBe(true);
    expect(obs.retries).toHaveLength(1);
  });

  it('a throwing observer never fails a call', async () => {
    const broken: UpstreamObserver = {
      onRequest: () => {
        throw new Error('metrics bug');
      },
      onCircuitChange: () => {
        throw new Error('metrics bug');
      },
    };
    await expect(get(client(resilience({ observer: broken })))).resolves.toEqual({ ok: true });
  });

  it('routes keep resource words and turn every id into :id', () => {
    expect(routeOf('/wallets/0b9f4c8e-2a57-4a7e-9d1e-3f2b6c7d8e9f')).toBe('/wallets/:id');
    expect(routeOf('/customers/hooli_1234/wallets/main/alerts')).toBe(
      '/customers/:id/wallets/:id/alerts',
    );
    expect(routeOf('/wallets/wallet_01HZX3/balance/real-time')).toBe(
      '/wallets/:id/balance/real-time',
    );
    expect(routeOf('/customers/external/acme')).toBe('/customers/external/:id');
    expect(routeOf('/customers/cust_9f8e')).toBe('/customers/:id');
    expect(routeOf('/wallets/12345')).toBe('/wallets/:id');
    expect(routeOf('/customer-portal/wallets/')).toBe('/customer-portal/wallets/');
    expect(routeOf('/wallets/search')).toBe('/wallets/search');
    expect(routeOf('/webhooks/json_public_key')).toBe('/webhooks/json_public_key');
  });
});
