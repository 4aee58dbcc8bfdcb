import { normalizeCurrency } from '../../domain/currency.js';
import type { Wallet, WalletStatus } from '../../domain/wallet.js';
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
import { field } from '../read.js';
import { ProviderResilience, type UpstreamSettings } from '../resilience/index.js';
import { TranslatedOnce } from '../translated-once.js';
import { flexpriceWalletCore, flexpriceWalletIdentity } from './api.js';
import { FlexpriceClient, mapFlexpriceError } from './client.js';
import { FlexpriceTransactions } from './transactions.js';
import { translateWallet, walletStatus } from './translate.js';

/** Timeouts, retries, breaker knobs and metrics hooks come with UpstreamSettings. */
export interface FlexpriceConfig extends UpstreamSettings {
  readonly apiUrl: string;
  readonly apiKey: string;
  /** Only for config-file keys; database-issued keys are bound to one environment (NOTES §0.1). */
  readonly environmentId?: string | undefined;
}

// Real-time reads in flight at once: a 100-id batch or an org-wide list must not burst 100 calls.
const REAL_TIME_CONCURRENCY = 10;

export function createFlexpriceProvider(
  config: FlexpriceConfig,
  logger: Logger,
  fetchImpl?: typeof fetch,
): WalletProvider {
  // One per provider: both clients share its breaker, budget and in-flight GETs.
  const resilience = new ProviderResilience('FLEXPRICE', config, logger);
  const http = (resource: 'wallet' | 'customer') =>
    new UpstreamClient({
      baseUrl: withApiPrefix(config.apiUrl, '/v1'),
      // Never `Authorization: Bearer`: Flexprice reads that header as a dashboard JWT (NOTES §0.1, §8.13).
      headers: {
        'x-api-key': config.apiKey,
        ...(config.environmentId && { 'x-environment-id': config.environmentId }),
      },
      resilience,
      mapError: mapFlexpriceError(resource),
      logger,
      ...(fetchImpl && { fetch: fetchImpl }),
    });
  return new FlexpriceProvider(
    new FlexpriceClient(http('wallet'), http('customer')),
    resilience,
    logger,
  );
}

/** Just enough of a wallet to route it before its full reading in translateItem. */
interface WalletPeek {
  readonly id: string;
  readonly customerId: string;
  readonly status: WalletStatus;
  readonly currency: string | undefined;
}

function peek(raw: unknown): WalletPeek | undefined {
  const identity = flexpriceWalletIdentity.safeParse(raw);
  if (!identity.success) return undefined;
  const currency = field(raw, 'currency');
  return {
    id: identity.data.id,
    customerId: identity.data.customer_id,
    status: walletStatus(raw),
    currency: typeof currency === 'string' ? normalizeCurrency(currency) : undefined,
  };
}

class FlexpriceProvider implements WalletProvider {
  readonly name = 'FLEXPRICE' as const;
  readonly transactions: FlexpriceTransactions;

  private readonly translated = new TranslatedOnce<Result<Wallet>>();

  constructor(
    private readonly client: FlexpriceClient,
    private readonly resilience: ProviderResilience,
    private readonly logger: Logger,
  ) {
    this.transactions = new FlexpriceTransactions(client, logger);
  }

  circuitState(): BreakerState {
    return this.resilience.circuitState();
  }

  /**
   * Costs, for N ids of which K are active: 1 `POST /wallets/search` for all ids; then, in
   * parallel, K `GET /wallets/{id}/balance/real-time` (10 at a time: the stored `balance` ignores
   * pending usage, only this route has the real-time one) and 1 `POST /customers/search` per 1000
   * distinct customers (WalletResponse has no external id). Inactive wallets get no real-time
   * call: Flexprice answers zeros for them (NOTES §4).
   */
  async walletsByIds(ids: readonly string[]): Promise<Result<Wallet>[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const items = await settle('FLEXPRICE', () => this.client.searchWallets(unique));
    if (items instanceof GatewayError) return ids.map(() => items);

    const found = new Map<string, { raw: unknown; peek: WalletPeek }>();
    let unreadable = 0;
    for (const raw of items) {
      const routed = peek(raw);
      if (routed) found.set(routed.id, { raw, peek: routed });
      else unreadable++;
    }
    const active = [...found.values()].filter((f) => f.peek.status === 'ACTIVE');
    const [externalIds, balances] = await Promise.all([
      this.externalIds([...found.values()].map((f) => f.peek.customerId)),
      mapWithConcurrency(
        active,
        REAL_TIME_CONCURRENCY,
        async (f) =>
          [
            f.peek.id,
            await settle('FLEXPRICE', () => this.client.walletBalance(f.peek.id)),
          ] as const,
      ),
    ]);
    const live = new Map(balances);

    const answers = new Map<string, Result<Wallet>>(
      unique.map((id) => {
        const hit = found.get(id);
        if (!hit) {
          // Search answers only the ids it knows; an item we could not read might have been this one.
          return [
            id,
            unreadable > 0
              ? new GatewayError(
                  'UPSTREAM_BAD_RESPONSE',
                  'FLEXPRICE sent a wallet that does not match its wire format',
                  { provider: 'FLEXPRICE' },
                )
              : new GatewayError('WALLET_NOT_FOUND', 'Wallet not found', { provider: 'FLEXPRICE' }),
          ];
        }
        const balance = live.get(id);
        const owner = externalIds.get(hit.peek.customerId) ?? null;
        // A failed real-time read fails the wallet: showing the stored balance as if it were
        // spendable now would be a wrong number.
        const result =
          balance instanceof GatewayError
            ? balance
            : this.translate(balance === undefined ? hit.raw : balance, externalIds);
        return [
          id,
          result instanceof GatewayError ? aboutExistingWallet(result, id, owner) : result,
        ];
      }),
    );
    return ids.map((id) => answers.get(id)!);
  }

