/**
 * Seeded Lago organisation. Customers share external ids with the other sandboxes so that
 * `customer(externalId)` joins across providers. Every mapped Lago field appears at least once:
 * USD and JPY (zero-decimal) wallets, a terminated wallet (terminated_at with milliseconds),
 * a threshold rule with method target, an interval rule, metadata (with a null value),
 * a wallet without metadata (key absent) and wallet alerts.
 */

export interface LagoRuleSeed {
  readonly lago_id: string;
  readonly trigger: 'interval' | 'threshold';
  readonly method: 'fixed' | 'target';
  readonly interval: 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'yearly';
  readonly status: 'active' | 'terminated';
  readonly threshold_credits: string;
  readonly paid_credits: string;
  readonly granted_credits: string;
  readonly target_ongoing_balance: string | null;
  readonly started_at: string | null;
  readonly expiration_at: string | null;
  readonly created_at: string;
  readonly invoice_requires_successful_payment: boolean;
  readonly transaction_metadata: { key: string; value: string }[];
  readonly transaction_name: string | null;
}

export interface LagoWalletSeed {
  readonly lago_id: string;
  readonly external_customer_id: string;
  readonly status: 'active' | 'terminated';
  readonly currency: string;
  readonly name: string | null;
  readonly code: string;
  readonly rate_amount: string;
  readonly credits_balance: string;
  readonly credits_ongoing_usage_balance: string;
  readonly consumed_credits: string;
  readonly priority: number;
  readonly created_at: string;
  readonly expiration_at: string | null;
  readonly last_consumed_credit_at: string | null;
  readonly terminated_at: string | null;
  readonly paid_top_up_min_amount_cents: number | null;
  readonly paid_top_up_max_amount_cents: number | null;
  readonly purchase_order_number: string | null;
  readonly metadata: Record<string, string | null>;
  readonly recurring_transaction_rules: LagoRuleSeed[];
}

export interface LagoAlertSeed {
  readonly lago_id: string;
  readonly lago_wallet_id: string;
  readonly alert_type:
    | 'wallet_balance_amount'
    | 'wallet_credits_balance'
    | 'wallet_ongoing_balance_amount'
    | 'wallet_credits_ongoing_balance';
  readonly code: string;
  readonly name: string | null;
  readonly direction: 'increasing' | 'decreasing';
  readonly thresholds: { code: string | null; value: string; recurring: boolean }[];
  readonly created_at: string;
}

export const LAGO_CUSTOMERS = [
  {
    lago_id: '5b1d6a3e-0c1f-4d7e-9a51-1f0e7a2c9b01',
    external_id: 'hooli_1234',
    name: 'Hooli',
    currency: 'USD',
  },
  {
    lago_id: '5b1d6a3e-0c1f-4d7e-9a51-1f0e7a2c9b02',
    external_id: 'acme_42',
    name: 'Acme Corp',
    currency: 'EUR',
  },
  {
    lago_id: '5b1d6a3e-0c1f-4d7e-9a51-1f0e7a2c9b03',
    external_id: 'globex_7',
    name: 'Globex',
    currency: 'JPY',
  },
] as const;

const rule = (
  r: Partial<LagoRuleSeed> & Pick<LagoRuleSeed, 'lago_id' | 'trigger' | 'method'>,
): LagoRuleSeed => ({
  interval: 'weekly', // Lago's column default: threshold rules carry it too (NOTES §4)
  status: 'active',
  threshold_credits: '0.0', // column default: interval rules show "0.0"
  paid_credits: '0.0',
  granted_credits: '0.0',
  target_ongoing_balance: null,
  started_at: null,
  expiration_at: null,
  created_at: '2025-03-01T09:00:00Z',
  invoice_requires_successful_payment: false,
  transaction_metadata: [],
  transaction_name: null,
  ...r,
});

