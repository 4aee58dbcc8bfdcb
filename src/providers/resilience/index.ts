import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  noJitterGenerator,
  retry,
  type TimeoutPolicy,
  TimeoutStrategy,
  timeout,
} from 'cockatiel';
import type { ProviderName } from '../../domain/wallet.js';
import type { Logger } from '../../logger.js';
import type { BreakerState } from '../provider.js';
import { UpstreamFailure } from './failure.js';
import { freshReadsRequired } from './fresh-reads.js';
import { InFlight, requestKey } from './in-flight.js';
import { NO_OBSERVER, routeOf, type UpstreamObserver, type UpstreamOutcome } from './observer.js';
import { RetryPlan } from './retry-plan.js';
import { type ResilienceSettings, type ResolvedSettings, resolveSettings } from './settings.js';

export { type FailureReason, UpstreamFailure } from './failure.js';
export {
  NO_OBSERVER,
  routeOf,
  type UpstreamObserver,
  type UpstreamOutcome,
  type UpstreamRequestEvent,
  type UpstreamRetryEvent,
} from './observer.js';
export {
  RESILIENCE_DEFAULTS,
  type ResilienceSettings,
  type ResolvedSettings,
  resolveSettings,
} from './settings.js';

/** What an adapter config carries for its upstream: the knobs, plus optional metrics hooks. */
export interface UpstreamSettings extends ResilienceSettings {
  readonly observer?: UpstreamObserver | undefined;
}

/** One upstream request, as the policies need to see it. */
export interface UpstreamCall {
  readonly method: string;
  readonly url: URL;
  /** The path relative to the base URL (the route label is derived from it). */
  readonly path: string;
  /** Every header sent: identical GETs share a request only when these match too. */
  readonly headers: Readonly<Record<string, string>>;
  /** Safe to repeat (a GET, or a read sent as POST): only these are retried. */
  readonly idempotent: boolean;
}

/** A 2xx answer: its body parsed as JSON when it was JSON. */
export interface UpstreamAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly json: boolean;
}

/** Sends one attempt; throws an UpstreamFailure for non-2xx and network errors. */
export type Send = (signal: AbortSignal) => Promise<UpstreamAnswer>;

export interface ResilienceStats {
  /** Attempts sent upstream. */
  readonly requests: number;
  readonly retries: number;
  /** Calls the open circuit refused without a request. */
  readonly shortCircuits: number;
  /** GETs that joined an identical one in flight. */
  readonly deduped: number;
}

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'CLOSED',
  [CircuitState.Open]: 'OPEN',
  [CircuitState.HalfOpen]: 'HALF_OPEN',
  [CircuitState.Isolated]: 'OPEN',
};

/**
 * One provider's upstream resilience, shared by every client of that provider. Policy order,
 * outermost first (cockatiel's own `wrap(retry, breaker, timeout)` order, with a call budget
 * around it so retries cannot stretch a call without bound):
 *
 *   in-flight GET de-duplication
 *   -> call budget (timeout over the whole call, retries and waits included)
 *   -> retry (idempotent reads; 429, 5xx, timeouts, network errors; jittered, Retry-After honoured)
 *   -> circuit breaker (counts each attempt: a half-open probe is exactly one request)
 *   -> attempt timeout
 *   -> the request
 *
 * Retry outside the breaker: a retry after the circuit opened costs no request, and the breaker
 * sees every attempt's outcome rather than one per call.
 */
export class ProviderResilience {
  readonly settings: ResolvedSettings;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly budget: TimeoutPolicy;
  private readonly attemptTimeout: TimeoutPolicy;
  private readonly inFlight = new InFlight<UpstreamAnswer>();
  private readonly observer: UpstreamObserver;
  private readonly logger: Logger | undefined;
  private readonly counts = { requests: 0, retries: 0, shortCircuits: 0, deduped: 0 };

  constructor(
    readonly provider: ProviderName,
    settings: Partial<UpstreamSettings> = {},
    logger?: Logger,
  ) {
    this.settings = resolveSettings(settings);
    this.observer = settings.observer ?? NO_OBSERVER;
    this.logger = logger;
    // Cooperative: the attempt gets the signal and fails its fetch itself, so the breaker and the
    // retry see a typed timeout rather than cockatiel's TaskCancelledError.
    this.budget = timeout(this.settings.budgetMs, TimeoutStrategy.Cooperative);
    this.attemptTimeout = timeout(this.settings.timeoutMs, TimeoutStrategy.Cooperative);
    this.breaker = circuitBreaker(
      handleWhen((e) => e instanceof UpstreamFailure && e.countsAgainstBreaker),
      {
        // A short burst of errors costs the first, short wait; only a probe that keeps failing
        // stretches it. No jitter: each replica sends one probe, so there is no herd to spread.
        halfOpenAfter: new ExponentialBackoff({
          initialDelay: this.settings.halfOpenInitialMs,
          maxDelay: this.settings.halfOpenMaxMs,
          exponent: 2,
          generator: noJitterGenerator,
        }),
        breaker: new ConsecutiveBreaker(this.settings.breakerThreshold),
      },
    );
    this.breaker.onStateChange((state) => {
      const name = STATE_NAMES[state];
      this.logger?.[name === 'OPEN' ? 'warn' : 'info'](
        { provider, circuit: name },
        'upstream circuit',
      );
      this.notify(() => this.observer.onCircuitChange(provider, name));
    });
  }

