import type { Dec, Money } from './money.js';

export const PROVIDERS = ['LAGO', 'FLEXPRICE', 'POLAR'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export type WalletStatus = 'ACTIVE' | 'FROZEN' | 'TERMINATED';
export type WalletKind = 'PREPAID' | 'POSTPAID' | 'CREDIT_BALANCE';

export interface WalletCustomer {
  /** The join key across providers (Lago external_customer_id, Flexprice external_id, Polar external_id). */
  readonly externalId: string | null;
  readonly providerCustomerId: string;
}

export interface WalletCredits {
  readonly balance: Dec;
  readonly ongoingBalance: Dec | null;
  readonly ongoingUsage: Dec | null;
  readonly consumed: Dec | null;
  /** Currency units per credit. */
  readonly rate: Dec;
  readonly topUpRate: Dec | null;
  readonly breakdown: { readonly free: Dec; readonly purchased: Dec } | null;
}

export type RuleTrigger = 'INTERVAL' | 'THRESHOLD';
export type RuleInterval = 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'SEMIANNUAL' | 'YEARLY';
export type RuleMethod = 'FIXED' | 'TARGET';

export interface Cooldown {
  readonly value: number;
  readonly unit: 'SECOND' | 'MINUTE' | 'HOUR' | 'DAY';
}

export interface RecurringTransactionRule {
  readonly id: string | null;
  readonly trigger: RuleTrigger;
  readonly interval: RuleInterval | null;
  readonly method: RuleMethod;
  readonly thresholdCredits: Dec | null;
  readonly paidCredits: Dec | null;
  readonly grantedCredits: Dec | null;
  readonly targetOngoingBalance: Dec | null;
  readonly status: 'ACTIVE' | 'TERMINATED' | 'DISABLED';
  readonly invoiced: boolean | null;
  readonly startedAt: Date | null;
  readonly expiresAt: Date | null;
  readonly createdAt: Date | null;
  readonly cooldown: Cooldown | null;
}

export type AlertLevel = 'INFO' | 'WARNING' | 'CRITICAL';
export type AlertCondition = 'ABOVE' | 'BELOW';
export type AlertMetric = 'BALANCE' | 'CREDITS' | 'ONGOING_BALANCE' | 'ONGOING_CREDITS';
export type AlertState = 'OK' | 'INFO' | 'WARNING' | 'IN_ALARM';

export interface AlertThreshold {
  readonly level: AlertLevel | null;
  readonly value: Dec;
  readonly condition: AlertCondition;
  readonly metric: AlertMetric;
  readonly recurring: boolean;
  readonly code: string | null;
  /** The alert this threshold belongs to (Lago alert code); null where the provider has one settings object. */
  readonly alertCode: string | null;
}

export interface AlertSettings {
  readonly enabled: boolean;
  /** Null where the provider keeps no alert state. */
  readonly state: AlertState | null;
  readonly thresholds: readonly AlertThreshold[];
}

export interface MetadataEntry {
  readonly key: string;
  readonly value: string | null;
}

export interface Wallet {
  readonly provider: ProviderName;
  readonly providerWalletId: string;
  readonly customer: WalletCustomer;
  readonly name: string | null;
  readonly code: string | null;
  readonly status: WalletStatus;
  readonly kind: WalletKind;
  readonly currency: string;
  readonly balance: Money;
  readonly ongoingBalance: Money | null;
  readonly ongoingUsage: Money | null;
  /** True when the provider answered the ongoing balance from a cache after a failed live computation. */
  readonly ongoingBalanceIsCached: boolean | null;
  readonly credits: WalletCredits | null;
  readonly priority: number | null;
  readonly expiresAt: Date | null;
  readonly terminatedAt: Date | null;
  readonly lastTopUpAt: Date | null;
  readonly lastConsumedAt: Date | null;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
  readonly recurringTransactionRules: readonly RecurringTransactionRule[];
  /**
   * `undefined` means the provider keeps alerts behind a separate call (Lago): the schema asks the
   * provider's `alertSettings` loader only when the field is selected.
   */
  readonly alertSettings: AlertSettings | null | undefined;
  readonly metadata: readonly MetadataEntry[];
  /** The upstream object exactly as received. */
  readonly raw: unknown;
}

/** Provider + native id: the content of a Wallet's Relay global id. */
export interface WalletKey {
  readonly provider: ProviderName;
  readonly id: string;
}

export function walletKey(w: Pick<Wallet, 'provider' | 'providerWalletId'>): string {
  return `${w.provider}:${w.providerWalletId}`;
}
