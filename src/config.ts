import { z } from 'zod';

const optionalString = z.string().trim().min(1).optional();
const url = z.url({ protocol: /^https?$/ });
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** Every environment variable the gateway reads. Empty strings count as unset. */
const envSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPSTREAM_TIMEOUT_MS: positiveInt.default(5000),
  UPSTREAM_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  LAGO_API_URL: url.default('https://api.getlago.com/api/v1'),
  LAGO_API_KEY: optionalString,
  FLEXPRICE_API_URL: url.default('https://us.api.flexprice.io/v1'),
  FLEXPRICE_API_KEY: optionalString,
  FLEXPRICE_ENVIRONMENT_ID: optionalString,
  POLAR_API_URL: url.default('https://api.polar.sh/v1'),
  POLAR_ACCESS_TOKEN: optionalString,
  BALANCE_POLL_INTERVAL_MS: positiveInt.min(100).default(5000),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  LAGO_WEBHOOK_HMAC_KEY: optionalString,
  // Set when Lago's webhook endpoint signs with JWT: deliveries then need no shared secret, and
  // this names the expected `iss` (the Lago server's own LAGO_API_URL).
  LAGO_WEBHOOK_JWT_ISSUER: url.optional(),
  FLEXPRICE_WEBHOOK_SECRET: z.string().trim().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a Svix secret (whsec_…)').optional(),
  POLAR_WEBHOOK_SECRET: optionalString,
});

export interface WebhookSettings {
  readonly lago?: { readonly hmacKey?: string; readonly jwtIssuer?: string };
  readonly flexprice?: { readonly secret: string };
  readonly polar?: { readonly secret: string };
}

export interface ProviderHttpSettings {
  readonly timeoutMs: number;
  readonly retries: number;
}

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  readonly upstream: ProviderHttpSettings;
  readonly lago?: { readonly apiUrl: string; readonly apiKey: string };
  readonly flexprice?: { readonly apiUrl: string; readonly apiKey: string; readonly environmentId?: string };
  readonly polar?: { readonly apiUrl: string; readonly accessToken: string };
  readonly webhooks: WebhookSettings;
  readonly pollIntervalMs: number;
  readonly redisUrl?: string;
  /** True when no provider is configured and the built-in sandboxes serve as upstreams. */
  readonly sandbox: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value throws a one-line ConfigError naming the variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    // The value is echoed only for non-secret variables.
    const shown = /KEY|SECRET|TOKEN|REDIS_URL/.test(name) ? '' : ` (got ${JSON.stringify(cleaned[name])})`;
    throw new ConfigError(`Invalid configuration: ${name}: ${issue.message}${shown}`);
  }
  const e = parsed.data;
  const lago = e.LAGO_API_KEY ? { apiUrl: e.LAGO_API_URL, apiKey: e.LAGO_API_KEY } : undefined;
  const flexprice = e.FLEXPRICE_API_KEY
    ? { apiUrl: e.FLEXPRICE_API_URL, apiKey: e.FLEXPRICE_API_KEY, ...(e.FLEXPRICE_ENVIRONMENT_ID && { environmentId: e.FLEXPRICE_ENVIRONMENT_ID }) }
    : undefined;
  const polar = e.POLAR_ACCESS_TOKEN ? { apiUrl: e.POLAR_API_URL, accessToken: e.POLAR_ACCESS_TOKEN } : undefined;
  const webhooks: WebhookSettings = {
    ...((e.LAGO_WEBHOOK_HMAC_KEY || e.LAGO_WEBHOOK_JWT_ISSUER) && {
      lago: { ...(e.LAGO_WEBHOOK_HMAC_KEY && { hmacKey: e.LAGO_WEBHOOK_HMAC_KEY }), ...(e.LAGO_WEBHOOK_JWT_ISSUER && { jwtIssuer: e.LAGO_WEBHOOK_JWT_ISSUER }) },
    }),
    ...(e.FLEXPRICE_WEBHOOK_SECRET && { flexprice: { secret: e.FLEXPRICE_WEBHOOK_SECRET } }),
    ...(e.POLAR_WEBHOOK_SECRET && { polar: { secret: e.POLAR_WEBHOOK_SECRET } }),
  };
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    upstream: { timeoutMs: e.UPSTREAM_TIMEOUT_MS, retries: e.UPSTREAM_RETRIES },
    ...(lago && { lago }),
    ...(flexprice && { flexprice }),
    ...(polar && { polar }),
    webhooks,
    pollIntervalMs: e.BALANCE_POLL_INTERVAL_MS,
    ...(e.REDIS_URL && { redisUrl: e.REDIS_URL }),
    sandbox: !lago && !flexprice && !polar,
  };
}
