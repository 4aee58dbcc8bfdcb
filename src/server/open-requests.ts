import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptRequestId } from './useRequestId.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP requests still being answered, so a shutdown can answer the ones that outlast its
 * grace period with a clean 503 instead of resetting their sockets. Each request's id is fixed
 * here, before yoga sees it, so that answer carries the same id as the request's log lines.
 */
export class OpenRequests {
  private readonly open = new Map<ServerResponse, string>();

  get size(): number {
    return this.open.size;
  }

  wrap(handler: Handler): Handler {
    return (req, res) => {
      const id = acceptRequestId(req.headers['x-request-id'] as string | undefined);
      req.headers['x-request-id'] = id;
      this.open.set(res, id);
      res.once('close', () => this.open.delete(res));
      handler(req, res);
    };
  }

  /**
   * Answers every open request: 503 `SHUTTING_DOWN` where nothing was sent yet, the end of the
   * body where a response had begun. Resolves once those answers are flushed (or after
   * `flushMs`), when the sockets may be destroyed without losing them.
   */
  async cutOff(flushMs = 1000): Promise<void> {
    const flushed: Promise<void>[] = [];
    for (const [res, requestId] of this.open) {
      if (res.writableEnded) continue;
      flushed.push(new Promise((resolve) => res.once('close', resolve).once('finish', resolve)));
      if (res.headersSent) {
        res.end();
        continue;
      }
      const body = JSON.stringify({
        errors: [
          {
            message: 'The gateway is shutting down; the request did not finish in time.',
            extensions: { code: 'SHUTTING_DOWN', requestId },
          },
        ],
      });
      res.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'x-request-id': requestId,
        'retry-after': '1',
        connection: 'close',
      });
      res.end(body);
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(flushed),
      new Promise((resolve) => (timer = setTimeout(resolve, flushMs))),
    ]);
    clearTimeout(timer);
  }
}
