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

/**
 * A request node's parser gave up on: a timeout is answered 408 with the error contract's body
 * (the code names the limit); anything else as node answers it (431 for oversized headers, else
 * 400), as a listener here replaces node's default answer.
 */
export function answerClientErrors(server: Server, ms: number): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT')
      return refuseSocket(socket, {
        status: 408,
        code: 'REQUEST_TIMEOUT',
        message: `The request was not received in full within LIMIT_REQUEST_TIMEOUT_MS (${ms} ms)`,
        extensions: { limit: 'LIMIT_REQUEST_TIMEOUT_MS' },
      });
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nConnection: close\r\n\r\n`,
    );
    setTimeout(() => socket.destroy(), 1000).unref();
  });
}
