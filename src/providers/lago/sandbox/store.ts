import { randomUUID } from 'node:crypto';
import { currencyExponent } from '../../../domain/currency.js';
import { Dec } from '../../../domain/money.js';
import { ChangeFeed } from '../../../sandbox/changes.js';
import { LAGO_SEED_001_WALLET } from './documents.js';
import {
  LAGO_ALERTS,
  LAGO_CUSTOMERS,
  LAGO_WALLETS,
  type LagoAlertSeed,
  type LagoWalletSeed,
} from './seed.js';

/** Seed data is read-only; the store's copy is the live, mutable state. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type LagoWalletState = Mutable<LagoWalletSeed> & { last_balance_sync_at: string | null };

/** A settled transaction (NOTES §5 "Lifecycle"): a grant (inbound) or invoice consumption (outbound). */
export interface LagoTransactionState {
  readonly lago_id: string;
  readonly lago_wallet_id: string;
  readonly lago_invoice_id: string | null;
  readonly transaction_status: 'granted' | 'invoiced';
  readonly transaction_type: 'inbound' | 'outbound';
  /** Credits, as Rails prints the decimal. */
  readonly credit_amount: string;
  readonly created_at: string;
}

/** What moved a balance: the sandbox turns it into `wallet_transaction.created` + `wallet.updated`. */
export interface LagoChange {
  readonly wallet: LagoWalletState;
  readonly transaction: LagoTransactionState;
}

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
  readonly transactions: LagoTransactionState[] = [];
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

  /** Applies a settled transaction to its wallet, records it and announces the change. */
  createTransaction(
    lagoId: string,
    credits: string,
    kind: LagoTransactionState['transaction_status'],
  ): LagoTransactionState {
    const w = this.mustBeActive(lagoId);
    const now = lagoNow();
    if (kind === 'granted') {
      w.credits_balance = railsDecimal(new Dec(w.credits_balance).add(credits));
      w.last_balance_sync_at = now;
    } else {
      w.credits_balance = railsDecimal(new Dec(w.credits_balance).sub(credits));
      w.consumed_credits = railsDecimal(new Dec(w.consumed_credits).add(credits));
      w.last_consumed_credit_at = now;
    }
    const transaction: LagoTransactionState = {
      lago_id: randomUUID(),
      lago_wallet_id: w.lago_id,
      lago_invoice_id: kind === 'invoiced' ? randomUUID() : null,
      transaction_status: kind,
      transaction_type: kind === 'granted' ? 'inbound' : 'outbound',
      credit_amount: railsDecimal(new Dec(credits)),
      created_at: now,
    };
    this.transactions.push(transaction);
    this.changes.emit({ wallet: w, transaction });
    return transaction;
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
