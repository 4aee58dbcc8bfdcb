import type { RunningSandbox } from './http.js';
import type { DeliveryRecord } from './webhooks.js';

/**
 * What every provider's sandbox offers the rest of the gateway (start-up in sandbox mode, tests,
 * benchmarks, the usage simulation), whatever its wire format.
 */
export interface ProviderSandbox extends RunningSandbox {
  /** Environment variables that point a gateway at this sandbox (its URL and key). */
  readonly env: Readonly<Record<string, string>>;
  /** Environment variables that let a gateway verify this sandbox's signed webhooks. */
  readonly webhookEnv: Readonly<Record<string, string>>;
  /** Sends this sandbox's signed webhooks to a gateway at this origin (`http://host:port`). */
  sendWebhooksTo(origin: string): void;
  /** Resolves when every webhook sent so far was delivered or given up. */
  webhooksIdle(): Promise<void>;
  /** Recent deliveries, oldest first (ids, event types, statuses: no secrets). */
  readonly webhookDeliveries: readonly DeliveryRecord[];
  /** One step of `npm start`'s gentle usage simulation on the demo wallet (usage, or a top-up when low). */
  simulateUsage(random: () => number): void;
  /** A small top-up of the demo wallet (the live benchmark's change). */
  topUpDemoWallet(): void;
}

export interface SandboxStartOptions {
  /**
   * Also serve the provider documents this project was commissioned from (test/contract/seeds),
   * verbatim, beside the modelled data.
   */
  readonly seedDocuments: boolean;
}

/** A provider folder's `sandbox/index.ts`: loaded only in sandbox mode, tests and benchmarks. */
export interface SandboxModule<S extends ProviderSandbox = ProviderSandbox> {
  startSandbox(options: SandboxStartOptions): Promise<S>;
  /** The native id of hooli_1234's wallet that the simulation and the live benchmark move. */
  readonly DEMO_WALLET: string;
}
