import { visibleTo } from '../auth/visibility.js';
import {
  ALERTS_ON_REQUEST,
  type MetadataEntry,
  type Wallet,
  type WalletCustomer,
  walletKey,
} from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import { loadWalletsByKeys } from '../loaders.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging/keyset.js';
import { freshWallet, walletPage } from '../services/wallets.js';
import { AlertSettingsType } from './alerts.js';
import { argumentCheck, globalIdArgument, pageArguments, pageOf } from './argument-checks.js';
import { builder } from './builder.js';
import { WalletCreditsType } from './credits.js';
import { ProviderEnum, WalletKindEnum, WalletStatusEnum } from './enums.js';
import { MoneyType } from './money.js';
import { FRESH_DESCRIPTION, readable, readableList, withErrorsRecorded } from './parts.js';
import { perProvider, providersWith } from './provider-notes.js';
import { RecurringTransactionRuleType } from './rules.js';

/** Every wallet passes through the wallet cache, which stamps it; a wallet without is a bug. */
function fetchedAtOf(w: Wallet): Date {
  if (!w.fetchedAt)
    throw new Error(`${w.provider} wallet reached the schema without passing the wallet cache`);
  return w.fetchedAt;
}

const WalletCustomerType = builder.objectRef<WalletCustomer>('WalletCustomer').implement({
  description: 'The customer a wallet belongs to, as the provider knows it.',
  fields: (t) => ({
    externalId: t.string({
      nullable: true,
      description: perProvider(
        'WalletCustomer.externalId',
        'Your id for the customer: the join key across providers. Null where the provider has ' +
          'none on record.',
      ),
      resolve: (c) => c.externalId,
    }),
    providerCustomerId: t.string({
      description: perProvider(
        'WalletCustomer.providerCustomerId',
        "The provider's own customer id.",
      ),
      resolve: (c) => c.providerCustomerId,
    }),
  }),
});

export const MetadataEntryType = builder.objectRef<MetadataEntry>('MetadataEntry').implement({
  description: 'One key/value pair of wallet metadata.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The key.' }),
    value: t.string({
      nullable: true,
      description: 'The value; null where the provider stores a null.',
      resolve: (m) => m.value,
    }),
  }),
});

