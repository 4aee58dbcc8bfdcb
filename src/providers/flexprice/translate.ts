import { Dec, type Money, money } from '../../domain/money.js';
import { type Readable, Unreadable } from '../../domain/part.js';
import type {
  AlertLevel,
  AlertSettings,
  AlertThreshold,
  Cooldown,
  RecurringTransactionRule,
  Wallet,
  WalletCredits,
  WalletStatus,
} from '../../domain/wallet.js';
import { field, readEnum, readerFor } from '../read.js';
import { currency, metadataList } from '../translate-helpers.js';
import { type FlexpriceWalletCore, flexpricePart } from './api.js';

const { readPart, readValue, unreadable } = readerFor('FLEXPRICE');

/**
 * Flexprice wire -> domain. Pure. `core` (identity, customer, currency, stored balance) is
 * already validated; every other part is read from `raw` on its own, so a field that cannot be
 * read costs that field only.
 *
 * Fields deliberately not mapped (never read, so never validated), readable in `raw`:
 * - `description`: free text with no unified field.
 * - `config.allowed_price_types`: billing configuration (which charges the wallet pays), not balance state.
 * - `environment_id`, `tenant_id`: the gateway talks to one environment per configuration.
 * - `status` (entity status published/deleted/archived): the API only returns published rows.
 * - `created_by`, `updated_by`: audit user ids.
 * - `balance_updated_at`: equals `updated_at` (NOTES §3.2), already `updatedAt`.
 * - `unpaid_invoices_amount`: a part of `current_period_usage` (NOTES §4), absent on cache paths.
 * Flexprice has no wallet code, wallet priority (priority is per credit grant), wallet expiry
 * (credits expire per transaction), termination or top-up timestamps, nor a consumed total:
 * those stay null. `terminatedAt` is not guessed from `updated_at`, which later edits move.
 */

/**
 * Who the wallet belongs to. WalletResponse carries only Flexprice's customer id; the caller knows
 * the external id, if anyone does.
 */
