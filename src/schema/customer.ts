import { responsePathAsArray } from 'graphql';
import { confinedTo } from '../auth/caller.js';
import { sumByCurrency } from '../domain/money.js';
import type { ProviderName } from '../domain/wallet.js';
import { asGatewayError } from '../providers/items.js';
import { builder } from './builder.js';
import { ProviderEnum, WalletStatusEnum } from './enums.js';
import { MoneyType } from './money.js';
import { WalletNode } from './wallet.js';
import { collectWallets } from './wallet-lists.js';

interface Customer {
  readonly externalId: string;
}

const CustomerWalletFilter = builder.inputType('CustomerWalletFilter', {
  description: "Narrows a customer's wallets.",
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, description: "Only this provider's wallets." }),
    status: t.field({
      type: WalletStatusEnum,
      description:
        'Only wallets in this state (Flexprice never lists closed wallets for a customer).',
    }),
    currency: t.field({ type: 'Currency', description: 'Only wallets in this currency.' }),
  }),
});

const CustomerType = builder.node(builder.objectRef<Customer>('Customer'), {
  description:
    'A customer identified by your external id, joined across every configured provider.',
  id: {
    resolve: (c) => c.externalId,
    description:
      'Opaque global id (encodes the external id): `node(id:)` fetches the customer again.',
  },
  // A customer is its external id: fetching it by id asks no provider until a field does.
  loadOne: (externalId) => ({ externalId }),
  isTypeOf: (value) =>
    typeof value === 'object' && value !== null && 'externalId' in value && !('provider' in value),
  fields: (t) => ({
    knownBy: t.field({
      type: [ProviderEnum],
      description:
        'The providers that have this customer on record, with or without wallets: empty for a customer no provider knows (and, under a customer token, for any other customer). A provider that fails is left out and named in one error.',
      resolve: async (customer, _args, ctx, info) => {
        const confined = confinedTo(ctx.caller);
        if (confined && confined !== customer.externalId) return [];
        const path = responsePathAsArray(info.path);
        const known = await Promise.all(
          ctx.registry.list().map(async (provider): Promise<ProviderName | undefined> => {
            try {
              const list = await ctx.loaders.walletsByCustomer.load({
                provider: provider.name,
                externalId: customer.externalId,
              });
              return list.customerKnown === false ? undefined : provider.name;
            } catch (e) {
              ctx.partialErrors.push(asGatewayError(provider.name, e).withPath(path));
              return undefined;
            }
          }),
        );
        return known.filter((p): p is ProviderName => p !== undefined);
      },
    }),
    externalId: t.exposeString('externalId', {
      description:
        'Your id for the customer (Lago external_customer_id, Flexprice external_id, Polar external_id).',
    }),
    wallets: t.field({
      type: [WalletNode],
      description:
        "The customer's wallets in every configured provider, fetched in parallel. " +
        'Flexprice lists only active wallets for a customer (closed ones are hidden ' +
        "upstream). A failing provider leaves the others' wallets here and adds one " +
        'error naming it.',
      args: { filter: t.arg({ type: CustomerWalletFilter, description: 'Which wallets.' }) },
      resolve: (customer, args, ctx, info) =>
        collectWallets(
          ctx,
          { ...args.filter, customerExternalId: customer.externalId },
          responsePathAsArray(info.path),
        ),
    }),
    balances: t.field({
      type: [MoneyType],
      description:
        "Settled balance totals per currency over the customer's non-terminated wallets " +
        'in every provider, exact, sorted by currency. Partial (with an error) when a ' +
        'provider fails.',
      resolve: async (customer, _args, ctx, info) => {
        const wallets = await collectWallets(
          ctx,
          { customerExternalId: customer.externalId },
          responsePathAsArray(info.path),
        );
        return sumByCurrency(
          wallets.filter((w) => w.status !== 'TERMINATED').map((w) => w.balance),
        );
      },
    }),
  }),
});

builder.queryField('customer', (t) =>
  t.field({
    type: CustomerType,
    description:
      'A customer by your external id. Always answers: a customer no provider knows has no wallets, no balances and an empty `knownBy`.',
    args: {
      externalId: t.arg.string({ required: true, description: 'Your id for the customer.' }),
    },
    resolve: (_root, { externalId }) => ({ externalId }),
  }),
);
