import { randomBytes } from 'node:crypto';
import { Dec } from '../../../domain/money.js';
import { ChangeFeed } from '../../../sandbox/changes.js';
import { SEED_003_CUSTOMER, SEED_003_WALLETS } from './documents.js';
import {
  FLEXPRICE_CUSTOMERS,
  FLEXPRICE_TRANSACTIONS,
  FLEXPRICE_WALLETS,
  type FlexpriceCustomerSeed,
  type FlexpriceTransactionReason,
  type FlexpriceTransactionSeed,
  type FlexpriceWalletSeed,
} from './seed.js';

/** Mutable wallet state; every decimal is kept as the string Flexprice would print. */
export type FlexpriceWalletState = {
  -readonly [K in keyof FlexpriceWalletSeed]: FlexpriceWalletSeed[K];
};

export type TransactionReason = FlexpriceTransactionReason;

/** The reasons a top-up accepts (NOTES §3.5). */
export const TOP_UP_REASONS: readonly TransactionReason[] = [
  'FREE_CREDIT_GRANT',
  'PURCHASED_CREDIT_INVOICED',
  'PURCHASED_CREDIT_DIRECT',
  'SUBSCRIPTION_CREDIT_GRANT',
  'CREDIT_NOTE',
  'INVOICE_VOID_REFUND',
];

/** A wallet transaction (NOTES §3.7): a pending purchase completes or fails later. */
export type FlexpriceTransactionState = {
  -readonly [K in keyof FlexpriceTransactionSeed]: FlexpriceTransactionSeed[K];
};

/** What `GET …/balance/real-time` computes (NOTES §4), before printing. */
export interface RealTimeBalance {
  readonly balance: Dec;
  readonly creditBalance: Dec;
  readonly currentPeriodUsage: Dec;
  /** Omitted on cache paths and for inactive wallets. */
  readonly unpaidInvoicesAmount: Dec | null;
  readonly isCachedFallback: boolean;
}

/**
 * What moved a balance: a transaction completed at once (`wallet.transaction.created`) or later
 * (`wallet.transaction.updated`), or usage that lowered the real-time balance only
 * (`wallet.ongoing_balance.updated`, NOTES §5.2).
 */
export type FlexpriceChange =
  | {
      readonly kind: 'transaction';
      readonly event: 'created' | 'updated';
      readonly wallet: FlexpriceWalletState;
      readonly transaction: FlexpriceTransactionState;
    }
  | { readonly kind: 'usage'; readonly wallet: FlexpriceWalletState };

/** A store rule broken: the server turns it into Flexprice's standard error body. */
export class FlexpriceStoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'already_exists' | 'validation_error' | 'invalid_operation',
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** shopspring's String(): plain notation, trailing zeros trimmed, never "-0" (NOTES §0.2). */
export function goDecimal(d: Dec): string {
  return d.isZero() ? '0' : d.toFixed();
}

/** numeric(20,9) columns (NOTES §1): Postgres rounds half away from zero. */
function ledger(d: Dec): Dec {
  return d.toDecimalPlaces(9, Dec.ROUND_HALF_UP);
}

/** shopspring Div: 16 decimal places, half away from zero. */
export function goDiv(a: Dec, b: Dec): Dec {
  return a.div(b).toDecimalPlaces(16, Dec.ROUND_HALF_UP);
}

/** Go's RFC3339Nano for a fresh timestamp: microseconds (a Postgres round trip), trailing zeros trimmed. */
export function goNow(): string {
  const micros = Number((process.hrtime.bigint() / 1000n) % 1000n)
    .toString()
    .padStart(3, '0');
  return new Date().toISOString().replace(/\.(\d{3})Z$/, (_m, ms: string) => {
    const fraction = `${ms}${micros}`.replace(/0+$/, '');
    return fraction ? `.${fraction}Z` : 'Z';
  });
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `<prefix>_<ULID>` (NOTES §1 "IDs"). */
export function flexpriceId(prefix: string): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32]! + head;
    time = Math.floor(time / 32);
  }
  const tail = [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join('');
  return `${prefix}_${head}${tail}`;
}

/** In-memory Flexprice environment: the sandbox's single source of truth. */
export class FlexpriceStore {
  readonly customers: FlexpriceCustomerSeed[] = FLEXPRICE_CUSTOMERS.map((c) => ({ ...c }));
  readonly wallets: FlexpriceWalletState[] = structuredClone(FLEXPRICE_WALLETS);
  readonly transactions: FlexpriceTransactionState[] = structuredClone(FLEXPRICE_TRANSACTIONS);
  /** Every balance change, after it is applied. */
  readonly changes = new ChangeFeed<FlexpriceChange>();
  /**
   * Wallets held as documents, served byte for byte as the provider documented them (seed 003),
   * for their own customer; they take no part in top-ups or webhooks.
   */
  readonly documents: Readonly<Record<string, unknown>>[] = [];

  constructor(options: { seedDocuments?: boolean } = {}) {
    if (options.seedDocuments) {
      this.customers.push({ ...SEED_003_CUSTOMER });
      this.documents.push(...structuredClone(SEED_003_WALLETS));
    }
  }

