import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { GatewayConfig } from '../config.js';

/**
 * Abuse limits on what a query may ask: depth, cost, aliases, tokens, directives (GraphQL Armor),
 * field suggestions blocked outside sandbox mode (they map the schema for an attacker), and CSRF
 * prevention. Each refusal names the limit it hit.
 */
export function useQueryLimits(config: GatewayConfig): Plugin[] {
  const { limits } = config;
  return [
    EnvelopArmorPlugin({
      maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true },
      // A gentle depth factor: depth has its own limit, so cost measures breadth (aliases x fields).
      costLimit: {
        maxCost: limits.maxCost,
        depthCostFactor: 1.2,
        ignoreIntrospection: true,
        exposeLimits: true,
      },
      maxAliases: { n: limits.maxAliases, exposeLimits: true },
      maxTokens: { n: limits.maxTokens, exposeLimits: true },
      maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
      blockFieldSuggestion: { enabled: !config.sandbox },
    }) as Plugin,
    // A JSON POST is preflighted by browsers; a "simple" request (GET, form POST) must carry a
    // header a cross-site page cannot set without a preflight. Credentials are headers too.
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'x-api-key', 'authorization'] }),
  ];
}

/** Operations per caller per minute, shared across replicas when Redis is configured. */
export function createRateLimiter(
  config: GatewayConfig,
  redis?: Redis,
): RateLimiterAbstract | undefined {
  if (config.limits.ratePerMinute === 0) return undefined;
  const options = {
    points: config.limits.ratePerMinute,
    duration: 60,
    keyPrefix: 'walletgate:rate',
  };
  return redis
    ? new RateLimiterRedis({ ...options, storeClient: redis })
    : new RateLimiterMemory(options);
}

export async function consumeRate(
  limiter: RateLimiterAbstract | undefined,
  key: string,
  perMinute: number,
): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(key);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw createGraphQLError(
      `Rate limit exceeded: at most ${perMinute} operations per minute per caller; retry in ${retryAfter} s`,
      {
        extensions: {
          code: 'RATE_LIMITED',
          limit: 'RATE_LIMIT_PER_MINUTE',
          http: { status: 429, headers: { 'retry-after': String(retryAfter) } },
        },
      },
    );
  }
}
