import type { GraphiQLOptions } from 'graphql-yoga';
import { PROVIDERS } from '../providers/registered.js';

const titles = PROVIDERS.map((p) => p.docs.title);
const providerList =
  titles.length > 1 ? `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}` : titles.join('');

/** The operation GraphiQL opens with: a customer's wallets across providers. */
export const DEFAULT_GRAPHIQL_QUERY = `# Walletgate: one GraphQL API over ${providerList} wallets.
# Press the run button to see the sandbox customer's wallets. More examples are in the other tabs.
query CustomerWallets {
  customer(externalId: "hooli_1234") {
    id
    externalId
    knownBy
    balances { amount currency formatted }
    wallets {
      id
      provider
      name
      status
      balance { amount currency minorUnits formatted }
      ongoingBalance { amount currency }
      credits { balance rate }
      fetchedAt
      recurringTransactionRules { trigger method interval thresholdCredits targetOngoingBalance }
      alertSettings { thresholds { value condition metric } }
    }
  }
}
`;

/** A live subscription: press run and balance changes appear as they happen. */
export const LIVE_BALANCE_SUBSCRIPTION = `# Live balances over SSE: press run, then watch events arrive (the sandbox moves balances
# every few seconds; POST <sandbox>/__sandbox/top-up moves one by hand). Press stop to end it.
subscription LiveBalances {
  walletBalanceChanged(customerExternalId: "hooli_1234") {
    eventId
    provider
    source
    occurredAt
    previousBalance { amount currency }
    balance { amount currency }
    delta { amount currency }
    wallet { id name }
  }
}
`;

/** A paginated list: pass a page's endCursor as $after for the next one. */
export const WALLET_PAGES_QUERY = `# Every wallet across providers, 5 per page, newest first. For the next page, copy
# pageInfo.endCursor into the "after" variable (Variables tab) and run again.
query WalletPages($after: String) {
  wallets(first: 5, after: $after) {
    edges {
      cursor
      node { id provider name currency balance { amount currency } createdAt }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

/**
 * GraphiQL as the gateway serves it. Subscriptions are POSTed as JSON (`method: 'POST'`), like
 * every other operation, so CSRF prevention lets them through with no header typed by hand: a
 * JSON POST is one a cross-site page cannot send without a CORS preflight.
 */
export function graphiqlOptions(): GraphiQLOptions {
  return {
    title: 'Walletgate',
    defaultQuery: DEFAULT_GRAPHIQL_QUERY,
    method: 'POST',
    subscriptionsProtocol: 'SSE',
    defaultTabs: [
      { query: DEFAULT_GRAPHIQL_QUERY },
      { query: LIVE_BALANCE_SUBSCRIPTION },
      { query: WALLET_PAGES_QUERY, variables: '{ "after": null }' },
    ],
  };
}
