import { responsePathAsArray } from 'graphql';
import { sumByCurrency } from '../domain/money.js';
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

const CustomerType = builder.objectRef<Customer>('Customer').implement({
  description:
    'A customer identified by your external id, joined across every configured provider.',
  fields: (t) => ({
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
      'A customer by your external id. Always answers: a customer no provider knows has no wallets and no balances.',
    args: {
      externalId: t.arg.string({ required: true, description: 'Your id for the customer.' }),
    },
    resolve: (_root, { externalId }) => ({ externalId }),
  }),
);
