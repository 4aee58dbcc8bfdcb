import { z } from 'zod';
import {
  decimalString,
  integer,
  minorUnitsInteger,
  nullableStringMapEntries,
  timestamp,
} from '../wire.js';

/**
 * Lago's wire format, as NOTES.md §3-§4 documents it (the serializer, not the spec):
 * no `balance` field, `metadata` absent when empty, `terminated_at` with milliseconds,
 * decimals as strings, money as integer cents.
 */

export const lagoRecurringRule = z.object({
  lago_id: z.string().min(1),
  trigger: z.enum(['interval', 'threshold']),
  method: z.enum(['fixed', 'target']),
  // The column defaults to "weekly", so threshold rules carry one too (NOTES §4).
  interval: z.enum(['weekly', 'monthly', 'quarterly', 'semiannual', 'yearly']).nullish(),
  status: z.enum(['active', 'terminated']),
  threshold_credits: decimalString.nullish(),
  paid_credits: decimalString.nullish(),
  granted_credits: decimalString.nullish(),
  grants_target_top_up: z.boolean().nullish(),
  target_ongoing_balance: decimalString.nullish(),
  started_at: timestamp.nullish(),
  expiration_at: timestamp.nullish(),
  created_at: timestamp,
  invoice_requires_successful_payment: z.boolean().nullish(),
  transaction_metadata: z
    .array(z.object({ key: z.string(), value: z.string().nullable() }))
    .nullish(),
  transaction_name: z.string().nullish(),
});
export type LagoRecurringRule = z.infer<typeof lagoRecurringRule>;

export const lagoWallet = z.object({
  lago_id: z.string().min(1),
  lago_customer_id: z.string().min(1),
  external_customer_id: z.string(),
  billing_entity_code: z.string().nullish(),
  status: z.enum(['active', 'terminated']),
  currency: z.string(),
  name: z.string().nullish(),
  code: z.string().nullish(),
  purchase_order_number: z.string().nullish(),
  rate_amount: decimalString,
  credits_balance: decimalString,
  credits_ongoing_balance: decimalString,
  credits_ongoing_usage_balance: decimalString,
  balance_cents: minorUnitsInteger,
  ongoing_balance_cents: minorUnitsInteger,
  ongoing_usage_balance_cents: minorUnitsInteger,
  consumed_credits: decimalString,
  created_at: timestamp,
  expiration_at: timestamp.nullish(),
  last_balance_sync_at: timestamp.nullish(),
  last_consumed_credit_at: timestamp.nullish(),
  terminated_at: timestamp.nullish(),
  invoice_requires_successful_payment: z.boolean().nullish(),
  paid_top_up_min_amount_cents: integer.nullish(),
  paid_top_up_max_amount_cents: integer.nullish(),
  // 1..50 (NOTES §3); it reaches a GraphQL Int.
  priority: integer.min(1).max(50).nullish(),
  recurring_transaction_rules: z.array(lagoRecurringRule).nullish(),
  metadata: nullableStringMapEntries.nullish(),
});
export type LagoWallet = z.infer<typeof lagoWallet>;

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

export const lagoAlertThreshold = z.object({
  code: z.string().nullish(),
  value: decimalString,
  recurring: z.boolean().nullish(),
});

export const lagoWalletAlert = z.object({
  lago_id: z.string(),
  lago_wallet_id: z.string().nullish(),
  wallet_code: z.string().nullish(),
  alert_type: z.enum([
    'wallet_balance_amount',
    'wallet_credits_balance',
    'wallet_ongoing_balance_amount',
    'wallet_credits_ongoing_balance',
  ]),
  code: z.string(),
  name: z.string().nullish(),
  direction: z.enum(['increasing', 'decreasing']).nullish(),
  previous_value: z.union([z.number(), z.string()]).nullish(),
  last_processed_at: timestamp.nullish(),
  thresholds: z.array(lagoAlertThreshold),
  created_at: timestamp,
});
export type LagoWalletAlert = z.infer<typeof lagoWalletAlert>;

export const lagoWalletAlertList = z.object({
  alerts: z.array(lagoWalletAlert),
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
