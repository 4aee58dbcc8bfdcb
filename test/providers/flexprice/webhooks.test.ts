import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFlexpriceWebhookVerifier } from '../../../src/providers/flexprice/webhooks.js';
import { WebhookRejected } from '../../../src/providers/webhook.js';
import { WALLET_RESPONSE } from './payloads.js';

/**
 * Flexprice webhooks as NOTES.md §5 documents them: Svix signatures (computed here by hand from
 * the documented algorithm, not with the library the verifier uses), and both payload generations.
 */

const KEY = randomBytes(24);
const SECRET = `whsec_${KEY.toString('base64')}`;
const NOW = new Date('2026-08-22T10:00:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);
const MSG_ID = 'msg_2mN8hV3kQ9pXr7sT1uYw4zB6cDe';
const WALLET = 'wallet_01K2ABCDEFGHJKMNPQRSTVWXYZ0';
const CUSTOMER = 'cust_01K2ABCDEFGHJKMNPQRSTVWXYZ0';

/** `base64(HMAC_SHA256(base64decode(secret without whsec_), id.timestamp.body))` (NOTES §5.1). */
const svixSign = (body: string, id = MSG_ID, ts = NOW_S, key: Buffer = KEY) =>
  `v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`;

const headers = (
  body: string,
  options: { prefix?: 'svix' | 'webhook'; ts?: number; id?: string; signature?: string } = {},
) => {
  const prefix = options.prefix ?? 'svix';
  const ts = options.ts ?? NOW_S;
  const id = options.id ?? MSG_ID;
  return new Headers({
    'content-type': 'application/json',
    [`${prefix}-id`]: id,
    [`${prefix}-timestamp`]: String(ts),
    [`${prefix}-signature`]: options.signature ?? svixSign(body, id, ts),
  });
};

const verifier = () => createFlexpriceWebhookVerifier({ secret: SECRET, now: () => NOW });

async function rejection(promise: Promise<unknown>): Promise<WebhookRejected> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookRejected);
  return error as WebhookRejected;
}

const hint = { kind: 'wallet', provider: 'FLEXPRICE', walletId: WALLET };

// ≥ v2.1.24 minimal payloads (NOTES §5.3-§5.4).
const minimalWallet = {
  id: WALLET,
  customer_id: CUSTOMER,
  currency: 'usd',
  balance: '5',
  credit_balance: '5',
  wallet_status: 'active',
  name: 'Prepaid Wallet - USD',
  wallet_type: 'PRE_PAID',
  conversion_rate: '1',
};
const minimalTransaction = {
  id: 'wtxn_01K2ABCDEFGHJKMNPQRSTVWXYZ0',
  wallet_id: WALLET,
  customer_id: CUSTOMER,
  type: 'credit',
  amount: '50',
  credit_amount: '50',
  credit_balance_before: '10',
  credit_balance_after: '60',
  transaction_status: 'completed',
  reference_type: 'EXTERNAL',
  reference_id: 'topup-123',
  transaction_reason: 'PURCHASED_CREDIT_DIRECT',
  currency: 'usd',
  metadata: { order: 'A1' },
};
const alert = {
  state: 'in_alarm',
  current_balance: '-1.25',
  credit_balance: '-1.25',
  alert_type: 'low_ongoing_balance',
  alert_settings: {
    critical: { threshold: '0', condition: 'below' },
    warning: { threshold: '10', condition: 'below' },
    info: null,
    alert_enabled: true,
  },
};

// ≤ v2.1.23: full WalletResponse (NOTES §7) plus a full CustomerResponse.
const fullWallet = { ...WALLET_RESPONSE, id: WALLET, customer_id: CUSTOMER };
const fullCustomer = {
  id: CUSTOMER,
  external_id: 'user-42',
  name: 'User 42',
  email: 'u42@example.com',
  metadata: {},
  environment_id: 'env_01K2ABCDEFGHJKMNPQRSTVWXYZ0',
  tenant_id: 'tenant_01K2ABCDEFGHJKMNPQRSTVWXYZ0',
  status: 'published',
  created_at: '2026-08-01T00:00:00Z',
  updated_at: '2026-08-01T00:00:00Z',
};
const fullTransaction = {
  ...minimalTransaction,
  description: '',
  expiry_date: null,
  credits_available: '50',
  priority: null,
  topup_conversion_rate: '1',
  idempotency_key: 'topup-123',
  environment_id: 'env_01K2ABCDEFGHJKMNPQRSTVWXYZ0',
  tenant_id: 'tenant_01K2ABCDEFGHJKMNPQRSTVWXYZ0',
  status: 'published',
  created_at: '2026-08-22T10:00:00.123456Z',
  updated_at: '2026-08-22T10:00:00.123456Z',
  created_by: 'user_01K2',
  updated_by: 'user_01K2',
};

