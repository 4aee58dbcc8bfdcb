import type { Cooldown, RecurringTransactionRule } from '../domain/wallet.js';
import { builder } from './builder.js';
import { UNKNOWN_MEMBER } from './enums.js';
import { readable } from './parts.js';
import { perProvider } from './provider-notes.js';

const RuleTrigger = builder.enumType('RuleTrigger', {
  description: 'What starts an automatic top-up.',
  values: {
    INTERVAL: { description: 'On a calendar interval.' },
    THRESHOLD: { description: 'When the balance falls to a threshold.' },
    ...UNKNOWN_MEMBER,
  } as const,
});
const RuleInterval = builder.enumType('RuleInterval', {
  description: 'Calendar interval of an INTERVAL rule.',
  values: {
    WEEKLY: { description: 'Every week.' },
    MONTHLY: { description: 'Every month.' },
    QUARTERLY: { description: 'Every quarter.' },
    SEMIANNUAL: { description: 'Every six months.' },
    YEARLY: { description: 'Every year.' },
    ...UNKNOWN_MEMBER,
  } as const,
});
const RuleMethod = builder.enumType('RuleMethod', {
  description: 'How much a rule tops up.',
  values: {
    FIXED: { description: 'The fixed paid + granted credits.' },
    TARGET: { description: 'Enough to bring the ongoing balance back to `targetOngoingBalance`.' },
    ...UNKNOWN_MEMBER,
  } as const,
});
const RuleStatus = builder.enumType('RuleStatus', {
  description: 'Whether a rule runs.',
  values: {
    ACTIVE: { description: 'The rule runs.' },
    TERMINATED: { description: 'The rule ended.' },
    DISABLED: {
      description: perProvider('RuleStatus.DISABLED', 'The rule exists but is switched off.'),
    },
    ...UNKNOWN_MEMBER,
  } as const,
});
const CooldownUnit = builder.enumType('CooldownUnit', {
  description: 'Unit of a cooldown.',
  values: {
    SECOND: { description: 'Seconds.' },
    MINUTE: { description: 'Minutes.' },
    HOUR: { description: 'Hours.' },
    DAY: { description: 'Days.' },
    ...UNKNOWN_MEMBER,
  } as const,
});

const CooldownType = builder.objectRef<Cooldown>('Cooldown').implement({
  description: 'Minimum time between two top-ups by the same rule.',
  fields: (t) => ({
    value: t.exposeInt('value', { description: 'How many units.' }),
    unit: t.field({
      type: CooldownUnit,
      description: 'The unit of `value`.',
      resolve: (c) => c.unit,
    }),
  }),
});

export const RecurringTransactionRuleType = builder
  .objectRef<RecurringTransactionRule>('RecurringTransactionRule')
  .implement({
    description: perProvider('RecurringTransactionRule', 'An automatic top-up rule.'),
    fields: (t) => ({
      id: t.id({
        nullable: true,
        description: perProvider(
          'RecurringTransactionRule.id',
          "The provider's rule id; null where the rule has none.",
        ),
        resolve: (r) => readable(r.id),
      }),
      trigger: t.field({
        type: RuleTrigger,
        description: 'What starts the top-up.',
        resolve: (r) => r.trigger,
      }),
      interval: t.field({
        type: RuleInterval,
        nullable: true,
        description: 'Only for INTERVAL rules.',
        resolve: (r) => r.interval,
      }),
      method: t.field({
        type: RuleMethod,
        description: 'How much is topped up.',
        resolve: (r) => r.method,
      }),
      thresholdCredits: t.field({
        type: 'Decimal',
        nullable: true,
        description:
          'Only for THRESHOLD rules: the credit balance at or under which the rule fires.',
        resolve: (r) => readable(r.thresholdCredits),
      }),
      paidCredits: t.field({
        type: 'Decimal',
        nullable: true,
        description: 'Credits bought per top-up.',
        resolve: (r) => readable(r.paidCredits),
      }),
      grantedCredits: t.field({
        type: 'Decimal',
        nullable: true,
        description: 'Credits granted for free per top-up.',
        resolve: (r) => readable(r.grantedCredits),
      }),
      targetOngoingBalance: t.field({
        type: 'Decimal',
        nullable: true,
        description: 'Only for TARGET rules: the ongoing credit balance to top up to.',
        resolve: (r) => readable(r.targetOngoingBalance),
      }),
      status: t.field({
        type: RuleStatus,
        description: 'Whether the rule runs.',
        resolve: (r) => r.status,
      }),
      invoiced: t.boolean({
        nullable: true,
        description: perProvider(
          'RecurringTransactionRule.invoiced',
          'Whether top-ups wait for a paid invoice.',
        ),
        resolve: (r) => readable(r.invoiced),
      }),
      startedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the rule starts applying.',
        resolve: (r) => readable(r.startedAt),
      }),
      expiresAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the rule stops applying.',
        resolve: (r) => readable(r.expiresAt),
      }),
      createdAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the rule was created.',
        resolve: (r) => readable(r.createdAt),
      }),
      cooldown: t.field({
        type: CooldownType,
        nullable: true,
        description: perProvider(
          'RecurringTransactionRule.cooldown',
          'Minimum time between two top-ups, where the provider has one.',
        ),
        resolve: (r) => readable(r.cooldown),
      }),
    }),
  });
