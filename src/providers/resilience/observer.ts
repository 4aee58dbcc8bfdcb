import type { ProviderName } from '../../domain/wallet.js';
import type { BreakerState } from '../provider.js';

export type UpstreamOutcome = 'ok' | 'error' | 'timeout' | 'network' | 'short_circuit';

/** One upstream attempt, or one call the open circuit refused (`short_circuit`, nothing sent). */
export interface UpstreamRequestEvent {
  readonly provider: ProviderName;
  readonly method: string;
  /** Path template without ids (`/customers/:id/wallets`): safe as a metric label. */
  readonly route: string;
  /** HTTP status, when the provider answered. */
  readonly status?: number | undefined;
  readonly outcome: UpstreamOutcome;
  readonly durationMs: number;
}

export interface UpstreamRetryEvent {
  readonly provider: ProviderName;
  readonly method: string;
  readonly route: string;
  /** 1 for the first retry. */
  readonly attempt: number;
  readonly delayMs: number;
}

/** Metrics hooks (wired to prom-client by the server). Calls are synchronous and must not throw. */
export interface UpstreamObserver {
  onRequest(e: UpstreamRequestEvent): void;
  onCircuitChange(provider: ProviderName, state: BreakerState): void;
  onRetry?(e: UpstreamRetryEvent): void;
  /** A GET joined an identical one already in flight: no request of its own. */
  onDedupe?(e: {
    readonly provider: ProviderName;
    readonly method: string;
    readonly route: string;
  }): void;
}

export const NO_OBSERVER: UpstreamObserver = { onRequest: () => {}, onCircuitChange: () => {} };

/**
 * Path segments that name a resource or an action on the three providers' routes. Every other
 * segment is an id, a customer's external id or a wallet code and becomes `:id`: an allow-list
 * keeps label cardinality bounded even for ids no pattern would recognise (`acme`, `main`).
 * A new route's static word shows as `:id` until added here — wrong-looking, never unbounded.
 */
const STATIC_SEGMENTS = new Set([
  'wallets',
  'customers',
  'search',
  'balance',
  'real-time',
  'external',
  'alerts',
  'webhooks',
  'json_public_key',
  'customer-sessions',
  'customer-portal',
  'health',
]);

/** `/customers/hooli_1234/wallets/main/alerts` -> `/customers/:id/wallets/:id/alerts`. */
export function routeOf(path: string): string {
  const pathOnly = path.split('?')[0] ?? '';
  return pathOnly
    .split('/')
    .map((segment) => (segment === '' || STATIC_SEGMENTS.has(segment) ? segment : ':id'))
    .join('/');
}
