import type { Plugin } from 'graphql-yoga';
import type { ProviderName } from '../domain/wallet.js';
import type { LiveServices } from '../events/live.js';
import type { ProviderRegistry } from '../providers/registry.js';

export type ProviderReadiness = 'up' | 'degraded' | 'down';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

/**
 * `/healthz`: the process answers (liveness). `/readyz`: it should get traffic (readiness):
 * each provider is up, degraded (breaker half-open) or down (breaker open), and one provider
 * down only degrades the gateway; so does Redis down (queries never need it, subscriptions get
 * this replica's own events). All providers down, or shutting down, makes it not ready.
 */
export function useHealthEndpoints(deps: {
  registry: ProviderRegistry;
  live: LiveServices;
  isShuttingDown: () => boolean;
}): Plugin {
  return {
    onRequest({ url, endResponse }) {
      if (url.pathname === '/healthz') return endResponse(json(200, { status: 'ok' }));
      if (url.pathname !== '/readyz') return;
      const providers = Object.fromEntries(
        deps.registry.list().map((p) => {
          const state = p.circuitState?.() ?? 'CLOSED';
          return [p.name, state === 'OPEN' ? 'down' : state === 'HALF_OPEN' ? 'degraded' : 'up'];
        }),
      ) as Record<ProviderName, ProviderReadiness>;
      const states = Object.values(providers);
      const redis = deps.live.redisStatus();
      const notReady =
        deps.isShuttingDown() || states.length === 0 || states.every((s) => s === 'down');
      const status = notReady
        ? 'not_ready'
        : states.every((s) => s === 'up') && redis !== 'down'
          ? 'ready'
          : 'degraded';
      return endResponse(
        json(notReady ? 503 : 200, {
          status,
          providers,
          redis,
          ...(deps.isShuttingDown() && { shuttingDown: true }),
        }),
      );
    },
  };
}
