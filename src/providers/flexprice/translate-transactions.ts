import { money } from '../../domain/money.js';
import type {
  TransactionDirection,
  TransactionKind,
  TransactionSource,
  TransactionStatus,
  WalletTransaction,
} from '../../domain/transaction.js';
import { field, readEnum, readerFor } from '../read.js';
import { currency, metadataList } from '../translate-helpers.js';
import { type FlexpriceTransactionCore, flexpriceTransactionPart } from './api.js';

const { readPart } = readerFor('FLEXPRICE');

/** The wire values of each enum (NOTES §3.6), and what they mean in the unified model. */
export const FLEXPRICE_DIRECTIONS = {
  credit: 'CREDIT',
  debit: 'DEBIT',
} as const satisfies Record<string, TransactionDirection>;

export const FLEXPRICE_STATUSES = {
  pending: 'PENDING',
  completed: 'SETTLED',
  failed: 'FAILED',
} as const satisfies Record<string, TransactionStatus>;

/** `transaction_reason` is the kind; several reasons share one (NOTES §3.5, §3.6). */
export const FLEXPRICE_KINDS = {
  INVOICE_PAYMENT: 'USAGE',
  FREE_CREDIT_GRANT: 'GRANTED',
  SUBSCRIPTION_CREDIT_GRANT: 'GRANTED',
  PURCHASED_CREDIT_BONUS: 'GRANTED',
  PURCHASED_CREDIT_INVOICED: 'PURCHASED',
  PURCHASED_CREDIT_DIRECT: 'PURCHASED',
  CREDIT_NOTE: 'REFUND',
  INVOICE_VOID_REFUND: 'REFUND',
  CREDIT_EXPIRED: 'EXPIRED',
  WALLET_TERMINATION: 'TERMINATION',
  MANUAL_BALANCE_DEBIT: 'VOIDED',
  CREDIT_ADJUSTMENT: 'ADJUSTMENT',
} as const satisfies Record<string, TransactionKind>;

const REFERENCE_SOURCES = {
  REQUEST: 'MANUAL',
  EXTERNAL: 'MANUAL',
  INVOICE: 'INVOICE',
  PAYMENT: 'INVOICE',
} as const satisfies Record<string, TransactionSource>;

/**
 * What started a transaction: an auto top-up marks its transactions with metadata
 * `auto_topup: "true"` (NOTES §3.6); expiry and termination are Flexprice's own doing; a
 * subscription grant is its subscription's; otherwise `reference_type` says (an API request, or
 * an invoice or payment).
 */
function sourceOf(raw: unknown): TransactionSource {
  const metadata = field(raw, 'metadata');
  if (field(metadata, 'auto_topup') === 'true') return 'THRESHOLD_RULE';
  const reason = field(raw, 'transaction_reason');
  if (reason === 'CREDIT_EXPIRED' || reason === 'WALLET_TERMINATION') return 'SYSTEM';
  if (reason === 'SUBSCRIPTION_CREDIT_GRANT') return 'SUBSCRIPTION';
  return readEnum(field(raw, 'reference_type'), REFERENCE_SOURCES);
}

/**
 * Flexprice wallet transaction -> domain (NOTES §3.7; the minimal webhook struct of §5.3 too).
 * Pure. `amount` is in currency, `credit_amount` in credits. Flexprice records no settlement
 * or failure time: a completed (or failed) transaction's `updated_at` is when it got there (a
 * pending purchase is updated once, when it completes). Its invoice is `reference_id` when
 * `reference_type` is INVOICE.
 *
 * Not mapped (stay in `raw`): `credit_balance_before`, `credits_available`, `priority`,
 * `idempotency_key`, `parent_transaction_id`, conversion rates, audit and tenancy fields.
 */
export function translateTransaction(
  core: FlexpriceTransactionCore,
  raw: unknown,
): WalletTransaction {
  const cur = currency(core.currency);
  const when = (key: string) =>
    readPart(key, flexpriceTransactionPart.date, field(raw, key), (d) => d ?? null);
  const decimalOf = (key: string) =>
    readPart(key, flexpriceTransactionPart.decimal, field(raw, key), (d) => d ?? null);
  const status = readEnum(field(raw, 'transaction_status'), FLEXPRICE_STATUSES);
  return {
    provider: 'FLEXPRICE',
    providerTransactionId: core.id,
    providerWalletId: core.wallet_id,
    direction: readEnum(field(raw, 'type'), FLEXPRICE_DIRECTIONS),
    status,
    kind: readEnum(field(raw, 'transaction_reason'), FLEXPRICE_KINDS),
    source: sourceOf(raw),
    amount: money(core.amount, cur),
    credits: decimalOf('credit_amount'),
    creditBalanceAfter: decimalOf('credit_balance_after'),
    invoiceId:
      field(raw, 'reference_type') === 'INVOICE'
        ? readPart(
            'reference_id',
            flexpriceTransactionPart.text,
            field(raw, 'reference_id'),
            (id) => id || null,
          )
        : null,
    name: readPart(
      'description',
      flexpriceTransactionPart.text,
      field(raw, 'description'),
      (d) => d || null,
    ),
    createdAt: when('created_at'),
    settledAt: status === 'SETTLED' ? when('updated_at') : null,
    failedAt: status === 'FAILED' ? when('updated_at') : null,
    expiresAt: when('expiry_date'),
    metadata: metadataList(
      'FLEXPRICE',
      'metadata',
      flexpriceTransactionPart.metadata,
      flexpriceTransactionPart.metadataValue,
      raw,
    ),
    raw,
  };
}
