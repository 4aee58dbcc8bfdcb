import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import {
  cachePublicKey,
  decodeLagoPublicKey,
  lagoWebhookIssuer,
} from '../../../src/providers/lago/webhook-key.js';
import { createLagoWebhookVerifier } from '../../../src/providers/lago/webhooks.js';
import { WebhookRejected } from '../../../src/providers/webhook.js';
import { lagoWalletSample } from './fixtures.js';

/** Lago webhooks as NOTES.md §8 documents them: envelope, headers, HMAC and RS256 JWT signatures. */

const HMAC_KEY = '0b7e6f2c-3d4a-4b5c-8d9e-1f2a3b4c5d6e';
const ISSUER = 'https://api.getlago.com';
const ORG = '1a901a90-1a90-1a90-1a90-1a901a901a90';
const WALLET_ID = '1a901a90-1a90-1a90-1a90-1a901a901a90';
const UNIQUE_KEY = '5f4dcc3b-5aa7-4c1e-9f2a-8b7c6d5e4f3a';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }) as string };
};
const lagoKeys = pair();

/** The WalletObject as webhooks carry it: no `applies_to`, no `applied_invoice_custom_sections` (NOTES §3, §9.11). */
function webhookWallet(withRules: boolean): Record<string, unknown> {
  const {
    applies_to: _a,
    applied_invoice_custom_sections: _c,
    recurring_transaction_rules: rules,
    ...wallet
  } = lagoWalletSample();
  return withRules ? { ...wallet, recurring_transaction_rules: rules } : wallet;
}

/** NOTES §8 "Sample wallet_transaction.updated body", with the ids filled in. */
function transactionBody(webhookType = 'wallet_transaction.updated'): string {
  return JSON.stringify({
    webhook_type: webhookType,
    object_type: 'wallet_transaction',
    organization_id: ORG,
    wallet_transaction: {
      lago_id: '7d1c2b3a-4e5f-4a6b-9c8d-0e1f2a3b4c5d',
      lago_wallet_id: WALLET_ID,
      lago_invoice_id: '8e2d3c4b-5f6a-4b7c-8d9e-1f2a3b4c5d6e',
      lago_credit_note_id: null,
      lago_voided_invoice_id: null,
      billing_entity_code: 'default',
      status: 'settled',
      source: 'manual',
      transaction_status: 'purchased',
      transaction_type: 'inbound',
      amount: '10.0',
      credit_amount: '10.0',
      remaining_amount_cents: 1000,
      remaining_credit_amount: '10.0',
      priority: 50,
      purchase_order_number: null,
      settled_at: '2024-05-01T10:00:00Z',
      failed_at: null,
      created_at: '2024-05-01T09:59:00Z',
      invoice_requires_successful_payment: false,
      metadata: [],
      name: null,
      wallet: webhookWallet(false),
      payment_method: { payment_method_id: null, payment_method_type: 'provider' },
    },
  });
}

const walletBody = (webhookType: string, withRules = true) =>
  JSON.stringify({
    webhook_type: webhookType,
    object_type: 'wallet',
    organization_id: ORG,
    wallet: webhookWallet(withRules),
  });

const hmac = (body: string, key = HMAC_KEY) =>
  createHmac('sha256', key).update(body, 'utf8').digest('base64');
const jwt = (claims: Record<string, unknown>, key: KeyObject = lagoKeys.privateKey) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(key);

const hmacHeaders = (body: string, extra: Record<string, string> = {}) =>
  new Headers({
    'content-type': 'application/json',
    'x-lago-signature': hmac(body),
    'x-lago-signature-algorithm': 'hmac',
    'x-lago-unique-key': UNIQUE_KEY,
    ...extra,
  });
const jwtHeaders = async (
  body: string,
  claims: Record<string, unknown> = { data: body, iss: ISSUER },
) =>
  new Headers({
    'x-lago-signature': await jwt(claims),
    'x-lago-signature-algorithm': 'jwt',
    'x-lago-unique-key': UNIQUE_KEY,
  });

