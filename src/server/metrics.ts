import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ProviderRegistry } from '../providers/registry.js';
import type { UpstreamObserver } from '../providers/resilience/observer.js';
import type { SseFanoutStats } from './useSseFanout.js';

/**
 * Prometheus `/metrics`: GraphQL/HTTP metrics from @graphql-yoga/plugin-prometheus, plus upstream
 * latency, errors and circuit-breaker state per provider, and live-subscription gauges. Each
 * gateway gets its own registry so several can run in one process (tests, replicas).
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly upstreamDuration = new Histogram({
    name: 'walletgate_upstream_request_duration_seconds',
    help: 'Upstream provider request duration, by provider, route template and outcome.',
    labelNames: ['provider', 'method', 'route', 'outcome', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly upstreamErrors = new Counter({
    name: 'walletgate_upstream_errors_total',
    help: 'Failed upstream provider requests, by provider and outcome (error, timeout, network, short_circuit).',
    labelNames: ['provider', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly webhooks = new Counter({
    name: 'walletgate_webhook_deliveries_total',
    help:
      'Webhook deliveries received, by provider and result (accepted, duplicate, rejected, ' +
      'unavailable: refused with 503 for the provider to retry).',
    labelNames: ['provider', 'result'] as const,
    registers: [this.registry],
  });

  readonly unreadableWallets = new Counter({
    name: 'walletgate_unreadable_wallets_total',
    help:
      'Wallets a provider sent whose identity, customer, currency or balance could not be read, ' +
      'on the live path (webhook or poll re-reads), by provider.',
    labelNames: ['provider'] as const,
    registers: [this.registry],
  });

  readonly redisFallbacks = new Counter({
    name: 'walletgate_redis_fallbacks_total',
    help:
      'Operations answered from this replica because Redis was unavailable, by operation ' +
      '(dedupe, snapshot, lease, publish, subscribe).',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  readonly unhandledRejections = new Counter({
    name: 'walletgate_unhandled_rejections_total',
    help: 'Promise rejections nothing handled (each is logged); zero in a healthy process.',
    registers: [this.registry],
  });

  readonly walletCacheReads = new Counter({
    name: 'walletgate_wallet_cache_reads_total',
    help:
      'Wallet cache reads per key, by provider, kind (wallet, customer) and result: hit, stale ' +
      '(served while one refresh runs), miss (read from the provider), fresh (past the cache), ' +
      'stale_if_error (served while the provider fails).',
    labelNames: ['provider', 'kind', 'result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'walletgate_' });
  }

  /** Feeds the upstream histogram and error counter from every provider's resilience layer. */
  upstreamObserver(): UpstreamObserver {
    return {
      onRequest: (e) => {
        const labels = {
          provider: e.provider,
          method: e.method,
          route: e.route,
          outcome: e.outcome,
          status: e.status === undefined ? '' : String(e.status),
        };
        this.upstreamDuration.observe(labels, e.durationMs / 1000);
        if (e.outcome !== 'ok')
          this.upstreamErrors.inc({ provider: e.provider, outcome: e.outcome });
      },
      onCircuitChange: () => {},
    };
  }

  /**
   * Gauges read at scrape time: breaker state per provider, open subscription streams, SSE
   * fan-out, Redis.
   */
  watch(
    providers: ProviderRegistry,
    liveStreams: () => number,
    fanout: SseFanoutStats,
    redisStatus: () => 'up' | 'down' | 'not_configured',
  ): void {
    new Gauge({
      name: 'walletgate_redis_up',
      help: 'Redis as this replica sees it: 1 connected, 0 unavailable (absent when not configured).',
      registers: [this.registry],
      collect() {
        const status = redisStatus();
        if (status !== 'not_configured') this.set(status === 'up' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'walletgate_sse_fanout_groups',
      help: 'SSE fan-out groups (one pubsub listener and one execution per event each).',
      registers: [this.registry],
      collect() {
        this.set(fanout.groupCount());
      },
    });
    new Gauge({
      name: 'walletgate_sse_fanout_subscribers',
      help:
        'SSE fan-out members by how frames reach them: "socket" (straight to the ' +
        'connection) or "stream" (through the response body stream).',
      labelNames: ['write'] as const,
      registers: [this.registry],
      collect() {
        const { socket, stream } = fanout.memberCount();
        this.set({ write: 'socket' }, socket);
        this.set({ write: 'stream' }, stream);
      },
    });
    new Gauge({
      name: 'walletgate_upstream_circuit_state',
      help: 'Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.',
      labelNames: ['provider'] as const,
      registers: [this.registry],
      collect() {
        for (const p of providers.list()) {
          const state = p.circuitState?.() ?? 'CLOSED';
          this.set({ provider: p.name }, state === 'OPEN' ? 2 : state === 'HALF_OPEN' ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'walletgate_live_subscriptions',
      help: 'Open walletBalanceChanged streams on this process.',
      registers: [this.registry],
      collect() {
        this.set(liveStreams());
      },
    });
  }

  /**
   * GraphQL and HTTP metrics at a per-request cost that stays small beside a query: request
   * counts, durations and error counts, by operation type and (for HTTP) method and status. Label
   * sets a caller cannot grow: an operation name is text the caller chooses and the URL carries a
   * GET request's whole query, so either would add one time series per distinct value. Per-phase
   * histograms (parse, validate, context, execute) and the request-time summary (a quantile
   * sketch per observation) are left off; the request-duration histogram covers them.
   */
  plugin(): Plugin {
    return usePrometheus({
      endpoint: '/metrics',
      registry: this.registry,
      labels: { operationName: false, url: false } as Record<string, boolean>,
      metrics: {
        graphql_yoga_http_duration: REQUEST_BUCKETS,
        graphql_envelop_request: true,
        graphql_envelop_request_duration: REQUEST_BUCKETS,
        graphql_envelop_error_result: true,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_schema_change: false,
        graphql_envelop_deprecated_field: false,
        graphql_envelop_execute_resolver: false,
      },
    });
  }
}

/** Seconds: from a cached answer (sub-millisecond) to a slow provider's timeout. */
const REQUEST_BUCKETS: [number, ...number[]] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
