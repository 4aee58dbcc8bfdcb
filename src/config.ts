import { z } from 'zod';
import type { TokenPolicy } from './auth/token-policy.js';
import type { WalletCacheSettings } from './cache/wallet-cache.js';
import type { ProviderName } from './domain/wallet.js';
import { optionalString, positiveInt, httpUrl as url } from './env.js';
import type { ProviderSettings } from './providers/module.js';
import { PROVIDERS } from './providers/registered.js';
import type { ResilienceSettings } from './providers/resilience/settings.js';
import { type FaultSpec, parseFaultSpecs } from './sandbox/faults.js';

const port = z.coerce.number().int().min(0).max(65535);

/** `true` or `false`; unset means the mode's default (on in sandbox mode, off otherwise). */
const booleanFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

/** The gateway's own variables; each provider adds its own (src/providers/<name>/config.ts). */
const gatewayEnv = {
  PORT: port.default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPSTREAM_TIMEOUT_MS: positiveInt.default(5000),
  UPSTREAM_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  UPSTREAM_BUDGET_MS: positiveInt.optional(),
  UPSTREAM_RETRY_AFTER_CAP_MS: positiveInt.default(10_000),
  UPSTREAM_BREAKER_THRESHOLD: positiveInt.default(5),
  UPSTREAM_BREAKER_HALF_OPEN_MS: positiveInt.default(10_000),
  UPSTREAM_BREAKER_HALF_OPEN_INITIAL_MS: positiveInt.default(1000),
  BALANCE_POLL_INTERVAL_MS: positiveInt.min(100).default(5000),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  WALLET_CACHE_MAX_AGE_MS: z.coerce.number().int().min(0).default(60_000),
  WALLET_CACHE_UNVERIFIED_MAX_AGE_MS: z.coerce.number().int().min(0).default(2000),
  WALLET_CACHE_STALE_IF_ERROR_MS: z.coerce.number().int().min(0).default(300_000),
  WALLET_CACHE_MAX_ENTRIES: positiveInt.default(5000),
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5000),
  GATEWAY_API_KEYS: optionalString,
  AUTH_JWT_SECRET: optionalString,
  AUTH_JWKS_URL: url.optional(),
  AUTH_JWT_CLAIM: z.string().trim().min(1).default('sub'),
  AUTH_JWT_ISSUER: optionalString,
  AUTH_JWT_AUDIENCE: optionalString,
  AUTH_JWT_REQUIRE_EXP: z.enum(['true', 'false']).optional(),
  AUTH_JWT_CLOCK_SKEW_S: z.coerce.number().int().min(0).max(600).default(60),
  AUTH_JWT_MAX_LIFETIME_S: positiveInt.optional(),
  LIMIT_MAX_DEPTH: positiveInt.default(10),
  LIMIT_MAX_COST: positiveInt.default(5000),
  LIMIT_MAX_ALIASES: positiveInt.default(30),
  LIMIT_MAX_TOKENS: positiveInt.default(10_000),
  LIMIT_MAX_DIRECTIVES: positiveInt.default(50),
  LIMIT_MAX_BODY_BYTES: positiveInt.default(100_000),
  LIMIT_MAX_NESTING: positiveInt.max(500).default(50),
  LIMIT_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  LIMIT_SUBSCRIPTIONS_PER_SOCKET: positiveInt.default(100),
  LIMIT_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(0).default(100),
  GRAPHIQL: booleanFlag,
  GRAPHQL_INTROSPECTION: booleanFlag,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  CORS_ALLOWED_ORIGINS: z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const origins = text
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const origin of origins) {
        if (origin === '*') continue;
        let parsed: URL | undefined;
        try {
          parsed = new URL(origin);
        } catch {}
        if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
          ctx.addIssue({
            code: 'custom',
            message: `"${origin}" is not an origin such as https://app.example.com (scheme, host, optional port; no path) or *`,
          });
          return z.NEVER;
        }
      }
      return origins;
    }),
  TRUSTED_DOCUMENTS_MANIFEST: optionalString,
  TRUSTED_DOCUMENTS_ONLY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(25),
  SANDBOX_SIMULATION_INTERVAL_MS: z.coerce.number().int().min(0).default(3000),
  SANDBOX_FAULTS: z
    .string()
    .trim()
    .default('')
    .transform((text, ctx) => {
      try {
        return parseFaultSpecs(
          text,
          PROVIDERS.map((p) => p.id),
        );
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e) });
        return z.NEVER;
      }
    }),
};

