/**
 * Seeded Flexprice environment. Customers share external ids (= lookup keys) with the other
 * sandboxes so `customer(externalId)` joins across providers: `hooli_1234` and `acme_42` also
 * have Lago wallets; `flex_only_9` exists only here.
 *
 * What each wallet is for:
 * - hooli USD: conversion_rate 2, auto top-up with a cooldown, alert settings in `warning`
 *   (real-time credits 8.75 sit between critical 0 and warning 10), a breakdown, metadata,
 *   a real-time balance well under the stored one.
 * - hooli EUR: top-up rate differing from the rate, no alert settings, null metadata.
 * - hooli USD (closed): reachable by id, hidden from customer lists (NOTES §0.4).
 * - acme USD POST_PAID: real-time = stored balance (NOTES §4), info-only alert, alerts disabled.
 * - flex_only USD: real-time balance negative (NOTES §4: not clamped), `in_alarm`.
 * - flex_only JPY: the live computation fails and the cache answers (`is_cached_fallback: true`).
 */

export interface FlexpriceCustomerSeed {
  readonly id: string;
  readonly external_id: string;
  readonly name: string;
  readonly email: string;
  readonly created_at: string;
}

export interface FlexpriceAlertThresholdSeed {
  readonly threshold: string;
  readonly condition: 'above' | 'below';
}

export interface FlexpriceWalletSeed {
  readonly id: string;
  readonly customer_id: string;
  /** Lower-case, as stored (NOTES §1). */
  readonly currency: string;
  readonly credit_balance: string;
  readonly wallet_status: 'active' | 'frozen' | 'closed';
  readonly name: string;
  readonly description: string;
  readonly metadata: Record<string, string> | null;
  readonly auto_topup: {
    enabled: boolean;
    threshold: string;
    amount: string;
    invoicing: boolean;
    cooldown?: { value: number; unit: 'second' | 'minute' | 'hour' | 'day' };
  } | null;
  readonly wallet_type: 'PRE_PAID' | 'POST_PAID';
  readonly conversion_rate: string;
  readonly topup_conversion_rate: string;
  readonly alert_settings: {
    critical: FlexpriceAlertThresholdSeed | null;
    warning: FlexpriceAlertThresholdSeed | null;
    info: FlexpriceAlertThresholdSeed | null;
    alert_enabled: boolean;
  } | null;
  readonly alert_state: 'ok' | 'info' | 'warning' | 'in_alarm';
  readonly created_at: string;
  readonly updated_at: string;
  /** Credits available by origin (NOTES §3.1 `credits_available_breakdown`). */
  readonly purchased_credits: string;
  readonly free_credits: string;
  /** Usage charges of the current period not yet paid, in currency: what real-time subtracts (NOTES §4). */
  readonly pending_charges: string;
  /** The unpaid-usage part of `pending_charges`, reported as `unpaid_invoices_amount`. */
  readonly unpaid_invoices_amount: string;
  /** When set, the live computation "fails" and this cached real-time balance answers (NOTES §4). */
  readonly cached_real_time_balance: string | null;
}

export const FLEXPRICE_TENANT_ID = 'tenant_01JBRGBK1G0000000000000000';
export const FLEXPRICE_ENVIRONMENT_ID = 'env_01JBRGBK1G0000000000000000';
export const FLEXPRICE_USER_ID = 'user_01JBRGBK1G0000000000000000';

export const FLEXPRICE_CUSTOMERS: FlexpriceCustomerSeed[] = [
  {
    id: 'cust_01JBRGBK1G71HFE865V215DE1C',
    external_id: 'hooli_1234',
    name: 'Hooli',
    email: 'billing@hooli.example',
    created_at: '2024-11-03T08:15:42.123456Z',
  },
  {
    id: 'cust_01JCAH4M1GTEWH0AVNH9DN65R6',
    external_id: 'acme_42',
    name: 'Acme Corp',
    email: 'ap@acme.example',
    created_at: '2024-11-10T08:15:42.5Z',
  },
  {
    id: 'cust_01JCWHXN1GPPG2X7R5JQC42EJ5',
    external_id: 'flex_only_9',
    name: 'Flex Only Ltd',
    email: 'ops@flexonly.example',
    created_at: '2024-11-17T08:15:42Z',
  },
];

const [hooli, acme, flexOnly] = FLEXPRICE_CUSTOMERS.map((c) => c.id) as [string, string, string];

