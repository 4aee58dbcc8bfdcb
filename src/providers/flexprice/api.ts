import { z } from 'zod';
import { date, decimal, int32, integer, plainObjectEntries } from '../wire.js';

/**
 * Flexprice's wire format as NOTES.md §1/§3 documents it (the Go DTOs, not the spec): every
 * money or credit value is a JSON string (shopspring decimal, trailing zeros trimmed), including
 * `auto_topup.threshold`/`amount` which the spec types as number (NOTES §3.6, §8.3); currency is
 * lower-case; timestamps are RFC 3339 with up to nine fraction digits. Unknown fields pass.
 */

/**
 * What a wallet needs to exist (`WalletResponse`/`WalletBalanceResponse`, NOTES §3.1-§3.2):
 * identity, customer, currency and the stored balance. Every other mapped field is read on its
 * own by translate.ts; fields the gateway never maps (`description`, `config`, `environment_id`,
 * `tenant_id`, `status`, `created_by`, `updated_by`) are never validated. Seed 003 (the
 * documented customer-wallets answer) and the current server differ: `PROMOTIONAL`, numeric
 * `auto_topup` amounts and `alert_config` + `alert_enabled` in place of `alert_settings`; both read.
 */
export const flexpriceWalletCore = z.object({
  id: z.string().min(1),
  customer_id: z.string().min(1),
  currency: z.string(),
  balance: decimal,
});
export type FlexpriceWalletCore = z.infer<typeof flexpriceWalletCore>;

/** A wallet's identity alone: enough to route an item (by id, by customer) before reading it. */
export const flexpriceWalletIdentity = flexpriceWalletCore.pick({ id: true, customer_id: true });

/** The parts, each validated on its own (translate.ts). */
export const flexpricePart = {
  text: z.string().nullish(),
  decimal: decimal.nullish(),
  requiredDecimal: decimal,
  date: date.nullish(),
  flag: z.boolean().nullish(),
  /** `AutoTopup.cooldown` (NOTES §3.6): the value reaches a GraphQL Int. */
  cooldown: z.object({ value: int32, unit: z.unknown() }).nullish(),
  /** `types.Metadata`: a map of strings, or null (NOTES §3.1). */
  metadata: plainObjectEntries.nullish(),
  metadataValue: z.string(),
} as const;

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

/**
 * `WalletTransactionResponse` (NOTES §3.7), and the minimal webhook `WalletTransaction` (§5.3):
 * what a transaction needs to exist. Every other mapped field is read on its own
 * (translate-transactions.ts); fields never mapped are never validated.
 */
export const flexpriceTransactionCore = z.object({
  id: z.string().min(1),
  wallet_id: z.string().min(1),
  amount: decimal,
  currency: z.string(),
});
export type FlexpriceTransactionCore = z.infer<typeof flexpriceTransactionCore>;

export const flexpriceTransactionPart = {
  text: z.string().nullish(),
  decimal: decimal.nullish(),
  date: date.nullish(),
  metadata: plainObjectEntries.nullish(),
  metadataValue: z.string(),
} as const;

/** `ListWalletTransactionsResponse`: items read one by one; `pagination.offset` is the next offset (§1). */
export const flexpriceTransactionList = z.object({
  items: z.array(z.unknown()),
  pagination: flexpricePagination.nullish(),
});

/** `types.FilterCondition` of a search body (§3.7): a column, an operator, a typed value. */
export interface FlexpriceFilterCondition {
  readonly field: string;
  readonly operator: 'eq' | 'in';
  readonly data_type: 'string' | 'array';
  readonly value: { readonly string?: string; readonly array?: readonly string[] };
}
