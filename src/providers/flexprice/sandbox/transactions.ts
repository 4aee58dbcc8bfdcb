import type { SandboxResponse } from '../../../sandbox/http.js';
import { serializeCustomer, serializeTransaction, serializeWallet } from './serialize.js';
import type { FlexpriceStore, FlexpriceTransactionState } from './store.js';

/**
 * Flexprice's transaction queries (NOTES §3.7), as the sandbox's two routes share them:
 * `WalletTransactionFilter` (query string or body), `filters[]` conditions on any column, sorts,
 * `limit`/`offset` pagination whose response `offset` is the *next* offset (NOTES §1).
 */

const REASONS = [
  'INVOICE_PAYMENT',
  'FREE_CREDIT_GRANT',
  'SUBSCRIPTION_CREDIT_GRANT',
  'PURCHASED_CREDIT_INVOICED',
  'PURCHASED_CREDIT_DIRECT',
  'CREDIT_NOTE',
  'CREDIT_EXPIRED',
  'WALLET_TERMINATION',
  'MANUAL_BALANCE_DEBIT',
  'CREDIT_ADJUSTMENT',
  'INVOICE_VOID_REFUND',
  'PURCHASED_CREDIT_BONUS',
];
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  type: ['credit', 'debit'],
  transaction_status: ['pending', 'completed', 'failed'],
  transaction_reason: REASONS,
  reference_type: ['PAYMENT', 'EXTERNAL', 'REQUEST', 'INVOICE'],
};
/** Columns `filters[]` and sorts may name (the transaction's own JSON fields). */
const COLUMNS = new Set([
  'id',
  'wallet_id',
  'customer_id',
  'type',
  'amount',
  'credit_amount',
  'transaction_status',
  'transaction_reason',
  'reference_type',
  'reference_id',
  'currency',
  'priority',
  'expiry_date',
  'created_at',
  'updated_at',
]);
const OPERATORS = [
  'eq',
  'contains',
  'not_contains',
  'gt',
  'lt',
  'gte',
  'in',
  'not_in',
  'before',
  'after',
];

export interface TransactionQuery {
  readonly walletId?: string | undefined;
  readonly values: Readonly<Record<string, string | undefined>>;
  readonly startTime?: number | undefined;
  readonly endTime?: number | undefined;
  readonly conditions: readonly Condition[];
  readonly sorts: readonly { readonly field: string; readonly direction: 'asc' | 'desc' }[];
  readonly limit: number;
  readonly offset: number;
  readonly expand: readonly string[];
}

interface Condition {
  readonly field: string;
  readonly operator: string;
  readonly value: unknown;
}

export class InvalidQuery extends Error {}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function time(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw new InvalidQuery('Invalid filter parameters');
  return t;
}

/** Reads a filter from a query string (`GET /wallets/{id}/transactions`) or a search body. */
export function readQuery(
  input: Readonly<Record<string, unknown>>,
  walletId: string | undefined,
): TransactionQuery {
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  if (!isInt(limit) || limit < 1 || limit > 1000 || !isInt(offset) || offset < 0)
    throw new InvalidQuery('Invalid filter parameters');
  const values: Record<string, string | undefined> = {};
  for (const [name, allowed] of Object.entries(ENUMS)) {
    const value = input[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !allowed.includes(value))
      throw new InvalidQuery('Invalid filter parameters');
    values[name] = value;
  }
  if (typeof input.reference_id === 'string') values.reference_id = input.reference_id;
  const conditions = readConditions(input.filters);
  const order: 'asc' | 'desc' | undefined =
    input.order === undefined || input.order === 'desc'
      ? 'desc'
      : input.order === 'asc'
        ? 'asc'
        : undefined;
  if (!order) throw new InvalidQuery('Invalid filter parameters');
  const sorts = Array.isArray(input.sort)
    ? input.sort.map((s: { field?: unknown; direction?: unknown }) => {
        if (typeof s?.field !== 'string' || !COLUMNS.has(s.field))
          throw new InvalidQuery(
            `Unknown field name '${String(s?.field)}' in wallet transaction query`,
          );
        return { field: s.field, direction: s.direction === 'asc' ? 'asc' : 'desc' } as const;
      })
    : [{ field: typeof input.sort === 'string' ? input.sort : 'created_at', direction: order }];
  const wallet = walletId ?? (typeof input.id === 'string' && input.id ? input.id : undefined);
  return {
    walletId: wallet,
    values,
    startTime: time(input.start_time),
    endTime: time(input.end_time),
    conditions,
    sorts,
    limit,
    offset,
    expand: typeof input.expand === 'string' ? input.expand.split(',').map((e) => e.trim()) : [],
  };
}