  // Flexprice lists wallets for one customer per call (`id` or `lookup_key`, never several):
  // one call per customer, in parallel.
  walletsByCustomers(externalIds: readonly string[]): Promise<Result<WalletList>[]> {
    return Promise.all(
      externalIds.map((externalId) =>
        settle('FLEXPRICE', () => this.customerWalletList(externalId)),
      ),
    );
  }

  /**
   * Org-wide: 1 `GET /wallets` (not paginated upstream), then per customer with active wallets
   * 1 `GET /customers/wallets?id=…&include_real_time_balance=true` (10 at a time: cheaper
   * than one real-time call per wallet), plus 1 `POST /customers/search` per 1000 customers.
   */
  async listWallets(filter: WalletFilter): Promise<WalletList> {
    if (filter.customerExternalId) {
      const list = await this.customerWalletList(filter.customerExternalId);
      return { ...list, wallets: list.wallets.filter((w) => matches(w, filter)) };
    }
    const raws = await this.client.listWallets();
    // Status and currency are filtered here: GET /wallets has no currency filter, and its `status`
    // query is ambiguous between entity and wallet status. Filtering before enrichment saves calls.
    const kept = raws
      .map((raw) => ({ raw, peek: peek(raw) }))
      .filter(
        ({ peek: p }) =>
          !p ||
          ((!filter.status || p.status === filter.status) &&
            (!filter.currency || p.currency === filter.currency)),
      );

    const activeCustomers = [
      ...new Set(kept.flatMap(({ peek: p }) => (p?.status === 'ACTIVE' ? [p.customerId] : []))),
    ];
    const [externalIds, liveLists] = await Promise.all([
      this.externalIds(kept.flatMap(({ peek: p }) => (p ? [p.customerId] : []))),
      mapWithConcurrency(
        activeCustomers,
        REAL_TIME_CONCURRENCY,
        async (customerId) =>
          [
            customerId,
            await settle('FLEXPRICE', () => this.client.customerWallets({ customerId })),
          ] as const,
      ),
    ]);
    const liveByCustomer = new Map(liveLists);

    const results = kept.map(({ raw, peek: p }): Result<Wallet> => {
      if (p?.status !== 'ACTIVE') return this.translate(raw, externalIds);
      const live = liveByCustomer.get(p.customerId);
      if (live instanceof GatewayError) return live;
      const balance = live?.find((item) => field(item, 'id') === p.id);
      // Closed between the two calls: customer lists hide closed wallets, so keep the stored view.
      return this.translate(balance === undefined ? raw : balance, externalIds);
    });
    return toWalletList(results);
  }

  checkHealth(): Promise<ProviderHealth> {
    return probe('FLEXPRICE', () => this.client.ping());
  }

  /** One `GET /customers/wallets?lookup_key=…`: the lookup key is the external id, so it is known here. */
  private async customerWalletList(externalId: string): Promise<WalletList> {
    let raws: unknown[];
    try {
      raws = await this.client.customerWallets({ lookupKey: externalId });
    } catch (e) {
      // A customer Flexprice does not know simply has no Flexprice wallets.
      if (e instanceof GatewayError && e.code === 'CUSTOMER_NOT_FOUND') return UNKNOWN_CUSTOMER;
      throw e;
    }
    return toWalletList(
      raws.map((raw) =>
        this.translated.get(raw, externalId, () =>
          translateItem(
            'FLEXPRICE',
            flexpriceWalletCore,
            (w, r) => translateWallet(w, r, { externalId }),
            raw,
            this.logger,
          ),
        ),
      ),
    );
  }

  /**
   * Flexprice customer id -> external id, for wallets that came without one (WalletResponse has
   * only Flexprice's customer id): one `POST /customers/search` per 1000 customers, and where it
   * fails, `GET /customers/{id}` for each. A customer still unresolved keeps an unknown (null)
   * external id rather than failing a wallet whose balance is fine; access rules then fail closed.
   */
  private async externalIds(customerIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const unique = [...new Set(customerIds)];
    if (unique.length === 0) return new Map();
    const found = new Map<string, string>();
    const searched = await settle('FLEXPRICE', () => this.client.customersByIds(unique));
    if (!(searched instanceof GatewayError)) {
      for (const c of searched) if (c.external_id) found.set(c.id, c.external_id);
      return found;
    }
    await mapWithConcurrency(unique, REAL_TIME_CONCURRENCY, async (id) => {
      const c = await settle('FLEXPRICE', () => this.client.customer(id));
      if (!(c instanceof GatewayError) && c.external_id) found.set(c.id, c.external_id);
    });
    if (found.size < unique.length)
      this.logger.warn(
        { provider: 'FLEXPRICE', code: searched.code, unresolved: unique.length - found.size },
        'customer lookup failed: some external ids unknown',
      );
    return found;
  }

  private translate(raw: unknown, externalIds: ReadonlyMap<string, string>): Result<Wallet> {
    return translateItem(
      'FLEXPRICE',
      flexpriceWalletCore,
      (w, r) => translateWallet(w, r, { externalId: externalIds.get(w.customer_id) ?? null }),
      raw,
      this.logger,
    );
  }
}

function matches(w: Wallet, filter: WalletFilter): boolean {
  return (
    (!filter.status || w.status === filter.status) &&
    (!filter.currency || w.currency === filter.currency)
  );
}
