import type { SandboxResponse } from '../../../sandbox/http.js';

/**
 * Polar's query and path validation (FastAPI + Pydantic), with its 422 body: the server adds
 * `error: "RequestValidationError"` to FastAPI's `detail[]` (NOTES §6).
 */

export interface ValidationIssue {
  readonly type: string;
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly input?: unknown;
  readonly ctx?: Record<string, unknown>;
}

export class InvalidRequest {
  constructor(readonly issues: readonly ValidationIssue[]) {}
}

export function validationError(issues: readonly ValidationIssue[]): SandboxResponse {
  return { status: 422, body: { error: 'RequestValidationError', detail: issues } };
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** Polar clamps larger limits silently (`kit/pagination.py`, NOTES §0.8). */
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 10;

export function uuidIssue(
  value: string,
  loc: readonly (string | number)[],
): ValidationIssue | undefined {
  return UUID.test(value)
    ? undefined
    : { type: 'uuid_parsing', loc, msg: 'Input should be a valid UUID', input: value };
}

function positiveInt(
  query: URLSearchParams,
  name: string,
  fallback: number,
  issues: ValidationIssue[],
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^[+-]?\d+$/.test(raw.trim())) {
    issues.push({
      type: 'int_parsing',
      loc: ['query', name],
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: raw,
    });
    return fallback;
  }
  const n = Number(raw);
  if (n <= 0)
    issues.push({
      type: 'greater_than',
      loc: ['query', name],
      msg: 'Input should be greater than 0',
      input: raw,
      ctx: { gt: 0 },
    });
  return n;
}

export interface PageParams {
  readonly page: number;
  readonly limit: number;
  readonly sorting: readonly string[];
}

/** `page`/`limit` (> 0, limit clamped to 100) and `sorting` (repeatable, `-` for descending). */
export function pageParams(query: URLSearchParams, sortable: readonly string[]): PageParams {
  const issues: ValidationIssue[] = [];
  const page = positiveInt(query, 'page', 1, issues);
  const limit = Math.min(positiveInt(query, 'limit', DEFAULT_LIMIT, issues), MAX_LIMIT);
  const sorting = query.getAll('sorting');
  sorting.forEach((s, i) => {
    if (!sortable.includes(s.replace(/^-/, ''))) {
      issues.push({
        type: 'enum',
        loc: ['query', 'sorting', i],
        msg: `Input should be ${sortable.flatMap((p) => [`'${p}'`, `'-${p}'`]).join(', ')}`,
        input: s,
      });
    }
  });
  if (issues.length > 0) throw new InvalidRequest(issues);
  return { page, limit, sorting: sorting.length > 0 ? sorting : ['-created_at'] };
}

/** Orders by the sorting criteria, then by id so pages are deterministic. */
export function sortBy<T extends { id: string }>(
  items: readonly T[],
  sorting: readonly string[],
  key: (item: T, property: string) => string | bigint,
): T[] {
  return [...items].sort((a, b) => {
    for (const criterion of sorting) {
      const desc = criterion.startsWith('-');
      const property = criterion.replace(/^-/, '');
      const x = key(a, property);
      const y = key(b, property);
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return a.id.localeCompare(b.id);
  });
}

/**
 * One page, the way `kit/pagination.py` counts: the total comes from `count(*) OVER ()` on the
 * returned rows, so a page past the end reports `total_count: 0` and `max_page: 0` (NOTES §0.8).
 */
export function pageOf<T>(
  items: readonly T[],
  { page, limit }: PageParams,
): { items: T[]; totalCount: number } {
  const slice = items.slice((page - 1) * limit, page * limit);
  return { items: slice, totalCount: slice.length > 0 ? items.length : 0 };
}
