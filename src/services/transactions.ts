import { canSee, confinedTo } from '../auth/caller.js';
import { visibleTo } from '../auth/visibility.js';
import type { TransactionFilter, WalletTransaction } from '../domain/transaction.js';
import { parseTransactionKey } from '../domain/transaction.js';
import { type ProviderName, type Wallet, walletKey } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import { loadWalletsByKeys } from '../loaders.js';
import { CursorError } from '../paging/keyset.js';
import {
  decodeStreamCursor,
  encodeStreamCursor,
  fingerprint,
  type MergedPage,
  mergeStreams,
  type StreamCursor,
  type StreamPart,
  type StreamState,
  streamId,
} from '../paging/streams.js';
import { asGatewayError } from '../providers/items.js';
import type {
  Result,
  TransactionHistory,
  TransactionPage,
  TransactionStream,
} from '../providers/provider.js';
import { customerLists, incompletePart, type ServiceContext, type WithErrors } from './wallets.js';

/**
 * Wallet histories for the resolvers: one wallet's transactions over its provider's own pages, a
 * customer's merged newest first across its wallets and providers, and transactions by id. No
 * GraphQL here: errors come back beside the data.
 */

export interface TransactionPageArgs {
  readonly first: number;
  /** An `endCursor` or edge cursor of an earlier page (syntax already checked). */
  readonly after: string | null;
  readonly filter: TransactionFilter;
}

export interface TransactionConnection {
  readonly edges: readonly { readonly node: WalletTransaction; readonly cursor: string }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
}

// A page whose every item had been read already (newer ones pushed them down) reads on, this often.
const EMPTY_PAGE_RETRIES = 3;

const filterScope = (f: TransactionFilter) => ({
  direction: f.direction ?? null,
  status: f.status ?? null,
  kind: f.kind ?? null,
  since: f.createdSince?.toISOString() ?? null,
  until: f.createdUntil?.toISOString() ?? null,
});

function notSupported(provider: ProviderName): GatewayError {
  return new GatewayError(
    'NOT_SUPPORTED',
    `${provider} does not expose its wallets' transactions (see providers { capabilities { transactions } })`,
    { provider },
  );
}

/** The cursor, if it belongs to this walk (same list, same filter). */
function cursorOf(after: string | null, walk: string): StreamCursor | null {
  if (!after) return null;
  let cursor: StreamCursor;
  try {
    cursor = decodeStreamCursor(after);
  } catch (e) {
    if (!(e instanceof CursorError)) throw e;
    throw new GatewayError('BAD_USER_INPUT', `after is not a cursor of this list: ${e.message}`, {
      argument: 'after',
    });
  }
  if (cursor.fingerprint !== walk)
    throw new GatewayError(
      'BAD_USER_INPUT',
      'after is a cursor of another list (another wallet, customer or filter): pass a cursor of this one, or leave it out to start from the newest',
      { argument: 'after' },
    );
  return cursor;
}

/** One stream's page, read on past pages that held only what was already seen. */
async function readStream(
  history: TransactionHistory,
  stream: TransactionStream,
  state: StreamState,
  args: TransactionPageArgs,
): Promise<{ page: TransactionPage; state: StreamState }> {
  let current = state;
  let page = await history.page(stream, {
    first: args.first,
    position: current.position,
    filter: args.filter,
  });
  for (
    let i = 0;
    page.entries.length === 0 && page.more && page.resume && i < EMPTY_PAGE_RETRIES;
    i++
  ) {
    current = { position: page.resume };
    page = await history.page(stream, {
      first: args.first,
      position: current.position,
      filter: args.filter,
    });
  }
  return { page, state: current };
}

function partOf(
  id: string,
  provider: ProviderName,
  page: TransactionPage,
): StreamPart<Result<WalletTransaction>> {
  return {
    id,
    provider,
    entries: page.entries.map((e) => ({ item: e.transaction, key: e.key, position: e.position })),
    more: page.more,
  };
}

/** The merged page as a connection; entries that could not be read are left out, their errors kept. */
function connection(
  merged: MergedPage<Result<WalletTransaction>>,
  walk: string,
  after: string | null,
  errors: GatewayError[],
): TransactionConnection {
  const edges = merged.edges.flatMap(({ item, cursor }) => {
    if (item instanceof GatewayError) {
      errors.push(item);
      return [];
    }
    return [{ node: item, cursor }];
  });
  // With no edge to resume from (every one unreadable, or none read yet), the page's own state.
  const endCursor =
    merged.edges.at(-1)?.cursor ??
    (merged.hasNextPage
      ? encodeStreamCursor({ fingerprint: walk, streams: merged.streams })
      : null);
  return {
    edges,
    pageInfo: {
      hasNextPage: merged.hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor,
    },
  };
}

const EMPTY: TransactionConnection = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
};

/**
 * A wallet's transactions, newest first, one upstream call per page (the provider's own
 * pagination). Throws NOT_SUPPORTED where the provider has no transaction list, and a
 * provider's failure as it is.
 */
export async function walletTransactions(
  ctx: ServiceContext,
  wallet: Wallet,
  args: TransactionPageArgs,
): Promise<WithErrors<TransactionConnection>> {
  const history = ctx.registry.get(wallet.provider)?.transactions;
  if (!history) throw notSupported(wallet.provider);
  const walk = fingerprint(['wallet', walletKey(wallet), filterScope(args.filter)]);
  const cursor = cursorOf(args.after, walk);
  const stream = history.walletStream(wallet);
  const id = streamId(wallet.provider, stream.key);
  const before = cursor?.streams[id] ?? { position: null };
  if (before.ended)
    return {
      value: { ...EMPTY, pageInfo: { ...EMPTY.pageInfo, hasPreviousPage: true } },
      errors: [],
    };
  const { page, state } = await readStream(history, stream, before, args);
  const merged = mergeStreams([partOf(id, wallet.provider, page)], {
    fingerprint: walk,
    first: args.first,
    before: { [id]: state },
  });
  const errors: GatewayError[] = [];
  return { value: connection(merged, walk, args.after, errors), errors };
}

