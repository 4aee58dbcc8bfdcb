import type { Server, ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import { refuseSocket } from './http-refusal.js';

/**
 * Node's own bounds on receiving a request: its headers and its whole body within `ms`. They stop
 * applying once a request is fully received, so a long SSE response or an upgraded WebSocket is
 * never cut by them. Expiry is checked every quarter of `ms` (at most every 5 s).
 */
export function requestTimeoutOptions(ms: number): ServerOptions {
  return {
    requestTimeout: ms,
    headersTimeout: ms,
    connectionsCheckingInterval: Math.min(5000, Math.max(100, Math.floor(ms / 4))),
  };
}

const NODE_ANSWERS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
};

/**
 * A request node's parser gave up on: a timeout is answered 408 with the error contract's body
 * (the code names the limit); anything else as node answers it, since a listener here replaces
 * node's own answer. As node does, nothing is written into a response already under way.
 */
export function answerClientErrors(server: Server, ms: number): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) return void socket.destroy();
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT')
      return refuseSocket(socket, {
        status: 408,
        code: 'REQUEST_TIMEOUT',
        message: `The request was not received in full within LIMIT_REQUEST_TIMEOUT_MS (${ms} ms)`,
        extensions: { limit: 'LIMIT_REQUEST_TIMEOUT_MS' },
      });
    const status = NODE_ANSWERS[err.code ?? ''] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    setTimeout(() => socket.destroy(), 1000).unref();
  });
}
