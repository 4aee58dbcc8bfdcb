import { type GatewayConfig, readProviders } from '../config.js';
import type { ProviderModule } from '../providers/module.js';
import { PROVIDERS, type RegisteredProvider } from '../providers/registered.js';
import type { ProviderSandbox } from './provider-sandbox.js';

type SandboxOf<P> = P extends ProviderModule<string, infer S> ? S : never;

/** Each registered provider's sandbox, under its id (`sandboxes.lago`), with its own type. */
export type SandboxesById = { readonly [P in RegisteredProvider as P['id']]: SandboxOf<P> };

/** One running sandbox, with the registration it belongs to. */
export interface NamedSandbox {
  readonly id: string;
  readonly name: string;
  readonly sandbox: ProviderSandbox;
}

export type Sandboxes = SandboxesById & {
  /** Every sandbox, in the registered order. */
  readonly all: readonly NamedSandbox[];
  /** The sandbox of a provider id (`lago`), if one runs. */
  byId(id: string): ProviderSandbox | undefined;
  /** Environment variables pointing a gateway at every sandbox (URLs and keys). */
  readonly env: Readonly<Record<string, string>>;
  /** Environment variables that let a gateway verify every sandbox's signed webhooks. */
  readonly webhookEnv: Readonly<Record<string, string>>;
  /** The provider part of a gateway config pointing at these sandboxes, webhook secrets included. */
  readonly providerConfig: Pick<GatewayConfig, 'providers'>;
  /** Points every sandbox's signed webhooks at a gateway (its GraphQL URL's origin). */
  sendWebhooksTo(gatewayUrl: string): void;
  close(): Promise<void>;
};

export interface SandboxesOptions {
  /**
   * Also serve the provider documents this project was commissioned from (test/contract/seeds),
   * verbatim, beside the modelled data (each provider's sandbox says which it serves).
   */
  readonly seedDocuments?: boolean;
}

/** Starts every registered provider's sandbox on a free loopback port. */
export async function startSandboxes(options: SandboxesOptions = {}): Promise<Sandboxes> {
  const seedDocuments = options.seedDocuments ?? false;
  const all: NamedSandbox[] = await Promise.all(
    PROVIDERS.map(async (p) => ({
      id: p.id,
      name: p.name,
      sandbox: await (await p.sandbox()).startSandbox({ seedDocuments }),
    })),
  );
  const env = Object.assign({}, ...all.map((s) => s.sandbox.env)) as Record<string, string>;
  const webhookEnv = Object.assign({}, ...all.map((s) => s.sandbox.webhookEnv)) as Record<
    string,
    string
  >;
  const byId = Object.fromEntries(all.map((s) => [s.id, s.sandbox])) as unknown as SandboxesById;
  return {
    ...byId,
    all,
    byId: (id) => all.find((s) => s.id === id)?.sandbox,
    env,
    webhookEnv,
    providerConfig: readProviders({ ...env, ...webhookEnv }),
    sendWebhooksTo(gatewayUrl) {
      const origin = new URL(gatewayUrl).origin;
      for (const s of all) s.sandbox.sendWebhooksTo(origin);
    },
    close: async () => {
      await Promise.all(all.map((s) => s.sandbox.close()));
    },
  };
}
