/**
 * Seed 001 (test/contract/seeds/001_96766b540f1a53be.txt): Lago's own example wallet, verbatim,
 * as the provider documents it. An older shape than the current serializer: its rule says
 * `rule_type` (not `trigger`) and has no `method` or `status`; no `code`, `priority` or
 * `metadata`. Served as it is by the sandbox when started with its seed documents;
 * test/contract/seeds.test.ts checks this copy against the seed text.
 */
export const LAGO_SEED_001_WALLET: Readonly<Record<string, unknown>> = {
  lago_id: '1a901a90-1a90-1a90-1a90-1a901a901a90',
  lago_customer_id: '1a901a90-1a90-1a90-1a90-1a901a901a90',
  external_customer_id: 'hooli_1234',
  status: 'active',
  currency: 'USD',
  name: 'Prepaid',
  rate_amount: '1.5',
  credits_balance: '28.0',
  balance_cents: 1000,
  consumed_credits: '2.0',
  created_at: '2022-04-29T08:59:51Z',
  expiration_at: null,
  last_balance_sync_at: '2022-04-29T08:59:51Z',
  last_consumed_credit_at: '2022-04-29T08:59:51Z',
  terminated_at: '2022-09-14T16:35:31Z',
  recurring_transaction_rules: [
    {
      lago_id: '1a901a90-1a90-1a90-1a90-1a901a901a90',
      rule_type: 'interval',
      interval: 'monthly',
      threshold_credits: '20.0',
      paid_credits: '20.0',
      granted_credits: '10.0',
      created_at: '2022-04-29T08:59:51Z',
    },
  ],
  ongoing_balance_cents: 800,
  ongoing_usage_balance_cents: 200,
  credits_ongoing_balance: '8.0',
  credits_ongoing_usage_balance: '2.0',
};
