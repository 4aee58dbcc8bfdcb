import { currencyExponent, normalizeCurrency } from '../../../src/domain/currency.js';
import {
  Dec,
  decimalString,
  formatMoney,
  type Money,
  minorUnits,
} from '../../../src/domain/money.js';
import { Unreadable } from '../../../src/domain/part.js';
import {
  ALERTS_ON_REQUEST,
  type AlertsOnRequest,
  type Wallet,
} from '../../../src/domain/wallet.js';
import { ERROR_CODES, GatewayError } from '../../../src/errors.js';
import { jsonSafe } from '../../../src/json.js';
import type { ProviderName } from './targets.js';

/**
 * Invariants every adapter answer must keep, at two levels:
 * - domain (`checkAdapterResult`): what translateItem returns is a GatewayError
 *   UPSTREAM_BAD_RESPONSE for the provider, or a Wallet whose every field has the right runtime
 *   type and an exact value;
 * - GraphQL (`checkGraphqlWallet`, `checkGraphqlErrors`): what a caller receives is typed,
 *   well-formed scalars or a typed error, never a masked one.
 *
 * Checks never throw: each finding is a Problem, so one payload reports everything wrong with it.
 * Values that would blow up when printed (a decimal with an exponent in the millions) are reported
 * before anything prints them.
 */

export type ProblemCode =
  | 'THREW' // the adapter threw instead of answering
  | 'NOT_A_RESULT' // neither a Wallet nor a GatewayError
  | 'ERROR_SHAPE' // a GatewayError with the wrong code or provider
  | 'TYPE' // a field of the wrong runtime type
  | 'ENUM' // an enum value outside its GraphQL enum
  | 'EMPTY_ID' // an empty provider id (the global id cannot be fetched back)
  | 'CURRENCY' // not an upper-case ISO 4217 code, or not the code the wire named
  | 'EXPONENT' // a decimal whose exponent makes printing it absurd (huge strings, "∞")
  | 'NONFINITE_FORMAT' // Money.formatted shows ∞ or NaN
  | 'DECIMAL_FORMAT' // a Decimal that does not print as a plain decimal
  | 'PRECISION' // a value rounded to decimal.js' 40 significant digits
  | 'WRONG_NUMBER' // a value that differs from the wire
  | 'INT_RANGE' // an Int field outside GraphQL's 32-bit range
  | 'DATE' // an invalid Date
  | 'RAW' // raw is not the upstream object, or cannot be printed as JSON
  | 'ALERTS' // alertSettings undefined where no alert call exists
  | 'WIRE' // a field that does not carry the wire value it maps
  | 'PROTO_KEY' // a wire key named __proto__ lost on the way
  | 'UNTYPED_ERROR' // a GraphQL error without a documented code
  | 'MASKED' // a masked "Unexpected error."
  | 'HTTP' // not HTTP 200, or an outcome the adapter's own answer contradicts
  | 'WRONG_CODE' // a typed error, but not the code the payload calls for
  | 'SHAPE' // a GraphQL answer of the wrong shape
  | 'INTOLERANT' // a wallet lost although its identity, customer, currency and balance are valid
  | 'PART' // an Unreadable of the wrong shape (another provider, no part name)
  | 'UNREADABLE'; // a part reported unreadable although its wire value is valid

export interface Problem {
  readonly code: ProblemCode;
  readonly path: string;
  readonly detail: string;
}

export class Problems {
  readonly list: Problem[] = [];
  add(code: ProblemCode, path: string, detail: string): void {
    this.list.push({
      code,
      path,
      detail: detail.length > 300 ? `${detail.slice(0, 300)}…` : detail,
    });
  }
}

