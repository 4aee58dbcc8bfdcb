import { describe, expect, it } from 'vitest';
import { decimalString, minorUnits } from '../../../src/domain/money.js';
import type { Wallet } from '../../../src/domain/wallet.js';
import { GatewayError } from '../../../src/errors.js';
import { parseJsonExact } from '../../../src/json.js';
import { createLogger } from '../../../src/logger.js';
import { toWalletList, translateItem } from '../../../src/providers/items.js';
import { polarList, polarWalletCore } from '../../../src/providers/polar/api.js';
import { translateWallet } from '../../../src/providers/polar/translate.js';
import { known, unreadablePart } from '../../helpers/parts.js';
import { polarListSample, polarWalletSample } from './fixtures.js';

const silent = createLogger({ level: 'silent' });
const translate = (raw: unknown, externalId: string | null = 'hooli_1234') =>
  translateItem('POLAR', polarWalletCore, (w, r) => translateWallet(w, r, externalId), raw, silent);
const ok = (raw: unknown, externalId?: string | null): Wallet => {
  const result = translate(raw, externalId);
  if (result instanceof GatewayError) throw result;
  return result;
};
const s = decimalString;

describe('Polar translate: wallet (NOTES §2.4)', () => {
  const w = ok(polarWalletSample());

  it('maps identity and customer: external id from the lookup, Polar customer id from the wire', () => {
    expect(w).toMatchObject({
      provider: 'POLAR',
      providerWalletId: '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11',
      customer: {
        externalId: 'hooli_1234',
        providerCustomerId: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
      },
    });
    expect(ok(polarWalletSample(), null).customer).toEqual({
      externalId: null,
      providerCustomerId: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
    });
  });

  it('status ACTIVE, kind CREDIT_BALANCE, currency upper-cased', () => {
    expect([w.status, w.kind, w.currency]).toEqual(['ACTIVE', 'CREDIT_BALANCE', 'USD']);
  });

  it('balance comes from integer cents, exactly: 5000 -> "50.00"', () => {
    expect([s(w.balance.amount), minorUnits(w.balance), w.balance.currency]).toEqual([
      '50.00',
      '5000',
      'USD',
    ]);
  });

  it('a negative balance (debt, NOTES §3) is kept exactly, never clamped: -1250 -> "-12.50"', () => {
    const debt = ok({ ...polarWalletSample(), balance: -1250 });
    expect([s(debt.balance.amount), minorUnits(debt.balance)]).toEqual(['-12.50', '-1250']);
  });

  it('minor units follow the ISO exponent, not a hard-coded 100 (JPY 0, KWD 3)', () => {
    const jpy = ok({ ...polarWalletSample(), currency: 'jpy', balance: 1500 });
    expect([jpy.currency, s(jpy.balance.amount), minorUnits(jpy.balance)]).toEqual([
      'JPY',
      '1500',
      '1500',
    ]);
    const kwd = ok({ ...polarWalletSample(), currency: 'kwd', balance: -1250 });
    expect([s(kwd.balance.amount), minorUnits(kwd.balance)]).toEqual(['-1.250', '-1250']);
  });

  it('balances beyond 2^53 cents arrive as bigint (json.ts) and stay exact', () => {
    const raw = parseJsonExact(
      '{"id":"7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11",' +
        '"created_at":"2025-11-12T09:34:05.123456Z","modified_at":null,' +
        '"customer_id":"992fae2a-2a17-4b7a-8d9e-e287cf90131b",' +
        '"balance":-90071992547409931,"currency":"usd"}',
    );
    const big = ok(raw);
    expect([s(big.balance.amount), minorUnits(big.balance)]).toEqual([
      '-900719925474099.31',
      '-90071992547409931',
    ]);
  });

  it('timestamps: created_at with microseconds; modified_at null -> updatedAt null, else a date', () => {
    expect(known(w.createdAt)!.toISOString()).toBe('2025-11-12T09:34:05.123Z');
    expect(w.updatedAt).toBeNull();
    expect(
      (
        ok({ ...polarWalletSample(), modified_at: '2026-03-18T08:00:00Z' }).updatedAt as Date
      ).toISOString(),
    ).toBe('2026-03-18T08:00:00.000Z');
  });

  it('everything Polar does not have is null or empty, never invented (alertSettings null, not undefined)', () => {
    expect(w).toMatchObject({
      name: null,
      code: null,
      ongoingBalance: null,
      ongoingUsage: null,
      ongoingBalanceIsCached: null,
      credits: null,
      priority: null,
      expiresAt: null,
      terminatedAt: null,
      lastTopUpAt: null,
      lastConsumedAt: null,
      recurringTransactionRules: [],
      metadata: [],
    });
    expect(w.alertSettings).toBeNull();
  });

  it('keeps the upstream object untouched in raw, extra fields included', () => {
    expect(w.raw).toEqual(polarWalletSample());
    const withExtra = { ...polarWalletSample(), type: 'billing' };
    expect(ok(withExtra).raw).toEqual(withExtra);
  });

  it.each([
    ['balance as a string', { balance: '5000' }],
    ['balance as a float', { balance: 50.5 }],
    ['an unknown currency', { currency: 'xyz' }],
    ['a currency that is not a code', { currency: 'US dollars' }],
    ['no customer_id', { customer_id: undefined }],
  ])('%s becomes UPSTREAM_BAD_RESPONSE', (_label, patch) => {
    const result = translate({ ...polarWalletSample(), ...patch });
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).code).toBe('UPSTREAM_BAD_RESPONSE');
    expect((result as GatewayError).extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      provider: 'POLAR',
    });
  });

  it('a created_at that is not a timestamp costs only createdAt; a missing modified_at is none', () => {
    const w = ok({ ...polarWalletSample(), created_at: 'yesterday', modified_at: undefined });
    expect(unreadablePart(w.createdAt)).toBe('created_at');
    expect(w.updatedAt).toBeNull();
    expect(s(w.balance.amount)).toBe('50.00');
  });

  it('one bad wallet in a list costs only itself', () => {
    const envelope = polarList.parse(
      polarListSample([
        polarWalletSample(),
        { ...polarWalletSample(), id: 'b1e2d3c4-a5b6-4c7d-8e9f-0a1b2c3d4e51', balance: '12.5' },
        {
          ...polarWalletSample(),
          id: 'c2f3e4d5-b6a7-4d8e-9fa0-1b2c3d4e5f62',
          balance: -1250,
          currency: 'eur',
        },
      ]),
    );
    const list = toWalletList(envelope.items.map((raw) => translate(raw)));
    expect(list.wallets.map((x) => [x.providerWalletId, s(x.balance.amount), x.currency])).toEqual([
      ['7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11', '50.00', 'USD'],
      ['c2f3e4d5-b6a7-4d8e-9fa0-1b2c3d4e5f62', '-12.50', 'EUR'],
    ]);
    expect(list.errors.map((e) => e.code)).toEqual(['UPSTREAM_BAD_RESPONSE']);
  });
});
