import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { OutgoingWebhook } from '../../../sandbox/webhooks.js';
import { transactionCore, walletCore } from './serialize.js';
import type {
  FlexpriceChange,
  FlexpriceStore,
  FlexpriceTransactionState,
  FlexpriceWalletState,
} from './store.js';

/**
 * What the Flexprice sandbox sends when a balance moves, as Flexprice Cloud does through Svix
 * (NOTES §5): the ≥ v2.1.24 minimal payloads, `wallet.transaction.created` for a completed
 * transaction, `wallet.transaction.updated` when a pending purchase completes, and
 * `wallet.ongoing_balance.updated` when usage lowers the real-time balance. Upstream
 * emits the latter only for wallets with alerts or auto top-up; the sandbox emits it for every
 * wallet, so that demos see usage live.
 */

/** A Svix endpoint secret (`whsec_` + base64 of the key bytes): a sandbox value, not a secret. */
export const FLEXPRICE_SANDBOX_WEBHOOK_SECRET =
  'whsec_d2FsbGV0Z2F0ZS1mbGV4cHJpY2Utc2FuZGJveC1rZXk=';

export interface FlexpriceWebhookTarget {
  readonly url: string;
  /** Defaults to FLEXPRICE_SANDBOX_WEBHOOK_SECRET. */
  readonly secret?: string;
  /** Svix's own header names, or the white-labelled Standard Webhooks ones. Default `svix`. */
  readonly headerPrefix?: 'svix' | 'webhook';
}

/** `dto.Wallet` (minimal, NOTES §5.3): stored balances only, omitempty `name`. */
function webhookWallet(store: FlexpriceStore, w: FlexpriceWalletState): Record<string, unknown> {
  return {
    ...walletCore(store, w),
    wallet_type: w.wallet_type,
    conversion_rate: w.conversion_rate,
  };
}

/** `dto.WalletTransaction` (minimal, NOTES §5.3-§5.4): omitempty optional fields. */
function webhookTransaction(t: FlexpriceTransactionState): Record<string, unknown> {
  return {
    ...transactionCore(t),
    ...(t.reference_id && { reference_id: t.reference_id }),
    ...(t.description && { description: t.description }),
    ...(t.expiry_date && { expiry_date: t.expiry_date }),
    transaction_reason: t.transaction_reason,
    currency: t.currency,
    ...(t.metadata && Object.keys(t.metadata).length > 0 && { metadata: t.metadata }),
  };
}

/** The body a change produces: bare `{event_type, ...}`, no envelope, id or timestamp (NOTES §5.1). */
export function flexpriceChangeBody(
  store: FlexpriceStore,
  change: FlexpriceChange,
): { eventType: string; body: string } {
  const payload =
    change.kind === 'transaction'
      ? change.event === 'created'
        ? {
            event_type: 'wallet.transaction.created',
            transaction: webhookTransaction(change.transaction),
          }
        : {
            // Not `transaction`: the updated event names its key differently (NOTES §5.3).
            event_type: 'wallet.transaction.updated',
            updated_transaction: webhookTransaction(change.transaction),
          }
      : {
          event_type: 'wallet.ongoing_balance.updated',
          wallet: webhookWallet(store, change.wallet),
        };
  return { eventType: payload.event_type, body: JSON.stringify(payload) };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Svix message ids: `msg_` and a 27-character KSUID-like tail. */
function svixMessageId(): string {
  return `msg_${[...randomBytes(27)].map((b) => BASE62[b % 62]).join('')}`;
}

/** One Svix delivery: the id stays, each attempt is signed afresh with its own timestamp. */
export function flexpriceOutgoing(
  eventType: string,
  body: string,
  target: FlexpriceWebhookTarget,
): OutgoingWebhook {
  const id = svixMessageId();
  // `new Webhook` strips `whsec_` and base64-decodes the rest: Svix's key derivation.
  const signer = new Webhook(target.secret ?? FLEXPRICE_SANDBOX_WEBHOOK_SECRET);
  const prefix = target.headerPrefix ?? 'svix';
  return {
    id,
    eventType,
    body,
    headers: () => {
      const now = new Date();
      return {
        [`${prefix}-id`]: id,
        [`${prefix}-timestamp`]: String(Math.floor(now.getTime() / 1000)),
        [`${prefix}-signature`]: signer.sign(id, now, body),
      };
    },
  };
}
