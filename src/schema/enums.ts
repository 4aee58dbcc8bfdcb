import { builder } from './builder.js';

export const ProviderEnum = builder.enumType('Provider', {
  description: 'A billing provider Walletgate can front.',
  values: {
    LAGO: { description: 'Lago (getlago.com).' },
    FLEXPRICE: { description: 'Flexprice (flexprice.io).' },
    POLAR: { description: 'Polar (polar.sh).' },
  } as const,
});

export const WalletStatusEnum = builder.enumType('WalletStatus', {
  description: 'Lifecycle state of a wallet.',
  values: {
    ACTIVE: { description: 'Usable. Every Polar wallet is ACTIVE (Polar has no statuses).' },
    FROZEN: { description: 'Exists but cannot be used (Flexprice `frozen`).' },
    TERMINATED: { description: 'Closed for good (Lago `terminated`, Flexprice `closed`).' },
  } as const,
});

export const WalletKindEnum = builder.enumType('WalletKind', {
  description: 'What the wallet holds.',
  values: {
    PREPAID: {
      description: 'Prepaid credits consumed by usage (Lago wallets, Flexprice PRE_PAID).',
    },
    POSTPAID: { description: 'A credit line settled later (Flexprice POST_PAID).' },
    CREDIT_BALANCE: { description: 'A customer money balance that may go negative (Polar).' },
  } as const,
});
