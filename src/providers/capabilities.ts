/**
 * What a provider can answer, one flag per capability. Each provider's registration sets every
 * flag (TypeScript makes it); the `providers { capabilities }` type and the README's capability
 * table are built from the descriptions here, so a new capability is one entry below, one flag in
 * each provider's folder, and the schema type it feeds.
 */
export const CAPABILITIES = {
  credits: {
    label: 'Credits (`Wallet.credits`)',
    description: 'Wallets have a credit unit (`Wallet.credits` is set).',
  },
  ongoingBalance: {
    label: 'Ongoing balance (`Wallet.ongoingBalance`)',
    description: '`Wallet.ongoingBalance` (balance net of uninvoiced usage) is available.',
  },
  recurringRules: {
    label: 'Automatic top-up rules',
    description: 'Automatic top-up rules exist.',
  },
  alerts: { label: 'Balance alerts', description: 'Balance alerts exist.' },
  webhooks: {
    label: 'Wallet webhooks',
    description: 'The provider sends wallet webhooks (otherwise live balances are polled).',
  },
  transactions: {
    label: 'Transaction history (`Wallet.transactions`)',
    description:
      "The provider lists its wallets' transactions (`Wallet.transactions`, " +
      '`Customer.transactions`, `walletTransactionCreated`).',
  },
  batchWalletsById: {
    label: 'N wallets by id = 1 call',
    description: 'Many wallet-by-id loads cost one upstream call.',
  },
  batchWalletsByCustomer: {
    label: "N customers' wallets = 1 call",
    description: "Many customers' wallet lists cost one upstream call.",
  },
} as const satisfies Record<string, { readonly label: string; readonly description: string }>;

export type Capability = keyof typeof CAPABILITIES;

export type ProviderCapabilities = { readonly [K in Capability]: boolean };

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];
