import type { ProviderName } from '../domain/wallet.js';
import { isProviderName, PROVIDERS } from '../providers/registered.js';

const rank = (provider: ProviderName) => PROVIDERS.findIndex((p) => p.name === provider);

/**
 * Keyset cursors over lists that merge several providers' items. A cursor holds, for each
 * provider, the key of the last item of that provider already returned: a position in that
 * provider's own ordering, not an offset into the merged list. So a provider that fails on one
 * page keeps its position (its items come on a later page), and an item added or removed between
 * pages never shifts another provider's place. The cursor does not depend on filters: a filter
 * only leaves items out of the same orderings.
 */

/** Where an item sits in its provider's ordering: newest first, undated last, then by id. */
export interface ItemKey {
  /** Creation time in epoch milliseconds; null where the provider does not say. */
  readonly at: number | null;
  /** The provider's own id, unique within that provider. */
  readonly id: string;
}

export type Positions = Readonly<Partial<Record<ProviderName, ItemKey>>>;

/** The largest `first` a connection serves; a larger one is refused with BAD_USER_INPUT. */
export const MAX_PAGE_SIZE = 100;
/** The page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

const VERSION = 'v1';
// Provider ids are short; anything longer than this is not a cursor of ours.
const MAX_CURSOR_LENGTH = 2048;

const newestFirst = (a: ItemKey, b: ItemKey): number =>
  a.at === b.at ? 0 : a.at === null ? 1 : b.at === null ? -1 : b.at - a.at;
const byId = (a: ItemKey, b: ItemKey): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A provider's own order: newest first, undated last, then id ascending. */
export function compareKeys(a: ItemKey, b: ItemKey): number {
  return newestFirst(a, b) || byId(a, b);
}

/**
 * The merged order: newest first, then provider, then id. Restricted to one provider it is that
 * provider's own order, which is what lets each provider keep its own position.
 */
export function compareAcross(
  a: { provider: ProviderName; key: ItemKey },
  b: { provider: ProviderName; key: ItemKey },
): number {
  return newestFirst(a.key, b.key) || rank(a.provider) - rank(b.provider) || byId(a.key, b.key);
}

/** True when `key` comes after `position` in its provider's ordering (or nothing was read yet). */
export function isAfter(key: ItemKey, position: ItemKey | undefined): boolean {
  return position === undefined || compareKeys(key, position) > 0;
}

export function encodeCursor(positions: Positions): string {
  const p: Record<string, [number | null, string]> = {};
  for (const { name: provider } of PROVIDERS) {
    const key = positions[provider];
    if (key) p[provider] = [key.at, key.id];
  }
  return `${VERSION}.${Buffer.from(JSON.stringify({ p })).toString('base64url')}`;
}

export class CursorError extends Error {
  override name = 'CursorError';
}

/** Reads a cursor written by encodeCursor; anything else throws a CursorError saying why. */
export function decodeCursor(cursor: string): Positions {
  if (cursor.length > MAX_CURSOR_LENGTH) throw new CursorError('it is too long');
  const dot = cursor.indexOf('.');
  if (dot < 0 || !/^[A-Za-z0-9_-]*$/.test(cursor.slice(dot + 1)))
    throw new CursorError('it is not a cursor this gateway wrote');
  if (cursor.slice(0, dot) !== VERSION)
    throw new CursorError(`it has version "${cursor.slice(0, dot).slice(0, 8)}", not ${VERSION}`);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor.slice(dot + 1), 'base64url').toString('utf8'));
  } catch {
    throw new CursorError('it is not a cursor this gateway wrote');
  }
  const p = (body as { p?: unknown } | null)?.p;
  if (!p || typeof p !== 'object' || Array.isArray(p))
    throw new CursorError('it is not a cursor this gateway wrote');
  const positions: Partial<Record<ProviderName, ItemKey>> = {};
  for (const [provider, value] of Object.entries(p)) {
    if (!isProviderName(provider)) throw new CursorError(`it names an unknown provider`);
    if (
      !Array.isArray(value) ||
      value.length !== 2 ||
      !(value[0] === null || Number.isSafeInteger(value[0])) ||
      typeof value[1] !== 'string' ||
      value[1].length === 0
    )
      throw new CursorError('it is not a cursor this gateway wrote');
    positions[provider as ProviderName] = { at: value[0], id: value[1] };
  }
  return positions;
}
