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
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_m, name: string) => (names.push(name), '([^/]+)'))}/?$`);
    this.routes.push({ method, pattern, names, handler });
    return this;
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | 'method' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : undefined;
  }
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
  res.writeHead(r.status, { ...(r.body !== undefined && { 'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain' }), ...r.headers });
  res.end(text);
}

export function startSandboxServer(options: SandboxServerOptions, port = 0, host = '127.0.0.1'): Promise<RunningSandbox> {
  const requests: LoggedRequest[] = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search, headers: req.headers });
      const text = await readBody(req);
      let body: unknown;
      if (text.length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          return send(res, options.badJson);
        }
      }
      const sreq: SandboxRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, params: {}, body };
      const denied = options.guard?.(sreq);
      if (denied) return send(res, denied);
      const match = options.router.match(sreq.method, sreq.path);
      if (!match) return send(res, options.notFound);
      if (match === 'method') return send(res, options.methodNotAllowed);
      send(res, await match.handler({ ...sreq, params: match.params }));
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
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