export const LAGO_WALLETS: LagoWalletSeed[] = [
  {
    lago_id: '1a901a90-1a90-4a90-8a90-000000000001',
    external_customer_id: 'hooli_1234',
    status: 'active',
    currency: 'USD',
    name: 'Prepaid',
    code: 'prepaid',
    rate_amount: '1.5',
    credits_balance: '28.0',
    credits_ongoing_usage_balance: '2.0',
    consumed_credits: '2.0',
    priority: 10,
    created_at: '2025-03-01T09:00:00Z',
    expiration_at: '2027-12-31T23:59:59Z',
    last_consumed_credit_at: '2026-11-20T17:45:12Z',
    terminated_at: null,
    paid_top_up_min_amount_cents: 100,
    paid_top_up_max_amount_cents: 100000,
    purchase_order_number: 'PO-123',
    metadata: { external_id: 'ext-123', source: null },
    recurring_transaction_rules: [
      rule({
        lago_id: '2b902b90-2b90-4b90-8b90-000000000001',
        trigger: 'threshold',
        method: 'target',
        threshold_credits: '20.0',
        target_ongoing_balance: '200.0',
        paid_credits: '0.0',
        granted_credits: '0.0',
        invoice_requires_successful_payment: true,
        transaction_name: 'Auto top-up',
        transaction_metadata: [{ key: 'origin', value: 'threshold' }],
      }),
    ],
  },
  {
    lago_id: '1a901a90-1a90-4a90-8a90-000000000002',
    external_customer_id: 'hooli_1234',
    status: 'active',
    currency: 'JPY',
    name: 'Tokyo usage',
    code: 'tokyo',
    rate_amount: '100',
    credits_balance: '1500.5',
    credits_ongoing_usage_balance: '0.5',
    consumed_credits: '99.5',
    priority: 50,
    created_at: '2025-06-15T12:30:00Z',
    expiration_at: null,
    last_consumed_credit_at: '2026-11-19T08:00:00Z',
    terminated_at: null,
    paid_top_up_min_amount_cents: null,
    paid_top_up_max_amount_cents: null,
    purchase_order_number: null,
    metadata: { region: 'apac' },
    recurring_transaction_rules: [
      rule({
        lago_id: '2b902b90-2b90-4b90-8b90-000000000002',
        trigger: 'interval',
        method: 'fixed',
        interval: 'monthly',
        paid_credits: '100.0',
        granted_credits: '10.0',
        started_at: '2025-07-01T00:00:00Z',
        expiration_at: '2027-06-30T23:59:59Z',
        created_at: '2025-06-15T12:30:00Z',
      }),
    ],
  },
  {
    lago_id: '1a901a90-1a90-4a90-8a90-000000000003',
    external_customer_id: 'hooli_1234',
    status: 'terminated',
    currency: 'USD',
    name: 'Legacy credits',
    code: 'legacy',
    rate_amount: '1.0',
    credits_balance: '0.0',
    credits_ongoing_usage_balance: '0.0',
    consumed_credits: '50.0',
    priority: 50,
    created_at: '2024-01-10T10:00:00Z',
    expiration_at: null,
    last_consumed_credit_at: '2024-12-01T10:00:00Z',
    terminated_at: '2025-01-05T16:35:31.123Z',
    paid_top_up_min_amount_cents: null,
    paid_top_up_max_amount_cents: null,
    purchase_order_number: null,
    metadata: {},
    recurring_transaction_rules: [],
  },
  {
    lago_id: '1a901a90-1a90-4a90-8a90-000000000004',
    external_customer_id: 'acme_42',
    status: 'active',
    currency: 'EUR',
    name: null,
    code: 'default',
    rate_amount: '0.01',
    credits_balance: '125000.0',
    credits_ongoing_usage_balance: '1250.0',
    consumed_credits: '0.0',
    priority: 50,
    created_at: '2025-09-09T09:09:09Z',
    expiration_at: null,
    last_consumed_credit_at: null,
    terminated_at: null,
    paid_top_up_min_amount_cents: null,
    paid_top_up_max_amount_cents: null,
    purchase_order_number: null,
    metadata: {},
    recurring_transaction_rules: [],
  },
  {
    lago_id: '1a901a90-1a90-4a90-8a90-000000000005',
    external_customer_id: 'globex_7',
    status: 'active',
    currency: 'JPY',
    name: 'Globex yen',
    code: 'yen',
    rate_amount: '1',
    credits_balance: '98765',
    credits_ongoing_usage_balance: '765',
    consumed_credits: '1235',
    priority: 1,
    created_at: '2026-02-02T02:02:02Z',
    expiration_at: null,
    last_consumed_credit_at: '2026-11-21T06:00:00Z',
    terminated_at: null,
    paid_top_up_min_amount_cents: null,
    paid_top_up_max_amount_cents: null,
    purchase_order_number: null,
    metadata: {},
    recurring_transaction_rules: [],
  },
];

