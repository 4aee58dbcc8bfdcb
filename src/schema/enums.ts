import { PROVIDERS } from '../providers/registered.js';
import { builder } from './builder.js';
import { perProvider } from './provider-notes.js';

export const ProviderEnum = builder.enumType('Provider', {
  description: 'A billing provider Walletgate can front.',
  values: Object.fromEntries(
    PROVIDERS.map((p) => [p.name, { description: `${p.docs.title} (${p.docs.website}).` }]),
  ),
});

export const WalletStatusEnum = builder.enumType('WalletStatus', {
  description: 'Lifecycle state of a wallet.',
  values: {
    ACTIVE: { description: perProvider('WalletStatus.ACTIVE', 'Usable.') },
    FROZEN: { description: perProvider('WalletStatus.FROZEN', 'Exists but cannot be used.') },
    TERMINATED: { description: perProvider('WalletStatus.TERMINATED', 'Closed for good.') },
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
      description: perProvider('WalletKind.PREPAID', 'Prepaid credits consumed by usage.'),
    },
    POSTPAID: { description: perProvider('WalletKind.POSTPAID', 'A credit line settled later.') },
    PROMOTIONAL: { description: perProvider('WalletKind.PROMOTIONAL', 'Promotional credits.') },
    CREDIT_BALANCE: {
      description: perProvider(
        'WalletKind.CREDIT_BALANCE',
        'A customer money balance that may go negative.',
      ),
    },
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
