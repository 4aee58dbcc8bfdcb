/** The operation GraphiQL opens with: a customer's wallets across providers. */
export const DEFAULT_GRAPHIQL_QUERY = `# Walletgate: one GraphQL API over Lago, Flexprice and Polar wallets.
# Press the run button to see the sandbox customer's wallets.
query CustomerWallets {
  customer(externalId: "hooli_1234") {
    externalId
    balances { amount currency formatted }
    wallets {
      id
      provider
      name
      status
      balance { amount currency minorUnits formatted }
      ongoingBalance { amount currency }
      credits { balance rate }
      recurringTransactionRules { trigger method interval thresholdCredits targetOngoingBalance }
      alertSettings { thresholds { value condition metric } }
    }
  }
}
`;
