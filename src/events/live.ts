import type { Redis } from 'ioredis';
import { boundedCache } from '../bounded-cache.js';
import type { WalletTransaction } from '../domain/transaction.js';
import type { ProviderName, Wallet } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import { loadWalletsByKeys } from '../loaders.js';
import type { Logger } from '../logger.js';
import type { Result } from '../providers/provider.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { withFreshReads } from '../providers/resilience/fresh-reads.js';
import type { WebhookVerifier } from '../providers/webhook.js';
import { BalancePoller } from './poller.js';
import { type BalancePubSub, createBalancePubSub } from './pubsub.js';
import { createRedisClient } from './redis-clients.js';
import { BalanceRefresher } from './refresher.js';
import { type RedisFallback, SharedStores } from './shared-stores.js';
import { type LiveStores, memoryStores } from './stores.js';
import type { TransactionEventMessage } from './transaction-event.js';
import { TransactionPoller } from './transaction-poller.js';
import { TransactionEvents } from './transactions.js';
import { useWebhookRoutes, type WebhookDeliveryResult } from './webhook-routes.js';

export interface LiveConfig {
  readonly pollIntervalMs: number;
  readonly redisUrl?: string | undefined;
  readonly verifiers: ReadonlyMap<ProviderName, WebhookVerifier>;
  /** Providers whose webhooks are configured; every other configured provider is polled. */
  readonly webhookProviders: ReadonlySet<ProviderName>;
  readonly onWebhookDelivery?: (provider: ProviderName, result: WebhookDeliveryResult) => void;
  /** A wallet the live path re-read but could not read at all (metrics). */
  readonly onUnreadableWallet?: (provider: ProviderName) => void;
  /** An operation this replica answered from memory because Redis could not (metrics). */
  readonly onRedisFallback?: (operation: RedisFallback) => void;
}

// At start-up the gateway waits this long for Redis, then serves without it until it comes.
const REDIS_STARTUP_WAIT_MS = 5000;

// An event's wallet is re-read once per replica and shared by that replica's subscribers, who
// all ask within moments of the event.
const EVENT_WALLET_CACHE = 1000;
const EVENT_WALLET_TTL_MS = 60_000;

/** Everything behind `walletBalanceChanged`: pubsub, change detection, poller, webhook routes. */
export class LiveServices {
  readonly pubsub: BalancePubSub;
  readonly stores: LiveStores;
  readonly refresher: BalanceRefresher;
  readonly poller: BalancePoller;
  readonly transactions: TransactionEvents;
  readonly transactionPoller: TransactionPoller;
  readonly webhookPlugin: ReturnType<typeof useWebhookRoutes>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly eventWallets = boundedCache<Promise<Result<Wallet>>>({
    max: EVENT_WALLET_CACHE,
    ttlMs: EVENT_WALLET_TTL_MS,
    clock: Date.now,
  });
  private readonly eventTransactions = boundedCache<Promise<Result<WalletTransaction>>>({
    max: EVENT_WALLET_CACHE,
    ttlMs: EVENT_WALLET_TTL_MS,
    clock: Date.now,
  });
  private readonly redis: Redis[] = [];
  private readonly shared: SharedStores | undefined;
  /** Ends each open subscription stream; closing ends them before Redis goes away. */
  private readonly streams = new Set<() => void>();

  constructor(
    private readonly registry: ProviderRegistry,
    config: LiveConfig,
    private readonly logger: Logger,
  ) {
    if (config.redisUrl) {
      const commands = createRedisClient(config.redisUrl, 'commands', logger);
      const subscriber = createRedisClient(config.redisUrl, 'subscriber', logger);
      this.redis.push(commands, subscriber);
      this.shared = new SharedStores(commands, { logger, onFallback: config.onRedisFallback });
      this.stores = this.shared;
      this.pubsub = createBalancePubSub({
        publish: commands,
        subscribe: subscriber,
        logger,
        onFallback: config.onRedisFallback,
        // What this replica's subscribers were told is what it knows, should Redis lose it.
        onRemoteBalance: (m) => this.shared?.remember(m.walletKey, JSON.stringify(m.balance)),
      });
    } else {
      this.stores = memoryStores();
      this.pubsub = createBalancePubSub();
    }
    this.refresher = new BalanceRefresher({
      registry,
      stores: this.stores,
      pubsub: this.pubsub,
      logger,
      onUnreadableWallet: config.onUnreadableWallet,
    });
    const polled = new Set(
      registry
        .list()
        .map((p) => p.name)
        .filter((name) => !config.webhookProviders.has(name)),
    );
    this.poller = new BalancePoller({
      refresher: this.refresher,
      stores: this.stores,
      logger,
      intervalMs: config.pollIntervalMs,
      providers: polled,
    });
    this.transactions = new TransactionEvents({ registry, pubsub: this.pubsub, logger });
    this.transactionPoller = new TransactionPoller({
      registry,
      events: this.transactions,
      stores: this.stores,
      logger,
      intervalMs: config.pollIntervalMs,
      providers: polled,
    });
    this.webhookPlugin = useWebhookRoutes({
      verifiers: config.verifiers,
      stores: this.stores,
      refresher: this.refresher,
      transactions: this.transactions,
      logger,
      inFlight: this.inFlight,
      onDelivery: config.onWebhookDelivery,
    });
  }