const accept = async (payload: unknown) => {
  const body = JSON.stringify(payload);
  return verifier().verify(body, headers(body));
};

describe('Flexprice webhooks: payloads (≥ v2.1.24 minimal)', () => {
  it('wallet.transaction.created (NOTES §5.4) yields a hint for transaction.wallet_id; the delivery id is svix-id', async () => {
    expect(
      await accept({ event_type: 'wallet.transaction.created', transaction: minimalTransaction }),
    ).toEqual({
      deliveryId: MSG_ID,
      eventType: 'wallet.transaction.created',
      hints: [hint],
      // The transaction itself, as sent, for walletTransactionCreated.
      transactions: [
        {
          provider: 'FLEXPRICE',
          walletId: minimalTransaction.wallet_id,
          change: 'CREATED',
          raw: minimalTransaction,
        },
      ],
    });
  });

  it('wallet.transaction.updated reads `updated_transaction`', async () => {
    expect(
      (
        await accept({
          event_type: 'wallet.transaction.updated',
          updated_transaction: {
            ...minimalTransaction,
            transaction_reason: 'PURCHASED_CREDIT_INVOICED',
          },
        })
      ).hints,
    ).toEqual([hint]);
  });

  it.each([
    'wallet.created',
    'wallet.updated',
    'wallet.terminated',
    'wallet.ongoing_balance.updated',
    'wallet.ongoing_balance.dropped',
    'wallet.ongoing_balance.recovered',
    'wallet.credit_balance.dropped',
    'wallet.credit_balance.recovered',
  ])('%s yields a hint for wallet.id', async (event) => {
    const payload =
      event.includes('dropped') || event.includes('recovered')
        ? { event_type: event, wallet: minimalWallet, alert }
        : { event_type: event, wallet: minimalWallet };
    expect((await accept(payload)).hints).toEqual([hint]);
  });

  it('feature.wallet_balance.alert hints its wallet_id, and nothing without one', async () => {
    const payload = {
      event_type: 'feature.wallet_balance.alert',
      alert_type: 'feature_wallet_balance',
      alert_status: 'warning',
      feature_id: 'feat_01K2',
      wallet_id: WALLET,
      customer_id: CUSTOMER,
      current_balance: '20',
      credit_balance: '20',
    };
    expect((await accept(payload)).hints).toEqual([hint]);
    const { wallet_id: _w, ...withoutWallet } = payload;
    expect((await accept(withoutWallet)).hints).toEqual([]);
  });

  it('other events are acknowledged with no hint', async () => {
    expect(await accept({ event_type: 'customer.created', customer: fullCustomer })).toEqual({
      deliveryId: MSG_ID,
      eventType: 'customer.created',
      hints: [],
    });
  });
});

describe('Flexprice webhooks: payloads (≤ v2.1.23 full)', () => {
  it('wallet.created with a full WalletResponse and customer', async () => {
    expect(
      (await accept({ event_type: 'wallet.created', wallet: fullWallet, customer: fullCustomer }))
        .hints,
    ).toEqual([hint]);
  });

  it('transaction events with the full transaction, wallet and customer give one hint', async () => {
    expect(
      (
        await accept({
          event_type: 'wallet.transaction.created',
          transaction: fullTransaction,
          wallet: fullWallet,
          customer: fullCustomer,
        })
      ).hints,
    ).toEqual([hint]);
    expect(
      (
        await accept({
          event_type: 'wallet.transaction.updated',
          updated_transaction: fullTransaction,
          wallet: fullWallet,
          customer: fullCustomer,
        })
      ).hints,
    ).toEqual([hint]);
  });

  it('400 for a genuine delivery that is not JSON, has no event_type, or names no wallet', async () => {
    for (const body of [
      '{',
      JSON.stringify({ wallet: minimalWallet }),
      JSON.stringify({ event_type: 'wallet.updated', wallet: {} }),
      JSON.stringify({ event_type: 'wallet.transaction.created', transaction: {} }),
    ]) {
      expect((await rejection(verifier().verify(body, headers(body)))).status).toBe(400);
    }
  });
});

