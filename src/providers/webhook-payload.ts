import type { z } from 'zod';
import { type BalanceHint, WebhookRejected } from './webhook.js';

/**
 * Parsing of bodies whose signature has already been verified. A genuine delivery that is not
 * the shape we know is a 400: the provider retries it, and nothing is published from a guess.
 */

export function parseWebhookJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    throw new WebhookRejected(400, 'the webhook body is not JSON');
  }
}

/** Validates loosely (unknown fields pass, zod objects are not strict). */
export function validateWebhook<S extends z.ZodType>(json: unknown, schema: S): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  // Only the path of the first problem: never the payload's values.
  const path = result.error.issues[0]?.path.join('.') || '(root)';
  throw new WebhookRejected(400, `the webhook body is malformed at ${path}`);
}

/** One hint per wallet or customer: old payloads name the same wallet twice. */
export function uniqueHints(hints: readonly BalanceHint[]): BalanceHint[] {
  const seen = new Set<string>();
  return hints.filter((h) => {
    const key = `${h.kind}:${h.provider}:${h.kind === 'wallet' ? h.walletId : h.externalId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
