import { boundedCache } from '../../bounded-cache.js';
import { GatewayError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { mapWithConcurrency } from '../concurrency.js';
import { settle } from '../items.js';
import type { Result } from '../provider.js';
import type { PolarCustomer } from './api.js';
import type { PolarClient } from './client.js';

export interface CustomerDirectoryOptions {
  /** How long "Polar knows no such customer" (or "it has no external id") is believed. */
  readonly unknownTtlMs: number;
  /** How long a learnt id mapping is kept without use. */
  readonly knownTtlMs: number;
  /** Entries per cache (mappings each way, negative answers each way). */
  readonly maxEntries: number;
  /** Above this many unknown customer ids, one paged customer list beats one GET per id. */
  readonly bulkLookupThreshold: number;
  readonly concurrency: number;
  readonly clock: () => number;
}

/**
 * Polar customer id <-> your external id, cached.
 *
 * Why long: Polar's `external_id` is unique per organisation and immutable once set (NOTES §8),
 * so a mapping learnt once stays true; it expires (`knownTtlMs`) and the least recently used
 * goes first (`maxEntries`) only to bound memory. Why negative answers expire soon
 * (`unknownTtlMs`, 30 s by default): Polar creates customers at any time (first checkout), and an
 * external id may be set later on a customer that had none; a short TTL absorbs bursts (a page
 * asking for the same unknown customer many times) without hiding a new customer for long. Every
 * cache is bounded, so callers asking for endless distinct unknown ids cost fixed memory.
 *
 * Polar's customer list cannot filter by many external ids, so external ids resolve one GET each
 * (in parallel, deduplicated while in flight).
 */
export class CustomerDirectory {
  private readonly customerIdOf;
  private readonly externalIdOf;
  /** External ids Polar knows no customer for. */
  private readonly unknownExternal;
  /** Customer ids with no external id on record (or gone). */
  private readonly noExternalId;
  // Settles and is removed by itself: bounded by the calls in flight.
  private readonly inflight = new Map<string, Promise<Result<string | null>>>();

  constructor(
    private readonly client: PolarClient,
    private readonly options: CustomerDirectoryOptions,
    private readonly logger: Logger,
  ) {
    const { maxEntries: max, clock } = options;
    this.customerIdOf = boundedCache<string>({ max, ttlMs: options.knownTtlMs, clock });
    this.externalIdOf = boundedCache<string>({ max, ttlMs: options.knownTtlMs, clock });
    this.unknownExternal = boundedCache<true>({ max, ttlMs: options.unknownTtlMs, clock });
    this.noExternalId = boundedCache<true>({ max, ttlMs: options.unknownTtlMs, clock });
  }

  /** Learns from any customer object Polar sends (lookups, lists, session answers). */
  remember(c: PolarCustomer): void {
    if (c.external_id) {
      this.customerIdOf.set(c.external_id, c.id);
      this.externalIdOf.set(c.id, c.external_id);
      this.unknownExternal.delete(c.external_id);
      this.noExternalId.delete(c.id);
    } else {
      this.noExternalId.set(c.id, true);
    }
  }

  /** External id -> Polar customer id, or null when Polar knows no such customer (not an error). */
  async customerIds(externalIds: readonly string[]): Promise<Map<string, Result<string | null>>> {
    const distinct = [...new Set(externalIds)];
    const answers = await mapWithConcurrency(distinct, this.options.concurrency, (ext) =>
      this.customerId(ext),
    );
    return new Map(distinct.map((ext, i) => [ext, answers[i]!]));
  }

  /** Polar customer id -> external id, or null when the customer has none on record (or is gone). */
  async externalIds(customerIds: readonly string[]): Promise<Map<string, Result<string | null>>> {
    const distinct = [...new Set(customerIds)];
    const missing = distinct.filter((id) => this.cachedExternalId(id) === undefined);
    // Failures of this call only: never cached, the next call asks again.
    const failures = new Map<string, GatewayError>();
    if (missing.length > this.options.bulkLookupThreshold) {
      // Many strangers (an org-wide list): one paged customer list, 100 per call, fills the cache.
      const listed = await settle('POLAR', () => this.client.listCustomers());
      if (listed instanceof GatewayError) {
        for (const id of missing) failures.set(id, listed);
      } else {
        for (const c of listed.customers) this.remember(c);
        const unreadable = new GatewayError(
          'UPSTREAM_BAD_RESPONSE',
          'POLAR sent a customer that cannot be read: the external id of its wallets is unknown',
          { provider: 'POLAR' },
        );
        for (const id of listed.unreadableIds) {
          this.logger.warn({ provider: 'POLAR', customerId: id }, 'Polar customer unreadable');
          failures.set(id, unreadable);
        }
        // Not listed: deleted (the list hides deleted customers). Nothing to join on.
        for (const id of missing)
          if (this.cachedExternalId(id) === undefined && !failures.has(id))
            this.markNoExternalId(id);
      }
    } else {
      await mapWithConcurrency(missing, this.options.concurrency, async (id) => {
        const customer = await settle('POLAR', () => this.client.getCustomer(id));
        if (!(customer instanceof GatewayError)) this.remember(customer);
        else if (customer.code === 'CUSTOMER_NOT_FOUND') this.markNoExternalId(id);
        else failures.set(id, customer);
      });
    }
    return new Map(
      distinct.map((id): [string, Result<string | null>] => [
        id,
        failures.get(id) ?? this.cachedExternalId(id) ?? null,
      ]),
    );
  }

  private customerId(externalId: string): Promise<Result<string | null>> {
    const known = this.customerIdOf.get(externalId);
    if (known) return Promise.resolve(known);
    if (this.unknownExternal.has(externalId)) return Promise.resolve(null);
    let pending = this.inflight.get(externalId);
    if (!pending) {
      pending = this.lookup(externalId).finally(() => this.inflight.delete(externalId));
      this.inflight.set(externalId, pending);
    }
    return pending;
  }

  private async lookup(externalId: string): Promise<Result<string | null>> {
    const customer = await settle('POLAR', () => this.client.getCustomerByExternalId(externalId));
    if (customer instanceof GatewayError) {
      if (customer.code !== 'CUSTOMER_NOT_FOUND') return customer;
      this.logger.debug(
        { provider: 'POLAR', externalId },
        'no Polar customer with this external id',
      );
      this.unknownExternal.set(externalId, true);
      return null;
    }
    this.remember(customer);
    return customer.id;
  }

  private cachedExternalId(customerId: string): string | null | undefined {
    const known = this.externalIdOf.get(customerId);
    if (known) return known;
    return this.noExternalId.has(customerId) ? null : undefined;
  }

  private markNoExternalId(customerId: string): void {
    this.noExternalId.set(customerId, true);
  }
}
