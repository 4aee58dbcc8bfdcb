import type { TransactionFilter, WalletTransaction } from '../domain/transaction.js';
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
  /** Present where the provider exposes its wallets' transactions (capability `transactions`). */
  readonly transactions?: TransactionHistory;
}

/**
 * A sequence of transactions in the provider's own order (newest first, then id), read page by
 * page over the provider's own pagination: one wallet's history, or a customer's where the
 * provider can list it at once. Made by the adapter; opaque elsewhere but for `key`.
 */
export interface TransactionStream {
  /** Unique among the provider's streams of one customer: cursors keep its position under it. */
  readonly key: string;
}

/**
 * Where a stream stands: written by the adapter into cursors and handed back to it, so it holds
 * only JSON (an upstream offset or page, the last item's key). Callers never read inside it.
 */
export type StreamPosition = Readonly<Record<string, unknown>>;

export interface TransactionPageRequest {
  /** At most this many entries. */
  readonly first: number;
  /** Start after this position; null: from the newest. */
  readonly position: StreamPosition | null;
  readonly filter: TransactionFilter;
}

export interface TransactionEntry {
  /** The transaction, or why it could not be read (it still takes its place in the stream). */
  readonly transaction: Result<WalletTransaction>;
  /** Its place in the provider's order: creation time in epoch ms (null if unknown) and id. */
  readonly key: { readonly at: number | null; readonly id: string };
  /** The stream's position right after this entry. */
  readonly position: StreamPosition;
}

export interface TransactionPage {
  readonly entries: readonly TransactionEntry[];
  /** The stream holds entries after the last one. */
  readonly more: boolean;
  /**
   * Where to continue when the page has no entry but the stream has more (everything it read was
   * already seen: newer transactions had pushed it down).
   */
  readonly resume?: StreamPosition;
}

/** A wallet's and a customer's transactions, each page one upstream call. */
export interface TransactionHistory {
  /** One wallet's history. */
  walletStream(wallet: Wallet): TransactionStream;
  /** The streams that together make a customer's history here, from its wallets at this provider. */
  customerStreams(customer: {
    readonly externalId: string;
    readonly wallets: readonly Wallet[];
  }): TransactionStream[];
  /**
   * One page, newest first. Throws a GatewayError when the provider fails, or NOT_SUPPORTED for
   * a filter the provider cannot apply.
   */
  page(stream: TransactionStream, request: TransactionPageRequest): Promise<TransactionPage>;
  /**
   * A transaction object as the provider sent it (a webhook's, a list's), of a wallet already
   * read; where the object lacks what the list has, the provider may read it again.
   */
  read(raw: unknown, wallet: Wallet): Promise<Result<WalletTransaction>>;
  /** Transactions by id, each of a wallet already read (its currency, its owner). */
  byIds(
    refs: readonly { readonly wallet: Wallet; readonly transactionId: string }[],
  ): Promise<Result<WalletTransaction>[]>;
}
