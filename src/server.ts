import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { WALLET_CACHE_OFF, WalletCache } from './cache/wallet-cache.js';
import type { GatewayConfig } from './config.js';
import { createContext, type GatewayContext } from './context.js';
import { LiveServices } from './events/live.js';
import { createLogger, type Logger } from './logger.js';
import type { WalletProvider } from './providers/provider.js';
import { ProviderRegistry } from './providers/registry.js';
import { schema } from './schema/index.js';
import { authSettings, useCustomerJwt } from './server/auth.js';
import { ClientConnections } from './server/client-connections.js';
import { corsOptions, useCorsVary } from './server/cors.js';
import { maskUnexpectedErrors } from './server/graphql-errors.js';
import { refuseResponse } from './server/http-refusal.js';
import { createRateLimiter, useQueryLimits } from './server/limits.js';
import { GatewayMetrics } from './server/metrics.js';
import { OpenRequests } from './server/open-requests.js';
import { useHealthEndpoints } from './server/ops.js';
import { usePersistedDocuments } from './server/persisted-documents.js';
import { configureProviders } from './server/providers.js';
import { answerClientErrors, requestTimeoutOptions } from './server/request-timeout.js';
import { argumentErrors, useArgumentChecks } from './server/useArgumentChecks.js';
import { useCaller } from './server/useCaller.js';
import { useEventStreamHeaders } from './server/useEventStreamHeaders.js';
import { useGraphiQLPage } from './server/useGraphiQLPage.js';
import { usePartialErrors } from './server/usePartialErrors.js';
import { requestIdOf, useRequestId } from './server/useRequestId.js';
import { useResponseCache } from './server/useResponseCache.js';
import { createSseFanout } from './server/useSseFanout.js';
import { attachWebSocket } from './server/websocket.js';

export interface GatewayOptions {
  readonly logger?: Logger;
  /** Injected into every upstream client (tests count or break upstream calls with it). */
  readonly fetch?: typeof fetch;
  /** Replaces the providers built from config (tests wire adapters against failing upstreams). */
  readonly providers?: readonly WalletProvider[];
  /** The clock the wallet cache measures ages on (tests move it). */
  readonly clock?: () => number;
}

export interface Gateway {
  readonly yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  readonly server: Server;
  readonly registry: ProviderRegistry;
  readonly live: LiveServices;
  readonly walletCache: WalletCache;
  readonly metrics: GatewayMetrics;
  /** Starts listening on config.port (0 = any free port); resolves to the GraphQL URL. */
  listen(): Promise<string>;
  /**
   * Graceful shutdown: not ready at once, no new connections, subscriptions completed cleanly,
   * in-flight requests given `shutdownGraceMs` to finish (those still running then answered 503
   * `SHUTTING_DOWN`), then Redis closed.
   */
  close(): Promise<void>;
}

/** Refuses request bodies over the limit before yoga reads them (a chunked body must declare its length). */
function withBodyLimit(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  maxBytes: number,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const declared = req.headers['content-length'];
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    const limit = { limit: 'LIMIT_MAX_BODY_BYTES' };
    if (hasBody && declared === undefined && req.headers['transfer-encoding'])
      return refuseResponse(req, res, {
        status: 411,
        code: 'LENGTH_REQUIRED',
        message: 'A request body must declare its Content-Length',
        extensions: limit,
      });
    if (declared !== undefined && Number(declared) > maxBytes)
      return refuseResponse(req, res, {
        status: 413,
        code: 'REQUEST_TOO_LARGE',
        message: `Request body exceeds LIMIT_MAX_BODY_BYTES (${maxBytes} bytes)`,
        extensions: limit,
      });
    handler(req, res);
  };
}

/**
 * A response holds every configured provider's wallets (a customer's fan out to all): it may be
 * kept for the configured time only when each provider's webhooks announce its changes; else no
 * longer than an unannounced wallet may be cached.
 */
function responseTtl(
  ttlMs: number,
  registry: ProviderRegistry,
  cache: WalletCache,
  webhookProviders: ReadonlySet<string>,
): number {
  const unannounced = registry.list().filter((p) => !webhookProviders.has(p.name));
  return Math.min(ttlMs, ...unannounced.map((p) => Math.max(cache.maxAgeMs(p.name), 1)));
}

