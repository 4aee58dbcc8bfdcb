import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createPolarWebhookVerifier } from '../../../src/providers/polar/webhooks.js';
import { WebhookRejected } from '../../../src/providers/webhook.js';

/**
 * Polar webhooks as NOTES.md §5 documents them: Standard Webhooks whose HMAC key is the UTF-8
 * bytes of the whole secret string, `{type, timestamp, data, api_version?}` bodies, and no
 * wallet event (orders, refunds and customer state stand in as hints).
 */

// The spec's example secret, and a newer `whsec_`-prefixed one (NOTES §5 "Secret format").
const POLAR_SECRET = 'polar_whs_ovyN6cPrTv56AApvzCaJno08SSmGJmgbWilb33N2JuK';
const WHSEC_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const NOW = new Date('2026-04-16T10:00:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);
const ID = '3f1e2d4c-5b6a-4798-8a7b-6c5d4e3f2a1b';
const EXTERNAL_ID = 'hooli_1234';

/** `base64(HMAC_SHA256(key = UTF-8 bytes of the secret, id.timestamp.body))`. */
const polarSign = (body: string, key: string | Buffer = POLAR_SECRET, id = ID, ts = NOW_S) =>
  `v1,${createHmac('sha256', typeof key === 'string' ? Buffer.from(key, 'utf8') : key)
    .update(`${id}.${ts}.${body}`)
    .digest('base64')}`;

const headers = (
  body: string,
  options: { ts?: number; signature?: string; secret?: string } = {},
) => {
  const ts = options.ts ?? NOW_S;
  return new Headers({
    'content-type': 'application/json',
    'user-agent': 'polar.sh webhooks',
    'webhook-id': ID,
    'webhook-timestamp': String(ts),
    'webhook-signature':
      options.signature ?? polarSign(body, options.secret ?? POLAR_SECRET, ID, ts),
    'webhook-api-version': '2026-04',
  });
};

const verifier = (secret = POLAR_SECRET) => createPolarWebhookVerifier({ secret, now: () => NOW });

async function rejection(promise: Promise<unknown>): Promise<WebhookRejected> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookRejected);
  return error as WebhookRejected;
}

const customer = (externalId: string | null = EXTERNAL_ID) => ({
  id: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
  created_at: '2025-11-12T09:30:00.000120Z',
  modified_at: null,
  metadata: {},
  external_id: externalId,
  email: 'billing@hooli.example',
  email_verified: false,
  type: 'individual',
  name: 'Hooli',
  billing_address: null,
  tax_id: null,
  locale: null,
  organization_id: '1dbfc517-0bbf-4301-9ba8-555ca42b9737',
  deleted_at: null,
  avatar_url: 'https://www.gravatar.com/avatar/x?d=404',
});