export const LAGO_ALERTS: LagoAlertSeed[] = [
  {
    lago_id: '3c903c90-3c90-4c90-8c90-000000000001',
    lago_wallet_id: '1a901a90-1a90-4a90-8a90-000000000001',
    alert_type: 'wallet_balance_amount',
    code: 'low_balance',
    name: 'Low balance',
    direction: 'decreasing',
    thresholds: [
      { code: 'warn', value: '10.0', recurring: false },
      { code: 'critical', value: '1.0', recurring: false },
    ],
    created_at: '2025-03-02T10:00:00Z',
  },
  {
    lago_id: '3c903c90-3c90-4c90-8c90-000000000002',
    lago_wallet_id: '1a901a90-1a90-4a90-8a90-000000000001',
    alert_type: 'wallet_credits_ongoing_balance',
    code: 'ongoing_credits',
    name: null,
    direction: 'decreasing',
    thresholds: [{ code: null, value: '5.0', recurring: true }],
    created_at: '2025-03-02T10:05:00Z',
  },
];

/** A wallet transaction as Lago stores it (NOTES §5); its `amount` is derived at the wallet's rate. */
export interface LagoTransactionSeed {
  readonly lago_id: string;
  readonly lago_wallet_id: string;
  readonly lago_invoice_id: string | null;
  readonly status: 'pending' | 'settled' | 'failed';
  readonly source: 'manual' | 'interval' | 'threshold';
  readonly transaction_status: 'purchased' | 'granted' | 'voided' | 'invoiced';
  readonly transaction_type: 'inbound' | 'outbound';
  /** Credits, as Rails prints the decimal. */
  readonly credit_amount: string;
  readonly created_at: string;
  readonly settled_at: string | null;
  readonly failed_at: string | null;
  readonly name: string | null;
  readonly metadata: readonly { readonly key: string; readonly value: string }[];
}

const txId = (n: number) => `4d904d90-4d90-4d90-8d90-${String(n).padStart(12, '0')}`;
const invoiceId = (n: number) => `5e905e90-5e90-4e90-8e90-${String(n).padStart(12, '0')}`;

function transaction(
  t: Partial<LagoTransactionSeed> &
    Pick<
      LagoTransactionSeed,
      'lago_id' | 'lago_wallet_id' | 'transaction_status' | 'credit_amount' | 'created_at'
    >,
): LagoTransactionSeed {
  const outbound = t.transaction_status === 'voided' || t.transaction_status === 'invoiced';
  const status = t.status ?? 'settled';
  return {
    lago_invoice_id: null,
    source: 'manual',
    transaction_type: outbound ? 'outbound' : 'inbound',
    settled_at: status === 'settled' ? t.created_at : null,
    failed_at: null,
    name: null,
    metadata: [],
    ...t,
    status,
  };
}

const HOOLI_USD = '1a901a90-1a90-4a90-8a90-000000000001';
const HOOLI_JPY = '1a901a90-1a90-4a90-8a90-000000000002';

/**
 * Seeded histories, several pages each at `per_page=2`, consistent with the seeded balances
 * (settled inbound minus settled outbound credits = `credits_balance`; outbound invoiced credits
 * = `consumed_credits`). Every transaction status, kind and source appears, and two
 * transactions share a creation second so the id breaks the tie (NOTES §1 ordering).
 */
