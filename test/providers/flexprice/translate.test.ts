import { describe, expect, it } from 'vitest';
import { Dec, decimalString } from '../../../src/domain/money.js';
import type { Wallet } from '../../../src/domain/wallet.js';
import { GatewayError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { flexpriceWallet, flexpriceWalletBalance } from '../../../src/providers/flexprice/api.js';
import { creditsOf, translateWallet } from '../../../src/providers/flexprice/translate.js';
import { toWalletList, translateItem } from '../../../src/providers/items.js';
import { WALLET_RESPONSE } from './payloads.js';

const BALANCE_RESPONSE = {
  ...WALLET_RESPONSE,
  real_time_balance: '87.5',
  real_time_credit_balance: '87.5',
  balance_updated_at: '2026-08-22T10:00:00.123456Z',
  current_period_usage: '12.5',
  unpaid_invoices_amount: '0',
  credits_available_breakdown: { purchased: '0', free: '100' },
  is_cached_fallback: false,
};

const logger = createLogger({ level: 'silent' });
const fromSearch = (raw: unknown, externalId: string | null = 'user-42') =>
  translateItem(
    'FLEXPRICE',
    flexpriceWallet,
    (w, r) => translateWallet(w, r, { externalId }),
    raw,
    logger,
  );
const fromBalance = (raw: unknown, externalId: string | null = 'user-42') =>
  translateItem(
    'FLEXPRICE',
    flexpriceWalletBalance,
    (w, r) => translateWallet(w, r, { externalId }),
    raw,
    logger,
  );
const ok = (r: Wallet | GatewayError): Wallet => {
  if (r instanceof GatewayError) throw new Error(`expected a wallet, got ${r.code}`);
  return r;
};
const s = (d: Dec | null | undefined) => (d == null ? d : decimalString(d));

describe('Flexprice translate: WalletResponse (NOTES §3.1, §7)', () => {
  it('maps the §7 sample exactly, keeping raw as received', () => {
    const w = ok(fromSearch(WALLET_RESPONSE));
    expect(w).toMatchObject({
      provider: 'FLEXPRICE',
      providerWalletId: 'wallet_01K2ABCDEFGHJKMNPQRSTVWXYZ',
      customer: { externalId: 'user-42', providerCustomerId: 'cust_01K2ABCDEFGHJKMNPQRSTVWXYZ' },
      name: 'Prepaid Wallet - USD',
      code: null,
      status: 'ACTIVE',
      kind: 'PREPAID',
      currency: 'USD',
      priority: null,
      expiresAt: null,
      terminatedAt: null,
      lastTopUpAt: null,
      lastConsumedAt: null,
      metadata: [{ key: 'plan', value: 'pro' }],
    });
    expect(s(w.balance.amount)).toBe('100.00');
    expect(w.balance.currency).toBe('USD');
    // A WalletResponse carries no real-time figures: unknown, not zero.
    expect(w.ongoingBalance).toBeNull();
    expect(w.ongoingUsage).toBeNull();
    expect(w.ongoingBalanceIsCached).toBeNull();
    expect(w.createdAt?.toISOString()).toBe('2026-08-22T10:00:00.123Z');
    expect(w.updatedAt?.toISOString()).toBe('2026-08-22T10:00:00.123Z');
    expect(w.raw).toBe(WALLET_RESPONSE);
    const c = w.credits!;
    expect([
      s(c.balance),
      s(c.ongoingBalance),
      s(c.ongoingUsage),
      s(c.consumed),
      s(c.rate),
      s(c.topUpRate),
    ]).toEqual(['100', null, null, null, '1', '1']);
    expect(c.breakdown).toBeNull();
  });

  it('an auto top-up is one THRESHOLD rule with string credits', () => {
    const [rule, ...rest] = ok(fromSearch(WALLET_RESPONSE)).recurringTransactionRules;
    expect(rest).toEqual([]);
    expect({
      ...rule,
      thresholdCredits: s(rule!.thresholdCredits),
      paidCredits: s(rule!.paidCredits),
    }).toEqual({
      id: null,
      trigger: 'THRESHOLD',
      interval: null,
      method: 'FIXED',
      thresholdCredits: '5',
      paidCredits: '50',
      grantedCredits: null,
      targetOngoingBalance: null,
      status: 'ACTIVE',
      invoiced: false,
      startedAt: null,
      expiresAt: null,
      createdAt: null,
      cooldown: null,
    });
  });

  it('a disabled auto top-up is DISABLED; its cooldown unit is upper-cased; a zero cooldown is none', () => {
    const disabled = ok(
      fromSearch({
        ...WALLET_RESPONSE,
        auto_topup: {
          enabled: false,
          threshold: '2.5',
          amount: '20',
          invoicing: true,
          cooldown: { value: 1, unit: 'hour' },
        },
      }),
    );
    expect(disabled.recurringTransactionRules[0]).toMatchObject({
      status: 'DISABLED',
      invoiced: true,
      cooldown: { value: 1, unit: 'HOUR' },
    });
    expect(s(disabled.recurringTransactionRules[0]!.thresholdCredits)).toBe('2.5');
    const zero = ok(
      fromSearch({
        ...WALLET_RESPONSE,
        auto_topup: {
          enabled: true,
          threshold: '5',
          amount: '50',
          invoicing: false,
          cooldown: { value: 0, unit: 'day' },
        },
      }),
    );
    expect(zero.recurringTransactionRules[0]!.cooldown).toBeNull();
    const { auto_topup: _, ...withoutTopUp } = WALLET_RESPONSE;
    expect(ok(fromSearch(withoutTopUp)).recurringTransactionRules).toEqual([]);
  });

  it('alert_settings and alert_state become AlertSettings on the ONGOING_CREDITS metric', () => {
    const a = ok(fromSearch({ ...WALLET_RESPONSE, alert_state: 'in_alarm' })).alertSettings!;
    expect(a.enabled).toBe(true);
    expect(a.state).toBe('IN_ALARM');
    expect(a.thresholds.map((t) => ({ ...t, value: s(t.value) }))).toEqual([
      {
        level: 'CRITICAL',
        value: '0',
        condition: 'BELOW',
        metric: 'ONGOING_CREDITS',
        recurring: false,
        code: null,
        alertCode: null,
      },
      {
        level: 'WARNING',
        value: '10',
        condition: 'BELOW',
        metric: 'ONGOING_CREDITS',
        recurring: false,
        code: null,
        alertCode: null,
      },
    ]);
    const info = ok(
      fromSearch({
        ...WALLET_RESPONSE,
        alert_settings: { info: { threshold: '1000.5', condition: 'above' } },
        alert_state: 'info',
      }),
    ).alertSettings!;
    // alert_enabled absent counts as off.
    expect(info).toMatchObject({ enabled: false, state: 'INFO' });
    expect(info.thresholds.map((t) => [t.level, s(t.value), t.condition])).toEqual([
      ['INFO', '1000.5', 'ABOVE'],
    ]);
  });

  it('no alert_settings gives null, not undefined (undefined would trigger a separate alert call)', () => {
    const { alert_settings: _, ...noAlerts } = WALLET_RESPONSE;
    const w = ok(fromSearch({ ...noAlerts, alert_state: 'warning' }));
    expect(w.alertSettings).toBeNull();
  });

  it('maps statuses, wallet types, currencies and empty optional fields', () => {
    expect(ok(fromSearch({ ...WALLET_RESPONSE, wallet_status: 'closed' })).status).toBe(
      'TERMINATED',
    );
    expect(ok(fromSearch({ ...WALLET_RESPONSE, wallet_status: 'frozen' })).status).toBe('FROZEN');
    expect(ok(fromSearch({ ...WALLET_RESPONSE, wallet_type: 'POST_PAID' })).kind).toBe('POSTPAID');
    const { name: _n, topup_conversion_rate: _t, ...bare } = WALLET_RESPONSE;
    const jpy = ok(
      fromSearch(
        { ...bare, currency: 'jpy', balance: '1500', credit_balance: '1500', metadata: null },
        null,
      ),
    );
    expect([
      jpy.currency,
      s(jpy.balance.amount),
      jpy.name,
      jpy.metadata,
      jpy.customer.externalId,
    ]).toEqual(['JPY', '1500', null, [], null]);
    // topup_conversion_rate defaults to conversion_rate (NOTES §3.1).
    expect(s(jpy.credits!.topUpRate)).toBe('1');
  });

  it('keeps nanosecond timestamps valid (Go RFC3339Nano)', () => {
    const w = ok(
      fromSearch({
        ...WALLET_RESPONSE,
        created_at: '2025-01-15T12:00:00.123456789Z',
        updated_at: '2025-01-15T12:00:00Z',
      }),
    );
    expect(w.createdAt?.toISOString()).toBe('2025-01-15T12:00:00.123Z');
    expect(w.updatedAt?.toISOString()).toBe('2025-01-15T12:00:00.000Z');
  });
});

describe('Flexprice translate: WalletBalanceResponse (NOTES §3.2, §4, §7)', () => {
  it('prefers the real-time balance for ongoingBalance, with usage and breakdown', () => {
    const w = ok(fromBalance(BALANCE_RESPONSE));
    expect(s(w.balance.amount)).toBe('100.00');
    expect(s(w.ongoingBalance!.amount)).toBe('87.50');
    expect(s(w.ongoingUsage!.amount)).toBe('12.50');
    expect(w.ongoingBalanceIsCached).toBe(false);
    const c = w.credits!;
    expect([
      s(c.balance),
      s(c.ongoingBalance),
      s(c.ongoingUsage),
      s(c.breakdown!.free),
      s(c.breakdown!.purchased),
    ]).toEqual(['100', '87.5', '12.5', '100', '0']);
  });

  it('converts usage to credits by exact division at conversion_rate 2', () => {
    const w = ok(
      fromBalance({
        ...BALANCE_RESPONSE,
        conversion_rate: '2',
        balance: '40',
        credit_balance: '20',
        real_time_balance: '17.5',
        real_time_credit_balance: '8.75',
        current_period_usage: '22.5',
      }),
    );
    expect([
      s(w.ongoingBalance!.amount),
      s(w.credits!.ongoingBalance),
      s(w.credits!.ongoingUsage),
      s(w.credits!.rate),
    ]).toEqual(['17.50', '8.75', '11.25', '2']);
  });

  it('a negative real-time balance stays negative (NOTES §4: not clamped)', () => {
    const w = ok(
      fromBalance({
        ...BALANCE_RESPONSE,
        balance: '5',
        credit_balance: '5',
        real_time_balance: '-1.25',
        real_time_credit_balance: '-1.25',
        current_period_usage: '6.25',
      }),
    );
    expect([
      s(w.ongoingBalance!.amount),
      s(w.credits!.ongoingBalance),
      s(w.ongoingUsage!.amount),
    ]).toEqual(['-1.25', '-1.25', '6.25']);
  });

  it('a cache fallback is flagged, and its "0" usage is reported as unknown', () => {
    const w = ok(
      fromBalance({
        ...BALANCE_RESPONSE,
        is_cached_fallback: true,
        current_period_usage: '0',
        unpaid_invoices_amount: undefined,
      }),
    );
    expect(w.ongoingBalanceIsCached).toBe(true);
    expect(s(w.ongoingBalance!.amount)).toBe('87.50');
    expect(w.ongoingUsage).toBeNull();
    expect(w.credits!.ongoingUsage).toBeNull();
  });

  it('is_cached_fallback without real-time data (include_real_time_balance=false) means nothing', () => {
    const {
      real_time_balance: _a,
      real_time_credit_balance: _b,
      current_period_usage: _c,
      ...plain
    } = BALANCE_RESPONSE;
    const w = ok(fromBalance(plain));
    expect([w.ongoingBalance, w.ongoingUsage, w.ongoingBalanceIsCached]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('credit usage is exact when the division terminates and rounded like shopspring when it does not', () => {
    expect(decimalString(creditsOf(new Dec('22.5'), new Dec('2')))).toBe('11.25');
    expect(decimalString(creditsOf(new Dec('1'), new Dec('0.00001')))).toBe('100000');
    expect(decimalString(creditsOf(new Dec('10'), new Dec('3')))).toBe('3.3333333333333333');
    expect(decimalString(creditsOf(new Dec('2'), new Dec('3')))).toBe('0.6666666666666667');
    expect(decimalString(creditsOf(new Dec('0'), new Dec('7')))).toBe('0');
  });
});

describe('Flexprice translate: bad payloads cost only their own wallet', () => {
  it.each([
    [
      'auto_topup.threshold as a number',
      {
        ...WALLET_RESPONSE,
        auto_topup: { enabled: true, threshold: 5, amount: '50', invoicing: false },
      },
    ],
    ['balance as a number', { ...WALLET_RESPONSE, balance: 100 }],
    ['an unknown currency', { ...WALLET_RESPONSE, currency: 'xyz' }],
    ['a non-decimal string', { ...WALLET_RESPONSE, credit_balance: '1,000' }],
    ['an unknown wallet_status', { ...WALLET_RESPONSE, wallet_status: 'open' }],
    [
      'a PROMOTIONAL wallet_type (does not exist, NOTES §3.1)',
      { ...WALLET_RESPONSE, wallet_type: 'PROMOTIONAL' },
    ],
    ['a zero conversion_rate', { ...WALLET_RESPONSE, conversion_rate: '0' }],
  ])('%s is UPSTREAM_BAD_RESPONSE', (_name, raw) => {
    const result = fromSearch(raw);
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).code).toBe('UPSTREAM_BAD_RESPONSE');
    expect((result as GatewayError).extensions.provider).toBe('FLEXPRICE');
  });

  it('a balance response without is_cached_fallback (always emitted) is rejected', () => {
    const { is_cached_fallback: _, ...missing } = BALANCE_RESPONSE;
    expect((fromBalance(missing) as GatewayError).code).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('in a list, the good wallet survives next to the bad one', () => {
    const list = toWalletList([
      fromBalance(BALANCE_RESPONSE),
      fromBalance({ ...BALANCE_RESPONSE, id: 'wallet_bad', real_time_balance: 87.5 }),
    ]);
    expect(list.wallets.map((w) => w.providerWalletId)).toEqual([
      'wallet_01K2ABCDEFGHJKMNPQRSTVWXYZ',
    ]);
    expect(list.errors.map((e) => e.code)).toEqual(['UPSTREAM_BAD_RESPONSE']);
  });

  it('unknown extra fields pass', () => {
    expect(
      ok(fromBalance({ ...BALANCE_RESPONSE, some_future_field: { x: 1 } })).providerWalletId,
    ).toBe('wallet_01K2ABCDEFGHJKMNPQRSTVWXYZ');
  });
});
