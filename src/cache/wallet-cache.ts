import type { ProviderName, Wallet } from '../domain/wallet.js';
import { type ErrorCode, GatewayError } from '../errors.js';
import type { Logger } from '../logger.js';
import { asGatewayError } from '../providers/items.js';
import type { Result, WalletList, WalletProvider } from '../providers/provider.js';
import { freshReadsRequired } from '../providers/resilience/fresh-reads.js';
import { type CacheEntry, TieredCache } from './tiers.js';

export interface WalletCacheSettings {
  /** How old a cached wallet may be served, for a provider whose verified webhooks keep it current. */
  readonly maxAgeMs: number;
  /** The same for a provider without webhooks (polled, or webhooks not configured). */
  readonly unverifiedMaxAgeMs: number;
  /** How old a cached wallet may be served when its provider fails (0: never). */
  readonly staleIfErrorMs: number;
  readonly maxEntries: number;
}

/** Nothing kept: every read asks the provider (a configuration built without the cache's variables). */
export const WALLET_CACHE_OFF: WalletCacheSettings = {
  maxAgeMs: 0,
  unverifiedMaxAgeMs: 0,
  staleIfErrorMs: 0,
  maxEntries: 1,
};

/**
 * How a key was answered: from the cache (`hit`), from it while a refresh runs (`stale`), by the
 * provider (`miss`, or `fresh` past the cache), or from it while the provider failed
 * (`stale_if_error`).
 */
export type CacheRead = 'hit' | 'stale' | 'miss' | 'fresh' | 'stale_if_error';

export interface WalletCacheOptions extends WalletCacheSettings {
  /** Providers whose verified webhooks announce every change. */
  readonly webhookProviders: ReadonlySet<ProviderName>;
  readonly redisUrl?: string | undefined;
  readonly logger: Logger;
  readonly clock?: () => number;
  /** Counts reads per provider, kind of key and how each was answered (metrics). */
  readonly onRead?: (provider: ProviderName, kind: Kind, read: CacheRead, keys: number) => void;
}

/** Failures that say nothing about the wallets themselves: a cached copy may stand in for them. */
const STALE_IF_ERROR: ReadonlySet<ErrorCode> = new Set([
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_RATE_LIMITED',
]);

/** How long one replica may hold the right to refresh a key before another may take it. */
const REFRESH_LEASE_MS = 5000;

type Kind = 'wallet' | 'customer';

/** A cached wallet, or a customer's list at a provider, that was rewritten or dropped. */
export interface CacheChange {
  readonly kind: Kind;
  readonly provider: ProviderName;
  /** The provider's wallet id, or the customer's external id. */
  readonly id: string;
}
type Fetch<V> = (natives: readonly string[]) => Promise<Result<V>[]>;

const stampWallet = (w: Wallet, at: Date): Wallet => ({ ...w, fetchedAt: at });
const stampList = (list: WalletList, at: Date): WalletList => ({
  ...list,
  wallets: list.wallets.map((w) => stampWallet(w, at)),
});

/**
 * The shared cache of translated wallets, below the schema: every configured provider's adapter
 * is wrapped (`wrap`), so every read (queries, webhook re-reads, polls) writes it, keyed per
 * wallet and per customer's list. Reads are served from it while young enough for their
 * provider's policy; older entries are served once more while one refresh per key runs (in this
 * process, and across replicas under a short Redis lease); a read inside `withFreshReads` (a
 * webhook's re-read, a `fresh: true` query) skips it. Visibility is not its business: the
 * services and the Wallet node check every wallet, cached or not, against the caller.
 */
export class WalletCache {
  readonly tiers: TieredCache;
  private readonly clock: () => number;
  private readonly inFlight = new Map<string, Promise<Result<unknown>>>();
  private readonly background = new Set<Promise<unknown>>();
  private readonly listeners = new Set<(change: CacheChange) => void>();

  constructor(private readonly options: WalletCacheOptions) {
    this.clock = options.clock ?? Date.now;
    const longestAge = Math.max(options.maxAgeMs, options.unverifiedMaxAgeMs);
    this.tiers = new TieredCache({
      // Served fresh for an age, then stale while one refresh runs for as long again; kept
      // longer where stale-if-error asks for it.
      lifetimeMs: Math.max(2 * longestAge, options.staleIfErrorMs),
      maxEntries: options.maxEntries,
      clock: this.clock,
      redisUrl: options.redisUrl,
      logger: options.logger,
      onChange: (key) => {
        const change = changeOf(key);
        if (change) for (const listener of this.listeners) listener(change);
      },
    });
  }

  /** Tells `listener` of every entry rewritten or dropped (here, or on another replica). */
  onChange(listener: (change: CacheChange) => void): void {
    this.listeners.add(listener);
  }

  /** The age up to which a cached wallet of `provider` is served without asking it. */
  maxAgeMs(provider: ProviderName): number {
    // A webhook taken by another replica reaches this one only through Redis's channel.
    return this.options.webhookProviders.has(provider) && this.tiers.announced
      ? this.options.maxAgeMs
      : this.options.unverifiedMaxAgeMs;
  }

