import { createHmac, timingSafeEqual } from 'node:crypto';
import { type CryptoKey, importSPKI, errors as joseErrors, jwtVerify } from 'jose';
import {
  type BalanceHint,
  type TransactionHint,
  type VerifiedDelivery,
  WebhookRejected,
  type WebhookVerifier,
} from '../webhook.js';
import { parseWebhookJson, validateWebhook } from '../webhook-payload.js';
import { lagoWalletTransactionWebhook, lagoWalletWebhook, lagoWebhookEnvelope } from './api.js';
import type { LagoPublicKeySource } from './webhook-key.js';

/**
 * Lago webhooks (NOTES §8): `X-Lago-Signature` is either base64 HMAC-SHA256 of the raw body with
 * the organisation's HMAC key, or an RS256 JWT `{data: <raw body>, iss: <LAGO_API_URL>}` with no
 * `exp`. Each endpoint has one algorithm; `X-Lago-Unique-Key` is stable across retries.
 */

export interface LagoWebhookVerifierOptions {
  /** The organisation's HMAC key (not the API key since v1.16). Without it HMAC deliveries are refused. */
  readonly hmacKey?: string | undefined;
  /** The `iss` Lago signs with: its own `LAGO_API_URL` (see lagoWebhookIssuer). */
  readonly jwtIssuer: string;
  /** The PEM public key; `cachePublicKey` gives one that fetches once and refreshes on demand. */
  readonly publicKey: LagoPublicKeySource;
}

const WALLET_EVENTS = new Set([
  'wallet.created',
  'wallet.updated',
  'wallet.terminated',
  'wallet.depleted_ongoing_balance',
]);
const TRANSACTION_EVENTS = new Set(['wallet_transaction.created', 'wallet_transaction.updated']);

export function createLagoWebhookVerifier(options: LagoWebhookVerifierOptions): WebhookVerifier {
  const hmacKey = options.hmacKey || undefined;
  // The imported key for the last PEM seen: importing on every delivery is wasted work.
  let imported: { pem: string; key: Promise<CryptoKey> } | undefined;
  const keyFor = (pem: string): Promise<CryptoKey> => {
    if (imported?.pem !== pem) imported = { pem, key: importSPKI(pem, 'RS256') };
    return imported.key;
  };

  /** The JWT's claims, or 'bad-signature' when this key did not sign it. */
  const checkJwt = async (
    token: string,
    pem: string,
  ): Promise<Record<string, unknown> | 'bad-signature'> => {
    // Import failures are the key's fault, not the delivery's: they propagate (the route answers 5xx, Lago retries).
    const key = await keyFor(pem);
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: options.jwtIssuer,
        algorithms: ['RS256'],
      });
      return payload;
    } catch (e) {
      if (e instanceof joseErrors.JWSSignatureVerificationFailed) return 'bad-signature';
      if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'iss')
        throw new WebhookRejected(401, 'JWT issuer does not match');
      if (e instanceof joseErrors.JOSEError)
        throw new WebhookRejected(401, 'invalid JWT signature');
      throw e;
    }
  };

  const verifyJwt = async (token: string, rawBody: string): Promise<void> => {
    const pem = await options.publicKey();
    let claims = await checkJwt(token, pem);
    if (claims === 'bad-signature') {
      // Maybe the install rotated its key: one refresh, one more try with a different key.
      const fresh = await options.publicKey({ refresh: true });
      if (fresh !== pem) claims = await checkJwt(token, fresh);
    }
    if (claims === 'bad-signature') throw new WebhookRejected(401, 'JWT signature does not match');
    // The signature covers `data`, not the HTTP body: they must be the very same text.
    if (claims.data !== rawBody) throw new WebhookRejected(401, 'JWT data does not match the body');
  };

  return {
    provider: 'LAGO',
    async verify(rawBody: string, headers: Headers): Promise<VerifiedDelivery> {
      const algorithm = headers.get('x-lago-signature-algorithm');
      const signature = headers.get('x-lago-signature');
      if (!signature) throw new WebhookRejected(401, 'missing X-Lago-Signature');
      if (algorithm === 'hmac') {
        if (!hmacKey) throw new WebhookRejected(401, 'HMAC signatures are not configured');
        if (!hmacMatches(hmacKey, rawBody, signature))
          throw new WebhookRejected(401, 'HMAC signature does not match');
      } else if (algorithm === 'jwt') {
        await verifyJwt(signature, rawBody);
      } else {
        throw new WebhookRejected(401, 'missing or unknown X-Lago-Signature-Algorithm');
      }
      const deliveryId = headers.get('x-lago-unique-key');
      if (!deliveryId) throw new WebhookRejected(400, 'missing X-Lago-Unique-Key');
      return { deliveryId, ...parseLagoWebhook(rawBody) };
    },
  };
}

function hmacMatches(key: string, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(createHmac('sha256', key).update(rawBody, 'utf8').digest('base64'));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A verified body -> its event type, the wallets it names (NOTES §8 "Wallet-related webhook
 * types") and the transaction it announces.
 */
export function parseLagoWebhook(rawBody: string): {
  eventType: string;
  hints: BalanceHint[];
  transactions?: TransactionHint[];
} {
  const json = parseWebhookJson(rawBody);
  const eventType = validateWebhook(json, lagoWebhookEnvelope).webhook_type;
  if (WALLET_EVENTS.has(eventType)) {
    return {
      eventType,
      hints: [
        {
          kind: 'wallet',
          provider: 'LAGO',
          walletId: validateWebhook(json, lagoWalletWebhook).wallet.lago_id,
        },
      ],
    };
  }
  if (TRANSACTION_EVENTS.has(eventType)) {
    const walletId = validateWebhook(json, lagoWalletTransactionWebhook).wallet_transaction
      .lago_wallet_id;
    return {
      eventType,
      hints: [{ kind: 'wallet', provider: 'LAGO', walletId }],
      transactions: [
        {
          provider: 'LAGO',
          walletId,
          change: eventType === 'wallet_transaction.created' ? 'CREATED' : 'UPDATED',
          raw: (json as { wallet_transaction: unknown }).wallet_transaction,
        },
      ],
    };
  }
  // wallet_transaction.payment_failure (no balance moved) and every non-wallet event.
  return { eventType, hints: [] };
}
