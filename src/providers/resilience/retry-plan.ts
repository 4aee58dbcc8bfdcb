import {
  DelegateBackoff,
  decorrelatedJitterGenerator,
  ExponentialBackoff,
  type IBackoff,
} from 'cockatiel';
import { UpstreamFailure } from './failure.js';
import type { ResolvedSettings } from './settings.js';

/** A retry that would leave less than this for its attempt is not worth sending. */
const MIN_ATTEMPT_MS = 50;

/**
 * One call's retry decisions. Cockatiel asks its error filter whether a failure is retried and
 * only then asks the backoff how long to wait, so the filter decides both here (it alone can say
 * no) and the backoff replays the wait. Per call, because the budget left is per call.
 */
export class RetryPlan {
  private readonly jitterSteps: ExponentialBackoff<unknown>;
  private jitter: IBackoff<unknown> | undefined;
  private failures = 0;
  private wait = 0;

  /** Hands cockatiel the wait decided in `shouldRetry`. */
  readonly backoff = new DelegateBackoff<unknown>(() => this.wait);

  constructor(
    private readonly settings: ResolvedSettings,
    private readonly maxRetries: number,
    private readonly deadline: number,
    private readonly circuitOpen: () => boolean,
  ) {
    this.jitterSteps = new ExponentialBackoff({
      generator: decorrelatedJitterGenerator,
      initialDelay: settings.backoffBaseMs,
      maxDelay: 20 * settings.backoffBaseMs,
    });
  }

  shouldRetry(error: unknown): boolean {
    if (!(error instanceof UpstreamFailure) || !error.transient) return false;
    if (++this.failures > this.maxRetries) return false;
    // That attempt opened the circuit: the next would be refused unsent, so give the real error now.
    if (this.circuitOpen()) return false;
    const remaining = this.deadline - Date.now();
    const floor = Math.min(MIN_ATTEMPT_MS, this.settings.timeoutMs);
    const r = error.reason;
    if (r.kind === 'status' && r.retryAfterMs !== undefined && r.retryAfterMs > 0) {
      // Never earlier than asked; a wait we will not make fails fast instead of sleeping.
      if (r.retryAfterMs > this.settings.retryAfterCapMs || r.retryAfterMs + floor > remaining) {
        error.refusedWaitMs = r.retryAfterMs;
        return false;
      }
      // A little jitter on top, so callers told the same Retry-After do not return in one burst.
      this.wait =
        r.retryAfterMs +
        Math.random() * Math.min(this.settings.backoffBaseMs, remaining - r.retryAfterMs - floor);
      return true;
    }
    this.jitter = this.jitter ? this.jitter.next(undefined) : this.jitterSteps.next();
    if (this.jitter.duration + floor > remaining) return false;
    this.wait = this.jitter.duration;
    return true;
  }
}
