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
 * Polar webhooks are Standard Webhooks (NOTES §5), with one twist: Polar's server keys the HMAC
 * with the UTF-8 bytes of the whole secret string (no `whsec_`/`polar_whs_` stripping, no base64
 * decoding). Polar's SDK (polar-js `hmacKeys`, 1.x) also accepts the Standard Webhooks reading of
 * a `whsec_<base64>` secret, the base64-decoded part after `whsec_`, so deliveries signed either
 * way verify here too.
 */

/** The HMAC keys a Polar secret can mean: its UTF-8 bytes, and its base64-decoded body where it has one. */
export function polarSecretKeys(secret: string): Uint8Array[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const keys: Uint8Array[] = [utf8];
  const body = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  // atob's alphabet and padding, as polar-js decodes it; anything else is not base64.
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(body) && body.length % 4 !== 1) {
    const decoded = Buffer.from(body, 'base64');
    if (decoded.length > 0 && !decoded.equals(utf8)) keys.push(decoded);
  }
  return keys;
}

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
    signers: polarSecretKeys(options.secret).map((key) => new Webhook(key, { format: 'raw' })),
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
