import type { ProviderName } from '../domain/wallet.js';

export type BalanceSource = 'WEBHOOK' | 'POLL' | 'MUTATION';

export interface MoneyText {
  readonly amount: string;
  readonly currency: string;
}

/**
 * A balance change as it travels through pubsub (and Redis between replicas): plain JSON,
 * money as exact decimal strings. The wallet itself is not carried: each replica re-reads it.
 */
export interface BalanceChangedMessage {
  readonly eventId: string;
  readonly walletKey: string;
  readonly provider: ProviderName;
  readonly customerExternalId: string | null;
  /** Null when the gateway had never seen this wallet's balance before. */
  readonly previousBalance: MoneyText | null;
  readonly balance: MoneyText;
  readonly source: BalanceSource;
  readonly occurredAt: string;
}

export const walletTopic = (walletKey: string) => `wallet:${walletKey}`;
export const customerTopic = (externalId: string) => `customer:${externalId}`;
