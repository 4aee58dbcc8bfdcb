import { graphql } from '../gql/index.js';

export const BalanceChangedSubscription = graphql(`
  subscription BalanceChanged($walletId: ID, $customerExternalId: String) {
    walletBalanceChanged(walletId: $walletId, customerExternalId: $customerExternalId) {
      eventId
      provider
      source
      occurredAt
      previousBalance { amount currency }
      balance { amount currency }
      delta { amount currency }
      wallet { id providerWalletId balance { amount currency } ongoingBalance { amount } }
    }
  }
`);
