import type { GraphQLError } from 'graphql';
import type { Caller } from './auth/caller.js';
import type { GatewayError } from './errors.js';
import type { LiveServices } from './events/live.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Logger } from './logger.js';
import type { ProviderRegistry } from './providers/registry.js';

export interface GatewayContext {
  readonly registry: ProviderRegistry;
  /** Per-request loaders; a subscription renews them for every event so no event sees stale data. */
  loaders: Loaders;
  /**
   * Errors that do not null a field: one provider failing inside a cross-provider list. The
   * usePartialErrors plugin appends them to the response's `errors`.
   */
  readonly partialErrors: (GraphQLError | GatewayError)[];
  readonly live: LiveServices;
  readonly caller: Caller;
  /** Echoed in the x-request-id header, in masked errors and in log lines. */
  readonly requestId: string;
  readonly logger: Logger;
}

/** Everything but `caller`, which the useCaller plugin adds once credentials are verified. */
export function createContext(
  deps: { registry: ProviderRegistry; live: LiveServices; logger: Logger },
  requestId: string,
): Omit<GatewayContext, 'caller'> {
  return {
    ...deps,
    loaders: createLoaders(deps.registry),
    partialErrors: [],
    requestId,
    logger: deps.logger.child({ requestId }),
  };
}
