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
