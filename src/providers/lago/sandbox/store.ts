import { randomUUID } from 'node:crypto';
import { currencyExponent } from '../../../domain/currency.js';
import { Dec } from '../../../domain/money.js';
import { ChangeFeed } from '../../../sandbox/changes.js';
import { LAGO_SEED_001_WALLET } from './documents.js';
import {
  LAGO_ALERTS,
  LAGO_CUSTOMERS,
  LAGO_TRANSACTIONS,
  LAGO_WALLETS,
  type LagoAlertSeed,
  type LagoTransactionSeed,
  type LagoWalletSeed,
} from './seed.js';

/** Seed data is read-only; the store's copy is the live, mutable state. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type LagoWalletState = Mutable<LagoWalletSeed> & { last_balance_sync_at: string | null };

/** A wallet transaction (NOTES §5): its status and times move as it settles or fails. */
export type LagoTransactionState = Mutable<LagoTransactionSeed>;

/**
 * A transaction created or updated: the sandbox turns it into `wallet_transaction.created` or
 * `.updated`, plus `wallet.updated` when the balance moved (NOTES §8).
 */
export interface LagoChange {
  readonly wallet: LagoWalletState;
  readonly transaction: LagoTransactionState;
  readonly event: 'created' | 'updated';
  readonly balanceMoved: boolean;
}

export type LagoTransactionKind = LagoTransactionState['transaction_status'];

const lagoNow = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** A decimal(30,5) column serialised the way Rails' BigDecimal#to_s does: "28.0", "1500.5". */
function railsDecimal(d: Dec): string {
  const s = d.toDecimalPlaces(5, Dec.ROUND_DOWN).toFixed();
  return s.includes('.') ? s : `${s}.0`;
}

/** In-memory Lago organisation: the sandbox's single source of truth. */
export class LagoStore {
  readonly customers = LAGO_CUSTOMERS.map((c) => ({ ...c }));
  readonly wallets: LagoWalletState[] = LAGO_WALLETS.map((w) => ({
    ...structuredClone(w),
    last_balance_sync_at: w.status === 'active' ? '2026-11-21T06:00:00Z' : null,
  }));
  readonly alerts: LagoAlertSeed[] = structuredClone(LAGO_ALERTS);
  readonly transactions: LagoTransactionState[] = structuredClone(LAGO_TRANSACTIONS);
  /** Every balance change, after it is applied. */
  readonly changes = new ChangeFeed<LagoChange>();
  /**
   * Wallets held as documents, served byte for byte as the provider documented them (seed 001),
   * beside the modelled ones; they take no part in top-ups or webhooks.
   */
  readonly documents: Readonly<Record<string, unknown>>[];

  constructor(options: { seedDocuments?: boolean } = {}) {
    this.documents = options.seedDocuments ? [structuredClone(LAGO_SEED_001_WALLET)] : [];
  }

  document(lagoId: string): Readonly<Record<string, unknown>> | undefined {
    return this.documents.find((d) => d.lago_id === lagoId);
  }

  customer(externalId: string) {
    return this.customers.find((c) => c.external_id === externalId);
  }

  wallet(lagoId: string): LagoWalletState | undefined {
    return this.wallets.find((w) => w.lago_id === lagoId);
  }

  /** Codes are unique among active wallets only; Lago looks up without status ordering (NOTES §9.12). */
  walletByCode(externalId: string, code: string): LagoWalletState | undefined {
    return this.wallets.find((w) => w.external_customer_id === externalId && w.code === code);
  }

  transaction(lagoId: string): LagoTransactionState | undefined {
    return this.transactions.find((t) => t.lago_id === lagoId);
  }

  /** A wallet's transactions, `created_at DESC, id ASC` (NOTES §1). */
  transactionsOf(lagoWalletId: string): LagoTransactionState[] {
    return this.transactions
      .filter((t) => t.lago_wallet_id === lagoWalletId)
      .sort(
        (a, b) => b.created_at.localeCompare(a.created_at) || a.lago_id.localeCompare(b.lago_id),
      );
  }

  /** Credits in; the balance in cents follows (amount = credits × rate, rounded to the currency exponent). */
  grantCredits(lagoId: string, credits: string): LagoWalletState {
    this.createTransaction(lagoId, credits, 'granted');
    return this.wallet(lagoId)!;
  }

  /** Usage consumption (an invoice paid from the wallet). */
  consumeCredits(lagoId: string, credits: string): LagoWalletState {
    this.createTransaction(lagoId, credits, 'invoiced');
    return this.wallet(lagoId)!;
  }

