import type { GatewayConfig } from '../config.js';
import type { ProviderName } from '../domain/wallet.js';
import type { Logger } from '../logger.js';
import { createFlexpriceWebhookVerifier } from '../providers/flexprice/webhooks.js';
import { createLagoWebhookPublicKey } from '../providers/lago/index.js';
import { lagoWebhookIssuer } from '../providers/lago/webhook-key.js';
import { createLagoWebhookVerifier } from '../providers/lago/webhooks.js';
import { createPolarWebhookVerifier } from '../providers/polar/webhooks.js';
import type { WebhookVerifier } from '../providers/webhook.js';

export interface WebhookSetup {
  /** Routes that exist: a provider is configured and its deliveries can be verified. */
  readonly verifiers: ReadonlyMap<ProviderName, WebhookVerifier>;
  /** Providers whose webhooks are declared configured: the poller leaves them alone. */
  readonly webhookProviders: ReadonlySet<ProviderName>;
}

/**
 * Lago's route exists whenever Lago is configured: JWT deliveries verify with Lago's public key
 * and need no secret. Lago counts as webhook-fed (not polled) only once an HMAC key or a JWT
 * issuer is configured, i.e. once someone says Lago's endpoint points here.
 */
export function createWebhookVerifiers(config: GatewayConfig, logger: Logger): WebhookSetup {
  const verifiers = new Map<ProviderName, WebhookVerifier>();
  const webhookProviders = new Set<ProviderName>();
  const { webhooks } = config;
  if (config.lago) {
    verifiers.set(
      'LAGO',
      createLagoWebhookVerifier({
        ...(webhooks.lago?.hmacKey && { hmacKey: webhooks.lago.hmacKey }),
        jwtIssuer: webhooks.lago?.jwtIssuer ?? lagoWebhookIssuer(config.lago.apiUrl),
        publicKey: createLagoWebhookPublicKey(
          { ...config.lago, ...config.upstream },
          logger.child({ provider: 'LAGO' }),
        ),
      }),
    );
    if (webhooks.lago) webhookProviders.add('LAGO');
  }
  if (config.flexprice && webhooks.flexprice) {
    verifiers.set(
      'FLEXPRICE',
      createFlexpriceWebhookVerifier({ secret: webhooks.flexprice.secret }),
    );
    webhookProviders.add('FLEXPRICE');
  }
  if (config.polar && webhooks.polar) {
    // Polar sends no wallet events: its hints (orders, refunds, customer state) speed things up,
    // but Polar stays polled.
    verifiers.set('POLAR', createPolarWebhookVerifier({ secret: webhooks.polar.secret }));
  }
  return { verifiers, webhookProviders };
}
