import type { AlertSettings, ProviderName, Wallet, WalletStatus } from '../domain/wallet.js';
import type { GatewayError } from '../errors.js';

export interface WalletFilter {
  readonly customerExternalId?: string | undefined;
  readonly currency?: string | undefined;
  readonly status?: WalletStatus | undefined;
}

/**
 * Wallets an upstream answered, plus the ones it sent that could not be translated: a bad
 * payload costs that wallet, never its siblings.
 */
export interface WalletList {
  readonly wallets: readonly Wallet[];
  readonly errors: readonly GatewayError[];
  /**
   * false when the provider answered that it knows no such customer (a customer's list only), as
   * opposed to a known customer with no wallets; absent otherwise.
   */
  readonly customerKnown?: boolean;
}

/** A customer's list when the provider knows no such customer. */
export const UNKNOWN_CUSTOMER: WalletList = { wallets: [], errors: [], customerKnown: false };

export type Result<T> = T | GatewayError;

/** A provider's circuit breaker: OPEN refuses calls unsent, HALF_OPEN lets one probe through. */
export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface ProviderHealth {
  readonly status: 'UP' | 'DOWN';
  readonly latencyMs: number | null;
  readonly error: GatewayError | null;
}

/**
 * The contract every adapter implements. Adapters know one wire format and nothing of GraphQL;
 * batch methods answer one result per key, in key order, and never throw for a single key.
 */
export interface WalletProvider {
  readonly name: ProviderName;
  /** Native wallet ids -> wallet, or WALLET_NOT_FOUND / upstream error per id. */
  walletsByIds(ids: readonly string[]): Promise<Result<Wallet>[]>;
  /** Customer external ids -> that customer's wallets; an unknown customer has none (not an error). */
  walletsByCustomers(externalIds: readonly string[]): Promise<Result<WalletList>[]>;
  /** Every wallet matching the filter, all pages. Throws a GatewayError when the provider fails. */
  listWallets(filter: WalletFilter): Promise<WalletList>;
  /** Present where alerts need their own upstream call; only made when `alertSettings` is selected. */
  alertSettings?(wallets: readonly Wallet[]): Promise<Result<AlertSettings | null>[]>;
  checkHealth(): Promise<ProviderHealth>;
  /** The provider's circuit breaker state (shared by all its upstream clients). */
  circuitState?(): BreakerState;
}
