import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { OutgoingWebhook } from '../../../sandbox/webhooks.js';
import { serializeCustomer } from './serialize.js';
import { type PolarChange, type PolarStore, polarNow } from './store.js';

/**
 * What the Polar sandbox sends when a balance moves. Polar has no wallet webhook (NOTES §0.3,
 * §5): wallet changes are meant to be found by polling. What Polar does send is the order the
 * change belongs to, so the sandbox emits `order.paid`: a wallet top-up order (`billing_reason`
 * purchase, no product, NOTES §2.1) or an order paid from the balance (`applied_balance_amount`
 * below zero, NOTES §3). Signed as Polar signs: Standard Webhooks keyed by the secret's own bytes.
 */

/** A Polar endpoint secret (opaque, `polar_whs_` prefixed): a sandbox value, not a secret. */
export const POLAR_SANDBOX_WEBHOOK_SECRET = 'polar_whs_WalletgateSandboxQk3v9XnB2mT7rLp4YcH8sJd6';
/** Deliveries carry the endpoint's pinned API version (NOTES §0.6, §5). */
const WEBHOOK_API_VERSION = '2026-04';

export interface PolarWebhookTarget {
  readonly url: string;
  /** Defaults to POLAR_SANDBOX_WEBHOOK_SECRET. */
  readonly secret?: string;
}

/** `WebhookOrderPaidPayload`: `{type, timestamp, data: Order}` plus `api_version`. */
export function polarChangeBody(
  store: PolarStore,
  change: PolarChange,
  now = new Date(),
): { eventType: string; body: string } | undefined {
  const customer = store.customer(change.wallet.customer_id);
  if (!customer) return undefined;
  const cents = Number(change.cents); // the store keeps balances within ±2^53
  const topUp = change.kind === 'top-up';
  const created = polarNow(now);
  const order = {
    id: randomUUID(),
    created_at: created,
    modified_at: created,
    status: 'paid',
    paid: true,
    subtotal_amount: cents,
    discount_amount: 0,
    net_amount: cents,
    tax_amount: 0,
    total_amount: cents,
    // A top-up is paid by card and credits the wallet; a usage order is paid from the balance.
    applied_balance_amount: topUp ? 0 : -cents,
    due_amount: topUp ? cents : 0,
    refunded_amount: 0,
    refunded_tax_amount: 0,
    // What can still be refunded: everything paid, nothing refunded yet (spec Order).
    refundable_amount: cents,
    refundable_tax_amount: 0,
    currency: change.wallet.currency,
    // The sandbox has no product catalogue: its usage orders carry no product either.
    billing_reason: topUp ? 'purchase' : 'subscription_cycle',
    billing_name: customer.name,
    billing_address: null,
    receipt_number: null,
    invoice_number: `WALLETGATE-${created.slice(0, 10).replaceAll('-', '')}-${randomUUID().slice(0, 4).toUpperCase()}`,
    is_invoice_generated: false,
    seats: null,
    customer_id: customer.id,
    product_id: null,
    discount_id: null,
    subscription_id: null,
    checkout_id: null,
    metadata: {},
    custom_field_data: {},
    platform_fee_amount: 0,
    platform_fee_currency: null,
    customer: serializeCustomer(customer),
    product: null,
    discount: null,
    subscription: null,
    items: [
      {
        created_at: created,
        modified_at: null,
        id: randomUUID(),
        label: topUp ? 'Wallet top-up' : 'Usage',
        amount: cents,
        tax_amount: 0,
        proration: false,
        product_price_id: null,
      },
    ],
    description: topUp ? 'Wallet top-up' : 'Usage',
  };
  return {
    eventType: 'order.paid',
    body: JSON.stringify({
      type: 'order.paid',
      timestamp: created,
      api_version: WEBHOOK_API_VERSION,
      data: order,
    }),
  };
}

/** One delivery: `webhook-id` stays across retries, each attempt is signed with a fresh timestamp. */
export function polarOutgoing(
  eventType: string,
  body: string,
  target: PolarWebhookTarget,
): OutgoingWebhook {
  const id = randomUUID();
  // Polar base64-encodes the whole secret for the Standard Webhooks library (NOTES §5 "Signing").
  const signer = new Webhook(
    Buffer.from(target.secret ?? POLAR_SANDBOX_WEBHOOK_SECRET, 'utf8').toString('base64'),
  );
  return {
    id,
    eventType,
    body,
    headers: () => {
      const now = new Date();
      return {
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signer.sign(id, now, body),
        'webhook-api-version': WEBHOOK_API_VERSION,
        'user-agent': 'polar.sh webhooks',
      };
    },
  };
}
