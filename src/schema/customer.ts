import { sumByCurrency } from '../domain/money.js';
import { collectWallets, customerKnownBy } from '../services/wallets.js';
import { builder } from './builder.js';
import { ProviderEnum, WalletStatusEnum } from './enums.js';
import { MoneyType } from './money.js';
import { FRESH_DESCRIPTION, withErrorsRecorded } from './parts.js';
import { perProvider } from './provider-notes.js';
import { WalletNode } from './wallet.js';

interface Customer {
  readonly externalId: string;
  /** Asked with `fresh: true`: its wallets are read past the wallet cache. */
  readonly fresh?: boolean;
}

const CustomerWalletFilter = builder.inputType('CustomerWalletFilter', {
  description: "Narrows a customer's wallets.",
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, description: "Only this provider's wallets." }),
    status: t.field({
      type: WalletStatusEnum,
      description: perProvider('CustomerWalletFilter.status', 'Only wallets in this state.'),
    }),
    currency: t.field({ type: 'Currency', description: 'Only wallets in this currency.' }),
  }),
});

export const CustomerType = builder.node(builder.objectRef<Customer>('Customer'), {
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
      resolve: async (customer, _args, ctx, info) =>
        withErrorsRecorded(
          await customerKnownBy(ctx, customer.externalId, customer.fresh),
          ctx,
          info,
        ),
    }),
    externalId: t.exposeString('externalId', {
      description: perProvider('Customer.externalId', 'Your id for the customer.'),
    }),
    wallets: t.field({
      type: [WalletNode],
      description: perProvider(
        'Customer.wallets',
        "The customer's wallets in every configured provider, fetched in parallel. A failing " +
          "provider leaves the others' wallets here and adds one error naming it.",
      ),
      args: { filter: t.arg({ type: CustomerWalletFilter, description: 'Which wallets.' }) },
      resolve: async (customer, args, ctx, info) =>
        withErrorsRecorded(
          await collectWallets(ctx, {
            ...args.filter,
            customerExternalId: customer.externalId,
            fresh: customer.fresh,
          }),
          ctx,
          info,
        ),
    }),
    balances: t.field({
      type: [MoneyType],
      description:
        "Settled balance totals per currency over the customer's non-terminated wallets " +
        'in every provider, exact, sorted by currency. Partial (with an error) when a ' +
        'provider fails.',
      resolve: async (customer, _args, ctx, info) => {
        const wallets = withErrorsRecorded(
          await collectWallets(ctx, {
            customerExternalId: customer.externalId,
            fresh: customer.fresh,
          }),
          ctx,
          info,
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
      fresh: t.arg.boolean({
        defaultValue: false,
        description: FRESH_DESCRIPTION,
      }),
    },
    resolve: (_root, { externalId, fresh }) => (fresh ? { externalId, fresh } : { externalId }),
  }),
);
