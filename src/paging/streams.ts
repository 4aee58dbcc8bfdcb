import { createHash } from 'node:crypto';
import type { ProviderName } from '../domain/wallet.js';
import type { StreamPosition } from '../providers/provider.js';
import { CursorError, compareAcross, type ItemKey } from './keyset.js';

/**
 * Cursors over lists read page by page from the providers' own pagination: one stream (a wallet's
 * history) or several merged newest first (a customer's history across wallets and providers). A
 * cursor holds each stream's own position (written by its adapter: an upstream offset or page, the
 * last item's key) under `<PROVIDER>/<stream key>`, plus a fingerprint of what it walks (whose
 * list, which filter), so a cursor of another list is refused rather than misread.
 *
 * The merge is the keyset one of merge.ts (newest first, then provider, then id), with a position
 * per stream instead of one per provider: a stream that fails keeps its position, and each edge's
 * cursor resumes exactly behind it.
 */

const VERSION = 't1';
const MAX_CURSOR_LENGTH = 4096;

/** Where one stream stands in a walk; `ended` once it has nothing left. */
export interface StreamState {
  readonly position: StreamPosition | null;
  readonly ended?: boolean;
}

export interface StreamCursor {
  /** What the walk is over: see fingerprint(). */
  readonly fingerprint: string;
  readonly streams: Readonly<Record<string, StreamState>>;
}

/** A short digest of what a walk is over (whose list, which filter), for its cursors. */
export function fingerprint(scope: unknown): string {
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 12);
}

export function streamId(provider: ProviderName, key: string): string {
  return `${provider}/${key}`;
}

export function encodeStreamCursor(cursor: StreamCursor): string {
  const s: Record<string, [StreamPosition | null] | [StreamPosition | null, 1]> = {};
  for (const [id, state] of Object.entries(cursor.streams))
    s[id] = state.ended ? [state.position, 1] : [state.position];
  return `${VERSION}.${Buffer.from(JSON.stringify({ f: cursor.fingerprint, s })).toString('base64url')}`;
}

/** Reads a cursor written by encodeStreamCursor; anything else throws a CursorError saying why. */
export function decodeStreamCursor(cursor: string): StreamCursor {
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
  const { f, s } = (body ?? {}) as { f?: unknown; s?: unknown };
  if (typeof f !== 'string' || !s || typeof s !== 'object' || Array.isArray(s))
    throw new CursorError('it is not a cursor this gateway wrote');
  const streams: Record<string, StreamState> = {};
  for (const [id, value] of Object.entries(s)) {
    const [position, ended] = Array.isArray(value) ? value : [];
    if (
      !Array.isArray(value) ||
      value.length > 2 ||
      !(position === null || (typeof position === 'object' && !Array.isArray(position)))
    )
      throw new CursorError('it is not a cursor this gateway wrote');
    streams[id] = {
      position: position as StreamPosition | null,
      ...(ended === 1 && { ended: true }),
    };
  }
  return { fingerprint: f, streams };
}

export interface StreamEntry<T> {
  readonly item: T;
  readonly key: ItemKey;
  /** The stream's position right after this entry. */
  readonly position: StreamPosition;
}

/** One stream's page: entries after its position, in its own order, or the error that kept it. */
export type StreamPart<T> =
  | {
      readonly id: string;
      readonly provider: ProviderName;
      readonly entries: readonly StreamEntry<T>[];
      /** The stream holds entries it did not send. */
      readonly more: boolean;
    }
  | { readonly id: string; readonly provider: ProviderName; readonly failed: true };

export interface MergedEdge<T> {
  readonly item: T;
  readonly cursor: string;
}

export interface MergedPage<T> {
  readonly edges: readonly MergedEdge<T>[];
  readonly hasNextPage: boolean;
  /** Every stream's state after the page (where a walk resumes when it has no edge to resume from). */
  readonly streams: Readonly<Record<string, StreamState>>;
}

/**
 * Merges the streams' pages into one page of at most `first` items, newest first across streams
 * (then provider, then id). Stops where a stream that has more ran out of what it sent: its next
 * entry may come before every other head. A failed stream keeps the state it had.
 *
 * `hasNextPage` is true while an answering stream has more, and after a page with items while a
 * stream is missing (the next page retries it).
 */
export function mergeStreams<T>(
  parts: readonly StreamPart<T>[],
  options: {
    readonly fingerprint: string;
    readonly first: number;
    readonly before: Readonly<Record<string, StreamState>>;
  },
): MergedPage<T> {
  const streams: Record<string, StreamState> = { ...options.before };
  const live = parts.flatMap((p) => ('failed' in p ? [] : [{ ...p, next: 0 }]));
  const failed = parts.some((p) => 'failed' in p);
  const edges: MergedEdge<T>[] = [];
  const settle = (part: (typeof live)[number]) => {
    if (part.next >= part.entries.length && !part.more)
      streams[part.id] = {
        ...streams[part.id],
        position: streams[part.id]?.position ?? null,
        ended: true,
      };
  };
  for (const part of live) if (part.entries.length === 0) settle(part);
  while (edges.length < options.first) {
    let best: (typeof live)[number] | undefined;
    let blocked = false;
    for (const part of live) {
      const entry = part.entries[part.next];
      if (entry === undefined) {
        if (part.more) blocked = true;
        continue;
      }
      const head = best?.entries[best.next];
      if (
        !best ||
        !head ||
        compareAcross(
          { provider: part.provider, key: entry.key },
          { provider: best.provider, key: head.key },
        ) < 0
      )
        best = part;
    }
    if (blocked || !best) break;
    const entry = best.entries[best.next++]!;
    streams[best.id] = { position: entry.position };
    settle(best);
    edges.push({
      item: entry.item,
      cursor: encodeStreamCursor({ fingerprint: options.fingerprint, streams }),
    });
  }
  const remaining = live.some((p) => p.next < p.entries.length || p.more);
  return {
    edges,
    hasNextPage: remaining || (failed && edges.length > 0),
    streams,
  };
}
