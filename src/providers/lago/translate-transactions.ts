import { money } from '../../domain/money.js';
import { type Readable, Unreadable } from '../../domain/part.js';
import type {
  TransactionDirection,
  TransactionKind,
  TransactionSource,
  TransactionStatus,
  WalletTransaction,
} from '../../domain/transaction.js';
import type { MetadataEntry } from '../../domain/wallet.js';
import { field, readEnum, readerFor } from '../read.js';
import { type LagoTransactionCore, lagoTransactionPart } from './api.js';

const { readPart, readList, unreadable } = readerFor('LAGO');

/** The wire values of each enum (NOTES §5), and what they mean in the unified model. */
export const LAGO_DIRECTIONS = {
  inbound: 'CREDIT',
  outbound: 'DEBIT',
} as const satisfies Record<string, TransactionDirection>;

export const LAGO_STATUSES = {
  pending: 'PENDING',
  settled: 'SETTLED',
  failed: 'FAILED',
} as const satisfies Record<string, TransactionStatus>;

/** `transaction_status` is the kind: invoice consumption is `invoiced` (NOTES §5 "Lifecycle"). */
export const LAGO_KINDS = {
  purchased: 'PURCHASED',
  granted: 'GRANTED',
  voided: 'VOIDED',
  invoiced: 'USAGE',
} as const satisfies Record<string, TransactionKind>;

const SOURCES = {
  manual: 'MANUAL',
  interval: 'INTERVAL_RULE',
  threshold: 'THRESHOLD_RULE',
} as const satisfies Record<string, TransactionSource>;

/** The wallet a transaction moved: Lago's transaction object carries no currency of its own. */
export interface LagoTransactionWallet {
  readonly currency: string;
}

/**
 * Lago `WalletTransactionObject` -> domain (NOTES §5). Pure. `core` (identity, wallet, amount) is
 * already validated; every other part is read from `raw` on its own. `amount` is in the wallet's
 * currency (credits × rate), `credit_amount` in credits.
 *
 * Not mapped (stay in `raw`): `lago_credit_note_id`, `lago_voided_invoice_id`,
 * `billing_entity_code`, `remaining_amount_cents`, `remaining_credit_amount` (traceable wallets),
 * `priority`, `purchase_order_number`, `invoice_requires_successful_payment`, `payment_method`,
 * and the `wallet` webhooks nest. Lago records no expiry per transaction, nor a balance after it.
 */
export function translateTransaction(
  core: LagoTransactionCore,
  raw: unknown,
  wallet: LagoTransactionWallet,
): WalletTransaction {
  const when = (key: string) =>
    readPart(key, lagoTransactionPart.date, field(raw, key), (d) => d ?? null);
  const text = (key: string) =>
    readPart(key, lagoTransactionPart.text, field(raw, key), (t) => t || null);
  const kind = readEnum(field(raw, 'transaction_status'), LAGO_KINDS);
  return {
    provider: 'LAGO',
    providerTransactionId: core.lago_id,
    providerWalletId: core.lago_wallet_id,
    direction: readEnum(field(raw, 'transaction_type'), LAGO_DIRECTIONS),
    status: readEnum(field(raw, 'status'), LAGO_STATUSES),
    kind,
    // Consumption by an invoice is the invoice's doing, whatever `source` says (its column default).
    source: kind === 'USAGE' ? 'INVOICE' : readEnum(field(raw, 'source'), SOURCES),
    amount: money(core.amount, wallet.currency),
    credits: readPart(
      'credit_amount',
      lagoTransactionPart.decimal,
      field(raw, 'credit_amount'),
      (d) => d ?? null,
    ),
    creditBalanceAfter: null,
    invoiceId: text('lago_invoice_id'),
    name: text('name'),
    createdAt: when('created_at'),
    settledAt: when('settled_at'),
    failedAt: when('failed_at'),
    expiresAt: null,
    metadata: transactionMetadata(field(raw, 'metadata')),
    raw,
  };
}

/** `[{key, value}]`, entry by entry; absent or null is empty. */
function transactionMetadata(value: unknown): Readable<MetadataEntry>[] {
  const list = lagoTransactionPart.metadata.safeParse(value);
  if (!list.success) return [unreadable('metadata', 'not a list of {key, value}')];
  return readList('metadata', list.data, (entry, part) => {
    const parsed = lagoTransactionPart.metadataEntry.safeParse(entry);
    return parsed.success
      ? { key: parsed.data.key, value: parsed.data.value }
      : new Unreadable('LAGO', part, 'not a {key, value} entry with a string value');
  });
}
