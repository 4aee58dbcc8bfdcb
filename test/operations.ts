import { graphql } from './gql/index.js';

/** The operations the tests run, typed by `npm run codegen`. */

export const CustomerWalletsQuery = graphql(`
  query CustomerWallets($externalId: String!, $filter: CustomerWalletFilter) {
    customer(externalId: $externalId) {
      externalId
      balances { amount currency minorUnits formatted }
      wallets(filter: $filter) {
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
        ongoingBalance { amount currency minorUnits }
        ongoingUsage { amount currency minorUnits }
        ongoingBalanceIsCached
        credits { balance ongoingBalance ongoingUsage consumed rate topUpRate breakdown { free purchased } }
        priority
        expiresAt
        terminatedAt
        lastTopUpAt
        lastConsumedAt
        createdAt
        updatedAt
        recurringTransactionRules {
          id trigger interval method thresholdCredits paidCredits grantedCredits targetOngoingBalance
          status invoiced startedAt expiresAt createdAt cooldown { value unit }
        }
        metadata { key value }
        raw
      }
    }
  }
`);

export const CustomerWalletAlertsQuery = graphql(`
  query CustomerWalletAlerts($externalId: String!) {
    customer(externalId: $externalId) {
      wallets {
        providerWalletId
        alertSettings {
          enabled
          state
          thresholds { level value condition metric recurring code alertCode }
          critical { value }
          warning { value }
          info { value }
        }
      }
    }
  }
`);

export const WalletBalanceQuery = graphql(`
  query WalletBalance($id: ID!) {
    wallet(id: $id) { id provider providerWalletId status balance { amount currency minorUnits } }
  }
`);

export const WalletsConnectionQuery = graphql(`
  query WalletsConnection($filter: WalletFilter, $first: Int, $after: String) {
    wallets(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id provider providerWalletId currency status } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const NodesQuery = graphql(`
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) { id ... on Wallet { providerWalletId balance { amount currency } } }
  }
`);

export const ProvidersQuery = graphql(`
  query Providers {
    providers {
      name
      capabilities { credits ongoingBalance recurringRules alerts webhooks batchWalletsById batchWalletsByCustomer }
      health { status latencyMs errorCode message }
    }
  }
`);
