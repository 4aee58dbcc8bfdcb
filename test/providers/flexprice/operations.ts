import { graphql } from '../../gql/index.js';

/** The operations the Flexprice adapter tests run, typed by `npm run codegen`. */

export const FlexWalletFieldsFragment = graphql(`
  fragment FlexWalletFields on Wallet {
    id
    provider
    providerWalletId
    customer { externalId providerCustomerId }
    name
    code
    status
    kind
    currency
    balance { amount currency minorUnits }
    ongoingBalance { amount currency minorUnits }
    ongoingUsage { amount currency }
    ongoingBalanceIsCached
    credits { balance ongoingBalance ongoingUsage consumed rate topUpRate breakdown { free purchased } }
    priority
    createdAt
    updatedAt
    recurringTransactionRules {
      id trigger interval method thresholdCredits paidCredits grantedCredits targetOngoingBalance
      status invoiced cooldown { value unit }
    }
    alertSettings {
      enabled
      state
      thresholds { level value condition metric recurring code alertCode }
      critical { value }
      warning { value }
      info { value }
    }
    metadata { key value }
    raw
  }
`);

export const FlexCustomerWalletsQuery = graphql(`
  query FlexCustomerWallets($externalId: String!, $filter: CustomerWalletFilter) {
    customer(externalId: $externalId) {
      externalId
      balances { amount currency }
      wallets(filter: $filter) { ...FlexWalletFields }
    }
  }
`);

export const FlexNodesQuery = graphql(`
  query FlexNodes($ids: [ID!]!) {
    nodes(ids: $ids) { id ...FlexWalletFields }
  }
`);

export const FlexWalletQuery = graphql(`
  query FlexWallet($id: ID!) {
    wallet(id: $id) { ...FlexWalletFields }
  }
`);

export const FlexWalletsQuery = graphql(`
  query FlexWallets($filter: WalletFilter) {
    wallets(filter: $filter, first: 100) {
      edges { node { providerWalletId status currency customer { externalId } ongoingBalance { amount } } }
    }
  }
`);
