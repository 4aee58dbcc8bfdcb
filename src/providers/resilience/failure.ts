/**
 * Why one upstream call failed, before it becomes a GatewayError: the resilience policies decide on
 * it (retry? count against the breaker?), and each caller maps it with its own error mapper, so a
 * de-duplicated call can end as different codes for callers on different route families.
 * Internal only: it carries the upstream body, which must never reach a response or a log.
 */
export type FailureReason =
  /** The provider answered non-2xx. `retryAfterMs` is its parsed Retry-After header. */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly body: unknown;
      readonly retryAfterMs?: number | undefined;
    }
  /**
   * No answer within `limitMs` (the attempt timeout or what was left of the call's budget).
   * `unsent`: the budget ran out before the attempt could start (e.g. while waiting out a probe).
   */
  | { readonly kind: 'timeout'; readonly limitMs: number; readonly unsent?: boolean }
  /** Connection refused/reset, DNS, or the answer broke off mid-body. */
  | { readonly kind: 'network'; readonly phase: 'connect' | 'body' }
  /** The circuit is open: nothing was sent. */
  | { readonly kind: 'circuit_open' };

export class UpstreamFailure extends Error {
  override readonly name = 'UpstreamFailure';
  /** Set when a 429 asked for a longer wait than the cap or the remaining budget allows. */
  refusedWaitMs: number | undefined;

  constructor(
    readonly reason: FailureReason,
    options?: { cause?: unknown },
  ) {
    super(`upstream ${reason.kind}`);
    if (options?.cause !== undefined)
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
  }

  /** 429, 5xx, timeouts and network errors may succeed on a later attempt. */
  get transient(): boolean {
    const r = this.reason;
    return (
      r.kind === 'timeout' ||
      r.kind === 'network' ||
      (r.kind === 'status' && (r.status === 429 || r.status >= 500))
    );
  }

  /** The provider itself is unwell (not: it refused us, rate-limited us, or the circuit is open). */
  get countsAgainstBreaker(): boolean {
    const r = this.reason;
    return (
      (r.kind === 'timeout' && !r.unsent) ||
      r.kind === 'network' ||
      (r.kind === 'status' && r.status >= 500)
    );
  }
}
