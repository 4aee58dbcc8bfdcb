import { describe, expect, it } from 'vitest';
import { Dec, decimalString } from '../../../src/domain/money.js';
import { type Readable, Unreadable } from '../../../src/domain/part.js';
import { GatewayError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { flexpriceWalletCore } from '../../../src/providers/flexprice/api.js';
import { creditsOf, translateWallet } from '../../../src/providers/flexprice/translate.js';
import { toWalletList, translateItem } from '../../../src/providers/items.js';
import { alerts, known, wallet as ok, thresholds, unreadablePart } from '../../helpers/parts.js';
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
    flexpriceWalletCore,
    (w, r) => translateWallet(w, r, { externalId }),
    raw,
    logger,
  );
const fromBalance = (raw: unknown, externalId: string | null = 'user-42') =>
  translateItem(
    'FLEXPRICE',
    flexpriceWalletCore,
    (w, r) => translateWallet(w, r, { externalId }),
    raw,
    logger,
  );
const s = (d: Readable<Dec | null> | undefined) =>
  d instanceof Unreadable ? `unreadable ${d.part}` : d == null ? d : decimalString(d);

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
    expect(known(w.createdAt)?.toISOString()).toBe('2026-08-22T10:00:00.123Z');
    expect(known(w.updatedAt)?.toISOString()).toBe('2026-08-22T10:00:00.123Z');
    expect(w.raw).toBe(WALLET_RESPONSE);
    const c = known(w.credits)!;
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
    const [rule, ...rest] = ok(fromSearch(WALLET_RESPONSE)).recurringTransactionRules.map(known);
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
    expect(s(known(disabled.recurringTransactionRules[0]!).thresholdCredits)).toBe('2.5');
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
    expect(known(zero.recurringTransactionRules[0]!).cooldown).toBeNull();
    const { auto_topup: _, ...withoutTopUp } = WALLET_RESPONSE;
    expect(ok(fromSearch(withoutTopUp)).recurringTransactionRules).toEqual([]);
  });

  it('alert_settings and alert_state become AlertSettings on the ONGOING_CREDITS metric', () => {
    const a = alerts(ok(fromSearch({ ...WALLET_RESPONSE, alert_state: 'in_alarm' })))!;
    expect(a.enabled).toBe(true);
    expect(a.state).toBe('IN_ALARM');
    expect(thresholds(a).map((t) => ({ ...t, value: s(t.value) }))).toEqual([
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
    const info = alerts(
      ok(
        fromSearch({
          ...WALLET_RESPONSE,
          alert_settings: { info: { threshold: '1000.5', condition: 'above' } },
          alert_state: 'info',
        }),
      ),
    )!;
    // alert_enabled absent counts as off.
    expect(info).toMatchObject({ enabled: false, state: 'INFO' });
    expect(thresholds(info).map((t) => [t.level, s(t.value), t.condition])).toEqual([
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
    expect(s(known(jpy.credits)!.topUpRate)).toBe('1');
  });

  it('keeps nanosecond timestamps valid (Go RFC3339Nano)', () => {
    const w = ok(
      fromSearch({
        ...WALLET_RESPONSE,
        created_at: '2025-01-15T12:00:00.123456789Z',
        updated_at: '2025-01-15T12:00:00Z',
      }),
    );
    expect(known(w.createdAt)?.toISOString()).toBe('2025-01-15T12:00:00.123Z');
    expect(known(w.updatedAt)?.toISOString()).toBe('2025-01-15T12:00:00.000Z');
  });
});

describe('Flexprice translate: WalletBalanceResponse (NOTES §3.2, §4, §7)', () => {
  it('prefers the real-time balance for ongoingBalance, with usage and breakdown', () => {
    const w = ok(fromBalance(BALANCE_RESPONSE));
    expect(s(w.balance.amount)).toBe('100.00');
    expect(s(known(w.ongoingBalance)!.amount)).toBe('87.50');
    expect(s(known(w.ongoingUsage)!.amount)).toBe('12.50');
    expect(w.ongoingBalanceIsCached).toBe(false);
    const c = known(w.credits)!;
    expect([
      s(c.balance),
      s(c.ongoingBalance),
      s(c.ongoingUsage),
      s(known(c.breakdown)!.free),
      s(known(c.breakdown)!.purchased),
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
      s(known(w.ongoingBalance)!.amount),
      s(known(w.credits)!.ongoingBalance),
      s(known(w.credits)!.ongoingUsage),
      s(known(w.credits)!.rate),
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
      s(known(w.ongoingBalance)!.amount),
      s(known(w.credits)!.ongoingBalance),
      s(known(w.ongoingUsage)!.amount),
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
    expect(s(known(w.ongoingBalance)!.amount)).toBe('87.50');
    expect(w.ongoingUsage).toBeNull();
    expect(known(w.credits)!.ongoingUsage).toBeNull();
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

describe('Flexprice translate: only identity, customer, currency and balance can cost the wallet', () => {
  it.each([
    ['an unknown currency', { ...WALLET_RESPONSE, currency: 'xyz' }],
    ['a non-decimal balance', { ...WALLET_RESPONSE, balance: '1,000' }],
    ['no customer', { ...WALLET_RESPONSE, customer_id: undefined }],
    ['an empty id', { ...WALLET_RESPONSE, id: '' }],
  ])('%s is UPSTREAM_BAD_RESPONSE for that wallet', (_name, raw) => {
    const result = fromSearch(raw);
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).code).toBe('UPSTREAM_BAD_RESPONSE');
    expect((result as GatewayError).extensions.provider).toBe('FLEXPRICE');
  });

  it('money sent as a JSON number is read exactly (the documented examples do so)', () => {
    const w = ok(
      fromSearch({
        ...WALLET_RESPONSE,
        balance: 100,
        auto_topup: { enabled: true, threshold: 5, amount: '50', invoicing: false },
      }),
    );
    expect(s(w.balance.amount)).toBe('100.00');
    expect(s(known(w.recurringTransactionRules[0]!).thresholdCredits)).toBe('5');
  });

  it.each([
    ['credit_balance', { credit_balance: '1,000' }, 'credits', 'credit_balance'],
    ['conversion_rate zero', { conversion_rate: '0' }, 'credits', 'conversion_rate'],
    ['created_at', { created_at: 'yesterday' }, 'createdAt', 'created_at'],
    ['name', { name: 42 }, 'name', 'name'],
  ] as const)('an unreadable %s costs only that part', (_name, change, field, part) => {
    const w = ok(fromSearch({ ...WALLET_RESPONSE, ...change }));
    expect(unreadablePart(w[field])).toBe(part);
    expect(s(w.balance.amount)).toBe('100.00');
    expect(w.status).toBe('ACTIVE');
  });

  it('unknown enum values map to UNKNOWN; PROMOTIONAL is a kind', () => {
    expect(ok(fromSearch({ ...WALLET_RESPONSE, wallet_status: 'open' })).status).toBe('UNKNOWN');
    expect(ok(fromSearch({ ...WALLET_RESPONSE, wallet_type: 'GIFT' })).kind).toBe('UNKNOWN');
    expect(ok(fromSearch({ ...WALLET_RESPONSE, wallet_type: 'PROMOTIONAL' })).kind).toBe(
      'PROMOTIONAL',
    );
    const a = alerts(ok(fromSearch({ ...WALLET_RESPONSE, alert_state: 'critical' })))!;
    expect(a.state).toBe('UNKNOWN');
    const cooldown = known(
      ok(
        fromSearch({
          ...WALLET_RESPONSE,
          auto_topup: { ...WALLET_RESPONSE.auto_topup, cooldown: { value: 1, unit: 'week' } },
        }),
      ).recurringTransactionRules[0]!,
    ).cooldown;
    expect(cooldown).toEqual({ value: 1, unit: 'UNKNOWN' });
  });

  it('fields never mapped are never validated', () => {
    const w = ok(
      fromSearch({ ...WALLET_RESPONSE, description: 123, config: 'x', tenant_id: [], status: 7 }),
    );
    expect(s(w.balance.amount)).toBe('100.00');
  });

  it('a balance response without is_cached_fallback counts as cached, as the spec says', () => {
    const { is_cached_fallback: _, ...missing } = BALANCE_RESPONSE;
    const w = ok(fromBalance(missing));
    expect(w.ongoingBalanceIsCached).toBe(true);
    expect(w.ongoingUsage).toBeNull();
  });

  it('in a list, the good wallet survives next to the bad one', () => {
    const list = toWalletList([
      fromBalance(BALANCE_RESPONSE),
      fromBalance({ ...BALANCE_RESPONSE, id: 'wallet_bad', balance: 'lots' }),
    ]);
    expect(list.wallets.map((w) => w.providerWalletId)).toEqual([
      'wallet_01K2ABCDEFGHJKMNPQRSTVWXYZ',
    ]);
    expect(list.errors.map((e) => [e.code, e.extensions.walletId])).toEqual([
      ['UPSTREAM_BAD_RESPONSE', 'wallet_bad'],
    ]);
  });

  it('unknown extra fields pass', () => {
    expect(
      ok(fromBalance({ ...BALANCE_RESPONSE, some_future_field: { x: 1 } })).providerWalletId,
    ).toBe('wallet_01K2ABCDEFGHJKMNPQRSTVWXYZ');
  });
});
