import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GatewayConfig } from './config.js';
import { createContext, type GatewayContext } from './context.js';
import { createLogger, type Logger } from './logger.js';
import { createFlexpriceProvider } from './providers/flexprice/index.js';
import { createLagoProvider } from './providers/lago/index.js';
import { createPolarProvider } from './providers/polar/index.js';
import type { WalletProvider } from './providers/provider.js';
import { ProviderRegistry } from './providers/registry.js';
import { schema } from './schema/index.js';
import { LiveServices } from './events/live.js';
import { DEFAULT_GRAPHIQL_QUERY } from './server/graphiql.js';
import { useEventStreamHeaders } from './server/useEventStreamHeaders.js';
import { usePartialErrors } from './server/usePartialErrors.js';
import { attachWebSocket } from './server/websocket.js';
import { createWebhookVerifiers } from './server/webhook-verifiers.js';

export interface GatewayOptions {
  readonly logger?: Logger;
  /** Injected into every upstream client (tests count or break upstream calls with it). */
  readonly fetch?: typeof fetch;
  /** Replaces the providers built from config (tests wire adapters against failing upstreams). */
  readonly providers?: readonly WalletProvider[];
}

export interface Gateway {
  readonly yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  readonly server: Server;
  readonly registry: ProviderRegistry;
  readonly live: LiveServices;
  /** Starts listening on config.port (0 = any free port); resolves to the GraphQL URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

function buildProviders(config: GatewayConfig, logger: Logger, fetchImpl?: typeof fetch): WalletProvider[] {
  const providers: WalletProvider[] = [];
  if (config.lago) providers.push(createLagoProvider({ ...config.lago, ...config.upstream }, logger.child({ provider: 'LAGO' }), fetchImpl));
  if (config.flexprice) providers.push(createFlexpriceProvider({ ...config.flexprice, ...config.upstream }, logger.child({ provider: 'FLEXPRICE' }), fetchImpl));
  if (config.polar) providers.push(createPolarProvider({ ...config.polar, ...config.upstream }, logger.child({ provider: 'POLAR' }), fetchImpl));
  return providers;
}

export function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Gateway {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const registry = new ProviderRegistry(options.providers ?? buildProviders(config, logger, options.fetch));
  const verifiers = createWebhookVerifiers(config, registry);
  const live = new LiveServices(registry, {
    pollIntervalMs: config.pollIntervalMs,
    redisUrl: config.redisUrl,
    verifiers,
    webhookProviders: new Set(verifiers.keys()),
  }, logger.child({ component: 'live' }));

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'Walletgate', defaultQuery: DEFAULT_GRAPHIQL_QUERY },
    renderGraphiQL,
    context: () => createContext(registry, live, logger),
    // Only GraphQLErrors (typed GatewayErrors, validation errors) reach callers; anything else is masked.
    maskedErrors: true,
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      error: (...args) => logger.error({ err: args[0] instanceof Error ? { name: args[0].name, message: args[0].message } : undefined }, 'yoga error'),
    },
    plugins: [live.webhookPlugin, useEventStreamHeaders(), usePartialErrors()],
  });

  const server = createServer(yoga);
  const ws = attachWebSocket(server, yoga);
  return {
    yoga,
    server,
    registry,
    live,
    listen: async () => {
      await live.ready();
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          resolve(`http://${host}:${port}/graphql`);
        });
      });
    },
    close: async () => {
      await ws.close();
      await new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await live.close();
    },
  };
}
