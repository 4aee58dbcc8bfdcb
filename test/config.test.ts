import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('defaults to sandbox mode on port 4000 when no provider key is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      sandbox: true,
      upstream: { timeoutMs: 5000, retries: 2 },
    });
    expect(config.providers).toEqual({});
  });

  it('turns Lago on when its key is set, with or without the /api/v1 prefix in the URL', () => {
    expect(
      loadConfig({ LAGO_API_KEY: 'k', LAGO_API_URL: 'http://lago:3000', GATEWAY_API_KEYS: 's' }),
    ).toMatchObject({
      sandbox: false,
      providers: { LAGO: { apiUrl: 'http://lago:3000', apiKey: 'k' } },
    });
    expect(loadConfig({ LAGO_API_KEY: 'k', GATEWAY_API_KEYS: 's' }).providers).toEqual({
      LAGO: { apiUrl: 'https://api.getlago.com/api/v1', apiKey: 'k' },
    });
  });

  it('turns Flexprice and Polar on by their keys, each with its default cloud URL', () => {
    const config = loadConfig({
      FLEXPRICE_API_KEY: 'fk',
      FLEXPRICE_ENVIRONMENT_ID: 'env_1',
      POLAR_ACCESS_TOKEN: 'pt',
      GATEWAY_API_KEYS: 's',
    });
    expect(config).toMatchObject({ sandbox: false });
    expect(config.providers).toEqual({
      FLEXPRICE: { apiUrl: 'https://us.api.flexprice.io/v1', apiKey: 'fk', environmentId: 'env_1' },
      POLAR: { apiUrl: 'https://api.polar.sh/v1', accessToken: 'pt' },
    });
  });

  it('refuses to start with real providers and no caller authentication, saying why', () => {
    expect(() => loadConfig({ LAGO_API_KEY: 'k' })).toThrow(
      /^Refusing to start: real providers are configured but no caller authentication is/,
    );
    expect(
      loadConfig({ LAGO_API_KEY: 'k', AUTH_JWT_SECRET: 'x'.repeat(32) }).auth.jwt,
    ).toMatchObject({ claim: 'sub' });
    expect(loadConfig({}).sandbox).toBe(true);
  });

  it.each([
    ['LAGO_API_URL', 'https://lago.example/api/v1', 'LAGO_API_KEY'],
    ['LAGO_WEBHOOK_HMAC_KEY', 'hmac', 'LAGO_API_KEY'],
    ['LAGO_WEBHOOK_JWT_ISSUER', 'https://lago.example', 'LAGO_API_KEY'],
    ['FLEXPRICE_API_URL', 'https://flexprice.example/v1', 'FLEXPRICE_API_KEY'],
    ['FLEXPRICE_ENVIRONMENT_ID', 'env_1', 'FLEXPRICE_API_KEY'],
    ['FLEXPRICE_WEBHOOK_SECRET', 'whsec_c2VjcmV0', 'FLEXPRICE_API_KEY'],
    ['POLAR_API_URL', 'https://polar.example/v1', 'POLAR_ACCESS_TOKEN'],
    ['POLAR_WEBHOOK_SECRET', 'polar_whs_1', 'POLAR_ACCESS_TOKEN'],
  ])('refuses a half-configured provider: %s without its key', (name, value, key) => {
    const message = new RegExp(`^Refusing to start: ${name} is set but ${key} is not;`);
    // Alone (no sandbox fallback) and beside a fully configured other provider.
    expect(() => loadConfig({ [name]: value })).toThrow(message);
    const other =
      key === 'POLAR_ACCESS_TOKEN' ? { LAGO_API_KEY: 'k' } : { POLAR_ACCESS_TOKEN: 't' };
    expect(() => loadConfig({ ...other, GATEWAY_API_KEYS: 's', [name]: value })).toThrow(message);
    // A secret's value never appears in the refusal.
    expect(() => loadConfig({ [name]: value })).not.toThrow(value);
  });

  it('reads API keys as a comma-separated list and the JWT claim', () => {
    expect(
      loadConfig({
        GATEWAY_API_KEYS: ' a , b,,c ',
        AUTH_JWKS_URL: 'https://id.example/jwks.json',
        AUTH_JWT_CLAIM: 'customer_id',
      }).auth,
    ).toEqual({
      apiKeys: ['a', 'b', 'c'],
      jwt: {
        jwksUrl: 'https://id.example/jwks.json',
        claim: 'customer_id',
        policy: { requireExp: false, clockSkewS: 60 },
      },
    });
    expect(() =>
      loadConfig({ AUTH_JWT_SECRET: 's', AUTH_JWKS_URL: 'https://id.example/jwks.json' }),
    ).toThrow(/not both/);
  });

  it('requires exp outside sandbox mode unless told otherwise; bounds the clock skew', () => {
    const jwtEnv = { LAGO_API_KEY: 'k', AUTH_JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(jwtEnv).auth.jwt?.policy).toEqual({ requireExp: true, clockSkewS: 60 });
    expect(loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32) }).auth.jwt?.policy.requireExp).toBe(false);
    expect(
      loadConfig({
        ...jwtEnv,
        AUTH_JWT_REQUIRE_EXP: 'false',
        AUTH_JWT_CLOCK_SKEW_S: '5',
        AUTH_JWT_MAX_LIFETIME_S: '3600',
      }).auth.jwt?.policy,
    ).toEqual({ requireExp: false, clockSkewS: 5, maxLifetimeS: 3600 });
    expect(() => loadConfig({ ...jwtEnv, AUTH_JWT_CLOCK_SKEW_S: '3600' })).toThrow(
      /^Invalid configuration: AUTH_JWT_CLOCK_SKEW_S: /,
    );
    expect(() => loadConfig({ ...jwtEnv, AUTH_JWT_REQUIRE_EXP: 'yes' })).toThrow(
      /^Invalid configuration: AUTH_JWT_REQUIRE_EXP: /,
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ LAGO_API_KEY: '', PORT: '' })).toMatchObject({ sandbox: true, port: 4000 });
  });

  it('stops with a one-line message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      /^Invalid configuration: PORT: .*\(got "eighty"\)$/,
    );
    expect(() => loadConfig({ LAGO_API_URL: 'not a url', LAGO_API_KEY: 'k' })).toThrow(
      /^Invalid configuration: LAGO_API_URL: /,
    );
    expect(() => loadConfig({ UPSTREAM_RETRIES: '99' })).toThrow(/UPSTREAM_RETRIES/);
  });

  it('GraphiQL and introspection: on in sandbox mode, off with real providers, each switchable', () => {
    const production = { LAGO_API_KEY: 'k', GATEWAY_API_KEYS: 'server-key' };
    expect(loadConfig({})).toMatchObject({ graphiql: true, introspection: true });
    expect(loadConfig(production)).toMatchObject({ graphiql: false, introspection: false });
    expect(
      loadConfig({ ...production, GRAPHIQL: 'true', GRAPHQL_INTROSPECTION: 'true' }),
    ).toMatchObject({ graphiql: true, introspection: true });
    expect(loadConfig({ GRAPHIQL: 'false', GRAPHQL_INTROSPECTION: 'false' })).toMatchObject({
      graphiql: false,
      introspection: false,
    });
    expect(() => loadConfig({ GRAPHIQL: 'yes' })).toThrow(
      /^Invalid configuration: GRAPHIQL: .*\(got "yes"\)$/,
    );
  });

  it('the connection and nesting limits: defaults, 0 turns the per-client limit off, bounds', () => {
    expect(loadConfig({}).limits).toMatchObject({
      maxNesting: 50,
      requestTimeoutMs: 30_000,
      subscriptionsPerSocket: 100,
      connectionsPerClient: 100,
    });
    expect(loadConfig({ LIMIT_CONNECTIONS_PER_CLIENT: '0' }).limits.connectionsPerClient).toBe(0);
    expect(() => loadConfig({ LIMIT_MAX_NESTING: '5000' })).toThrow(/LIMIT_MAX_NESTING/);
    expect(() => loadConfig({ LIMIT_SUBSCRIPTIONS_PER_SOCKET: '0' })).toThrow(
      /LIMIT_SUBSCRIPTIONS_PER_SOCKET/,
    );
    expect(() => loadConfig({ LIMIT_REQUEST_TIMEOUT_MS: 'soon' })).toThrow(
      /LIMIT_REQUEST_TIMEOUT_MS/,
    );
  });

  it('never echoes a secret value in the message', () => {
    const secret = 'lago-secret-value';
    expect(() => loadConfig({ LAGO_API_KEY: secret, LAGO_API_URL: 'ftp://nope' })).toThrow(
      /LAGO_API_URL/,
    );
    try {
      loadConfig({ LAGO_API_KEY: secret, LAGO_API_URL: 'ftp://nope' });
    } catch (e) {
      expect(String(e)).not.toContain(secret);
    }
  });
});
