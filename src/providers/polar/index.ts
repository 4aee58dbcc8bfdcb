import { defineProvider } from '../module.js';
import { createPolarProvider } from './adapter.js';
import { POLAR_ENV, readPolarSettings } from './config.js';
import { POLAR_DOCS } from './fields.js';
import { createPolarWebhookVerifier } from './webhooks.js';

/** Polar (polar.sh): everything the gateway knows about it, registered in one place. */
export const polar = defineProvider({
  id: 'polar',
  name: 'POLAR',
  docs: POLAR_DOCS,
  capabilities: {
    credits: false,
    ongoingBalance: false,
    recurringRules: false,
    alerts: false,
    // No wallet.* or balance.* webhook exists (NOTES §0.3): live balances are polled.
    webhooks: false,
    // Polar keeps wallet transactions internal: no list endpoint, public or private (NOTES §2.1).
    transactions: false,
    // No multi-id endpoint and the list cannot filter by wallet id: one GET per id.
    batchWalletsById: false,
    // `customer_id` repeats on the org list: one call (per page, per 50 customers) for many.
    batchWalletsByCustomer: true,
  },
  env: { key: 'POLAR_ACCESS_TOKEN', variables: POLAR_ENV, read: readPolarSettings },
  createAdapter: (settings, deps) =>
    createPolarProvider({ ...settings, ...deps.upstream }, deps.logger, deps.fetch),
  // Polar sends no wallet events: its hints (orders, refunds, customer state) speed things up,
  // but Polar stays polled.
  webhooks: (settings) => ({
    ...(settings.webhookSecret && {
      verifier: createPolarWebhookVerifier({ secret: settings.webhookSecret }),
    }),
    pushesChanges: false,
  }),
  // 500 requests per minute per organisation token (NOTES §7); the org list takes 50 customers.
  poll: { budgetPerMinute: 500, customersPerCall: 50 },
  sandbox: () => import('./sandbox/index.js'),
});
