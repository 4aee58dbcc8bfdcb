import { z } from 'zod';
import { date, integer, minorUnitsInteger, timestamp } from '../wire.js';

/**
 * Polar's wire format, as NOTES.md documents it. The private org-level `Wallet` and the public
 * portal `CustomerWallet` have identical fields (§2.4), so one schema serves both. Unknown extra
 * fields pass (zod strips them from the parsed copy; `raw` keeps them).
 */

/**
 * What a `Wallet` / `CustomerWallet` needs to exist (§2.4): integer cents that may be negative
 * (§3), a lower-case currency. `created_at` and `modified_at` are read on their own (translate.ts).
 */
export const polarWalletCore = z.object({
  id: z.string().min(1),
  customer_id: z.string().min(1),
  balance: minorUnitsInteger,
  currency: z.string(),
});
export type PolarWalletCore = z.infer<typeof polarWalletCore>;

export const polarPart = { date: date.nullish() } as const;

/** `Pagination` (§2.4): `max_page = ceil(total_count / limit)`; both 0 on a page past the end (§0.8). */
export const polarPagination = z.object({ total_count: integer, max_page: integer });

/** Polar ids are uuid4 (NOTES §8). */
export const POLAR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One wallet answer (`GET .../wallets/{id}`), validated afterwards by translateItem like list items. */
export const polarWalletUnchecked = z.unknown();

/**
 * `ListResource[...]`: items stay `unknown` so each wallet is validated on its own (one bad wallet
 * costs only itself).
 */
export const polarList = z.object({ items: z.array(z.unknown()), pagination: polarPagination });
export type PolarList = z.infer<typeof polarList>;

/**
 * `Customer` (spec `CustomerIndividual | CustomerTeam`): only what the adapter reads, so a new
 * customer `type` or field upstream cannot break wallet reads. `external_id` is optional and
 * nullable in the spec; once set it is immutable (§8).
 */
export const polarCustomer = z.object({
  id: z.string().min(1),
  external_id: z.string().nullish(),
});
export type PolarCustomer = z.infer<typeof polarCustomer>;

/** `ListResource[Customer]`: items stay `unknown` and are read one by one, so one odd customer costs only itself. */
export const polarCustomerList = z.object({
  items: z.array(z.unknown()),
  pagination: polarPagination,
});

/** `CustomerSession` (§2.3): `token` authenticates `/v1/customer-portal/*` until `expires_at`. */
export const polarCustomerSession = z.object({
  id: z.string(),
  token: z.string().min(1),
  expires_at: timestamp,
  customer_id: z.string().min(1),
  customer: polarCustomer.optional(),
});
export type PolarCustomerSession = z.infer<typeof polarCustomerSession>;

/** `PolarError` subclasses (§6): `{"error": "<ClassName>", "detail": "<message>"}`; 422 has a `detail` array. */
export const polarErrorBody = z.object({ error: z.string(), detail: z.unknown() });

/**
 * FastAPI's own bodies (§6): unknown route or `Polar-Version` is `{"detail":"Not Found"}`; spec
 * 422 is `{"detail":[...]}`.
 */
export const polarDetailBody = z.object({
  detail: z.union([z.string(), z.array(z.object({ type: z.string() }).loose())]),
});

/**
 * Webhook bodies (NOTES §5): `{type, timestamp, data, api_version?}`. Polar sends no wallet
 * event; only the fields that turn an order, refund or customer state into a hint are read.
 */
export const polarWebhookEnvelope = z.object({
  type: z.string().min(1),
  timestamp: z.string().nullish(),
  data: z.record(z.string(), z.unknown()),
  api_version: z.string().nullish(),
});
const polarWebhookCustomer = z.object({ external_id: z.string().nullish() });
/** `Order` (spec): `applied_balance_amount` in cents, `product` null for a wallet top-up. */
export const polarOrderWebhook = z.object({
  data: z.object({
    applied_balance_amount: z.number().int().nullish(),
    billing_reason: z.string().nullish(),
    product: z.unknown(),
    customer: polarWebhookCustomer.nullish(),
  }),
});
/** `Refund` (spec) has only `customer_id`; a `customer` object is read if a version adds one. */
export const polarRefundWebhook = z.object({
  data: z.object({ customer: polarWebhookCustomer.nullish() }),
});
/** `CustomerState` (spec): the customer itself, with its `external_id`. */
export const polarCustomerStateWebhook = z.object({ data: polarWebhookCustomer });
