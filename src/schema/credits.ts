import type { Dec } from '../domain/money.js';
import type { WalletCredits } from '../domain/wallet.js';
import { builder } from './builder.js';
import { readable } from './parts.js';
import { perProvider, providersWith } from './provider-notes.js';

const CreditBreakdown = builder
  .objectRef<{ readonly free: Dec; readonly purchased: Dec }>('CreditBreakdown')
  .implement({
    description: 'Where the available credits came from.',
    fields: (t) => ({
      free: t.field({
        type: 'Decimal',
        description: 'Credits granted for free.',
        resolve: (b) => b.free,
      }),
      purchased: t.field({
        type: 'Decimal',
        description: 'Credits paid for.',
        resolve: (b) => b.purchased,
      }),
    }),
  });

export const WalletCreditsType = builder.objectRef<WalletCredits>('WalletCredits').implement({
  description: `The wallet counted in credits, for providers that have a credit unit (${providersWith('credits')}).`,
  fields: (t) => ({
    balance: t.field({
      type: 'Decimal',
      description: perProvider('WalletCredits.balance', 'Settled credit balance.'),
      resolve: (c) => c.balance,
    }),
    ongoingBalance: t.field({
      type: 'Decimal',
      nullable: true,
      description: perProvider(
        'WalletCredits.ongoingBalance',
        'Credits left after usage not yet invoiced.',
      ),
      resolve: (c) => readable(c.ongoingBalance),
    }),
    ongoingUsage: t.field({
      type: 'Decimal',
      nullable: true,
      description: perProvider('WalletCredits.ongoingUsage', 'Credits used but not yet invoiced.'),
      resolve: (c) => readable(c.ongoingUsage),
    }),
    consumed: t.field({
      type: 'Decimal',
      nullable: true,
      description: perProvider(
        'WalletCredits.consumed',
        "Credits consumed over the wallet's life. Null where the provider does not report it.",
      ),
      resolve: (c) => readable(c.consumed),
    }),
    rate: t.field({
      type: 'Decimal',
      description: perProvider(
        'WalletCredits.rate',
        'Currency units per credit: amount = credits × rate.',
      ),
      resolve: (c) => c.rate,
    }),
    topUpRate: t.field({
      type: 'Decimal',
      nullable: true,
      description: perProvider(
        'WalletCredits.topUpRate',
        'Currency units per credit when topping up (may differ from `rate`).',
      ),
      resolve: (c) => readable(c.topUpRate),
    }),
    breakdown: t.field({
      type: CreditBreakdown,
      nullable: true,
      description: perProvider(
        'WalletCredits.breakdown',
        'Free versus purchased credits, where the provider reports it.',
      ),
      resolve: (c) => readable(c.breakdown),
    }),
  }),
});
