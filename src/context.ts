import type { GraphQLError } from 'graphql';
import type { Logger } from './logger.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { ProviderRegistry } from './providers/registry.js';

export interface GatewayContext {
  readonly registry: ProviderRegistry;
  readonly loaders: Loaders;
  /**
   * Errors that do not null a field: one provider failing inside a cross-provider list. The
   * usePartialErrors plugin appends them to the response's `errors`.
   */
  readonly partialErrors: GraphQLError[];
  readonly logger: Logger;
}

export function createContext(registry: ProviderRegistry, logger: Logger): GatewayContext {
  return { registry, loaders: createLoaders(registry), partialErrors: [], logger };
}
