import { randomBytes, randomUUID } from 'node:crypto';
import { ChangeFeed } from '../../../sandbox/changes.js';
import {
  POLAR_CUSTOMERS,
  POLAR_WALLETS,
  type PolarCustomerSeed,
  type PolarWalletSeed,
} from './seed.js';

export interface PolarWalletState extends Omit<PolarWalletSeed, 'balance'> {
  balance: bigint;
}

export interface PolarSessionState {
  readonly id: string;
  readonly token: string;
  readonly customer_id: string;
  readonly created_at: string;
  readonly expires_at: string;
}

/**
 * What moved a balance: a paid top-up (credit) or an order paid from the balance (debit). Polar
 * announces neither as a wallet event; the sandbox turns both into the order webhook they cause.
 */
export interface PolarChange {
  readonly kind: 'top-up' | 'order';
  readonly wallet: PolarWalletState;
  /** Positive cents. */
  readonly cents: bigint;
}

/** Customer sessions live 1 h (`CUSTOMER_SESSION_TTL`, NOTES §0.2). */
const SESSION_TTL_MS = 60 * 60_000;
// JSON numbers go out as doubles: the sandbox keeps balances where they stay exact.
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Pydantic's UTC timestamps: microseconds and `Z`. */
export function polarNow(now = new Date()): string {
  return now.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** In-memory Polar organisation: the sandbox's single source of truth. */
export class PolarStore {
  readonly customers: PolarCustomerSeed[] = POLAR_CUSTOMERS.map((c) => ({ ...c }));
  readonly wallets: PolarWalletState[] = POLAR_WALLETS.map((w) => ({ ...w }));
  readonly sessions = new Map<string, PolarSessionState>();
  /** Every balance change, after it is applied. */
  readonly changes = new ChangeFeed<PolarChange>();
  /** False: the private `/v1/wallets/*` routes answer 404 as if Polar had removed them (NOTES §0.1). */
  orgWalletsEnabled = true;
  /** The sandbox's clock (session expiry); tests move it together with the adapter's. */
  clock: () => number = () => Date.now();

  customer(id: string): PolarCustomerSeed | undefined {
    return this.customers.find((c) => c.id === id);
  }

  customerByExternalId(externalId: string): PolarCustomerSeed | undefined {
    return this.customers.find((c) => c.external_id === externalId);
  }

  wallet(id: string): PolarWalletState | undefined {
    return this.wallets.find((w) => w.id === id);
  }

  /**
   * A top-up (or any credit). Balance is `SUM(wallet_transactions.amount)` upstream (NOTES §3):
   * a new transaction row, not an update of the wallet row, so `modified_at` does not move.
   */
  topUp(walletId: string, cents: bigint | number): PolarWalletState {
    const w = this.book(walletId, BigInt(cents));
    this.changes.emit({ kind: 'top-up', wallet: w, cents: BigInt(cents) });
    return w;
  }

  /** An order paid from the balance: may take it below zero (the customer then owes money). */
  consume(walletId: string, cents: bigint | number): PolarWalletState {
    const w = this.book(walletId, -BigInt(cents));
    this.changes.emit({ kind: 'order', wallet: w, cents: BigInt(cents) });
    return w;
  }

  /** `order/service.py`: an order applies `-amount` to the billing wallet. */
  applyOrder(walletId: string, cents: bigint | number): PolarWalletState {
    return this.consume(walletId, cents);
  }

  addCustomer(
    partial: Partial<PolarCustomerSeed> & Pick<PolarCustomerSeed, 'external_id'>,
  ): PolarCustomerSeed {
    const c: PolarCustomerSeed = {
      id: randomUUID(),
      email: `${randomUUID()}@example.com`,
      name: null,
      created_at: polarNow(new Date(this.clock())),
      ...partial,
    };
    this.customers.push(c);
    return c;
  }

  addWallet(
    partial: Partial<PolarWalletState> & Pick<PolarWalletState, 'customer_id' | 'currency'>,
  ): PolarWalletState {
    const w: PolarWalletState = {
      id: randomUUID(),
      balance: 0n,
      created_at: polarNow(new Date(this.clock())),
      modified_at: null,
      ...partial,
    };
    this.wallets.push(w);
    return w;
  }

  removeWallet(id: string): void {
    const i = this.wallets.findIndex((w) => w.id === id);
    if (i >= 0) this.wallets.splice(i, 1);
  }

  createSession(customerId: string, now = new Date(this.clock())): PolarSessionState {
    const session: PolarSessionState = {
      id: randomUUID(),
      // Polar's customer session tokens carry the `polar_cst_` prefix.
      token: `polar_cst_${randomBytes(24).toString('base64url')}`,
      customer_id: customerId,
      created_at: polarNow(now),
      expires_at: polarNow(new Date(now.getTime() + SESSION_TTL_MS)),
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The customer a live session token authenticates, if any. */
  sessionCustomer(token: string, now = this.clock()): string | undefined {
    const s = this.sessions.get(token);
    return s && Date.parse(s.expires_at) > now ? s.customer_id : undefined;
  }

  /** Revokes every customer session (the portal then answers 401). */
  revokeSessions(): void {
    this.sessions.clear();
  }

  private book(walletId: string, delta: bigint): PolarWalletState {
    const w = this.wallet(walletId);
    if (!w) throw new Error(`no Polar wallet ${walletId}`);
    const next = w.balance + delta;
    if (next > MAX_SAFE || next < -MAX_SAFE)
      throw new Error('the sandbox keeps balances within ±2^53 cents');
    w.balance = next;
    return w;
  }
}