export const WALLET_STATUS = ['ACTIVE', 'FROZEN', 'TERMINATED', 'UNKNOWN'];
export const WALLET_KIND = ['PREPAID', 'POSTPAID', 'PROMOTIONAL', 'CREDIT_BALANCE', 'UNKNOWN'];
export const RULE_TRIGGER = ['INTERVAL', 'THRESHOLD', 'UNKNOWN'];
export const RULE_INTERVAL = ['WEEKLY', 'MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'YEARLY', 'UNKNOWN'];
export const RULE_METHOD = ['FIXED', 'TARGET', 'UNKNOWN'];
export const RULE_STATUS = ['ACTIVE', 'TERMINATED', 'DISABLED', 'UNKNOWN'];
export const COOLDOWN_UNIT = ['SECOND', 'MINUTE', 'HOUR', 'DAY', 'UNKNOWN'];
export const ALERT_LEVEL = ['INFO', 'WARNING', 'CRITICAL'];
export const ALERT_CONDITION = ['ABOVE', 'BELOW', 'UNKNOWN'];
export const ALERT_METRIC = ['BALANCE', 'CREDITS', 'ONGOING_BALANCE', 'ONGOING_CREDITS', 'UNKNOWN'];
export const ALERT_STATE = ['OK', 'INFO', 'WARNING', 'IN_ALARM', 'UNKNOWN'];

/** A translated wallet as GraphQL shows it: unreadable parts null, unreadable list items left out. */
type Unwrap<T> = T extends Unreadable
  ? never
  : T extends Dec | Date | AlertsOnRequest
    ? T
    : T extends readonly (infer U)[]
      ? readonly Unwrap<U>[]
      : T extends object
        ? {
            readonly [K in keyof T]:
              | Unwrap<T[K]>
              | (Extract<T[K], Unreadable> extends never ? never : null);
          }
        : T;
export type WalletView = Unwrap<Wallet>;

/**
 * The view of a translated wallet (see WalletView), checking each Unreadable on the way: it must
 * name this provider and a wire part. `unreadable` collects their part names.
 */
export function viewOf(
  p: Problems,
  w: Wallet,
  provider: ProviderName,
  unreadable: string[] = [],
): WalletView {
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (v instanceof Unreadable) {
      if (v.provider !== provider || typeof v.part !== 'string' || v.part === '')
        p.add('PART', path, `Unreadable(${String(v.provider)}, ${JSON.stringify(v.part)})`);
      unreadable.push(v.part);
      return null;
    }
    if (v === ALERTS_ON_REQUEST) return v;
    if (Array.isArray(v))
      return v
        .filter((item, i) => {
          if (!(item instanceof Unreadable)) return true;
          walk(item, `${path}[${i}]`, depth + 1);
          return false;
        })
        .map((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && depth < 8)
      return Object.fromEntries(
        Object.entries(v).map(([k, item]) => [
          k,
          k === 'raw' ? item : walk(item, path ? `${path}.${k}` : k, depth + 1),
        ]),
      );
    return v;
  };
  return walk(w, '', 0) as WalletView;
}
export const PROVIDER = ['LAGO', 'FLEXPRICE', 'POLAR'];

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
// Beyond these, printing a decimal makes a string of that many digits (1e400000000 exhausts the
// heap), and Intl formats anything above ~1e308 as "∞".
const MAX_EXPONENT = 300;
const MIN_EXPONENT = -100_000;

// ---------------------------------------------------------------------------------------------
// Exact decimal arithmetic on strings (BigInt), independent of decimal.js and its precision.

interface Exact {
  readonly digits: bigint; // unscaled, signed
  readonly scale: number; // value = digits / 10^scale
}

/** A plain or exponent decimal string -> exact value; undefined when the exponent is absurd. */
export function exact(text: string): Exact | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const exponent = Number(m[4] ?? 0);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 100_000) return undefined;
  const fraction = m[3] ?? '';
  const digits = BigInt(`${m[1] === '-' ? '-' : ''}${m[2] || '0'}${fraction}`);
  const scale = fraction.length - exponent;
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** Integer minor units of `value`, rounded half-even, as Money.minorUnits documents. */
export function exactMinor(value: Exact, exponent: number): string {
  const shift = exponent - value.scale;
  if (shift >= 0) return (value.digits * 10n ** BigInt(shift)).toString();
  const d = 10n ** BigInt(-shift);
  const negative = value.digits < 0n;
  const n = negative ? -value.digits : value.digits;
  let q = n / d;
  const twice = (n % d) * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  return (negative && q !== 0n ? -q : q).toString();
}

