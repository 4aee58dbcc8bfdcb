import { Redis } from 'ioredis';
import { SignJWT } from 'jose';
import type { Sandboxes } from '../../src/sandbox/index.js';
import type { RedisServer } from '../helpers/redis-server.js';
import { type GatewayUnderTest, gatewayFor } from '../helpers/stack.js';

/** The wallet cache as production runs it (webhooks: 60 s; polled: 2 s; stale-if-error: 5 min). */
export const CACHE_ON = {
  WALLET_CACHE_MAX_AGE_MS: '60000',
  WALLET_CACHE_UNVERIFIED_MAX_AGE_MS: '2000',
  WALLET_CACHE_STALE_IF_ERROR_MS: '300000',
  RESPONSE_CACHE_TTL_MS: '0',
};

export const JWT_SECRET = 'walletgate-cache-jwt-secret-0123456789abcdef';

/** The Authorization header of a customer token for `sub`, signed with JWT_SECRET, valid 1 h. */
export const asCustomer = async (sub: string) => ({
  authorization: `Bearer ${await new SignJWT({ sub })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET))}`,
});

/** A clock the test moves: the cache measures every age on it. */
export function testClock() {
  let now = Date.now();
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/**
 * Replicas of a gateway in sandbox mode (the sandboxes' webhook secrets configured, so Lago and
 * Flexprice are webhook providers and Polar is polled), sharing `redis` when given, and a clock.
 */
export async function replicas(
  sandboxes: Sandboxes,
  count: number,
  options: {
    redis?: RedisServer;
    clock: () => number;
    env?: Record<string, string>;
    /** false: answer in process only (yoga.fetch), without listening. */
    listen?: boolean;
  },
): Promise<(GatewayUnderTest & { url: string })[]> {
  if (options.redis) {
    const client = new Redis(options.redis.url);
    await client.flushall();
    await client.quit();
  }
  const env = {
    ...CACHE_ON,
    AUTH_JWT_SECRET: JWT_SECRET,
    ...(options.redis && { REDIS_URL: options.redis.url }),
    ...options.env,
  };
  const gateways = Array.from({ length: count }, () =>
    gatewayFor(sandboxes, env, { sandboxMode: true, clock: options.clock }),
  );
  const urls = await Promise.all(
    gateways.map((g) => (options.listen === false ? '' : g.gateway.listen())),
  );
  return gateways.map((g, i) => ({ ...g, url: urls[i]! }));
}

export const CUSTOMER_WALLETS = /* GraphQL */ `
  query CachedCustomerWallets($id: String!, $fresh: Boolean) {
    customer(externalId: $id, fresh: $fresh) {
      wallets { id provider providerWalletId balance { amount } fetchedAt }
    }
  }
`;

export interface WalletView {
  readonly id: string;
  readonly provider: string;
  readonly providerWalletId: string;
  readonly balance: { readonly amount: string };
  readonly fetchedAt: string;
}

export interface CustomerWalletsResult {
  readonly customer: { readonly wallets: readonly WalletView[] } | null;
}

/** The wallet with this provider id in a customer answer (fails the test when absent). */
export function walletIn(data: CustomerWalletsResult | null | undefined, id: string): WalletView {
  const found = data?.customer?.wallets.find((w) => w.providerWalletId === id);
  if (!found) throw new Error(`wallet ${id} missing from the answer`);
  return found;
}

/** GETs of a Lago customer's wallet list the Lago sandbox received. */
export const lagoListCalls = (sandboxes: Sandboxes) =>
  sandboxes.lago.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/wallets').length;

export const gid = (key: string) => Buffer.from(`Wallet:${key}`).toString('base64');

export const HOOLI_LAGO = '1a901a90-1a90-4a90-8a90-000000000001';
export const ACME_LAGO = '1a901a90-1a90-4a90-8a90-000000000004';
