import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SseFrame, SseWire } from '../../src/server/sse-wire.js';
import { until } from '../helpers/live-clients.js';

/**
 * SseWire writes fan-out frames straight to the socket once it safely can. These tests read the
 * raw bytes off a real TCP connection, so a misplaced chunk size, a frame ahead of the headers or
 * two frames out of order fails them.
 */
const PING = new SseFrame(':\n\n');
const A = new SseFrame('event: next\ndata: {"a":1}\n\n');
const B = new SseFrame('event: next\ndata: {"b":"2.50"}\n\n');
const COMPLETE = new SseFrame('event: complete\ndata:\n\n');
const chunk = (f: SseFrame) => `${f.raw.length.toString(16)}\r\n${f.raw.toString()}\r\n`;
const text = (...frames: SseFrame[]) => frames.map((f) => f.raw.toString()).join('');

/**
 * Reads a chunked body strictly: every chunk's size must match its data, and nothing may follow
 * the last chunk. How writes that went through node's response are grouped into chunks is node's
 * business (Node 24 coalesces writes of one tick that Node 20 sends apart), so tests compare the
 * payload, its order and its framing, not the grouping.
 */
function dechunk(body: string): { payload: string; ended: boolean } {
  let payload = '';
  let at = 0;
  while (at < body.length) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) throw new Error(`no chunk size line at ${at}: ${JSON.stringify(body.slice(at))}`);
    const sizeText = body.slice(at, eol);
    if (!/^[0-9a-f]+$/i.test(sizeText))
      throw new Error(`bad chunk size ${JSON.stringify(sizeText)}`);
    const size = Number.parseInt(sizeText, 16);
    const data = body.slice(eol + 2, eol + 2 + size);
    if (body.slice(eol + 2 + size, eol + 4 + size) !== '\r\n')
      throw new Error(`chunk of ${size} bytes not followed by CRLF: ${JSON.stringify(data)}`);
    at = eol + 4 + size;
    if (size === 0) {
      if (at !== body.length) throw new Error(`bytes after the last chunk: ${body.slice(at)}`);
      return { payload, ended: true };
    }
    payload += data;
  }
  return { payload, ended: false };
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A server that, like @whatwg-node/server, writes the head and then pipes the wire's body. */
async function serve(
  onSse: (wire: SseWire) => void,
  onOther?: (res: ServerResponse) => void,
  prime = true,
): Promise<number> {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== '/sse') return onOther?.(res);
    const wire = new SseWire(res);
    if (prime) wire.write(PING);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    wire.body.pipe(res);
    onSse(wire);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function rawClient(
  port: number,
  request: string,
): { socket: Socket; text: () => string; closed: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString()));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(request);
  return { socket, text: () => received, closed };
}
const bodyOf = (text: string) => text.slice(text.indexOf('\r\n\r\n') + 4);

