import type { TransactionFilter, WalletTransaction } from '../domain/transaction.js';
import { transactionKey } from '../domain/transaction.js';
import { walletKey } from '../domain/wallet.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging/keyset.js';
import {
  customerTransactions,
  loadTransactionsByKeys,
  type TransactionPageArgs,
  walletTransactions,
} from '../services/transactions.js';
import { argumentCheck, globalIdArgument, transactionPageArguments } from './argument-checks.js';
import { builder } from './builder.js';
import { CustomerType } from './customer.js';
import { ProviderEnum } from './enums.js';
import { MoneyType } from './money.js';
import { readable, readableList, withErrorsRecorded } from './parts.js';
import { perProvider, providersWith } from './provider-notes.js';
import { MetadataEntryType, WalletNode } from './wallet.js';

const unknownValue = {
  UNKNOWN: {
    description:
      "A value this gateway does not know yet (one the provider added later): the provider's own " +
      "value is in the transaction's `raw`.",
  },
} as const;

const TransactionDirectionEnum = builder.enumType('TransactionDirection', {
  description: 'Whether credits came into the wallet or went out of it.',
  values: {
    CREDIT: { description: perProvider('TransactionDirection.CREDIT', 'Into the wallet.') },
    DEBIT: { description: perProvider('TransactionDirection.DEBIT', 'Out of the wallet.') },
    ...unknownValue,
  } as const,
});

const TransactionStatusEnum = builder.enumType('TransactionStatus', {
  description: 'Where a transaction stands.',
  values: {
    PENDING: {
      description: perProvider(
        'TransactionStatus.PENDING',
        'Waiting (a purchase whose invoice is not paid yet): the balance has not moved.',
      ),
    },
    SETTLED: {
      description: perProvider('TransactionStatus.SETTLED', 'Done: the balance moved.'),
    },
    FAILED: {
      description: perProvider(
        'TransactionStatus.FAILED',
        'Did not happen (a purchase whose payment failed).',
      ),
    },
    ...unknownValue,
  } as const,
});

const TransactionKindEnum = builder.enumType('TransactionKind', {
  description: 'Why the credits moved.',
  values: {
    PURCHASED: { description: perProvider('TransactionKind.PURCHASED', 'Credits bought.') },
    GRANTED: { description: perProvider('TransactionKind.GRANTED', 'Credits given for free.') },
    USAGE: {
      description: perProvider('TransactionKind.USAGE', 'Credits spent on usage (an invoice).'),
    },
    VOIDED: { description: perProvider('TransactionKind.VOIDED', 'Credits taken back by hand.') },
    EXPIRED: { description: perProvider('TransactionKind.EXPIRED', 'Credits that expired.') },
    REFUND: {
      description: perProvider('TransactionKind.REFUND', 'Credits returned (a credit note).'),
    },
    TERMINATION: {
      description: perProvider(
        'TransactionKind.TERMINATION',
        'What was left when the wallet was closed.',
      ),
    },
    ADJUSTMENT: {
      description: perProvider('TransactionKind.ADJUSTMENT', 'A correction of the balance.'),
    },
    ...unknownValue,
  } as const,
});

const TransactionSourceEnum = builder.enumType('TransactionSource', {
  description: 'What started a transaction.',
  values: {
    MANUAL: {
      description: perProvider('TransactionSource.MANUAL', 'A request (API or dashboard).'),
    },
    INTERVAL_RULE: {
      description: perProvider(
        'TransactionSource.INTERVAL_RULE',
        'An INTERVAL recurring transaction rule.',
      ),
    },
    THRESHOLD_RULE: {
      description: perProvider(
        'TransactionSource.THRESHOLD_RULE',
        'A THRESHOLD rule (an automatic top-up).',
      ),
    },
    INVOICE: {
      description: perProvider('TransactionSource.INVOICE', 'An invoice, or its payment.'),
    },
    SUBSCRIPTION: {
      description: perProvider('TransactionSource.SUBSCRIPTION', 'A subscription.'),
    },
    SYSTEM: {
      description: perProvider(
        'TransactionSource.SYSTEM',
        "The provider's own doing (an expiry, a closed wallet).",
      ),
    },
    ...unknownValue,
  } as const,
});

