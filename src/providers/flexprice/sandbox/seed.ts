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
