import type { Wallet } from '../../domain/wallet.js';
import { GatewayError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { mapWithConcurrency } from '../concurrency.js';
import { UpstreamClient, withApiPrefix } from '../http.js';
import { aboutExistingWallet, probe, settle, toWalletList, translateItem } from '../items.js';
import type {
  BreakerState,
  ProviderHealth,
  Result,
  WalletFilter,
  WalletList,
  WalletProvider,
} from '../provider.js';
import { UNKNOWN_CUSTOMER } from '../provider.js';
import { ProviderResilience, type UpstreamSettings } from '../resilience/index.js';
import { TranslatedOnce } from '../translated-once.js';
import { POLAR_ID, polarWalletCore } from './api.js';
import { POLAR_MAX_PAGE_SIZE, PolarClient } from './client.js';
import { CustomerDirectory } from './customers.js';
import { polarErrorMapper } from './errors.js';
import { SessionCache } from './sessions.js';
import { translateWallet } from './translate.js';
import { WalletSource } from './wallet-source.js';

/**
 * Pinned on every request: without it Polar answers in its "current" version, which moves each
 * quarter (NOTES §0.6).
 */
export const POLAR_API_VERSION = '2026-04';

/** Knobs with production defaults; tests shrink them (small pages, a fake clock). */
export interface PolarTuning {
  /** Page size for every list, at most 100 (Polar clamps larger values). */
  readonly pageSize: number;
  readonly customerIdsPerCall: number;
  readonly orgRecheckMs: number;
  readonly unknownCustomerTtlMs: number;
  /** How long learnt ids (customer mappings, wallet owners) are kept without use. */
  readonly knownIdTtlMs: number;
  /** Entries per cache (id mappings, negative answers, session tokens, wallet owners). */
  readonly cacheMaxEntries: number;
  readonly sessionRefreshMarginMs: number;
  readonly bulkLookupThreshold: number;
  /** Per-customer calls in flight at once. */
  readonly concurrency: number;
  readonly clock: () => number;
}

const DEFAULT_TUNING: PolarTuning = {
  pageSize: POLAR_MAX_PAGE_SIZE,
  customerIdsPerCall: 50,
  orgRecheckMs: 10 * 60_000,
  unknownCustomerTtlMs: 30_000,
  knownIdTtlMs: 24 * 3600_000,
  cacheMaxEntries: 20_000,
  sessionRefreshMarginMs: 5 * 60_000,
  bulkLookupThreshold: 10,
  concurrency: 8,
  clock: () => Date.now(),
};

/** Timeouts, retries, breaker knobs and metrics hooks come with UpstreamSettings. */
export interface PolarConfig extends UpstreamSettings {
  readonly apiUrl: string;
  /** Organisation access token (`polar_oat_…`): scopes wallets:read, customers:read, customer_sessions:write. */
  readonly accessToken: string;
  readonly tuning?: Partial<PolarTuning>;
}

export function createPolarProvider(
  config: PolarConfig,
  logger: Logger,
  fetchImpl?: typeof fetch,
): WalletProvider {
  const tuning = { ...DEFAULT_TUNING, ...config.tuning };
  // One per provider: both clients share its breaker, budget and in-flight GETs.
  const resilience = new ProviderResilience('POLAR', config, logger);
  const http = (notFound: 'WALLET_NOT_FOUND' | 'CUSTOMER_NOT_FOUND') =>
    new UpstreamClient({
      baseUrl: withApiPrefix(config.apiUrl, '/v1'),
      // Lower-case keys: a portal call overrides `authorization` with a session token.
      headers: {
        authorization: `Bearer ${config.accessToken}`,
        'polar-version': POLAR_API_VERSION,
      },
      resilience,
      mapError: polarErrorMapper(notFound),
      logger,
      ...(fetchImpl && { fetch: fetchImpl }),
    });
  const pageSize = Math.min(Math.max(1, tuning.pageSize), POLAR_MAX_PAGE_SIZE);
  const client = new PolarClient(http('WALLET_NOT_FOUND'), http('CUSTOMER_NOT_FOUND'), pageSize);
  const directory = new CustomerDirectory(
    client,
    {
      unknownTtlMs: tuning.unknownCustomerTtlMs,
      knownTtlMs: tuning.knownIdTtlMs,
      maxEntries: tuning.cacheMaxEntries,
      bulkLookupThreshold: tuning.bulkLookupThreshold,
      concurrency: tuning.concurrency,
      clock: tuning.clock,
    },
    logger,
  );
  const sessions = new SessionCache(client, directory, {
    refreshMarginMs: tuning.sessionRefreshMarginMs,
    maxEntries: tuning.cacheMaxEntries,
    clock: tuning.clock,
  });
  const source = new WalletSource(
    client,
    sessions,
    {
      customerIdsPerCall: tuning.customerIdsPerCall,
      orgRecheckMs: tuning.orgRecheckMs,
      concurrency: tuning.concurrency,
      maxOwners: tuning.cacheMaxEntries,
      ownerTtlMs: tuning.knownIdTtlMs,
      clock: tuning.clock,
    },
    logger,
  );
  return new PolarProvider(client, directory, source, tuning.concurrency, resilience, logger);
}

const NO_WALLETS: WalletList = { wallets: [], errors: [] };

class PolarProvider implements WalletProvider {
  readonly name = 'POLAR' as const;

  private readonly translated = new TranslatedOnce<Result<Wallet>>();

  constructor(
    private readonly client: PolarClient,
    private readonly directory: CustomerDirectory,
    private readonly source: WalletSource,
    private readonly concurrency: number,
    private readonly resilience: ProviderResilience,
    private readonly logger: Logger,
  ) {}

  circuitState(): BreakerState {
    return this.resilience.circuitState();
  }

  async walletsByIds(ids: readonly string[]): Promise<Result<Wallet>[]> {
    const raws = await mapWithConcurrency(ids, this.concurrency, (id) =>
      // Not a uuid: no Polar wallet has this id, and Polar would only answer 422.
      POLAR_ID.test(id)
        ? settle('POLAR', () => this.source.byId(id))
        : Promise.resolve(
            new GatewayError('WALLET_NOT_FOUND', 'Wallet not found', { provider: 'POLAR' }),
          ),
    );
    return this.translateWithOwners(raws);
  }

  /**
   * External ids -> Polar customer ids (cached), then one org list call for all of them. A customer
   * Polar does not know, or one without a wallet (wallets are created lazily, NOTES §3), answers
   * no wallets. Polar reads "no wallet" as balance 0, and so does `Customer.balances`: it sums the
   * wallets that exist per currency, and with no wallet Polar names no currency, so there is no
   * honest currency to put a 0 in. No placeholder wallet is made up.
   */
  async walletsByCustomers(externalIds: readonly string[]): Promise<Result<WalletList>[]> {
    const customerIds = await this.directory.customerIds(externalIds);
    const known = [...customerIds.values()].filter((id): id is string => typeof id === 'string');
    const listed =
      known.length > 0
        ? await this.source.forCustomers(known)
        : new Map<string, Result<unknown[]>>();
    return externalIds.map((externalId) => {
      const customerId = customerIds.get(externalId);
      if (customerId instanceof GatewayError) return customerId;
      if (customerId === null || customerId === undefined) return UNKNOWN_CUSTOMER;
      const raws = listed.get(customerId) ?? [];
      if (raws instanceof GatewayError) return raws;
      return toWalletList(raws.map((raw) => this.translate(raw, externalId)));
    });
  }

  async listWallets(filter: WalletFilter): Promise<WalletList> {
    // Every Polar wallet is ACTIVE: asking for another status needs no upstream call.
    if (filter.status && filter.status !== 'ACTIVE') return NO_WALLETS;
    let list: WalletList;
    if (filter.customerExternalId) {
      const [one] = await this.walletsByCustomers([filter.customerExternalId]);
      if (one instanceof GatewayError) throw one;
      list = one ?? NO_WALLETS;
    } else {
      list = toWalletList(await this.translateWithOwners(await this.source.all()));
    }
    return filter.currency
      ? { ...list, wallets: list.wallets.filter((w) => w.currency === filter.currency) }
      : list;
  }

  checkHealth(): Promise<ProviderHealth> {
    return probe('POLAR', () => this.client.ping());
  }

  private translate(raw: unknown, externalId: string | null): Result<Wallet> {
    return this.translated.get(raw, externalId, () =>
      translateItem(
        'POLAR',
        polarWalletCore,
        (w, r) => translateWallet(w, r, externalId),
        raw,
        this.logger,
      ),
    );
  }

  /**
   * Wallets reached without a customer lookup (by id, org-wide): their external ids come from the
   * directory. A failed owner lookup fails the wallet: null would claim "no external id on record".
   */
  private async translateWithOwners(raws: readonly Result<unknown>[]): Promise<Result<Wallet>[]> {
    // Translate first: a malformed wallet is a bad payload, not a reason to look its owner up.
    const translated = raws.map((raw) =>
      raw instanceof GatewayError ? raw : this.translate(raw, null),
    );
    const owners = translated.flatMap((w) =>
      w instanceof GatewayError ? [] : [w.customer.providerCustomerId],
    );
    const externalIds = await this.directory.externalIds(owners);
    return translated.map((w) => {
      if (w instanceof GatewayError) return w;
      const externalId = externalIds.get(w.customer.providerCustomerId) ?? null;
      return externalId instanceof GatewayError
        ? aboutExistingWallet(externalId, w.providerWalletId, null)
        : { ...w, customer: { ...w.customer, externalId } };
    });
  }
}
