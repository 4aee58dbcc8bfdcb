/**
 * Seed 003 (test/contract/seeds/003_2071812c2e483089.txt): Flexprice's documented answer of
 * `GET /customers/wallets`, one wallet, verbatim except where the documentation writes a
 * placeholder (`"<string>"`): there, a realistic value of the documented type (each one listed in
 * SEED_003_PLACEHOLDERS, checked against the seed by test/contract/seeds.test.ts). Its numbers
 * stay numbers (`123`), `wallet_type` stays `PROMOTIONAL` and the alerts stay in the documented
 * `alert_config` + `alert_enabled` shape: the shapes the gateway must read. Served for its own
 * customer by the sandbox when started with its seed documents.
 */

export const SEED_003_CUSTOMER = {
  id: 'cust_01JH9S2K8M3N5P7Q9R1S3T5V7W',
  external_id: 'flexprice_seed_003',
  name: 'Seed 003 Customer',
  email: 'seed-003@flexprice.example',
  created_at: '2025-02-10T08:00:00Z',
} as const;

/** JSON pointer into the seed's example -> the value standing in for its placeholder. */
export const SEED_003_PLACEHOLDERS: Readonly<Record<string, string>> = {
  '/0/alert_state': 'ok',
  '/0/balance': '25',
  '/0/conversion_rate': '1',
  '/0/created_at': '2025-02-10T09:00:00Z',
  '/0/created_by': 'user_01JH9RZX4B6C8D0E2F4G6H8J0K',
  '/0/credit_balance': '25',
  '/0/credits_available_breakdown/free': '25',
  '/0/credits_available_breakdown/purchased': '0',
  '/0/currency': 'usd',
  '/0/customer_id': SEED_003_CUSTOMER.id,
  '/0/description': 'Promotional credits',
  '/0/environment_id': 'env_01JBRGBK1G0000000000000000',
  '/0/id': 'wallet_01JH9S3D2Z7Q4W8X5C6V1B0N2M',
  '/0/name': 'Promotional Wallet - USD',
  '/0/tenant_id': 'tenant_01JBRGBK1G0000000000000000',
  '/0/topup_conversion_rate': '1',
  '/0/updated_at': '2025-02-10T09:00:00Z',
  '/0/updated_by': 'user_01JH9RZX4B6C8D0E2F4G6H8J0K',
};

export const SEED_003_WALLETS: readonly Readonly<Record<string, unknown>>[] = [
  {
    alert_config: { threshold: { type: 'amount', value: 123 } },
    alert_enabled: true,
    alert_state: 'ok',
    auto_topup: { amount: 123, enabled: true, invoicing: true, threshold: 123 },
    balance: '25',
    config: { allowed_price_types: ['ALL'] },
    conversion_rate: '1',
    created_at: '2025-02-10T09:00:00Z',
    created_by: 'user_01JH9RZX4B6C8D0E2F4G6H8J0K',
    credit_balance: '25',
    credits_available_breakdown: { free: '25', purchased: '0' },
    currency: 'usd',
    customer_id: 'cust_01JH9S2K8M3N5P7Q9R1S3T5V7W',
    description: 'Promotional credits',
    environment_id: 'env_01JBRGBK1G0000000000000000',
    id: 'wallet_01JH9S3D2Z7Q4W8X5C6V1B0N2M',
    metadata: {},
    name: 'Promotional Wallet - USD',
    status: 'published',
    tenant_id: 'tenant_01JBRGBK1G0000000000000000',
    topup_conversion_rate: '1',
    updated_at: '2025-02-10T09:00:00Z',
    updated_by: 'user_01JH9RZX4B6C8D0E2F4G6H8J0K',
    wallet_status: 'active',
    wallet_type: 'PROMOTIONAL',
  },
];
