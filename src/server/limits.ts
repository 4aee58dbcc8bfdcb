import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { GatewayConfig } from '../config.js';
import { useIntrospectionOff } from './useIntrospectionOff.js';
import { useNestingLimit } from './useNestingLimit.js';
import { useSuggestionsBlocked } from './useSuggestionsBlocked.js';
import { withErrorsMapped } from './withErrorsMapped.js';

type LimitName =
  | 'LIMIT_MAX_DEPTH'
  | 'LIMIT_MAX_COST'
  | 'LIMIT_MAX_ALIASES'
  | 'LIMIT_MAX_TOKENS'
  | 'LIMIT_MAX_DIRECTIVES';

/** Armor's message without its misleading "Syntax Error: " prefix (only the token limit is one). */
const limitMessage = (armorError: GraphQLError) =>
  armorError.message.replace(/^Syntax Error: /, '');

/**
 * A refusal by one of the validation-time limits: reported like any validation error (HTTP 400
 * under application/graphql-response+json), with a code and the limit's variable name.
 */
function reportLimit(limit: LimitName, skip?: (context: ValidationContext) => boolean) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, armorError: GraphQLError) => {
        if (!context || skip?.(context)) return;
        context.reportError(
          new GraphQLError(limitMessage(armorError), {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit },
          }),
        );
      },
    ],
  };
}

/** The token limit runs inside the parser: its refusal is a parse error, with the limit named. */
const refuseTokens = {
  onReject: [
    (_context: unknown, armorError: GraphQLError) => {
      throw new GraphQLError(limitMessage(armorError), {
        extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'LIMIT_MAX_TOKENS' },
      });
    },
  ],
};

/** CSRF prevention's refusal, with a code and what to send instead. */
function csrfRefusal(e: unknown): unknown {
  if (!(e instanceof GraphQLError)) return e;
  return createGraphQLError(
    'Refused as a possible cross-site request: send the operation as JSON (Content-Type: application/json), or with a credential header (x-api-key, Authorization) or an x-graphql-yoga-csrf header',
    { extensions: { code: 'CSRF_CHECK_FAILED', http: { status: 403 } } },
  );
}

/**
 * Abuse limits on what a query may ask: nesting (before parsing), depth, cost, aliases, tokens,
 * directives (GraphQL Armor), introspection and suggestions off outside sandbox mode (they map
 * the schema for an attacker), and CSRF prevention. Each refusal names the limit it hit.
 * Introspection counts towards cost and aliases like any field; its depth is bounded by
 * graphql-js's own MaxIntrospectionDepthRule (nested lists), since GraphiQL's introspection query
 * is deeper than any sensible LIMIT_MAX_DEPTH.
 */
export function useQueryLimits(
  config: GatewayConfig,
  options: { skipCostWhen?: (context: ValidationContext) => boolean } = {},
): Plugin[] {
  const { limits } = config;
  return [
    useNestingLimit(limits.maxNesting),
    EnvelopArmorPlugin({
      maxDepth: {
        n: limits.maxDepth,
        ignoreIntrospection: true,
        exposeLimits: true,
        ...reportLimit('LIMIT_MAX_DEPTH'),
      },
      // A gentle depth factor: depth has its own limit, so cost measures breadth (aliases x fields).
      costLimit: {
        maxCost: limits.maxCost,
        depthCostFactor: 1.2,
        ignoreIntrospection: false,
        exposeLimits: true,
        ...reportLimit('LIMIT_MAX_COST', options.skipCostWhen),
      },
      // `__typename` aliases are aliases too: each is one more field executed and answered.
      maxAliases: {
        n: limits.maxAliases,
        allowList: [],
        exposeLimits: true,
        ...reportLimit('LIMIT_MAX_ALIASES'),
      },
      maxTokens: { n: limits.maxTokens, exposeLimits: true, ...refuseTokens },
      maxDirectives: {
        n: limits.maxDirectives,
        exposeLimits: true,
        ...reportLimit('LIMIT_MAX_DIRECTIVES'),
      },
      // Armor's mask misses enum values ("Did you mean the enum value …"): useSuggestionsBlocked.
      blockFieldSuggestion: { enabled: false },
    }) as Plugin,
    ...(config.introspection ? [] : [useIntrospectionOff()]),
    ...(config.sandbox ? [] : [useSuggestionsBlocked()]),
    // A JSON POST is preflighted by browsers; a "simple" request (GET, form POST) must carry a
    // header a cross-site page cannot set without a preflight. Credentials are headers too.
    withErrorsMapped(
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'x-api-key', 'authorization'] }),
      csrfRefusal,
    ),
  ];
}

/**
 * Operations per caller per minute, shared across replicas when Redis is configured. While Redis
 * is away (or before it is ready) each replica counts on its own, so no request waits for or
 * fails with Redis; the fleet then allows up to one budget per replica.
 */
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
    ? new RateLimiterRedis({
        ...options,
        storeClient: redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      })
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
