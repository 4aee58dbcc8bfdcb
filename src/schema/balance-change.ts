import { Repeater } from 'graphql-yoga';
import { confinedTo } from '../auth/caller.js';
import { visibleTo } from '../auth/visibility.js';
import { Dec, type Money, money } from '../domain/money.js';
import type { ProviderName } from '../domain/wallet.js';
import { GatewayError } from '../errors.js';
import type { BalanceChangedMessage } from '../events/balance-event.js';
import { type BalanceTarget, balanceChanges } from '../events/subscribe.js';
import { createLoaders, loadWalletsByKeys } from '../loaders.js';
import { isProviderName } from '../providers/registered.js';
import { type ArgumentCheck, argumentCheck, globalIdArgument } from './argument-checks.js';
import { builder } from './builder.js';
import { ProviderEnum } from './enums.js';
import { decodeGlobalId, invalidId } from './global-id.js';
import { MoneyType } from './money.js';
import { providersWith } from './provider-notes.js';
import { WalletNode } from './wallet.js';

export const BalanceChangeSource = builder.enumType('BalanceChangeSource', {
  description: 'How the gateway learnt of a change.',
  values: {
    WEBHOOK: { description: 'A verified provider webhook (then a re-read of the wallet).' },
    POLL: {
      description: `Polling, for providers without usable webhooks (${providersWith('webhooks', false)}, or a provider whose webhook secret is not configured).`,
    },
    MUTATION: { description: 'A change made through this gateway.' },
  } as const,
});

const moneyOf = (m: { amount: string; currency: string }): Money => money(m.amount, m.currency);

const WalletBalanceChange = builder
  .objectRef<BalanceChangedMessage>('WalletBalanceChange')
  .implement({
    description:
      "A change of a wallet's spendable balance: its ongoing balance where the provider has one, else its balance.",
    fields: (t) => ({
      eventId: t.id({
        description: 'Unique per change; the same on every replica and transport.',
        resolve: (m) => m.eventId,
      }),
      provider: t.field({
        type: ProviderEnum,
        description: 'The provider holding the wallet.',
        resolve: (m) => m.provider,
      }),
      wallet: t.field({
        type: WalletNode,
        nullable: true,
        description:
          'The wallet, re-read from the provider for this event (never data from an ' +
          'earlier event). Null plus an error when the re-read fails.',
        resolve: async (m, _args, ctx) => {
          const wallet = await ctx.live.walletForEvent(m.eventId, m.walletKey);
          if (wallet instanceof Error) throw wallet;
          return wallet;
        },
      }),
      previousBalance: t.field({
        type: MoneyType,
        nullable: true,
        description:
          'The spendable balance before; null when the gateway had not seen this wallet before.',
        resolve: (m) => (m.previousBalance ? moneyOf(m.previousBalance) : null),
      }),
      balance: t.field({
        type: MoneyType,
        description: 'The spendable balance now.',
        resolve: (m) => moneyOf(m.balance),
      }),
      delta: t.field({
        type: MoneyType,
        nullable: true,
        description:
          '`balance` minus `previousBalance`, exact; null when there is no previous balance.',
        resolve: (m) =>
          m.previousBalance && m.previousBalance.currency === m.balance.currency
            ? money(new Dec(m.balance.amount).sub(m.previousBalance.amount), m.balance.currency)
            : null,
      }),
      source: t.field({
        type: BalanceChangeSource,
        description: 'How the change was learnt.',
        resolve: (m) => m.source,
      }),
      occurredAt: t.field({
        type: 'DateTime',
        description: 'When the gateway detected the change.',
        resolve: (m) => new Date(m.occurredAt),
      }),
    }),
  });

export function silentStream<T = BalanceChangedMessage>(): Repeater<T> {
  return new Repeater(async (_push, stop) => {
    await stop;
  });
}

export function walletTarget(
  globalId: string,
  configured: readonly ProviderName[],
): Extract<BalanceTarget, { kind: 'wallet' }> {
  const decoded = decodeGlobalId(globalId);
  const colon = decoded.id.indexOf(':');
  const provider = decoded.id.slice(0, colon) as ProviderName;
  const walletId = decoded.id.slice(colon + 1);
  if (decoded.typename !== 'Wallet' || colon <= 0 || !walletId || !isProviderName(provider))
    throw invalidId('a Wallet id');
  if (!configured.includes(provider))
    throw new GatewayError(
      'PROVIDER_NOT_CONFIGURED',
      `${provider} is not configured on this gateway`,
      { provider },
    );
  return { kind: 'wallet', provider, walletId };
}

const walletIdArgument = globalIdArgument('walletId', ['Wallet']);

/** Exactly one target (no firehose), and a walletId that is a Wallet id. */
export const oneTargetOf =
  (field: string): ArgumentCheck =>
  (args) =>
    !args.walletId === !args.customerExternalId
      ? {
          code: 'BAD_USER_INPUT',
          argument: args.walletId ? 'walletId' : 'customerExternalId',
          message: `${field} needs exactly one of walletId or customerExternalId`,
        }
      : walletIdArgument(args);
const oneTarget = oneTargetOf('walletBalanceChanged');

builder.subscriptionType({
  description:
    'Live balance changes and wallet transactions, over SSE (`Accept: text/event-stream`) or ' +
    'WebSocket (graphql-ws) on /graphql.',
});

builder.subscriptionField('walletBalanceChanged', (t) =>
  t.field({
    type: WalletBalanceChange,
    description:
      "Streams changes of one wallet's balance, or of every wallet of one customer " +
      'across providers. Exactly one argument is required: there is no firehose of ' +
      "every customer's balance.",
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
      const confined = confinedTo(ctx.caller);
      if (args.customerExternalId) {
        // Another customer's stream is answered like an unknown customer's: one that never yields.
        if (confined && confined !== args.customerExternalId) return silentStream();
        return balanceChanges(ctx.live, {
          kind: 'customer',
          externalId: args.customerExternalId,
          providers: configured,
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
      return balanceChanges(ctx.live, target);
    },
    resolve: (message, _args, ctx) => {
      // Fresh loaders per event: nested fields (Lago alerts) must not reuse an earlier event's reads.
      ctx.loaders = createLoaders(ctx.registry);
      // Errors recorded for this event's parts only.
      ctx.partialErrors.length = 0;
      return message;
    },
  }),
);