export const WalletNode = builder.loadableNode('Wallet', {
  description:
    'A prepaid-credit wallet or customer balance held by one billing provider, in one currency.',
  id: {
    resolve: (w: Wallet) => walletKey(w),
    description: 'Opaque global id; encodes provider and native id.',
  },
  load: async (keys: string[], ctx) =>
    (await loadWalletsByKeys(ctx.registry, keys)).map((r) => {
      const visible = visibleTo(ctx.caller, r);
      // Answered from the cache while its provider failed: the failure is reported beside it.
      if (!(visible instanceof GatewayError) && visible.staleBecause)
        ctx.partialErrors.push(visible.staleBecause);
      return visible;
    }),
  cacheResolved: (w: Wallet) => walletKey(w),
  // A transaction names its wallet too (providerWalletId): only a wallet has no transaction id.
  isTypeOf: (value) =>
    typeof value === 'object' &&
    value !== null &&
    'providerWalletId' in value &&
    !('providerTransactionId' in value),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The provider holding the wallet.',
      resolve: (w) => w.provider,
    }),
    providerWalletId: t.string({
      description: perProvider('Wallet.providerWalletId', "The provider's own wallet id."),
      resolve: (w) => w.providerWalletId,
    }),
    customer: t.field({
      type: WalletCustomerType,
      description: 'Whose wallet it is.',
      resolve: (w) => w.customer,
    }),
    name: t.string({
      nullable: true,
      description: perProvider('Wallet.name', 'Display name, where the provider has one.'),
      resolve: (w) => readable(w.name),
    }),
    code: t.string({
      nullable: true,
      description: perProvider(
        'Wallet.code',
        "Stable code, unique among a customer's active wallets, where the provider has one.",
      ),
      resolve: (w) => readable(w.code),
    }),
    status: t.field({
      type: WalletStatusEnum,
      description: perProvider('Wallet.status', 'Lifecycle state.'),
      resolve: (w) => w.status,
    }),
    kind: t.field({
      type: WalletKindEnum,
      description: perProvider('Wallet.kind', 'What the wallet holds.'),
      resolve: (w) => w.kind,
    }),
    currency: t.field({
      type: 'Currency',
      description: perProvider('Wallet.currency', "The wallet's currency."),
      resolve: (w) => w.currency,
    }),
    balance: t.field({
      type: MoneyType,
      description: perProvider(
        'Wallet.balance',
        'Settled balance in currency; negative where the provider allows debt (the customer owes money).',
      ),
      resolve: (w) => w.balance,
    }),
    ongoingBalance: t.field({
      type: MoneyType,
      nullable: true,
      description: perProvider(
        'Wallet.ongoingBalance',
        'What is available now: the balance net of usage not yet invoiced. Can be negative. ' +
          'Null where the provider has no such figure.',
      ),
      resolve: (w) => readable(w.ongoingBalance),
    }),
    ongoingUsage: t.field({
      type: MoneyType,
      nullable: true,
      description: perProvider('Wallet.ongoingUsage', 'Usage not yet invoiced, in currency.'),
      resolve: (w) => readable(w.ongoingUsage),
    }),
    ongoingBalanceIsCached: t.boolean({
      nullable: true,
      description: perProvider(
        'Wallet.ongoingBalanceIsCached',
        'True when the provider answered the ongoing balance from its cache after failing to ' +
          'compute it live. Null where not applicable.',
      ),
      resolve: (w) => readable(w.ongoingBalanceIsCached),
    }),
    credits: t.field({
      type: WalletCreditsType,
      nullable: true,
      description: perProvider(
        'Wallet.credits',
        `The wallet in credits; null where the provider has no credit unit (${providersWith('credits', false)}).`,
      ),
      resolve: (w) => readable(w.credits),
    }),
    priority: t.int({
      nullable: true,
      description: perProvider(
        'Wallet.priority',
        "Consumption order among the customer's wallets: lower is consumed first.",
      ),
      resolve: (w) => readable(w.priority),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider('Wallet.expiresAt', 'When the wallet expires, if it does.'),
      resolve: (w) => readable(w.expiresAt),
    }),
    terminatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider('Wallet.terminatedAt', 'When the wallet was terminated.'),
      resolve: (w) => readable(w.terminatedAt),
    }),
    lastTopUpAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider(
        'Wallet.lastTopUpAt',
        'Last top-up, where the provider reports it on the wallet.',
      ),
      resolve: (w) => readable(w.lastTopUpAt),
    }),
    lastConsumedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider('Wallet.lastConsumedAt', 'Last time credits were consumed.'),
      resolve: (w) => readable(w.lastConsumedAt),
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider('Wallet.createdAt', 'When the wallet was created.'),
      resolve: (w) => readable(w.createdAt),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: perProvider('Wallet.updatedAt', 'Last change, where the provider reports it.'),
      resolve: (w) => readable(w.updatedAt),
    }),
    recurringTransactionRules: t.field({
      type: [RecurringTransactionRuleType],
      description: perProvider(
        'Wallet.recurringTransactionRules',
        'Automatic top-up rules. A rule that cannot be read is left out, with an ' +
          "UPSTREAM_BAD_RESPONSE error at this list's path naming the provider and the part.",
      ),
      resolve: (w, _args, ctx, info) => readableList(w.recurringTransactionRules, ctx, info),
    }),
    alertSettings: t.field({
      type: AlertSettingsType,
      nullable: true,
      description: perProvider(
        'Wallet.alertSettings',
        'Balance alerts; null when the wallet has none.',
      ),
      resolve: (w, _args, ctx) =>
        w.alertSettings === ALERTS_ON_REQUEST
          ? ctx.loaders.alertSettings.load(w)
          : readable(w.alertSettings as Exclude<Wallet['alertSettings'], typeof ALERTS_ON_REQUEST>),
    }),
    metadata: t.field({
      type: [MetadataEntryType],
      description: perProvider(
        'Wallet.metadata',
        'Key/value metadata, as the provider stores it. An entry that cannot be read is left ' +
          "out, with an UPSTREAM_BAD_RESPONSE error at this list's path.",
      ),
      resolve: (w, _args, ctx, info) => readableList(w.metadata, ctx, info),
    }),
    fetchedAt: t.field({
      type: 'DateTime',
      description:
        'When the provider answered with this wallet: the gateway may answer from its wallet ' +
        "cache, within the provider's freshness policy (see the README), or past it when the " +
        'provider fails (an error with extensions.stale says so). `fresh: true` reads it now.',
      resolve: (w) => fetchedAtOf(w),
    }),
    raw: t.field({
      type: 'JSON',
      description:
        'The upstream wallet object exactly as received: the escape hatch for provider fields ' +
        'not in the unified model.',
      resolve: (w) => w.raw,
    }),
  }),
});