export function sameValue(a: Exact, b: Exact): boolean {
  const scale = Math.max(a.scale, b.scale);
  return a.digits * 10n ** BigInt(scale - a.scale) === b.digits * 10n ** BigInt(scale - b.scale);
}

export function significantDigits(text: string): number {
  const m = /^[+-]?(\d*)(?:\.(\d*))?/.exec(text.trim());
  const all = `${m?.[1] ?? ''}${m?.[2] ?? ''}`.replace(/^0+/, '');
  return all.replace(/0+$/, '').length;
}

// ---------------------------------------------------------------------------------------------
// Domain level

const isDate = (v: unknown): v is Date => v instanceof Date && Number.isFinite(v.getTime());
const int32 = (v: unknown): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX;

function checkString(p: Problems, path: string, v: unknown, nullable: boolean): void {
  if (typeof v === 'string') return;
  if (nullable && v === null) return;
  p.add('TYPE', path, `expected string${nullable ? ' or null' : ''}, got ${describe(v)}`);
}

function checkEnum(
  p: Problems,
  path: string,
  v: unknown,
  values: readonly string[],
  nullable = false,
): void {
  if (nullable && v === null) return;
  if (typeof v !== 'string' || !values.includes(v))
    p.add('ENUM', path, `${describe(v)} is not one of ${values.join('|')}`);
}

function checkDate(p: Problems, path: string, v: unknown): void {
  if (v === null) return;
  if (!isDate(v)) p.add('DATE', path, `expected a valid Date or null, got ${describe(v)}`);
}

/** A Decimal that reaches GraphQL: a finite decimal.js value printable as a plain decimal. */
export function checkDec(p: Problems, path: string, v: unknown, nullable: boolean): v is Dec {
  if (v === null && nullable) return false;
  if (!(v instanceof Dec) || !Dec.isDecimal(v)) {
    p.add(
      'TYPE',
      path,
      `expected a decimal.js Dec${nullable ? ' or null' : ''}, got ${describe(v)}`,
    );
    return false;
  }
  if (!v.isFinite()) {
    p.add('TYPE', path, `not finite: ${v.toString()}`);
    return false;
  }
  if (v.e > MAX_EXPONENT || (v.e < MIN_EXPONENT && !v.isZero())) {
    p.add(
      'EXPONENT',
      path,
      `exponent ${v.e}: printing it as a Decimal makes a ${Math.abs(v.e)}-digit string`,
    );
    return false;
  }
  const text = decimalString(v);
  if (!/^-?\d+(\.\d+)?$/.test(text))
    p.add('DECIMAL_FORMAT', path, `prints as ${JSON.stringify(text.slice(0, 60))}`);
  return true;
}

export function checkMoney(
  p: Problems,
  path: string,
  v: unknown,
  currency: string,
  nullable: boolean,
): void {
  if (v === null && nullable) return;
  if (!v || typeof v !== 'object') {
    p.add('TYPE', path, `expected Money${nullable ? ' or null' : ''}, got ${describe(v)}`);
    return;
  }
  const m = v as Money;
  if (m.currency !== currency)
    p.add(
      'CURRENCY',
      `${path}.currency`,
      `${describe(m.currency)} differs from the wallet's ${currency}`,
    );
  if (!checkDec(p, `${path}.amount`, m.amount, false)) return;
  const amountText = decimalString(m.amount);
  const minor = minorUnits(m);
  if (!/^-?\d+$/.test(minor))
    p.add('TYPE', `${path}.minorUnits`, `not an integer string: ${minor.slice(0, 60)}`);
  const expected = exactMinor(exact(amountText)!, currencyExponent(m.currency));
  if (minor !== expected) {
    const code =
      significantDigits(amountText) > 38 || significantDigits(expected) > 38
        ? 'PRECISION'
        : 'WRONG_NUMBER';
    p.add(
      code,
      `${path}.minorUnits`,
      `${minor} but ${amountText} ${m.currency} is ${expected} minor units`,
    );
  }
  let formatted: unknown;
  try {
    formatted = formatMoney(m);
  } catch (e) {
    p.add('THREW', `${path}.formatted`, (e as Error).message);
    return;
  }
  if (typeof formatted !== 'string' || !/\d/.test(formatted) || /∞|NaN/.test(formatted)) {
    p.add(
      'NONFINITE_FORMAT',
      `${path}.formatted`,
      `${describe(formatted)} for ${amountText.slice(0, 40)}${amountText.length > 40 ? '…' : ''}`,
    );
  }
}

