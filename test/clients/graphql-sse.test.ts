import { readdirSync, readFileSync } from 'node:fs';
import { type Client, createClient } from 'graphql-sse';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../helpers/live-clients.js';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/**
 * graphql-sse's own client (distinct connections mode: one POSTed SSE stream per subscription,
 * as yoga serves them) against the SSE fan-out: subscribers whose results could differ never
 * share a group, and each member's errors carry its own request id.
 */
const LAGO_PREPAID = '1a901a90-1a90-4a90-8a90-000000000001';
const JWT_SECRET = 'walletgate-test-jwt-secret-sse-0123456789abc';

/** One stream's events, to await one at a time. */
function subscribe(
  client: Client,
  payload: { query: string; operationName?: string; variables?: Record<string, unknown> },
) {
  const events: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe(payload, {
    next: (value) => {
      events.push(value as Record<string, unknown>);
      for (const w of waiters.splice(0)) w();
    },
    error: (e) => errors.push(e),
    complete: () => {},
  });
  return {
    events,
    errors,
    stop,
    async next(index: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length <= index) {
        if (Date.now() > deadline) throw new Error(`no event ${index} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return events[index]!;
    },
  };
}

const sseClient = (url: string, headers: Record<string, string>) =>
  createClient({ url, singleConnection: false, retryAttempts: 0, headers });

async function groupsOf(url: string): Promise<number> {
  const metrics = await (await fetch(`${new URL(url).origin}/metrics`)).text();
  return Number(/walletgate_sse_fanout_groups (\d+)/.exec(metrics)?.[1]);
}

describe('two operations of one document, by operationName', () => {
  let stack: Stack;
  let url: string;
  beforeAll(async () => {
    stack = await startStack({ BALANCE_POLL_INTERVAL_MS: '600000' }, { sandboxMode: true });
    url = await stack.gateway.listen();
    stack.sandboxes.sendWebhooksTo(url);
  });
  afterAll(() => stack.close());

  it('each subscriber gets exactly the shape its own operation selects', async () => {
    const document = `
      subscription A { walletBalanceChanged(customerExternalId: "hooli_1234") { eventId } }
      subscription B { walletBalanceChanged(customerExternalId: "hooli_1234") { provider balance { amount currency } } }
    `;
    const client = sseClient(url, {});
    const a = subscribe(client, { query: document, operationName: 'A' });
    const b = subscribe(client, { query: document, operationName: 'B' });
    await until(() => stack.gateway.live.openStreams === 2);
    expect(await groupsOf(url)).toBe(2);

    stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '3.0');
    const fromA = (await a.next(0)) as { data: { walletBalanceChanged: object } };
    const fromB = (await b.next(0)) as { data: { walletBalanceChanged: object } };
    expect(Object.keys(fromA.data.walletBalanceChanged)).toEqual(['eventId']);
    expect(Object.keys(fromB.data.walletBalanceChanged)).toEqual(['provider', 'balance']);
    expect(fromB.data.walletBalanceChanged).toMatchObject({ provider: 'LAGO' });
    a.stop();
    b.stop();
    client.dispose();
    await until(() => stack.gateway.live.openStreams === 0);
  });
});

describe('callers with different visibility on one topic', () => {
  let stack: Stack;
  let url: string;
  const customerToken = (sub: string) =>
    new SignJWT({ sub })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(JWT_SECRET));

  beforeAll(async () => {
    // No webhook secrets outside sandbox mode: the change arrives by polling.
    stack = await startStack({ AUTH_JWT_SECRET: JWT_SECRET, BALANCE_POLL_INTERVAL_MS: '200' });
    url = await stack.gateway.listen();
  });
  afterAll(() => stack.close());

  it('a server key and the customer itself get their own results and request ids; another customer gets nothing', async () => {
    const query = `subscription Watch { walletBalanceChanged(customerExternalId: "hooli_1234") {
      eventId provider wallet { id providerWalletId } } }`;
    const server = sseClient(url, { 'x-api-key': TEST_API_KEY, 'x-request-id': 'as-server-1' });
    const hooli = sseClient(url, {
      authorization: `Bearer ${await customerToken('hooli_1234')}`,
      'x-request-id': 'as-hooli-1',
    });
    const acme = sseClient(url, { authorization: `Bearer ${await customerToken('acme_42')}` });
    const asServer = subscribe(server, { query });
    const asHooli = subscribe(hooli, { query });
    const asAcme = subscribe(acme, { query });
    // Acme's stream (another customer's topic) is a silent one, outside the live services.
    await until(() => stack.gateway.live.openStreams === 2);
    // Same topic, document and variables, different callers: never one group.
    expect(await groupsOf(url)).toBe(2);
    // Let the poller read the balance once before it changes.
    await new Promise((r) => setTimeout(r, 800));

    // The event's re-read of the wallet fails once: both members see the error, each with its own id.
    stack.sandboxes.lago.injectFault({
      status: 500,
      body: { status: 500, error: 'Internal Server Error' },
      path: new RegExp(`/wallets/${LAGO_PREPAID}$`),
      times: 1,
    });
    stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '2.0');
    const seenByServer = (await asServer.next(0)) as {
      data: { walletBalanceChanged: { eventId: string; wallet: unknown } };
      errors: { path: unknown; extensions: Record<string, unknown> }[];
    };
    const seenByHooli = (await asHooli.next(0)) as typeof seenByServer;
    expect(seenByServer.data.walletBalanceChanged.wallet).toBeNull();
    expect(seenByServer.errors[0]!.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      provider: 'LAGO',
      upstreamStatus: 500,
      requestId: 'as-server-1',
    });
    expect(seenByHooli.errors[0]!.extensions.requestId).toBe('as-hooli-1');
    expect(seenByHooli.data.walletBalanceChanged.eventId).toBe(
      seenByServer.data.walletBalanceChanged.eventId,
    );

    // The next change re-reads fine, for both.
    stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '1.0');
    const ok = (await asHooli.next(1)) as { data: { walletBalanceChanged: { wallet: unknown } } };
    expect(ok.data.walletBalanceChanged.wallet).toMatchObject({ providerWalletId: LAGO_PREPAID });
    expect(((await asServer.next(1)) as typeof ok).data).toEqual(ok.data);
    // Another customer's topic never yields to acme.
    expect(asAcme.events).toEqual([]);
    for (const s of [asServer, asHooli, asAcme]) s.stop();
    for (const c of [server, hooli, acme]) c.dispose();
  });
});

describe('what resolvers read of a caller', () => {
  it('is only what callerView keys fan-out groups on: kind and confinement', () => {
    // The fan-out shares one execution per caller view; that is sound only while the schema
    // reads callers through these functions (each a function of kind and customer id).
    const dir = new URL('../../src/schema/', import.meta.url);
    const uses = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(new URL(f, dir), 'utf8').matchAll(/(\w+\()?ctx\.caller(\.\w+)?/g)].map(
          (m) => `${f}: ${m[0]}`,
        ),
      );
    const allowed = /(canSee|confinedTo|visibleTo)\(ctx\.caller|ctx\.caller\.kind\b/;
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(use).toMatch(allowed);
  });
});
