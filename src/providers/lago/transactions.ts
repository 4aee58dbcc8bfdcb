import type { TransactionFilter, WalletTransaction } from '../../domain/transaction.js';
import type { Wallet } from '../../domain/wallet.js';
import { GatewayError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { compareKeys, type ItemKey } from '../../paging/keyset.js';
import { mapWithConcurrency } from '../concurrency.js';
import { entryKey, settle, translateTransactionItem } from '../items.js';
import type {
  Result,
  StreamPosition,
  TransactionEntry,
  TransactionHistory,
  TransactionPage,
  TransactionPageRequest,
  TransactionStream,
} from '../provider.js';
import { lagoTransactionCore } from './api.js';
import type { LagoClient } from './client.js';
import {
  LAGO_DIRECTIONS,
  LAGO_KINDS,
  LAGO_STATUSES,
  translateTransaction,
} from './translate-transactions.js';

/**
 * Lago wallet histories over `GET /wallets/{lago_id}/wallet_transactions` (NOTES §2, §5): pages
 * of `page`/`per_page`, `created_at DESC, id ASC` (NOTES §1), one upstream call per page. Lago
 * has no customer-wide transaction list, so a customer's history is one stream per wallet.
 *
 * A position is the number of items read so far in Lago's order plus the last one's key. Pages
 * are page-numbered, so a transaction created between two pages shifts older ones down: the key
 * skips what was already read, so nothing is seen twice.
 */

// The largest per_page the gateway asks for (Lago's OSS code enforces none, NOTES §11).
const MAX_PER_PAGE = 100;
const BY_ID_CONCURRENCY = 10;

interface LagoStream extends TransactionStream {
  readonly wallet: Wallet;
}

interface LagoPosition {
  /** Items of the stream already read, in Lago's order. */
  readonly o: number;
  /** The last one's key: creation time (epoch ms, null if unknown) and id. */
  readonly k?: readonly [number | null, string];
}

function readPosition(position: StreamPosition | null): LagoPosition {
  const o = position?.o;
  const k = position?.k;
  return {
    o: typeof o === 'number' && Number.isSafeInteger(o) && o >= 0 ? o : 0,
    ...(Array.isArray(k) &&
      k.length === 2 &&
      (k[0] === null || typeof k[0] === 'number') &&
      typeof k[1] === 'string' && { k: [k[0], k[1]] as const }),
  };
}

/**
 * The `per_page` and `page` whose page holds the items [offset, offset + first) where one can
 * (always when a walk keeps its page size); else the page that starts there.
 */
export function pageWindow(offset: number, first: number): { perPage: number; page: number } {
  if (offset % first === 0) return { perPage: first, page: offset / first + 1 };
  for (let perPage = first + 1; perPage <= MAX_PER_PAGE; perPage++)
    if (Math.floor(offset / perPage) === Math.floor((offset + first - 1) / perPage))
      return { perPage, page: Math.floor(offset / perPage) + 1 };
  return { perPage: first, page: Math.floor(offset / first) + 1 };
}

const reverse = <K extends string, V extends string>(map: Readonly<Record<K, V>>) =>
  Object.fromEntries(Object.entries(map).map(([wire, value]) => [value, wire])) as Partial<
    Record<string, K>
  >;
const WIRE_DIRECTIONS = reverse(LAGO_DIRECTIONS);
const WIRE_STATUSES = reverse(LAGO_STATUSES);
const WIRE_KINDS = reverse(LAGO_KINDS);

/**
 * The filter as Lago's query (`transaction_type`, `status`, `transaction_status`), or 'empty' when
 * it asks for something Lago never records (a kind it has no value for): no call is needed.
 * `createdSince` is applied here, ending the walk at the first older item; Lago has no date
 * filter, so `createdUntil` cannot be honoured.
 */
function upstreamQuery(filter: TransactionFilter) {
  if (filter.createdUntil)
    throw new GatewayError(
      'NOT_SUPPORTED',
      'LAGO cannot filter wallet transactions by createdUntil: its list has no date filter',
      { provider: 'LAGO' },
    );
  const transactionType = filter.direction && WIRE_DIRECTIONS[filter.direction];
  const status = filter.status && WIRE_STATUSES[filter.status];
  const transactionStatus = filter.kind && WIRE_KINDS[filter.kind];
  if (
    (filter.direction && !transactionType) ||
    (filter.status && !status) ||
    (filter.kind && !transactionStatus)
  )
    return 'empty' as const;
  return { transactionType, status, transactionStatus };
}

export class LagoTransactions implements TransactionHistory {
  constructor(
    private readonly client: LagoClient,
    private readonly logger: Logger,
  ) {}

  walletStream(wallet: Wallet): TransactionStream {
    const stream: LagoStream = { key: `wallet:${wallet.providerWalletId}`, wallet };
    return stream;
  }

  customerStreams(customer: { readonly wallets: readonly Wallet[] }): TransactionStream[] {
    return customer.wallets.map((w) => this.walletStream(w));
  }

  async page(stream: TransactionStream, request: TransactionPageRequest): Promise<TransactionPage> {
    const { wallet } = stream as LagoStream;
    const query = upstreamQuery(request.filter);
    if (query === 'empty' || request.first === 0) return { entries: [], more: query !== 'empty' };
    const from = readPosition(request.position);
    const { perPage, page } = pageWindow(from.o, request.first);
    const { items, meta } = await this.client.walletTransactions(wallet.providerWalletId, {
      page,
      perPage,
      ...query,
    });
    const since = request.filter.createdSince?.getTime();
    const last: ItemKey | undefined = from.k && { at: from.k[0], id: from.k[1] };
    const entries: TransactionEntry[] = [];
    let more = meta.next_page !== null && meta.next_page !== undefined && meta.next_page > page;
    for (const [i, raw] of items.entries()) {
      const index = (page - 1) * perPage + i;
      if (index < from.o) continue;
      const key = entryKey(raw, 'lago_id', index);
      // Already read: newer transactions pushed it down since the last page.
      if (last && compareKeys(key, last) <= 0) continue;
      if (since !== undefined && key.at !== null && key.at < since) {
        more = false;
        break;
      }
      if (entries.length === request.first) {
        more = true;
        break;
      }
      entries.push({
        transaction: this.translate(raw, wallet),
        key,
        position: { o: index + 1, k: [key.at, key.id] },
      });
    }
    if (entries.length === 0 && more)
      return {
        entries,
        more,
        resume: { o: (page - 1) * perPage + items.length, ...(from.k && { k: from.k }) },
      };
    return { entries, more };
  }

  /** Webhooks carry the whole transaction object, the same as the list's (NOTES §8). */
  async read(raw: unknown, wallet: Wallet): Promise<Result<WalletTransaction>> {
    return this.translate(raw, wallet);
  }

  byIds(
    refs: readonly { readonly wallet: Wallet; readonly transactionId: string }[],
  ): Promise<Result<WalletTransaction>[]> {
    // Lago has no multi-id transaction endpoint: one GET per id, 10 at a time.
    return mapWithConcurrency(refs, BY_ID_CONCURRENCY, async ({ wallet, transactionId }) => {
      const raw = await settle('LAGO', () => this.client.walletTransaction(transactionId));
      if (raw instanceof GatewayError) return raw;
      const transaction = this.translate(raw, wallet);
      // The id named this wallet: a transaction of another wallet is not the one asked for.
      if (
        !(transaction instanceof GatewayError) &&
        transaction.providerWalletId !== wallet.providerWalletId
      )
        return new GatewayError('TRANSACTION_NOT_FOUND', 'Wallet transaction not found', {
          provider: 'LAGO',
        });
      return transaction;
    });
  }

  private translate(raw: unknown, wallet: Wallet): Result<WalletTransaction> {
    return translateTransactionItem(
      'LAGO',
      lagoTransactionCore,
      (core, r) => translateTransaction(core, r, wallet),
      raw,
      this.logger,
      'lago_id',
    );
  }
}
