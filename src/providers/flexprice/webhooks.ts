import { Webhook } from 'standardwebhooks';
import {
  DEFAULT_TOLERANCE_SECONDS,
  type SignatureCheck,
  verifyStandardSignature,
} from '../signed-webhooks.js';
import {
  type BalanceHint,
  type TransactionHint,
  type VerifiedDelivery,
  WebhookRejected,
  type WebhookVerifier,
} from '../webhook.js';
import { parseWebhookJson, uniqueHints, validateWebhook } from '../webhook-payload.js';
import {
  flexpriceFeatureAlertWebhook,
  flexpriceTransactionWebhook,
  flexpriceWalletWebhook,
  flexpriceWebhookEnvelope,
} from './api.js';

/**
 * Flexprice Cloud webhooks are delivered and signed by Svix (NOTES §5.1): HMAC-SHA256 over
 * `{id}.{timestamp}.{body}` with the base64-decoded `whsec_` secret. Svix may white-label the
 * headers as `webhook-*`, so both families are read. Self-hosted "native" mode signs nothing and
 * cannot be verified here.
 */

export interface FlexpriceWebhookVerifierOptions {
  /** The endpoint's Svix secret, `whsec_<base64>`. */
  readonly secret: string;
  readonly toleranceSeconds?: number;
  readonly now?: () => Date;
}

const WALLET_EVENTS = new Set([
  'wallet.created',
  'wallet.updated',
  'wallet.terminated',
  // The payload holds only the stored balance, not the real-time one the event is about (NOTES
  // §5.3): the hint makes the gateway re-read the real-time balance.
  'wallet.ongoing_balance.updated',
  'wallet.ongoing_balance.dropped',
  'wallet.ongoing_balance.recovered',
  'wallet.credit_balance.dropped',
  'wallet.credit_balance.recovered',
]);

export function createFlexpriceWebhookVerifier(
  options: FlexpriceWebhookVerifierOptions,
): WebhookVerifier {
  let signer: Webhook;
  try {
    // The library strips `whsec_` and base64-decodes the rest: exactly Svix's key derivation.
    signer = new Webhook(options.secret);
  } catch {
    // A boot-time configuration error; the secret itself stays out of the message.
    throw new Error('FLEXPRICE_WEBHOOK_SECRET is not a valid Svix secret (whsec_<base64>)');
  }
  const check: SignatureCheck = {
    signers: [signer],
    prefixes: ['svix', 'webhook'],
    toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    now: options.now ?? (() => new Date()),
  };
  return {
    provider: 'FLEXPRICE',
    async verify(rawBody: string, headers: Headers): Promise<VerifiedDelivery> {
      // The Svix message id: the same on every retry, and the body carries no id of its own.
      const deliveryId = verifyStandardSignature(rawBody, headers, check);
      return { deliveryId, ...parseFlexpriceWebhook(rawBody) };
    },
  };
}

const walletHint = (walletId: string): BalanceHint => ({
  kind: 'wallet',
  provider: 'FLEXPRICE',
  walletId,
});

/**
 * A verified body -> its event type, the wallets it names (NOTES §5.2-§5.4) and the transaction
 * it announces.
 */
export function parseFlexpriceWebhook(rawBody: string): {
  eventType: string;
  hints: BalanceHint[];
  transactions?: TransactionHint[];
} {
  const json = parseWebhookJson(rawBody);
  const eventType = validateWebhook(json, flexpriceWebhookEnvelope).event_type;
  if (WALLET_EVENTS.has(eventType)) {
    return {
      eventType,
      hints: [walletHint(validateWebhook(json, flexpriceWalletWebhook).wallet.id)],
    };
  }
  if (eventType === 'wallet.transaction.created' || eventType === 'wallet.transaction.updated') {
    const body = validateWebhook(json, flexpriceTransactionWebhook);
    const transaction =
      eventType === 'wallet.transaction.created' ? body.transaction : body.updated_transaction;
    const ids = [transaction?.wallet_id, body.wallet?.id].filter((id): id is string => !!id);
    if (ids.length === 0) throw new WebhookRejected(400, 'the webhook body names no wallet');
    const created = eventType === 'wallet.transaction.created';
    const object = (json as Record<string, unknown>)[
      created ? 'transaction' : 'updated_transaction'
    ];
    return {
      eventType,
      hints: uniqueHints(ids.map(walletHint)),
      ...(object !== undefined &&
        object !== null && {
          transactions: [
            {
              provider: 'FLEXPRICE',
              walletId: ids[0]!,
              change: created ? 'CREATED' : 'UPDATED',
              raw: object,
            },
          ],
        }),
    };
  }
  if (eventType === 'feature.wallet_balance.alert') {
    const walletId = validateWebhook(json, flexpriceFeatureAlertWebhook).wallet_id;
    return { eventType, hints: walletId ? [walletHint(walletId)] : [] };
  }
  return { eventType, hints: [] };
}
