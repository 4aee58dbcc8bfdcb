import { timingSafeEqual } from 'node:crypto';
import type { Webhook } from 'standardwebhooks';
import { WebhookRejected } from './webhook.js';

/**
 * Standard Webhooks / Svix signature checking, shared by Flexprice (Svix) and Polar. The HMAC is
 * the `standardwebhooks` library's own `sign`; this file only adds what the library does not
 * let us choose: header prefixes (`svix-*` and `webhook-*`), an injectable clock and tolerance,
 * and 401-versus-400 answers.
 */

export type HeaderPrefix = 'svix' | 'webhook';

export interface SignatureCheck {
  /**
   * `standardwebhooks` Webhooks built with the provider's key (each provider derives it
   * differently); a delivery signed with any of them is genuine.
   */
  readonly signers: readonly Webhook[];
  /** Header name families to accept, in order of preference. */
  readonly prefixes: readonly HeaderPrefix[];
  readonly toleranceSeconds: number;
  readonly now: () => Date;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Returns the message id (the dedupe key) of a delivery whose signature and timestamp hold. */
export function verifyStandardSignature(
  rawBody: string,
  headers: Headers,
  check: SignatureCheck,
): string {
  const found = check.prefixes
    .map((p) => ({
      id: headers.get(`${p}-id`),
      timestamp: headers.get(`${p}-timestamp`),
      signature: headers.get(`${p}-signature`),
    }))
    .find((h) => h.id && h.timestamp && h.signature);
  if (!found) throw new WebhookRejected(401, 'missing webhook signature headers');
  const { id, timestamp, signature } = found as {
    id: string;
    timestamp: string;
    signature: string;
  };

  // The signed content holds the header text itself, so only canonical integers can be re-signed.
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || String(seconds) !== timestamp)
    throw new WebhookRejected(400, 'malformed webhook timestamp');

  const expected = check.signers.map((signer) =>
    Buffer.from(signer.sign(id, new Date(seconds * 1000), rawBody).slice('v1,'.length)),
  );
  // Several space-separated `v1,<b64>` entries are allowed (key rotation); other versions are skipped.
  const matches = signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || value === undefined) return false;
    const given = Buffer.from(value);
    return expected.some((e) => given.length === e.length && timingSafeEqual(given, e));
  });
  if (!matches) throw new WebhookRejected(401, 'webhook signature does not match');

  // Checked after the signature: a 400 then means "genuine but too old or too new" (a replay),
  // while any forgery, whatever its timestamp, is a 401.
  const skew = Math.abs(check.now().getTime() / 1000 - seconds);
  if (skew > check.toleranceSeconds)
    throw new WebhookRejected(400, 'webhook timestamp is outside the tolerance window');
  return id;
}