/**
 * A customer's transactions across every wallet and provider, newest first. Each provider with a
 * transaction list gives its streams (Lago one per wallet, Flexprice one for the customer); each
 * stream reads one page per page of this list. A provider (or stream) that fails costs its own
 * part: its place in the cursor stays, and its error (incomplete) says later pages bring it. A
 * filter a provider cannot apply leaves its transactions out, with a NOT_SUPPORTED error.
 */
export async function customerTransactions(
  ctx: ServiceContext,
  externalId: string,
  args: TransactionPageArgs,
  fresh?: boolean,
): Promise<WithErrors<TransactionConnection>> {
  const confined = confinedTo(ctx.caller);
  if (confined && confined !== externalId) return { value: EMPTY, errors: [] };
  const walk = fingerprint(['customer', externalId, filterScope(args.filter)]);
  const cursor = cursorOf(args.after, walk);
  const errors: GatewayError[] = [];
  const failedProviders = new Set<ProviderName>();
  const fail = (provider: ProviderName, e: unknown) => {
    const error = asGatewayError(provider, e);
    if (error.code === 'NOT_SUPPORTED') {
      if (!errors.some((x) => x.code === 'NOT_SUPPORTED' && x.provider === provider))
        errors.push(error);
      return;
    }
    if (failedProviders.has(provider)) return;
    failedProviders.add(provider);
    errors.push(incompletePart(provider, 'transactions', error));
  };
  const before: Record<string, StreamState> = { ...cursor?.streams };
  const providers = ctx.registry.list().filter((p) => p.transactions);
  const parts = (
    await Promise.all(
      providers.map(async (provider): Promise<StreamPart<Result<WalletTransaction>>[]> => {
        const history = provider.transactions!;
        let wallets: Wallet[];
        try {
          const list = await customerLists(ctx, fresh).load({
            provider: provider.name,
            externalId,
          });
          errors.push(...list.errors);
          wallets = list.wallets.filter((w) => canSee(ctx.caller, w));
        } catch (e) {
          fail(provider.name, e);
          return [{ id: `${provider.name}/`, provider: provider.name, failed: true }];
        }
        return Promise.all(
          history.customerStreams({ externalId, wallets }).map(async (stream) => {
            const id = streamId(provider.name, stream.key);
            const state = before[id] ?? { position: null };
            if (state.ended) return { id, provider: provider.name, entries: [], more: false };
            try {
              const read = await readStream(history, stream, state, args);
              before[id] = read.state;
              return partOf(id, provider.name, read.page);
            } catch (e) {
              fail(provider.name, e);
              const unsupported = asGatewayError(provider.name, e).code === 'NOT_SUPPORTED';
              return unsupported
                ? { id, provider: provider.name, entries: [], more: false }
                : { id, provider: provider.name, failed: true as const };
            }
          }),
        );
      }),
    )
  ).flat();
  const merged = mergeStreams(parts, { fingerprint: walk, first: args.first, before });
  return { value: connection(merged, walk, args.after, errors), errors };
}

/**
 * Transactions by their keys (`PROVIDER:walletId:transactionId`): each wallet is read first
 * (batched, and checked against the caller: a hidden wallet's transaction answers like one that
 * does not exist), then its provider answers for all of its ids at once.
 */
export async function loadTransactionsByKeys(
  ctx: Pick<ServiceContext, 'registry' | 'caller'>,
  keys: readonly string[],
): Promise<Result<WalletTransaction>[]> {
  const notFound = () => new GatewayError('TRANSACTION_NOT_FOUND', 'Wallet transaction not found');
  const parsed = keys.map(parseTransactionKey);
  const walletKeys = [
    ...new Set(parsed.flatMap((k) => (k ? [`${k.provider}:${k.walletId}`] : []))),
  ];
  const wallets = new Map(
    (await loadWalletsByKeys(ctx.registry, walletKeys)).map((w, i) => [
      walletKeys[i]!,
      visibleTo(ctx.caller, w),
    ]),
  );
  const results: Result<WalletTransaction>[] = keys.map(() => notFound());
  const byProvider = new Map<
    ProviderName,
    { index: number; wallet: Wallet; transactionId: string }[]
  >();
  parsed.forEach((k, index) => {
    if (!k) return;
    const wallet = wallets.get(`${k.provider}:${k.walletId}`);
    if (!wallet || wallet instanceof GatewayError) {
      // A wallet that cannot be seen or found: its transaction cannot either. Other failures
      // (the provider is down) say so.
      if (wallet instanceof GatewayError && wallet.code !== 'WALLET_NOT_FOUND')
        results[index] = wallet;
      return;
    }
    const group = byProvider.get(k.provider) ?? [];
    group.push({ index, wallet, transactionId: k.transactionId });
    byProvider.set(k.provider, group);
  });
  await Promise.all(
    [...byProvider].map(async ([provider, group]) => {
      const history = ctx.registry.get(provider)?.transactions;
      if (!history) return;
      const answers = await history.byIds(group);
      group.forEach((g, i) => {
        results[g.index] = answers[i] ?? notFound();
      });
    }),
  );
  return results;
}