const verifier = (overrides: Partial<Parameters<typeof createLagoWebhookVerifier>[0]> = {}) =>
  createLagoWebhookVerifier({
    hmacKey: HMAC_KEY,
    jwtIssuer: ISSUER,
    publicKey: async () => lagoKeys.pem,
    ...overrides,
  });

async function rejection(promise: Promise<unknown>): Promise<WebhookRejected> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookRejected);
  return error as WebhookRejected;
}

describe('Lago webhooks: HMAC', () => {
  it('accepts a wallet_transaction.updated signed with the HMAC key and hints its wallet', async () => {
    const body = transactionBody();
    expect(await verifier().verify(body, hmacHeaders(body))).toEqual({
      deliveryId: UNIQUE_KEY,
      eventType: 'wallet_transaction.updated',
      hints: [{ kind: 'wallet', provider: 'LAGO', walletId: WALLET_ID }],
      // The transaction itself, as sent, for walletTransactionCreated.
      transactions: [
        {
          provider: 'LAGO',
          walletId: WALLET_ID,
          change: 'UPDATED',
          raw: JSON.parse(body).wallet_transaction,
        },
      ],
    });
  });

  it.each(['wallet.created', 'wallet.updated', 'wallet.terminated'])(
    'hints the wallet of %s (WalletObject with rules)',
    async (type) => {
      const body = walletBody(type);
      const delivery = await verifier().verify(body, hmacHeaders(body));
      expect(delivery.hints).toEqual([{ kind: 'wallet', provider: 'LAGO', walletId: WALLET_ID }]);
    },
  );

  it('hints the wallet of wallet.depleted_ongoing_balance (bare WalletObject) and wallet_transaction.created', async () => {
    for (const body of [
      walletBody('wallet.depleted_ongoing_balance', false),
      transactionBody('wallet_transaction.created'),
    ]) {
      expect((await verifier().verify(body, hmacHeaders(body))).hints).toEqual([
        { kind: 'wallet', provider: 'LAGO', walletId: WALLET_ID },
      ]);
    }
  });

  it('acknowledges wallet_transaction.payment_failure and non-wallet events with no hint', async () => {
    const failure = JSON.stringify({
      webhook_type: 'wallet_transaction.payment_failure',
      object_type: 'payment_provider_wallet_transaction_payment_error',
      organization_id: ORG,
      payment_provider_wallet_transaction_payment_error: {
        lago_wallet_transaction_id: '7d1c2b3a-4e5f-4a6b-9c8d-0e1f2a3b4c5d',
        lago_customer_id: '1a901a90-1a90-1a90-1a90-1a901a901a91',
        external_customer_id: 'hooli_1234',
        provider_customer_id: 'cus_123',
        payment_provider: 'stripe',
        payment_provider_code: 'stripe_prod',
        provider_error: { message: 'card declined', error_code: 'card_declined' },
      },
    });
    const invoice = JSON.stringify({
      webhook_type: 'invoice.created',
      object_type: 'invoice',
      organization_id: ORG,
      invoice: { lago_id: 'x' },
    });
    for (const body of [failure, invoice]) {
      const delivery = await verifier().verify(body, hmacHeaders(body));
      expect(delivery.hints).toEqual([]);
      expect(delivery.deliveryId).toBe(UNIQUE_KEY);
    }
  });

  it('refuses a forged signature (another key) and a tampered body with 401', async () => {
    const body = transactionBody();
    expect(
      (
        await rejection(
          verifier().verify(
            body,
            hmacHeaders(body, { 'x-lago-signature': hmac(body, 'the-api-key-instead') }),
          ),
        )
      ).status,
    ).toBe(401);
    const tampered = body.replace('"amount":"10.0"', '"amount":"99999.0"');
    expect(tampered).not.toBe(body);
    expect((await rejection(verifier().verify(tampered, hmacHeaders(body)))).status).toBe(401);
  });

  it('refuses HMAC deliveries with 401 when no HMAC key is configured', async () => {
    const body = transactionBody();
    const e = await rejection(verifier({ hmacKey: undefined }).verify(body, hmacHeaders(body)));
    expect(e.status).toBe(401);
    expect(e.message).toBe('HMAC signatures are not configured');
  });

  it('401 for a missing signature or a missing/unknown algorithm; 400 for a missing X-Lago-Unique-Key', async () => {
    const body = transactionBody();
    const without = (name: string) => {
      const h = hmacHeaders(body);
      h.delete(name);
      return h;
    };
    expect((await rejection(verifier().verify(body, without('x-lago-signature')))).status).toBe(
      401,
    );
    expect(
      (await rejection(verifier().verify(body, without('x-lago-signature-algorithm')))).status,
    ).toBe(401);
    expect(
      (
        await rejection(
          verifier().verify(body, hmacHeaders(body, { 'x-lago-signature-algorithm': 'sha1' })),
        )
      ).status,
    ).toBe(401);
    expect((await rejection(verifier().verify(body, without('x-lago-unique-key')))).status).toBe(
      400,
    );
  });

  it('400 for a genuine delivery that is not JSON or not the envelope', async () => {
    for (const body of [
      'not json',
      '[]',
      JSON.stringify({ object_type: 'wallet', wallet: {} }),
      JSON.stringify({
        webhook_type: 'wallet.updated',
        object_type: 'wallet',
        wallet: { status: 'active' },
      }),
    ]) {
      expect((await rejection(verifier().verify(body, hmacHeaders(body)))).status).toBe(400);
    }
  });

  it('never puts the key or the signature in an error message', async () => {
    const body = transactionBody();
    const forged = hmac(body, 'forged');
    const e = await rejection(
      verifier().verify(body, hmacHeaders(body, { 'x-lago-signature': forged })),
    );
    expect(e.message).not.toContain(forged);
    expect(e.message).not.toContain(HMAC_KEY);
  });
});

