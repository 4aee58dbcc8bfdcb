import { defineProvider } from '../module.js';
import { createFlexpriceProvider } from './adapter.js';
import { FLEXPRICE_ENV, readFlexpriceSettings } from './config.js';
import { FLEXPRICE_DOCS } from './fields.js';
import { createFlexpriceWebhookVerifier } from './webhooks.js';

/** Flexprice (flexprice.io): everything the gateway knows about it, registered in one place. */
export const flexprice = defineProvider({
  id: 'flexprice',
  name: 'FLEXPRICE',
  docs: FLEXPRICE_DOCS,
  capabilities: {
    credits: true,
    ongoingBalance: true,
    recurringRules: true,
    alerts: true,
    webhooks: true,
    // GET /wallets/{id}/transactions and POST /wallets/transactions/search (NOTES §3.7).
    transactions: true,
    // POST /wallets/search takes any number of wallet_ids (NOTES §2).
    batchWalletsById: true,
    batchWalletsByCustomer: false,
  },
  env: { key: 'FLEXPRICE_API_KEY', variables: FLEXPRICE_ENV, read: readFlexpriceSettings },
  createAdapter: (settings, deps) =>
    createFlexpriceProvider({ ...settings, ...deps.upstream }, deps.logger, deps.fetch),
  // Svix-signed deliveries need the endpoint secret; without it Flexprice is polled.
  webhooks: (settings) =>
    settings.webhookSecret
      ? {
          verifier: createFlexpriceWebhookVerifier({ secret: settings.webhookSecret }),
          pushesChanges: true,
        }
      : { pushesChanges: false },
  // No public rate limit (NOTES §9); customer wallets are listed one customer per call.
  poll: { budgetPerMinute: 600, customersPerCall: 1 },
  sandbox: () => import('./sandbox/index.js'),
});
