import { moneyFromMinor } from '../../domain/money.js';
import type {
  AlertMetric,
  AlertSettings,
  AlertThreshold,
  RecurringTransactionRule,
  RuleInterval,
  Wallet,
} from '../../domain/wallet.js';
import { currency, date, dec, metadataEntries } from '../translate-helpers.js';
import type { LagoRecurringRule, LagoWallet, LagoWalletAlert } from './api.js';

/**
 * Lago wire -> domain. Pure functions over payloads already validated by api.ts.
 *
 * Lago fields deliberately not mapped: `billing_entity_code`, `purchase_order_number`,
 * `invoice_requires_successful_payment`, `paid_top_up_min/max_amount_cents`, `applies_to`,
 * `applied_invoice_custom_sections`, `payment_method` (billing configuration, not balance state;
 * they stay readable in `raw`). `last_balance_sync_at` is when Lago recomputed the ongoing
 * balance, not a top-up, so it does not feed `lastTopUpAt` (Lago has no top-up timestamp on
 * the wallet).
 */
export function translateWallet(w: LagoWallet, raw: unknown): Wallet {
  const cur = currency(w.currency);
  const rate = dec(w.rate_amount);
  return {
    provider: 'LAGO',
    providerWalletId: w.lago_id,
    customer: { externalId: w.external_customer_id, providerCustomerId: w.lago_customer_id },
    name: w.name ?? null,
    code: w.code ?? null,
    status: w.status === 'active' ? 'ACTIVE' : 'TERMINATED',
    kind: 'PREPAID',
    currency: cur,
    balance: moneyFromMinor(w.balance_cents, cur),
    ongoingBalance: moneyFromMinor(w.ongoing_balance_cents, cur),
    ongoingUsage: moneyFromMinor(w.ongoing_usage_balance_cents, cur),
    ongoingBalanceIsCached: null,
    credits: {
      balance: dec(w.credits_balance),
      ongoingBalance: dec(w.credits_ongoing_balance),
      ongoingUsage: dec(w.credits_ongoing_usage_balance),
      consumed: dec(w.consumed_credits),
      rate,
      // Lago tops up at the wallet's one rate.
      topUpRate: rate,
      breakdown: null,
    },
    priority: w.priority ?? null,
    expiresAt: date(w.expiration_at),
    terminatedAt: date(w.terminated_at),
    lastTopUpAt: null,
    lastConsumedAt: date(w.last_consumed_credit_at),
    createdAt: date(w.created_at),
    // Lago's wallet serializer has no updated_at.
    updatedAt: null,
    recurringTransactionRules: (w.recurring_transaction_rules ?? []).map(translateRule),
    // Alerts live behind /customers/{id}/wallets/{code}/alerts: fetched only when selected.
    alertSettings: w.code ? undefined : null,
    metadata: metadataEntries(w.metadata),
    raw,
  };
}

const INTERVALS: Record<NonNullable<LagoRecurringRule['interval']>, RuleInterval> = {
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  semiannual: 'SEMIANNUAL',
  yearly: 'YEARLY',
};

/**
 * Drops the column defaults that mean nothing (NOTES §4/§9.9): `interval` on threshold rules,
 * `threshold_credits: "0.0"` on interval rules, `target_ongoing_balance` on fixed rules.
 * `grants_target_top_up`, `transaction_metadata`, `transaction_name` have no unified field.
 */
export function translateRule(r: LagoRecurringRule): RecurringTransactionRule {
  const isInterval = r.trigger === 'interval';
  const isTarget = r.method === 'target';
  return {
    id: r.lago_id,
    trigger: isInterval ? 'INTERVAL' : 'THRESHOLD',
    interval: isInterval && r.interval ? INTERVALS[r.interval] : null,
    method: isTarget ? 'TARGET' : 'FIXED',
    thresholdCredits: isInterval ? null : dec(r.threshold_credits),
    paidCredits: dec(r.paid_credits),
    grantedCredits: dec(r.granted_credits),
    targetOngoingBalance: isTarget ? dec(r.target_ongoing_balance) : null,
    status: r.status === 'active' ? 'ACTIVE' : 'TERMINATED',
    invoiced: r.invoice_requires_successful_payment ?? null,
    startedAt: date(r.started_at),
    expiresAt: date(r.expiration_at),
    createdAt: date(r.created_at),
    cooldown: null,
  };
}

const ALERT_METRICS: Record<LagoWalletAlert['alert_type'], AlertMetric> = {
  wallet_balance_amount: 'BALANCE',
  wallet_credits_balance: 'CREDITS',
  wallet_ongoing_balance_amount: 'ONGOING_BALANCE',
  wallet_credits_ongoing_balance: 'ONGOING_CREDITS',
};

/**
 * Lago wallet alerts -> one AlertSettings. Lago thresholds have no levels and Lago keeps no
 * alert state, so `level` and `state` are null. A wallet alert without `direction` watches a
 * falling balance (Lago's wallet alerts default to `decreasing`).
 */
export function translateAlerts(alerts: readonly LagoWalletAlert[]): AlertSettings | null {
  if (alerts.length === 0) return null;
  const thresholds: AlertThreshold[] = alerts.flatMap((a) =>
    a.thresholds.map((t) => ({
      level: null,
      value: dec(t.value),
      condition: a.direction === 'increasing' ? 'ABOVE' : 'BELOW',
      metric: ALERT_METRICS[a.alert_type],
      recurring: t.recurring ?? false,
      code: t.code ?? null,
      alertCode: a.code,
    })),
  );
  return { enabled: true, state: null, thresholds };
}
