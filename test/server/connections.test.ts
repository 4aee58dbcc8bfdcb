import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { subscribeSse, subscribeWs, until } from '../helpers/live-clients.js';
import { type Stack, startStack } from '../helpers/stack.js';

/**
 * Connections an attacker holds open: graphql-ws operations per socket, WebSocket connections and
 * SSE streams per address, and requests sent a byte at a time. Each is refused with a code; the
 * long-lived streams a client is entitled to are never cut.
 */
const LAGO_PREPAID = '1a901a90-1a90-4a90-8a90-000000000001';
const SUBSCRIPTION =
  'subscription($c: String) { walletBalanceChanged(customerExternalId: $c) { eventId balance { amount } } }';

let stack: Stack;
let url: string;
let port: number;

beforeAll(async () => {
  stack = await startStack(
    {
      BALANCE_POLL_INTERVAL_MS: '600000',
      LIMIT_SUBSCRIPTIONS_PER_SOCKET: '3',
      LIMIT_CONNECTIONS_PER_CLIENT: '2',
      LIMIT_REQUEST_TIMEOUT_MS: '1000',
    },
    { sandboxMode: true },
  );
  url = await stack.gateway.listen();
  port = Number(new URL(url).port);
  stack.sandboxes.sendWebhooksTo(url);
});
afterAll(() => stack.close());

/** A raw socket and everything the gateway writes to it until it closes. */
function rawSocket(): { socket: Socket; closed: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString();
  });
  socket.on('error', () => {});
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return { socket, closed };
}

/** Writes `text` one byte every `everyMs` until the socket closes. */
function trickle(socket: Socket, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

function refusalOf(raw: string) {
  const [head, body] = raw.split('\r\n\r\n');
  return {
    status: Number(head!.split(' ')[1]),
    requestId: /x-request-id: (\S+)/i.exec(head!)?.[1],
    body: JSON.parse(body!) as { errors: { extensions: Record<string, unknown> }[] },
  };
}

describe('LIMIT_SUBSCRIPTIONS_PER_SOCKET', () => {
  it('one operation over the limit gets an error message with the code; the socket keeps the others', async () => {
    const { createClient } = await import('graphql-ws');
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const stops: (() => void)[] = [];
    const events: unknown[][] = [[], [], [], []];
    const errors: unknown[] = [];
    const start = (i: number) =>
      stops.push(
        client.subscribe(
          { query: SUBSCRIPTION, variables: { c: 'hooli_1234' } },
          { next: (v) => events[i]!.push(v), error: (e) => errors.push(e), complete: () => {} },
        ),
      );
    for (let i = 0; i < 3; i++) start(i);
    await until(() => stack.gateway.live.openStreams === 3);
    start(3);
    await until(() => errors.length === 1);
    expect((errors[0] as { extensions: Record<string, unknown> }[])[0]!.extensions).toEqual({
      code: 'TOO_MANY_SUBSCRIPTIONS',
      limit: 'LIMIT_SUBSCRIPTIONS_PER_SOCKET',
      requestId: expect.any(String),
    });
    // The three still deliver.
    stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '1.0');
    await until(() => events.slice(0, 3).every((e) => e.length === 1), 10_000);
    expect(events[3]).toEqual([]);
    // One ends: there is room for another on the same socket.
    stops[0]!();
    await until(() => stack.gateway.live.openStreams === 2);
    start(3);
    await until(() => stack.gateway.live.openStreams === 3);
    expect(errors).toHaveLength(1);
    await client.dispose();
    await until(() => stack.gateway.live.openStreams === 0);
  }, 20_000);
});

describe('LIMIT_CONNECTIONS_PER_CLIENT', () => {
  it('a third SSE stream or WebSocket from one address is answered 429 TOO_MANY_CONNECTIONS', async () => {
    const first = await subscribeSse(url, SUBSCRIPTION, { c: 'hooli_1234' });
    const second = await subscribeWs(url, SUBSCRIPTION, { c: 'hooli_1234' });

    const sse = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { c: 'hooli_1234' } }),
    });
    expect(sse.status).toBe(429);
    expect(sse.headers.get('retry-after')).toBe('5');
    const body = (await sse.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toEqual({
      code: 'TOO_MANY_CONNECTIONS',
      limit: 'LIMIT_CONNECTIONS_PER_CLIENT',
      requestId: sse.headers.get('x-request-id'),
    });

    const multipart = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { c: 'hooli_1234' } }),
    });
    expect(multipart.status).toBe(429);
    await multipart.body?.cancel();

    const upgrade = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      ws.on('open', () => reject(new Error('upgraded over the limit')));
      ws.on('error', () => {});
      ws.on('unexpected-response', (_req, res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
    });
    expect(upgrade.status).toBe(429);
    expect(JSON.parse(upgrade.text).errors[0].extensions.code).toBe('TOO_MANY_CONNECTIONS');

    // Plain requests are not streams: they are never counted.
    expect((await stack.execute('{ __typename }')).data).toEqual({ __typename: 'Query' });

    // A closed stream frees its slot.
    await first.close();
    const third = await subscribeWs(url, SUBSCRIPTION, { c: 'hooli_1234' });
    await third.close();
    await second.close();
  }, 20_000);
});

describe('LIMIT_REQUEST_TIMEOUT_MS', () => {
  it('slow headers are cut with 408 REQUEST_TIMEOUT', async () => {
    const { socket, closed } = rawSocket();
    const startedAt = Date.now();
    trickle(
      socket,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(100)}\r\n\r\n`,
      200,
    );
    const refusal = refusalOf(await closed);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(refusal.status).toBe(408);
    expect(refusal.body.errors[0]!.extensions).toEqual({
      code: 'REQUEST_TIMEOUT',
      limit: 'LIMIT_REQUEST_TIMEOUT_MS',
      requestId: refusal.requestId,
    });
  });

  it('a slow body is cut with 408 REQUEST_TIMEOUT', async () => {
    const { socket, closed } = rawSocket();
    const body = JSON.stringify({ query: '{ __typename }' });
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const startedAt = Date.now();
    trickle(socket, body, 200);
    const refusal = refusalOf(await closed);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(refusal.status).toBe(408);
    expect(refusal.body.errors[0]!.extensions.code).toBe('REQUEST_TIMEOUT');
  });

  it("other requests node's parser refuses are still answered as node answers them", async () => {
    const garbage = rawSocket();
    garbage.socket.write('NOT HTTP AT ALL\r\n\r\n');
    expect(await garbage.closed).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const oversized = rawSocket();
    oversized.socket.write(
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(await oversized.closed).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
  });

  it('SSE and WebSocket streams outlive the request timeout', async () => {
    const sse = await subscribeSse(url, SUBSCRIPTION, { c: 'hooli_1234' });
    const ws = await subscribeWs(url, SUBSCRIPTION, { c: 'hooli_1234' });
    await until(() => stack.gateway.live.openStreams === 2);
    await new Promise((r) => setTimeout(r, 2500));
    stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '1.0');
    expect((await sse.next(10_000)).data).toBeDefined();
    expect((await ws.next(10_000)).data).toBeDefined();
    expect(sse.ended).toBe(false);
    await sse.close();
    await ws.close();
  }, 20_000);
});
