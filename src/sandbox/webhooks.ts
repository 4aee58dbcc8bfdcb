import { setTimeout as sleep } from 'node:timers/promises';
import type { ChangeFeed } from './changes.js';

/**
 * Outgoing webhooks from a sandbox: fire-and-forget POSTs with the provider's retry habit (same
 * delivery id on every attempt). Nothing here throws into the sandbox: a dead or slow target only
 * shows in `deliveries`.
 */

export interface OutgoingWebhook {
  /** The provider's delivery id (the receiver's dedupe key), the same on every attempt. */
  readonly id: string;
  readonly eventType: string;
  readonly body: string;
  /** Headers of one attempt: Lago resends the same ones, Svix and Polar re-sign with a fresh timestamp. */
  headers(): Record<string, string> | Promise<Record<string, string>>;
}

export interface DeliveryRecord {
  readonly id: string;
  readonly eventType: string;
  readonly url: string;
  attempts: number;
  /** The last HTTP status, or undefined when the target could not be reached. */
  status: number | undefined;
  state: 'pending' | 'delivered' | 'failed';
}

export interface WebhookSenderOptions {
  /** Waits before each retry; its length is the number of retries. Default [250, 1000]: 3 attempts, like Lago. */
  readonly retryDelaysMs?: readonly number[];
  /** What counts as delivered. Default: any 2xx. */
  readonly isSuccess?: (status: number) => boolean;
  readonly timeoutMs?: number;
}

// The log is for tests and demos; a long benchmark must not grow it without bound.
const MAX_RECORDS = 1000;

export class WebhookSender {
  readonly deliveries: DeliveryRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(private readonly options: WebhookSenderOptions = {}) {}

  send(url: string, webhook: OutgoingWebhook): void {
    if (this.stop.signal.aborted) return;
    const record: DeliveryRecord = {
      id: webhook.id,
      eventType: webhook.eventType,
      url,
      attempts: 0,
      status: undefined,
      state: 'pending',
    };
    this.deliveries.push(record);
    if (this.deliveries.length > MAX_RECORDS)
      this.deliveries.splice(0, this.deliveries.length - MAX_RECORDS);
    const run = this.deliver(url, webhook, record).catch(() => void (record.state = 'failed'));
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  /** Resolves once every delivery started so far (and any started meanwhile) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops retrying and sending (the sandbox is closing). */
  close(): void {
    this.stop.abort();
  }

  private async deliver(
    url: string,
    webhook: OutgoingWebhook,
    record: DeliveryRecord,
  ): Promise<void> {
    const delays = this.options.retryDelaysMs ?? [250, 1000];
    const isSuccess = this.options.isSuccess ?? ((status: number) => status >= 200 && status < 300);
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0)
        await sleep(delays[attempt - 1]!, undefined, { signal: this.stop.signal, ref: false });
      record.attempts++;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(await webhook.headers()) },
          body: webhook.body,
          signal: AbortSignal.any([
            this.stop.signal,
            AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
          ]),
        });
        record.status = res.status;
        await res.body?.cancel();
        if (isSuccess(res.status)) {
          record.state = 'delivered';
          return;
        }
      } catch {
        record.status = undefined;
        if (this.stop.signal.aborted) break;
      }
    }
    record.state = 'failed';
  }
}

/** What every sandbox exposes about its webhooks. */
export interface SandboxWebhooks<T> {
  /** Replaces where webhooks go; undefined stops sending. The gateway's URL is known only once it listens. */
  setWebhookTarget(target: T | undefined): void;
  /** Resolves when every delivery so far has been delivered or given up. */
  webhooksIdle(): Promise<void>;
  /** Recent deliveries, oldest first (ids, event types, statuses: no secrets). */
  readonly webhookDeliveries: readonly DeliveryRecord[];
}

export interface WebhookEmitterOptions<T> extends WebhookSenderOptions {
  /** Where webhooks go from the start; undefined sends none until `setWebhookTarget`. */
  readonly target?: T | undefined;
  /** Throws for a target that could never be signed for, where it is set rather than at each delivery. */
  readonly checkTarget?: (target: T) => void;
}

/**
 * A sandbox store's changes sent as the provider's webhooks: `toWebhooks` turns one change into
 * its deliveries for the current target. `close` stops listening and sending.
 */
export function emitWebhooks<C, T extends { readonly url: string }>(
  changes: ChangeFeed<C>,
  toWebhooks: (change: C, target: T) => Iterable<OutgoingWebhook>,
  options: WebhookEmitterOptions<T> = {},
): SandboxWebhooks<T> & { close(): void } {
  const { target: initial, checkTarget, ...senderOptions } = options;
  const sender = new WebhookSender(senderOptions);
  const accept = (next: T | undefined) => {
    if (next) checkTarget?.(next);
    return next;
  };
  let target = accept(initial);
  const unsubscribe = changes.on((change) => {
    const current = target;
    if (!current) return;
    for (const webhook of toWebhooks(change, current)) sender.send(current.url, webhook);
  });
  return {
    setWebhookTarget: (next) => void (target = accept(next)),
    webhooksIdle: () => sender.idle(),
    webhookDeliveries: sender.deliveries,
    close() {
      unsubscribe();
      sender.close();
    },
  };
}