function checkRule(p: Problems, path: string, r: unknown): void {
  if (!r || typeof r !== 'object') {
    p.add('TYPE', path, `expected a rule, got ${describe(r)}`);
    return;
  }
  const rule = r as WalletView['recurringTransactionRules'][number];
  checkString(p, `${path}.id`, rule.id, true);
  if (rule.id === '') p.add('EMPTY_ID', `${path}.id`, 'empty rule id');
  checkEnum(p, `${path}.trigger`, rule.trigger, RULE_TRIGGER);
  checkEnum(p, `${path}.interval`, rule.interval, RULE_INTERVAL, true);
  if (rule.trigger === 'THRESHOLD' && rule.interval !== null)
    p.add('WIRE', `${path}.interval`, 'an interval on a non-INTERVAL rule');
  checkEnum(p, `${path}.method`, rule.method, RULE_METHOD);
  checkEnum(p, `${path}.status`, rule.status, RULE_STATUS);
  for (const k of [
    'thresholdCredits',
    'paidCredits',
    'grantedCredits',
    'targetOngoingBalance',
  ] as const)
    checkDec(p, `${path}.${k}`, rule[k], true);
  if (rule.trigger === 'INTERVAL' && rule.thresholdCredits !== null)
    p.add('WIRE', `${path}.thresholdCredits`, 'a threshold on an INTERVAL rule');
  if (rule.method === 'FIXED' && rule.targetOngoingBalance !== null)
    p.add('WIRE', `${path}.targetOngoingBalance`, 'a target on a FIXED rule');
  if (rule.invoiced !== null && typeof rule.invoiced !== 'boolean')
    p.add('TYPE', `${path}.invoiced`, describe(rule.invoiced));
  for (const k of ['startedAt', 'expiresAt', 'createdAt'] as const)
    checkDate(p, `${path}.${k}`, rule[k]);
  if (rule.cooldown !== null) {
    if (!rule.cooldown || typeof rule.cooldown !== 'object')
      p.add('TYPE', `${path}.cooldown`, describe(rule.cooldown));
    else {
      if (!int32(rule.cooldown.value))
        p.add(
          'INT_RANGE',
          `${path}.cooldown.value`,
          `${describe(rule.cooldown.value)} is not a GraphQL Int`,
        );
      else if (rule.cooldown.value <= 0)
        p.add('WIRE', `${path}.cooldown.value`, `a cooldown of ${rule.cooldown.value}`);
      checkEnum(p, `${path}.cooldown.unit`, rule.cooldown.unit, COOLDOWN_UNIT);
    }
  }
}

function checkAlerts(p: Problems, path: string, a: unknown): void {
  if (a === null) return;
  if (!a || typeof a !== 'object') {
    p.add('TYPE', path, describe(a));
    return;
  }
  const s = a as Exclude<NonNullable<WalletView['alertSettings']>, AlertsOnRequest>;
  if (typeof s.enabled !== 'boolean') p.add('TYPE', `${path}.enabled`, describe(s.enabled));
  checkEnum(p, `${path}.state`, s.state, ALERT_STATE, true);
  if (!Array.isArray(s.thresholds)) {
    p.add('TYPE', `${path}.thresholds`, describe(s.thresholds));
    return;
  }
  s.thresholds.forEach((t, i) => {
    const tp = `${path}.thresholds[${i}]`;
    checkEnum(p, `${tp}.level`, t.level, ALERT_LEVEL, true);
    checkDec(p, `${tp}.value`, t.value, false);
    checkEnum(p, `${tp}.condition`, t.condition, ALERT_CONDITION);
    checkEnum(p, `${tp}.metric`, t.metric, ALERT_METRIC);
    if (typeof t.recurring !== 'boolean') p.add('TYPE', `${tp}.recurring`, describe(t.recurring));
    checkString(p, `${tp}.code`, t.code, true);
    checkString(p, `${tp}.alertCode`, t.alertCode, true);
  });
}

