import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '../errors.js';
import { acceptRequestId } from './useRequestId.js';

export interface Refusal {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
  /** Beside the code, e.g. `limit`: the variable that set the bound. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A refusal before yoga: the error contract's shape (a code and the request id), JSON, then close. */
function body(refusal: Refusal, requestId: string): string {
  return JSON.stringify({
    errors: [
      {
        message: refusal.message,
        extensions: { code: refusal.code, ...refusal.extensions, requestId },
      },
    ],
  });
}

export function refuseResponse(req: IncomingMessage, res: ServerResponse, refusal: Refusal) {
  const requestId = acceptRequestId(req.headers['x-request-id'] as string | undefined);
  const text = body(refusal, requestId);
  res.writeHead(refusal.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-request-id': requestId,
    connection: 'close',
    ...refusal.headers,
  });
  res.end(text);
  req.resume();
}

/**
 * The same refusal written on a raw socket (an upgrade not handed to ws, a request node's parser
 * gave up on), which is then closed.
 */
export function refuseSocket(socket: Duplex, refusal: Refusal, requestId = acceptRequestId(null)) {
  if (!socket.writable) return void socket.destroy();
  const text = body(refusal, requestId);
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'x-request-id': requestId,
    connection: 'close',
    ...refusal.headers,
  };
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      `\r\n${text}`,
  );
  // A peer that never reads must not keep the socket.
  setTimeout(() => socket.destroy(), 1000).unref();
}