export const WalletTransactionNode = builder.loadableNode('WalletTransaction', {
  description:
    `One movement of a wallet's credits, as its provider records it. Providers with a ` +
    `transaction history: ${providersWith('transactions')}; without: ` +
    `${providersWith('transactions', false)}.`,
  id: {
    resolve: (t: WalletTransaction) => transactionKey(t),
    description: 'Opaque global id; encodes provider, wallet and native id.',
  },
  load: (keys: string[], ctx) => loadTransactionsByKeys(ctx, keys),
  cacheResolved: (t: WalletTransaction) => transactionKey(t),
  isTypeOf: (value) =>
    typeof value === 'object' && value !== null && 'providerTransactionId' in value,
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The provider holding the wallet.',
      resolve: (x) => x.provider,
    }),
    providerTransactionId: t.string({
      description: perProvider(
        'WalletTransaction.providerTransactionId',
        "The provider's own transaction id.",
      ),
      resolve: (x) => x.providerTransactionId,
    }),
    wallet: t.field({
      type: WalletNode,
      nullable: true,
      description:
        'The wallet it moved (read again from the provider when not already read in this request).',
      resolve: (x) => walletKey({ provider: x.provider, providerWalletId: x.providerWalletId }),
    }),
    direction: t.field({
      type: TransactionDirectionEnum,
      description: perProvider('WalletTransaction.direction', 'Into the wallet or out of it.'),
      resolve: (x) => x.direction,
    }),
    status: t.field({
      type: TransactionStatusEnum,
      description: perProvider('WalletTransaction.status', 'Where it stands.'),
      resolve: (x) => x.status,
    }),
    kind: t.field({
      type: TransactionKindEnum,
      description: perProvider('WalletTransaction.kind', 'Why the credits moved.'),
      resolve: (x) => x.kind,
    }),
    source: t.field({
      type: TransactionSourceEnum,
      description: perProvider('WalletTransaction.source', 'What started it.'),
      resolve: (x) => x.source,
    }),
    amount: t.field({
      type: MoneyType,
      description: perProvider(
        'WalletTransaction.amount',
        "What moved, in the wallet's currency, exact: a magnitude (`direction` gives the sign).",
      ),
      resolve: (x) => x.amount,
    }),
    credits: t.field({
      type: 'Decimal',
      nullable: true,
      description: perProvider(
        'WalletTransaction.credits',
        'The same movement in credits, where the provider counts credits.',
      ),
      resolve: (x) => readable(x.credits),
    }),
    creditBalanceAfter: t.field({
      type: 'Decimal',
      nullable: true,
      description: perProvider(
        'WalletTransaction.creditBalanceAfter',
        "The wallet's credit balance right after it, where the provider records it.",
      ),
      resolve: (x) => readable(x.creditBalanceAfter),
    }),
    invoiceId: t.string({
      nullable: true,
      description: perProvider(
        'WalletTransaction.invoiceId',
        "The provider's id of the invoice behind it (a purchase's, or the one it paid).",
      ),
      resolve: (x) => readable(x.invoiceId),
    }),
    name: t.string({
      nullable: true,
      description: perProvider('WalletTransaction.name', 'A label given to it.'),
      resolve: (x) => readable(x.name),
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider('WalletTransaction.createdAt', 'When it was recorded.'),
      resolve: (x) => readable(x.createdAt),
    }),
    settledAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider(
        'WalletTransaction.settledAt',
        'When it settled; null until then, or where the provider does not say.',
      ),
      resolve: (x) => readable(x.settledAt),
    }),
    failedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider('WalletTransaction.failedAt', 'When it failed.'),
      resolve: (x) => readable(x.failedAt),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider(
        'WalletTransaction.expiresAt',
        'When the credits it brought expire, where they do.',
      ),
      resolve: (x) => readable(x.expiresAt),
    }),
    metadata: t.field({
      type: [MetadataEntryType],
      description: perProvider(
        'WalletTransaction.metadata',
        'Key/value metadata, as the provider stores it. An entry that cannot be read is left ' +
          "out, with an UPSTREAM_BAD_RESPONSE error at this list's path.",
      ),
      resolve: (x, _args, ctx, info) => readableList(x.metadata, ctx, info),
    }),
    raw: t.field({
      type: 'JSON',
      description:
        'The upstream transaction object exactly as received: the escape hatch for provider ' +
        'fields not in the unified model.',
      resolve: (x) => x.raw,
    }),
  }),
});

builder.queryField('walletTransaction', (t) =>
  t.field({
    type: WalletTransactionNode,
    nullable: true,
    description:
      'One wallet transaction by global id. An unknown (or hidden) id answers null plus a ' +
      'TRANSACTION_NOT_FOUND error; a string that is not a WalletTransaction id is refused with INVALID_ID.',
    extensions: argumentCheck(globalIdArgument('id', ['WalletTransaction'])),
    args: {
      id: t.arg.globalID({
        required: true,
        for: WalletTransactionNode,
        description: "The transaction's global id.",
      }),
    },
    resolve: (_root, { id }) => id.id,
  }),
);

