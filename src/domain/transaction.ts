import type { Dec, Money } from './money.js';
import type { Readable } from './part.js';
import type { MetadataEntry, ProviderName } from './wallet.js';

/**
 * One movement of a wallet's credits, as its provider records it. Like wallets, a transaction
 * exists when its identity, wallet and amount can be read; every other part is read on its own.
 * Enums a provider sends have an UNKNOWN member for values it adds later (the wire value stays
 * in `raw`).
 */

/** Whether the movement adds to the wallet (CREDIT) or takes from it (DEBIT). */
export type TransactionDirection = 'CREDIT' | 'DEBIT' | 'UNKNOWN';

export type TransactionStatus = 'PENDING' | 'SETTLED' | 'FAILED' | 'UNKNOWN';

/** Why the credits moved. */
export type TransactionKind =
  | 'PURCHASED'
  | 'GRANTED'
  | 'USAGE'
  | 'VOIDED'
  | 'EXPIRED'
  | 'REFUND'
  | 'TERMINATION'
  | 'ADJUSTMENT'
  | 'UNKNOWN';

/** What started it. */
export type TransactionSource =
  | 'MANUAL'
  | 'INTERVAL_RULE'
  | 'THRESHOLD_RULE'
  | 'INVOICE'
  | 'SUBSCRIPTION'
  | 'SYSTEM'
  | 'UNKNOWN';

export interface WalletTransaction {
  readonly provider: ProviderName;
  readonly providerTransactionId: string;
  /** The provider's id of the wallet it moved. */
  readonly providerWalletId: string;
  readonly direction: TransactionDirection;
  readonly status: TransactionStatus;
  readonly kind: TransactionKind;
  readonly source: TransactionSource;
  /** What moved, in the wallet's currency: a magnitude, never negative (`direction` gives the sign). */
  readonly amount: Money;
  /** The same movement in credits, where the provider counts credits. */
  readonly credits: Readable<Dec | null>;
  /** The wallet's credit balance right after it, where the provider records it. */
  readonly creditBalanceAfter: Readable<Dec | null>;
  readonly invoiceId: Readable<string | null>;
  /** A label the provider or its user gave it (Lago `name`, Flexprice `description`). */
  readonly name: Readable<string | null>;
  readonly createdAt: Readable<Date | null>;
  readonly settledAt: Readable<Date | null>;
  readonly failedAt: Readable<Date | null>;
  /** When the credits it brought expire. */
  readonly expiresAt: Readable<Date | null>;
  readonly metadata: readonly Readable<MetadataEntry>[];
  /** The upstream object exactly as received. */
  readonly raw: unknown;
}

/** Filters a history can be asked for; each provider applies what it can upstream. */
export interface TransactionFilter {
  readonly direction?: TransactionDirection | undefined;
  readonly status?: TransactionStatus | undefined;
  readonly kind?: TransactionKind | undefined;
  /** Created at or after. */
  readonly createdSince?: Date | undefined;
  /** Created at or before. */
  readonly createdUntil?: Date | undefined;
}

/** Provider + wallet + native id: the content of a WalletTransaction's Relay global id. */
export function transactionKey(
  t: Pick<WalletTransaction, 'provider' | 'providerWalletId' | 'providerTransactionId'>,
): string {
  return `${t.provider}:${t.providerWalletId}:${t.providerTransactionId}`;
}

/** Reads a transaction key; undefined when it is not one. */
export function parseTransactionKey(
  key: string,
): { provider: ProviderName; walletId: string; transactionId: string } | undefined {
  const first = key.indexOf(':');
  const last = key.lastIndexOf(':');
  if (first <= 0 || last <= first + 1 || last === key.length - 1) return undefined;
  return {
    provider: key.slice(0, first),
    walletId: key.slice(first + 1, last),
    transactionId: key.slice(last + 1),
  };
}
