import { randomUUID } from 'node:crypto';
import type { ProviderName } from '../domain/wallet.js';
import type { Logger } from '../logger.js';
import type { PollPolicy } from '../providers/module.js';
import { providerNamed } from '../providers/registered.js';
import type { BalanceHint } from '../providers/webhook.js';
import type { BalanceRefresher } from './refresher.js';
import type { LiveStores } from './stores.js';

// A provider without a registration (a test double) polls at this pace.
const DEFAULT_POLICY: PollPolicy = { budgetPerMinute: 600, customersPerCall: 1 };

/** What polling may cost a provider: its registration's poll policy. */
export function pollPolicy(provider: ProviderName): PollPolicy {
  return providerNamed(provider)?.poll ?? DEFAULT_POLICY;
}

const hintKey = (h: BalanceHint) =>
  h.kind === 'wallet'
    ? `${h.provider}:wallet:${h.walletId}`
    : `${h.provider}:customer:${h.externalId}`;

/**
 * Polls the balances someone is subscribed to, for providers whose webhooks cannot be used.
 * Targets are reference-counted; nothing runs (and no upstream call is made) while nobody
 * watches. With Redis, a lease per target makes exactly one replica poll it each round.
 */
export class BalancePoller {
  private readonly targets = new Map<string, { hint: BalanceHint; watchers: number }>();
  private timer: NodeJS.Timeout | undefined;
  private readonly owner = randomUUID();

  constructor(
    private readonly deps: {
      refresher: BalanceRefresher;
      stores: LiveStores;
      logger: Logger;
      intervalMs: number;
      /** Providers that need polling (no usable webhook). */
      providers: ReadonlySet<ProviderName>;
    },
  ) {}

  needsPolling(provider: ProviderName): boolean {
    return this.deps.providers.has(provider);
  }

  /** Starts watching; the returned function stops (call it once). */
  watch(hint: BalanceHint): () => void {
    if (!this.needsPolling(hint.provider)) return () => {};
    const key = hintKey(hint);
    const target = this.targets.get(key) ?? { hint, watchers: 0 };
    // A new target gets its baseline now, so a change before the first round is not missed.
    if (target.watchers === 0) {
      void this.deps.refresher
        .prime([hint])
        .catch((e: unknown) => this.deps.logger.warn({ err: String(e) }, 'poll baseline failed'));
    }
    target.watchers++;
    this.targets.set(key, target);
    this.schedule();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      if (--target.watchers === 0) this.targets.delete(key);
      if (this.targets.size === 0) this.stop();
    };
  }

  get watchedTargets(): number {
    return this.targets.size;
  }

  /** One polling round now (tests and the scheduler). */
  async pollOnce(): Promise<void> {
    const byProvider = new Map<ProviderName, BalanceHint[]>();
    for (const [key, { hint }] of this.targets) {
      // Only the lease holder polls a target this round; others skip it.
      const leased = await this.deps.stores
        .lease(`poll:${key}`, this.owner, Math.max(this.deps.intervalMs - 50, 1))
        .catch((e: unknown) => {
          this.deps.logger.warn({ err: String(e) }, 'poll lease failed');
          return false;
        });
      if (!leased) continue;
      byProvider.set(hint.provider, [...(byProvider.get(hint.provider) ?? []), hint]);
    }
    await Promise.all(
      [...byProvider.values()].map((hints) =>
        this.deps.refresher
          .refresh(hints, 'POLL')
          .catch((e: unknown) => this.deps.logger.warn({ err: String(e) }, 'poll failed')),
      ),
    );
  }

  close(): void {
    this.targets.clear();
    this.stop();
  }

  /**
   * The next round waits at least the configured interval, longer when the targets would cost
   * more upstream calls than the provider's budget allows.
   */
  private nextDelay(): number {
    let delay = this.deps.intervalMs;
    const counts = new Map<ProviderName, { wallets: number; customers: number }>();
    for (const { hint } of this.targets.values()) {
      const c = counts.get(hint.provider) ?? { wallets: 0, customers: 0 };
      if (hint.kind === 'wallet') c.wallets++;
      else c.customers++;
      counts.set(hint.provider, c);
    }
    for (const [provider, c] of counts) {
      const policy = pollPolicy(provider);
      const calls = c.wallets + Math.ceil(c.customers / policy.customersPerCall);
      delay = Math.max(delay, Math.ceil((calls * 60_000) / policy.budgetPerMinute));
    }
    return delay;
  }

  private schedule(): void {
    if (this.timer || this.targets.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pollOnce()
        .catch((e: unknown) => this.deps.logger.warn({ err: String(e) }, 'poll failed'))
        .finally(() => this.schedule());
    }, this.nextDelay());
    this.timer.unref();
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
