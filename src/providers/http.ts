import type { z } from 'zod';
import type { ProviderName } from '../domain/wallet.js';
import { type ErrorCode, GatewayError } from '../errors.js';
import { parseJsonExact } from '../json.js';
import type { Logger } from '../logger.js';
import {
  type ProviderResilience,
  type UpstreamAnswer,
  UpstreamFailure,
} from './resilience/index.js';

export type QueryValue = string | number | boolean | readonly string[] | undefined | null;

export interface UpstreamRequest<S extends z.ZodType> {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A read sent as POST (search endpoints): retried like a GET (never de-duplicated). */
  readonly idempotent?: boolean;
  readonly path: string;
  /** Arrays repeat the key (`a=1&a=2`); name the key `k[]` where a provider wants brackets. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  /** Extra headers for this call (e.g. a customer-session token instead of the default auth). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly schema: S;
}

/** How a provider's error body maps to a gateway error code. Return undefined for the defaults. */
export type ErrorMapper = (
  status: number,
  body: unknown,
) => { code: ErrorCode; upstreamCode?: string; message?: string } | undefined;

export interface UpstreamClientOptions {
  /** Base URL including the API prefix (`.../api/v1`, `.../v1`). */
  readonly baseUrl: string;
  /** Sent on every request (auth, version pins). Never logged, never put in an error. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The provider's timeouts, retries, circuit breaker and GET de-duplication: one per provider,
   * shared by all its clients (it also names the provider).
   */
  readonly resilience: ProviderResilience;
  readonly mapError?: ErrorMapper;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
}

/**
 * Accepts a provider URL with or without its API prefix: `http://lago:3000` and
 * `http://lago:3000/api/v1` both become the latter.
 */
export function withApiPrefix(url: string, prefix: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith(prefix) ? trimmed : `${trimmed}${prefix}`;
}

function buildUrl(base: string, path: string, query: UpstreamRequest<z.ZodType>['query']): URL {
  const url = new URL(base + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
  }
  return url;
}

/** Retry-After as delay-seconds or an HTTP date; the resilience policies decide whether to wait it. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(date - Date.now(), 0);
}

function defaultCode(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'UPSTREAM_UNAUTHORIZED';
  if (status === 429) return 'UPSTREAM_RATE_LIMITED';
  if (status >= 500) return 'UPSTREAM_UNAVAILABLE';
  return 'UPSTREAM_ERROR';
}

/**
 * The one upstream HTTP client: sends, maps errors, validates. Timeouts, retries, the circuit
 * breaker and GET de-duplication live in the provider's ProviderResilience.
 */
export class UpstreamClient {
  readonly provider: ProviderName;
  private readonly options: UpstreamClientOptions;
  private readonly fetchImpl: typeof fetch;

  constructor(options: UpstreamClientOptions) {
    this.options = options;
    this.provider = options.resilience.provider;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async request<S extends z.ZodType>(req: UpstreamRequest<S>): Promise<z.output<S>> {
    const method = req.method ?? 'GET';
    // An id of "." or ".." (or their %2e spellings) would be resolved away by URL parsing and hit
    // another route: such an id names nothing.
    if (req.path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) {
      throw new GatewayError('INVALID_ID', 'An id cannot be "." or ".."', {
        provider: this.provider,
      });
    }
    const url = buildUrl(this.options.baseUrl, req.path, req.query);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(req.body !== undefined && { 'content-type': 'application/json' }),
      ...this.options.headers,
      ...req.headers,
    };
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    let answer: UpstreamAnswer;
    try {
      answer = await this.options.resilience.execute(
        {
          method,
          url,
          path: req.path,
          headers,
          idempotent: method === 'GET' || req.idempotent === true,
        },
        (signal) => this.send(method, url, headers, body, signal),
      );
    } catch (e) {
      throw this.toGatewayError(e);
    }
    if (!answer.json) {
      throw new GatewayError(
        'UPSTREAM_BAD_RESPONSE',
        `${this.provider} answered ${answer.status} with a body that is not JSON`,
        { provider: this.provider, upstreamStatus: answer.status },
      );
    }
    return this.validate(answer.body, req.schema, url.pathname);
  }

  /** One attempt. Throws an UpstreamFailure for anything but a complete 2xx answer. */
  private async send(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<UpstreamAnswer> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method, headers, body, signal });
    } catch (cause) {
      throw new UpstreamFailure({ kind: 'network', phase: 'connect' }, { cause });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw new UpstreamFailure({ kind: 'network', phase: 'body' }, { cause });
    }
    let parsed: unknown;
    let json = false;
    if (text.length > 0) {
      try {
        parsed = parseJsonExact(text);
        json = true;
      } catch {
        // An unparseable body is reported according to the status.
      }
    }
    if (!response.ok) {
      throw new UpstreamFailure({
        kind: 'status',
        status: response.status,
        body: parsed,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      });
    }
    return { status: response.status, body: parsed, json };
  }

  /** Messages are written here, never copied from upstream bodies, so nothing secret leaks through them. */
  private toGatewayError(e: unknown): GatewayError {
    const provider = this.provider;
    if (e instanceof GatewayError) return e;
    if (!(e instanceof UpstreamFailure))
      return new GatewayError('UPSTREAM_ERROR', `${provider} failed unexpectedly`, {
        provider,
        cause: e,
      });
    const r = e.reason;
    switch (r.kind) {
      case 'circuit_open':
        return new GatewayError(
          'UPSTREAM_UNAVAILABLE',
          `${provider} is failing: its circuit breaker is open, so no request was sent`,
          { provider, cause: e },
        );
      case 'timeout':
        return new GatewayError(
          'UPSTREAM_UNAVAILABLE',
          `${provider} did not answer within ${r.limitMs} ms`,
          { provider, cause: e },
        );
      case 'network':
        return new GatewayError(
          'UPSTREAM_UNAVAILABLE',
          r.phase === 'connect'
            ? `${provider} could not be reached`
            : `${provider} closed the connection mid-answer`,
          { provider, cause: e },
        );
      case 'status': {
        const mapped = this.options.mapError?.(r.status, r.body);
        const message =
          mapped?.message ??
          (e.refusedWaitMs !== undefined
            ? `${provider} answered HTTP ${r.status} and asked to wait ` +
              `${Math.ceil(e.refusedWaitMs / 1000)} s, longer than the gateway waits`
            : `${provider} answered HTTP ${r.status}`);
        return new GatewayError(mapped?.code ?? defaultCode(r.status), message, {
          provider,
          upstreamStatus: r.status,
          ...(mapped?.upstreamCode && { upstreamCode: mapped.upstreamCode }),
        });
      }
    }
  }

  private validate<S extends z.ZodType>(body: unknown, schema: S, path: string): z.output<S> {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    this.options.logger.warn(
      { provider: this.provider, path, issues: result.error.issues.slice(0, 5) },
      'upstream payload rejected',
    );
    throw new GatewayError(
      'UPSTREAM_BAD_RESPONSE',
      `${this.provider} answered with a payload that does not match its wire format`,
      { provider: this.provider },
    );
  }
}
