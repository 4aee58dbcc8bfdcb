import type { ProviderSandbox, SandboxStartOptions } from '../../../sandbox/provider-sandbox.js';
import { type PolarSandbox, startPolarSandbox } from './server.js';
import { POLAR_SANDBOX_WEBHOOK_SECRET } from './webhooks.js';

export type PolarProviderSandbox = PolarSandbox & ProviderSandbox;

/** hooli_1234's wallet: the one the usage simulation and the live benchmark move. */
export const DEMO_WALLET = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';

/**
 * The Polar sandbox as the gateway's sandbox mode, tests and benchmarks use it. Polar's documented
 * wallet (seed 000) is hooli_1234's already, so there are no separate seed documents to serve.
 */
export async function startSandbox(_options: SandboxStartOptions): Promise<PolarProviderSandbox> {
  const sandbox = await startPolarSandbox();
  return {
    ...sandbox,
    env: { POLAR_API_URL: sandbox.url, POLAR_ACCESS_TOKEN: sandbox.accessToken },
    webhookEnv: { POLAR_WEBHOOK_SECRET: POLAR_SANDBOX_WEBHOOK_SECRET },
    sendWebhooksTo: (origin) =>
      sandbox.setWebhookTarget({
        url: `${origin}/webhooks/polar`,
        secret: POLAR_SANDBOX_WEBHOOK_SECRET,
      }),
    simulateUsage: () => {
      const w = sandbox.store.wallet(DEMO_WALLET);
      if (!w) return;
      if (w.balance < 1000n) sandbox.store.topUp(w.id, 2000);
      else sandbox.store.consume(w.id, 25);
    },
    topUpDemoWallet: () => void sandbox.store.topUp(DEMO_WALLET, 100),
  };
}
