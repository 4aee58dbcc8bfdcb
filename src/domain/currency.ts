/**
 * ISO 4217 minor-unit exponents. Every active code not listed here has exponent 2.
 * Kept as data (not Intl's CLDR digits) because CLDR rounds some currencies for display
 * (e.g. IDR, HUF) while billing systems use the ISO exponent.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const KNOWN = new Set(Intl.supportedValuesOf('currency'));

/** Upper-cases a wire currency code; undefined when it is not an ISO 4217 code. */
export function normalizeCurrency(code: string): string | undefined {
  const trimmed = code.trim();
  // ASCII first: upper-casing "uſd" would make it "USD".
  if (!/^[A-Za-z]{3}$/.test(trimmed)) return undefined;
  const upper = trimmed.toUpperCase();
  return KNOWN.has(upper) ? upper : undefined;
}

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}
