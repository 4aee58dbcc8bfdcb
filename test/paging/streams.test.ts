import { describe, expect, it } from 'vitest';
import { CursorError, compareAcross } from '../../src/paging/keyset.js';
import {
  decodeStreamCursor,
  encodeStreamCursor,
  mergeStreams,
  type StreamPart,
  type StreamState,
} from '../../src/paging/streams.js';

/**
 * The merge of provider streams behind Customer.transactions, on streams that page like the
 * providers do (an offset, a page size): every item once, newest first across streams, a failure
 * that keeps its stream's place.
 */
interface Item {
  readonly provider: string;
  readonly id: string;
  readonly at: number;
}

/** A provider's stream: its items newest first, read `first` at a time from an offset. */
function stream(provider: string, key: string, items: Item[]) {
  const sorted = [...items].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  return {
    id: `${provider}/${key}`,
    provider,
    page(state: StreamState | undefined, first: number): StreamPart<Item> {
      const o = Number((state?.position as { o?: number } | null)?.o ?? 0);
      const page = sorted.slice(o, o + first);
      return {
        id: `${provider}/${key}`,
        provider,
        entries: page.map((item, i) => ({
          item,
          key: { at: item.at, id: item.id },
          position: { o: o + i + 1 },
        })),
        more: o + first < sorted.length,
      };
    },
  };
}

const items = (provider: string, ats: number[]) =>
  ats.map((at, i) => ({ provider, id: `${provider.toLowerCase()}-${i}`, at }));

function walk(
  streams: ReturnType<typeof stream>[],
  first: number,
  failing: Record<number, string[]> = {},
) {
  const seen: Item[][] = [];
  const incomplete: string[] = [];
  let after: Record<string, StreamState> = {};
  for (let page = 1; page < 100; page++) {
    const parts = streams.map((s) =>
      after[s.id]?.ended
        ? { id: s.id, provider: s.provider, entries: [], more: false }
        : failing[page]?.includes(s.provider)
          ? { id: s.id, provider: s.provider, failed: true as const }
          : s.page(after[s.id], first),
    );
    for (const p of parts) if ('failed' in p) incomplete.push(`${page}:${p.provider}`);
    const merged = mergeStreams(parts, { fingerprint: 'walk', first, before: after });
    seen.push(merged.edges.map((e) => e.item));
    if (!merged.hasNextPage) break;
    const cursor =
      merged.edges.at(-1)?.cursor ??
      encodeStreamCursor({ fingerprint: 'walk', streams: merged.streams });
    after = { ...decodeStreamCursor(cursor).streams };
  }
  return { pages: seen, all: seen.flat(), incomplete };
}

const newestFirst = (list: Item[]) =>
  [...list].sort((a, b) =>
    compareAcross(
      { provider: a.provider, key: { at: a.at, id: a.id } },
      { provider: b.provider, key: { at: b.at, id: b.id } },
    ),
  );

describe('merged transaction streams', () => {
  const lagoA = items('LAGO', [90, 70, 50, 10]);
  const lagoB = items('LAGO', [85, 84, 30]).map((i) => ({ ...i, id: `lb-${i.id}` }));
  const flex = items('FLEXPRICE', [95, 70, 60, 40, 20, 5]);
  const streams = () => [
    stream('LAGO', 'wallet:a', lagoA),
    stream('LAGO', 'wallet:b', lagoB),
    stream('FLEXPRICE', 'customer:c', flex),
  ];

  it('walks every item once, newest first across streams, full pages', () => {
    const { pages, all } = walk(streams(), 3);
    expect(all).toEqual(newestFirst([...lagoA, ...lagoB, ...flex]));
    expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
  });

  it('a stream failing once keeps its place: every item once, each page newest first', () => {
    const { pages, all, incomplete } = walk(streams(), 3, { 2: ['FLEXPRICE'] });
    expect(incomplete).toEqual(['2:FLEXPRICE']);
    expect(all).toHaveLength(13);
    expect(new Set(all.map((i) => i.id)).size).toBe(13);
    for (const page of pages) expect(page).toEqual(newestFirst(page));
    // Within each stream, the provider's own order holds.
    for (const own of [lagoA, lagoB, flex])
      expect(all.filter((i) => own.includes(i))).toEqual(newestFirst(own));
  });

  it('cursors are opaque, versioned and refuse what is not theirs', () => {
    const cursor = encodeStreamCursor({
      fingerprint: 'abc',
      streams: {
        'LAGO/wallet:a': { position: { o: 2 } },
        'LAGO/wallet:b': { position: null, ended: true },
      },
    });
    expect(decodeStreamCursor(cursor)).toEqual({
      fingerprint: 'abc',
      streams: {
        'LAGO/wallet:a': { position: { o: 2 } },
        'LAGO/wallet:b': { position: null, ended: true },
      },
    });
    for (const bad of [
      'garbage',
      'v1.e30',
      `t1.${Buffer.from('[1]').toString('base64url')}`,
      `t1.${'A'.repeat(5000)}`,
    ])
      expect(() => decodeStreamCursor(bad)).toThrow(CursorError);
  });
});
