import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startFlexpriceSandbox } from '../../src/providers/flexprice/sandbox/server.js';
import { FLEXPRICE_SANDBOX_WEBHOOK_SECRET } from '../../src/providers/flexprice/sandbox/webhooks.js';
import { createFlexpriceWebhookVerifier } from '../../src/providers/flexprice/webhooks.js';
import { createLagoClient } from '../../src/providers/lago/adapter.js';
import { startLagoSandbox } from '../../src/providers/lago/sandbox/server.js';
import { LAGO_SANDBOX_HMAC_KEY } from '../../src/providers/lago/sandbox/webhooks.js';
import { cachePublicKey } from '../../src/providers/lago/webhook-key.js';
import { createLagoWebhookVerifier } from '../../src/providers/lago/webhooks.js';
import { startPolarSandbox } from '../../src/providers/polar/sandbox/server.js';
import { POLAR_SANDBOX_WEBHOOK_SECRET } from '../../src/providers/polar/sandbox/webhooks.js';
import { createPolarWebhookVerifier } from '../../src/providers/polar/webhooks.js';
import { loadSpec } from '../helpers/openapi.js';

/**
 * The sandboxes emit correctly signed webhooks when their balances change: a local receiver
 * collects them and the gateway's own verifiers accept them and name the right wallet.
 */

const LAGO_WALLET = '1a901a90-1a90-4a90-8a90-000000000001';
const FLEX_WALLET = 'wallet_01JDEJPP1GE6RHXQAQPDH4AFAX';
const POLAR_WALLET = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';
const POLAR_ANONYMOUS_WALLET = 'e4b5a6f7-d8c9-4fa0-b1c2-3d4e5f6a7b84';

const lagoSpec = loadSpec('lago/openapi/openapi.yaml', (doc) => {
  const schemas = (
    doc.components as {
      schemas: Record<
        string,
        { required?: string[]; properties?: Record<string, { type?: unknown }> }
      >;
    }
  ).schemas;
  // NOTES §9.1: `balance` is required by the spec but no longer sent.
  schemas.WalletObject!.required = schemas.WalletObject!.required!.filter((f) => f !== 'balance');
  // NOTES §3/§7: `payment_method_id` is null by default; the spec types it as a string.
  schemas.PaymentMethodReference!.properties!.payment_method_id!.type = ['string', 'null'];
});
const polarSpec = loadSpec('polar/openapi/polar-openapi-2026-04-16.json');

interface Received {
  readonly headers: Headers;
  readonly body: string;
}