/** Every environment variable the gateway reads: its own, then each provider's. */
const envSchema = z.object(
  Object.assign({}, gatewayEnv, ...PROVIDERS.map((p) => p.env.variables)) as typeof gatewayEnv,
);

/** The names of every variable the gateway reads (the README documents each). */
export function environmentVariables(): string[] {
  return Object.keys(envSchema.shape);
}

/**
 * A provider's key and the variables that mean nothing without it (all its others). One of them
 * set without the key is a half-configured provider: starting anyway would serve the sandbox's
 * fake balances (or leave the provider silently off), so the gateway refuses and names it.
 */
function refuseHalfConfiguredProviders(set: Readonly<Record<string, unknown>>): void {
  for (const { env } of PROVIDERS) {
    const { key } = env;
    if (key in set) continue;
    const orphan = Object.keys(env.variables).find((name) => name !== key && name in set);
    if (orphan)
      throw new ConfigError(
        `Refusing to start: ${orphan} is set but ${key} is not; set ${key} to use this provider, ` +
          `or unset ${orphan} (sandbox mode needs no provider variable at all)`,
      );
  }
}

export interface AuthConfig {
  readonly apiKeys: readonly string[];
  readonly jwt?: {
    readonly secret?: string;
    readonly jwksUrl?: string;
    readonly claim: string;
    readonly issuer?: string;
    readonly audience?: string;
    readonly policy: TokenPolicy;
  };
}

export interface Limits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxBodyBytes: number;
  /** Brackets a document may nest (selection sets, fragments, lists, input objects). */
  readonly maxNesting: number;
  /** How long a client may take to send a request's headers and body. */
  readonly requestTimeoutMs: number;
  /** Operations one graphql-ws socket may run at once. */
  readonly subscriptionsPerSocket: number;
  /** Open WebSocket connections and SSE streams per remote address; 0 turns the limit off. */
  readonly connectionsPerClient: number;
  /** Operations per caller per minute; 0 turns the limit off. */
  readonly ratePerMinute: number;
}

export type ProviderHttpSettings = ResilienceSettings;

/** Which browser origins may call the gateway (CORS). */
export type CorsPolicy =
  /** Any origin, never with credentials. */
  | { readonly kind: 'any' }
  /** Exactly these origins (credentials allowed); every other origin gets no CORS headers. */
  | { readonly kind: 'list'; readonly origins: readonly string[] };