  document(id: string): Readonly<Record<string, unknown>> | undefined {
    return this.documents.find((d) => d.id === id);
  }

  /** Documents of a customer, as a customer list shows them (active only). */
  documentsOf(customerId: string): Readonly<Record<string, unknown>>[] {
    return this.documents.filter(
      (d) => d.customer_id === customerId && d.wallet_status === 'active',
    );
  }

  customer(id: string): FlexpriceCustomerSeed | undefined {
    return this.customers.find((c) => c.id === id);
  }

  /** The lookup key is the customer's external_id (NOTES §2). */
  customerByLookupKey(lookupKey: string): FlexpriceCustomerSeed | undefined {
    return this.customers.find((c) => c.external_id === lookupKey);
  }

  wallet(id: string): FlexpriceWalletState | undefined {
    return this.wallets.find((w) => w.id === id);
  }

  /** A customer's wallets as customer lists show them: active only (NOTES §0.4), newest first. */
  activeWalletsOf(customerId: string): FlexpriceWalletState[] {
    return this.wallets
      .filter((w) => w.customer_id === customerId && w.wallet_status === 'active')
      .sort(newestFirst);
  }

  /** Every wallet, `created_at DESC` (the default sort, NOTES §1). */
  allWallets(): FlexpriceWalletState[] {
    return [...this.wallets].sort(newestFirst);
  }

  /** `balance = credit_balance × conversion_rate`, enforced by Wallet.Validate (NOTES §3.1). */
  balanceOf(w: FlexpriceWalletState): Dec {
    return ledger(new Dec(w.credit_balance).mul(w.conversion_rate));
  }

  /** GetWalletBalanceV2 (NOTES §4). */
  realTime(w: FlexpriceWalletState): RealTimeBalance {
    const zero = new Dec(0);
    if (w.wallet_status !== 'active') {
      return {
        balance: zero,
        creditBalance: zero,
        currentPeriodUsage: zero,
        unpaidInvoicesAmount: null,
        isCachedFallback: false,
      };
    }
    const rate = new Dec(w.conversion_rate);
    if (w.cached_real_time_balance !== null) {
      const cached = new Dec(w.cached_real_time_balance);
      return {
        balance: cached,
        creditBalance: goDiv(cached, rate),
        currentPeriodUsage: zero,
        unpaidInvoicesAmount: null,
        isCachedFallback: true,
      };
    }
    const stored = this.balanceOf(w);
    if (w.wallet_type === 'POST_PAID') {
      return {
        balance: stored,
        creditBalance: goDiv(stored, rate),
        currentPeriodUsage: zero,
        unpaidInvoicesAmount: zero,
        isCachedFallback: false,
      };
    }
    const pending = new Dec(w.pending_charges);
    const balance = stored.sub(pending);
    return {
      balance,
      creditBalance: goDiv(balance, rate),
      currentPeriodUsage: pending,
      unpaidInvoicesAmount: new Dec(w.unpaid_invoices_amount),
      isCachedFallback: false,
    };
  }

  /**
   * A top-up (NOTES §3.5). PURCHASED_CREDIT_INVOICED leaves a pending transaction behind an
   * invoice and credits nothing yet; every other reason credits at once. Like Flexprice, there is
   * no wallet_status guard (NOTES §3.5 UNVERIFIED note).
   */
  topUp(
    walletId: string,
    credits: Dec | string,
    options: {
      reason?: TransactionReason;
      idempotencyKey?: string | undefined;
      description?: string | undefined;
      metadata?: Record<string, string> | undefined;
    } = {},
  ): FlexpriceTransactionState {
    const w = this.wallet(walletId);
    if (!w)
      throw new FlexpriceStoreError('not_found', 404, 'Wallet not found', { wallet_id: walletId });
    const amount = ledger(new Dec(credits));
    if (!amount.gt(0))
      throw new FlexpriceStoreError(
        'validation_error',
        400,
        'credits to add must be greater than 0',
      );
    const key = options.idempotencyKey;
    if (key && this.transactions.some((t) => t.idempotency_key === key)) {
      throw new FlexpriceStoreError(
        'already_exists',
        409,
        'A wallet transaction with this idempotency key already exists',
        { idempotency_key: key },
      );
    }
    const reason = options.reason ?? 'PURCHASED_CREDIT_DIRECT';
    const pending = reason === 'PURCHASED_CREDIT_INVOICED';
    const before = new Dec(w.credit_balance);
    const after = pending ? before : ledger(before.add(amount));
    const now = goNow();
    if (!pending) {
      w.credit_balance = goDecimal(after);
      if (reason === 'PURCHASED_CREDIT_DIRECT')
        w.purchased_credits = goDecimal(new Dec(w.purchased_credits).add(amount));
      if (reason === 'FREE_CREDIT_GRANT' || reason === 'SUBSCRIPTION_CREDIT_GRANT')
        w.free_credits = goDecimal(new Dec(w.free_credits).add(amount));
      w.updated_at = now;
    }
    const transaction: FlexpriceTransactionState = {
      id: flexpriceId('wtxn'),
      wallet_id: w.id,
      customer_id: w.customer_id,
      type: 'credit',
      amount: goDecimal(ledger(amount.mul(w.topup_conversion_rate))),
      credit_amount: goDecimal(amount),
      credit_balance_before: goDecimal(before),
      credit_balance_after: goDecimal(after),
      transaction_status: pending ? 'pending' : 'completed',
      reference_type: key ? 'EXTERNAL' : 'REQUEST',
      reference_id: key ?? null,
      description: options.description ?? '',
      metadata: options.metadata ?? null,
      expiry_date: null,
      credits_available: pending ? '0' : goDecimal(amount),
      transaction_reason: reason,
      priority: null,
      currency: w.currency,
      conversion_rate: null,
      topup_conversion_rate: w.topup_conversion_rate,
      idempotency_key: key ?? null,
      invoice_id: pending ? flexpriceId('inv') : null,
      created_at: now,
      updated_at: now,
    };
    this.transactions.push(transaction);
    // A pending invoiced purchase credits nothing yet, and Flexprice announces only completed ones.
    if (!pending)
      this.changes.emit({ kind: 'transaction', event: 'created', wallet: w, transaction });
    return transaction;
  }

