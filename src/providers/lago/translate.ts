import { moneyFromMinor } from '../../domain/money.js';
import { type Readable, Unreadable } from '../../domain/part.js';
import {
  ALERTS_ON_REQUEST,
  type AlertCondition,
  type AlertMetric,
  type AlertSettings,
  type AlertThreshold,
  type RecurringTransactionRule,
  type RuleInterval,
  type Wallet,
  type WalletCredits,
} from '../../domain/wallet.js';
import { field, readEnum, readerFor } from '../read.js';
import { currency, metadataList } from '../translate-helpers.js';
import { type LagoWalletCore, lagoPart } from './api.js';

const { readPart, readValue, readList, unreadable } = readerFor('LAGO');

/**
 * Lago wire -> domain. Pure. `core` (identity, customer, currency, balance) is already
 * validated; every other part is read from `raw` on its own, so a field that cannot be read
 * costs that field only.
 *
 * Lago fields deliberately not mapped (never read, so never validated): `billing_entity_code`,
 * `purchase_order_number`, `invoice_requires_successful_payment`,
 * `paid_top_up_min/max_amount_cents`, `applies_to`, `applied_invoice_custom_sections`,
 * `payment_method` (billing configuration, not balance state; they stay readable in `raw`).
 * `last_balance_sync_at` is when Lago recomputed the ongoing balance, not a top-up, so it does
 * not feed `lastTopUpAt` (Lago has no top-up timestamp on the wallet).
 */
export function translateWallet(core: LagoWalletCore, raw: unknown): Wallet {
  const cur = currency(core.currency);
  const cents = (key: string) =>
    readPart(key, lagoPart.cents, field(raw, key), (c) =>
      c === null || c === undefined ? null : moneyFromMinor(c, cur),
    );
  const when = (key: string) => readPart(key, lagoPart.date, field(raw, key), (d) => d ?? null);
  const code = readPart('code', lagoPart.text, field(raw, 'code'), (c) => c ?? null);
  return {
    provider: 'LAGO',
    providerWalletId: core.lago_id,
    customer: { externalId: core.external_customer_id, providerCustomerId: core.lago_customer_id },
    name: readPart('name', lagoPart.text, field(raw, 'name'), (n) => n ?? null),
    code,
    status: readEnum(field(raw, 'status'), { active: 'ACTIVE', terminated: 'TERMINATED' }),
    kind: 'PREPAID',
    currency: cur,
    balance: moneyFromMinor(core.balance_cents, cur),
    ongoingBalance: cents('ongoing_balance_cents'),
    ongoingUsage: cents('ongoing_usage_balance_cents'),
    ongoingBalanceIsCached: null,
    credits: translateCredits(raw),
    priority: readPart('priority', lagoPart.priority, field(raw, 'priority'), (p) => p ?? null),
    expiresAt: when('expiration_at'),
    terminatedAt: when('terminated_at'),
    lastTopUpAt: null,
    lastConsumedAt: when('last_consumed_credit_at'),
    createdAt: when('created_at'),
    // Lago's wallet serializer has no updated_at.
    updatedAt: null,
    recurringTransactionRules: readList(
      'recurring_transaction_rules',
      field(raw, 'recurring_transaction_rules'),
      translateRule,
    ),
    // Alerts live behind /customers/{id}/wallets/{code}/alerts: fetched only when selected.
    alertSettings:
      code instanceof Unreadable ? code : code === null || code === '' ? null : ALERTS_ON_REQUEST,
    metadata: metadataList('LAGO', 'metadata', lagoPart.metadata, lagoPart.metadataValue, raw),
    raw,
  };
}

/** Credits need a rate and a balance; the other credit figures are read one by one. */
function translateCredits(raw: unknown): Readable<WalletCredits> {
  const required = (key: string) => readValue(key, lagoPart.requiredDecimal, field(raw, key));
  const optional = (key: string) =>
    readPart(key, lagoPart.decimal, field(raw, key), (d) => d ?? null);
  const rate = required('rate_amount');
  if (rate instanceof Unreadable) return rate;
  const balance = required('credits_balance');
  if (balance instanceof Unreadable) return balance;
  return {
    balance,
    ongoingBalance: optional('credits_ongoing_balance'),
    ongoingUsage: optional('credits_ongoing_usage_balance'),
    consumed: optional('consumed_credits'),
    rate,
    // Lago tops up at the wallet's one rate.
    topUpRate: rate,
    breakdown: null,
  };
}

