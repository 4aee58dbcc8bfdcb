import { z } from 'zod';
import { date, decimal, int32, integer, minorUnitsInteger, plainObjectEntries } from '../wire.js';

/**
 * Lago's wire format, as NOTES.md §3-§4 documents it (the serializer, not the spec): no
 * `balance` field, `metadata` absent when empty, `terminated_at` with milliseconds, decimals as
 * strings, money as integer cents. Older shapes read too (seed 001: a rule with `rule_type` and
 * no `method` or `status`).
 *
 * Only what a wallet needs to exist is validated as a whole (`lagoWalletCore`); every other
 * mapped field is read on its own by translate.ts with the part schemas below. Fields the gateway
 * never maps are never validated.
 */
export const lagoWalletCore = z.object({
  lago_id: z.string().min(1),
  lago_customer_id: z.string().min(1),
  external_customer_id: z.string(),
  currency: z.string(),
  balance_cents: minorUnitsInteger,
});
export type LagoWalletCore = z.infer<typeof lagoWalletCore>;

/** The parts, each validated on its own (translate.ts). */
export const lagoPart = {
  text: z.string().nullish(),
  cents: minorUnitsInteger.nullish(),
  decimal: decimal.nullish(),
  requiredDecimal: decimal,
  date: date.nullish(),
  flag: z.boolean().nullish(),
  // NOTES §3 says 1..50; any value that fits a GraphQL Int is read as sent.
  priority: int32.nullish(),
  /** Wallet metadata (NOTES §9.7): a map of string-or-null values, absent when empty. */
  metadata: plainObjectEntries.nullish(),
  metadataValue: z.string().nullable(),
} as const;
export const lagoPaginationMeta = z.object({
  current_page: integer,
  next_page: integer.nullish(),
  prev_page: integer.nullish(),
  total_pages: integer,
  total_count: integer,
});

/** Envelopes keep items as `unknown`: each item is validated on its own so one bad wallet costs only itself. */
export const lagoWalletEnvelope = z.object({ wallet: z.unknown() });
export const lagoWalletList = z.object({ wallets: z.array(z.unknown()), meta: lagoPaginationMeta });

/** `GET /customers/{id}/wallets/{code}/alerts`: each alert is read on its own (translate.ts). */
export const lagoWalletAlertList = z.object({
  alerts: z.array(z.unknown()),
  meta: lagoPaginationMeta.nullish(),
});

/** Lago's error body (NOTES §1 "Error bodies"): 401 has no `code`. */
export const lagoErrorBody = z.object({
  status: integer,
  error: z.string(),
  code: z.string().optional(),
  error_details: z.unknown().optional(),
});

/** `GET /webhooks/json_public_key` (NOTES §8): `Base64.encode64` of the PEM, newlines and all. */
export const lagoWebhookPublicKey = z.object({
  webhook: z.object({ public_key: z.string().min(1) }),
});

/**
 * Webhook bodies (NOTES §8): `{webhook_type, object_type, organization_id, <object_type>: {...}}`.
 * Only what a balance hint needs is checked; the rest of each object passes unread.
 */
export const lagoWebhookEnvelope = z.object({
  webhook_type: z.string().min(1),
  object_type: z.string().min(1),
  organization_id: z.string().nullish(),
});
export const lagoWalletWebhook = z.object({ wallet: z.object({ lago_id: z.string().min(1) }) });
export const lagoWalletTransactionWebhook = z.object({
  wallet_transaction: z.object({ lago_wallet_id: z.string().min(1) }),
});

/**
 * `WalletTransactionObject` (NOTES §5): what a transaction needs to exist. Its currency is its
 * wallet's (the object has none); every other mapped field is read on its own (transactions.ts).
 */
export const lagoTransactionCore = z.object({
  lago_id: z.string().min(1),
  lago_wallet_id: z.string().min(1),
  amount: decimal,
});
export type LagoTransactionCore = z.infer<typeof lagoTransactionCore>;

export const lagoTransactionPart = {
  text: z.string().nullish(),
  decimal: decimal.nullish(),
  date: date.nullish(),
  /** An array of `{key, value}` (NOTES §9.7), not a map like the wallet's. */
  metadata: z.array(z.unknown()).nullish(),
  metadataEntry: z.object({ key: z.string(), value: z.string().nullable() }),
} as const;

/** `GET /wallets/{lago_id}/wallet_transactions`: items read one by one. */
export const lagoTransactionList = z.object({
  wallet_transactions: z.array(z.unknown()),
  meta: lagoPaginationMeta,
});
export type LagoPaginationMeta = z.infer<typeof lagoPaginationMeta>;

/** `GET /wallet_transactions/{lago_id}`: wrapped in `wallet_transaction`, whatever the spec says (§9.2). */
export const lagoTransactionEnvelope = z.object({ wallet_transaction: z.unknown() });
