import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import type { ProviderName } from '../domain/wallet.js';
import { GatewayError, type ErrorCode } from '../errors.js';
import { parseJsonExact } from '../json.js';
import type { Logger } from '../logger.js';

export type QueryValue = string | number | boolean | readonly string[] | undefined | null;

export interface UpstreamRequest<S extends z.ZodType> {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A read sent as POST (search endpoints): retried like a GET. */
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
export type ErrorMapper = (status: number, body: unknown) => { code: ErrorCode; upstreamCode?: string; message?: string } | undefined;

export interface UpstreamClientOptions {
  readonly provider: ProviderName;
  /** Base URL including the API prefix (`.../api/v1`, `.../v1`). */
  readonly baseUrl: string;
  /** Sent on every request (auth, version pins). Never logged, never put in an error. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Extra attempts for idempotent reads on 429, 5xx and network errors. */
  readonly retries: number;
  readonly mapError?: ErrorMapper;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
}

const RETRY_BASE_MS = 100;
const RETRY_AFTER_CAP_MS = 10_000;

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

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(seconds * 1000, RETRY_AFTER_CAP_MS);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(date - Date.now(), 0), RETRY_AFTER_CAP_MS);
}

function defaultCode(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'UPSTREAM_UNAUTHORIZED';
  if (status === 429) return 'UPSTREAM_RATE_LIMITED';
  if (status >= 500) return 'UPSTREAM_UNAVAILABLE';
  return 'UPSTREAM_ERROR';
}

/** The one upstream HTTP client: timeouts, retries of idempotent reads, error mapping, validation. */
export class UpstreamClient {
  readonly provider: ProviderName;
  private readonly options: UpstreamClientOptions;
  private readonly fetchImpl: typeof fetch;

  constructor(options: UpstreamClientOptions) {
    this.options = options;
    this.provider = options.provider;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async request<S extends z.ZodType>(req: UpstreamRequest<S>): Promise<z.output<S>> {
    const method = req.method ?? 'GET';
    const url = buildUrl(this.options.baseUrl, req.path, req.query);
    const attempts = method === 'GET' || req.idempotent ? 1 + this.options.retries : 1;
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const outcome = await this.attempt(method, url, req);
      const log = { provider: this.provider, method, path: url.pathname, attempt, ms: Math.round(performance.now() - started) };
      if (outcome.kind === 'ok') {
        this.options.logger.debug({ ...log, status: outcome.status }, 'upstream');
        return this.validate(outcome.body, req.schema, url.pathname);
      }
      this.options.logger.warn({ ...log, status: outcome.status, code: outcome.error.code }, 'upstream failure');
      if (!outcome.retryable || attempt >= attempts) throw outcome.error;
      const backoff = RETRY_BASE_MS * 2 ** (attempt - 1);
      await sleep(outcome.retryAfterMs ?? backoff / 2 + Math.random() * backoff);
    }
  }

  private async attempt(method: string, url: URL, req: UpstreamRequest<z.ZodType>): Promise<
    | { kind: 'ok'; status: number; body: unknown }
    | { kind: 'error'; status: number | undefined; error: GatewayError; retryable: boolean; retryAfterMs?: number | undefined }
  > {
    const provider = this.provider;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(req.body !== undefined && { 'content-type': 'application/json' }),
          ...this.options.headers,
          ...req.headers,
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (cause) {
      const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
      const message = timedOut ? `${provider} did not answer within ${this.options.timeoutMs} ms` : `${provider} could not be reached`;
      return { kind: 'error', status: undefined, retryable: true, error: new GatewayError('UPSTREAM_UNAVAILABLE', message, { provider, cause }) };
    }

    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      return { kind: 'error', status: response.status, retryable: true, error: new GatewayError('UPSTREAM_UNAVAILABLE', `${provider} closed the connection mid-answer`, { provider, cause }) };
    }
    let body: unknown = undefined;
    let parsed = false;
    if (text.length > 0) {
      try {
        body = parseJsonExact(text);
        parsed = true;
      } catch {
        // An unparseable body is reported below according to the status.
      }
    }

    if (response.ok) {
      if (!parsed) {
        return { kind: 'error', status: response.status, retryable: false, error: new GatewayError('UPSTREAM_BAD_RESPONSE', `${provider} answered ${response.status} with a body that is not JSON`, { provider, upstreamStatus: response.status }) };
      }
      return { kind: 'ok', status: response.status, body };
    }

    const mapped = this.options.mapError?.(response.status, body);
    const code = mapped?.code ?? defaultCode(response.status);
    const error = new GatewayError(code, mapped?.message ?? `${provider} answered HTTP ${response.status}`, {
      provider,
      upstreamStatus: response.status,
      ...(mapped?.upstreamCode && { upstreamCode: mapped.upstreamCode }),
    });
    const retryable = response.status === 429 || response.status >= 500;
    return { kind: 'error', status: response.status, error, retryable, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }

  private validate<S extends z.ZodType>(body: unknown, schema: S, path: string): z.output<S> {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    this.options.logger.warn({ provider: this.provider, path, issues: result.error.issues.slice(0, 5) }, 'upstream payload rejected');
    throw new GatewayError('UPSTREAM_BAD_RESPONSE', `${this.provider} answered with a payload that does not match its wire format`, { provider: this.provider });
  }
}