  circuitState(): BreakerState {
    return STATE_NAMES[this.breaker.state];
  }

  stats(): ResilienceStats {
    return { ...this.counts };
  }

  execute(call: UpstreamCall, send: Send): Promise<UpstreamAnswer> {
    const route = routeOf(call.path);
    // GETs only: the issue asks for GETs, and the POSTs here are either searches whose bodies
    // rarely coincide or a customer-session create, where sharing one answer is not "the same read".
    if (call.method !== 'GET') return this.run(call, route, send);
    const { promise, joined } = this.inFlight.run(
      requestKey(call.method, call.url, call.headers),
      () => this.run(call, route, send),
      freshReadsRequired(),
    );
    if (joined) {
      this.counts.deduped++;
      this.notify(() =>
        this.observer.onDedupe?.({ provider: this.provider, method: call.method, route }),
      );
    }
    return promise;
  }

  private run(call: UpstreamCall, route: string, send: Send): Promise<UpstreamAnswer> {
    const maxRetries = call.idempotent ? this.settings.retries : 0;
    const plan = new RetryPlan(
      this.settings,
      maxRetries,
      Date.now() + this.settings.budgetMs,
      () => this.breaker.state === CircuitState.Open,
    );
    const retryPolicy = retry(
      handleWhen((e) => plan.shouldRetry(e)),
      { maxAttempts: maxRetries, backoff: plan.backoff },
    );
    retryPolicy.onRetry(({ attempt, delay }) => {
      this.counts.retries++;
      this.notify(() =>
        this.observer.onRetry?.({
          provider: this.provider,
          method: call.method,
          route,
          attempt,
          delayMs: Math.round(delay),
        }),
      );
    });
    return this.budget.execute(({ signal: callSignal }) =>
      retryPolicy.execute(
        ({ attempt }) => this.throughBreaker(call, route, callSignal, attempt + 1, send),
        callSignal,
      ),
    );
  }

  private async throughBreaker(
    call: UpstreamCall,
    route: string,
    callSignal: AbortSignal,
    attempt: number,
    send: Send,
  ): Promise<UpstreamAnswer> {
    try {
      // The call's own signal, not the breaker's: callers that waited out a half-open probe are
      // re-run by cockatiel without one, and must still respect their budget.
      return await this.breaker.execute(() => this.attempt(call, route, callSignal, attempt, send));
    } catch (e) {
      if (!(e instanceof BrokenCircuitError)) throw e;
      this.counts.shortCircuits++;
      this.report(call, route, attempt, 0, 'short_circuit', undefined);
      throw new UpstreamFailure({ kind: 'circuit_open' }, { cause: e });
    }
  }

  private attempt(
    call: UpstreamCall,
    route: string,
    callSignal: AbortSignal,
    attempt: number,
    send: Send,
  ): Promise<UpstreamAnswer> {
    return this.attemptTimeout.execute(async ({ signal }) => {
      // Nothing left to send with: not the provider's fault, so not a breaker failure.
      if (callSignal.aborted)
        throw new UpstreamFailure({
          kind: 'timeout',
          limitMs: this.settings.budgetMs,
          unsent: true,
        });
      const started = performance.now();
      this.counts.requests++;
      try {
        const answer = await send(signal);
        this.report(call, route, attempt, performance.now() - started, 'ok', answer.status);
        return answer;
      } catch (e) {
        const failure = signal.aborted
          ? new UpstreamFailure(
              {
                kind: 'timeout',
                limitMs: callSignal.aborted ? this.settings.budgetMs : this.settings.timeoutMs,
              },
              { cause: e },
            )
          : e;
        const reason = failure instanceof UpstreamFailure ? failure.reason : undefined;
        const outcome: UpstreamOutcome =
          reason?.kind === 'timeout' ? 'timeout' : reason?.kind === 'network' ? 'network' : 'error';
        this.report(
          call,
          route,
          attempt,
          performance.now() - started,
          outcome,
          reason?.kind === 'status' ? reason.status : undefined,
        );
        throw failure;
      }
    }, callSignal);
  }

  private report(
    call: UpstreamCall,
    route: string,
    attempt: number,
    durationMs: number,
    outcome: UpstreamOutcome,
    status: number | undefined,
  ): void {
    // The path may hold customer ids but never credentials; headers and bodies are not logged.
    const log = {
      provider: this.provider,
      method: call.method,
      path: call.url.pathname,
      attempt,
      ms: Math.round(durationMs),
      outcome,
      ...(status !== undefined && { status }),
    };
    // Refusals while open are debug: the opening itself was logged as a warning.
    if (outcome === 'ok' || outcome === 'short_circuit')
      this.logger?.debug(log, outcome === 'ok' ? 'upstream' : 'upstream refused: circuit open');
    else this.logger?.warn(log, 'upstream failure');
    this.notify(() =>
      this.observer.onRequest({
        provider: this.provider,
        method: call.method,
        route,
        status,
        outcome,
        durationMs,
      }),
    );
  }

  /** A metrics bug must never fail an upstream call. */
  private notify(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.logger?.error(
        { provider: this.provider, err: e instanceof Error ? e.message : String(e) },
        'upstream observer failed',
      );
    }
  }
}