/** Every field of a domain Wallet, as the GraphQL schema will read it. */
export function checkWallet(
  p: Problems,
  w: WalletView,
  input: unknown,
  provider: ProviderName,
): void {
  if (w.provider !== provider)
    p.add('ENUM', 'provider', `${describe(w.provider)} from a ${provider} adapter`);
  checkString(p, 'providerWalletId', w.providerWalletId, false);
  if (w.providerWalletId === '')
    p.add('EMPTY_ID', 'providerWalletId', 'empty wallet id: its global id cannot be fetched back');
  if (!w.customer || typeof w.customer !== 'object')
    p.add('TYPE', 'customer', describe(w.customer));
  else {
    checkString(p, 'customer.externalId', w.customer.externalId, true);
    checkString(p, 'customer.providerCustomerId', w.customer.providerCustomerId, false);
    if (w.customer.providerCustomerId === '')
      p.add('EMPTY_ID', 'customer.providerCustomerId', 'empty customer id');
  }
  checkString(p, 'name', w.name, true);
  checkString(p, 'code', w.code, true);
  checkEnum(p, 'status', w.status, WALLET_STATUS);
  checkEnum(p, 'kind', w.kind, WALLET_KIND);
  const currencyOk =
    typeof w.currency === 'string' &&
    /^[A-Z]{3}$/.test(w.currency) &&
    normalizeCurrency(w.currency) === w.currency;
  if (!currencyOk)
    p.add('CURRENCY', 'currency', `${describe(w.currency)} is not an upper-case ISO 4217 code`);
  const wireCurrency = (input as { currency?: unknown } | null)?.currency;
  if (typeof wireCurrency === 'string' && !/^[A-Za-z]{3}$/.test(wireCurrency.trim())) {
    p.add(
      'CURRENCY',
      'currency',
      `the wire currency ${JSON.stringify(wireCurrency)} is not an ISO code, yet became ${describe(w.currency)}`,
    );
  }
  checkMoney(p, 'balance', w.balance, w.currency, false);
  checkMoney(p, 'ongoingBalance', w.ongoingBalance, w.currency, true);
  checkMoney(p, 'ongoingUsage', w.ongoingUsage, w.currency, true);
  if (w.ongoingBalanceIsCached !== null && typeof w.ongoingBalanceIsCached !== 'boolean')
    p.add('TYPE', 'ongoingBalanceIsCached', describe(w.ongoingBalanceIsCached));
  if (w.credits !== null) {
    if (!w.credits || typeof w.credits !== 'object') p.add('TYPE', 'credits', describe(w.credits));
    else {
      const c = w.credits;
      checkDec(p, 'credits.balance', c.balance, false);
      checkDec(p, 'credits.rate', c.rate, false);
      for (const k of ['ongoingBalance', 'ongoingUsage', 'consumed', 'topUpRate'] as const)
        checkDec(p, `credits.${k}`, c[k], true);
      if (c.breakdown !== null) {
        if (!c.breakdown || typeof c.breakdown !== 'object')
          p.add('TYPE', 'credits.breakdown', describe(c.breakdown));
        else {
          checkDec(p, 'credits.breakdown.free', c.breakdown.free, false);
          checkDec(p, 'credits.breakdown.purchased', c.breakdown.purchased, false);
        }
      }
    }
  }
  if (w.priority !== null && !int32(w.priority))
    p.add(
      typeof w.priority === 'number' && Number.isInteger(w.priority) ? 'INT_RANGE' : 'TYPE',
      'priority',
      `${describe(w.priority)} is not a GraphQL Int`,
    );
  for (const k of [
    'expiresAt',
    'terminatedAt',
    'lastTopUpAt',
    'lastConsumedAt',
    'createdAt',
    'updatedAt',
  ] as const)
    checkDate(p, k, w[k]);
  if (!Array.isArray(w.recurringTransactionRules))
    p.add('TYPE', 'recurringTransactionRules', describe(w.recurringTransactionRules));
  else
    w.recurringTransactionRules.forEach((r, i) =>
      checkRule(p, `recurringTransactionRules[${i}]`, r),
    );
  if (w.alertSettings === ALERTS_ON_REQUEST) {
    // Only Lago keeps alerts behind a separate call, addressed by the wallet code.
    if (provider !== 'LAGO' || !w.code)
      p.add('ALERTS', 'alertSettings', 'on request, but no alert call can answer it');
  } else checkAlerts(p, 'alertSettings', w.alertSettings);
  if (!Array.isArray(w.metadata)) p.add('TYPE', 'metadata', describe(w.metadata));
  else
    w.metadata.forEach((e, i) => {
      checkString(p, `metadata[${i}].key`, e?.key, false);
      checkString(p, `metadata[${i}].value`, e?.value, true);
    });
  if (w.raw !== input) p.add('RAW', 'raw', 'not the upstream object as received');
  else {
    try {
      JSON.stringify(jsonSafe(w.raw));
    } catch (e) {
      p.add('RAW', 'raw', `cannot be printed as the JSON scalar: ${(e as Error).message}`);
    }
  }
}