describe('Flexprice webhooks: Svix signatures', () => {
  const body = JSON.stringify({
    event_type: 'wallet.transaction.created',
    transaction: minimalTransaction,
  });

  it('accepts the white-labelled webhook-* header names', async () => {
    expect((await verifier().verify(body, headers(body, { prefix: 'webhook' }))).deliveryId).toBe(
      MSG_ID,
    );
  });

  it('accepts any matching v1 entry among several (key rotation) and skips other versions', async () => {
    const signature = `v1a,${svixSign(body).slice(3)} v1,${svixSign(body, MSG_ID, NOW_S, randomBytes(24)).slice(3)} ${svixSign(body)}`;
    expect((await verifier().verify(body, headers(body, { signature }))).hints).toEqual([hint]);
  });

  it('401 for a forged signature, a tampered body, or a signature made for another message id', async () => {
    expect(
      (
        await rejection(
          verifier().verify(
            body,
            headers(body, { signature: svixSign(body, MSG_ID, NOW_S, randomBytes(24)) }),
          ),
        )
      ).status,
    ).toBe(401);
    expect(
      (await rejection(verifier().verify(body.replace('"50"', '"5000"'), headers(body)))).status,
    ).toBe(401);
    expect(
      (
        await rejection(
          verifier().verify(body, headers(body, { signature: svixSign(body, 'msg_other') })),
        )
      ).status,
    ).toBe(401);
    // The secret's text used as the key (no base64 decoding) is not Svix's key.
    const wrongDerivation = `v1,${createHmac('sha256', SECRET).update(`${MSG_ID}.${NOW_S}.${body}`).digest('base64')}`;
    expect(
      (await rejection(verifier().verify(body, headers(body, { signature: wrongDerivation }))))
        .status,
    ).toBe(401);
  });

  it('400 for a genuinely signed timestamp more than 5 minutes old or ahead; within 5 minutes passes', async () => {
    for (const ts of [NOW_S - 301, NOW_S + 301, NOW_S - 86_400]) {
      const e = await rejection(verifier().verify(body, headers(body, { ts })));
      expect(e.status).toBe(400);
    }
    for (const ts of [NOW_S - 299, NOW_S + 299])
      expect((await verifier().verify(body, headers(body, { ts }))).deliveryId).toBe(MSG_ID);
  });

  it('honours a custom tolerance', async () => {
    const strict = createFlexpriceWebhookVerifier({
      secret: SECRET,
      now: () => NOW,
      toleranceSeconds: 10,
    });
    expect((await rejection(strict.verify(body, headers(body, { ts: NOW_S - 11 })))).status).toBe(
      400,
    );
  });

  it('401 when any of id, timestamp or signature is missing; 400 for a malformed timestamp', async () => {
    for (const name of ['svix-id', 'svix-timestamp', 'svix-signature']) {
      const h = headers(body);
      h.delete(name);
      expect((await rejection(verifier().verify(body, h))).status).toBe(401);
    }
    expect((await rejection(verifier().verify(body, new Headers()))).status).toBe(401);
    expect(
      (
        await rejection(
          verifier().verify(
            body,
            headers(body, { signature: `v1,${svixSign(body).slice(3)}`, ts: NaN }),
          ),
        )
      ).status,
    ).toBe(400);
  });

  it('keeps the secret and signature out of errors, and rejects a malformed secret at construction', async () => {
    const forged = svixSign(body, MSG_ID, NOW_S, randomBytes(24));
    const e = await rejection(verifier().verify(body, headers(body, { signature: forged })));
    expect(e.message).not.toContain(forged.slice(3));
    expect(e.message).not.toContain(KEY.toString('base64'));
    expect(() => createFlexpriceWebhookVerifier({ secret: 'whsec_!!!not-base64!!!' })).toThrow(
      /not a valid Svix secret/,
    );
    expect(() => createFlexpriceWebhookVerifier({ secret: 'whsec_!!!not-base64!!!' })).not.toThrow(
      /!!!/,
    );
  });
});
