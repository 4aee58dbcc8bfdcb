import { describe, expect, it } from 'vitest';
import { decimalString, minorUnits } from '../../../src/domain/money.js';
import type { WalletTransaction } from '../../../src/domain/transaction.js';
import { GatewayError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { flexpriceTransactionCore } from '../../../src/providers/flexprice/api.js';
import { translateTransaction } from '../../../src/providers/flexprice/translate-transactions.js';
import { translateTransactionItem } from '../../../src/providers/items.js';
import { known, unreadablePart } from '../../helpers/parts.js';
import { TRANSACTION_RESPONSE, WEBHOOK_TRANSACTION } from './payloads.js';

const silent = createLogger({ level: 'silent' });
const translate = (raw: unknown) =>
  translateTransactionItem(
    'FLEXPRICE',
    flexpriceTransactionCore,
    translateTransaction,
    raw,
    silent,
  );
const ok = (raw: unknown): WalletTransaction => {
  const result = translate(raw);
  if (result instanceof GatewayError) throw result;
  return result;
};
const s = decimalString;

describe('Flexprice translate: wallet transaction (NOTES §3.7, §5.3)', () => {
  it('maps a WalletTransactionResponse field by field, exact decimals, upper-case currency', () => {
    const t = ok(TRANSACTION_RESPONSE);
    expect(t).toMatchObject({
      provider: 'FLEXPRICE',
      providerTransactionId: 'wtxn_01K2ZZZZZZZZZZZZZZZZZZZZZZ',
      providerWalletId: 'wallet_01K2ABCDEFGHJKMNPQRSTVWXYZ',
      direction: 'DEBIT',
      status: 'SETTLED',
      kind: 'USAGE',
      source: 'INVOICE',
      invoiceId: 'inv_01K2ABCDEFGHJKMNPQRSTVWXYZ',
      name: 'Usage for August',
      expiresAt: null,
      failedAt: null,
      metadata: [{ key: 'consumed_credit_tx_ids', value: 'wtxn_01K2ABCDEFGHJKMNPQRSTVWXYZ' }],
    });
    expect([s(t.amount.amount), t.amount.currency, minorUnits(t.amount)]).toEqual([
      '12.50',
      'USD',
      '1250',
    ]);
    expect(s(known(t.credits)!)).toBe('6.25');
    expect(s(known(t.creditBalanceAfter)!)).toBe('53.75');
    // Nanoseconds arrive; a Date keeps milliseconds. The wire text stays in raw.
    expect(known(t.createdAt)?.toISOString()).toBe('2026-08-31T23:59:59.987Z');
    // A completed transaction's updated_at is when it completed.
    expect(known(t.settledAt)?.toISOString()).toBe('2026-09-01T00:00:00.500Z');
  });

  it("reads NOTES §5.4's minimal webhook transaction: no times, nothing invented", () => {
    const t = ok(WEBHOOK_TRANSACTION);
    expect(t).toMatchObject({
      direction: 'CREDIT',
      status: 'SETTLED',
      kind: 'PURCHASED',
      source: 'MANUAL',
      invoiceId: null,
      name: null,
      createdAt: null,
      settledAt: null,
      expiresAt: null,
      metadata: [{ key: 'order', value: 'A1' }],
    });
    expect(s(known(t.creditBalanceAfter)!)).toBe('60');
  });

  it('maps every reason to its kind, and an auto top-up to THRESHOLD_RULE (NOTES §3.6)', () => {
    const kind = (reason: string) =>
      ok({ ...WEBHOOK_TRANSACTION, transaction_reason: reason }).kind;
    expect(
      [
        'FREE_CREDIT_GRANT',
        'SUBSCRIPTION_CREDIT_GRANT',
        'PURCHASED_CREDIT_BONUS',
        'PURCHASED_CREDIT_INVOICED',
        'CREDIT_NOTE',
        'INVOICE_VOID_REFUND',
        'CREDIT_EXPIRED',
        'WALLET_TERMINATION',
        'MANUAL_BALANCE_DEBIT',
        'CREDIT_ADJUSTMENT',
        'SOMETHING_NEW',
      ].map(kind),
    ).toEqual([
      'GRANTED',
      'GRANTED',
      'GRANTED',
      'PURCHASED',
      'REFUND',
      'REFUND',
      'EXPIRED',
      'TERMINATION',
      'VOIDED',
      'ADJUSTMENT',
      'UNKNOWN',
    ]);
    const auto = ok({
      ...WEBHOOK_TRANSACTION,
      transaction_status: 'pending',
      transaction_reason: 'PURCHASED_CREDIT_INVOICED',
      metadata: { auto_topup: 'true' },
    });
    expect(auto).toMatchObject({ status: 'PENDING', source: 'THRESHOLD_RULE', settledAt: null });
    expect(ok({ ...WEBHOOK_TRANSACTION, transaction_reason: 'CREDIT_EXPIRED' }).source).toBe(
      'SYSTEM',
    );
    expect(ok({ ...TRANSACTION_RESPONSE, transaction_status: 'failed' }).failedAt?.valueOf()).toBe(
      Date.parse('2026-09-01T00:00:00.5Z'),
    );
  });

  it('costs only the part that cannot be read', () => {
    const t = ok({ ...TRANSACTION_RESPONSE, credit_balance_after: {}, expiry_date: 'soon' });
    expect(s(t.amount.amount)).toBe('12.50');
    expect(unreadablePart(t.creditBalanceAfter)).toBe('credit_balance_after');
    expect(unreadablePart(t.expiresAt)).toBe('expiry_date');
  });

  it('a transaction whose currency is not ISO 4217 is one typed error naming it', () => {
    const result = translate({ ...TRANSACTION_RESPONSE, currency: 'credits' });
    expect((result as GatewayError).extensions).toEqual({
      code: 'UPSTREAM_BAD_RESPONSE',
      provider: 'FLEXPRICE',
      transactionId: 'wtxn_01K2ZZZZZZZZZZZZZZZZZZZZZZ',
    });
  });
});