const wallet = (
  w: Partial<FlexpriceWalletSeed> &
    Pick<FlexpriceWalletSeed, 'id' | 'customer_id' | 'currency' | 'credit_balance' | 'created_at'>,
): FlexpriceWalletSeed => ({
  wallet_status: 'active',
  wallet_type: 'PRE_PAID',
  name: `${w.wallet_type === 'POST_PAID' ? 'Postpaid' : 'Prepaid'} Wallet - ${w.currency.toUpperCase()}`,
  description: '',
  metadata: null,
  auto_topup: null,
  conversion_rate: '1',
  topup_conversion_rate: w.conversion_rate ?? '1',
  alert_settings: null,
  alert_state: 'ok',
  updated_at: w.created_at,
  purchased_credits: '0',
  free_credits: w.credit_balance,
  pending_charges: '0',
  unpaid_invoices_amount: '0',
  cached_real_time_balance: null,
  ...w,
});

export const FLEXPRICE_WALLETS: FlexpriceWalletSeed[] = [
  wallet({
    id: 'wallet_01JDEJPP1GE6RHXQAQPDH4AFAX',
    customer_id: hooli,
    currency: 'usd',
    credit_balance: '20',
    conversion_rate: '2',
    topup_conversion_rate: '2',
    description: 'Main prepaid balance',
    metadata: { plan: 'pro', region: 'us' },
    auto_topup: {
      enabled: true,
      threshold: '5',
      amount: '50',
      invoicing: true,
      cooldown: { value: 1, unit: 'hour' },
    },
    alert_settings: {
      critical: { threshold: '0', condition: 'below' },
      warning: { threshold: '10', condition: 'below' },
      info: null,
      alert_enabled: true,
    },
    alert_state: 'warning',
    created_at: '2025-01-15T12:00:00.123456789Z',
    updated_at: '2026-11-20T17:45:12.654321Z',
    purchased_credits: '15',
    free_credits: '5',
    // 40 USD stored − 22.5 USD pending = 17.5 USD = 8.75 credits at rate 2.
    pending_charges: '22.5',
    unpaid_invoices_amount: '7.5',
  }),
  wallet({
    id: 'wallet_01JE0KFQ1GRHEM3E2MSH4DMDZS',
    customer_id: hooli,
    currency: 'eur',
    credit_balance: '250.75',
    topup_conversion_rate: '1.25',
    created_at: '2025-03-02T09:30:00.5Z',
    purchased_credits: '200',
    free_credits: '50.75',
    pending_charges: '0.25',
    unpaid_invoices_amount: '0',
  }),
  wallet({
    id: 'wallet_01JG8PKV1GF3F55Z488YAGVDCK',
    customer_id: hooli,
    currency: 'usd',
    credit_balance: '0',
    wallet_status: 'closed',
    created_at: '2024-11-03T08:20:00.000001Z',
    updated_at: '2024-12-31T23:59:59.999999Z',
    free_credits: '0',
  }),
  wallet({
    id: 'wallet_01JEJM8R1GX9G8FGVSQE8Z5379',
    customer_id: acme,
    currency: 'usd',
    wallet_type: 'POST_PAID',
    credit_balance: '1200',
    alert_settings: {
      critical: null,
      warning: null,
      info: { threshold: '1000', condition: 'above' },
      alert_enabled: false,
    },
    created_at: '2025-06-01T00:00:00Z',
    metadata: {},
    purchased_credits: '1200',
    free_credits: '0',
  }),
  wallet({
    id: 'wallet_01JF4N1S1GAV4RRXG07HN7JVAX',
    customer_id: flexOnly,
    currency: 'usd',
    credit_balance: '5',
    alert_settings: {
      critical: { threshold: '0', condition: 'below' },
      warning: null,
      info: null,
      alert_enabled: true,
    },
    alert_state: 'in_alarm',
    created_at: '2025-09-09T09:09:09.090909Z',
    // 5 − 6.25: the real-time balance is −1.25 (NOTES §5.4 sample).
    pending_charges: '6.25',
    unpaid_invoices_amount: '1.25',
  }),
  wallet({
    id: 'wallet_01JFPNTT1G0GB6KC9QA0MZ17QK',
    customer_id: flexOnly,
    currency: 'jpy',
    credit_balance: '1500',
    created_at: '2025-10-10T10:10:10.1Z',
    pending_charges: '300',
    cached_real_time_balance: '1200',
  }),
];

