import { describe, expect, it } from 'vitest';
import { decimalString, minorUnits } from '../../../src/domain/money.js';
import type { Wallet } from '../../../src/domain/wallet.js';
import { GatewayError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { translateItem } from '../../../src/providers/items.js';
import { lagoWallet, lagoWalletAlert } from '../../../src/providers/lago/api.js';
import { translateAlerts, translateWallet } from '../../../src/providers/lago/translate.js';
import { lagoAlertSample, lagoWalletSample } from './fixtures.js';

const silent = createLogger({ level: 'silent' });
const translate = (raw: unknown) => translateItem('LAGO', lagoWallet, translateWallet, raw, silent);
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
    expect([s(w.ongoingBalance!.amount), minorUnits(w.ongoingBalance!)]).toEqual(['8.00', '800']);
    expect([s(w.ongoingUsage!.amount), minorUnits(w.ongoingUsage!)]).toEqual(['2.00', '200']);
  });

  it('credits keep the wire scale: "28.0" at rate "1.5" stays "28.0"', () => {
    const c = w.credits!;
    expect([
      s(c.balance),
      s(c.ongoingBalance!),
      s(c.ongoingUsage!),
      s(c.consumed!),
      s(c.rate),
      s(c.topUpRate!),
    ]).toEqual(['28.0', '8.0', '2.0', '2.0', '1.5', '1.5']);
    expect(c.breakdown).toBeNull();
  });

  it('maps timestamps; terminated_at keeps milliseconds (NOTES §9.8)', () => {
    expect(w.createdAt!.toISOString()).toBe('2022-04-29T08:59:51.000Z');
    expect(w.lastConsumedAt!.toISOString()).toBe('2022-04-29T08:59:51.000Z');
    expect(w.expiresAt).toBeNull();
    const terminated = ok({
      ...lagoWalletSample(),
      status: 'terminated',
      terminated_at: '2022-09-14T16:35:31.123Z',
    });
    expect(terminated.status).toBe('TERMINATED');
    expect(terminated.terminatedAt!.toISOString()).toBe('2022-09-14T16:35:31.123Z');
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
    expect(w.alertSettings).toBeUndefined();
    expect(ok({ ...lagoWalletSample(), code: null }).alertSettings).toBeNull();
  });

  it('a payload with no `balance` is valid (NOTES §9.1); unknown extra fields pass', () => {
    expect(ok({ ...lagoWalletSample(), brand_new_field: { x: 1 } }).providerWalletId).toBe(
      '1a901a90-1a90-1a90-1a90-1a901a901a90',
    );
  });

  it.each([
    ['credits as a JSON number', { credits_balance: 28.0 }],
    ['cents as a string', { balance_cents: '1000' }],
    ['cents as a float', { balance_cents: 10.5 }],
    ['an unknown currency', { currency: 'XYZ' }],
    ['an unknown status', { status: 'frozen' }],
    ['a missing lago_id', { lago_id: undefined }],
    ['a garbled timestamp', { created_at: 'yesterday' }],
  ])('%s becomes UPSTREAM_BAD_RESPONSE for that wallet, not a crash', (_name, patch) => {
    const result = translate({ ...lagoWalletSample(), ...patch });
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).code).toBe('UPSTREAM_BAD_RESPONSE');
    expect((result as GatewayError).extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      provider: 'LAGO',
    });
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
    }).recurringTransactionRules[0]!;

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
    expect([s(r.paidCredits!), s(r.grantedCredits!)]).toEqual(['20.0', '10.0']);
    expect(r.startedAt!.toISOString()).toBe('2022-08-08T00:00:00.000Z');
    expect(r.expiresAt!.toISOString()).toBe('2023-09-30T23:59:59.000Z');
    expect(r.createdAt!.toISOString()).toBe('2022-04-29T08:59:51.000Z');
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
    expect([s(r.thresholdCredits!), s(r.targetOngoingBalance!)]).toEqual(['20.0', '200.0']);
  });

  it('a fixed rule has no target even when the wire carries one', () => {
    expect(
      rule({ method: 'fixed', target_ongoing_balance: '200.0' }).targetOngoingBalance,
    ).toBeNull();
  });
});

describe('Lago translate: wallet alerts', () => {
  it('maps alert type to metric, direction to condition, with no level and no state', () => {
    const settings = translateAlerts([
      lagoWalletAlert.parse(lagoAlertSample()),
      lagoWalletAlert.parse({
        ...lagoAlertSample(),
        code: 'up',
        alert_type: 'wallet_credits_ongoing_balance',
        direction: 'increasing',
        thresholds: [{ code: null, value: '5.0', recurring: true }],
      }),
    ])!;
    expect(settings.enabled).toBe(true);
    expect(settings.state).toBeNull();
    expect(settings.thresholds.map((t) => ({ ...t, value: s(t.value) }))).toEqual([
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
    expect(translateAlerts([])).toBeNull();
  });
});