  /** The adapter with its wallet reads going through the cache; everything else unchanged. */
  wrap(provider: WalletProvider): WalletProvider {
    const name = provider.name;
    return {
      name,
      walletsByIds: (ids) =>
        this.read<Wallet>(name, 'wallet', ids, (missing) => provider.walletsByIds(missing)),
      walletsByCustomers: (externalIds) =>
        this.read<WalletList>(name, 'customer', externalIds, (missing) =>
          provider.walletsByCustomers(missing),
        ),
      listWallets: async (filter) => {
        const list = stampList(await provider.listWallets(filter), new Date(this.clock()));
        await Promise.all(list.wallets.map((w) => this.storeWallet(w, false)));
        return list;
      },
      checkHealth: () => provider.checkHealth(),
      ...(provider.alertSettings && {
        alertSettings: (wallets: readonly Wallet[]) => provider.alertSettings!(wallets),
      }),
      ...(provider.circuitState && { circuitState: () => provider.circuitState!() }),
      ...(provider.transactions && { transactions: provider.transactions }),
    };
  }

  private read<V>(
    provider: ProviderName,
    kind: Kind,
    natives: readonly string[],
    fetch: Fetch<V>,
  ): Promise<Result<V>[]> {
    const keys = natives.map((n) => keyOf(kind, provider, n));
    const fresh = freshReadsRequired();
    if (fresh || !this.tiers.enabled) {
      this.count(provider, kind, fresh ? 'fresh' : 'miss', keys.length);
      return this.fetchShared(provider, kind, keys, natives, fetch, fresh);
    }
    return this.readCached(provider, kind, keys, natives, fetch);
  }

  private async readCached<V>(
    provider: ProviderName,
    kind: Kind,
    keys: readonly string[],
    natives: readonly string[],
    fetch: Fetch<V>,
  ): Promise<Result<V>[]> {
    const maxAge = this.maxAgeMs(provider);
    const entries = await Promise.all(keys.map((k) => this.tiers.get<V>(k)));
    const now = this.clock();
    const results: Result<V>[] = new Array(keys.length);
    const missing: number[] = [];
    const revalidate: number[] = [];
    entries.forEach((entry, i) => {
      const age = entry ? now - entry.fetchedAt : Number.POSITIVE_INFINITY;
      // Strictly younger: an age of 0 means "never served from the cache".
      if (entry && age < 2 * maxAge) {
        results[i] = entry.value;
        if (age >= maxAge) revalidate.push(i);
      } else missing.push(i);
    });
    this.count(provider, kind, 'hit', keys.length - missing.length - revalidate.length);
    this.count(provider, kind, 'stale', revalidate.length);
    this.count(provider, kind, 'miss', missing.length);
    if (revalidate.length > 0)
      this.track(
        this.revalidate(
          provider,
          kind,
          revalidate.map((i) => keys[i]!),
          revalidate.map((i) => natives[i]!),
          fetch,
        ),
      );
    if (missing.length > 0) {
      const answers = await this.fetchShared(
        provider,
        kind,
        missing.map((i) => keys[i]!),
        missing.map((i) => natives[i]!),
        fetch,
        false,
      );
      missing.forEach((i, j) => {
        const answer = answers[j]!;
        results[i] =
          answer instanceof GatewayError
            ? this.staleIfError(provider, kind, answer, entries[i])
            : answer;
      });
    }
    return results;
  }

  /**
   * Keys already being fetched in this process join that fetch (unless `fresh`); the others are
   * fetched in one batch.
   */
  private fetchShared<V>(
    provider: ProviderName,
    kind: Kind,
    keys: readonly string[],
    natives: readonly string[],
    fetch: Fetch<V>,
    fresh: boolean,
  ): Promise<Result<V>[]> {
    const answers: Promise<Result<V>>[] = new Array(keys.length);
    const start: number[] = [];
    keys.forEach((key, i) => {
      const running = fresh ? undefined : this.inFlight.get(key);
      if (running) answers[i] = running as Promise<Result<V>>;
      else start.push(i);
    });
    if (start.length > 0) {
      const batch = this.fetchAndStore(
        provider,
        kind,
        start.map((i) => keys[i]!),
        start.map((i) => natives[i]!),
        fetch,
        fresh,
      );
      start.forEach((i, j) => {
        const key = keys[i]!;
        const answer = batch.then((all) => all[j]!);
        this.inFlight.set(key, answer);
        const done = () => {
          if (this.inFlight.get(key) === answer) this.inFlight.delete(key);
        };
        // Both ways: a rejection here is the callers' to see, never an unhandled one.
        answer.then(done, done);
        answers[i] = answer;
      });
    }
    return Promise.all(answers);
  }

