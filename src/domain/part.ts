/**
 * A part of a wallet that could not be read. The wallet itself exists (its identity, customer,
 * currency and balance were read); this part is answered as null, or left out of its list, with
 * an error at its own place in the response. Adapters produce these; the schema turns them into
 * errors; nothing in between has to guess what a missing value meant.
 */
import type { ProviderName } from './wallet.js';

export class Unreadable {
  constructor(
    readonly provider: ProviderName,
    /** The wire field, as the provider names it (`recurring_transaction_rules[0].paid_credits`). */
    readonly part: string,
    /** What was wrong with it, for logs (never shown to callers: it may quote upstream text). */
    readonly reason: string,
  ) {}
}

/** A value read on its own: the value, or why it could not be read. */
export type Readable<T> = T | Unreadable;

export function isUnreadable(value: unknown): value is Unreadable {
  return value instanceof Unreadable;
}

/** The readable items of a list read item by item. */
export function readableItems<T>(items: readonly Readable<T>[]): T[] {
  return items.filter((i): i is T => !(i instanceof Unreadable));
}

/** The value, or null when it could not be read (for code that only needs a best effort). */
export function orNull<T>(value: Readable<T | null>): T | null {
  return value instanceof Unreadable ? null : value;
}

/** Every Unreadable inside a translated object (plain objects and lists; `raw` is not looked into). */
export function unreadableParts(value: unknown): Unreadable[] {
  const found: Unreadable[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (v instanceof Unreadable) found.push(v);
    else if (Array.isArray(v)) for (const item of v) walk(item, depth + 1);
    else if (
      v &&
      typeof v === 'object' &&
      Object.getPrototypeOf(v) === Object.prototype &&
      depth < 8
    )
      for (const [key, item] of Object.entries(v)) if (key !== 'raw') walk(item, depth + 1);
  };
  walk(value, 0);
  return found;
}