export const LAGO_TRANSACTIONS: LagoTransactionSeed[] = [
  // hooli_1234 USD, 28.0 credits, 2.0 consumed: 10 + 20 + 1 - 1 - 1.5 - 0.5 = 28.
  transaction({
    lago_id: txId(1),
    lago_wallet_id: HOOLI_USD,
    transaction_status: 'granted',
    credit_amount: '10.0',
    created_at: '2025-03-01T09:05:00Z',
    name: 'Welcome credits',
  }),
  transaction({
    lago_id: txId(2),
    lago_wallet_id: HOOLI_USD,
    lago_invoice_id: invoiceId(1),
    transaction_status: 'purchased',
    credit_amount: '20.0',
    created_at: '2025-04-02T10:00:00Z',
    settled_at: '2025-04-02T10:03:12Z',
    metadata: [{ key: 'order', value: 'A-1001' }],
  }),
  transaction({
    lago_id: txId(3),
    lago_wallet_id: HOOLI_USD,
    lago_invoice_id: invoiceId(2),
    transaction_status: 'purchased',
    status: 'failed',
    credit_amount: '3.0',
    created_at: '2025-05-05T11:00:00Z',
    failed_at: '2025-05-05T11:20:00Z',
  }),
  transaction({
    lago_id: txId(4),
    lago_wallet_id: HOOLI_USD,
    transaction_status: 'granted',
    source: 'threshold',
    credit_amount: '1.0',
    created_at: '2026-01-10T08:00:00Z',
    name: 'Auto top-up',
    metadata: [{ key: 'origin', value: 'threshold' }],
  }),
  transaction({
    lago_id: txId(5),
    lago_wallet_id: HOOLI_USD,
    transaction_status: 'voided',
    credit_amount: '1.0',
    created_at: '2026-01-10T08:00:00Z',
    name: 'Goodwill reversal',
  }),
  transaction({
    lago_id: txId(6),
    lago_wallet_id: HOOLI_USD,
    lago_invoice_id: invoiceId(3),
    transaction_status: 'invoiced',
    credit_amount: '1.5',
    created_at: '2026-10-31T23:59:59Z',
  }),
  transaction({
    lago_id: txId(7),
    lago_wallet_id: HOOLI_USD,
    lago_invoice_id: invoiceId(4),
    transaction_status: 'invoiced',
    credit_amount: '0.5',
    created_at: '2026-11-20T17:45:12Z',
  }),
  transaction({
    lago_id: txId(8),
    lago_wallet_id: HOOLI_USD,
    lago_invoice_id: invoiceId(5),
    transaction_status: 'purchased',
    status: 'pending',
    credit_amount: '5.0',
    created_at: '2026-11-21T09:30:00Z',
  }),
  // hooli_1234 JPY, 1500.5 credits, 99.5 consumed: 1000 + 600 - 99.5 = 1500.5.
  transaction({
    lago_id: txId(11),
    lago_wallet_id: HOOLI_JPY,
    transaction_status: 'granted',
    credit_amount: '1000.0',
    created_at: '2025-06-15T12:31:00Z',
  }),
  transaction({
    lago_id: txId(12),
    lago_wallet_id: HOOLI_JPY,
    lago_invoice_id: invoiceId(11),
    transaction_status: 'purchased',
    source: 'interval',
    credit_amount: '600.0',
    created_at: '2025-07-01T00:00:00Z',
    settled_at: '2025-07-01T00:05:00Z',
  }),
  transaction({
    lago_id: txId(13),
    lago_wallet_id: HOOLI_JPY,
    lago_invoice_id: invoiceId(12),
    transaction_status: 'invoiced',
    credit_amount: '99.5',
    created_at: '2026-11-19T08:00:00Z',
  }),
  transaction({
    lago_id: txId(14),
    lago_wallet_id: HOOLI_JPY,
    lago_invoice_id: invoiceId(13),
    transaction_status: 'purchased',
    source: 'interval',
    status: 'pending',
    credit_amount: '100.0',
    created_at: '2026-11-21T00:00:00Z',
  }),
  // hooli_1234's terminated USD wallet: 50 granted, 50 consumed.
  transaction({
    lago_id: txId(21),
    lago_wallet_id: '1a901a90-1a90-4a90-8a90-000000000003',
    transaction_status: 'granted',
    credit_amount: '50.0',
    created_at: '2024-01-10T10:01:00Z',
  }),
  transaction({
    lago_id: txId(22),
    lago_wallet_id: '1a901a90-1a90-4a90-8a90-000000000003',
    lago_invoice_id: invoiceId(21),
    transaction_status: 'invoiced',
    credit_amount: '50.0',
    created_at: '2024-12-01T10:00:00Z',
  }),
  // acme_42 EUR: one grant.
  transaction({
    lago_id: txId(31),
    lago_wallet_id: '1a901a90-1a90-4a90-8a90-000000000004',
    transaction_status: 'granted',
    credit_amount: '125000.0',
    created_at: '2025-09-09T09:10:00Z',
  }),
  // globex_7 JPY, 98765 credits, 1235 consumed.
  transaction({
    lago_id: txId(41),
    lago_wallet_id: '1a901a90-1a90-4a90-8a90-000000000005',
    lago_invoice_id: invoiceId(41),
    transaction_status: 'purchased',
    credit_amount: '100000.0',
    created_at: '2026-02-02T02:05:00Z',
  }),
  transaction({
    lago_id: txId(42),
    lago_wallet_id: '1a901a90-1a90-4a90-8a90-000000000005',
    lago_invoice_id: invoiceId(42),
    transaction_status: 'invoiced',
    credit_amount: '1235.0',
    created_at: '2026-11-21T06:00:00Z',
  }),
];
