import type { ProviderName } from '../domain/wallet.js';

/**
 * What a verified webhook tells the gateway: which balances may have changed. Webhook payloads
 * are hints, never the balance itself: deliveries arrive out of order (Lago, Flexprice) or carry
 * no balance at all (Flexprice ongoing_balance.updated, every Polar event), so the gateway
 * re-reads the named wallets from the provider before publishing anything.
 */
export type BalanceHint =
  | { readonly kind: 'wallet'; readonly provider: ProviderName; readonly walletId: string }
  | { readonly kind: 'customer'; readonly provider: ProviderName; readonly externalId: string };

/**
 * A transaction a verified webhook announces: the object as the provider sent it (read by the
 * provider's adapter, with its wallet, when a subscriber's event is resolved) and its wallet.
 */
export interface TransactionHint {
  readonly provider: ProviderName;
  readonly walletId: string;
  readonly change: 'CREATED' | 'UPDATED';
  /** The transaction object of the payload, as received. */
  readonly raw: unknown;
}

export interface VerifiedDelivery {
  /** The provider's delivery id, stable across its retries: the dedupe key. */
  readonly deliveryId: string;
  readonly eventType: string;
  /** Empty for events that concern no wallet (they are acknowledged and ignored). */
  readonly hints: readonly BalanceHint[];
  /** The transaction the delivery announces, for walletTransactionCreated; absent for others. */
  readonly transactions?: readonly TransactionHint[];
}

/** Why a delivery was refused: 401 for a bad or missing signature, 400 for a stale or malformed one. */
export class WebhookRejected extends Error {
  override name = 'WebhookRejected';
  constructor(
    readonly status: 400 | 401,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Verifies a delivery on its raw body, before anything is parsed, then parses it into hints.
 * Throws WebhookRejected; never throws anything else for bad input.
 */
export interface WebhookVerifier {
  readonly provider: ProviderName;
  verify(rawBody: string, headers: Headers): Promise<VerifiedDelivery>;
}
