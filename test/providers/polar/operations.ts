import { graphql } from '../../gql/index.js';

/** Operations the Polar adapter tests run, typed by `npm run codegen`. */

export const PolarCustomerFields = graphql(`
  fragment PolarCustomerFields on Customer {
    externalId
    balances { amount currency minorUnits formatted }
    wallets {
      id
      provider
      providerWalletId
      customer { externalId providerCustomerId }
      name
      code
      status
      kind
      currency
      balance { amount currency minorUnits formatted }
      ongoingBalance { amount }
      ongoingUsage { amount }
      ongoingBalanceIsCached
      credits { balance }
      priority
      expiresAt
      terminatedAt
      lastTopUpAt
      lastConsumedAt
      createdAt
      updatedAt
      recurringTransactionRules { id }
      alertSettings { enabled }
      metadata { key value }
      raw
    }
  }
`);

/** Four customers in ONE request, by alias: their wallets must cost one upstream list call. */
export const PolarFourCustomersQuery = graphql(`
  query PolarFourCustomers($a: String!, $b: String!, $c: String!, $d: String!) {
    a: customer(externalId: $a) { ...PolarCustomerFields }
    b: customer(externalId: $b) { ...PolarCustomerFields }
    c: customer(externalId: $c) { ...PolarCustomerFields }
    d: customer(externalId: $d) { ...PolarCustomerFields }
  }
`);

export const PolarWalletsByIdQuery = graphql(`
  query PolarWalletsById($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Wallet { providerWalletId customer { externalId providerCustomerId } balance { amount currency minorUnits } }
    }
  }
`);

export const PolarAllWalletsQuery = graphql(`
  query PolarAllWallets($filter: WalletFilter) {
    wallets(filter: $filter, first: 100) {
      edges { node { providerWalletId currency customer { externalId providerCustomerId } balance { amount minorUnits } } }
    }
  }
`);
