import type { GatewayError } from '../errors.js';
import type { Dec, Money } from './money.js';
import type { Readable } from './part.js';

/**
 * The upper-case name a provider registers under (`LAGO`): the domain names no provider itself;
 * the registered ones are listed in src/providers/registered.ts.
 */
export type ProviderName = string;

/**
 * Enums a provider sends have an UNKNOWN member: a value added upstream later maps there (the
 * wire value stays visible in `raw`) instead of costing the wallet.
 */
export type WalletStatus = 'ACTIVE' | 'FROZEN' | 'TERMINATED' | 'UNKNOWN';
export type WalletKind = 'PREPAID' | 'POSTPAID' | 'PROMOTIONAL' | 'CREDIT_BALANCE' | 'UNKNOWN';

export interface WalletCustomer {
  /** The join key across providers (Lago external_customer_id, Flexprice external_id, Polar external_id). */
  readonly externalId: string | null;
  readonly providerCustomerId: string;
}

/** Credits exist only with a balance and a rate; every other figure is read on its own. */
export interface WalletCredits {
  readonly balance: Dec;
  readonly ongoingBalance: Readable<Dec | null>;
  readonly ongoingUsage: Readable<Dec | null>;
  readonly consumed: Readable<Dec | null>;
  /** Currency units per credit. */
  readonly rate: Dec;
  readonly topUpRate: Readable<Dec | null>;
  readonly breakdown: Readable<{ readonly free: Dec; readonly purchased: Dec } | null>;
}

export type RuleTrigger = 'INTERVAL' | 'THRESHOLD' | 'UNKNOWN';
export type RuleInterval = 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'SEMIANNUAL' | 'YEARLY' | 'UNKNOWN';
export type RuleMethod = 'FIXED' | 'TARGET' | 'UNKNOWN';
export type RuleStatus = 'ACTIVE' | 'TERMINATED' | 'DISABLED' | 'UNKNOWN';

export interface Cooldown {
  readonly value: number;
  readonly unit: 'SECOND' | 'MINUTE' | 'HOUR' | 'DAY' | 'UNKNOWN';
}

export interface RecurringTransactionRule {
  readonly id: Readable<string | null>;
  readonly trigger: RuleTrigger;
  readonly interval: RuleInterval | null;
  readonly method: RuleMethod;
  readonly thresholdCredits: Readable<Dec | null>;
  readonly paidCredits: Readable<Dec | null>;
  readonly grantedCredits: Readable<Dec | null>;
  readonly targetOngoingBalance: Readable<Dec | null>;
  readonly status: RuleStatus;
  readonly invoiced: Readable<boolean | null>;
  readonly startedAt: Readable<Date | null>;
  readonly expiresAt: Readable<Date | null>;
  readonly createdAt: Readable<Date | null>;
  readonly cooldown: Readable<Cooldown | null>;
}

export type AlertLevel = 'INFO' | 'WARNING' | 'CRITICAL';
export type AlertCondition = 'ABOVE' | 'BELOW' | 'UNKNOWN';
export type AlertMetric = 'BALANCE' | 'CREDITS' | 'ONGOING_BALANCE' | 'ONGOING_CREDITS' | 'UNKNOWN';
export type AlertState = 'OK' | 'INFO' | 'WARNING' | 'IN_ALARM' | 'UNKNOWN';

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
  /** Each threshold read on its own: an unreadable one is left out, with an error. */
  readonly thresholds: readonly Readable<AlertThreshold>[];
}

/**
 * The provider keeps alerts behind their own upstream call (Lago): the schema asks the
 * provider's `alertSettings` loader, and only when the field is selected.
 */
export const ALERTS_ON_REQUEST = Object.freeze({ alerts: 'on request' as const });
export type AlertsOnRequest = typeof ALERTS_ON_REQUEST;

export interface MetadataEntry {
  readonly key: string;
  readonly value: string | null;
}

/**
 * A wallet exists when its identity, customer, currency and balance can be read; every other
 * part is read on its own and may be Unreadable (null or left out, with an error at its place).
 */
export interface Wallet {
  readonly provider: ProviderName;
  readonly providerWalletId: string;
  readonly customer: WalletCustomer;
  readonly name: Readable<string | null>;
  readonly code: Readable<string | null>;
  readonly status: WalletStatus;
  readonly kind: WalletKind;
  readonly currency: string;
  readonly balance: Money;
  readonly ongoingBalance: Readable<Money | null>;
  readonly ongoingUsage: Readable<Money | null>;
  /** True when the provider answered the ongoing balance from a cache after a failed live computation. */
  readonly ongoingBalanceIsCached: Readable<boolean | null>;
  readonly credits: Readable<WalletCredits | null>;
  readonly priority: Readable<number | null>;
  readonly expiresAt: Readable<Date | null>;
  readonly terminatedAt: Readable<Date | null>;
  readonly lastTopUpAt: Readable<Date | null>;
  readonly lastConsumedAt: Readable<Date | null>;
  readonly createdAt: Readable<Date | null>;
  readonly updatedAt: Readable<Date | null>;
  /** Each rule read on its own: an unreadable one is left out of the list, with an error. */
  readonly recurringTransactionRules: readonly Readable<RecurringTransactionRule>[];
  readonly alertSettings: Readable<AlertSettings | null> | AlertsOnRequest;
  readonly metadata: readonly Readable<MetadataEntry>[];
  /** The upstream object exactly as received. */
  readonly raw: unknown;
  /**
   * When the provider answered with this wallet: set by the wallet cache (src/cache), through
   * which every read of a configured provider passes.
   */
  readonly fetchedAt?: Date;
  /**
   * Set on a copy answered from the cache because the provider failed: that failure, restated
   * (extensions.stale), for the schema to report beside the wallet.
   */
  readonly staleBecause?: GatewayError;
}

/** Provider + native id: the content of a Wallet's Relay global id. */
export interface WalletKey {
  readonly provider: ProviderName;
  readonly id: string;
}

export function walletKey(w: Pick<Wallet, 'provider' | 'providerWalletId'>): string {
  return `${w.provider}:${w.providerWalletId}`;
}
