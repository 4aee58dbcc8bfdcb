import { Dec } from '../../../domain/money.js';
import type { ProviderSandbox, SandboxStartOptions } from '../../../sandbox/provider-sandbox.js';
import { SEEDED } from './seed.js';
import { type FlexpriceSandbox, startFlexpriceSandbox } from './server.js';
import { FlexpriceStore } from './store.js';
import { FLEXPRICE_SANDBOX_WEBHOOK_SECRET } from './webhooks.js';

export type FlexpriceProviderSandbox = FlexpriceSandbox & ProviderSandbox;

// Usage charges (currency) at which the simulation invoices the period and pays from the wallet.
const USAGE_INVOICE_AT = 24;

/** hooli_1234's USD wallet: the one the usage simulation and the live benchmark move. */
export const DEMO_WALLET = SEEDED.hooliUsd;

/** The Flexprice sandbox as the gateway's sandbox mode, tests and benchmarks use it. */
export async function startSandbox(
  options: SandboxStartOptions,
): Promise<FlexpriceProviderSandbox> {
  const sandbox = await startFlexpriceSandbox({
    store: new FlexpriceStore({ seedDocuments: options.seedDocuments }),
  });
  const { store } = sandbox;
  return {
    ...sandbox,
    env: { FLEXPRICE_API_URL: sandbox.url, FLEXPRICE_API_KEY: sandbox.apiKey },
    webhookEnv: { FLEXPRICE_WEBHOOK_SECRET: FLEXPRICE_SANDBOX_WEBHOOK_SECRET },
    sendWebhooksTo: (origin) =>
      sandbox.setWebhookTarget({
        url: `${origin}/webhooks/flexprice`,
        secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
      }),
    // A little usage; every few steps the usage so far is invoiced and paid from the wallet (a
    // debit transaction); a top-up when its real-time credits run low.
    simulateUsage: () => {
      const w = store.wallet(DEMO_WALLET);
      if (w?.wallet_status !== 'active') return;
      if (store.realTime(w).creditBalance.lt(2))
        store.topUp(w.id, '10', { reason: 'PURCHASED_CREDIT_DIRECT' });
      else if (new Dec(w.pending_charges).gte(USAGE_INVOICE_AT)) store.payUsageInvoice(w.id);
      else store.consume(w.id, '0.25');
    },
    topUpDemoWallet: () =>
      void store.topUp(DEMO_WALLET, '1', { reason: 'PURCHASED_CREDIT_DIRECT' }),
  };
}