/** Names of seeded wallets, for tests. */
export const SEEDED = {
  hooliUsd: 'wallet_01JDEJPP1GE6RHXQAQPDH4AFAX',
  hooliEur: 'wallet_01JE0KFQ1GRHEM3E2MSH4DMDZS',
  hooliClosed: 'wallet_01JG8PKV1GF3F55Z488YAGVDCK',
  acmePostpaid: 'wallet_01JEJM8R1GX9G8FGVSQE8Z5379',
  flexOnlyNegative: 'wallet_01JF4N1S1GAV4RRXG07HN7JVAX',
  flexOnlyCached: 'wallet_01JFPNTT1G0GB6KC9QA0MZ17QK',
} as const;

export type FlexpriceTransactionReason =
  | 'INVOICE_PAYMENT'
  | 'FREE_CREDIT_GRANT'
  | 'SUBSCRIPTION_CREDIT_GRANT'
  | 'PURCHASED_CREDIT_INVOICED'
  | 'PURCHASED_CREDIT_DIRECT'
  | 'CREDIT_NOTE'
  | 'CREDIT_EXPIRED'
  | 'WALLET_TERMINATION'
  | 'MANUAL_BALANCE_DEBIT'
  | 'CREDIT_ADJUSTMENT'
  | 'INVOICE_VOID_REFUND'
  | 'PURCHASED_CREDIT_BONUS';