  /**
   * Records a transaction and announces it (NOTES §5 "Lifecycle"): a grant, a void and an
   * invoice's consumption settle at once and move the balance; a purchase waits, pending, for its
   * invoice to be paid (settleTransaction) or to fail (failTransaction).
   */
  createTransaction(
    lagoId: string,
    credits: string,
    kind: LagoTransactionKind,
    options: {
      readonly source?: LagoTransactionState['source'];
      readonly name?: string | null;
      readonly metadata?: LagoTransactionState['metadata'];
    } = {},
  ): LagoTransactionState {
    const w = this.mustBeActive(lagoId);
    const now = lagoNow();
    const pending = kind === 'purchased';
    const outbound = kind === 'voided' || kind === 'invoiced';
    if (kind === 'voided' && new Dec(credits).gt(w.credits_balance))
      throw new Error('insufficient_credits');
    const transaction: LagoTransactionState = {
      lago_id: randomUUID(),
      lago_wallet_id: w.lago_id,
      lago_invoice_id: kind === 'invoiced' || kind === 'purchased' ? randomUUID() : null,
      status: pending ? 'pending' : 'settled',
      source: options.source ?? 'manual',
      transaction_status: kind,
      transaction_type: outbound ? 'outbound' : 'inbound',
      credit_amount: railsDecimal(new Dec(credits)),
      created_at: now,
      settled_at: pending ? null : now,
      failed_at: null,
      name: options.name ?? null,
      metadata: options.metadata ?? [],
    };
    if (!pending) this.apply(w, transaction, now);
    this.transactions.push(transaction);
    this.changes.emit({ wallet: w, transaction, event: 'created', balanceMoved: !pending });
    return transaction;
  }

  /** A pending purchase's invoice is paid: it settles and the credits arrive. */
  settleTransaction(lagoId: string): LagoTransactionState {
    const t = this.mustBePending(lagoId);
    const w = this.mustBeActive(t.lago_wallet_id);
    const now = lagoNow();
    t.status = 'settled';
    t.settled_at = now;
    this.apply(w, t, now);
    this.changes.emit({ wallet: w, transaction: t, event: 'updated', balanceMoved: true });
    return t;
  }

  /** A pending purchase's payment fails: no credits (NOTES §5 "Lifecycle"). */
  failTransaction(lagoId: string): LagoTransactionState {
    const t = this.mustBePending(lagoId);
    const w = this.wallet(t.lago_wallet_id)!;
    t.status = 'failed';
    t.failed_at = lagoNow();
    this.changes.emit({ wallet: w, transaction: t, event: 'updated', balanceMoved: false });
    return t;
  }

  private apply(w: LagoWalletState, t: LagoTransactionState, now: string): void {
    if (t.transaction_type === 'inbound') {
      w.credits_balance = railsDecimal(new Dec(w.credits_balance).add(t.credit_amount));
      w.last_balance_sync_at = now;
      return;
    }
    w.credits_balance = railsDecimal(new Dec(w.credits_balance).sub(t.credit_amount));
    if (t.transaction_status === 'invoiced') {
      w.consumed_credits = railsDecimal(new Dec(w.consumed_credits).add(t.credit_amount));
      w.last_consumed_credit_at = now;
    }
  }

  private mustBePending(lagoId: string): LagoTransactionState {
    const t = this.transaction(lagoId);
    if (t?.status !== 'pending') throw new Error(`no pending Lago transaction ${lagoId}`);
    return t;
  }

  addWallet(
    partial: Partial<LagoWalletState> & Pick<LagoWalletState, 'external_customer_id' | 'currency'>,
  ): LagoWalletState {
    const w: LagoWalletState = {
      lago_id: randomUUID(),
      status: 'active',
      name: null,
      code: 'default',
      rate_amount: '1.0',
      credits_balance: '0.0',
      credits_ongoing_usage_balance: '0.0',
      consumed_credits: '0.0',
      priority: 50,
      created_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      expiration_at: null,
      last_consumed_credit_at: null,
      terminated_at: null,
      paid_top_up_min_amount_cents: null,
      paid_top_up_max_amount_cents: null,
      purchase_order_number: null,
      metadata: {},
      recurring_transaction_rules: [],
      last_balance_sync_at: null,
      ...partial,
    };
    this.wallets.push(w);
    return w;
  }

  private mustBeActive(lagoId: string): LagoWalletState {
    const w = this.wallet(lagoId);
    if (w?.status !== 'active') throw new Error(`no active Lago wallet ${lagoId}`);
    return w;
  }
}

export function centsOf(credits: string, rate: string, currency: string): bigint {
  const exponent = currencyExponent(currency);
  const amount = new Dec(credits).mul(rate).toDecimalPlaces(exponent, Dec.ROUND_HALF_UP);
  return BigInt(amount.mul(Dec.pow(10, exponent)).toFixed(0));
}

export { railsDecimal };