export interface TrustedDocumentsConfig {
  /** A persisted-documents manifest (`{ "<sha256>": "<document>" }`, codegen's client preset). */
  readonly manifestPath?: string;
  /** Accept only the manifest's documents (no ad-hoc queries, no automatic persisted queries). */
  readonly only: boolean;
}

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  readonly upstream: ProviderHttpSettings;
  /**
   * The configured providers (those whose key is set), by name, each with the settings its own
   * folder read from its variables (webhook secrets included).
   */
  readonly providers: Readonly<Record<ProviderName, ProviderSettings>>;
  readonly auth: AuthConfig;
  readonly limits: Limits;
  readonly cors: CorsPolicy;
  readonly trustedDocuments: TrustedDocumentsConfig;
  /** GraphiQL served at GET /graphql (browsers). */
  readonly graphiql: boolean;
  /** `__schema` and `__type` answered. */
  readonly introspection: boolean;
  readonly shutdownGraceMs: number;
  /** V8's old-generation growth between full collections, in percent (0: V8's own). */
  readonly heapGrowingPercent: number;
  /** Sandbox mode only: how often the usage simulation moves a balance; 0 turns it off. */
  readonly simulationIntervalMs: number;
  /** Sandbox mode only: misbehaviours the sandboxes show from the start (demos). */
  readonly sandboxFaults: readonly FaultSpec[];
  readonly pollIntervalMs: number;
  /** The shared cache of translated wallets (src/cache); absent: no cache (every read goes upstream). */
  readonly walletCache?: WalletCacheSettings;
  /** How long a whole query response is kept per caller (0: not at all); needs the wallet cache. */
  readonly responseCacheTtlMs?: number;
  readonly redisUrl?: string;
  /** True when no provider is configured and the built-in sandboxes serve as upstreams. */
  readonly sandbox: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Empty values count as unset. */
function setVariables(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => {
      const v = entry[1];
      return v !== undefined && v.trim() !== '';
    }),
  );
}