  transaction(id: string): FlexpriceTransactionState | undefined {
    return this.transactions.find((t) => t.id === id);
  }

  /**
   * A pending purchase's invoice is paid (NOTES §3.5): the credits arrive and Flexprice announces
   * `wallet.transaction.updated` (`updated_transaction`).
   */
  completeTransaction(id: string): FlexpriceTransactionState {
    const t = this.transaction(id);
    if (t?.transaction_status !== 'pending')
      throw new FlexpriceStoreError('invalid_operation', 400, 'Transaction is not pending');
    const w = this.wallet(t.wallet_id)!;
    const now = goNow();
    const before = new Dec(w.credit_balance);
    const after = ledger(before.add(t.credit_amount));
    w.credit_balance = goDecimal(after);
    w.purchased_credits = goDecimal(new Dec(w.purchased_credits).add(t.credit_amount));
    w.updated_at = now;
    Object.assign(t, {
      transaction_status: 'completed',
      credit_balance_before: goDecimal(before),
      credit_balance_after: goDecimal(after),
      credits_available: t.credit_amount,
      updated_at: now,
    });
    this.changes.emit({ kind: 'transaction', event: 'updated', wallet: w, transaction: t });
    return t;
  }

  /**
   * The usage of the period is invoiced and paid from the wallet (NOTES §4): an `INVOICE_PAYMENT`
   * debit of the pending charges, which leave the real-time computation for the stored ledger.
   * Announced as `wallet.transaction.created`.
   */
  payUsageInvoice(walletId: string): FlexpriceTransactionState | undefined {
    const w = this.wallet(walletId);
    if (w?.wallet_status !== 'active') throw new Error(`no active Flexprice wallet ${walletId}`);
    const charges = new Dec(w.pending_charges);
    if (!charges.gt(0)) return undefined;
    const credits = ledger(goDiv(charges, new Dec(w.conversion_rate)));
    const before = new Dec(w.credit_balance);
    const after = ledger(before.sub(credits));
    const now = goNow();
    const invoiceId = flexpriceId('inv');
    w.credit_balance = goDecimal(after);
    w.pending_charges = '0';
    w.unpaid_invoices_amount = '0';
    w.updated_at = now;
    const transaction: FlexpriceTransactionState = {
      id: flexpriceId('wtxn'),
      wallet_id: w.id,
      customer_id: w.customer_id,
      type: 'debit',
      amount: goDecimal(charges),
      credit_amount: goDecimal(credits),
      credit_balance_before: goDecimal(before),
      credit_balance_after: goDecimal(after),
      transaction_status: 'completed',
      reference_type: 'INVOICE',
      reference_id: invoiceId,
      description: '',
      metadata: null,
      expiry_date: null,
      credits_available: '0',
      transaction_reason: 'INVOICE_PAYMENT',
      priority: null,
      currency: w.currency,
      conversion_rate: w.conversion_rate,
      topup_conversion_rate: null,
      idempotency_key: null,
      invoice_id: null,
      created_at: now,
      updated_at: now,
    };
    this.transactions.push(transaction);
    this.changes.emit({ kind: 'transaction', event: 'created', wallet: w, transaction });
    return transaction;
  }

  /** Usage in the current period: lowers the real-time balance, not the stored one (NOTES §0.3). */
  consume(walletId: string, credits: Dec | string): FlexpriceWalletState {
    const w = this.wallet(walletId);
    if (w?.wallet_status !== 'active') throw new Error(`no active Flexprice wallet ${walletId}`);
    w.pending_charges = goDecimal(
      new Dec(w.pending_charges).add(new Dec(credits).mul(w.conversion_rate)),
    );
    this.changes.emit({ kind: 'usage', wallet: w });
    return w;
  }
}

function newestFirst(
  a: { created_at: string; id: string },
  b: { created_at: string; id: string },
): number {
  return (
    new Date(b.created_at).getTime() - new Date(a.created_at).getTime() || a.id.localeCompare(b.id)
  );
}
