import type { Plugin } from 'graphql-yoga';
import type { ProviderName } from '../domain/wallet.js';
import type { Logger } from '../logger.js';
import { providerWithId } from '../providers/registered.js';
import {
  type VerifiedDelivery,
  WebhookRejected,
  type WebhookVerifier,
} from '../providers/webhook.js';
import type { BalanceRefresher } from './refresher.js';
import type { LiveStores } from './stores.js';
import type { TransactionEvents } from './transactions.js';

// Providers retry for up to days (Svix, Polar: 10 attempts); a delivery id stays "seen" that long.
const DEDUPE_TTL_MS = 3 * 24 * 3600 * 1000;
const MAX_BODY_BYTES = 1024 * 1024;
// A delivery answered 202 is not sent again: a failed re-read is retried here instead.
const REREAD_RETRY_DELAYS_MS = [500, 2000, 5000];

/** How a delivery was answered (metrics): `unavailable` ones were refused with 503. */
export type WebhookDeliveryResult = 'accepted' | 'duplicate' | 'rejected' | 'unavailable';

export interface WebhookRouteDeps {
  readonly verifiers: ReadonlyMap<ProviderName, WebhookVerifier>;
  readonly stores: LiveStores;
  readonly refresher: BalanceRefresher;
  /** Publishes the transactions a delivery announces (walletTransactionCreated). */
  readonly transactions?: TransactionEvents | undefined;
  readonly logger: Logger;
  /** Background re-fetches in flight (graceful shutdown and tests wait on them). */
  readonly inFlight: Set<Promise<unknown>>;
  /** Counts deliveries (metrics). */
  readonly onDelivery?:
    | ((provider: ProviderName, result: WebhookDeliveryResult) => void)
    | undefined;
}

// How long a provider is asked to wait before sending a refused delivery again.
const RETRY_AFTER_SECONDS = 30;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A delivery the gateway cannot take now: the provider retries it (never a stack trace). */
const unavailable = (error: string) =>
  json(503, { error, code: 'WEBHOOK_UNAVAILABLE' }, { 'retry-after': String(RETRY_AFTER_SECONDS) });

/**
 * `POST /webhooks/<provider id>` (`/webhooks/lago`). The signature is checked on the raw body before
 * anything is parsed; a verified, first-seen delivery is acknowledged at once (202) and its
 * wallets are re-read in the background, so a slow upstream never delays the provider's retry clock.
 */
export function useWebhookRoutes(deps: WebhookRouteDeps): Plugin {
  return {
    async onRequest({ url, request, endResponse }) {
      const match = /^\/webhooks\/([a-z0-9-]+)\/?$/.exec(url.pathname);
      if (!match) return;
      const provider = providerWithId(match[1]!)?.name;
      if (!provider) return endResponse(json(404, { error: 'unknown provider' }));
      if (request.method !== 'POST') return endResponse(json(405, { error: 'use POST' }));
      const verifier = deps.verifiers.get(provider);
      if (!verifier)
        return endResponse(
          json(404, { error: `webhooks for ${provider} are not configured on this gateway` }),
        );
      if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES)
        return endResponse(json(413, { error: 'body too large' }));

      const raw = await request.text();
      if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
        return endResponse(json(413, { error: 'body too large' }));
      let delivery: VerifiedDelivery;
      try {
        delivery = await verifier.verify(raw, request.headers);
      } catch (e) {
        if (e instanceof WebhookRejected) {
          deps.onDelivery?.(provider, 'rejected');
          deps.logger.warn({ provider, status: e.status, reason: e.message }, 'webhook rejected');
          return endResponse(json(e.status, { error: e.message }));
        }
        // The verifier could not check (Lago's public key unreachable): 503 makes the provider retry.
        deps.onDelivery?.(provider, 'unavailable');
        deps.logger.error(
          { provider, reason: 'verification', err: e instanceof Error ? e.message : 'unknown' },
          'webhook verification unavailable',
        );
        return endResponse(unavailable('verification temporarily unavailable'));
      }

      let first: boolean;
      try {
        first = await deps.stores.firstSeen(
          `webhook:${provider}:${delivery.deliveryId}`,
          DEDUPE_TTL_MS,
        );
      } catch (e) {
        // The stores answer from memory when Redis cannot; this is for anything else.
        deps.onDelivery?.(provider, 'unavailable');
        deps.logger.error(
          { provider, reason: 'dedupe', err: e instanceof Error ? e.message : 'unknown' },
          'webhook dedupe unavailable',
        );
        return endResponse(unavailable('delivery dedupe temporarily unavailable'));
      }
      if (!first) {
        deps.onDelivery?.(provider, 'duplicate');
        deps.logger.info(
          { provider, deliveryId: delivery.deliveryId },
          'duplicate webhook delivery ignored',
        );
        return endResponse(json(200, { status: 'duplicate' }));
      }
      deps.onDelivery?.(provider, 'accepted');
      deps.logger.info(
        {
          provider,
          deliveryId: delivery.deliveryId,
          eventType: delivery.eventType,
          hints: delivery.hints.length,
        },
        'webhook accepted',
      );
      if (delivery.hints.length > 0) {
        const work = deps.refresher
          .refresh(delivery.hints, 'WEBHOOK', REREAD_RETRY_DELAYS_MS)
          .catch((e: unknown) =>
            deps.logger.warn(
              { provider, err: e instanceof Error ? e.message : String(e) },
              'webhook re-fetch failed',
            ),
          )
          .finally(() => deps.inFlight.delete(work));
        deps.inFlight.add(work);
      }
      if (delivery.transactions?.length && deps.transactions) {
        const work = deps.transactions
          .fromWebhook(delivery.transactions, REREAD_RETRY_DELAYS_MS)
          .catch((e: unknown) =>
            deps.logger.warn(
              { provider, err: e instanceof Error ? e.message : String(e) },
              'transaction event failed',
            ),
          )
          .finally(() => deps.inFlight.delete(work));
        deps.inFlight.add(work);
      }
      return endResponse(json(202, { status: 'accepted' }));
    },
  };
}
