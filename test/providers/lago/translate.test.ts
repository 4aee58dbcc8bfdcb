import { describe, expect, it } from 'vitest';
import { decimalString, minorUnits } from '../../../src/domain/money.js';
import { ALERTS_ON_REQUEST, type Wallet } from '../../../src/domain/wallet.js';
import { GatewayError } from '../../../src/errors.js';
import { parseJsonExact } from '../../../src/json.js';
import { createLogger } from '../../../src/logger.js';
import { translateItem } from '../../../src/providers/items.js';
import { lagoWalletCore } from '../../../src/providers/lago/api.js';
import { translateAlerts, translateWallet } from '../../../src/providers/lago/translate.js';
import { known, thresholds, unreadablePart } from '../../helpers/parts.js';
import { lagoAlertSample, lagoWalletSample } from './fixtures.js';

const silent = createLogger({ level: 'silent' });
const translate = (raw: unknown) =>
  translateItem('LAGO', lagoWalletCore, translateWallet, raw, silent, 'lago_id');
const ok = (raw: unknown): Wallet => {
  const result = translate(raw);
  if (result instanceof GatewayError) throw result;
  return result;
};
const s = decimalString;

describe('Lago translate: wallet (NOTES §3)', () => {
  const w = ok(lagoWalletSample());

  it('maps identity, customer, status, kind and currency', () => {
    expect(w).toMatchObject({
      provider: 'LAGO',
      providerWalletId: '1a901a90-1a90-1a90-1a90-1a901a901a90',
      customer: {
        externalId: 'hooli_1234',
        providerCustomerId: '1a901a90-1a90-1a90-1a90-1a901a901a91',
      },
      name: 'Prepaid',
      code: 'prepaid',
      status: 'ACTIVE',
      kind: 'PREPAID',
      currency: 'USD',
      priority: 50,
    });
  });

  it('money comes from *_cents in minor units, exactly', () => {
    expect([s(w.balance.amount), minorUnits(w.balance)]).toEqual(['10.00', '1000']);
    expect([s(known(w.ongoingBalance)!.amount), minorUnits(known(w.ongoingBalance)!)]).toEqual([
      '8.00',
      '800',
    ]);
    expect([s(known(w.ongoingUsage)!.amount), minorUnits(known(w.ongoingUsage)!)]).toEqual([
      '2.00',
      '200',
    ]);
  });

  it('credits keep the wire scale: "28.0" at rate "1.5" stays "28.0"', () => {
    const c = known(w.credits)!;
    expect([
      s(c.balance),
      s(known(c.ongoingBalance)!),
      s(known(c.ongoingUsage)!),
      s(known(c.consumed)!),
      s(c.rate),
      s(known(c.topUpRate)!),
    ]).toEqual(['28.0', '8.0', '2.0', '2.0', '1.5', '1.5']);
    expect(c.breakdown).toBeNull();
  });

  it('maps timestamps; terminated_at keeps milliseconds (NOTES §9.8)', () => {
    expect(known(w.createdAt)!.toISOString()).toBe('2022-04-29T08:59:51.000Z');
    expect(known(w.lastConsumedAt)!.toISOString()).toBe('2022-04-29T08:59:51.000Z');
    expect(w.expiresAt).toBeNull();
    const terminated = ok({
      ...lagoWalletSample(),
      status: 'terminated',
      terminated_at: '2022-09-14T16:35:31.123Z',
    });
    expect(terminated.status).toBe('TERMINATED');
    expect(known(terminated.terminatedAt)!.toISOString()).toBe('2022-09-14T16:35:31.123Z');
  });

  it('metadata: map entries, null values kept; an absent key means none (NOTES §9.7)', () => {
    expect(w.metadata).toEqual([
      { key: 'external_id', value: 'ext-123' },
      { key: 'synced_at', value: '2024-01-15' },
      { key: 'source', value: null },
    ]);
    const { metadata: _dropped, ...withoutMetadata } = lagoWalletSample();
    expect(ok(withoutMetadata).metadata).toEqual([]);
  });

  it('keeps the upstream object untouched in raw', () => {
    expect(w.raw).toEqual(lagoWalletSample());
  });

  it('defers alerts to their own call when the wallet has a code', () => {
    expect(w.alertSettings).toBe(ALERTS_ON_REQUEST);
    expect(ok({ ...lagoWalletSample(), code: null }).alertSettings).toBeNull();
  });

  it('a payload with no `balance` is valid (NOTES §9.1); unknown extra fields pass', () => {
    expect(ok({ ...lagoWalletSample(), brand_new_field: { x: 1 } }).providerWalletId).toBe(
      '1a901a90-1a90-1a90-1a90-1a901a901a90',
    );
  });

  it.each([
    ['cents as a string', { balance_cents: '1000' }],
    ['cents as a float', { balance_cents: 10.5 }],
    ['an unknown currency', { currency: 'XYZ' }],
    ['a missing lago_id', { lago_id: undefined }],
    ['a missing customer', { external_customer_id: undefined }],
  ])(
    '%s (identity, customer, currency or balance) costs that wallet: UPSTREAM_BAD_RESPONSE',
    (_name, patch) => {
      const result = translate({ ...lagoWalletSample(), ...patch });
      expect(result).toBeInstanceOf(GatewayError);
      expect((result as GatewayError).code).toBe('UPSTREAM_BAD_RESPONSE');
      expect((result as GatewayError).extensions).toMatchObject({
        code: 'UPSTREAM_BAD_RESPONSE',
        provider: 'LAGO',
      });
    },
  );

  it.each([
    ['a garbled created_at', { created_at: 'yesterday' }, 'createdAt', 'created_at'],
    ['credits as garbage', { credits_balance: 'lots' }, 'credits', 'credits_balance'],
    [
      'ongoing cents as a string',
      { ongoing_balance_cents: '800' },
      'ongoingBalance',
      'ongoing_balance_cents',
    ],
    ['a name that is a number', { name: 7 }, 'name', 'name'],
    ['a priority beyond an Int', { priority: 2 ** 40 }, 'priority', 'priority'],
  ] as const)('%s costs only that part; the balance stays', (_name, patch, field, part) => {
    const w = ok({ ...lagoWalletSample(), ...patch });
    expect(unreadablePart(w[field])).toBe(part);
    expect(s(w.balance.amount)).toBe('10.00');
  });

  it('credits sent as a JSON number read exactly, scale kept (28.0 stays "28.0")', () => {
    const w = ok(parseJsonExact(JSON.stringify(lagoWalletSample()).replace('"28.0"', '28.0')));
    expect(s(known(w.credits)!.balance)).toBe('28.0');
  });

  it('an unknown status is UNKNOWN, priority 0 reads as 0, unmapped fields are never validated', () => {
    const w = ok({
      ...lagoWalletSample(),
      status: 'frozen',
      priority: 0,
      billing_entity_code: 5,
      applies_to: 'nope',
      invoice_requires_successful_payment: 'yes',
    });
    expect([w.status, w.priority]).toEqual(['UNKNOWN', 0]);
  });

  it('a numeric metadata value costs that entry only', () => {
    const w = ok({ ...lagoWalletSample(), metadata: { a: 'x', b: 5, c: null } });
    expect(
      w.metadata.map((e) => (e instanceof Object && 'key' in e ? e.key : unreadablePart(e))),
    ).toEqual(['a', 'metadata.b', 'c']);
  });

  it('balances beyond 2^53 minor units stay exact (bigint from the JSON parser)', () => {
    const big = ok({ ...lagoWalletSample(), balance_cents: 92233720368547758070n });
    expect(minorUnits(big.balance)).toBe('92233720368547758070');
    expect(s(big.balance.amount)).toBe('922337203685477580.70');
  });

  it('JPY has no minor unit: 150050 cents are ¥150050', () => {
    const jpy = ok({ ...lagoWalletSample(), currency: 'JPY', balance_cents: 150050 });
    expect([s(jpy.balance.amount), minorUnits(jpy.balance)]).toEqual(['150050', '150050']);
  });
});

