import { z } from 'zod';
import { decimalString, int32, integer, stringMapEntries, timestamp } from '../wire.js';

/**
 * Flexprice's wire format as NOTES.md §1/§3 documents it (the Go DTOs, not the spec): every
 * money or credit value is a JSON string (shopspring decimal, trailing zeros trimmed), including
 * `auto_topup.threshold`/`amount` which the spec types as number (NOTES §3.6, §8.3); currency is
 * lower-case; timestamps are RFC 3339 with up to nine fraction digits. Unknown fields pass.
 */

/** `AlertThreshold` (NOTES §3.6): a threshold in credits. */
export const flexpriceAlertThreshold = z.object({
  threshold: decimalString,
  condition: z.enum(['above', 'below']),
});

/** `AlertSettings` (NOTES §3.6): absent levels come as null or are left out. */
export const flexpriceAlertSettings = z.object({
  critical: flexpriceAlertThreshold.nullish(),
  warning: flexpriceAlertThreshold.nullish(),
  info: flexpriceAlertThreshold.nullish(),
  alert_enabled: z.boolean().nullish(),
});
export type FlexpriceAlertSettings = z.infer<typeof flexpriceAlertSettings>;

/** `alert_state` (NOTES §3.1, §6): the persisted state of the ongoing-balance alert stream. */
export const flexpriceAlertState = z.enum(['ok', 'info', 'warning', 'in_alarm']);

/** `AutoTopup` (NOTES §3.6): threshold and amount are credits, sent as strings. */
export const flexpriceAutoTopup = z.object({
  enabled: z.boolean().nullish(),
  threshold: decimalString,
  amount: decimalString,
  invoicing: z.boolean().nullish(),
  // The value reaches a GraphQL Int.
  cooldown: z.object({ value: int32, unit: z.enum(['second', 'minute', 'hour', 'day']) }).nullish(),
});
export type FlexpriceAutoTopup = z.infer<typeof flexpriceAutoTopup>;

/** `credits_available_breakdown` (NOTES §3.1), only with `expand=credits_available_breakdown`. */
export const flexpriceCreditsBreakdown = z.object({
  purchased: decimalString,
  free: decimalString,
});

/** `WalletResponse` (NOTES §3.1), in the order Flexprice emits it. */
export const flexpriceWallet = z.object({
  id: z.string().min(1),
  customer_id: z.string().min(1),
  currency: z.string(),
  balance: decimalString,
  credit_balance: decimalString,
  wallet_status: z.enum(['active', 'frozen', 'closed']),
  name: z.string().nullish(),
  description: z.string().nullish(),
  metadata: stringMapEntries.nullish(),
  auto_topup: flexpriceAutoTopup.nullish(),
  // Only these two exist; there is no PROMOTIONAL (NOTES §3.1).
  wallet_type: z.enum(['PRE_PAID', 'POST_PAID']),
  config: z.object({ allowed_price_types: z.array(z.string()).nullish() }).nullish(),
  conversion_rate: decimalString,
  topup_conversion_rate: decimalString.nullish(),
  environment_id: z.string().nullish(),
  alert_settings: flexpriceAlertSettings.nullish(),
  alert_state: flexpriceAlertState.nullish(),
  tenant_id: z.string().nullish(),
  status: z.string().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  created_by: z.string().nullish(),
  updated_by: z.string().nullish(),
  credits_available_breakdown: flexpriceCreditsBreakdown.nullish(),
  real_time_balance: decimalString.nullish(),
  real_time_credit_balance: decimalString.nullish(),
});
export type FlexpriceWallet = z.infer<typeof flexpriceWallet>;

/**
 * `WalletBalanceResponse` (NOTES §3.2): the wallet plus the real-time figures. Only
 * `is_cached_fallback` is always emitted; the rest are omitempty.
 */
export const flexpriceWalletBalance = flexpriceWallet.extend({
  balance_updated_at: timestamp.nullish(),
  current_period_usage: decimalString.nullish(),
  unpaid_invoices_amount: decimalString.nullish(),
  is_cached_fallback: z.boolean(),
});
export type FlexpriceWalletBalance = z.infer<typeof flexpriceWalletBalance>;

/**
 * `{items, pagination}` (NOTES §1). Items stay `unknown`: each is validated on its own so one bad
 * wallet costs only itself.
 */
export const flexpricePagination = z.object({ total: integer, limit: integer, offset: integer });
export const flexpriceWalletList = z.object({
  items: z.array(z.unknown()),
  pagination: flexpricePagination.nullish(),
});

/** `GET /customers/wallets` answers a bare array of `WalletBalanceResponse` (NOTES §2, §8.2). */
export const flexpriceCustomerWallets = z.array(z.unknown());

/** `CustomerResponse`, only the fields the gateway reads (spec `CustomerResponse`; NOTES does not cover customers). */
export const flexpriceCustomer = z.object({
  id: z.string().min(1),
  external_id: z.string().nullish(),
});
export type FlexpriceCustomer = z.infer<typeof flexpriceCustomer>;
export const flexpriceCustomerList = z.object({
  items: z.array(z.unknown()),
  pagination: flexpricePagination.nullish(),
});

/** The standard error body (NOTES §1): `details` is real though the spec leaves it out. */
export const flexpriceErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  http_status_code: integer,
  details: z.record(z.string(), z.unknown()).nullish(),
});

/**
 * The auth middleware's own bodies (NOTES §1), which are not the standard shape:
 * `{"error":"Unauthorized"}`, `{"error":"Invalid token"}`, `{"error":"Access denied","message":…}`,
 * and the RBAC `{"message":"insufficient permissions"}`.
 */
export const flexpriceAuthErrorBody = z.object({
  error: z.string().optional(),
  message: z.string().optional(),
});

/**
 * Webhook bodies (NOTES §5.3): a bare `{event_type, ...}` with no id or timestamp of its own.
 * Both generations are read: ≥ v2.1.24 minimal structs, ≤ v2.1.23 the full WalletResponse /
 * WalletTransactionResponse plus `customer`. Only the wallet id is read; the rest passes unread.
 */
const webhookId = z.string().min(1);
export const flexpriceWebhookEnvelope = z.object({ event_type: z.string().min(1) });
export const flexpriceWalletWebhook = z.object({ wallet: z.object({ id: webhookId }) });
/** `transaction` (created) or `updated_transaction` (updated); old payloads also carry `wallet`. */
export const flexpriceTransactionWebhook = z.object({
  transaction: z.object({ wallet_id: webhookId.nullish() }).nullish(),
  updated_transaction: z.object({ wallet_id: webhookId.nullish() }).nullish(),
  wallet: z.object({ id: webhookId.nullish() }).nullish(),
});
/** `AlertWebhookPayload` (feature alert): every field but event_type may be missing. */
export const flexpriceFeatureAlertWebhook = z.object({ wallet_id: z.string().nullish() });
