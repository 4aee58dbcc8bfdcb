import { graphql } from '../gql/index.js';

/** What a frontend built with Apollo Client asks: typed by `npm run codegen`, in its manifest. */

export const WalletPageQuery = graphql(`
  query WalletPage($first: Int, $after: String) {
    wallets(first: $first, after: $after) {
      edges { cursor node { id provider providerWalletId currency balance { amount currency } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const NodeQuery = graphql(`
  query NodeById($id: ID!) {
    node(id: $id) {
      id
      ... on Wallet { provider providerWalletId balance { amount currency } }
      ... on Customer { externalId knownBy }
    }
  }
`);

export const CustomerByExternalIdQuery = graphql(`
  query CustomerByExternalId($externalId: String!) {
    customer(externalId: $externalId) { id externalId knownBy balances { amount currency } }
  }
`);

export const LiveBalanceSubscription = graphql(`
  subscription LiveBalance($customerExternalId: String) {
    walletBalanceChanged(customerExternalId: $customerExternalId) {
      eventId
      provider
      balance { amount currency }
      wallet { id providerWalletId }
    }
  }
`);
