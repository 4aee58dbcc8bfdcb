import { createHmac, generateKeyPair, type KeyObject, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import type { OutgoingWebhook } from '../../../sandbox/webhooks.js';
import { serializeTransaction } from './serialize.js';
import type { LagoChange, LagoWalletState } from './store.js';

/**
 * What the Lago sandbox sends when a transaction is created or settles (NOTES §8):
 * `wallet_transaction.created` / `.updated` (the transaction with its wallet nested) and, when the
 * balance moved, `wallet.updated`; each its own delivery with its own `X-Lago-Unique-Key`, signed
 * by HMAC or by an RS256 JWT as the endpoint chooses.
 */

/** The organisation's `hmac_key` (a UUID since v1.16, NOTES §8): a sandbox value, not a secret. */
export const LAGO_SANDBOX_HMAC_KEY = '3c1f0e52-7a9b-4d6e-8f21-5b0c9d7e4a13';

export interface LagoWebhookTarget {
  readonly url: string;
  /** Each Lago webhook endpoint has one algorithm; `jwt` is Lago's default. */
  readonly algorithm: 'hmac' | 'jwt';
  /** Defaults to LAGO_SANDBOX_HMAC_KEY. */
  readonly hmacKey?: string;
}

const generateRsa = promisify(generateKeyPair);

/**
 * The install's RSA key pair (`LAGO_RSA_PRIVATE_KEY`), made on first use so sandboxes that never
 * sign a JWT do not pay for a 2048-bit key generation.
 */
export class LagoRsaKeys {
  private pair: Promise<{ privateKey: KeyObject; publicPem: string }> | undefined;

  private get(): Promise<{ privateKey: KeyObject; publicPem: string }> {
    this.pair ??= generateRsa('rsa', { modulusLength: 2048 }).then(({ privateKey, publicKey }) => ({
      privateKey,
      publicPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    }));
    return this.pair;
  }

  async publicKeyPem(): Promise<string> {
    return (await this.get()).publicPem;
  }

  /** `JWT.encode({ data: payload.to_json, iss: ENV["LAGO_API_URL"] }, RsaPrivateKey, "RS256")`: no exp. */
  async signJwt(data: string, issuer: string): Promise<string> {
    const { privateKey } = await this.get();
    return new SignJWT({ data })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(issuer)
      .sign(privateKey);
  }
}

/** Ruby's `Base64.encode64`: MIME base64, a newline after every 60 characters and at the end. */
export function rubyEncode64(text: string): string {
  return Buffer.from(text, 'utf8')
    .toString('base64')
    .replace(/.{1,60}/g, '$&\n');
}

export interface LagoWebhookContext {
  readonly organizationId: string;
  /** WalletSerializer output for a wallet (REST shape, trimmed here for webhooks). */
  readonly serializeWallet: (w: LagoWalletState) => Record<string, unknown>;
}

/**
 * The bodies a transaction change produces, in Lago's envelope: `wallet_transaction.created` or
 * `.updated`, then `wallet.updated` when the balance moved.
 */
export function lagoChangeBodies(
  change: LagoChange,
  context: LagoWebhookContext,
): { eventType: string; body: string }[] {
  // `applies_to` and `applied_invoice_custom_sections` are REST-only (NOTES §3).
  const {
    applies_to: _a,
    applied_invoice_custom_sections: _c,
    ...wallet
  } = context.serializeWallet(change.wallet);
  // Nested in a transaction, the wallet also comes without its rules (NOTES §5, §9.11).
  const { recurring_transaction_rules: _r, ...bareWallet } = wallet;
  const { payment_method, ...transaction } = serializeTransaction(
    change.transaction,
    change.wallet,
  );
  const envelope = (webhookType: string, objectType: string, object: unknown) => ({
    eventType: webhookType,
    body: JSON.stringify({
      webhook_type: webhookType,
      object_type: objectType,
      organization_id: context.organizationId,
      [objectType]: object,
    }),
  });
  return [
    envelope(`wallet_transaction.${change.event}`, 'wallet_transaction', {
      ...transaction,
      wallet: bareWallet,
      payment_method,
    }),
    ...(change.balanceMoved ? [envelope('wallet.updated', 'wallet', wallet)] : []),
  ];
}

/**
 * One delivery. Lago resends the same webhook record on retry: same unique key, same body, same
 * signature, so the headers are computed once.
 */
export function lagoOutgoing(
  eventType: string,
  body: string,
  target: LagoWebhookTarget,
  keys: LagoRsaKeys,
  issuer: string,
): OutgoingWebhook {
  const id = randomUUID();
  let headers: Promise<Record<string, string>> | undefined;
  const sign = async (): Promise<string> =>
    target.algorithm === 'hmac'
      ? createHmac('sha256', target.hmacKey ?? LAGO_SANDBOX_HMAC_KEY)
          .update(body, 'utf8')
          .digest('base64')
      : keys.signJwt(body, issuer);
  return {
    id,
    eventType,
    body,
    headers: () =>
      (headers ??= sign().then((signature) => ({
        'x-lago-signature': signature,
        'x-lago-signature-algorithm': target.algorithm,
        'x-lago-unique-key': id,
      }))),
  };
}