/** What translateItem answered for one payload. */
export function checkAdapterResult(
  p: Problems,
  result: unknown,
  input: unknown,
  provider: ProviderName,
): 'translated' | 'typed-error' | 'broken' {
  if (result instanceof GatewayError) {
    if (
      result.code !== 'UPSTREAM_BAD_RESPONSE' ||
      result.extensions.code !== 'UPSTREAM_BAD_RESPONSE' ||
      result.provider !== provider ||
      result.extensions.provider !== provider
    ) {
      p.add(
        'ERROR_SHAPE',
        '',
        `${result.code}/${String(result.extensions.code)} for ${String(result.provider)}`,
      );
    }
    return 'typed-error';
  }
  if (!result || typeof result !== 'object' || !('providerWalletId' in result)) {
    p.add('NOT_A_RESULT', '', describe(result));
    return 'broken';
  }
  checkWallet(p, viewOf(p, result as Wallet, provider), input, provider);
  return 'translated';
}

// ---------------------------------------------------------------------------------------------
// GraphQL level (JSON as a caller receives it)

const DECIMAL = /^-?\d+(\.\d+)?$/;
const MINOR = /^-?\d+$/;
const DATE_TIME = /^(\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type J = Record<string, unknown>;

function gqlDecimal(p: Problems, path: string, v: unknown, nullable: boolean): void {
  if (v === null && nullable) return;
  if (typeof v !== 'string' || !DECIMAL.test(v))
    p.add('DECIMAL_FORMAT', path, `Decimal ${describe(v)}`);
}

function gqlDate(p: Problems, path: string, v: unknown): void {
  if (v === null) return;
  if (typeof v !== 'string' || !DATE_TIME.test(v) || Number.isNaN(Date.parse(v)))
    p.add('DATE', path, `DateTime ${describe(v)}`);
}

function gqlMoney(
  p: Problems,
  path: string,
  v: unknown,
  currency: unknown,
  nullable: boolean,
): void {
  if (v === null && nullable) return;
  if (!v || typeof v !== 'object') {
    p.add('TYPE', path, `Money ${describe(v)}`);
    return;
  }
  const m = v as J;
  gqlDecimal(p, `${path}.amount`, m.amount, false);
  if (m.currency !== currency)
    p.add(
      'CURRENCY',
      `${path}.currency`,
      `${describe(m.currency)} vs wallet ${describe(currency)}`,
    );
  if (typeof m.minorUnits !== 'string' || !MINOR.test(m.minorUnits))
    p.add('TYPE', `${path}.minorUnits`, describe(m.minorUnits));
  else if (
    typeof m.amount === 'string' &&
    typeof m.currency === 'string' &&
    DECIMAL.test(m.amount)
  ) {
    const expected = exactMinor(exact(m.amount)!, currencyExponent(m.currency));
    if (expected !== m.minorUnits)
      p.add(
        significantDigits(m.amount) > 38 ? 'PRECISION' : 'WRONG_NUMBER',
        `${path}.minorUnits`,
        `${m.minorUnits} for ${m.amount}`,
      );
  }
  if (typeof m.formatted !== 'string' || !/\d/.test(m.formatted) || /∞|NaN/.test(m.formatted))
    p.add('NONFINITE_FORMAT', `${path}.formatted`, describe(m.formatted));
}

/** A Wallet object from a GraphQL response (the selection in graphql.test.ts). */
export function checkGraphqlWallet(p: Problems, w: J, expectedRaw: unknown): void {
  if (typeof w.id !== 'string' || w.id === '') p.add('TYPE', 'id', describe(w.id));
  checkEnum(p, 'provider', w.provider, PROVIDER);
  checkString(p, 'providerWalletId', w.providerWalletId, false);
  if (w.providerWalletId === '') p.add('EMPTY_ID', 'providerWalletId', 'empty wallet id');
  const customer = w.customer as J | null;
  if (!customer || typeof customer !== 'object') p.add('TYPE', 'customer', describe(customer));
  else {
    checkString(p, 'customer.externalId', customer.externalId, true);
    checkString(p, 'customer.providerCustomerId', customer.providerCustomerId, false);
  }
  checkString(p, 'name', w.name, true);
  checkString(p, 'code', w.code, true);
  checkEnum(p, 'status', w.status, WALLET_STATUS);
  checkEnum(p, 'kind', w.kind, WALLET_KIND);
  if (typeof w.currency !== 'string' || !/^[A-Z]{3}$/.test(w.currency))
    p.add('CURRENCY', 'currency', describe(w.currency));
  gqlMoney(p, 'balance', w.balance, w.currency, false);
  gqlMoney(p, 'ongoingBalance', w.ongoingBalance, w.currency, true);
  gqlMoney(p, 'ongoingUsage', w.ongoingUsage, w.currency, true);
  if (w.ongoingBalanceIsCached !== null && typeof w.ongoingBalanceIsCached !== 'boolean')
    p.add('TYPE', 'ongoingBalanceIsCached', describe(w.ongoingBalanceIsCached));
  if (w.credits !== null) {
    const c = w.credits as J;
    if (!c || typeof c !== 'object') p.add('TYPE', 'credits', describe(c));
    else {
      gqlDecimal(p, 'credits.balance', c.balance, false);
      gqlDecimal(p, 'credits.rate', c.rate, false);
      for (const k of ['ongoingBalance', 'ongoingUsage', 'consumed', 'topUpRate'])
        gqlDecimal(p, `credits.${k}`, c[k], true);
      if (c.breakdown !== null) {
        const b = c.breakdown as J;
        if (!b || typeof b !== 'object') p.add('TYPE', 'credits.breakdown', describe(b));
        else {
          gqlDecimal(p, 'credits.breakdown.free', b.free, false);
          gqlDecimal(p, 'credits.breakdown.purchased', b.purchased, false);
        }
      }
    }
  }
  if (w.priority !== null && !int32(w.priority))
    p.add('INT_RANGE', 'priority', describe(w.priority));
  for (const k of [
    'expiresAt',
    'terminatedAt',
    'lastTopUpAt',
    'lastConsumedAt',
    'createdAt',
    'updatedAt',
  ])
    gqlDate(p, k, w[k]);
  const rules = w.recurringTransactionRules;
  if (!Array.isArray(rules)) p.add('TYPE', 'recurringTransactionRules', describe(rules));
  else
    rules.forEach((r: J, i) => {
      const rp = `recurringTransactionRules[${i}]`;
      checkString(p, `${rp}.id`, r.id, true);
      checkEnum(p, `${rp}.trigger`, r.trigger, RULE_TRIGGER);
      checkEnum(p, `${rp}.interval`, r.interval, RULE_INTERVAL, true);
      checkEnum(p, `${rp}.method`, r.method, RULE_METHOD);
      checkEnum(p, `${rp}.status`, r.status, RULE_STATUS);
      for (const k of ['thresholdCredits', 'paidCredits', 'grantedCredits', 'targetOngoingBalance'])
        gqlDecimal(p, `${rp}.${k}`, r[k], true);
      if (r.invoiced !== null && typeof r.invoiced !== 'boolean')
        p.add('TYPE', `${rp}.invoiced`, describe(r.invoiced));
      for (const k of ['startedAt', 'expiresAt', 'createdAt']) gqlDate(p, `${rp}.${k}`, r[k]);
      if (r.cooldown !== null) {
        const cd = r.cooldown as J;
        if (!cd || typeof cd !== 'object' || !int32(cd.value))
          p.add('INT_RANGE', `${rp}.cooldown`, describe(cd));
        else checkEnum(p, `${rp}.cooldown.unit`, cd.unit, COOLDOWN_UNIT);
      }
    });
  const alerts = w.alertSettings as J | null;
  if (alerts !== null) {
    if (!alerts || typeof alerts !== 'object') p.add('TYPE', 'alertSettings', describe(alerts));
    else {
      if (typeof alerts.enabled !== 'boolean')
        p.add('TYPE', 'alertSettings.enabled', describe(alerts.enabled));
      checkEnum(p, 'alertSettings.state', alerts.state, ALERT_STATE, true);
      const thresholds = alerts.thresholds;
      if (!Array.isArray(thresholds))
        p.add('TYPE', 'alertSettings.thresholds', describe(thresholds));
      else
        thresholds.forEach((t: J, i) => {
          const tp = `alertSettings.thresholds[${i}]`;
          checkEnum(p, `${tp}.level`, t.level, ALERT_LEVEL, true);
          gqlDecimal(p, `${tp}.value`, t.value, false);
          checkEnum(p, `${tp}.condition`, t.condition, ALERT_CONDITION);
          checkEnum(p, `${tp}.metric`, t.metric, ALERT_METRIC);
          if (typeof t.recurring !== 'boolean')
            p.add('TYPE', `${tp}.recurring`, describe(t.recurring));
        });
      for (const level of ['critical', 'warning', 'info']) {
        const t = alerts[level] as J | null;
        if (t !== null && (!t || typeof t !== 'object' || t.level !== level.toUpperCase()))
          p.add('SHAPE', `alertSettings.${level}`, describe(t));
      }
    }
  }
  const metadata = w.metadata;
  if (!Array.isArray(metadata)) p.add('TYPE', 'metadata', describe(metadata));
  else
    metadata.forEach((e: J, i) => {
      checkString(p, `metadata[${i}].key`, e.key, false);
      checkString(p, `metadata[${i}].value`, e.value, true);
    });
  if (!deepEqualJson(w.raw, expectedRaw)) p.add('RAW', 'raw', 'differs from the upstream object');
}

const DOCUMENTED = new Set(Object.keys(ERROR_CODES));

/** Every error a caller sees carries a documented code and is never a masked one. */
export function checkGraphqlErrors(
  p: Problems,
  errors:
    | readonly { message?: unknown; extensions?: Record<string, unknown>; path?: unknown }[]
    | undefined,
): string[] {
  const codes: string[] = [];
  for (const e of errors ?? []) {
    const code = e.extensions?.code;
    const where = Array.isArray(e.path) ? e.path.join('.') : '';
    if (e.message === 'Unexpected error.' || code === 'INTERNAL_SERVER_ERROR')
      p.add('MASKED', where, `${String(e.message)} (${String(code)})`);
    else if (typeof code !== 'string' || !DOCUMENTED.has(code))
      p.add('UNTYPED_ERROR', where, `${String(e.message).slice(0, 200)} (code ${describe(code)})`);
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

// ---------------------------------------------------------------------------------------------

export function deepEqualJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b as object, k) && deepEqualJson((a as J)[k], (b as J)[k]));
}

export function describe(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Dec)
    return `Dec(${v.e > MAX_EXPONENT || v.e < MIN_EXPONENT ? `e${v.e}` : v.toString()})`;
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'Invalid' : v.toISOString()})`;
  try {
    const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
    return text === undefined ? String(v) : text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return Object.prototype.toString.call(v);
  }
}