builder.queryField('wallet', (t) =>
  t.field({
    type: WalletNode,
    nullable: true,
    description:
      'One wallet by global id. An unknown id answers null plus a WALLET_NOT_FOUND error; a string that is not a Wallet id is refused with INVALID_ID.',
    extensions: argumentCheck(globalIdArgument('id', ['Wallet'])),
    args: {
      id: t.arg.globalID({
        required: true,
        for: WalletNode,
        description: "The wallet's global id.",
      }),
      fresh: t.arg.boolean({ defaultValue: false, description: FRESH_DESCRIPTION }),
    },
    resolve: async (_root, { id, fresh }, ctx) => {
      if (!fresh) return id.id;
      const wallet = await freshWallet(ctx, id.id);
      if (wallet instanceof GatewayError) throw wallet;
      return wallet;
    },
  }),
);

export const WalletFilterInput = builder.inputType('WalletFilter', {
  description: 'Narrows a wallet list. Every field is optional; given fields must all match.',
  fields: (t) => ({
    customerExternalId: t.string({
      description: "Only this customer's wallets (your external id).",
    }),
    provider: t.field({ type: ProviderEnum, description: "Only this provider's wallets." }),
    status: t.field({
      type: WalletStatusEnum,
      description: perProvider('WalletFilter.status', 'Only wallets in this state.'),
    }),
    currency: t.field({ type: 'Currency', description: 'Only wallets in this currency.' }),
  }),
});

const WalletConnection = builder.connectionObject(
  {
    type: WalletNode,
    name: 'WalletConnection',
    description: 'A page of wallets across providers (Relay connection, keyset cursors).',
  },
  { name: 'WalletEdge' },
);

builder.queryField('wallets', (t) =>
  t.field({
    type: WalletConnection,
    description:
      'Wallets across every configured provider, newest first (then by provider and id), in ' +
      `pages of at most ${MAX_PAGE_SIZE}. Cursors are keyset positions in each provider's own ` +
      'order, so a walk never skips or repeats a wallet. When a provider fails, its wallets are ' +
      'missing from that page, one error (extensions.provider, incomplete: true) names it, and ' +
      'its place in the cursor stays put: later pages bring its wallets.',
    extensions: argumentCheck(pageArguments),
    args: {
      filter: t.arg({ type: WalletFilterInput, description: 'Which wallets.' }),
      first: t.arg.int({
        description:
          `How many wallets, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}); ` +
          'more is refused with BAD_USER_INPUT.',
      }),
      after: t.arg.string({
        description:
          'Start after this cursor (`endCursor`, or an edge `cursor`, of an earlier page).',
      }),
      fresh: t.arg.boolean({ defaultValue: false, description: FRESH_DESCRIPTION }),
    },
    resolve: async (_root, args, ctx, info) =>
      withErrorsRecorded(
        await walletPage(ctx, { ...args.filter, fresh: args.fresh }, pageOf(args)),
        ctx,
        info,
      ),
  }),
);

export type { Wallet };
