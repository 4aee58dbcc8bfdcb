import { graphql } from '../gql/index.js';

/** The transaction operations the tests run, typed by `npm run codegen`. */

export const WalletTransactionsQuery = graphql(`
  query WalletTransactions(
    $id: ID!
    $first: Int
    $after: String
    $filter: WalletTransactionFilter
  ) {
    wallet(id: $id) {
      providerWalletId
      transactions(first: $first, after: $after, filter: $filter) {
        edges {
          cursor
          node {
            id
            provider
            providerTransactionId
            direction
            status
            kind
            source
            amount { amount currency minorUnits }
            credits
            creditBalanceAfter
            invoiceId
            name
            createdAt
            settledAt
            failedAt
            expiresAt
            metadata { key value }
            raw
            wallet { providerWalletId }
          }
        }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

export const CustomerTransactionsQuery = graphql(`
  query CustomerTransactions(
    $externalId: String!
    $first: Int
    $after: String
    $filter: WalletTransactionFilter
  ) {
    customer(externalId: $externalId) {
      transactions(first: $first, after: $after, filter: $filter) {
        edges {
          cursor
          node { id provider providerTransactionId createdAt kind amount { amount currency } }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const TransactionNodeQuery = graphql(`
  query TransactionNode($id: ID!) {
    node(id: $id) {
      id
      ... on WalletTransaction { providerTransactionId kind amount { amount currency } }
    }
    walletTransaction(id: $id) { providerTransactionId wallet { providerWalletId } }
  }
`);

export const TransactionCapabilitiesQuery = graphql(`
  query TransactionCapabilities {
    providers { name capabilities { transactions webhooks } }
  }
`);

export const TransactionCreatedSubscription = graphql(`
  subscription TransactionCreated($walletId: ID, $customerExternalId: String) {
    walletTransactionCreated(walletId: $walletId, customerExternalId: $customerExternalId) {
      eventId
      provider
      change
      source
      occurredAt
      transaction {
        id
        providerTransactionId
        direction
        status
        kind
        source
        amount { amount currency }
        credits
        createdAt
      }
      wallet { providerWalletId customer { externalId } }
    }
  }
`);
