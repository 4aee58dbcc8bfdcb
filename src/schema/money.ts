import { formatMoney, type Money, minorUnits } from '../domain/money.js';
import { builder } from './builder.js';

export const MoneyType = builder.objectRef<Money>('Money').implement({
  description: 'An exact amount of one currency.',
  fields: (t) => ({
    amount: t.field({
      type: 'Decimal',
      description: 'Major units, exact ("12.50" USD, "1500" JPY, "1.250" KWD).',
      resolve: (m) => m.amount,
    }),
    currency: t.field({
      type: 'Currency',
      description: 'ISO 4217 code, upper case.',
      resolve: (m) => m.currency,
    }),
    minorUnits: t.string({
      description:
        "The amount in the currency's ISO 4217 minor unit (cents for USD, yen for JPY, " +
        'fils for KWD), as an integer string because values above 2^53 exist. Rounded ' +
        'half-even when the provider holds finer amounts.',
      resolve: minorUnits,
    }),
    formatted: t.string({
      description: 'For display, en-US style ("$1,234.50"). Not for parsing.',
      resolve: formatMoney,
    }),
  }),
});
