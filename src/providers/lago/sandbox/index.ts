import { Dec } from '../../../domain/money.js';
import type { ProviderSandbox, SandboxStartOptions } from '../../../sandbox/provider-sandbox.js';
import { type LagoSandbox, startLagoSandbox } from './server.js';
import { LagoStore } from './store.js';
import { LAGO_SANDBOX_HMAC_KEY } from './webhooks.js';

export type LagoProviderSandbox = LagoSandbox & ProviderSandbox;

/** hooli_1234's USD wallet: the one the usage simulation and the live benchmark move. */
export const DEMO_WALLET = '1a901a90-1a90-4a90-8a90-000000000001';

/** The Lago sandbox as the gateway's sandbox mode, tests and benchmarks use it. */
export async function startSandbox(options: SandboxStartOptions): Promise<LagoProviderSandbox> {
  const sandbox = await startLagoSandbox({
    store: new LagoStore({ seedDocuments: options.seedDocuments }),
  });
  return {
    ...sandbox,
    env: { LAGO_API_URL: sandbox.url, LAGO_API_KEY: sandbox.apiKey },
    webhookEnv: { LAGO_WEBHOOK_HMAC_KEY: LAGO_SANDBOX_HMAC_KEY },
    sendWebhooksTo: (origin) =>
      sandbox.setWebhookTarget({
        url: `${origin}/webhooks/lago`,
        algorithm: 'hmac',
        hmacKey: LAGO_SANDBOX_HMAC_KEY,
      }),
    simulateUsage: () => {
      const w = sandbox.store.wallet(DEMO_WALLET);
      if (w?.status !== 'active') return;
      if (new Dec(w.credits_balance).lt(5)) sandbox.store.grantCredits(w.lago_id, '20.0');
      else sandbox.store.consumeCredits(w.lago_id, '0.5');
    },
    topUpDemoWallet: () => void sandbox.store.grantCredits(DEMO_WALLET, '1'),
  };
}