describe('SseWire', () => {
  it('writes ready-made chunks straight to the socket after the head, in order with what went through the body', async () => {
    let wire!: SseWire;
    const port = await serve((w) => {
      wire = w;
      // Still behind the buffered ping in the body stream: must not overtake it.
      wire.write(A);
    });
    const client = rawClient(port, 'GET /sse HTTP/1.1\r\nhost: x\r\n\r\n');
    await until(() => client.text().includes(A.raw.toString()));
    expect(wire.direct).toBe(true);
    wire.write(B);
    wire.write(A);
    wire.end(COMPLETE);
    await until(() => client.text().endsWith('0\r\n\r\n'));
    wire.write(B);
    await new Promise((r) => setTimeout(r, 50));
    expect(client.text()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*transfer-encoding: chunked\r\n/i);
    expect(dechunk(bodyOf(client.text()))).toEqual({
      payload: text(PING, A, B, A, COMPLETE),
      ended: true,
    });
    // What went straight to the socket is framed by SseWire itself: one chunk per frame.
    expect(
      bodyOf(client.text()).endsWith(`${chunk(B) + chunk(A) + chunk(COMPLETE)}0\r\n\r\n`),
    ).toBe(true);
    client.socket.destroy();
  });

  it('sends the head before a frame written as soon as the body is piped', async () => {
    const port = await serve((wire) => wire.write(A), undefined, false);
    const client = rawClient(port, 'GET /sse HTTP/1.1\r\nhost: x\r\n\r\n');
    await until(() => client.text().includes(A.raw.toString()));
    expect(client.text()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(bodyOf(client.text())).toBe(chunk(A));
    client.socket.destroy();
  });

  it('writes plain frames to an HTTP/1.0 client, whose body ends when the connection closes', async () => {
    let wire!: SseWire;
    const port = await serve((w) => (wire = w));
    const client = rawClient(port, 'GET /sse HTTP/1.0\r\n\r\n');
    await until(() => client.text().includes(':\n\n'));
    expect(wire.direct).toBe(true);
    wire.write(A);
    wire.end(COMPLETE);
    await client.closed;
    expect(bodyOf(client.text())).toBe(`:\n\n${A.raw.toString()}${COMPLETE.raw.toString()}`);
  });

  it('keeps to the body stream for a pipelined response that does not own the socket yet', async () => {
    let wire!: SseWire;
    const port = await serve(
      (w) => (wire = w),
      (res) => setTimeout(() => res.end('first'), 100),
    );
    const client = rawClient(
      port,
      'GET /first HTTP/1.1\r\nhost: x\r\n\r\nGET /sse HTTP/1.1\r\nhost: x\r\n\r\n',
    );
    await until(() => wire !== undefined);
    wire.write(A);
    expect(wire.direct).toBe(false);
    await until(() => client.text().includes(A.raw.toString()));
    wire.write(B);
    wire.end(COMPLETE);
    await until(() => client.text().endsWith('0\r\n\r\n'));
    const second = client.text().slice(client.text().indexOf('first') + 'first'.length);
    expect(dechunk(bodyOf(second))).toEqual({ payload: text(PING, A, B, COMPLETE), ended: true });
    client.socket.destroy();
  });

  it('counts the bytes waiting in the socket of a subscriber that does not read', async () => {
    let wire!: SseWire;
    const port = await serve((w) => (wire = w));
    const client = rawClient(port, 'GET /sse HTTP/1.1\r\nhost: x\r\n\r\n');
    await until(() => client.text().includes(':\n\n'));
    client.socket.pause();
    const big = new SseFrame(`event: next\ndata: "${'x'.repeat(64 * 1024)}"\n\n`);
    // Past what loopback's kernel buffers absorb: the rest must show up as the member's backlog.
    for (let i = 0; i < 32 * 16 && wire.bufferedBytes <= 1024 * 1024; i++) wire.write(big);
    expect(wire.direct).toBe(true);
    expect(wire.bufferedBytes).toBeGreaterThan(1024 * 1024);
    expect(wire.body.writableLength).toBe(0);
    client.socket.destroy();
  });

  it('drops a subscriber by closing its connection', async () => {
    let wire!: SseWire;
    const port = await serve((w) => (wire = w));
    const client = rawClient(port, 'GET /sse HTTP/1.1\r\nhost: x\r\n\r\n');
    await until(() => client.text().includes(':\n\n'));
    let bodyClosed = false;
    wire.body.once('close', () => (bodyClosed = true));
    wire.destroy();
    await client.closed;
    await until(() => bodyClosed);
    expect(wire.open).toBe(false);
  });

  it('without a node response (yoga.fetch) writes everything through the body', async () => {
    const wire = new SseWire(undefined);
    wire.write(PING);
    wire.write(A);
    wire.end(COMPLETE);
    const chunks: Buffer[] = [];
    for await (const c of wire.body) chunks.push(c as Buffer);
    expect(wire.direct).toBe(false);
    expect(Buffer.concat(chunks).toString()).toBe(
      `:\n\n${A.raw.toString()}${COMPLETE.raw.toString()}`,
    );
  });
});
