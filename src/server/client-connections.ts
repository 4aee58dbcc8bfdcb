import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Refusal, refuseResponse } from './http-refusal.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const STREAMED = /text\/event-stream|multipart\/mixed/i;

/**
 * Long-lived connections (WebSocket, SSE streams) per remote address, so that one client cannot
 * hold every socket and subscription the process can carry. The address is the socket's peer:
 * a header naming another address is the client's own word, which a limit cannot rest on.
 */
export class ClientConnections {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** A release function, or undefined when this address already holds `limit` connections. */
  acquire(req: IncomingMessage): (() => void) | undefined {
    if (this.limit === 0) return () => {};
    const address = req.socket.remoteAddress ?? 'unknown';
    const count = this.open.get(address) ?? 0;
    if (count >= this.limit) return undefined;
    this.open.set(address, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(address) ?? 1) - 1;
      if (left === 0) this.open.delete(address);
      else this.open.set(address, left);
    };
  }

  get refusal(): Refusal {
    return {
      status: 429,
      code: 'TOO_MANY_CONNECTIONS',
      message: `Too many open connections from this address: at most ${this.limit} WebSocket connections and SSE streams`,
      extensions: { limit: 'LIMIT_CONNECTIONS_PER_CLIENT' },
      headers: { 'retry-after': '5' },
    };
  }

  /**
   * Requests that may be answered by a stream (`Accept: text/event-stream`, or yoga's
   * `multipart/mixed`) hold a slot until their response closes; a query answered at once frees it.
   */
  wrap(handler: Handler): Handler {
    return (req, res) => {
      if (!STREAMED.test(String(req.headers.accept ?? ''))) return handler(req, res);
      const release = this.acquire(req);
      if (!release) return refuseResponse(req, res, this.refusal);
      res.once('close', release);
      handler(req, res);
    };
  }
}
