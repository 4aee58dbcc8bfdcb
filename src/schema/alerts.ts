import { readableItems } from '../domain/part.js';
import type { AlertSettings, AlertThreshold } from '../domain/wallet.js';
import { builder } from './builder.js';
import { UNKNOWN_MEMBER } from './enums.js';
import { readableList } from './parts.js';
import { perProvider } from './provider-notes.js';

const AlertLevel = builder.enumType('AlertLevel', {
  description: 'Severity of a threshold.',
  values: ['INFO', 'WARNING', 'CRITICAL'] as const,
});
const AlertCondition = builder.enumType('AlertCondition', {
  description: 'Which side of the threshold raises the alert (inclusive).',
  values: {
    ABOVE: { description: 'At or above the value.' },
    BELOW: { description: 'At or below the value.' },
    ...UNKNOWN_MEMBER,
  } as const,
});
const AlertMetric = builder.enumType('AlertMetric', {
  description: 'The number a threshold watches.',
  values: {
    BALANCE: { description: 'Settled balance, in currency.' },
    CREDITS: { description: 'Settled balance, in credits.' },
    ONGOING_BALANCE: { description: 'Balance net of not-yet-invoiced usage, in currency.' },
    ONGOING_CREDITS: { description: 'Balance net of not-yet-invoiced usage, in credits.' },
    ...UNKNOWN_MEMBER,
  } as const,
});
const AlertStateEnum = builder.enumType('AlertState', {
  description: 'Where the watched balance stands against the thresholds.',
  values: {
    OK: { description: 'No threshold is crossed.' },
    INFO: { description: 'The INFO threshold is crossed.' },
    WARNING: { description: 'The WARNING threshold is crossed.' },
    IN_ALARM: { description: 'The CRITICAL threshold is crossed.' },
    ...UNKNOWN_MEMBER,
  } as const,
});

const AlertThresholdType = builder.objectRef<AlertThreshold>('AlertThreshold').implement({
  description: 'One balance threshold.',
  fields: (t) => ({
    level: t.field({
      type: AlertLevel,
      nullable: true,
      description: perProvider(
        'AlertThreshold.level',
        'Severity; null where the provider has no levels.',
      ),
      resolve: (a) => a.level,
    }),
    value: t.field({
      type: 'Decimal',
      description: 'The threshold, in the unit of `metric`.',
      resolve: (a) => a.value,
    }),
    condition: t.field({
      type: AlertCondition,
      description: 'Which side of `value` raises the alert.',
      resolve: (a) => a.condition,
    }),
    metric: t.field({
      type: AlertMetric,
      description: 'The number being watched.',
      resolve: (a) => a.metric,
    }),
    recurring: t.boolean({
      description: 'Whether the alert fires again each time the threshold is crossed.',
      resolve: (a) => a.recurring,
    }),
    code: t.string({
      nullable: true,
      description: "The provider's threshold code, if any.",
      resolve: (a) => a.code,
    }),
    alertCode: t.string({
      nullable: true,
      description: perProvider(
        'AlertThreshold.alertCode',
        'The provider alert this threshold belongs to; null where a wallet has one settings object.',
      ),
      resolve: (a) => a.alertCode,
    }),
  }),
});

function byLevel(level: AlertThreshold['level']) {
  return (s: AlertSettings) => readableItems(s.thresholds).find((th) => th.level === level) ?? null;
}

export const AlertSettingsType = builder.objectRef<AlertSettings>('AlertSettings').implement({
  description: perProvider('AlertSettings', 'Balance alerts configured on a wallet.'),
  fields: (t) => ({
    enabled: t.boolean({
      description: 'Whether the provider evaluates these alerts.',
      resolve: (s) => s.enabled,
    }),
    state: t.field({
      type: AlertStateEnum,
      nullable: true,
      description: perProvider(
        'AlertSettings.state',
        'Current alert state; null where the provider keeps none.',
      ),
      resolve: (s) => s.state,
    }),
    thresholds: t.field({
      type: [AlertThresholdType],
      description:
        "Every threshold, across the wallet's alerts. One that cannot be read is left out, with " +
        "an UPSTREAM_BAD_RESPONSE error at this list's path naming the provider and the part.",
      resolve: (s, _args, ctx, info) => readableList(s.thresholds, ctx, info),
    }),
    critical: t.field({
      type: AlertThresholdType,
      nullable: true,
      description: 'The CRITICAL threshold, if any.',
      resolve: byLevel('CRITICAL'),
    }),
    warning: t.field({
      type: AlertThresholdType,
      nullable: true,
      description: 'The WARNING threshold, if any.',
      resolve: byLevel('WARNING'),
    }),
    info: t.field({
      type: AlertThresholdType,
      nullable: true,
      description: 'The INFO threshold, if any.',
      resolve: byLevel('INFO'),
    }),
  }),
});
