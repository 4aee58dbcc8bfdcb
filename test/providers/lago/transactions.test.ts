import { describe, expect, it } from 'vitest';
import { decimalString, minorUnits } from '../../../src/domain/money.js';
import type { WalletTransaction } from '../../../src/domain/transaction.js';
import { GatewayError } from '../../../src/errors.js';
import { parseJsonExact } from '../../../src/json.js';
import { createLogger } from '../../../src/logger.js';
import { translateTransactionItem } from '../../../src/providers/items.js';
import { lagoTransactionCore } from '../../../src/providers/lago/api.js';
import { pageWindow } from '../../../src/providers/lago/transactions.js';
import { translateTransaction } from '../../../src/providers/lago/translate-transactions.js';
import { known, unreadablePart } from '../../helpers/parts.js';
import { lagoTransactionSample } from './fixtures.js';

const silent = createLogger({ level: 'silent' });
const translate = (raw: unknown, currency = 'USD') =>
  translateTransactionItem(
    'LAGO',
    lagoTransactionCore,
    (core, r) => translateTransaction(core, r, { currency }),
    raw,
    silent,
    'lago_id',
  );
const ok = (raw: unknown, currency?: string): WalletTransaction => {
  const result = translate(raw, currency);
  if (result instanceof GatewayError) throw result;
  return result;
};
const s = decimalString;

describe('Lago translate: wallet transaction (NOTES §5, §7)', () => {
  it("maps NOTES §7's sample field by field, exact decimals in the wallet's currency", () => {
    const t = ok(lagoTransactionSample());
    expect(t).toMatchObject({
      provider: 'LAGO',
      providerTransactionId: '1a901a90-1a90-1a90-1a90-1a901a901a90',
      providerWalletId: '1a901a90-1a90-1a90-1a90-1a901a901a90',
      direction: 'CREDIT',
      status: 'SETTLED',
      kind: 'GRANTED',
      source: 'MANUAL',
      creditBalanceAfter: null,
      invoiceId: null,
      name: "Tokens for models 'high-fidelity-boost'",
      failedAt: null,
      expiresAt: null,
      metadata: [{ key: 'example key', value: 'example value' }],
    });
    expect([s(t.amount.amount), t.amount.currency, minorUnits(t.amount)]).toEqual([
      '10.00',
      'USD',
      '1000',
    ]);
    expect(s(known(t.credits)!)).toBe('100.0');
    expect(known(t.createdAt)?.toISOString()).toBe('2022-04-29T08:59:51.000Z');
    expect(known(t.settledAt)?.toISOString()).toBe('2022-04-29T08:59:51.000Z');
    expect(t.raw).toEqual(lagoTransactionSample());
  });

  it('reads each status, kind, direction and source, and an invoice consumption as INVOICE', () => {
    const t = (over: Record<string, unknown>) => ok({ ...lagoTransactionSample(), ...over });
    expect(t({ status: 'pending' }).status).toBe('PENDING');
    expect(t({ status: 'failed', failed_at: '2024-05-01T10:00:00Z' })).toMatchObject({
      status: 'FAILED',
    });
    expect(t({ transaction_status: 'purchased' }).kind).toBe('PURCHASED');
    expect(t({ transaction_status: 'voided', transaction_type: 'outbound' })).toMatchObject({
      kind: 'VOIDED',
      direction: 'DEBIT',
    });
    expect(
      t({ transaction_status: 'invoiced', transaction_type: 'outbound', lago_invoice_id: 'inv-1' }),
    ).toMatchObject({ kind: 'USAGE', source: 'INVOICE', invoiceId: 'inv-1' });
    expect(t({ source: 'interval' }).source).toBe('INTERVAL_RULE');
    expect(t({ source: 'threshold' }).source).toBe('THRESHOLD_RULE');
  });

  it('maps values Lago adds later to UNKNOWN, keeping them in raw', () => {
    const t = ok({
      ...lagoTransactionSample(),
      status: 'reversed',
      transaction_status: 'refunded',
      transaction_type: 'sideways',
      source: 'api',
    });
    expect(t).toMatchObject({
      status: 'UNKNOWN',
      kind: 'UNKNOWN',
      direction: 'UNKNOWN',
      source: 'UNKNOWN',
    });
    expect((t.raw as Record<string, unknown>).transaction_status).toBe('refunded');
  });

  it('reads a JSON-number amount exactly, at a zero-decimal currency', () => {
    const raw = parseJsonExact(
      '{"lago_id":"t1","lago_wallet_id":"w1","amount":150050.50,"credit_amount":1500.505}',
    );
    const t = ok(raw, 'JPY');
    expect([s(t.amount.amount), t.amount.currency]).toEqual(['150050.50', 'JPY']);
    expect(s(known(t.credits)!)).toBe('1500.505');
  });

  it('costs only the part that cannot be read: the transaction keeps its amount', () => {
    const t = ok({
      ...lagoTransactionSample(),
      credit_amount: 'lots',
      created_at: 'yesterday',
      metadata: [{ key: 'ok', value: 'v' }, { key: 'bad', value: 7 }, 'odd'],
    });
    expect(s(t.amount.amount)).toBe('10.00');
    expect(unreadablePart(t.credits)).toBe('credit_amount');
    expect(unreadablePart(t.createdAt)).toBe('created_at');
    expect(
      t.metadata.map((m) => (m instanceof Object && 'key' in m ? m.key : unreadablePart(m))),
    ).toEqual(['ok', 'metadata[1]', 'metadata[2]']);
  });

  it('a transaction without a readable identity, wallet or amount is one typed error naming it', () => {
    const result = translate({ ...lagoTransactionSample(), amount: '1e9' });
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).extensions).toEqual({
      code: 'UPSTREAM_BAD_RESPONSE',
      provider: 'LAGO',
      transactionId: '1a901a90-1a90-1a90-1a90-1a901a901a90',
    });
  });
});

describe('Lago pages for an offset (page/per_page, never "everything then a slice")', () => {
  it('keeps a walk of one page size on its own pages', () => {
    expect(pageWindow(0, 2)).toEqual({ perPage: 2, page: 1 });
    expect(pageWindow(6, 2)).toEqual({ perPage: 2, page: 4 });
  });

  it('finds a single page holding the window when the page size changed mid-walk', () => {
    const { perPage, page } = pageWindow(7, 20);
    const start = (page - 1) * perPage;
    expect(start).toBeLessThanOrEqual(7);
    expect(start + perPage).toBeGreaterThanOrEqual(27);
    expect(perPage).toBeLessThanOrEqual(100);
  });
});
