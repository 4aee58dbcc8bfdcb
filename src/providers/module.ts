import type { z } from 'zod';
import type { ProviderName } from '../domain/wallet.js';
import type { Logger } from '../logger.js';
import type { ProviderSandbox, SandboxModule } from '../sandbox/provider-sandbox.js';
import type { ProviderCapabilities } from './capabilities.js';
import type { WalletProvider } from './provider.js';
import type { UpstreamSettings } from './resilience/index.js';
import type { WebhookVerifier } from './webhook.js';

/**
 * A provider is one module: its folder's `index.ts` exports one registration made with
 * `defineProvider`, and src/providers/registered.ts lists the registrations, one line each.
 * Everything else (configuration, the gateway's adapters, webhook routes, polling, the GraphQL
 * `Provider` enum and descriptions, the sandboxes, the generated docs) iterates over that list.
 */

/** What an adapter is built with, besides its own settings. */
export interface AdapterDeps {
  /** Timeouts, retries and breaker knobs (config.upstream), and the metrics observer. */
  readonly upstream: UpstreamSettings;
  /** Already carries the provider's name. */
  readonly logger: Logger;
  /** Replaces global fetch in every upstream client (tests count or break upstream calls). */
  readonly fetch?: typeof fetch | undefined;
}

/** How a provider's webhooks reach the gateway. */
export interface ProviderWebhooks {
  /** Verifies and parses deliveries to `POST /webhooks/<id>`; without one the route answers 404. */
  readonly verifier?: WebhookVerifier | undefined;
  /**
   * True when someone declared the provider's webhooks pointed here (a secret is configured) and
   * they announce every balance change: then the poller leaves this provider alone.
   */
  readonly pushesChanges: boolean;
}

/** What polling may cost a provider that has no usable webhooks. */
export interface PollPolicy {
  /** Upstream requests per minute the poller may spend on this provider. */
  readonly budgetPerMinute: number;
  /** Customers one wallet-list call covers (polling groups customers by this). */
  readonly customersPerCall: number;
}

/**
 * A provider's part of the field documentation, keyed by schema coordinate (`Wallet.balance`,
 * `WalletStatus.TERMINATED`): the GraphQL descriptions and the mapping table of
 * docs/providers.md (`npm run provider-docs`) are composed from every provider's entries.
 */
export interface FieldDoc {
  /**
   * This provider's part of the GraphQL description: the wire field(s) the value comes from
   * (`balance_cents`), in a few words; null where the provider has none ("none"); left out where
   * the description has nothing to say of this provider (only the docs/providers.md cell).
   */
  readonly short?: string | null;
  /** The docs/providers.md cell, when it says more: conversions, defaults, NOTES.md sections. */
  readonly detail?: string;
}
export type FieldDocs = Readonly<Record<string, FieldDoc>>;

export interface ProviderDocs {
  /** As people write it: `Lago`. */
  readonly title: string;
  readonly website: string;
  /** The upstream calls the adapter makes, in a sentence or two (docs/providers.md). */
  readonly upstreamCalls: string;
  /**
   * The provider's published API descriptions, relative to ../shared/providers/: copied into
   * test/contract/ by `npm run sync-contract`, where the sandbox's contract tests read them.
   */
  readonly specs: readonly string[];
  readonly fields: FieldDocs;
}

/** The environment variables a provider reads, and the settings they make. */
export interface ProviderEnv<Shape extends z.ZodRawShape, S> {
  /** The variable that turns the provider on; any other of its variables needs it. */
  readonly key: keyof Shape & string;
  /** One zod schema per variable (merged into config.ts's one schema). */
  readonly variables: Shape;
  /** The provider's settings from its parsed variables (called only when `key` is set). */
  read(values: z.output<z.ZodObject<Shape>>): S;
}

export interface ProviderDefinition<
  Id extends string,
  Shape extends z.ZodRawShape,
  S,
  Sandbox extends ProviderSandbox,
> {
  /** Lower case: the webhook route `/webhooks/<id>`, `SANDBOX_FAULTS` entries, `sandboxes.<id>`. */
  readonly id: Id;
  /** Upper case: the GraphQL `Provider` value, global-id prefix, log and metric label. */
  readonly name: ProviderName;
  readonly docs: ProviderDocs;
  readonly capabilities: ProviderCapabilities;
  readonly env: ProviderEnv<Shape, S>;
  createAdapter(settings: S, deps: AdapterDeps): WalletProvider;
  webhooks(settings: S, deps: AdapterDeps): ProviderWebhooks;
  readonly poll: PollPolicy;
  /** Loaded on demand: a gateway in front of real providers carries no sandbox code. */
  sandbox(): Promise<SandboxModule<Sandbox>>;
}

/**
 * A registration as the rest of the gateway sees it. Settings are opaque outside the provider's
 * folder: they are made by its own `env.read` and handed back to its own functions.
 */
export interface ProviderModule<
  Id extends string = string,
  Sandbox extends ProviderSandbox = ProviderSandbox,
> {
  readonly id: Id;
  readonly name: ProviderName;
  readonly docs: ProviderDocs;
  readonly capabilities: ProviderCapabilities;
  readonly env: {
    readonly key: string;
    readonly variables: z.ZodRawShape;
    read(values: Readonly<Record<string, unknown>>): ProviderSettings;
  };
  createAdapter(settings: ProviderSettings, deps: AdapterDeps): WalletProvider;
  webhooks(settings: ProviderSettings, deps: AdapterDeps): ProviderWebhooks;
  readonly poll: PollPolicy;
  sandbox(): Promise<SandboxModule<Sandbox>>;
}

declare const settingsBrand: unique symbol;
/** A provider's settings, as made by its own `env.read`. */
export type ProviderSettings = { readonly [settingsBrand]: 'provider settings' };

export function defineProvider<
  const Id extends string,
  Shape extends z.ZodRawShape,
  S,
  Sandbox extends ProviderSandbox,
>(definition: ProviderDefinition<Id, Shape, S, Sandbox>): ProviderModule<Id, Sandbox> {
  // The brand only keeps other code from building settings by hand; each provider's functions
  // receive exactly what its own `read` made.
  const own = (settings: ProviderSettings) => settings as unknown as S;
  return {
    id: definition.id,
    name: definition.name,
    docs: definition.docs,
    capabilities: definition.capabilities,
    env: {
      key: definition.env.key,
      variables: definition.env.variables,
      read: (values) =>
        definition.env.read(values as z.output<z.ZodObject<Shape>>) as unknown as ProviderSettings,
    },
    createAdapter: (settings, deps) => definition.createAdapter(own(settings), deps),
    webhooks: (settings, deps) => definition.webhooks(own(settings), deps),
    poll: definition.poll,
    sandbox: definition.sandbox,
  };
}