  /**
   * The wallet an event is about, re-read from its provider through a fresh loader (never the
   * subscription's first payload, nor a cached copy that this replica may not yet know to be
   * old), once per event on this replica.
   */
  walletForEvent(eventId: string, walletKey: string): Promise<Result<Wallet>> {
    let wallet = this.eventWallets.get(eventId);
    if (!wallet) {
      wallet = withFreshReads(() => loadWalletsByKeys(this.registry, [walletKey])).then(
        (results) => results[0]!,
      );
      this.eventWallets.set(eventId, wallet);
    }
    return wallet;
  }

  /**
   * The transaction an event is about: its provider's object read by its adapter, with its
   * wallet (read fresh for the event), once per event on this replica.
   */
  transactionForEvent(message: TransactionEventMessage): Promise<Result<WalletTransaction>> {
    let transaction = this.eventTransactions.get(message.eventId);
    if (!transaction) {
      transaction = (async () => {
        const history = this.registry.get(message.provider)?.transactions;
        if (!history)
          return new GatewayError('NOT_SUPPORTED', `${message.provider} has no transactions`, {
            provider: message.provider,
          });
        const wallet = await this.walletForEvent(message.eventId, message.walletKey);
        return wallet instanceof GatewayError ? wallet : history.read(message.raw, wallet);
      })();
      this.eventTransactions.set(message.eventId, transaction);
    }
    return transaction;
  }

  /**
   * Resolves once Redis (when configured) is connected and refilled, or after a short wait: a
   * replica that starts while Redis is away serves without it, and joins it when it comes.
   */
  async ready(timeoutMs = REDIS_STARTUP_WAIT_MS): Promise<void> {
    const shared = this.shared;
    if (!shared) return;
    let timer: NodeJS.Timeout | undefined;
    const connected = Promise.all(
      this.redis.map((r) =>
        r.status === 'ready' ? undefined : new Promise<void>((resolve) => r.once('ready', resolve)),
      ),
    ).then(() => shared.synced());
    const waited = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    if ((await Promise.race([connected, waited])) === 'timeout')
      this.logger.warn(
        { waitedMs: timeoutMs },
        'redis unavailable at start-up: serving without it',
      );
    clearTimeout(timer);
  }

  redisStatus(): 'up' | 'down' | 'not_configured' {
    if (!this.shared) return 'not_configured';
    return this.shared.shared && this.redis.every((r) => r.status === 'ready') ? 'up' : 'down';
  }

  /** The command connection, for other shared state (rate limits); undefined without Redis. */
  get redisClient(): Redis | undefined {
    return this.redis[0];
  }

  /** Registers an open subscription stream; the returned function unregisters it. */
  trackStream(end: () => void): () => void {
    this.streams.add(end);
    return () => this.streams.delete(end);
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /** Resolves when background webhook work has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Completes every open subscription stream (clients see a normal end) and waits for cleanup. */
  async endStreams(timeoutMs = 2000): Promise<void> {
    for (const end of [...this.streams]) end();
    const deadline = Date.now() + timeoutMs;
    while (this.streams.size > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
  }

  async close(): Promise<void> {
    // Ending the streams first sends their UNSUBSCRIBEs ahead of QUIT on the same connection.
    await this.endStreams();
    this.poller.close();
    this.transactionPoller.close();
    await this.idle();
    await Promise.all(this.redis.map((r) => r.quit().catch(() => r.disconnect())));
  }
}
