import type { GatewayConfig } from '../config.js';
import { startFlexpriceSandbox, type FlexpriceSandbox } from './flexprice/server.js';
import { startLagoSandbox, type LagoSandbox } from './lago/server.js';
import { startPolarSandbox, type PolarSandbox } from './polar/server.js';

export interface Sandboxes {
  readonly lago: LagoSandbox;
  readonly flexprice: FlexpriceSandbox;
  readonly polar: PolarSandbox;
  /** The provider part of a gateway config pointing at these sandboxes. */
  readonly providerConfig: Pick<GatewayConfig, 'lago' | 'flexprice' | 'polar'>;
  close(): Promise<void>;
}

/** Starts every sandbox provider on a free loopback port. */
export async function startSandboxes(): Promise<Sandboxes> {
  const [lago, flexprice, polar] = await Promise.all([startLagoSandbox(), startFlexpriceSandbox(), startPolarSandbox()]);
  return {
    lago,
    flexprice,
    polar,
    providerConfig: {
      lago: { apiUrl: lago.url, apiKey: lago.apiKey },
      flexprice: { apiUrl: flexprice.url, apiKey: flexprice.apiKey },
      polar: { apiUrl: polar.url, accessToken: polar.accessToken },
    },
    close: async () => {
      await Promise.all([lago.close(), flexprice.close(), polar.close()]);
    },
  };
}
