import type { ProviderDocs } from '../module.js';

/**
 * Where each unified field comes from in Polar's wire format (NOTES.md sections cited as §n): the
 * mapping table of docs/providers.md and the Polar part of the GraphQL descriptions. Polar has no
 * credits, rules or alerts, so it has no entries for their fields.
 */
export const POLAR_DOCS: ProviderDocs = {
  title: 'Polar',
  website: 'polar.sh',
  upstreamCalls:
    '`GET /v1/customers/external/{external_id}` once per customer (cached), then ' +
    '`GET /v1/wallets/?customer_id=a&customer_id=b…` for all customers at once; when the private ' +
    'org routes answer 404/403, `POST /v1/customer-sessions/` + `GET /v1/customer-portal/wallets/`',
  specs: [
    'polar/openapi/polar-openapi-2026-04-16.json',
    'polar/openapi/polar-private-wallets.reconstructed.json',
  ],
  fields: {
    'Wallet.id': { short: null, detail: 'global id of `POLAR:<id>`' },
    'Wallet.provider': { short: null, detail: '`POLAR`' },
    'Wallet.providerWalletId': { short: '`id`', detail: '`id` (uuid4)' },
    'WalletCustomer.externalId': {
      short: "the customer's `external_id`",
      detail:
        'customer `external_id` (lookup or `GET /v1/customers/{id}`); null when the customer has none',
    },
    'Customer.externalId': { short: "the customer's `external_id`" },
    'WalletCustomer.providerCustomerId': { short: '`customer_id`' },
    'Wallet.name': { short: null, detail: 'null: Polar wallets have no name (§2.4)' },
    'Wallet.code': { short: null },
    'Wallet.status': {
      short: 'always ACTIVE (Polar has no status)',
      detail: 'always ACTIVE: Polar has no status (§2.4)',
    },
    'WalletStatus.ACTIVE': { short: 'every wallet (Polar has no statuses)' },
    'Wallet.kind': {
      short: 'always CREDIT_BALANCE',
      detail: 'CREDIT_BALANCE (`type` usage/billing is not serialised, §8)',
    },
    'WalletKind.CREDIT_BALANCE': { short: 'every wallet: a money balance that may go negative' },
    'Wallet.currency': { short: '`currency`', detail: '`currency`, upper-cased' },
    'Wallet.balance': {
      short: '`balance`, negative when the customer owes money',
      detail: '`balance`: integer cents, may be negative (§3)',
    },
    'Wallet.ongoingBalance': { short: null, detail: 'null: no such figure' },
    'Wallet.ongoingUsage': { short: null },
    'Wallet.ongoingBalanceIsCached': { short: null },
    'Wallet.credits': { short: null, detail: 'null: no credit unit' },
    'Wallet.priority': { short: null },
    'Wallet.expiresAt': { short: null },
    'Wallet.terminatedAt': { short: null },
    'Wallet.lastTopUpAt': { short: null },
    'Wallet.lastConsumedAt': { short: null },
    'Wallet.createdAt': { short: '`created_at`' },
    'Wallet.updatedAt': { short: '`modified_at`' },
    'Wallet.recurringTransactionRules': { short: null, detail: '`[]`: no rules' },
    'Wallet.alertSettings': { short: null, detail: 'null: no alerts' },
    'Wallet.metadata': { short: null, detail: '`[]`' },
    'Wallet.raw': { short: null, detail: 'the wallet object' },
    'WalletCredits.balance': { detail: '`credits` is null: no credit unit' },
    'Wallet.transactions': {
      short: 'none: Polar keeps wallet transactions internal (§2.1)',
    },
    'Customer.transactions': { detail: 'adds nothing: no public history (§2.1)' },
  },
};