/** A wallet transaction as Flexprice stores it (`WalletTransaction`, NOTES §3.7). */
export interface FlexpriceTransactionSeed {
  readonly id: string;
  readonly wallet_id: string;
  readonly customer_id: string;
  readonly type: 'credit' | 'debit';
  /** Currency: credits × the top-up rate for credits, × the conversion rate for debits. */
  readonly amount: string;
  readonly credit_amount: string;
  readonly credit_balance_before: string;
  readonly credit_balance_after: string;
  readonly transaction_status: 'pending' | 'completed' | 'failed';
  readonly reference_type: 'EXTERNAL' | 'REQUEST' | 'INVOICE' | 'PAYMENT';
  readonly reference_id: string | null;
  readonly description: string;
  readonly metadata: Record<string, string> | null;
  readonly expiry_date: string | null;
  /** What is left of a credit to spend (0 for debits and pending credits). */
  readonly credits_available: string;
  readonly transaction_reason: FlexpriceTransactionReason;
  readonly priority: number | null;
  readonly currency: string;
  readonly conversion_rate: string | null;
  readonly topup_conversion_rate: string | null;
  readonly idempotency_key: string | null;
  readonly invoice_id: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

const tx = (
  t: Partial<FlexpriceTransactionSeed> &
    Pick<
      FlexpriceTransactionSeed,
      | 'id'
      | 'wallet_id'
      | 'customer_id'
      | 'type'
      | 'amount'
      | 'credit_amount'
      | 'credit_balance_before'
      | 'credit_balance_after'
      | 'transaction_reason'
      | 'currency'
      | 'created_at'
    >,
): FlexpriceTransactionSeed => ({
  transaction_status: 'completed',
  reference_type: 'REQUEST',
  reference_id: null,
  description: '',
  metadata: null,
  expiry_date: null,
  credits_available: t.type === 'credit' ? t.credit_amount : '0',
  priority: null,
  conversion_rate: t.type === 'debit' ? '1' : null,
  topup_conversion_rate: t.type === 'credit' ? '1' : null,
  idempotency_key: null,
  invoice_id: null,
  updated_at: t.created_at,
  ...t,
});

/**
 * Seeded histories consistent with the seeded wallets (each wallet's completed credits minus its
 * debits is its `credit_balance`), several pages each at `limit=2`: every reason kind the unified
 * model knows, a pending auto top-up (metadata `auto_topup: "true"`, NOTES §3.6), a failed
 * purchase, an expiring grant and its expiry, an invoice payment, a termination.
 */
export const FLEXPRICE_TRANSACTIONS: FlexpriceTransactionSeed[] = [
  // hooli USD, rate 2, 20 credits: 10 + 15 − 5 + 3 − 3 = 20; the 25-credit auto top-up is pending.
  tx({
    id: 'wtxn_01JDEJPP2G0000000000000001',
    wallet_id: SEEDED.hooliUsd,
    customer_id: hooli,
    type: 'credit',
    amount: '20',
    credit_amount: '10',
    credit_balance_before: '0',
    credit_balance_after: '10',
    credits_available: '5',
    transaction_reason: 'FREE_CREDIT_GRANT',
    description: 'Initial credits',
    currency: 'usd',
    topup_conversion_rate: '2',
    created_at: '2025-01-15T12:00:00.223456789Z',
  }),
  tx({
    id: 'wtxn_01JDEJPP2G0000000000000002',
    wallet_id: SEEDED.hooliUsd,
    customer_id: hooli,
    type: 'credit',
    amount: '30',
    credit_amount: '15',
    credit_balance_before: '10',
    credit_balance_after: '25',
    transaction_reason: 'PURCHASED_CREDIT_DIRECT',
    reference_type: 'EXTERNAL',
    reference_id: 'topup-2025-02',
    idempotency_key: 'topup-2025-02',
    metadata: { order: 'B-2002' },
    currency: 'usd',
    topup_conversion_rate: '2',
    created_at: '2025-02-01T10:00:00.5Z',
  }),
  tx({
    id: 'wtxn_01JDEJPP2G0000000000000003',
    wallet_id: SEEDED.hooliUsd,
    customer_id: hooli,
    type: 'debit',
    amount: '10',
    credit_amount: '5',
    credit_balance_before: '25',
    credit_balance_after: '20',
    transaction_reason: 'INVOICE_PAYMENT',
    reference_type: 'INVOICE',
    reference_id: 'inv_01JDEJPP2G0000000000000003',
    metadata: { consumed_credit_tx_ids: 'wtxn_01JDEJPP2G0000000000000001' },
    currency: 'usd',
    conversion_rate: '2',
    created_at: '2025-03-01T00:00:10.000001Z',
  }),
  tx({
    id: 'wtxn_01JDEJPP2G0000000000000004',
    wallet_id: SEEDED.hooliUsd,
    customer_id: hooli,
    type: 'credit',
    amount: '6',
    credit_amount: '3',
    credit_balance_before: '20',
    credit_balance_after: '23',
    credits_available: '0',
    transaction_reason: 'FREE_CREDIT_GRANT',
    description: 'Spring promotion',
    expiry_date: '2025-06-30T23:59:59Z',
    priority: 1,
    currency: 'usd',
    topup_conversion_rate: '2',
    created_at: '2025-04-01T09:00:00.123Z',
  }),
  tx({
    id: 'wtxn_01JDEJPP2G0000000000000005',
    wallet_id: SEEDED.hooliUsd,
    customer_id: hooli,
    type: 'debit',
    amount: '6',
    credit_amount: '3',
    credit_balance_before: '23',
    credit_balance_after: '20',
    transaction_reason: 'CREDIT_EXPIRED',
    currency: 'usd',
    conversion_rate: '2',
    created_at: '2025-07-01T00:00:00.000123Z',
  }),
  tx({
    id: 'wtxn_01JDEJPP2G0000000000000006',
    wallet_id: SEEDED.hooliUsd,
    customer_id: hooli,
    type: 'credit',
    amount: '50',
    credit_amount: '25',
    credit_balance_before: '20',
    credit_balance_after: '20',
    credits_available: '0',
    transaction_status: 'pending',
    transaction_reason: 'PURCHASED_CREDIT_INVOICED',
    metadata: { auto_topup: 'true' },
    invoice_id: 'inv_01JDEJPP2G0000000000000006',
    currency: 'usd',
    topup_conversion_rate: '2',
    created_at: '2026-11-20T17:45:12.654321Z',
  }),
  // hooli EUR, 250.75 credits: 50.75 + 200 (at the top-up rate 1.25: 250 EUR); one failed purchase.
  tx({
    id: 'wtxn_01JE0KFQ2G0000000000000001',
    wallet_id: SEEDED.hooliEur,
    customer_id: hooli,
    type: 'credit',
    amount: '50.75',
    credit_amount: '50.75',
    credit_balance_before: '0',
    credit_balance_after: '50.75',
    transaction_reason: 'SUBSCRIPTION_CREDIT_GRANT',
    currency: 'eur',
    created_at: '2025-03-02T09:30:01Z',
  }),
  tx({
    id: 'wtxn_01JE0KFQ2G0000000000000002',
    wallet_id: SEEDED.hooliEur,
    customer_id: hooli,
    type: 'credit',
    amount: '50',
    credit_amount: '40',
    credit_balance_before: '50.75',
    credit_balance_after: '50.75',
    credits_available: '0',
    transaction_status: 'failed',
    transaction_reason: 'PURCHASED_CREDIT_INVOICED',
    invoice_id: 'inv_01JE0KFQ2G0000000000000002',
    currency: 'eur',
    topup_conversion_rate: '1.25',
    created_at: '2025-05-05T05:05:05.5Z',
    updated_at: '2025-05-06T05:05:05.5Z',
  }),
  tx({
    id: 'wtxn_01JE0KFQ2G0000000000000003',
    wallet_id: SEEDED.hooliEur,
    customer_id: hooli,
    type: 'credit',
    amount: '250',
    credit_amount: '200',
    credit_balance_before: '50.75',
    credit_balance_after: '250.75',
    transaction_reason: 'PURCHASED_CREDIT_DIRECT',
    currency: 'eur',
    topup_conversion_rate: '1.25',
    created_at: '2025-08-08T08:08:08.08Z',
  }),
  // hooli's closed USD wallet: 10 granted, 4 paid an invoice, 6 left at termination.
  tx({
    id: 'wtxn_01JG8PKV2G0000000000000001',
    wallet_id: SEEDED.hooliClosed,
    customer_id: hooli,
    type: 'credit',
    amount: '10',
    credit_amount: '10',
    credit_balance_before: '0',
    credit_balance_after: '10',
    credits_available: '0',
    transaction_reason: 'FREE_CREDIT_GRANT',
    currency: 'usd',
    created_at: '2024-11-03T08:20:01Z',
  }),
  tx({
    id: 'wtxn_01JG8PKV2G0000000000000002',
    wallet_id: SEEDED.hooliClosed,
    customer_id: hooli,
    type: 'debit',
    amount: '4',
    credit_amount: '4',
    credit_balance_before: '10',
    credit_balance_after: '6',
    transaction_reason: 'INVOICE_PAYMENT',
    reference_type: 'INVOICE',
    reference_id: 'inv_01JG8PKV2G0000000000000002',
    currency: 'usd',
    created_at: '2024-12-01T00:00:00Z',
  }),
  tx({
    id: 'wtxn_01JG8PKV2G0000000000000003',
    wallet_id: SEEDED.hooliClosed,
    customer_id: hooli,
    type: 'debit',
    amount: '6',
    credit_amount: '6',
    credit_balance_before: '6',
    credit_balance_after: '0',
    transaction_reason: 'WALLET_TERMINATION',
    idempotency_key: SEEDED.hooliClosed,
    currency: 'usd',
    created_at: '2024-12-31T23:59:59.999999Z',
  }),
  // acme's POST_PAID wallet, flex_only's two wallets: one top-up each.
  tx({
    id: 'wtxn_01JEJM8R2G0000000000000001',
    wallet_id: SEEDED.acmePostpaid,
    customer_id: acme,
    type: 'credit',
    amount: '1200',
    credit_amount: '1200',
    credit_balance_before: '0',
    credit_balance_after: '1200',
    transaction_reason: 'PURCHASED_CREDIT_DIRECT',
    currency: 'usd',
    created_at: '2025-06-01T00:00:01Z',
  }),
  tx({
    id: 'wtxn_01JF4N1S2G0000000000000001',
    wallet_id: SEEDED.flexOnlyNegative,
    customer_id: flexOnly,
    type: 'credit',
    amount: '5',
    credit_amount: '5',
    credit_balance_before: '0',
    credit_balance_after: '5',
    transaction_reason: 'FREE_CREDIT_GRANT',
    currency: 'usd',
    created_at: '2025-09-09T09:09:10Z',
  }),
  tx({
    id: 'wtxn_01JFPNTT2G0000000000000001',
    wallet_id: SEEDED.flexOnlyCached,
    customer_id: flexOnly,
    type: 'credit',
    amount: '1500',
    credit_amount: '1500',
    credit_balance_before: '0',
    credit_balance_after: '1500',
    transaction_reason: 'FREE_CREDIT_GRANT',
    currency: 'jpy',
    created_at: '2025-10-10T10:10:11Z',
  }),
];
