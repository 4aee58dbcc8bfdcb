import type { GraphQLError } from 'graphql';
import type { LiveServices } from './events/live.js';
import type { Logger } from './logger.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { ProviderRegistry } from './providers/registry.js';

export interface GatewayContext {
  readonly registry: ProviderRegistry;
  /** Per-request loaders; a subscription renews them for every event so no event sees stale data. */
  loaders: Loaders;
  /**
   * Errors that do not null a field: one provider failing inside a cross-provider list. The
   * usePartialErrors plugin appends them to the response's `errors`.
   */
  readonly partialErrors: GraphQLError[];
  readonly live: LiveServices;
  readonly logger: Logger;
}

export function createContext(registry: ProviderRegistry, live: LiveServices, logger: Logger): GatewayContext {
  return { registry, loaders: createLoaders(registry), partialErrors: [], live, logger };
}