function parseEnvironment<S extends z.ZodType>(schema: S, set: Record<string, string>) {
  const parsed = schema.safeParse(set);
  if (parsed.success) return parsed.data as z.output<S>;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  // The value is echoed only for non-secret variables.
  const shown = /KEY|SECRET|TOKEN|REDIS_URL/.test(name)
    ? ''
    : ` (got ${JSON.stringify(set[name])})`;
  throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}${shown}`);
}

/** Each provider whose key is set, with the settings its own folder reads from its variables. */
function providerSettings(
  values: Readonly<Record<string, unknown>>,
): Record<ProviderName, ProviderSettings> {
  return Object.fromEntries(
    PROVIDERS.filter((p) => values[p.env.key] !== undefined).map((p) => [
      p.name,
      p.env.read(values),
    ]),
  );
}

/**
 * The providers' part of a configuration from provider variables alone (sandbox mode points the
 * gateway at its in-process sandboxes with the variables they give).
 */
export function readProviders(
  env: Readonly<Record<string, string | undefined>>,
): Pick<GatewayConfig, 'providers'> {
  const set = setVariables(env);
  const schema = z.object(Object.assign({}, ...PROVIDERS.map((p) => p.env.variables)));
  return { providers: providerSettings(parseEnvironment(schema, set)) };
}

/** Parses the environment; a bad value throws a one-line ConfigError naming the variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const cleaned = setVariables(env);
  const e = parseEnvironment(envSchema, cleaned);
  refuseHalfConfiguredProviders(cleaned);
  const providers = providerSettings(e);
  const sandbox = Object.keys(providers).length === 0;
  const apiKeys = (e.GATEWAY_API_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (e.AUTH_JWT_SECRET && e.AUTH_JWKS_URL)
    throw new ConfigError('Invalid configuration: set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both');
  const jwt =
    e.AUTH_JWT_SECRET || e.AUTH_JWKS_URL
      ? {
          ...(e.AUTH_JWT_SECRET && { secret: e.AUTH_JWT_SECRET }),
          ...(e.AUTH_JWKS_URL && { jwksUrl: e.AUTH_JWKS_URL }),
          claim: e.AUTH_JWT_CLAIM,
          ...(e.AUTH_JWT_ISSUER && { issuer: e.AUTH_JWT_ISSUER }),
          ...(e.AUTH_JWT_AUDIENCE && { audience: e.AUTH_JWT_AUDIENCE }),
          policy: {
            // Sandbox mode keeps hand-made demo tokens working; a real deployment needs `exp`.
            requireExp: (e.AUTH_JWT_REQUIRE_EXP ?? String(!sandbox)) === 'true',
            clockSkewS: e.AUTH_JWT_CLOCK_SKEW_S,
            ...(e.AUTH_JWT_MAX_LIFETIME_S && { maxLifetimeS: e.AUTH_JWT_MAX_LIFETIME_S }),
          },
        }
      : undefined;
  if (e.TRUSTED_DOCUMENTS_ONLY && !e.TRUSTED_DOCUMENTS_MANIFEST)
    throw new ConfigError(
      'Invalid configuration: TRUSTED_DOCUMENTS_ONLY=true needs TRUSTED_DOCUMENTS_MANIFEST',
    );
  const corsOrigins = e.CORS_ALLOWED_ORIGINS ?? (sandbox ? ['*'] : []);
  const cors: CorsPolicy = corsOrigins.includes('*')
    ? { kind: 'any' }
    : { kind: 'list', origins: corsOrigins };
  if (!sandbox && apiKeys.length === 0 && !jwt) {
    throw new ConfigError(
      'Refusing to start: real providers are configured but no caller authentication is; ' +
        'set GATEWAY_API_KEYS and/or AUTH_JWT_SECRET or AUTH_JWKS_URL ' +
        '(anonymous access exists only in sandbox mode)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    upstream: {
      timeoutMs: e.UPSTREAM_TIMEOUT_MS,
      retries: e.UPSTREAM_RETRIES,
      ...(e.UPSTREAM_BUDGET_MS && { budgetMs: e.UPSTREAM_BUDGET_MS }),
      retryAfterCapMs: e.UPSTREAM_RETRY_AFTER_CAP_MS,
      breakerThreshold: e.UPSTREAM_BREAKER_THRESHOLD,
      halfOpenInitialMs: e.UPSTREAM_BREAKER_HALF_OPEN_INITIAL_MS,
      halfOpenMaxMs: e.UPSTREAM_BREAKER_HALF_OPEN_MS,
    },
    providers,
    auth: { apiKeys, ...(jwt && { jwt }) },
    limits: {
      maxDepth: e.LIMIT_MAX_DEPTH,
      maxCost: e.LIMIT_MAX_COST,
      maxAliases: e.LIMIT_MAX_ALIASES,
      maxTokens: e.LIMIT_MAX_TOKENS,
      maxDirectives: e.LIMIT_MAX_DIRECTIVES,
      maxBodyBytes: e.LIMIT_MAX_BODY_BYTES,
      maxNesting: e.LIMIT_MAX_NESTING,
      requestTimeoutMs: e.LIMIT_REQUEST_TIMEOUT_MS,
      subscriptionsPerSocket: e.LIMIT_SUBSCRIPTIONS_PER_SOCKET,
      connectionsPerClient: e.LIMIT_CONNECTIONS_PER_CLIENT,
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
    },
    cors,
    trustedDocuments: {
      ...(e.TRUSTED_DOCUMENTS_MANIFEST && { manifestPath: e.TRUSTED_DOCUMENTS_MANIFEST }),
      only: e.TRUSTED_DOCUMENTS_ONLY,
    },
    graphiql: e.GRAPHIQL ?? sandbox,
    introspection: e.GRAPHQL_INTROSPECTION ?? sandbox,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    simulationIntervalMs: e.SANDBOX_SIMULATION_INTERVAL_MS,
    sandboxFaults: e.SANDBOX_FAULTS,
    pollIntervalMs: e.BALANCE_POLL_INTERVAL_MS,
    walletCache: {
      maxAgeMs: e.WALLET_CACHE_MAX_AGE_MS,
      unverifiedMaxAgeMs: e.WALLET_CACHE_UNVERIFIED_MAX_AGE_MS,
      staleIfErrorMs: e.WALLET_CACHE_STALE_IF_ERROR_MS,
      maxEntries: e.WALLET_CACHE_MAX_ENTRIES,
    },
    responseCacheTtlMs: e.RESPONSE_CACHE_TTL_MS,
    ...(e.REDIS_URL && { redisUrl: e.REDIS_URL }),
    sandbox,
  };
}