function readConditions(filters: unknown): Condition[] {
  if (filters === undefined || filters === null) return [];
  if (!Array.isArray(filters)) throw new InvalidQuery('Invalid filter parameters');
  return filters.map((f: Record<string, unknown>) => {
    const field = f?.field;
    if (typeof field !== 'string' || !COLUMNS.has(field))
      throw new InvalidQuery(`Unknown field name '${String(field)}' in wallet transaction query`);
    if (typeof f.operator !== 'string' || !OPERATORS.includes(f.operator))
      throw new InvalidQuery('Invalid filter parameters');
    const value = f.value as Record<string, unknown> | undefined;
    const given =
      value?.array ?? value?.string ?? value?.number ?? value?.boolean ?? value?.date ?? undefined;
    if (given === undefined) throw new InvalidQuery('Invalid filter parameters');
    return { field, operator: f.operator, value: given };
  });
}

function holds(t: FlexpriceTransactionState, c: Condition): boolean {
  const actual = (t as unknown as Record<string, unknown>)[c.field];
  const list = Array.isArray(c.value) ? c.value.map(String) : [String(c.value)];
  const text = actual === null || actual === undefined ? '' : String(actual);
  const compare = () =>
    c.field.endsWith('_at') || c.field === 'expiry_date'
      ? Date.parse(text) - Date.parse(String(c.value))
      : Number(text) - Number(c.value);
  switch (c.operator) {
    case 'eq':
      return text === String(c.value);
    case 'in':
      return list.includes(text);
    case 'not_in':
      return !list.includes(text);
    case 'contains':
      return text.includes(String(c.value));
    case 'not_contains':
      return !text.includes(String(c.value));
    case 'gt':
    case 'after':
      return compare() > 0;
    case 'lt':
    case 'before':
      return compare() < 0;
    default:
      return compare() >= 0;
  }
}

function byColumn(field: string, direction: 'asc' | 'desc') {
  return (a: FlexpriceTransactionState, b: FlexpriceTransactionState): number => {
    const x = (a as unknown as Record<string, unknown>)[field];
    const y = (b as unknown as Record<string, unknown>)[field];
    const order =
      field.endsWith('_at') || field === 'expiry_date'
        ? Date.parse(String(x)) - Date.parse(String(y))
        : String(x ?? '').localeCompare(String(y ?? ''));
    return direction === 'asc' ? order : -order;
  };
}

/** The matching transactions, sorted; a tie the sorts leave is broken by id, deterministically. */
export function runQuery(store: FlexpriceStore, q: TransactionQuery): SandboxResponse {
  const matching = store.transactions.filter(
    (t) =>
      (!q.walletId || t.wallet_id === q.walletId) &&
      Object.entries(q.values).every(
        ([name, v]) => v === undefined || (t as unknown as Record<string, unknown>)[name] === v,
      ) &&
      (q.startTime === undefined || Date.parse(t.created_at) >= q.startTime) &&
      (q.endTime === undefined || Date.parse(t.created_at) <= q.endTime) &&
      q.conditions.every((c) => holds(t, c)),
  );
  const sorts = [...q.sorts.map((s) => byColumn(s.field, s.direction)), byColumn('id', 'asc')];
  matching.sort((a, b) => sorts.reduce((r, f) => r || f(a, b), 0));
  const page = matching.slice(q.offset, q.offset + q.limit);
  return {
    status: 200,
    body: {
      items: page.map((t) => serializeFor(store, t, q.expand)),
      // The next offset, not the one asked for (NOTES §1, types/pagination.go).
      pagination: { total: matching.length, limit: q.limit, offset: q.offset + q.limit },
    },
  };
}

function serializeFor(
  store: FlexpriceStore,
  t: FlexpriceTransactionState,
  expand: readonly string[],
): Record<string, unknown> {
  const customer = expand.includes('customer') ? store.customer(t.customer_id) : undefined;
  const wallet = expand.includes('wallet') ? store.wallet(t.wallet_id) : undefined;
  return serializeTransaction(t, {
    ...(customer && { customer: serializeCustomer(customer) }),
    ...(wallet && { wallet: serializeWallet(store, wallet) }),
  });
}