describe('Lago translate: recurring rules (NOTES §4, §9.9)', () => {
  const rule = (patch: Record<string, unknown>) =>
    ok({
      ...lagoWalletSample(),
      recurring_transaction_rules: [
        { ...lagoWalletSample().recurring_transaction_rules[0], ...patch },
      ],
    }).recurringTransactionRules.map(known)[0]!;

  it('an interval rule keeps its interval and drops the default threshold_credits', () => {
    const r = rule({
      trigger: 'interval',
      method: 'fixed',
      interval: 'monthly',
      threshold_credits: '0.0',
      target_ongoing_balance: null,
    });
    expect(r).toMatchObject({
      id: '1a901a90-1a90-1a90-1a90-1a901a901a90',
      trigger: 'INTERVAL',
      interval: 'MONTHLY',
      method: 'FIXED',
      thresholdCredits: null,
      targetOngoingBalance: null,
      status: 'ACTIVE',
      invoiced: false,
      cooldown: null,
    });
    expect([s(known(r.paidCredits)!), s(known(r.grantedCredits)!)]).toEqual(['20.0', '10.0']);
    expect(known(r.startedAt)!.toISOString()).toBe('2022-08-08T00:00:00.000Z');
    expect(known(r.expiresAt)!.toISOString()).toBe('2023-09-30T23:59:59.000Z');
    expect(known(r.createdAt)!.toISOString()).toBe('2022-04-29T08:59:51.000Z');
  });

  it('a threshold rule drops the default weekly interval; target keeps targetOngoingBalance', () => {
    const r = rule({
      trigger: 'threshold',
      method: 'target',
      interval: 'weekly',
      threshold_credits: '20.0',
      target_ongoing_balance: '200.0',
    });
    expect(r).toMatchObject({ trigger: 'THRESHOLD', interval: null, method: 'TARGET' });
    expect([s(known(r.thresholdCredits)!), s(known(r.targetOngoingBalance)!)]).toEqual([
      '20.0',
      '200.0',
    ]);
  });

  it('a fixed rule has no target even when the wire carries one', () => {
    expect(
      rule({ method: 'fixed', target_ongoing_balance: '200.0' }).targetOngoingBalance,
    ).toBeNull();
  });
});

describe('Lago translate: wallet alerts', () => {
  it('maps alert type to metric, direction to condition, with no level and no state', () => {
    const settings = translateAlerts(
      [
        lagoAlertSample(),
        {
          ...lagoAlertSample(),
          code: 'up',
          alert_type: 'wallet_credits_ongoing_balance',
          direction: 'increasing',
          thresholds: [{ code: null, value: '5.0', recurring: true }],
        },
      ],
      String(lagoAlertSample().lago_wallet_id),
    )!;
    expect(settings.enabled).toBe(true);
    expect(settings.state).toBeNull();
    expect(thresholds(settings).map((t) => ({ ...t, value: s(t.value) }))).toEqual([
      {
        level: null,
        value: '99.0',
        condition: 'BELOW',
        metric: 'BALANCE',
        recurring: false,
        code: 'warn',
        alertCode: 'wallet_balance_alert',
      },
      {
        level: null,
        value: '5.0',
        condition: 'ABOVE',
        metric: 'ONGOING_CREDITS',
        recurring: true,
        code: null,
        alertCode: 'up',
      },
    ]);
  });

  it('no alerts means no settings', () => {
    expect(translateAlerts([], 'w')).toBeNull();
  });
});
