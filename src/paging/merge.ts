import type { ProviderName } from '../domain/wallet.js';
import type { GatewayError } from '../errors.js';
import { compareAcross, encodeCursor, type ItemKey, type Positions } from './keyset.js';

/**
 * One provider's contribution to a page: its items after its position, in its own ordering
 * (compareKeys), with `more` when it holds further items it did not send (a provider paged
 * upstream); or the error that kept it from answering.
 */
export type ProviderPart<T> =
  | { readonly provider: ProviderName; readonly items: readonly T[]; readonly more: boolean }
  | { readonly provider: ProviderName; readonly error: GatewayError };

export interface Edge<T> {
  readonly node: T;
  readonly cursor: string;
}

export interface Page<T> {
  readonly edges: readonly Edge<T>[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  /** Providers whose part of this page is missing: their positions did not move. */
  readonly incomplete: readonly { readonly provider: ProviderName; readonly error: GatewayError }[];
}

/**
 * Merges the providers' parts into one page of at most `first` items, newest first across
 * providers. Each edge's cursor holds every provider's position as of that edge, so `after` any
 * edge resumes exactly behind it. A failed provider keeps the position it had in `after`.
 *
 * `hasNextPage` is true while an answering provider has more, and after a page with items while
 * a provider is missing (the next page retries it); a page where only missing providers are left
 * says false, and its errors say whose part is incomplete (the cursor can be retried later).
 */
export function mergePage<T>(
  parts: readonly ProviderPart<T>[],
  options: { readonly after: Positions | null; readonly first: number; keyOf(item: T): ItemKey },
): Page<T> {
  const positions: Partial<Record<ProviderName, ItemKey>> = { ...options.after };
  const incomplete = parts.flatMap((p) => ('error' in p ? [p] : []));
  const live = parts.flatMap((p) =>
    'error' in p ? [] : [{ provider: p.provider, items: p.items, more: p.more, next: 0 }],
  );
  const edges: Edge<T>[] = [];
  while (edges.length < options.first) {
    let best: (typeof live)[number] | undefined;
    let bestKey: ItemKey | undefined;
    let blocked = false;
    for (const part of live) {
      const item = part.items[part.next];
      if (item === undefined) {
        // Its next item is unknown and may come before every other head: stop here.
        if (part.more) blocked = true;
        continue;
      }
      const key = options.keyOf(item);
      if (
        !best ||
        compareAcross(
          { provider: part.provider, key },
          { provider: best.provider, key: bestKey! },
        ) < 0
      ) {
        best = part;
        bestKey = key;
      }
    }
    if (blocked || !best) break;
    const node = best.items[best.next++]!;
    positions[best.provider] = bestKey!;
    edges.push({ node, cursor: encodeCursor(positions) });
  }
  const remaining = live.some((p) => p.next < p.items.length || p.more);
  return {
    edges,
    pageInfo: {
      hasNextPage: remaining || (incomplete.length > 0 && edges.length > 0),
      hasPreviousPage: options.after !== null && Object.keys(options.after).length > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    incomplete,
  };
}
