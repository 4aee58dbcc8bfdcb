import { boundedCache } from '../../bounded-cache.js';
import type { PolarClient } from './client.js';
import type { CustomerDirectory } from './customers.js';
import { isSessionRejected } from './errors.js';

export interface SessionCacheOptions {
  /** A token is replaced this long before its `expires_at`, so no call races its expiry. */
  readonly refreshMarginMs: number;
  /** Tokens kept at most (one per customer); the least recently used goes first. */
  readonly maxEntries: number;
  readonly clock: () => number;
}

// Polar's session tokens last an hour by default; the real expiry of each token wins.
const DEFAULT_TOKEN_TTL_MS = 60 * 60_000;

/**
 * Customer session tokens for the public portal path (NOTES §0.2, §2.3), one per customer, reused
 * until shortly before `expires_at` (1 h by default upstream). Tokens are secrets: they live only
 * here and in the Authorization header, never in a log line or an error.
 */
export class SessionCache {
  // Each token expires from the cache when it is due for replacement (its own TTL, set below).
  private readonly sessions;
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(
    private readonly client: PolarClient,
    private readonly directory: CustomerDirectory,
    private readonly options: SessionCacheOptions,
  ) {
    this.sessions = boundedCache<{ readonly token: string; readonly refreshAt: number }>({
      max: options.maxEntries,
      ttlMs: DEFAULT_TOKEN_TTL_MS,
      clock: options.clock,
    });
  }

  /**
   * Runs `call` with the customer's session token. A token the portal rejects (401: revoked, or
   * expired early) is dropped and `call` runs once more with a fresh one.
   */
  async withSession<T>(customerId: string, call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.token(customerId);
    try {
      return await call(token);
    } catch (e) {
      if (!isSessionRejected(e)) throw e;
      if (this.sessions.get(customerId)?.token === token) this.sessions.delete(customerId);
      return call(await this.token(customerId));
    }
  }

  private token(customerId: string): Promise<string> {
    const cached = this.sessions.get(customerId);
    if (cached && cached.refreshAt > this.options.clock()) return Promise.resolve(cached.token);
    let pending = this.inflight.get(customerId);
    if (!pending) {
      pending = this.create(customerId).finally(() => this.inflight.delete(customerId));
      this.inflight.set(customerId, pending);
    }
    return pending;
  }

  private async create(customerId: string): Promise<string> {
    const session = await this.client.createSession(customerId);
    if (session.customer) this.directory.remember(session.customer);
    const refreshAt = Date.parse(session.expires_at) - this.options.refreshMarginMs;
    const ttl = refreshAt - this.options.clock();
    // A token already due (or an unreadable expiry) serves this call only.
    if (ttl > 0) this.sessions.set(customerId, { token: session.token, refreshAt }, { ttl });
    return session.token;
  }
}