/** A stand-in for the gateway's webhook route: records deliveries, answers `statuses` in turn, then 200. */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string') headers.set(k, v);
      received.push({ headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses.shift() ?? 200).end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return {
    url,
    received,
    async waitFor(count: number): Promise<Received[]> {
      const deadline = Date.now() + 5000;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} deliveries, got ${received.length}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
      return received.slice(0, count);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function receiver(statuses?: number[]) {
  const r = await startReceiver(statuses);
  cleanups.push(r.close);
  return r;
}
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('Lago sandbox webhooks', () => {
  it('HMAC: a grant sends wallet_transaction.created and wallet.updated, verified and hinting the wallet', async () => {
    const target = await receiver();
    const lago = await startLagoSandbox({ webhooks: { url: target.url, algorithm: 'hmac' } });
    cleanups.push(lago.close);

    lago.store.grantCredits(LAGO_WALLET, '5');
    const deliveries = await target.waitFor(2);
    const verifier = createLagoWebhookVerifier({
      hmacKey: LAGO_SANDBOX_HMAC_KEY,
      jwtIssuer: lago.webhookIssuer,
      publicKey: async () => {
        throw new Error('not used');
      },
    });
    const verified = await Promise.all(deliveries.map((d) => verifier.verify(d.body, d.headers)));
    expect(verified.map((v) => v.eventType).sort()).toEqual([
      'wallet.updated',
      'wallet_transaction.created',
    ]);
    for (const v of verified)
      expect(v.hints).toEqual([{ kind: 'wallet', provider: 'LAGO', walletId: LAGO_WALLET }]);
    expect(new Set(verified.map((v) => v.deliveryId)).size).toBe(2);

    // Shapes (NOTES §8): the transaction event matches Lago's own webhook schema; the nested
    // wallet carries the new balance but no rules; wallet.updated keeps its rules, never applies_to.
    const transaction = JSON.parse(
      deliveries.find((d) => d.body.includes('"wallet_transaction.created"'))!.body,
    );
    const schema = (
      lagoSpec.document.webhooks as Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: Record<string, unknown> }> } } }
      >
    ).wallet_transaction_created!.post.requestBody.content['application/json']!.schema;
    expect(
      lagoSpec.validate(
        JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"spec#/')),
        transaction,
      ),
    ).toEqual([]);
    expect(transaction.wallet_transaction).toMatchObject({
      lago_wallet_id: LAGO_WALLET,
      transaction_status: 'granted',
      credit_amount: '5.0',
      wallet: { credits_balance: lago.store.wallet(LAGO_WALLET)!.credits_balance },
    });
    expect(transaction.wallet_transaction.wallet).not.toHaveProperty('recurring_transaction_rules');
    const wallet = JSON.parse(deliveries.find((d) => d.body.includes('"wallet.updated"'))!.body);
    expect(wallet).toMatchObject({
      webhook_type: 'wallet.updated',
      object_type: 'wallet',
      wallet: { lago_id: LAGO_WALLET },
    });
    expect(wallet.wallet).toHaveProperty('recurring_transaction_rules');
    expect(wallet.wallet).not.toHaveProperty('applies_to');
  });

  it('JWT: a target set at runtime, consumption through the control endpoint, verified with the key from json_public_key', async () => {
    const target = await receiver();
    const lago = await startLagoSandbox();
    cleanups.push(lago.close);
    lago.setWebhookTarget({ url: target.url, algorithm: 'jwt' });

    // The control surface needs no API key...
    const res = await post(`${lago.url}/__sandbox/consume`, {
      wallet_id: LAGO_WALLET,
      amount: '2.5',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { wallet: { lago_id: string } }).wallet.lago_id).toBe(
      LAGO_WALLET,
    );
    const deliveries = await target.waitFor(2);
    expect(deliveries[0]!.headers.get('x-lago-signature-algorithm')).toBe('jwt');

    // ...the public key does: fetched the adapter's way, Base64.encode64 with newlines.
    const raw = await fetch(`${lago.url}/api/v1/webhooks/json_public_key`, {
      headers: { authorization: `Bearer ${lago.apiKey}` },
    });
    const keyBody = (await raw.json()) as { webhook: { public_key: string } };
    expect(
      lagoSpec.validate(lagoSpec.responseSchema('/webhooks/json_public_key', 'get', 200), keyBody),
    ).toEqual([]);
    expect(keyBody.webhook.public_key).toMatch(/\n/);
    const client = createLagoClient(
      { apiUrl: lago.url, apiKey: lago.apiKey, timeoutMs: 5000, retries: 0 },
      createLogger({ level: 'silent' }),
    );
    const verifier = createLagoWebhookVerifier({
      jwtIssuer: lago.webhookIssuer,
      publicKey: cachePublicKey(() => client.webhookPublicKey()),
    });
    for (const d of deliveries) {
      const v = await verifier.verify(d.body, d.headers);
      expect(v.hints).toEqual([{ kind: 'wallet', provider: 'LAGO', walletId: LAGO_WALLET }]);
    }
    const transaction = JSON.parse(
      deliveries.find((d) => d.body.includes('"wallet_transaction.created"'))!.body,
    );
    expect(transaction.wallet_transaction).toMatchObject({
      transaction_status: 'invoiced',
      transaction_type: 'outbound',
      credit_amount: '2.5',
    });
    // A verifier configured for another issuer refuses the same delivery.
    const otherIssuer = createLagoWebhookVerifier({
      jwtIssuer: 'https://api.getlago.com',
      publicKey: cachePublicKey(() => client.webhookPublicKey()),
    });
    await expect(
      otherIssuer.verify(deliveries[0]!.body, deliveries[0]!.headers),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('retries a failed delivery with the same unique key, body and signature; stops when the target is removed', async () => {
    const target = await receiver([500]);
    const lago = await startLagoSandbox({
      webhooks: { url: target.url, algorithm: 'hmac' },
      webhookRetryDelaysMs: [20, 20],
    });
    cleanups.push(lago.close);
    lago.store.grantCredits(LAGO_WALLET, '1');
    await lago.webhooksIdle();
    expect(target.received).toHaveLength(3);
    const keys = target.received.map((d) => d.headers.get('x-lago-unique-key'));
    const retriedKey = keys.find((k, i) => keys.indexOf(k) !== i);
    const retried = target.received.filter(
      (d) => d.headers.get('x-lago-unique-key') === retriedKey,
    );
    expect(retried).toHaveLength(2);
    expect(retried[0]!.body).toBe(retried[1]!.body);
    expect(retried[0]!.headers.get('x-lago-signature')).toBe(
      retried[1]!.headers.get('x-lago-signature'),
    );
    expect(lago.webhookDeliveries.map((d) => d.state)).toEqual(['delivered', 'delivered']);
    expect(lago.webhookDeliveries.map((d) => d.attempts).sort()).toEqual([1, 2]);

    lago.setWebhookTarget(undefined);
    lago.store.grantCredits(LAGO_WALLET, '1');
    await lago.webhooksIdle();
    expect(target.received).toHaveLength(3);
  });

  it('a dead target never breaks the sandbox', async () => {
    const lago = await startLagoSandbox({
      webhooks: { url: 'http://127.0.0.1:1/nowhere', algorithm: 'hmac' },
      webhookRetryDelaysMs: [],
    });
    cleanups.push(lago.close);
    expect(() => lago.store.grantCredits(LAGO_WALLET, '1')).not.toThrow();
    await lago.webhooksIdle();
    expect(lago.webhookDeliveries.map((d) => d.state)).toEqual(['failed', 'failed']);
    const res = await fetch(`${lago.url}/api/v1/wallets/${LAGO_WALLET}`, {
      headers: { authorization: `Bearer ${lago.apiKey}` },
    });
    expect(res.status).toBe(200);
  });

  it('only the control paths skip auth; they validate their input', async () => {
    const lago = await startLagoSandbox();
    cleanups.push(lago.close);
    expect((await fetch(`${lago.url}/api/v1/wallets/${LAGO_WALLET}`)).status).toBe(401);
    expect((await fetch(`${lago.url}/api/v1/webhooks/json_public_key`)).status).toBe(401);
    expect(
      (await post(`${lago.url}/__sandbox/top-up`, { wallet_id: 'nope', amount: '1' })).status,
    ).toBe(404);
    expect(
      (await post(`${lago.url}/__sandbox/top-up`, { wallet_id: LAGO_WALLET, amount: '-1' })).status,
    ).toBe(400);
    expect((await post(`${lago.url}/__sandbox/top-up`, { wallet_id: LAGO_WALLET })).status).toBe(
      400,
    );
    const before = lago.store.wallet(LAGO_WALLET)!.credits_balance;
    expect(
      (await post(`${lago.url}/__sandbox/top-up`, { wallet_id: LAGO_WALLET, amount: '10' })).status,
    ).toBe(200);
    expect(Number(lago.store.wallet(LAGO_WALLET)!.credits_balance)).toBe(Number(before) + 10);
  });
});

describe('Flexprice sandbox webhooks', () => {
  const verifier = createFlexpriceWebhookVerifier({ secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET });
  const hint = [{ kind: 'wallet', provider: 'FLEXPRICE', walletId: FLEX_WALLET }];

  it('a top-up sends the minimal wallet.transaction.created, Svix-signed', async () => {
    const target = await receiver();
    const flex = await startFlexpriceSandbox({ webhooks: { url: target.url } });
    cleanups.push(flex.close);
    const transaction = flex.store.topUp(FLEX_WALLET, '25');
    const [delivery] = await target.waitFor(1);
    expect(delivery!.headers.get('svix-id')).toMatch(/^msg_/);
    const v = await verifier.verify(delivery!.body, delivery!.headers);
    const body = JSON.parse(delivery!.body);
    expect(v).toEqual({
      deliveryId: delivery!.headers.get('svix-id'),
      eventType: 'wallet.transaction.created',
      hints: hint,
      // The transaction itself, for walletTransactionCreated.
      transactions: [
        { provider: 'FLEXPRICE', walletId: FLEX_WALLET, change: 'CREATED', raw: body.transaction },
      ],
    });
    expect(Object.keys(body)).toEqual(['event_type', 'transaction']);
    expect(body.transaction).toMatchObject({
      id: transaction.id,
      wallet_id: FLEX_WALLET,
      credit_amount: '25',
      credit_balance_after: transaction.credit_balance_after,
      transaction_status: 'completed',
    });
    expect(body.transaction).not.toHaveProperty('tenant_id');
  });

  it('usage through the control endpoint sends wallet.ongoing_balance.updated (webhook-* header names)', async () => {
    const target = await receiver();
    const flex = await startFlexpriceSandbox();
    cleanups.push(flex.close);
    flex.setWebhookTarget({ url: target.url, headerPrefix: 'webhook' });
    const res = await post(`${flex.url}/__sandbox/consume`, {
      wallet_id: FLEX_WALLET,
      amount: '3.5',
    });
    expect(res.status).toBe(200);
    const [delivery] = await target.waitFor(1);
    expect(delivery!.headers.get('svix-id')).toBeNull();
    const v = await verifier.verify(delivery!.body, delivery!.headers);
    expect(v).toMatchObject({
      deliveryId: delivery!.headers.get('webhook-id'),
      eventType: 'wallet.ongoing_balance.updated',
      hints: hint,
    });
    expect(Object.keys(JSON.parse(delivery!.body).wallet)).toEqual([
      'id',
      'customer_id',
      'currency',
      'balance',
      'credit_balance',
      'wallet_status',
      'name',
      'wallet_type',
      'conversion_rate',
    ]);
  });

  it('a pending invoiced purchase sends nothing (no credit yet); a control top-up sends one event', async () => {
    const target = await receiver();
    const flex = await startFlexpriceSandbox({ webhooks: { url: target.url } });
    cleanups.push(flex.close);
    flex.store.topUp(FLEX_WALLET, '10', { reason: 'PURCHASED_CREDIT_INVOICED' });
    await flex.webhooksIdle();
    expect(target.received).toHaveLength(0);
    expect(
      (await post(`${flex.url}/__sandbox/top-up`, { wallet_id: FLEX_WALLET, amount: '10' })).status,
    ).toBe(200);
    await flex.webhooksIdle();
    expect(target.received).toHaveLength(1);
    expect((await fetch(`${flex.url}/v1/wallets/${FLEX_WALLET}`)).status).toBe(401);
  });

  it('a bad secret is refused where the target is set', async () => {
    const flex = await startFlexpriceSandbox();
    cleanups.push(flex.close);
    expect(() =>
      flex.setWebhookTarget({ url: 'http://127.0.0.1:1', secret: 'whsec_***' }),
    ).toThrow();
  });
});

describe('Polar sandbox webhooks', () => {
  const verifier = createPolarWebhookVerifier({ secret: POLAR_SANDBOX_WEBHOOK_SECRET });
  const orderPaid = { $ref: 'spec#/components/schemas/WebhookOrderPaidPayload' };

  it('a top-up sends order.paid (purchase, no product) signed with the raw secret, hinting the customer', async () => {
    const target = await receiver();
    const polar = await startPolarSandbox({ webhooks: { url: target.url } });
    cleanups.push(polar.close);
    polar.store.topUp(POLAR_WALLET, 2000);
    const [delivery] = await target.waitFor(1);
    const v = await verifier.verify(delivery!.body, delivery!.headers);
    expect(v).toEqual({
      deliveryId: delivery!.headers.get('webhook-id'),
      eventType: 'order.paid',
      hints: [{ kind: 'customer', provider: 'POLAR', externalId: 'hooli_1234' }],
    });
    const body = JSON.parse(delivery!.body);
    expect(polarSpec.validate(orderPaid, body)).toEqual([]);
    expect(body.data).toMatchObject({
      billing_reason: 'purchase',
      product: null,
      total_amount: 2000,
      applied_balance_amount: 0,
    });
    expect(delivery!.headers.get('user-agent')).toBe('polar.sh webhooks');
  });

  it('usage through the control endpoint sends order.paid with a negative applied_balance_amount', async () => {
    const target = await receiver();
    const polar = await startPolarSandbox();
    cleanups.push(polar.close);
    polar.setWebhookTarget({ url: target.url });
    expect(
      (await post(`${polar.url}/__sandbox/consume`, { wallet_id: POLAR_WALLET, amount: 750 }))
        .status,
    ).toBe(200);
    expect(
      (await post(`${polar.url}/__sandbox/consume`, { wallet_id: POLAR_WALLET, amount: 7.5 }))
        .status,
    ).toBe(400);
    const [delivery] = await target.waitFor(1);
    expect((await verifier.verify(delivery!.body, delivery!.headers)).hints).toEqual([
      { kind: 'customer', provider: 'POLAR', externalId: 'hooli_1234' },
    ]);
    const body = JSON.parse(delivery!.body);
    expect(polarSpec.validate(orderPaid, body)).toEqual([]);
    expect(body.data.applied_balance_amount).toBe(-750);
    expect(polar.store.wallet(POLAR_WALLET)!.balance).toBe(5000n - 750n);
  });

  it('a customer without an external id: the delivery verifies but hints nothing', async () => {
    const target = await receiver();
    const polar = await startPolarSandbox({ webhooks: { url: target.url } });
    cleanups.push(polar.close);
    polar.store.topUp(POLAR_ANONYMOUS_WALLET, 100);
    const [delivery] = await target.waitFor(1);
    expect((await verifier.verify(delivery!.body, delivery!.headers)).hints).toEqual([]);
  });

  it('only the control paths skip auth', async () => {
    const polar = await startPolarSandbox();
    cleanups.push(polar.close);
    expect((await fetch(`${polar.url}/v1/wallets/`)).status).toBe(401);
    expect(
      (await post(`${polar.url}/__sandbox/top-up`, { wallet_id: POLAR_WALLET, amount: 1 })).status,
    ).toBe(200);
  });
});

describe('transaction webhooks: created, then updated when a pending purchase settles', () => {
  const flexSpec = loadSpec('flexprice/openapi/swagger-3-0.json');
  const flexSchema = (name: string) => ({
    $ref: `spec#/components/schemas/${name}`,
  });

  it('Lago: a pending purchase sends only wallet_transaction.created; its payment sends .updated and wallet.updated', async () => {
    const target = await receiver();
    const lago = await startLagoSandbox({ webhooks: { url: target.url, algorithm: 'hmac' } });
    cleanups.push(lago.close);
    const verifier = createLagoWebhookVerifier({
      hmacKey: LAGO_SANDBOX_HMAC_KEY,
      jwtIssuer: lago.webhookIssuer,
      publicKey: async () => {
        throw new Error('not used');
      },
    });
    const purchase = lago.store.createTransaction(LAGO_WALLET, '4.0', 'purchased');
    const [created] = await target.waitFor(1);
    await lago.webhooksIdle();
    expect(target.received).toHaveLength(1);
    const settled = await post(`${lago.url}/__sandbox/settle`, {
      transaction_id: purchase.lago_id,
    });
    expect(settled.status).toBe(200);
    const deliveries = await target.waitFor(3);
    const verified = await Promise.all(deliveries.map((d) => verifier.verify(d.body, d.headers)));
    expect(verified.map((v) => v.eventType)).toEqual([
      'wallet_transaction.created',
      'wallet_transaction.updated',
      'wallet.updated',
    ]);
    expect(verified.map((v) => v.transactions?.map((t) => [t.change, t.walletId]))).toEqual([
      [['CREATED', LAGO_WALLET]],
      [['UPDATED', LAGO_WALLET]],
      undefined,
    ]);
    const webhooks = lagoSpec.document.webhooks as Record<
      string,
      { post: { requestBody: { content: Record<string, { schema: Record<string, unknown> }> } } }
    >;
    for (const [delivery, name] of [
      [created!, 'wallet_transaction_created'],
      [deliveries[1]!, 'wallet_transaction_updated'],
    ] as const) {
      const schema = webhooks[name]!.post.requestBody.content['application/json']!.schema;
      expect(
        lagoSpec.validate(
          JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"spec#/')),
          JSON.parse(delivery.body),
        ),
        name,
      ).toEqual([]);
    }
    expect(JSON.parse(deliveries[1]!.body).wallet_transaction).toMatchObject({
      lago_id: purchase.lago_id,
      status: 'settled',
      transaction_status: 'purchased',
    });
  });

  it('Flexprice: a completed purchase sends wallet.transaction.updated (updated_transaction); a usage invoice a debit', async () => {
    const target = await receiver();
    const flex = await startFlexpriceSandbox({ webhooks: { url: target.url } });
    cleanups.push(flex.close);
    const verifier = createFlexpriceWebhookVerifier({ secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET });
    const pending = flex.store.topUp(FLEX_WALLET, '5', { reason: 'PURCHASED_CREDIT_INVOICED' });
    const settle = await post(`${flex.url}/__sandbox/settle`, { transaction_id: pending.id });
    expect(settle.status).toBe(200);
    const usage = await post(`${flex.url}/__sandbox/pay-usage`, { wallet_id: FLEX_WALLET });
    expect(((await usage.json()) as { transaction_reason: string }).transaction_reason).toBe(
      'INVOICE_PAYMENT',
    );
    const deliveries = await target.waitFor(2);
    const verified = await Promise.all(deliveries.map((d) => verifier.verify(d.body, d.headers)));
    expect(verified.map((v) => [v.eventType, v.transactions?.[0]?.change])).toEqual([
      ['wallet.transaction.updated', 'UPDATED'],
      ['wallet.transaction.created', 'CREATED'],
    ]);
    const [updated, created] = deliveries.map((d) => JSON.parse(d.body));
    expect(
      flexSpec.validate(flexSchema('webhookDto.TransactionUpdatedWebhookPayload'), updated),
    ).toEqual([]);
    expect(flexSpec.validate(flexSchema('webhookDto.TransactionWebhookPayload'), created)).toEqual(
      [],
    );
    expect(updated.updated_transaction).toMatchObject({
      id: pending.id,
      transaction_status: 'completed',
      credit_balance_after: '25',
    });
    // The stored 40 USD ledger pays the pending 22.5 USD of usage: 11.25 credits at rate 2.
    expect(created.transaction).toMatchObject({
      type: 'debit',
      amount: '22.5',
      credit_amount: '11.25',
      reference_type: 'INVOICE',
      transaction_reason: 'INVOICE_PAYMENT',
    });
  });
});
