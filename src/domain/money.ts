import { Decimal } from 'decimal.js';
import { currencyExponent } from './currency.js';

// Money never goes through Number. Wire decimals are capped at MAX_DECIMAL_DIGITS, so sums and
// products of them stay exact within this precision.
export const Dec = Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -200,
  toExpPos: 200,
});
export type Dec = InstanceType<typeof Dec>;

// decimal.js drops trailing zeros; the scale a value arrived with ("28.0", "10.00") is part of
// what the provider said, so it is kept on the value (an own property under a private symbol,
// cheaper than a side table on the hot path) and used when the value is printed.
const SCALE = Symbol('scale');
type Scaled = Dec & { [SCALE]?: number };

const scaleOf = (d: Dec): number => (d as Scaled)[SCALE] ?? 0;

/** The scale a value carries (undefined when none was recorded), for codecs that store it. */
export function recordedScale(d: Dec): number | undefined {
  return (d as Scaled)[SCALE];
}

/** A decimal from its exact digits and the scale it carried (recordedScale): the inverse of both. */
export function decimalWithScale(digits: string, scale: number | undefined): Dec {
  const d = new Dec(digits);
  if (scale !== undefined) (d as Scaled)[SCALE] = scale;
  return d;
}

function withScale(d: Dec, scale: number): Dec {
  const known = (d as Scaled)[SCALE];
  if (known === undefined || scale > known) (d as Scaled)[SCALE] = scale;
  return d;
}

/** More digits than any provider stores (Lago decimal(30,5), Flexprice numeric(20,9), bigint cents). */
export const MAX_DECIMAL_DIGITS = 60;

const PLAIN_DECIMAL = /^[+-]?(\d*)(?:\.(\d*))?$/;

/**
 * Parses a plain decimal string ("10", "-1.25", "28.0"), remembering its scale. Exponent notation
 * is refused (no provider sends it, and "1e400000000" would print 400 million digits), and so is
 * anything longer than MAX_DECIMAL_DIGITS.
 */
export function parseDecimal(text: string): Dec {
  const trimmed = text.trim();
  const m = PLAIN_DECIMAL.exec(trimmed);
  const whole = m?.[1] ?? '';
  const fraction = m?.[2];
  // At least one digit, on either side of the point.
  if (!m || (whole.length === 0 && !fraction))
    throw new Error(`not a plain decimal: ${JSON.stringify(text.slice(0, 40))}`);
  if (whole.length + (fraction?.length ?? 0) > MAX_DECIMAL_DIGITS)
    throw new Error(`more than ${MAX_DECIMAL_DIGITS} digits`);
  const d = new Dec(trimmed);
  return fraction ? withScale(d, fraction.length) : d;
}

/** The decimal string that travels on the wire: exact, at least at the scale it arrived with. */
export function decimalString(d: Dec): string {
  return d.toFixed(Math.max(d.decimalPlaces(), scaleOf(d)));
}

export interface Money {
  /** Major units, exact. */
  readonly amount: Dec;
  /** Upper-case ISO 4217 code. */
  readonly currency: string;
}

/** Money in major units; printed with at least the currency's minor-unit digits. */
export function money(amount: Dec | string, currency: string): Money {
  const d =
    typeof amount === 'string' ? parseDecimal(amount) : withScale(new Dec(amount), scaleOf(amount));
  return { amount: withScale(d, currencyExponent(currency)), currency };
}

/** From integer minor units (cents for USD, yen for JPY, fils for KWD). */
export function moneyFromMinor(minor: bigint | number | string, currency: string): Money {
  const digits = minor.toString();
  if (!/^-?\d+$/.test(digits) || digits.length > MAX_DECIMAL_DIGITS)
    throw new Error('minor units must be an integer of at most 60 digits');
  const exponent = currencyExponent(currency);
  // Shifting the decimal point in the constructor is exact; a division would round.
  return { amount: withScale(new Dec(`${digits}e-${exponent}`), exponent), currency };
}

/** Minor units as an integer string; amounts finer than the currency's exponent round half-even. */
export function minorUnits(m: Money): string {
  return new Dec(`${m.amount.toFixed()}e${currencyExponent(m.currency)}`)
    .toDecimalPlaces(0, Dec.ROUND_HALF_EVEN)
    .toFixed(0);
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(m: Money): string {
  let f = formatters.get(m.currency);
  if (!f) {
    const digits = currencyExponent(m.currency);
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: m.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: Math.max(digits, 20),
    });
    formatters.set(m.currency, f);
  }
  // A decimal string keeps full precision through Intl (a Number would not).
  return f.format(m.amount.toFixed() as unknown as number);
}

export function sumByCurrency(items: readonly Money[]): Money[] {
  const totals = new Map<string, Dec>();
  for (const m of items)
    totals.set(m.currency, (totals.get(m.currency) ?? new Dec(0)).add(m.amount));
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => money(amount, currency));
}
