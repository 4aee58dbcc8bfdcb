import { Webhook } from 'standardwebhooks';
import {
  DEFAULT_TOLERANCE_SECONDS,
  type SignatureCheck,
  verifyStandardSignature,
} from '../signed-webhooks.js';
import type { BalanceHint, VerifiedDelivery, WebhookVerifier } from '../webhook.js';
import { parseWebhookJson, validateWebhook } from '../webhook-payload.js';
import {
  polarCustomerStateWebhook,
  polarOrderWebhook,
  polarRefundWebhook,
  polarWebhookEnvelope,
} from './api.js';

/**
 * Polar webhooks are Standard Webhooks (NOTES §5), with one twist: the HMAC key is the UTF-8
 * bytes of the whole secret string. No `whsec_`/`polar_whs_` stripping, no base64 decoding; a
 * generic verifier is therefore handed base64(secret), as Polar's own SDKs do.
 */

export interface PolarWebhookVerifierOptions {
  /** The endpoint secret, used as an opaque string. */
  readonly secret: string;
  readonly toleranceSeconds?: number;
  readonly now?: () => Date;
}

const ORDER_EVENTS = new Set(['order.created', 'order.updated', 'order.paid', 'order.refunded']);
const REFUND_EVENTS = new Set(['refund.created', 'refund.updated']);

export function createPolarWebhookVerifier(options: PolarWebhookVerifierOptions): WebhookVerifier {
  if (!options.secret) throw new Error('POLAR_WEBHOOK_SECRET is empty');
  const check: SignatureCheck = {
    signer: new Webhook(Buffer.from(options.secret, 'utf8').toString('base64')),
    prefixes: ['webhook'],
    toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    now: options.now ?? (() => new Date()),
  };
  return {
    provider: 'POLAR',
    async verify(rawBody: string, headers: Headers): Promise<VerifiedDelivery> {
      const deliveryId = verifyStandardSignature(rawBody, headers, check);
      return { deliveryId, ...parsePolarWebhook(rawBody) };
    },
  };
}

/**
 * Hints name customers by external id: Polar has no wallet events, so the gateway re-reads every
 * wallet of the customer. The BalanceHint contract knows customers only by external id; an event
 * whose customer has none (Polar's `external_id` is optional, and `Refund` carries only Polar's
 * own `customer_id`) yields no hint, and that customer's wallets are left to the poller.
 */
const customerHints = (externalId: string | null | undefined): BalanceHint[] =>
  externalId ? [{ kind: 'customer', provider: 'POLAR', externalId }] : [];

/** A verified body -> its event type and the customers whose balance may have moved (NOTES §3, §5). */
export function parsePolarWebhook(rawBody: string): { eventType: string; hints: BalanceHint[] } {
  const json = parseWebhookJson(rawBody);
  const eventType = validateWebhook(json, polarWebhookEnvelope).type;
  if (ORDER_EVENTS.has(eventType)) {
    const order = validateWebhook(json, polarOrderWebhook).data;
    const touchesBalance =
      (order.applied_balance_amount ?? 0) !== 0 ||
      // A paid wallet top-up becomes an order with no product (NOTES §2.1).
      (order.billing_reason === 'purchase' && order.product === null) ||
      // A refund reduces a positive balance whatever the order applied (NOTES §3, §5 table).
      eventType === 'order.refunded';
    return { eventType, hints: touchesBalance ? customerHints(order.customer?.external_id) : [] };
  }
  if (REFUND_EVENTS.has(eventType)) {
    return {
      eventType,
      hints: customerHints(validateWebhook(json, polarRefundWebhook).data.customer?.external_id),
    };
  }
  if (eventType === 'customer.state_changed') {
    return {
      eventType,
      hints: customerHints(validateWebhook(json, polarCustomerStateWebhook).data.external_id),
    };
  }
  return { eventType, hints: [] };
}