/** `Order` (spec), a subscription renewal by default. */
const order = (overrides: Record<string, unknown> = {}) => ({
  id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  created_at: '2026-04-16T09:59:00.000000Z',
  modified_at: null,
  status: 'paid',
  paid: true,
  subtotal_amount: 10000,
  discount_amount: 0,
  net_amount: 10000,
  tax_amount: 0,
  total_amount: 10000,
  applied_balance_amount: 0,
  due_amount: 10000,
  refunded_amount: 0,
  refunded_tax_amount: 0,
  currency: 'usd',
  billing_reason: 'subscription_cycle',
  billing_name: 'Hooli',
  billing_address: null,
  invoice_number: 'HOOLI-0001',
  is_invoice_generated: true,
  seats: null,
  customer_id: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
  product_id: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  discount_id: null,
  subscription_id: '6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0',
  checkout_id: null,
  metadata: {},
  custom_field_data: {},
  platform_fee_amount: 500,
  platform_fee_currency: 'usd',
  customer: customer(),
  product: { id: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', name: 'Pro Plan' },
  discount: null,
  subscription: null,
  items: [],
  description: 'Pro Plan',
  ...overrides,
});

const envelope = (type: string, data: unknown) =>
  JSON.stringify({ type, timestamp: '2026-04-16T10:00:00.000000Z', api_version: '2026-04', data });
const accept = (body: string) => verifier().verify(body, headers(body));
const hint = { kind: 'customer', provider: 'POLAR', externalId: EXTERNAL_ID };

describe('Polar webhooks: payloads', () => {
  it('customer.state_changed (NOTES §5 sample) hints the customer by external_id', async () => {
    const body = envelope('customer.state_changed', {
      id: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
      type: 'individual',
      external_id: EXTERNAL_ID,
      email: 'billing@hooli.example',
      organization_id: '1dbfc517-0bbf-4301-9ba8-555ca42b9737',
      active_subscriptions: [],
      granted_benefits: [],
      active_meters: [
        {
          id: 'a1',
          meter_id: 'd498a884-0000-4000-8000-000000000000',
          consumed_units: 25.0,
          credited_units: 100,
          balance: 75.0,
          created_at: '2026-04-01T00:00:00Z',
          modified_at: null,
        },
      ],
    });
    expect(await accept(body)).toEqual({
      deliveryId: ID,
      eventType: 'customer.state_changed',
      hints: [hint],
    });
  });

  it.each(['order.created', 'order.updated', 'order.paid'])(
    '%s hints the customer when applied_balance_amount is non-zero',
    async (type) => {
      expect(
        (await accept(envelope(type, order({ applied_balance_amount: -2500, due_amount: 7500 }))))
          .hints,
      ).toEqual([hint]);
      // A customer in debt: a positive amount is applied too.
      expect((await accept(envelope(type, order({ applied_balance_amount: 1250 })))).hints).toEqual(
        [hint],
      );
    },
  );

  it('a wallet top-up order (purchase, no product) is a hint; an ordinary order is not', async () => {
    expect(
      (
        await accept(
          envelope(
            'order.paid',
            order({
              billing_reason: 'purchase',
              product: null,
              product_id: null,
              subscription_id: null,
            }),
          ),
        )
      ).hints,
    ).toEqual([hint]);
    expect(await accept(envelope('order.paid', order()))).toEqual({
      deliveryId: ID,
      eventType: 'order.paid',
      hints: [],
    });
    expect(
      (await accept(envelope('order.paid', order({ billing_reason: 'purchase' })))).hints,
    ).toEqual([]);
  });

  it('order.refunded is always a hint (a refund reduces a positive balance)', async () => {
    expect(
      (
        await accept(
          envelope('order.refunded', order({ status: 'refunded', refunded_amount: 10000 })),
        )
      ).hints,
    ).toEqual([hint]);
  });

  it('refund.* carries only Polar customer_id (spec Refund): no hint; a customer with an external_id would be hinted', async () => {
    const refund = {
      created_at: '2026-04-16T09:00:00Z',
      modified_at: null,
      id: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
      metadata: {},
      status: 'succeeded',
      reason: 'customer_request',
      amount: 10000,
      tax_amount: 0,
      currency: 'usd',
      organization_id: '1dbfc517-0bbf-4301-9ba8-555ca42b9737',
      order_id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      subscription_id: null,
      customer_id: '992fae2a-2a17-4b7a-8d9e-e287cf90131b',
      revoke_benefits: false,
      dispute: null,
    };
    expect((await accept(envelope('refund.created', refund))).hints).toEqual([]);
    expect(
      (await accept(envelope('refund.updated', { ...refund, customer: customer() }))).hints,
    ).toEqual([hint]);
  });

  it('no hint when the customer has no external id, or for events unrelated to balances', async () => {
    expect(
      (
        await accept(
          envelope('order.paid', order({ applied_balance_amount: -100, customer: customer(null) })),
        )
      ).hints,
    ).toEqual([]);
    expect(
      (await accept(envelope('customer.state_changed', { ...customer(null), active_meters: [] })))
        .hints,
    ).toEqual([]);
    expect((await accept(envelope('checkout.created', { id: 'c1' }))).hints).toEqual([]);
  });

  it('400 for a genuine delivery that is not JSON, not the envelope, or a malformed order', async () => {
    for (const body of [
      'nope',
      JSON.stringify({ type: 'order.paid' }),
      JSON.stringify({ data: {} }),
      envelope('order.paid', order({ applied_balance_amount: 'lots' })),
    ]) {
      expect((await rejection(accept(body))).status).toBe(400);
    }
  });
});

describe('Polar webhooks: Standard Webhooks signatures', () => {
  const body = envelope('order.paid', order({ applied_balance_amount: -2500 }));

  it('keys the HMAC with the whole secret string (polar_whs_ prefix included)', async () => {
    expect((await verifier().verify(body, headers(body))).hints).toEqual([hint]);
    // Stripping the prefix is wrong.
    expect(
      (
        await rejection(
          verifier().verify(
            body,
            headers(body, { signature: polarSign(body, POLAR_SECRET.slice('polar_whs_'.length)) }),
          ),
        )
      ).status,
    ).toBe(401);
  });

  it('a whsec_ secret verifies both ways Polar SDK accepts: its UTF-8 bytes and its base64-decoded body', async () => {
    const v = verifier(WHSEC_SECRET);
    const decodedKey = Buffer.from(WHSEC_SECRET.slice('whsec_'.length), 'base64');
    expect(
      (await v.verify(body, headers(body, { signature: polarSign(body, decodedKey) }))).deliveryId,
    ).toBe(ID);
    // What a generic Standard Webhooks library does with the secret as given: the decoded body.
    const generic = new Webhook(WHSEC_SECRET).sign(ID, NOW, body);
    expect((await v.verify(body, headers(body, { signature: generic }))).deliveryId).toBe(ID);
    expect((await v.verify(body, headers(body, { secret: WHSEC_SECRET }))).deliveryId).toBe(ID);
    // Any other key is still a forgery.
    const other = polarSign(body, randomBytes(24));
    expect((await rejection(v.verify(body, headers(body, { signature: other })))).status).toBe(401);
  });

  it('a polar_whs_ secret has no base64 body: only its UTF-8 bytes verify', async () => {
    const v = verifier(POLAR_SECRET);
    const asBase64 = Buffer.from(POLAR_SECRET.slice('polar_whs_'.length), 'base64');
    expect(
      (await rejection(v.verify(body, headers(body, { signature: polarSign(body, asBase64) }))))
        .status,
    ).toBe(401);
  });

  it('401 for a forged signature or a tampered body', async () => {
    expect(
      (
        await rejection(
          verifier().verify(body, headers(body, { secret: 'polar_whs_someone_else' })),
        )
      ).status,
    ).toBe(401);
    expect(
      (await rejection(verifier().verify(body.replace('-2500', '-1'), headers(body)))).status,
    ).toBe(401);
  });

  it('400 for a genuinely signed timestamp outside ±5 minutes', async () => {
    for (const ts of [NOW_S - 301, NOW_S + 301])
      expect((await rejection(verifier().verify(body, headers(body, { ts })))).status).toBe(400);
    expect((await verifier().verify(body, headers(body, { ts: NOW_S - 299 }))).deliveryId).toBe(ID);
  });

  it('401 when a webhook-* header is missing (Polar sends no svix-* names)', async () => {
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const h = headers(body);
      h.delete(name);
      expect((await rejection(verifier().verify(body, h))).status).toBe(401);
    }
    const svixNamed = new Headers({
      'svix-id': ID,
      'svix-timestamp': String(NOW_S),
      'svix-signature': polarSign(body),
    });
    expect((await rejection(verifier().verify(body, svixNamed))).status).toBe(401);
  });

  it('keeps the secret and signatures out of error messages', async () => {
    const forged = polarSign(body, 'polar_whs_forged');
    const e = await rejection(verifier().verify(body, headers(body, { signature: forged })));
    expect(e.message).not.toContain(forged.slice(3));
    expect(e.message).not.toContain(POLAR_SECRET);
  });
});
