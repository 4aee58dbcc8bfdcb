import { Dec, money } from '../../domain/money.js';
import type {
  AlertLevel,
  AlertSettings,
  AlertState,
  AlertThreshold,
  Cooldown,
  RecurringTransactionRule,
  Wallet,
  WalletCredits,
} from '../../domain/wallet.js';
import { currency, date, dec, metadataEntries } from '../translate-helpers.js';
import type {
  FlexpriceAlertSettings,
  FlexpriceAutoTopup,
  FlexpriceWallet,
  FlexpriceWalletBalance,
} from './api.js';

/**
 * Flexprice wire -> domain. Pure functions over payloads already validated by api.ts.
 *
 * Every field of NOTES §3.1/§3.2 is mapped below or dropped here, and stays readable in `raw`:
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

export function translateWallet(
  w: FlexpriceWallet | FlexpriceWalletBalance,
  raw: unknown,
  customer: FlexpriceCustomerContext,
): Wallet {
  const cur = currency(w.currency);
  const rate = dec(w.conversion_rate);
  if (!rate.gt(0)) throw new Error(`conversion_rate must be positive, got ${w.conversion_rate}`);
  const live = liveFigures(w);
  return {
    provider: 'FLEXPRICE',
    providerWalletId: w.id,
    customer: { externalId: customer.externalId, providerCustomerId: w.customer_id },
    name: w.name || null,
    code: null,
    status:
      w.wallet_status === 'active'
        ? 'ACTIVE'
        : w.wallet_status === 'frozen'
          ? 'FROZEN'
          : 'TERMINATED',
    kind: w.wallet_type === 'PRE_PAID' ? 'PREPAID' : 'POSTPAID',
    currency: cur,
    // The stored ledger (NOTES §0.3): usage is not debited until invoices are paid.
    balance: money(w.balance, cur),
    ongoingBalance: live.balance === null ? null : money(live.balance, cur),
    ongoingUsage: live.usage === null ? null : money(live.usage, cur),
    ongoingBalanceIsCached: live.cached,
    credits: translateCredits(w, rate, live.usage),
    priority: null,
    expiresAt: null,
    terminatedAt: null,
    lastTopUpAt: null,
    lastConsumedAt: null,
    createdAt: date(w.created_at),
    updatedAt: date(w.updated_at),
    recurringTransactionRules: w.auto_topup ? [translateAutoTopup(w.auto_topup)] : [],
    // Flexprice keeps alerts on the wallet itself: null (not undefined) when it has none, so the
    // schema never asks for a separate alert call.
    alertSettings: w.alert_settings
      ? translateAlertSettings(w.alert_settings, w.alert_state)
      : null,
    metadata: metadataEntries(w.metadata),
    raw,
  };
}

interface LiveFigures {
  readonly balance: string | null;
  readonly usage: string | null;
  readonly cached: boolean | null;
}

/**
 * The real-time figures, present only when the wallet came from a balance route. On a cache
 * fallback Flexprice sends `current_period_usage: "0"` whatever the usage was (NOTES §3.2, §4),
 * so usage is unknown then rather than zero.
 */
function liveFigures(w: FlexpriceWallet | FlexpriceWalletBalance): LiveFigures {
  const balance = w.real_time_balance ?? null;
  // The spec (WalletBalanceResponse.is_cached_fallback) says to treat a missing flag as "cached":
  // freshness is trusted only when Flexprice says false.
  if (!('is_cached_fallback' in w))
    return { balance, usage: null, cached: balance === null ? null : true };
  // `is_cached_fallback` is false even when no real-time data was asked for (NOTES §3.2): it only
  // means something next to a real-time balance.
  if (balance === null) return { balance: null, usage: null, cached: null };
  return {
    balance,
    usage: w.is_cached_fallback ? null : (w.current_period_usage ?? null),
    cached: w.is_cached_fallback,
  };
}

function translateCredits(w: FlexpriceWallet, rate: Dec, usage: string | null): WalletCredits {
  const breakdown = w.credits_available_breakdown;
  return {
    balance: dec(w.credit_balance),
    ongoingBalance: dec(w.real_time_credit_balance),
    ongoingUsage: usage === null ? null : creditsOf(dec(usage), rate),
    // Flexprice reports no lifetime consumption on the wallet.
    consumed: null,
    rate,
    // Defaults to conversion_rate upstream (NOTES §3.1).
    topUpRate: w.topup_conversion_rate ? dec(w.topup_conversion_rate) : rate,
    breakdown: breakdown
      ? { free: dec(breakdown.free), purchased: dec(breakdown.purchased) }
      : null,
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

/**
 * An auto top-up is a threshold rule (BRIEF): when real_time_credit_balance ≤ threshold, buy
 * `amount` credits (NOTES §3.6, §6). It has no id or dates of its own.
 */
export function translateAutoTopup(a: FlexpriceAutoTopup): RecurringTransactionRule {
  return {
    id: null,
    trigger: 'THRESHOLD',
    interval: null,
    method: 'FIXED',
    thresholdCredits: dec(a.threshold),
    paidCredits: dec(a.amount),
    grantedCredits: null,
    targetOngoingBalance: null,
    status: a.enabled ? 'ACTIVE' : 'DISABLED',
    // invoicing=true tops up through an invoice (PURCHASED_CREDIT_INVOICED).
    invoiced: a.invoicing ?? null,
    startedAt: null,
    expiresAt: null,
    createdAt: null,
    cooldown: translateCooldown(a.cooldown),
  };
}

function translateCooldown(c: FlexpriceAutoTopup['cooldown']): Cooldown | null {
  // A zero cooldown means none (NOTES §3.4: PUT with value 0 clears it).
  if (!c || c.value <= 0) return null;
  return { value: c.value, unit: c.unit.toUpperCase() as Cooldown['unit'] };
}

const ALERT_STATES: Record<string, AlertState> = {
  ok: 'OK',
  info: 'INFO',
  warning: 'WARNING',
  in_alarm: 'IN_ALARM',
};
const LEVELS: readonly [AlertLevel, 'critical' | 'warning' | 'info'][] = [
  ['CRITICAL', 'critical'],
  ['WARNING', 'warning'],
  ['INFO', 'info'],
];

/**
 * One settings object with up to three levels. `alert_state` belongs to the stream that watches
 * `real_time_credit_balance` (NOTES §6), hence the ONGOING_CREDITS metric. Flexprice alerts on
 * state changes and has no per-threshold `recurring` flag or code: recurring false, codes null.
 */
export function translateAlertSettings(
  s: FlexpriceAlertSettings,
  state: string | null | undefined,
): AlertSettings {
  const thresholds: AlertThreshold[] = LEVELS.flatMap(([level, key]) => {
    const t = s[key];
    return t
      ? [
          {
            level,
            value: dec(t.threshold),
            condition: t.condition === 'above' ? 'ABOVE' : 'BELOW',
            metric: 'ONGOING_CREDITS',
            recurring: false,
            code: null,
            alertCode: null,
          } as const,
        ]
      : [];
  });
  return {
    enabled: s.alert_enabled ?? false,
    state: state ? (ALERT_STATES[state] ?? null) : null,
    thresholds,
  };
}