const WalletTransactionFilterInput = builder.inputType('WalletTransactionFilter', {
  description:
    'Narrows a transaction history; given fields must all match. Each provider applies them ' +
    'upstream; a filter value a provider never records matches nothing there (no upstream call), ' +
    'and a filter it cannot apply is refused for it with NOT_SUPPORTED.',
  fields: (t) => ({
    direction: t.field({
      type: TransactionDirectionEnum,
      description: perProvider('WalletTransactionFilter.direction', 'Only this direction.'),
    }),
    status: t.field({
      type: TransactionStatusEnum,
      description: perProvider('WalletTransactionFilter.status', 'Only this status.'),
    }),
    kind: t.field({
      type: TransactionKindEnum,
      description: perProvider('WalletTransactionFilter.kind', 'Only this kind.'),
    }),
    createdSince: t.field({
      type: 'DateTime',
      description: perProvider(
        'WalletTransactionFilter.createdSince',
        'Only transactions created at or after this time.',
      ),
    }),
    createdUntil: t.field({
      type: 'DateTime',
      description: perProvider(
        'WalletTransactionFilter.createdUntil',
        'Only transactions created at or before this time.',
      ),
    }),
  }),
});

const WalletTransactionConnection = builder.connectionObject(
  {
    type: WalletTransactionNode,
    name: 'WalletTransactionConnection',
    description:
      "A page of wallet transactions, newest first, read over the providers' own pages (Relay " +
      'connection).',
  },
  { name: 'WalletTransactionEdge' },
);

/** The (already checked) arguments of a history page. */
function pageOf(args: {
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: {
    direction?: WalletTransaction['direction'] | null | undefined;
    status?: WalletTransaction['status'] | null | undefined;
    kind?: WalletTransaction['kind'] | null | undefined;
    createdSince?: Date | null | undefined;
    createdUntil?: Date | null | undefined;
  } | null;
}): TransactionPageArgs {
  const f = args.filter ?? {};
  const filter: TransactionFilter = {
    ...(f.direction && { direction: f.direction }),
    ...(f.status && { status: f.status }),
    ...(f.kind && { kind: f.kind }),
    ...(f.createdSince && { createdSince: f.createdSince }),
    ...(f.createdUntil && { createdUntil: f.createdUntil }),
  };
  return { first: args.first ?? DEFAULT_PAGE_SIZE, after: args.after ?? null, filter };
}

const FIRST_DESCRIPTION =
  `How many transactions, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}): each page is ` +
  "one page of the provider's own list; more is refused with BAD_USER_INPUT.";
const AFTER_DESCRIPTION =
  'Start after this cursor (`endCursor`, or an edge `cursor`, of an earlier page of the same ' +
  'list and filter).';

builder.objectField(WalletNode, 'transactions', (t) =>
  t.field({
    type: WalletTransactionConnection,
    nullable: true,
    description: perProvider(
      'Wallet.transactions',
      "The wallet's transactions, newest first, one upstream call per page (the provider's own " +
        'pagination, never everything then a slice). Null with NOT_SUPPORTED where the provider ' +
        `has no transaction list (${providersWith('transactions', false)}).`,
    ),
    extensions: argumentCheck(transactionPageArguments),
    args: {
      first: t.arg.int({ description: FIRST_DESCRIPTION }),
      after: t.arg.string({ description: AFTER_DESCRIPTION }),
      filter: t.arg({ type: WalletTransactionFilterInput, description: 'Which transactions.' }),
    },
    resolve: async (wallet, args, ctx, info) =>
      withErrorsRecorded(await walletTransactions(ctx, wallet, pageOf(args)), ctx, info),
  }),
);

builder.objectField(CustomerType, 'transactions', (t) =>
  t.field({
    type: WalletTransactionConnection,
    description: perProvider(
      'Customer.transactions',
      "The customer's transactions across every wallet and provider, newest first. Each page " +
        "reads one page of each of the providers' lists and merges them; the cursor holds each " +
        "list's own position. A provider that fails costs its own part of the page: one error " +
        '(extensions.provider, incomplete: true) names it, its place in the cursor stays, and ' +
        'later pages bring its transactions. Providers without a transaction list ' +
        `(${providersWith('transactions', false)}) add none.`,
    ),
    extensions: argumentCheck(transactionPageArguments),
    args: {
      first: t.arg.int({ description: FIRST_DESCRIPTION }),
      after: t.arg.string({ description: AFTER_DESCRIPTION }),
      filter: t.arg({ type: WalletTransactionFilterInput, description: 'Which transactions.' }),
    },
    resolve: async (customer, args, ctx, info) =>
      withErrorsRecorded(
        await customerTransactions(ctx, customer.externalId, pageOf(args), customer.fresh),
        ctx,
        info,
      ),
  }),
);
