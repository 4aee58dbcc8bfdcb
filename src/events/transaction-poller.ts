import { randomUUID } from 'node:crypto';
import type { ProviderName, Wallet } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { TransactionStream } from '../providers/provider.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { withFreshReads } from '../providers/resilience/fresh-reads.js';
import { pollPolicy } from './poller.js';
import type { LiveStores } from './stores.js';
import type { TransactionEvents } from './transactions.js';

/** A history someone is subscribed to: one wallet's, or one customer's at one provider. */
export type TransactionTarget =
  | { readonly kind: 'wallet'; readonly provider: ProviderName; readonly walletId: string }
  | { readonly kind: 'customer'; readonly provider: ProviderName; readonly externalId: string };

/** How many of a history's newest transactions each poll compares with the last poll's. */
export const POLLED_TRANSACTIONS = 20;
// An event per transaction and status, whichever stream or replica saw it first.
const EVENT_DEDUPE_TTL_MS = 7 * 24 * 3600 * 1000;

const targetKey = (t: TransactionTarget) =>
  t.kind === 'wallet'
    ? `${t.provider}:wallet:${t.walletId}`
    : `${t.provider}:customer:${t.externalId}`;

/**
 * Polls the histories someone is subscribed to, for providers whose webhooks are not configured:
 * each round reads the newest page of each watched history (one call per stream, after the
 * wallet reads that find the streams), and publishes the transactions that are new, or whose
 * status changed, since the last round (source POLL). A target's first round is its baseline.
 * Targets are reference-counted; with Redis, a lease per target makes one replica poll it, and
 * what was seen is shared.
 */
export class TransactionPoller {
  private readonly targets = new Map<string, { target: TransactionTarget; watchers: number }>();
  private timer: NodeJS.Timeout | undefined;
  private readonly owner = randomUUID();

  constructor(
    private readonly deps: {
      registry: ProviderRegistry;
      events: TransactionEvents;
      stores: LiveStores;
      logger: Logger;
      intervalMs: number;
      /** Providers that need polling (no usable webhook). */
      providers: ReadonlySet<ProviderName>;
    },
  ) {}

  needsPolling(provider: ProviderName): boolean {
    return (
      this.deps.providers.has(provider) &&
      this.deps.registry.get(provider)?.transactions !== undefined
    );
  }

  /** Starts watching; the returned function stops (call it once). */
  watch(target: TransactionTarget): () => void {
    if (!this.needsPolling(target.provider)) return () => {};
    const key = targetKey(target);
    const entry = this.targets.get(key) ?? { target, watchers: 0 };
    if (entry.watchers === 0)
      void this.poll(target, false).catch((e: unknown) =>
        this.deps.logger.warn({ err: String(e) }, 'transaction poll baseline failed'),
      );
    entry.watchers++;
    this.targets.set(key, entry);
    this.schedule();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      if (--entry.watchers === 0) this.targets.delete(key);
      if (this.targets.size === 0) this.stop();
    };
  }

  get watchedTargets(): number {
    return this.targets.size;
  }

  /** One polling round now (tests and the scheduler). */
  async pollOnce(): Promise<void> {
    const due: TransactionTarget[] = [];
    for (const [key, { target }] of this.targets) {
      const leased = await this.deps.stores
        .lease(`txpoll:${key}`, this.owner, Math.max(this.deps.intervalMs - 50, 1))
        .catch(() => false);
      if (leased) due.push(target);
    }
    await Promise.all(
      due.map((t) =>
        this.poll(t, true).catch((e: unknown) =>
          this.deps.logger.warn({ err: String(e) }, 'transaction poll failed'),
        ),
      ),
    );
  }

  close(): void {
    this.targets.clear();
    this.stop();
  }

  /** Reads the target's streams' newest pages; publishes what changed unless this is the baseline. */
  private async poll(target: TransactionTarget, publish: boolean): Promise<void> {
    const adapter = this.deps.registry.get(target.provider);
    const history = adapter?.transactions;
    if (!adapter || !history) return;
    const streams = await withFreshReads(async () => {
      if (target.kind === 'wallet') {
        const [wallet] = await adapter.walletsByIds([target.walletId]);
        if (!wallet || wallet instanceof GatewayError) return [];
        return [{ stream: history.walletStream(wallet), owner: wallet.customer.externalId }];
      }
      const [list] = await adapter.walletsByCustomers([target.externalId]);
      if (!list || list instanceof GatewayError) return [];
      const wallets: Wallet[] = list.wallets.filter(
        (w) => w.customer.externalId === target.externalId,
      );
      return history
        .customerStreams({ externalId: target.externalId, wallets })
        .map((stream) => ({ stream, owner: target.externalId }));
    });
    for (const { stream, owner } of streams) await this.compare(target, stream, owner, publish);
  }

  private async compare(
    target: TransactionTarget,
    stream: TransactionStream,
    owner: string | null,
    publish: boolean,
  ): Promise<void> {
    const history = this.deps.registry.get(target.provider)!.transactions!;
    const page = await withFreshReads(() =>
      history.page(stream, { first: POLLED_TRANSACTIONS, position: null, filter: {} }),
    );
    const readable = page.entries.flatMap((e) =>
      e.transaction instanceof GatewayError ? [] : [e.transaction],
    );
    const seen = readable.map((t) => [t.providerTransactionId, t.status] as const);
    const previous = await this.deps.stores.swap(
      `txseen:${target.provider}/${stream.key}`,
      JSON.stringify(seen),
    );
    if (previous === null || !publish) return;
    const before = new Map(JSON.parse(previous) as [string, string][]);
    // Oldest first, as they happened.
    for (const t of [...readable].reverse()) {
      const status = before.get(t.providerTransactionId);
      const change = status === undefined ? 'CREATED' : status !== t.status ? 'UPDATED' : null;
      if (!change) continue;
      const first = await this.deps.stores.firstSeen(
        `txevent:${t.provider}:${t.providerTransactionId}:${t.status}`,
        EVENT_DEDUPE_TTL_MS,
      );
      if (first) this.deps.events.fromPoll(t, change, owner);
    }
  }

  /** The next round waits the interval, longer when the targets would exceed a provider's budget. */
  private nextDelay(): number {
    let delay = this.deps.intervalMs;
    const counts = new Map<ProviderName, number>();
    for (const { target } of this.targets.values())
      counts.set(target.provider, (counts.get(target.provider) ?? 0) + 2);
    for (const [provider, calls] of counts)
      delay = Math.max(delay, Math.ceil((calls * 60_000) / pollPolicy(provider).budgetPerMinute));
    return delay;
  }

  private schedule(): void {
    if (this.timer || this.targets.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pollOnce()
        .catch((e: unknown) => this.deps.logger.warn({ err: String(e) }, 'transaction poll failed'))
        .finally(() => this.schedule());
    }, this.nextDelay());
    this.timer.unref();
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
