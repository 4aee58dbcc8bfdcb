import { normalizeCurrency } from '../domain/currency.js';
import { type Dec, parseDecimal } from '../domain/money.js';
import type { MetadataEntry } from '../domain/wallet.js';

/** Small pure helpers the translators share. */

export function dec(text: string): Dec;
export function dec(text: string | null | undefined): Dec | null;
export function dec(text: string | null | undefined): Dec | null {
  return text === null || text === undefined ? null : parseDecimal(text);
}

export function date(text: string): Date;
export function date(text: string | null | undefined): Date | null;
export function date(text: string | null | undefined): Date | null {
  return text === null || text === undefined ? null : new Date(text);
}

/** Throws (turned into UPSTREAM_BAD_RESPONSE by the caller) when the code is not ISO 4217. */
export function currency(code: string): string {
  const normalized = normalizeCurrency(code);
  if (!normalized) throw new Error(`unknown currency ${JSON.stringify(code)}`);
  return normalized;
}

export function metadataEntries(
  entries: readonly (readonly [string, string | null])[] | null | undefined,
): MetadataEntry[] {
  return (entries ?? []).map(([key, value]) => ({ key, value }));
}
