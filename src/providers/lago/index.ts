import { defineProvider } from '../module.js';
import { createLagoProvider, createLagoWebhookPublicKey } from './adapter.js';
import { LAGO_ENV, readLagoSettings } from './config.js';
import { LAGO_DOCS } from './fields.js';
import { lagoWebhookIssuer } from './webhook-key.js';
import { createLagoWebhookVerifier } from './webhooks.js';

/** Lago (getlago.com): everything the gateway knows about it, registered in one place. */
export const lago = defineProvider({
  id: 'lago',
  name: 'LAGO',
  docs: LAGO_DOCS,
  capabilities: {
    credits: true,
    ongoingBalance: true,
    recurringRules: true,
    alerts: true,
    webhooks: true,
    // GET /wallets/{id}/wallet_transactions (NOTES §2, §5).
    transactions: true,
    // No multi-id wallet endpoint; wallets are listed per customer (NOTES §2).
    batchWalletsById: false,
    batchWalletsByCustomer: false,
  },
  env: { key: 'LAGO_API_KEY', variables: LAGO_ENV, read: readLagoSettings },
  createAdapter: (settings, deps) =>
    createLagoProvider({ ...settings, ...deps.upstream }, deps.logger, deps.fetch),
  // The route exists whenever Lago is configured: JWT deliveries verify with Lago's public key
  // and need no secret. Lago counts as webhook-fed (not polled) only once an HMAC key or a JWT
  // issuer is configured, i.e. once someone says Lago's endpoint points here.
  webhooks: (settings, deps) => ({
    verifier: createLagoWebhookVerifier({
      ...(settings.webhooks?.hmacKey && { hmacKey: settings.webhooks.hmacKey }),
      jwtIssuer: settings.webhooks?.jwtIssuer ?? lagoWebhookIssuer(settings.apiUrl),
      publicKey: createLagoWebhookPublicKey({ ...settings, ...deps.upstream }, deps.logger),
    }),
    pushesChanges: settings.webhooks !== undefined,
  }),
  // Lago Cloud allows 50 requests/s per organisation (NOTES §1); lists are per customer.
  poll: { budgetPerMinute: 1200, customersPerCall: 1 },
  sandbox: () => import('./sandbox/index.js'),
});