const INTERVALS: Readonly<Record<string, Exclude<RuleInterval, 'UNKNOWN'>>> = {
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  semiannual: 'SEMIANNUAL',
  yearly: 'YEARLY',
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * One recurring rule. Old and new shapes both read (seed 001): `rule_type` is the older name of
 * `trigger`; a missing trigger, method or status takes the column default (NOTES §4: interval,
 * fixed, and an active rule, since the serializer lists active rules only). Drops the column
 * defaults that mean nothing (NOTES §4/§9.9): `interval` on threshold rules,
 * `threshold_credits: "0.0"` on interval rules, `target_ongoing_balance` on fixed rules.
 * `grants_target_top_up`, `transaction_metadata`, `transaction_name` have no unified field.
 */
export function translateRule(r: unknown, part: string): Readable<RecurringTransactionRule> {
  if (!isObject(r)) return unreadable(part, 'a rule is not an object');
  const trigger = readEnum(
    field(r, 'trigger') ?? field(r, 'rule_type'),
    { interval: 'INTERVAL', threshold: 'THRESHOLD' } as const,
    'INTERVAL',
  );
  const method = readEnum(
    field(r, 'method'),
    { fixed: 'FIXED', target: 'TARGET' } as const,
    'FIXED',
  );
  const decimalOf = (key: string) =>
    readPart(`${part}.${key}`, lagoPart.decimal, field(r, key), (d) => d ?? null);
  const when = (key: string) =>
    readPart(`${part}.${key}`, lagoPart.date, field(r, key), (d) => d ?? null);
  const interval = field(r, 'interval');
  return {
    id: readPart(`${part}.lago_id`, lagoPart.text, field(r, 'lago_id'), (id) => id || null),
    trigger,
    interval:
      trigger === 'THRESHOLD' || interval === undefined || interval === null
        ? null
        : readEnum(interval, INTERVALS),
    method,
    thresholdCredits: trigger === 'INTERVAL' ? null : decimalOf('threshold_credits'),
    paidCredits: decimalOf('paid_credits'),
    grantedCredits: decimalOf('granted_credits'),
    targetOngoingBalance: method === 'FIXED' ? null : decimalOf('target_ongoing_balance'),
    status: readEnum(
      field(r, 'status'),
      { active: 'ACTIVE', terminated: 'TERMINATED' } as const,
      'ACTIVE',
    ),
    invoiced: readPart(
      `${part}.invoice_requires_successful_payment`,
      lagoPart.flag,
      field(r, 'invoice_requires_successful_payment'),
      (f) => f ?? null,
    ),
    startedAt: when('started_at'),
    expiresAt: when('expiration_at'),
    createdAt: when('created_at'),
    cooldown: null,
  };
}

const ALERT_METRICS = {
  wallet_balance_amount: 'BALANCE',
  wallet_credits_balance: 'CREDITS',
  wallet_ongoing_balance_amount: 'ONGOING_BALANCE',
  wallet_credits_ongoing_balance: 'ONGOING_CREDITS',
} as const satisfies Record<string, AlertMetric>;

const DIRECTIONS = {
  increasing: 'ABOVE',
  decreasing: 'BELOW',
} as const satisfies Record<string, AlertCondition>;

/**
 * Lago wallet alerts -> one AlertSettings, each alert and threshold read on its own. Lago
 * thresholds have no levels and Lago keeps no alert state, so `level` and `state` are null. A
 * wallet alert without `direction` watches a falling balance (Lago's wallet alerts default to
 * `decreasing`). Codes are unique among active wallets only, so an alert naming another wallet
 * (a terminated sibling with the same code) is not this wallet's.
 */
export function translateAlerts(
  alerts: readonly unknown[],
  walletId: string,
): AlertSettings | null {
  const own = alerts.filter((a) => {
    const owner = field(a, 'lago_wallet_id');
    return typeof owner !== 'string' || owner === walletId;
  });
  if (own.length === 0) return null;
  const thresholds = own.flatMap((a, i): Readable<AlertThreshold>[] => {
    const part = `alerts[${i}]`;
    if (!isObject(a)) return [unreadable(part, 'an alert is not an object')];
    const metric = readEnum(field(a, 'alert_type'), ALERT_METRICS);
    const condition = readEnum(field(a, 'direction'), DIRECTIONS, 'BELOW');
    const alertCode = field(a, 'code');
    return readList(`${part}.thresholds`, field(a, 'thresholds'), (t, tPart) => {
      const value = readValue(`${tPart}.value`, lagoPart.requiredDecimal, field(t, 'value'));
      if (value instanceof Unreadable) return value;
      const code = field(t, 'code');
      const recurring = field(t, 'recurring');
      return {
        level: null,
        value,
        condition,
        metric,
        recurring: recurring === true,
        code: typeof code === 'string' ? code : null,
        alertCode: typeof alertCode === 'string' ? alertCode : null,
      };
    });
  });
  return { enabled: true, state: null, thresholds };
}
