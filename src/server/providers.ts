import type { GatewayConfig } from '../config.js';
import type { ProviderName } from '../domain/wallet.js';
import type { Logger } from '../logger.js';
import type { AdapterDeps } from '../providers/module.js';
import type { WalletProvider } from '../providers/provider.js';
import { PROVIDERS } from '../providers/registered.js';
import type { UpstreamObserver } from '../providers/resilience/observer.js';
import type { WebhookVerifier } from '../providers/webhook.js';

export interface ConfiguredProviders {
  /** One adapter per configured provider, in the registered order. */
  readonly adapters: WalletProvider[];
  /** Routes that exist: a provider is configured and its deliveries can be verified. */
  readonly verifiers: ReadonlyMap<ProviderName, WebhookVerifier>;
  /** Providers whose webhooks announce every change: the poller leaves them alone. */
  readonly webhookProviders: ReadonlySet<ProviderName>;
}

/** Builds what each configured provider's registration makes: its adapter and its webhooks. */
export function configureProviders(
  config: GatewayConfig,
  logger: Logger,
  observer: UpstreamObserver,
  fetchImpl?: typeof fetch,
): ConfiguredProviders {
  const adapters: WalletProvider[] = [];
  const verifiers = new Map<ProviderName, WebhookVerifier>();
  const webhookProviders = new Set<ProviderName>();
  for (const provider of PROVIDERS) {
    const settings = config.providers[provider.name];
    if (!settings) continue;
    const deps: AdapterDeps = {
      upstream: { ...config.upstream, observer },
      logger: logger.child({ provider: provider.name }),
      fetch: fetchImpl,
    };
    adapters.push(provider.createAdapter(settings, deps));
    const webhooks = provider.webhooks(settings, deps);
    if (webhooks.verifier) verifiers.set(provider.name, webhooks.verifier);
    if (webhooks.pushesChanges) webhookProviders.add(provider.name);
  }
  return { adapters, verifiers, webhookProviders };
}
