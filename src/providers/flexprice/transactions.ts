import type { TransactionFilter, WalletTransaction } from '../../domain/transaction.js';
import type { Wallet } from '../../domain/wallet.js';
import { GatewayError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { compareKeys, type ItemKey } from '../../paging/keyset.js';
import { asGatewayError, entryKey, translateTransactionItem } from '../items.js';
import type {
  Result,
  StreamPosition,
  TransactionEntry,
  TransactionHistory,
  TransactionPage,
  TransactionPageRequest,
  TransactionStream,
} from '../provider.js';
import { field } from '../read.js';
import { type FlexpriceFilterCondition, flexpriceTransactionCore } from './api.js';
import type { FlexpriceClient } from './client.js';
import {
  FLEXPRICE_DIRECTIONS,
  FLEXPRICE_KINDS,
  FLEXPRICE_STATUSES,
  translateTransaction,
} from './translate-transactions.js';

/**
 * Flexprice histories over `POST /wallets/transactions/search` (NOTES §3.7): one wallet's
 * (`wallet_id`), or a customer's across its wallets (`customer_id`) in one stream, with
 * `limit`/`offset` pages sorted `created_at DESC, id ASC`; one upstream call per page. The search
 * takes every filter the unified model has, reasons `in` a list included (one kind covers several
 * reasons), and a sort that makes the order total.
 *
 * Offsets shift when a transaction is created between two pages; so the first page's newest
 * creation time becomes the walk's `end_time` (inclusive upstream), and later pages count offsets
 * in that fixed list. The response's `pagination.offset` is the *next* offset, not the one asked
 * for (NOTES §1): offsets are counted here from the request.
 */

interface FlexpriceStream extends TransactionStream {
  readonly condition: FlexpriceFilterCondition;
}

interface FlexpricePosition {
  /** Items of the stream already read, in Flexprice's order. */
  readonly o: number;
  /** The walk's `end_time`: the creation time of the newest transaction when it began. */
  readonly a?: string;
  /** The last one's key: creation time (epoch ms, null if unknown) and id. */
  readonly k?: readonly [number | null, string];
}

function readPosition(position: StreamPosition | null): FlexpricePosition {
  const { o, a, k } = position ?? {};
  return {
    o: typeof o === 'number' && Number.isSafeInteger(o) && o >= 0 ? o : 0,
    ...(typeof a === 'string' && !Number.isNaN(Date.parse(a)) && { a }),
    ...(Array.isArray(k) &&
      k.length === 2 &&
      (k[0] === null || typeof k[0] === 'number') &&
      typeof k[1] === 'string' && { k: [k[0], k[1]] as const }),
  };
}

const eq = (column: string, value: string): FlexpriceFilterCondition => ({
  field: column,
  operator: 'eq',
  data_type: 'string',
  value: { string: value },
});

const reverse = <V extends string>(map: Readonly<Record<string, V>>, value: V | undefined) =>
  Object.entries(map).flatMap(([wire, v]) => (v === value ? [wire] : []));

/**
 * The filter as the search's own, or 'empty' when it asks for what Flexprice never records (an
 * UNKNOWN member): no call is needed.
 */
function upstreamQuery(filter: TransactionFilter) {
  const [type] = reverse(FLEXPRICE_DIRECTIONS, filter.direction);
  const [transactionStatus] = reverse(FLEXPRICE_STATUSES, filter.status);
  const reasons = reverse(FLEXPRICE_KINDS, filter.kind);
  if (
    (filter.direction && !type) ||
    (filter.status && !transactionStatus) ||
    (filter.kind && reasons.length === 0)
  )
    return 'empty' as const;
  const conditions: FlexpriceFilterCondition[] =
    reasons.length === 0
      ? []
      : [
          {
            field: 'transaction_reason',
            operator: 'in',
            data_type: 'array',
            value: { array: reasons },
          },
        ];
  return {
    conditions,
    type,
    transactionStatus,
    startTime: filter.createdSince?.toISOString(),
  };
}

/** The later bound wins nothing: the earlier of the walk's anchor and the caller's createdUntil. */
function endTime(anchor: string | undefined, until: Date | undefined): string | undefined {
  if (!anchor) return until?.toISOString();
  return until && until.getTime() < Date.parse(anchor) ? until.toISOString() : anchor;
}

export class FlexpriceTransactions implements TransactionHistory {
  constructor(
    private readonly client: FlexpriceClient,
    private readonly logger: Logger,
  ) {}

  walletStream(wallet: Wallet): TransactionStream {
    const stream: FlexpriceStream = {
      key: `wallet:${wallet.providerWalletId}`,
      condition: eq('wallet_id', wallet.providerWalletId),
    };
    return stream;
  }

  /**
   * One stream for the whole customer, by its Flexprice id (read from its wallets, which carry it):
   * closed wallets' transactions included, though customer lists hide closed wallets (§0.4). A
   * customer with no active wallet here has no id to ask with, so no stream.
   */
  customerStreams(customer: { readonly wallets: readonly Wallet[] }): TransactionStream[] {
    const customerId = customer.wallets[0]?.customer.providerCustomerId;
    if (!customerId) return [];
    const stream: FlexpriceStream = {
      key: `customer:${customerId}`,
      condition: eq('customer_id', customerId),
    };
    return [stream];
  }

  async page(stream: TransactionStream, request: TransactionPageRequest): Promise<TransactionPage> {
    const { condition } = stream as FlexpriceStream;
    const query = upstreamQuery(request.filter);
    if (query === 'empty' || request.first === 0) return { entries: [], more: query !== 'empty' };
    const from = readPosition(request.position);
    const { items, total } = await this.client.searchTransactions({
      filters: [condition, ...query.conditions],
      limit: request.first,
      offset: from.o,
      type: query.type,
      transactionStatus: query.transactionStatus,
      startTime: query.startTime,
      endTime: endTime(from.a, request.filter.createdUntil),
    });
    const newest = field(items[0], 'created_at');
    const anchor = from.a ?? (typeof newest === 'string' ? newest : undefined);
    const last: ItemKey | undefined = from.k && { at: from.k[0], id: from.k[1] };
    const entries: TransactionEntry[] = [];
    for (const [i, raw] of items.entries()) {
      const index = from.o + i;
      const key = entryKey(raw, 'id', index);
      if (last && compareKeys(key, last) <= 0) continue;
      entries.push({
        transaction: this.translate(raw),
        key,
        position: { o: index + 1, ...(anchor && { a: anchor }), k: [key.at, key.id] },
      });
    }
    const more =
      total !== undefined ? from.o + items.length < total : items.length === request.first;
    if (entries.length === 0 && more)
      return {
        entries,
        more,
        resume: {
          o: from.o + items.length,
          ...(anchor && { a: anchor }),
          ...(from.k && { k: from.k }),
        },
      };
    return { entries, more };
  }

  /**
   * Webhooks since v2.1.24 carry a minimal transaction without its times (NOTES §5.3): such a
   * one is read again from the list (one search), and answered from the payload if that fails.
   */
  async read(raw: unknown, wallet: Wallet): Promise<Result<WalletTransaction>> {
    const id = field(raw, 'id');
    if (field(raw, 'created_at') !== undefined || typeof id !== 'string')
      return this.translate(raw);
    const [listed] = await this.byIds([{ wallet, transactionId: id }]);
    return listed && !(listed instanceof GatewayError) ? listed : this.translate(raw);
  }

  /** One search for the whole batch (`id` in the ids), each answer checked against its wallet. */
  async byIds(
    refs: readonly { readonly wallet: Wallet; readonly transactionId: string }[],
  ): Promise<Result<WalletTransaction>[]> {
    if (refs.length === 0) return [];
    const ids = [...new Set(refs.map((r) => r.transactionId))];
    let items: unknown[];
    try {
      ({ items } = await this.client.searchTransactions({
        filters: [{ field: 'id', operator: 'in', data_type: 'array', value: { array: ids } }],
        limit: Math.min(ids.length, 1000),
        offset: 0,
      }));
    } catch (e) {
      const error = asGatewayError('FLEXPRICE', e);
      return refs.map(() => error);
    }
    const found = new Map(items.map((raw) => [field(raw, 'id'), raw]));
    return refs.map(({ wallet, transactionId }) => {
      const raw = found.get(transactionId);
      const transaction = raw === undefined ? undefined : this.translate(raw);
      if (
        transaction === undefined ||
        (!(transaction instanceof GatewayError) &&
          transaction.providerWalletId !== wallet.providerWalletId)
      )
        return new GatewayError('TRANSACTION_NOT_FOUND', 'Wallet transaction not found', {
          provider: 'FLEXPRICE',
        });
      return transaction;
    });
  }

  private translate(raw: unknown): Result<WalletTransaction> {
    return translateTransactionItem(
      'FLEXPRICE',
      flexpriceTransactionCore,
      translateTransaction,
      raw,
      this.logger,
    );
  }
}
