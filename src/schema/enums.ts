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
    UNKNOWN: {
      description:
        'A state this gateway does not know yet (a value the provider added later, or none ' +
        "sent); the provider's own value is in `raw`.",
    },
  } as const,
});

export const WalletKindEnum = builder.enumType('WalletKind', {
  description: 'What the wallet holds.',
  values: {
    PREPAID: {
      description: 'Prepaid credits consumed by usage (Lago wallets, Flexprice PRE_PAID).',
    },
    POSTPAID: { description: 'A credit line settled later (Flexprice POST_PAID).' },
    PROMOTIONAL: {
      description: 'Promotional credits (Flexprice PROMOTIONAL, as its documented examples show).',
    },
    CREDIT_BALANCE: { description: 'A customer money balance that may go negative (Polar).' },
    UNKNOWN: {
      description:
        'A kind this gateway does not know yet (a value the provider added later, or none sent); ' +
        "the provider's own value is in `raw`.",
    },
  } as const,
});

/** The fallback member of every provider-sent enum, described once. */
export const UNKNOWN_MEMBER = {
  UNKNOWN: {
    description:
      "A value this gateway does not know yet (one the provider added later): the provider's own " +
      "value is in the wallet's `raw`.",
  },
} as const;
