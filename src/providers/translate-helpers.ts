import type { z } from 'zod';
import { normalizeCurrency } from '../domain/currency.js';
import { type Readable, Unreadable } from '../domain/part.js';
import type { MetadataEntry, ProviderName } from '../domain/wallet.js';
import { field } from './read.js';

/** Small pure helpers the translators share. */

/** Throws (turned into UPSTREAM_BAD_RESPONSE by the caller) when the code is not ISO 4217. */
export function currency(code: string): string {
  const normalized = normalizeCurrency(code);
  if (!normalized) throw new Error(`unknown currency ${JSON.stringify(code)}`);
  return normalized;
}

/**
 * A wire metadata map, entry by entry, in wire order: an entry whose value cannot be read is one
 * Unreadable in its place; a value that is not a map is one Unreadable for the whole map.
 */
export function metadataList(
  provider: ProviderName,
  part: string,
  map: z.ZodType<readonly (readonly [string, unknown])[] | null | undefined>,
  value: z.ZodType<string | null>,
  raw: unknown,
): Readable<MetadataEntry>[] {
  const entries = map.safeParse(field(raw, part));
  if (!entries.success) return [new Unreadable(provider, part, 'not a key/value map')];
  return (entries.data ?? []).map(([key, v]) => {
    const parsed = value.safeParse(v);
    return parsed.success
      ? { key, value: parsed.data }
      : new Unreadable(provider, `${part}.${key}`, 'the value is not a string');
  });
}
