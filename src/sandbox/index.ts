import type { GatewayConfig } from '../config.js';
import { type FlexpriceSandbox, startFlexpriceSandbox } from './flexprice/server.js';
import { FlexpriceStore } from './flexprice/store.js';
import { FLEXPRICE_SANDBOX_WEBHOOK_SECRET } from './flexprice/webhooks.js';
import { type LagoSandbox, startLagoSandbox } from './lago/server.js';
import { LagoStore } from './lago/store.js';
import { LAGO_SANDBOX_HMAC_KEY } from './lago/webhooks.js';
import { type PolarSandbox, startPolarSandbox } from './polar/server.js';
import { POLAR_SANDBOX_WEBHOOK_SECRET } from './polar/webhooks.js';

export interface Sandboxes {
  readonly lago: LagoSandbox;
  readonly flexprice: FlexpriceSandbox;
  readonly polar: PolarSandbox;
  /** The provider and webhook part of a gateway config pointing at these sandboxes. */
  readonly providerConfig: Pick<GatewayConfig, 'lago' | 'flexprice' | 'polar' | 'webhooks'>;
  /** Points every sandbox's signed webhooks at a gateway (its GraphQL URL's origin). */
  sendWebhooksTo(gatewayUrl: string): void;
  close(): Promise<void>;
}

export interface SandboxesOptions {
  /**
   * Also serve the provider documents this project was commissioned from (test/contract/seeds),
   * verbatim: Lago's example wallet for hooli_1234, Flexprice's documented customer wallets for
   * their own customer (flexprice_seed_003). Polar's documented wallet is hooli_1234's already.
   */
  readonly seedDocuments?: boolean;
}

/** Starts every sandbox provider on a free loopback port. */
export async function startSandboxes(options: SandboxesOptions = {}): Promise<Sandboxes> {
  const seedDocuments = options.seedDocuments ?? false;
  const [lago, flexprice, polar] = await Promise.all([
    startLagoSandbox({ store: new LagoStore({ seedDocuments }) }),
    startFlexpriceSandbox({ store: new FlexpriceStore({ seedDocuments }) }),
    startPolarSandbox(),
  ]);
  return {
    lago,
    flexprice,
    polar,
    providerConfig: {
      lago: { apiUrl: lago.url, apiKey: lago.apiKey },
      flexprice: { apiUrl: flexprice.url, apiKey: flexprice.apiKey },
      polar: { apiUrl: polar.url, accessToken: polar.accessToken },
      webhooks: {
        lago: { hmacKey: LAGO_SANDBOX_HMAC_KEY },
        flexprice: { secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET },
        polar: { secret: POLAR_SANDBOX_WEBHOOK_SECRET },
      },
    },
    sendWebhooksTo(gatewayUrl) {
      const base = new URL(gatewayUrl).origin;
      lago.setWebhookTarget({
        url: `${base}/webhooks/lago`,
        algorithm: 'hmac',
        hmacKey: LAGO_SANDBOX_HMAC_KEY,
      });
      flexprice.setWebhookTarget({
        url: `${base}/webhooks/flexprice`,
        secret: FLEXPRICE_SANDBOX_WEBHOOK_SECRET,
      });
      polar.setWebhookTarget({
        url: `${base}/webhooks/polar`,
        secret: POLAR_SANDBOX_WEBHOOK_SECRET,
      });
    },
    close: async () => {
      await Promise.all([lago.close(), flexprice.close(), polar.close()]);
    },
  };
}
