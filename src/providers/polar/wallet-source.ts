import { boundedCache } from '../../bounded-cache.js';
import { GatewayError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { mapWithConcurrency } from '../concurrency.js';
import { settle } from '../items.js';
import type { Result } from '../provider.js';
import type { PolarClient } from './client.js';
import { isOrgRouteUnavailable } from './errors.js';
import type { SessionCache } from './sessions.js';

export interface WalletSourceOptions {
  /** Customer ids per org list call: 50 × `&customer_id=<uuid>` is ~2.5 kB of URL, well under common 8 kB limits. */
  readonly customerIdsPerCall: number;
  /** After the org routes fail, how long the portal path is used before the org routes are tried again. */
  readonly orgRecheckMs: number;
  readonly concurrency: number;
  /** Wallet owners remembered at most, and for how long without use. */
  readonly maxOwners: number;
  readonly ownerTtlMs: number;
  readonly clock: () => number;
}

const ORG_LIST_UNAVAILABLE =
  'POLAR lists wallets per customer only while its org-level wallet endpoint is unavailable';
const ORG_GET_UNAVAILABLE =
  'POLAR loads a wallet by id through its customer only while its org-level ' +
  "wallet endpoint is unavailable; list the customer's wallets first";

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The owning customer id of a raw wallet, when readable (before validation). */
function ownerOf(raw: unknown): string | undefined {
  const id = (raw as { customer_id?: unknown } | null)?.customer_id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Where raw wallets come from. Fast path: the private org-level `GET /v1/wallets/` (NOTES §2.1),
 * one call for many customers. Fallback: the public portal, one session + one list per customer
 * (§2.2-2.3), taken when the org routes answer an unknown-route 404, 403 or 405 (errors.ts).
 *
 * The fallback is remembered for `orgRecheckMs` (10 min by default) rather than probed on every
 * request: a vanished private route stays vanished, and probing would add a wasted upstream call
 * to every request. It is not remembered forever, because a 403 can be fixed by a new token scope
 * and a 404 can be a deploy blip; one probe per window costs one call.
 */
export class WalletSource {
  private orgUnavailableUntil = 0;
  // wallet id -> customer id, from every list: the portal can only load a wallet by id with its
  // owner's session. A wallet never changes owner; the bound and expiry only cap memory.
  private readonly owners;

  constructor(
    private readonly client: PolarClient,
    private readonly sessions: SessionCache,
    private readonly options: WalletSourceOptions,
    private readonly logger: Logger,
  ) {
    this.owners = boundedCache<string>({
      max: options.maxOwners,
      ttlMs: options.ownerTtlMs,
      clock: options.clock,
    });
  }

  /** Raw wallets per Polar customer id, one result per customer (a failing call costs its customers only). */
  async forCustomers(customerIds: readonly string[]): Promise<Map<string, Result<unknown[]>>> {
    const results = new Map<string, Result<unknown[]>>();
    await Promise.all(
      chunks([...new Set(customerIds)], this.options.customerIdsPerCall).map(async (ids) => {
        if (this.orgUsable()) {
          const listed = await settle('POLAR', () => this.client.listOrgWallets(ids));
          if (!(listed instanceof GatewayError)) return this.group(ids, listed, results);
          if (!this.fallBackOn(listed)) return ids.forEach((id) => results.set(id, listed));
        }
        // The portal has no customer filter: it answers the session's customer only, one call each.
        await mapWithConcurrency(ids, this.options.concurrency, async (id) => {
          const listed = await settle('POLAR', () =>
            this.sessions.withSession(id, (token) => this.client.listPortalWallets(token)),
          );
          if (listed instanceof GatewayError) results.set(id, listed);
          else this.group([id], listed, results);
        });
      }),
    );
    return results;
  }

  /** Every wallet of the organisation. Only the org route can answer this: the portal is per customer. */
  async all(): Promise<unknown[]> {
    if (!this.orgUsable())
      throw new GatewayError('UPSTREAM_ERROR', ORG_LIST_UNAVAILABLE, { provider: 'POLAR' });
    try {
      const all = await this.client.listOrgWallets();
      this.learnOwners(all);
      return all;
    } catch (e) {
      if (this.fallBackOn(e))
        throw new GatewayError('UPSTREAM_ERROR', ORG_LIST_UNAVAILABLE, {
          provider: 'POLAR',
          cause: e,
        });
      throw e;
    }
  }

  /** One raw wallet by id; WALLET_NOT_FOUND when Polar has none. */
  async byId(id: string): Promise<unknown> {
    if (this.orgUsable()) {
      try {
        return await this.client.getOrgWallet(id);
      } catch (e) {
        if (!this.fallBackOn(e)) throw e;
      }
    }
    const owner = this.owners.get(id);
    if (!owner)
      throw new GatewayError('UPSTREAM_ERROR', ORG_GET_UNAVAILABLE, { provider: 'POLAR' });
    return this.sessions.withSession(owner, (token) => this.client.getPortalWallet(token, id));
  }

  private orgUsable(): boolean {
    return this.options.clock() >= this.orgUnavailableUntil;
  }

  /** True (and the portal path remembered) when `e` says the org routes are gone or closed. */
  private fallBackOn(e: unknown): boolean {
    if (!isOrgRouteUnavailable(e)) return false;
    if (this.orgUsable()) {
      const status = (e as GatewayError).extensions.upstreamStatus;
      this.logger.warn(
        { provider: 'POLAR', status, forMs: this.options.orgRecheckMs },
        'Polar org-level wallet endpoint unavailable: using the customer-portal path',
      );
    }
    this.orgUnavailableUntil = this.options.clock() + this.options.orgRecheckMs;
    return true;
  }

  /**
   * Files each wallet under its customer. A wallet whose owner cannot be read goes to every
   * customer of the call: it fails validation there, so no customer silently loses a wallet.
   */
  private group(
    customerIds: readonly string[],
    items: readonly unknown[],
    into: Map<string, Result<unknown[]>>,
  ): void {
    const lists = new Map(customerIds.map((id) => [id, [] as unknown[]]));
    this.learnOwners(items);
    for (const item of items) {
      const owner = ownerOf(item);
      if (owner === undefined) lists.forEach((list) => list.push(item));
      else if (lists.has(owner)) lists.get(owner)!.push(item);
      else
        this.logger.warn(
          { provider: 'POLAR' },
          'Polar sent a wallet of a customer that was not asked for; ignored',
        );
    }
    lists.forEach((list, id) => into.set(id, list));
  }

  private learnOwners(items: readonly unknown[]): void {
    for (const item of items) {
      const id = (item as { id?: unknown } | null)?.id;
      const owner = ownerOf(item);
      if (typeof id === 'string' && owner) this.owners.set(id, owner);
    }
  }
}