  /** Asks the provider, stamps the answers with the time it answered and stores them. Never rejects. */
  private async fetchAndStore<V>(
    provider: ProviderName,
    kind: Kind,
    keys: readonly string[],
    natives: readonly string[],
    fetch: Fetch<V>,
    fresh: boolean,
  ): Promise<Result<V>[]> {
    let answers: Result<V>[];
    try {
      answers = await fetch(natives);
    } catch (e) {
      const error = asGatewayError(provider, e);
      answers = natives.map(() => error);
    }
    const at = this.clock();
    const date = new Date(at);
    const stored: Promise<void>[] = [];
    const results = natives.map((_, j): Result<V> => {
      const answer = answers[j];
      if (answer === undefined)
        return new GatewayError('UPSTREAM_ERROR', `${provider} answered fewer items than asked`, {
          provider,
        });
      if (answer instanceof GatewayError) return answer;
      if (kind === 'wallet') {
        const wallet = stampWallet(answer as Wallet, date);
        stored.push(this.storeWallet(wallet, fresh));
        return wallet as V;
      }
      const list = stampList(answer as WalletList, date);
      // A list with unreadable wallets stays local: its errors carry what only this process knows.
      stored.push(
        this.tiers.set(keys[j]!, { value: list, fetchedAt: at }, list.errors.length === 0),
      );
      for (const w of list.wallets) stored.push(this.storeWallet(w, false));
      return list as V;
    });
    // Stored (and the other replicas told) before anyone hears of the answer: an event published
    // after a webhook's re-read finds the new wallet in Redis on every replica.
    await Promise.all(stored);
    return results;
  }

  /**
   * A wallet read on its own. Read fresh (a webhook, a poll, a `fresh` query), it may have
   * changed since its customer's list was cached: that list is dropped, to be read again.
   */
  private async storeWallet(wallet: Wallet, fresh: boolean): Promise<void> {
    const at = wallet.fetchedAt?.getTime() ?? this.clock();
    await this.tiers.set(keyOf('wallet', wallet.provider, wallet.providerWalletId), {
      value: wallet,
      fetchedAt: at,
    });
    if (fresh && wallet.customer.externalId !== null)
      await this.tiers.drop(keyOf('customer', wallet.provider, wallet.customer.externalId));
  }

  /** Refreshes stale keys in the background: those no one else (here or on a replica) refreshes. */
  private async revalidate<V>(
    provider: ProviderName,
    kind: Kind,
    keys: readonly string[],
    natives: readonly string[],
    fetch: Fetch<V>,
  ): Promise<void> {
    const mine: number[] = [];
    await Promise.all(
      keys.map(async (key, i) => {
        if (!this.inFlight.has(key) && (await this.tiers.lease(key, REFRESH_LEASE_MS)))
          mine.push(i);
      }),
    );
    if (mine.length === 0) return;
    const ownKeys = mine.map((i) => keys[i]!);
    try {
      const answers = await this.fetchShared(
        provider,
        kind,
        ownKeys,
        mine.map((i) => natives[i]!),
        fetch,
        false,
      );
      for (const answer of answers)
        if (answer instanceof GatewayError)
          this.options.logger.warn({ provider, code: answer.code }, 'wallet cache: refresh failed');
    } finally {
      await Promise.all(ownKeys.map((key) => this.tiers.release(key)));
    }
  }

  /** The provider failed: a copy young enough for stale-if-error answers, the failure beside it. */
  private staleIfError<V>(
    provider: ProviderName,
    kind: Kind,
    error: GatewayError,
    entry: CacheEntry<V> | undefined,
  ) {
    if (
      !entry ||
      !STALE_IF_ERROR.has(error.code) ||
      this.clock() - entry.fetchedAt > this.options.staleIfErrorMs
    )
      return error;
    const stale = error.restated(
      `${error.message}; answered from the gateway's cache as the provider sent it at ` +
        `${new Date(entry.fetchedAt).toISOString()}`,
      { stale: true },
    );
    this.count(provider, kind, 'stale_if_error', 1);
    if (kind === 'wallet') return { ...(entry.value as Wallet), staleBecause: stale } as V;
    const list = entry.value as WalletList;
    return { ...list, errors: [...list.errors, stale] } as V;
  }

  private count(provider: ProviderName, kind: Kind, read: CacheRead, keys: number): void {
    if (keys > 0) this.options.onRead?.(provider, kind, read, keys);
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((e: unknown) =>
      this.options.logger.warn({ err: String(e) }, 'wallet cache: refresh failed'),
    );
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  /** Resolves when background refreshes have finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  ready(boundMs?: number): Promise<void> {
    return this.tiers.ready(boundMs);
  }

  async close(): Promise<void> {
    await this.idle();
    await this.tiers.close();
  }
}

function keyOf(kind: Kind, provider: ProviderName, native: string): string {
  return `${kind}:${provider}:${native}`;
}

function changeOf(key: string): CacheChange | undefined {
  const [kind, provider] = key.split(':', 2);
  if ((kind !== 'wallet' && kind !== 'customer') || !provider) return undefined;
  return { kind, provider, id: key.slice(kind.length + provider.length + 2) };
}
