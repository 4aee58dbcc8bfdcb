import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GatewayError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { UpstreamClient, withApiPrefix } from '../../src/providers/http.js';
import { ProviderResilience } from '../../src/providers/resilience/index.js';
import { type RunningSandbox, SandboxRouter, startSandboxServer } from '../../src/sandbox/http.js';

describe('withApiPrefix', () => {
  it('accepts a provider URL with or without its API prefix', () => {
    expect(withApiPrefix('http://lago:3000', '/api/v1')).toBe('http://lago:3000/api/v1');
    expect(withApiPrefix('http://lago:3000/', '/api/v1')).toBe('http://lago:3000/api/v1');
    expect(withApiPrefix('http://lago:3000/api/v1', '/api/v1')).toBe('http://lago:3000/api/v1');
    expect(withApiPrefix('https://api.polar.sh/v1/', '/v1')).toBe('https://api.polar.sh/v1');
  });
});

describe('UpstreamClient', () => {
  let upstream: RunningSandbox;
  const okSchema = z.object({ ok: z.literal(true) });
  const client = (options: { retries?: number; timeoutMs?: number } = {}) =>
    new UpstreamClient({
      baseUrl: upstream.url,
      headers: { authorization: 'Bearer secret' },
      resilience: new ProviderResilience('LAGO', {
        timeoutMs: options.timeoutMs ?? 2000,
        retries: options.retries ?? 2,
      }),
      logger: createLogger({ level: 'silent' }),
    });
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(e instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(e)}`);
    return e;
  };

  beforeAll(async () => {
    upstream = await startSandboxServer({
      router: new SandboxRouter()
        .on('GET', '/ok', () => ({ status: 200, body: { ok: true } }))
        .on('POST', '/ok', () => ({ status: 200, body: { ok: true } })),
      notFound: { status: 404, body: { error: 'nope' } },
      methodNotAllowed: { status: 405 },
      badJson: { status: 400 },
    });
  });
  afterAll(() => upstream.close());

  it('retries idempotent reads on 5xx and succeeds', async () => {
    upstream.requests.length = 0;
    upstream.injectFault({ path: /^\/ok$/, status: 503, times: 2 });
    await expect(client().request({ path: '/ok', schema: okSchema })).resolves.toEqual({
      ok: true,
    });
    expect(upstream.requests).toHaveLength(3);
  });

  it('never retries a POST', async () => {
    upstream.requests.length = 0;
    upstream.injectFault({ path: /^\/ok$/, status: 503, times: 1 });
    const e = await failure(
      client().request({ method: 'POST', path: '/ok', body: {}, schema: okSchema }),
    );
    expect(e.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(upstream.requests).toHaveLength(1);
    upstream.clearFaults();
  });

  it('waits Retry-After before retrying a 429, then gives UPSTREAM_RATE_LIMITED when retries run out', async () => {
    upstream.requests.length = 0;
    upstream.injectFault({
      path: /^\/ok$/,
      status: 429,
      headers: { 'retry-after': '1' },
      times: 2,
    });
    const started = Date.now();
    const e = await failure(client({ retries: 1 }).request({ path: '/ok', schema: okSchema }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(e.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(upstream.requests).toHaveLength(2);
  });

  it('times out slow answers as UPSTREAM_UNAVAILABLE', async () => {
    upstream.injectFault({
      path: /^\/ok$/,
      delayMs: 500,
      status: 200,
      body: { ok: true },
      times: 1,
    });
    const e = await failure(
      client({ retries: 0, timeoutMs: 100 }).request({ path: '/ok', schema: okSchema }),
    );
    expect(e.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(e.message).toBe('LAGO did not answer within 100 ms');
  });

  it('a 2xx that fails the schema is UPSTREAM_BAD_RESPONSE; an unreachable host is UPSTREAM_UNAVAILABLE', async () => {
    upstream.injectFault({ path: /^\/ok$/, status: 200, body: { ok: 'yes' }, times: 1 });
    expect((await failure(client().request({ path: '/ok', schema: okSchema }))).code).toBe(
      'UPSTREAM_BAD_RESPONSE',
    );
    const dead = new UpstreamClient({
      baseUrl: 'http://127.0.0.1:9',
      headers: {},
      resilience: new ProviderResilience('LAGO', { timeoutMs: 1000, retries: 0 }),
      logger: createLogger({ level: 'silent' }),
    });
    expect((await failure(dead.request({ path: '/ok', schema: okSchema }))).code).toBe(
      'UPSTREAM_UNAVAILABLE',
    );
  });
});
