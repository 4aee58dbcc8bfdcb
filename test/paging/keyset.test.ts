import { describe, expect, it } from 'vitest';
import type { ProviderName } from '../../src/domain/wallet.js';
import { GatewayError } from '../../src/errors.js';
import {
  CursorError,
  decodeCursor,
  encodeCursor,
  type ItemKey,
  isAfter,
  type Positions,
} from '../../src/paging/keyset.js';
import { mergePage, type ProviderPart } from '../../src/paging/merge.js';

/** Keyset cursors and the cross-provider merge, on plain items. */
interface Item {
  readonly provider: ProviderName;
  readonly key: ItemKey;
}
const item = (provider: ProviderName, at: number | null, id: string): Item => ({
  provider,
  key: { at, id },
});
const keyOf = (i: Item) => i.key;
const name = (i: Item) => `${i.provider}:${i.key.id}`;

/** Each provider's store, newest first; a page asks each one for what follows its position. */
function parts(
  stores: Partial<Record<ProviderName, Item[]>>,
  after: Positions | null,
  failing: ProviderName[] = [],
): ProviderPart<Item>[] {
  return Object.entries(stores).map(([provider, items]) => {
    const p = provider as ProviderName;
    if (failing.includes(p))
      return {
        provider: p,
        error: new GatewayError('UPSTREAM_UNAVAILABLE', 'down', { provider: p }),
      };
    return { provider: p, items: items!.filter((i) => isAfter(i.key, after?.[p])), more: false };
  });
}

function walk(
  stores: Partial<Record<ProviderName, Item[]>>,
  first: number,
  failingOnPage: Record<number, ProviderName[]> = {},
  beforePage: Record<number, () => void> = {},
) {
  const seen: string[] = [];
  const incomplete: string[] = [];
  let after: Positions | null = null;
  for (let page = 1; page < 100; page++) {
    beforePage[page]?.();
    const result = mergePage(parts(stores, after, failingOnPage[page]), { after, first, keyOf });
    seen.push(...result.edges.map((e) => name(e.node)));
    incomplete.push(...result.incomplete.map((i) => `${page}:${i.provider}`));
    if (!result.pageInfo.hasNextPage) break;
    after = decodeCursor(result.pageInfo.endCursor!);
  }
  return { seen, incomplete };
}

const stores = () => ({
  LAGO: [
    item('LAGO', 900, 'l1'),
    item('LAGO', 500, 'l2'),
    item('LAGO', 100, 'l3'),
    item('LAGO', null, 'l4'),
  ],
  FLEXPRICE: [
    item('FLEXPRICE', 800, 'f1'),
    item('FLEXPRICE', 500, 'f2'),
    item('FLEXPRICE', 200, 'f3'),
  ],
  POLAR: [item('POLAR', 700, 'p1'), item('POLAR', 500, 'p2'), item('POLAR', 500, 'p3')],
});

describe('keyset cursors', () => {
  it('round-trip every provider position, and are versioned and opaque', () => {
    const positions = { LAGO: { at: 1, id: 'a:b' }, POLAR: { at: null, id: 'x' } };
    const cursor = encodeCursor(positions);
    expect(cursor).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(positions);
  });

  it('refuse anything they did not write, saying why', () => {
    for (const bad of ['garbage', 'v2.e30', 'v1.!!!', 'v1.bm90IGpzb24', `v1.${'A'.repeat(3000)}`])
      expect(() => decodeCursor(bad), bad).toThrow(CursorError);
    const wrongProvider = `v1.${Buffer.from(JSON.stringify({ p: { STRIPE: [1, 'x'] } })).toString('base64url')}`;
    expect(() => decodeCursor(wrongProvider)).toThrow(/unknown provider/);
    const floatTime = `v1.${Buffer.from(JSON.stringify({ p: { LAGO: [1.5, 'x'] } })).toString('base64url')}`;
    expect(() => decodeCursor(floatTime)).toThrow(CursorError);
  });
});

describe('mergePage', () => {
  it('walks newest first across providers, ties by provider then id, undated last', () => {
    expect(walk(stores(), 4).seen).toEqual([
      'LAGO:l1',
      'FLEXPRICE:f1',
      'POLAR:p1',
      'LAGO:l2',
      'FLEXPRICE:f2',
      'POLAR:p2',
      'POLAR:p3',
      'FLEXPRICE:f3',
      'LAGO:l3',
      'LAGO:l4',
    ]);
  });

  it('a provider failing once keeps its place: every item exactly once, and the page names it', () => {
    const all = walk(stores(), 3).seen;
    const { seen, incomplete } = walk(stores(), 3, { 2: ['LAGO'] });
    expect(incomplete).toEqual(['2:LAGO']);
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen)).toEqual(new Set(all));
  });

  it('a provider failing on the last page: the walk ends, its errors say whose part is missing', () => {
    const { seen, incomplete } = walk(stores(), 3, { 4: ['LAGO'] });
    expect(incomplete).toEqual(['4:LAGO']);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('items added between pages never shift the walk: newer ones are behind it, older ones come', () => {
    const s = stores();
    const { seen } = walk(
      s,
      3,
      {},
      {
        2: () => {
          s.LAGO.unshift(item('LAGO', 1000, 'l0'));
          s.POLAR.push(item('POLAR', 50, 'p9'));
          s.FLEXPRICE.splice(0, 1);
        },
      },
    );
    expect(seen.filter((n) => n === 'LAGO:l0')).toEqual([]);
    expect(seen).toContain('POLAR:p9');
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(11);
  });

  it('stops at the edge of what a paged provider sent, so nothing it holds is skipped', () => {
    const page = mergePage(
      [
        { provider: 'LAGO', items: [item('LAGO', 900, 'l1')], more: true },
        {
          provider: 'POLAR',
          items: [item('POLAR', 800, 'p1'), item('POLAR', 100, 'p2')],
          more: false,
        },
      ],
      { after: null, first: 3, keyOf },
    );
    // Lago's next item is unknown and may be newer than Polar's p1: the page ends after l1.
    expect(page.edges.map((e) => name(e.node))).toEqual(['LAGO:l1']);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('gives each edge the positions as of that edge, so after any edge resumes behind it', () => {
    const page = mergePage(parts(stores(), null), { after: null, first: 5, keyOf });
    const third = decodeCursor(page.edges[2]!.cursor);
    expect(third).toEqual({
      LAGO: { at: 900, id: 'l1' },
      FLEXPRICE: { at: 800, id: 'f1' },
      POLAR: { at: 700, id: 'p1' },
    });
    const next = mergePage(parts(stores(), third), { after: third, first: 1, keyOf });
    expect(next.edges.map((e) => name(e.node))).toEqual(['LAGO:l2']);
    expect(next.pageInfo.hasPreviousPage).toBe(true);
  });
});
