import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { WalletProvider } from '../../src/providers/provider.js';
import { createGateway } from '../../src/server.js';
import { BalanceChangedSubscription } from '../events/operations.js';
import { subscribeSse, subscribeWs, until } from '../helpers/live-clients.js';
import { captureLogs, type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/** Operations: liveness, readiness per provider, Prometheus metrics, request ids, shutdown. */
let stack: Stack;
let url: string;
let origin: string;

beforeAll(async () => {
  stack = await startStack({
    UPSTREAM_BREAKER_THRESHOLD: '2',
    UPSTREAM_BREAKER_HALF_OPEN_INITIAL_MS: '60000',
    UPSTREAM_BREAKER_HALF_OPEN_MS: '60000',
    UPSTREAM_TIMEOUT_MS: '500',
  });
  url = await stack.gateway.listen();
  origin = new URL(url).origin;
});
afterAll(() => stack.close());

const gql = (query: string, headers: Record<string, string> = { 'x-api-key': TEST_API_KEY }) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('health and readiness', () => {
  it('/healthz answers while the process runs', async () => {
    const res = await fetch(`${origin}/healthz`);
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('/readyz: ready with every provider up; a provider whose breaker opened makes it degraded, not down', async () => {
    const ready = await fetch(`${origin}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      {
        status: 'ready',
        providers: { LAGO: 'up', FLEXPRICE: 'up', POLAR: 'up' },
        redis: 'not_configured',
      },
    ]);

    stack.sandboxes.polar.injectFault({ status: 503 });
    for (let i = 0; i < 3; i++)
      await (await gql('{ customer(externalId: "hooli_1234") { wallets { id } } }')).text();
    const states = (await (await gql('{ providers { name circuitState } }')).json()) as {
      data: { providers: { name: string; circuitState: string }[] };
    };
    expect(states.data.providers).toEqual([
      { name: 'LAGO', circuitState: 'CLOSED' },
      { name: 'FLEXPRICE', circuitState: 'CLOSED' },
      { name: 'POLAR', circuitState: 'OPEN' },
    ]);
    const degraded = await fetch(`${origin}/readyz`);
    expect([degraded.status, await degraded.json()]).toEqual([
      200,
      {
        status: 'degraded',
        providers: { LAGO: 'up', FLEXPRICE: 'up', POLAR: 'down' },
        redis: 'not_configured',
      },
    ]);
    stack.sandboxes.polar.clearFaults();
  });
});

describe('metrics', () => {
  it('/metrics exposes GraphQL, upstream (per provider) and breaker metrics', async () => {
    await (await gql('{ customer(externalId: "hooli_1234") { wallets { id } } }')).text();
    const text = await (await fetch(`${origin}/metrics`)).text();
    expect(text).toMatch(/graphql_yoga_http_duration_bucket/);
    expect(text).toMatch(
      /walletgate_upstream_request_duration_seconds_bucket\{[^}]*provider="LAGO"[^}]*route="\/wallets"/,
    );
    expect(text).toMatch(
      /walletgate_upstream_errors_total\{provider="POLAR",outcome="error"\} \d+/,
    );
    expect(text).toMatch(/walletgate_upstream_circuit_state\{provider="POLAR"\} 2/);
    expect(text).toMatch(/walletgate_upstream_circuit_state\{provider="LAGO"\} 0/);
    expect(text).toMatch(/walletgate_live_subscriptions 0/);
  });
});

describe('request ids and masked errors', () => {
  it('every response has x-request-id, every error carries it; a caller-supplied id is kept', async () => {
    const res = await gql('{ nope }', { 'x-api-key': TEST_API_KEY, 'x-request-id': 'trace-123' });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    const body = (await res.json()) as { errors: { extensions: { requestId: string } }[] };
    expect(body.errors[0]!.extensions.requestId).toBe('trace-123');
    const generated = await gql('{ providers { name } }');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unexpected error is masked, with the request id to find it in the logs', async () => {
    const { lines, logger } = captureLogs();
    const broken: WalletProvider = {
      name: 'LAGO',
      walletsByIds: async () => [],
      walletsByCustomers: async () => [],
      listWallets: async () => ({ wallets: [], errors: [] }),
      checkHealth: async () => {
        throw new TypeError('secret internals at /srv/app.js:42');
      },
    };
    const gateway = createGateway(
      { ...loadConfig({}), port: 0, host: '127.0.0.1' },
      { providers: [broken], logger },
    );
    const res = await gateway.yoga.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ providers { health { status } } }' }),
    });
    const body = (await res.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0]!.message).toBe('Unexpected error.');
    expect(body.errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toContain('secret internals');
    const requestId = body.errors[0]!.extensions.requestId as string;
    expect(requestId).toBe(res.headers.get('x-request-id'));
    await gateway.close();
    void lines;
  });
});

describe('graceful shutdown', () => {
  it('completes subscriptions cleanly, finishes in-flight requests, then stops', async () => {
    const own = await startStack();
    const ownUrl = await own.gateway.listen();
    const sub = await subscribeSse(
      ownUrl,
      print(BalanceChangedSubscription),
      { customerExternalId: 'hooli_1234' },
      own.authHeaders,
    );
    const ws = await subscribeWs(
      ownUrl,
      print(BalanceChangedSubscription),
      { customerExternalId: 'hooli_1234' },
      own.authHeaders,
    );
    await until(() => own.gateway.live.openStreams === 2);
    own.sandboxes.lago.injectFault({ path: /^\/api\/v1\/wallets$/, delayMs: 400, times: 1 });
    const slow = fetch(ownUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...own.authHeaders },
      body: JSON.stringify({
        query: '{ customer(externalId: "globex_7") { wallets { provider } } }',
      }),
    });
    await new Promise((r) => setTimeout(r, 100));
    const closing = own.gateway.close();
    const answered = await slow;
    expect(answered.status).toBe(200);
    expect(
      ((await answered.json()) as { data: { customer: { wallets: unknown[] } } }).data.customer
        .wallets.length,
    ).toBeGreaterThan(0);
    await closing;
    expect(own.gateway.live.openStreams).toBe(0);
    await until(() => sub.ended && ws.ended);
    const started = Date.now();
    await sub.close();
    await ws.close();
    void started;
    await expect(fetch(`${new URL(ownUrl).origin}/healthz`)).rejects.toThrow();
    await own.sandboxes.close();
  });
});
