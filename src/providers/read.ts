import type { z } from 'zod';
import { type Readable, Unreadable } from '../domain/part.js';
import type { ProviderName } from '../domain/wallet.js';

/**
 * The tolerant reader's tools: each part of a wire object is validated and translated on its
 * own, so a field that cannot be read costs that field and nothing else. Pure: no logging, no
 * GraphQL. Only fields that are mapped are ever read (and so validated).
 */

export type WireObject = Readonly<Record<string, unknown>>;

/** An own property of a wire object (a JSON key named `__proto__` or `constructor` included). */
export function field(raw: unknown, key: string): unknown {
  return raw !== null && typeof raw === 'object' && Object.hasOwn(raw, key)
    ? (raw as WireObject)[key]
    : undefined;
}

function reasonOf(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error) {
    const issue = (error as z.ZodError).issues[0];
    if (issue) return `${issue.path.join('.') || 'value'}: ${issue.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The part readers of one provider: every Unreadable they make names the provider and the wire field. */
export function readerFor(provider: ProviderName) {
  /**
   * One part: `value` validated by `schema`, then mapped. A wire value that fails either becomes
   * Unreadable, named by its wire field.
   */
  function readPart<S extends z.ZodType, T>(
    part: string,
    schema: S,
    value: unknown,
    map: (parsed: z.output<S>) => T,
  ): Readable<T> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return new Unreadable(provider, part, reasonOf(parsed.error));
    try {
      return map(parsed.data);
    } catch (e) {
      return new Unreadable(provider, part, reasonOf(e));
    }
  }

  /** A part that is its value once validated (a string, a date, a boolean). */
  function readValue<S extends z.ZodType>(
    part: string,
    schema: S,
    value: unknown,
  ): Readable<z.output<S>> {
    return readPart(part, schema, value, (v) => v);
  }

  /**
   * A wire list read item by item: an item that cannot be read is one Unreadable in its place,
   * its siblings are unaffected. An absent list (missing or null) is empty; a value that is not a
   * list is a single Unreadable. `readItem` may answer several domain items for one wire item.
   */
  function readList<T>(
    part: string,
    value: unknown,
    readItem: (item: unknown, itemPart: string) => Readable<T> | readonly Readable<T>[],
  ): Readable<T>[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return [new Unreadable(provider, part, 'not a list')];
    return value.flatMap((item, i) => {
      const read = readItem(item, `${part}[${i}]`);
      return Array.isArray(read) ? read : [read as Readable<T>];
    });
  }

  /** A part that cannot be read for a reason the translator found itself. */
  const unreadable = (part: string, reason: string) => new Unreadable(provider, part, reason);

  return { readPart, readValue, readList, unreadable };
}

/**
 * An enum: a known wire value maps to its member, an absent one to `absent` (a documented
 * default), anything else to the UNKNOWN fallback. Never Unreadable: a value a provider adds
 * later must not cost anything (it stays visible in `raw`).
 */
export function readEnum<W extends string, D extends string>(
  value: unknown,
  members: Readonly<Record<W, D>>,
  absent: D | 'UNKNOWN' = 'UNKNOWN',
): D | 'UNKNOWN' {
  if (value === undefined || value === null) return absent;
  return typeof value === 'string' && Object.hasOwn(members, value)
    ? members[value as W]
    : 'UNKNOWN';
}