describe('Lago webhooks: JWT', () => {
  it('accepts an RS256 JWT {data: body, iss} with no exp and hints the wallet', async () => {
    const body = transactionBody();
    expect(await verifier({ hmacKey: undefined }).verify(body, await jwtHeaders(body))).toEqual({
      deliveryId: UNIQUE_KEY,
      eventType: 'wallet_transaction.updated',
      hints: [{ kind: 'wallet', provider: 'LAGO', walletId: WALLET_ID }],
      transactions: [expect.objectContaining({ change: 'UPDATED', walletId: WALLET_ID })],
    });
  });

  it('401 when iss is not the configured issuer', async () => {
    const body = walletBody('wallet.updated');
    const e = await rejection(
      verifier().verify(
        body,
        await jwtHeaders(body, { data: body, iss: 'https://api.eu.getlago.com' }),
      ),
    );
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/issuer/);
  });

  it('401 when the signed data is not the body (a valid JWT replayed on another body, or a tampered body)', async () => {
    const body = walletBody('wallet.updated');
    const other = walletBody('wallet.terminated');
    expect((await rejection(verifier().verify(other, await jwtHeaders(body)))).status).toBe(401);
    expect(
      (
        await rejection(
          verifier().verify(body, await jwtHeaders(body, { data: JSON.parse(body), iss: ISSUER })),
        )
      ).status,
    ).toBe(401);
  });

  it('401 for a JWT signed by another key, an HS256 JWT, and garbage', async () => {
    const body = walletBody('wallet.updated');
    const forged = new Headers({
      'x-lago-signature': await jwt({ data: body, iss: ISSUER }, pair().privateKey),
      'x-lago-signature-algorithm': 'jwt',
      'x-lago-unique-key': UNIQUE_KEY,
    });
    expect((await rejection(verifier().verify(body, forged))).status).toBe(401);
    // Algorithm confusion: the public key used as an HMAC secret must not pass.
    const hs256 = await new SignJWT({ data: body, iss: ISSUER })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(lagoKeys.pem));
    expect(
      (
        await rejection(
          verifier().verify(
            body,
            new Headers({
              'x-lago-signature': hs256,
              'x-lago-signature-algorithm': 'jwt',
              'x-lago-unique-key': UNIQUE_KEY,
            }),
          ),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await rejection(
          verifier().verify(
            body,
            new Headers({
              'x-lago-signature': 'a.b.c',
              'x-lago-signature-algorithm': 'jwt',
              'x-lago-unique-key': UNIQUE_KEY,
            }),
          ),
        )
      ).status,
    ).toBe(401);
  });

  it('fetches the public key once for many deliveries (cachePublicKey)', async () => {
    const fetchKey = vi.fn(async () => lagoKeys.pem);
    const v = verifier({ publicKey: cachePublicKey(fetchKey) });
    const body = walletBody('wallet.updated');
    await Promise.all([1, 2, 3].map(async () => v.verify(body, await jwtHeaders(body))));
    await v.verify(body, await jwtHeaders(body));
    expect(fetchKey).toHaveBeenCalledTimes(1);
  });

  it('picks up a rotated key with one refetch, and forged JWTs cannot make it refetch more than once per interval', async () => {
    let served = lagoKeys.pem;
    const fetchKey = vi.fn(async () => served);
    let clock = 1_000_000;
    const v = verifier({
      publicKey: cachePublicKey(fetchKey, { minRefreshIntervalMs: 60_000, now: () => clock }),
    });
    const body = walletBody('wallet.updated');
    await v.verify(body, await jwtHeaders(body));

    const rotated = pair();
    served = rotated.pem;
    clock += 60_000;
    const signedByNewKey = new Headers({
      'x-lago-signature': await jwt({ data: body, iss: ISSUER }, rotated.privateKey),
      'x-lago-signature-algorithm': 'jwt',
      'x-lago-unique-key': UNIQUE_KEY,
    });
    expect((await v.verify(body, signedByNewKey)).hints).toHaveLength(1);
    expect(fetchKey).toHaveBeenCalledTimes(2);

    const attacker = pair().privateKey;
    for (let i = 0; i < 5; i++) {
      const forged = new Headers({
        'x-lago-signature': await jwt({ data: body, iss: ISSUER }, attacker),
        'x-lago-signature-algorithm': 'jwt',
        'x-lago-unique-key': UNIQUE_KEY,
      });
      expect((await rejection(v.verify(body, forged))).status).toBe(401);
    }
    expect(fetchKey).toHaveBeenCalledTimes(2);
  });

  it('lets a key fetch failure through as a non-rejection (the route answers 5xx and Lago retries), then retries the fetch', async () => {
    const fetchKey = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('Lago is down'))
      .mockResolvedValue(lagoKeys.pem);
    const v = verifier({ publicKey: cachePublicKey(fetchKey) });
    const body = walletBody('wallet.updated');
    const error = await v.verify(body, await jwtHeaders(body)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(WebhookRejected);
    expect((await v.verify(body, await jwtHeaders(body))).hints).toHaveLength(1);
  });
});

describe('Lago webhook public key helpers', () => {
  it('decodes Base64.encode64 of the PEM, newlines included', () => {
    const encoded = Buffer.from(lagoKeys.pem)
      .toString('base64')
      .replace(/.{1,60}/g, '$&\n');
    expect(encoded.split('\n').length).toBeGreaterThan(5);
    expect(decodeLagoPublicKey(encoded)).toBe(lagoKeys.pem);
    expect(decodeLagoPublicKey(Buffer.from('not a key').toString('base64'))).toBeUndefined();
  });

  it('derives the JWT issuer from the API URL with or without /api/v1', () => {
    expect(lagoWebhookIssuer('https://api.getlago.com/api/v1')).toBe('https://api.getlago.com');
    expect(lagoWebhookIssuer('http://lago:3000/')).toBe('http://lago:3000');
  });
});