export function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Gateway {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = new GatewayMetrics();
  const { adapters, verifiers, webhookProviders } = configureProviders(
    config,
    logger,
    metrics.upstreamObserver(),
    options.fetch,
  );
  const walletCache = new WalletCache({
    ...(config.walletCache ?? WALLET_CACHE_OFF),
    webhookProviders,
    redisUrl: config.redisUrl,
    logger: logger.child({ component: 'wallet-cache' }),
    onRead: (provider, kind, result, keys) =>
      metrics.walletCacheReads.inc({ provider, kind, result }, keys),
    ...(options.clock && { clock: options.clock }),
  });
  // Below the loaders: every wallet read (queries, webhook re-reads, polls) goes through the cache.
  const registry = new ProviderRegistry(
    (options.providers ?? adapters).map((adapter) => walletCache.wrap(adapter)),
  );
  const live = new LiveServices(
    registry,
    {
      pollIntervalMs: config.pollIntervalMs,
      redisUrl: config.redisUrl,
      verifiers,
      webhookProviders,
      onWebhookDelivery: (provider, result) => metrics.webhooks.inc({ provider, result }),
      onUnreadableWallet: (provider) => metrics.unreadableWallets.inc({ provider }),
      onRedisFallback: (operation) => metrics.redisFallbacks.inc({ operation }),
    },
    logger.child({ component: 'live' }),
  );
  const sseFanout = createSseFanout(
    live,
    (caller) =>
      ({ ...createContext({ registry, live, logger }, randomUUID()), caller }) as GatewayContext,
  );
  metrics.watch(
    registry,
    () => live.openStreams,
    sseFanout,
    () => live.redisStatus(),
  );
  const rateLimiter = createRateLimiter(config, live.redisClient);
  const auth = authSettings(config);
  let shuttingDown = false;

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    cors: corsOptions(config.cors),
    // Served by useGraphiQLPage (compressed, cached, switchable), not by yoga.
    graphiql: false,
    // Bodies are bounded once, before yoga sees them (withBodyLimit: LIMIT_MAX_BODY_BYTES against
    // the declared Content-Length, which node's parser holds the body to; no undeclared length).
    // Yoga's own limiter would re-wrap every body in a counting stream and a new Request.
    maxRequestBodySize: false,
    // `caller` is added by useCaller once the JWT plugin has run, before any resolver reads it.
    context: (initial) =>
      createContext(
        { registry, live, logger },
        requestIdOf(initial.request as Request | undefined),
      ) as GatewayContext,
    // Only typed GatewayErrors and GraphQLErrors (validation, auth) reach callers; anything else
    // is masked as "Unexpected error." with the request id (useRequestId) to find it in the logs.
    maskedErrors: { maskError: maskUnexpectedErrors },
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      error: (...args) =>
        logger.error(
          {
            err:
              args[0] instanceof Error
                ? { name: args[0].name, message: args[0].message }
                : undefined,
          },
          'yoga error',
        ),
    },
    plugins: [
      useHealthEndpoints({ registry, live, isShuttingDown: () => shuttingDown }),
      useGraphiQLPage('/graphql', config.graphiql),
      metrics.plugin(),
      live.webhookPlugin,
      useCorsVary(),
      // Before the limits: a persisted document is checked like any other once it is resolved.
      ...usePersistedDocuments(config.trustedDocuments, live.redisClient),
      // A page or id refused by its argument check is not also charged as a cost refusal.
      ...useQueryLimits(config, {
        skipCostWhen: (context) =>
          argumentErrors(context.getSchema(), context.getDocument(), undefined, undefined).length >
          0,
      }),
      useCustomerJwt(config),
      useCaller(auth, rateLimiter, config.limits.ratePerMinute),
      useArgumentChecks({ suggestions: config.sandbox }),
      useEventStreamHeaders(),
      sseFanout.plugin,
      usePartialErrors(),
      // After usePartialErrors: a response that gained an error there is never cached.
      ...(config.responseCacheTtlMs && walletCache.tiers.enabled
        ? useResponseCache({
            ttlMs: responseTtl(config.responseCacheTtlMs, registry, walletCache, webhookProviders),
            walletCache,
          })
        : []),
      useRequestId(),
    ],
  });

  const openRequests = new OpenRequests();
  const connections = new ClientConnections(config.limits.connectionsPerClient);
  // Node keeps only the first of two Authorization headers; joined, the second one is seen and
  // the ambiguous credential refused.
  const server = createServer(
    { ...requestTimeoutOptions(config.limits.requestTimeoutMs), joinDuplicateHeaders: true },
    openRequests.wrap(connections.wrap(withBodyLimit(yoga, config.limits.maxBodyBytes))),
  );
  answerClientErrors(server, config.limits.requestTimeoutMs);
  const ws = attachWebSocket(server, yoga, {
    maxMessageBytes: config.limits.maxBodyBytes,
    subscriptionsPerSocket: config.limits.subscriptionsPerSocket,
    connections,
  });
  return {
    yoga,
    server,
    registry,
    live,
    walletCache,
    metrics,
    listen: async () => {
      await Promise.all([live.ready(), walletCache.ready()]);
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          const host =
            config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          resolve(`http://${host}:${port}/graphql`);
        });
      });
    },
    close: async () => {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) =>
        server.listening ? server.close(() => resolve()) : resolve(),
      );
      // Keep-alive sockets turn idle as their last response ends: close them as they do.
      const reaper = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      // Streams end first, so SSE and graphql-ws clients get a normal completion, then sockets go.
      await live.endStreams();
      await ws.close();
      const grace = new Promise<void>((resolve) =>
        setTimeout(resolve, config.shutdownGraceMs).unref(),
      );
      await Promise.race([closed, grace]);
      clearInterval(reaper);
      // Whatever outlasted the grace period gets an answer (503 SHUTTING_DOWN), not a reset.
      await openRequests.cutOff();
      server.closeAllConnections();
      await closed;
      await live.close();
      await walletCache.close();
    },
  };
}
