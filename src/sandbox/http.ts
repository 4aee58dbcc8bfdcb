import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny router for the sandbox servers: they speak real HTTP so adapters run their real code paths. */

export interface SandboxRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface SandboxResponse {
  readonly status: number;
  /** A JSON value, or a string sent as-is, or undefined for an empty body. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingMessage['headers'];
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: string[];
  readonly handler: Handler;
}

export class SandboxRouter {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:(\w+)/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}/?$`,
    );
    this.routes.push({ method, pattern, names, handler });
    return this;
  }

  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | 'method' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params = Object.fromEntries(
        route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]),
      );
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : undefined;
  }
}

/**
 * A misbehaviour to inject: matching requests get this answer instead of the real one.
 * `body: string` is sent raw (garbled JSON, HTML error pages); `times` limits how often.
 */
export interface Fault {
  readonly method?: string;
  readonly path?: RegExp;
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Delay before answering (or before the real answer when no status is given). */
  readonly delayMs?: number;
  /** The real answer, computed on arrival but delivered this much later (a response in flight). */
  readonly lagMs?: number;
  /** Rewrites the real JSON answer (odd-but-valid payloads) instead of replacing it. */
  readonly transform?: (body: unknown) => unknown;
  times?: number;
}

export interface SandboxServerOptions {
  readonly router: SandboxRouter;
  /** Called before routing; a response short-circuits (auth checks). */
  readonly guard?: (req: SandboxRequest) => SandboxResponse | undefined;
  readonly notFound: SandboxResponse;
  readonly methodNotAllowed: SandboxResponse;
  readonly badJson: SandboxResponse;
}

export interface RunningSandbox {
  readonly url: string;
  readonly server: Server;
  /** Every request received, in order: tests assert batch counts on it. */
  readonly requests: LoggedRequest[];
  /** Makes matching requests fail (or slow) until cleared or `times` runs out. */
  injectFault(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, r: SandboxResponse): void {
  const isJson = r.body !== undefined && typeof r.body !== 'string';
  const text = r.body === undefined ? '' : isJson ? JSON.stringify(r.body) : (r.body as string);
  res.writeHead(r.status, {
    ...(r.body !== undefined && {
      'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain',
    }),
    ...r.headers,
  });
  res.end(text);
}

export function startSandboxServer(
  options: SandboxServerOptions,
  port = 0,
  host = '127.0.0.1',
): Promise<RunningSandbox> {
  const requests: LoggedRequest[] = [];
  let faults: Fault[] = [];
  const takeFault = (method: string, path: string): Fault | undefined => {
    const fault = faults.find(
      (f) => (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    if (fault?.times !== undefined && --fault.times <= 0)
      faults = faults.filter((f) => f !== fault);
    return fault;
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.search,
        headers: req.headers,
      });
      const text = await readBody(req);
      let body: unknown;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          return send(res, options.badJson);
        }
      }
      // The control surface is how demos and tests drive the sandbox: never faulted.
      const fault = url.pathname.startsWith('/__sandbox/')
        ? undefined
        : takeFault(req.method ?? 'GET', url.pathname);
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.status)
        return send(res, {
          status: fault.status,
          body: fault.body,
          ...(fault.headers && { headers: fault.headers }),
        });
      const sreq: SandboxRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        params: {},
        body,
      };
      const denied = options.guard?.(sreq);
      if (denied) return send(res, denied);
      const match = options.router.match(sreq.method, sreq.path);
      if (!match) return send(res, options.notFound);
      if (match === 'method') return send(res, options.methodNotAllowed);
      const answer = await match.handler({ ...sreq, params: match.params });
      if (fault?.lagMs) await new Promise((r) => setTimeout(r, fault.lagMs));
      const ok =
        answer.status >= 200 &&
        answer.status < 300 &&
        answer.body !== undefined &&
        typeof answer.body !== 'string';
      send(
        res,
        fault?.transform && ok ? { ...answer, body: fault.transform(answer.body) } : answer,
      );
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sandbox error: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${bound}`,
        server,
        requests,
        injectFault: (fault) => void faults.push({ ...fault }),
        clearFaults: () => void (faults = []),
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
