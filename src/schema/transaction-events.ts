import { confinedTo } from '../auth/caller.js';
import { visibleTo } from '../auth/visibility.js';
import { GatewayError } from '../errors.js';
import type { TransactionEventMessage } from '../events/transaction-event.js';
import { transactionEvents } from '../events/transaction-stream.js';
import { createLoaders, loadWalletsByKeys } from '../loaders.js';
import { argumentCheck } from './argument-checks.js';
import { BalanceChangeSource, oneTargetOf, silentStream, walletTarget } from './balance-change.js';
import { builder } from './builder.js';
import { ProviderEnum } from './enums.js';
import { providersWith } from './provider-notes.js';
import { WalletTransactionNode } from './transactions.js';
import { WalletNode } from './wallet.js';

const TransactionChange = builder.enumType('TransactionChange', {
  description: 'What happened to the transaction.',
  values: {
    CREATED: { description: 'It was recorded.' },
    UPDATED: {
      description: 'Its status changed (a pending purchase settled or failed).',
    },
  } as const,
});

const WalletTransactionEvent = builder
  .objectRef<TransactionEventMessage>('WalletTransactionEvent')
  .implement({
    description: 'A wallet transaction recorded, or whose status changed.',
    fields: (t) => ({
      eventId: t.id({
        description: 'Unique per event; the same on every replica and transport.',
        resolve: (m) => m.eventId,
      }),
      provider: t.field({
        type: ProviderEnum,
        description: 'The provider holding the wallet.',
        resolve: (m) => m.provider,
      }),
      change: t.field({
        type: TransactionChange,
        description: 'Recorded, or updated.',
        resolve: (m) => m.change,
      }),
      source: t.field({
        type: BalanceChangeSource,
        description: 'How the gateway learnt of it: a verified webhook, or a poll.',
        resolve: (m) => m.source,
      }),
      occurredAt: t.field({
        type: 'DateTime',
        description: 'When the gateway learnt of it.',
        resolve: (m) => new Date(m.occurredAt),
      }),
      transaction: t.field({
        type: WalletTransactionNode,
        nullable: true,
        description:
          "The transaction, read from the provider's own object for this event. Null plus an " +
          'error when it cannot be read.',
        resolve: async (m, _args, ctx) => {
          const transaction = await ctx.live.transactionForEvent(m);
          if (transaction instanceof Error) throw transaction;
          return transaction;
        },
      }),
      wallet: t.field({
        type: WalletNode,
        nullable: true,
        description: 'Its wallet, re-read from the provider for this event.',
        resolve: async (m, _args, ctx) => {
          const wallet = await ctx.live.walletForEvent(m.eventId, m.walletKey);
          if (wallet instanceof Error) throw wallet;
          return wallet;
        },
      }),
    }),
  });

const oneTarget = oneTargetOf('walletTransactionCreated');

builder.subscriptionField('walletTransactionCreated', (t) =>
  t.field({
    type: WalletTransactionEvent,
    description:
      'Streams the transactions of one wallet, or of every wallet of one customer across ' +
      'providers: each verified transaction webhook is one event (a redelivery is none), and ' +
      "where a provider's webhooks are not configured its histories are polled (source POLL). " +
      'Exactly one argument is required. Providers without a transaction list ' +
      `(${providersWith('transactions', false)}) send none.`,
    extensions: argumentCheck(oneTarget),
    args: {
      walletId: t.arg.id({ description: "A wallet's global id." }),
      customerExternalId: t.arg.string({ description: 'Your id for the customer.' }),
    },
    subscribe: async (_root, args, ctx) => {
      // Checked before execution (oneTarget); kept for any path that skips those checks.
      const problem = oneTarget(args);
      if (problem) throw new GatewayError(problem.code, problem.message);
      const configured = ctx.registry.list().map((p) => p.name);
      const withHistory = ctx.registry
        .list()
        .filter((p) => p.transactions)
        .map((p) => p.name);
      const confined = confinedTo(ctx.caller);
      if (args.customerExternalId) {
        // Another customer's stream is answered like an unknown customer's: one that never yields.
        if (confined && confined !== args.customerExternalId)
          return silentStream<TransactionEventMessage>();
        return transactionEvents(ctx.live, {
          kind: 'customer',
          externalId: args.customerExternalId,
          providers: withHistory,
        });
      }
      const target = walletTarget(String(args.walletId), configured);
      if (confined) {
        // A customer may only watch a wallet it can read: checked once, answered like a missing wallet.
        const [wallet] = await loadWalletsByKeys(ctx.registry, [
          `${target.provider}:${target.walletId}`,
        ]);
        const visible = visibleTo(ctx.caller, wallet!);
        if (visible instanceof Error) throw visible;
      }
      if (!withHistory.includes(target.provider))
        throw new GatewayError(
          'NOT_SUPPORTED',
          `${target.provider} does not expose its wallets' transactions`,
          { provider: target.provider },
        );
      return transactionEvents(ctx.live, target);
    },
    resolve: (message, _args, ctx) => {
      // Fresh loaders per event: nested fields must not reuse an earlier event's reads.
      ctx.loaders = createLoaders(ctx.registry);
      ctx.partialErrors.length = 0;
      return message;
    },
  }),
);
