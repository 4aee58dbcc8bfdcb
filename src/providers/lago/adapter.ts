import type { AlertSettings, Wallet } from '../../domain/wallet.js';
import { GatewayError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { UpstreamClient, withApiPrefix } from '../http.js';
import { probe, settle, toWalletList, translateItem } from '../items.js';
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
import { lagoWalletCore } from './api.js';
import { LagoClient, mapLagoError } from './client.js';
import { LagoTransactions } from './transactions.js';
import { translateAlerts, translateWallet } from './translate.js';
import { cachePublicKey, type LagoPublicKeySource } from './webhook-key.js';

/** Timeouts, retries, breaker knobs and metrics hooks come with UpstreamSettings. */
export interface LagoConfig extends UpstreamSettings {
  readonly apiUrl: string;
  readonly apiKey: string;
}

export function createLagoProvider(
  config: LagoConfig,
  logger: Logger,
  fetchImpl?: typeof fetch,
): WalletProvider {
  const resilience = new ProviderResilience('LAGO', config, logger);
  return new LagoProvider(
    createLagoClient(config, logger, fetchImpl, resilience),
    resilience,
    logger,
  );
}

/** Lago's webhook JWT public key, fetched once through the adapter's client and cached (webhook-key.ts). */
export function createLagoWebhookPublicKey(
  config: LagoConfig,
  logger: Logger,
  fetchImpl?: typeof fetch,
): LagoPublicKeySource {
  const client = createLagoClient(config, logger, fetchImpl);
  return cachePublicKey(() => client.webhookPublicKey());
}

/** The Lago HTTP client on its own (the webhook public key is fetched through it too). */
export function createLagoClient(
  config: LagoConfig,
  logger: Logger,
  fetchImpl?: typeof fetch,
  resilience = new ProviderResilience('LAGO', config, logger),
): LagoClient {
  const http = new UpstreamClient({
    baseUrl: withApiPrefix(config.apiUrl, '/api/v1'),
    headers: { authorization: `Bearer ${config.apiKey}` },
    resilience,
    mapError: mapLagoError,
    logger,
    ...(fetchImpl && { fetch: fetchImpl }),
  });
  return new LagoClient(http);
}

class LagoProvider implements WalletProvider {
  readonly name = 'LAGO' as const;
  readonly transactions: LagoTransactions;

  private readonly translated = new TranslatedOnce<Result<Wallet>>();

  constructor(
    private readonly client: LagoClient,
    private readonly resilience: ProviderResilience,
    private readonly logger: Logger,
  ) {
    this.transactions = new LagoTransactions(client, logger);
  }

  circuitState(): BreakerState {
    return this.resilience.circuitState();
  }

  private translate(raw: unknown): Result<Wallet> {
    return this.translated.get(raw, null, () =>
      translateItem('LAGO', lagoWalletCore, translateWallet, raw, this.logger, 'lago_id'),
    );
  }

  // Lago has no multi-id wallet endpoint: one GET per distinct id, in parallel (DataLoader has
  // already removed duplicates).
  walletsByIds(ids: readonly string[]): Promise<Result<Wallet>[]> {
    return Promise.all(
      ids.map(async (id) => {
        const raw = await settle('LAGO', () => this.client.getWallet(id));
        return raw instanceof GatewayError ? raw : this.translate(raw);
      }),
    );
  }

  // Lago lists wallets per customer only: one list call per customer.
  walletsByCustomers(externalIds: readonly string[]): Promise<Result<WalletList>[]> {
    return Promise.all(
      externalIds.map((externalCustomerId) =>
        settle('LAGO', async () => {
          try {
            return this.toList(await this.client.listWallets({ externalCustomerId }));
          } catch (e) {
            // A customer Lago does not know simply has no Lago wallets.
            if (e instanceof GatewayError && e.code === 'CUSTOMER_NOT_FOUND')
              return UNKNOWN_CUSTOMER;
            throw e;
          }
        }),
      ),
    );
  }

  async listWallets(filter: WalletFilter): Promise<WalletList> {
    let raws: unknown[];
    try {
      raws = await this.client.listWallets({
        externalCustomerId: filter.customerExternalId,
        currency: filter.currency,
      });
    } catch (e) {
      if (filter.customerExternalId && e instanceof GatewayError && e.code === 'CUSTOMER_NOT_FOUND')
        return { wallets: [], errors: [] };
      throw e;
    }
    const list = this.toList(raws);
    return filter.status
      ? { ...list, wallets: list.wallets.filter((w) => w.status === filter.status) }
      : list;
  }

  alertSettings(wallets: readonly Wallet[]): Promise<Result<AlertSettings | null>[]> {
    return Promise.all(
      wallets.map((w) =>
        settle('LAGO', async () => {
          if (typeof w.code !== 'string' || !w.customer.externalId) return null;
          const alerts = await this.client.listWalletAlerts(w.customer.externalId, w.code);
          return translateAlerts(alerts, w.providerWalletId);
        }),
      ),
    );
  }

  checkHealth(): Promise<ProviderHealth> {
    return probe('LAGO', () => this.client.ping());
  }

  private toList(raws: readonly unknown[]): WalletList {
    return toWalletList(raws.map((raw) => this.translate(raw)));
  }
}