export interface FlexpriceCustomerContext {
  readonly externalId: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const WALLET_STATUSES = { active: 'ACTIVE', frozen: 'FROZEN', closed: 'TERMINATED' } as const;

/** `wallet_status` (NOTES §3.1): closed is TERMINATED; anything else is UNKNOWN. */
export function walletStatus(raw: unknown): WalletStatus {
  return readEnum(field(raw, 'wallet_status'), WALLET_STATUSES);
}

export function translateWallet(
  core: FlexpriceWalletCore,
  raw: unknown,
  customer: FlexpriceCustomerContext,
): Wallet {
  const cur = currency(core.currency);
  const when = (key: string) =>
    readPart(key, flexpricePart.date, field(raw, key), (d) => d ?? null);
  const live = liveFigures(raw, cur);
  return {
    provider: 'FLEXPRICE',
    providerWalletId: core.id,
    customer: { externalId: customer.externalId, providerCustomerId: core.customer_id },
    name: readPart('name', flexpricePart.text, field(raw, 'name'), (n) => n || null),
    code: null,
    status: walletStatus(raw),
    // PROMOTIONAL is in the documented examples (seed 003), not in the current server's enum.
    kind: readEnum(field(raw, 'wallet_type'), {
      PRE_PAID: 'PREPAID',
      POST_PAID: 'POSTPAID',
      PROMOTIONAL: 'PROMOTIONAL',
    }),
    currency: cur,
    // The stored ledger (NOTES §0.3): usage is not debited until invoices are paid.
    balance: money(core.balance, cur),
    ongoingBalance: live.balance,
    ongoingUsage: live.usage,
    ongoingBalanceIsCached: live.cached,
    credits: translateCredits(raw, live.usageAmount),
    priority: null,
    expiresAt: null,
    terminatedAt: null,
    lastTopUpAt: null,
    lastConsumedAt: null,
    createdAt: when('created_at'),
    updatedAt: when('updated_at'),
    recurringTransactionRules: autoTopupRules(field(raw, 'auto_topup')),
    // Flexprice keeps alerts on the wallet itself: null (never "on request") when it has none.
    alertSettings: translateAlertSettings(raw),
    metadata: metadataList(
      'FLEXPRICE',
      'metadata',
      flexpricePart.metadata,
      flexpricePart.metadataValue,
      raw,
    ),
    raw,
  };
}

interface LiveFigures {
  readonly balance: Readable<Money | null>;
  readonly usage: Readable<Money | null>;
  /** The usage in currency, for the credits figure (null when unknown). */
  readonly usageAmount: Readable<Dec | null>;
  readonly cached: Readable<boolean | null>;
}

/**
 * The real-time figures, present only when the wallet came from a balance route. On a cache
 * fallback Flexprice sends `current_period_usage: "0"` whatever the usage was (NOTES §3.2, §4),
 * so usage is unknown then rather than zero.
 */
function liveFigures(raw: unknown, cur: string): LiveFigures {
  const amount = (key: string) =>
    readPart(key, flexpricePart.decimal, field(raw, key), (d) => d ?? null);
  const balanceDec = amount('real_time_balance');
  const balance =
    balanceDec instanceof Unreadable || balanceDec === null ? balanceDec : money(balanceDec, cur);
  const flag = field(raw, 'is_cached_fallback');
  // The spec (WalletBalanceResponse.is_cached_fallback) says to treat a missing flag as "cached":
  // freshness is trusted only when Flexprice says false.
  if (flag === undefined)
    return { balance, usage: null, usageAmount: null, cached: balanceDec === null ? null : true };
  const cached = readValue('is_cached_fallback', flexpricePart.flag, flag);
  // `is_cached_fallback` is false even when no real-time data was asked for (NOTES §3.2): it only
  // means something next to a real-time balance.
  if (balanceDec === null) return { balance, usage: null, usageAmount: null, cached: null };
  if (cached instanceof Unreadable || cached === true || cached === null || cached === undefined)
    return { balance, usage: null, usageAmount: null, cached: cached ?? true };
  const usageDec = amount('current_period_usage');
  return {
    balance,
    usage: usageDec instanceof Unreadable || usageDec === null ? usageDec : money(usageDec, cur),
    usageAmount: usageDec,
    cached: false,
  };
}

/** Credits need a positive conversion rate and a credit balance; the rest is read one by one. */
function translateCredits(raw: unknown, usage: Readable<Dec | null>): Readable<WalletCredits> {
  const rate = readPart(
    'conversion_rate',
    flexpricePart.requiredDecimal,
    field(raw, 'conversion_rate'),
    (r) => {
      if (!r.gt(0)) throw new Error('conversion_rate must be positive');
      return r;
    },
  );
  if (rate instanceof Unreadable) return rate;
  const balance = readValue(
    'credit_balance',
    flexpricePart.requiredDecimal,
    field(raw, 'credit_balance'),
  );
  if (balance instanceof Unreadable) return balance;
  const breakdown = field(raw, 'credits_available_breakdown');
  return {
    balance,
    ongoingBalance: readPart(
      'real_time_credit_balance',
      flexpricePart.decimal,
      field(raw, 'real_time_credit_balance'),
      (d) => d ?? null,
    ),
    ongoingUsage: usage instanceof Unreadable || usage === null ? usage : creditsOf(usage, rate),
    // Flexprice reports no lifetime consumption on the wallet.
    consumed: null,
    rate,
    // Defaults to conversion_rate upstream (NOTES §3.1).
    topUpRate: readPart(
      'topup_conversion_rate',
      flexpricePart.decimal,
      field(raw, 'topup_conversion_rate') || undefined,
      (d) => d ?? rate,
    ),
    breakdown:
      breakdown === undefined || breakdown === null
        ? null
        : readPart(
            'credits_available_breakdown',
            flexpricePart.requiredDecimal,
            field(breakdown, 'free'),
            (free) => {
              const purchased = flexpricePart.requiredDecimal.parse(field(breakdown, 'purchased'));
              return { free, purchased };
            },
          ),
  };
}

// shopspring's DivisionPrecision: the scale Flexprice itself divides at (real_time_credit_balance).
const FLEXPRICE_DIVISION_SCALE = 16;

/**
 * Currency -> credits. Exact whenever the quotient terminates (rates like 2, 0.5, 0.01); otherwise
 * rounded as Flexprice rounds its own credit figures, so the two never disagree in the last digit.
 */
export function creditsOf(amount: Dec, rate: Dec): Dec {
  const quotient = amount.div(rate);
  return terminates(amount, rate)
    ? quotient
    : quotient.toDecimalPlaces(FLEXPRICE_DIVISION_SCALE, Dec.ROUND_HALF_UP);
}

/** a ÷ b has a finite decimal expansion iff the reduced denominator has no prime factor but 2 and 5. */
function terminates(a: Dec, b: Dec): boolean {
  const scale = Dec.pow(10, Math.max(a.decimalPlaces(), b.decimalPlaces()));
  const numerator = BigInt(a.abs().mul(scale).toFixed(0));
  let denominator = BigInt(b.abs().mul(scale).toFixed(0));
  denominator /= gcd(numerator, denominator);
  while (denominator % 2n === 0n) denominator /= 2n;
  while (denominator % 5n === 0n) denominator /= 5n;
  return denominator === 1n;
}

function gcd(x: bigint, y: bigint): bigint {
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function autoTopupRules(value: unknown): Readable<RecurringTransactionRule>[] {
  if (value === undefined || value === null) return [];
  return [translateAutoTopup(value)];
}

const COOLDOWN_UNITS = {
  second: 'SECOND',
  minute: 'MINUTE',
  hour: 'HOUR',
  day: 'DAY',
} as const satisfies Record<string, Cooldown['unit']>;

/**
 * An auto top-up is a threshold rule (BRIEF): when real_time_credit_balance ≤ threshold, buy
 * `amount` credits (NOTES §3.6, §6). It has no id or dates of its own. Threshold and amount are
 * decimal strings on the wire and JSON numbers in the documented examples (seed 003): both read
 * exactly.
 */
export function translateAutoTopup(a: unknown): Readable<RecurringTransactionRule> {
  if (!isObject(a)) return unreadable('auto_topup', 'not an object');
  const amount = (key: string) =>
    readPart(`auto_topup.${key}`, flexpricePart.decimal, field(a, key), (d) => d ?? null);
  const enabled = field(a, 'enabled');
  return {
    id: null,
    trigger: 'THRESHOLD',
    interval: null,
    method: 'FIXED',
    thresholdCredits: amount('threshold'),
    paidCredits: amount('amount'),
    grantedCredits: null,
    targetOngoingBalance: null,
    status: enabled === true ? 'ACTIVE' : enabled === false ? 'DISABLED' : 'UNKNOWN',
    // invoicing=true tops up through an invoice (PURCHASED_CREDIT_INVOICED).
    invoiced: readPart(
      'auto_topup.invoicing',
      flexpricePart.flag,
      field(a, 'invoicing'),
      (f) => f ?? null,
    ),
    startedAt: null,
    expiresAt: null,
    createdAt: null,
    cooldown: readPart('auto_topup.cooldown', flexpricePart.cooldown, field(a, 'cooldown'), (c) =>
      // A zero cooldown means none (NOTES §3.4: PUT with value 0 clears it).
      !c || c.value <= 0 ? null : { value: c.value, unit: readEnum(c.unit, COOLDOWN_UNITS) },
    ),
  };
}

const ALERT_STATES = {
  ok: 'OK',
  info: 'INFO',
  warning: 'WARNING',
  in_alarm: 'IN_ALARM',
} as const;
const CONDITIONS = { above: 'ABOVE', below: 'BELOW' } as const;
const LEVELS: readonly [AlertLevel, 'critical' | 'warning' | 'info'][] = [
  ['CRITICAL', 'critical'],
  ['WARNING', 'warning'],
  ['INFO', 'info'],
];

/**
 * Alerts in either shape Flexprice has used:
 * - `alert_settings` (the current server, NOTES §3.6): up to three levels. `alert_state` belongs
 *   to the stream that watches `real_time_credit_balance` (NOTES §6), hence ONGOING_CREDITS.
 * - `alert_config` + `alert_enabled` (the documented examples, seed 003): one threshold of a
 *   `type` (`amount`: a currency amount, so BALANCE) with no level; it alerts when the balance
 *   falls to it (BELOW).
 * Flexprice alerts on state changes and has no per-threshold `recurring` flag or code.
 */
export function translateAlertSettings(raw: unknown): Readable<AlertSettings | null> {
  const settings = field(raw, 'alert_settings');
  const config = field(raw, 'alert_config');
  const stateValue = field(raw, 'alert_state');
  const state =
    stateValue === undefined || stateValue === null ? null : readEnum(stateValue, ALERT_STATES);
  if (settings !== undefined && settings !== null) {
    if (!isObject(settings)) return unreadable('alert_settings', 'not an object');
    const thresholds = LEVELS.flatMap(([level, key]): Readable<AlertThreshold>[] => {
      const t = field(settings, key);
      if (t === undefined || t === null) return [];
      return [
        readPart(
          `alert_settings.${key}.threshold`,
          flexpricePart.requiredDecimal,
          field(t, 'threshold'),
          (value) => ({
            level,
            value,
            condition: readEnum(field(t, 'condition'), CONDITIONS),
            metric: 'ONGOING_CREDITS',
            recurring: false,
            code: null,
            alertCode: null,
          }),
        ),
      ];
    });
    return { enabled: field(settings, 'alert_enabled') === true, state, thresholds };
  }
  if (config !== undefined && config !== null) {
    if (!isObject(config)) return unreadable('alert_config', 'not an object');
    const threshold = field(config, 'threshold');
    const thresholds: Readable<AlertThreshold>[] =
      threshold === undefined || threshold === null
        ? []
        : [
            readPart(
              'alert_config.threshold.value',
              flexpricePart.requiredDecimal,
              field(threshold, 'value'),
              (value) => ({
                level: null,
                value,
                condition: 'BELOW',
                metric: readEnum(field(threshold, 'type'), { amount: 'BALANCE' } as const),
                recurring: false,
                code: null,
                alertCode: null,
              }),
            ),
          ];
    return { enabled: field(raw, 'alert_enabled') === true, state, thresholds };
  }
  return null;
}
