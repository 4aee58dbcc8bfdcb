/**
 * Knobs of one provider's upstream resilience. The adapter configs extend this, so settings added
 * to `config.upstream` reach every provider through the spread in server.ts.
 */
export interface ResilienceSettings {
  /** Limit for one upstream attempt, body included (env UPSTREAM_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Extra attempts for idempotent reads on 429, 5xx, timeouts and network errors (UPSTREAM_RETRIES). */
  readonly retries: number;
  /** Limit for a whole call: attempts plus the waits between them. Default 2 × timeoutMs. */
  readonly budgetMs?: number | undefined;
  /** The longest `Retry-After` the gateway waits; a longer one fails fast with UPSTREAM_RATE_LIMITED. */
  readonly retryAfterCapMs?: number | undefined;
  /** Consecutive failed attempts (5xx, timeout, network) that open the circuit. */
  readonly breakerThreshold?: number | undefined;
  /**
   * How long an open circuit first refuses calls before it lets one probe through; each failed
   * probe doubles the wait, up to halfOpenMaxMs. A success closes the circuit and resets it.
   */
  readonly halfOpenInitialMs?: number | undefined;
  /** The longest an open circuit waits between probes (env UPSTREAM_BREAKER_HALF_OPEN_MS). */
  readonly halfOpenMaxMs?: number | undefined;
  /** First backoff step between retries (jittered, exponential). */
  readonly backoffBaseMs?: number | undefined;
}

export type ResolvedSettings = { readonly [K in keyof ResilienceSettings]-?: number };

export const RESILIENCE_DEFAULTS = {
  timeoutMs: 5000,
  retries: 2,
  retryAfterCapMs: 10_000,
  breakerThreshold: 5,
  halfOpenInitialMs: 1000,
  halfOpenMaxMs: 10_000,
  backoffBaseMs: 100,
} as const;

export function resolveSettings(s: Partial<ResilienceSettings>): ResolvedSettings {
  const timeoutMs = s.timeoutMs ?? RESILIENCE_DEFAULTS.timeoutMs;
  const halfOpenMaxMs = s.halfOpenMaxMs ?? RESILIENCE_DEFAULTS.halfOpenMaxMs;
  return {
    timeoutMs,
    retries: s.retries ?? RESILIENCE_DEFAULTS.retries,
    // Two attempts' worth: a hung provider gets one retry, and a caller never waits longer.
    budgetMs: s.budgetMs ?? 2 * timeoutMs,
    retryAfterCapMs: s.retryAfterCapMs ?? RESILIENCE_DEFAULTS.retryAfterCapMs,
    breakerThreshold: Math.max(1, s.breakerThreshold ?? RESILIENCE_DEFAULTS.breakerThreshold),
    halfOpenInitialMs: Math.min(
      halfOpenMaxMs,
      s.halfOpenInitialMs ?? RESILIENCE_DEFAULTS.halfOpenInitialMs,
    ),
    halfOpenMaxMs,
    backoffBaseMs: s.backoffBaseMs ?? RESILIENCE_DEFAULTS.backoffBaseMs,
  };
}
