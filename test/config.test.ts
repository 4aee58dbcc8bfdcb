import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('defaults to sandbox mode on port 4000 when no provider key is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, sandbox: true, upstream: { timeoutMs: 5000, retries: 2 } });
    expect(config.lago).toBeUndefined();
  });

  it('turns Lago on when its key is set, with or without the /api/v1 prefix in the URL', () => {
    expect(loadConfig({ LAGO_API_KEY: 'k', LAGO_API_URL: 'http://lago:3000' })).toMatchObject({ sandbox: false, lago: { apiUrl: 'http://lago:3000', apiKey: 'k' } });
    expect(loadConfig({ LAGO_API_KEY: 'k' }).lago?.apiUrl).toBe('https://api.getlago.com/api/v1');
  });

  it('turns Flexprice and Polar on by their keys, each with its default cloud URL', () => {
    const config = loadConfig({ FLEXPRICE_API_KEY: 'fk', FLEXPRICE_ENVIRONMENT_ID: 'env_1', POLAR_ACCESS_TOKEN: 'pt' });
    expect(config).toMatchObject({
      sandbox: false,
      flexprice: { apiUrl: 'https://us.api.flexprice.io/v1', apiKey: 'fk', environmentId: 'env_1' },
      polar: { apiUrl: 'https://api.polar.sh/v1', accessToken: 'pt' },
    });
    expect(config.lago).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ LAGO_API_KEY: '', PORT: '' })).toMatchObject({ sandbox: true, port: 4000 });
  });

  it('stops with a one-line message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Invalid configuration: PORT: .*\(got "eighty"\)$/);
    expect(() => loadConfig({ LAGO_API_URL: 'not a url', LAGO_API_KEY: 'k' })).toThrow(/^Invalid configuration: LAGO_API_URL: /);
    expect(() => loadConfig({ UPSTREAM_RETRIES: '99' })).toThrow(/UPSTREAM_RETRIES/);
  });

  it('never echoes a secret value in the message', () => {
    const secret = 'lago-secret-value';
    expect(() => loadConfig({ LAGO_API_KEY: secret, LAGO_API_URL: 'ftp://nope' })).toThrow(/LAGO_API_URL/);
    try {
      loadConfig({ LAGO_API_KEY: secret, LAGO_API_URL: 'ftp://nope' });
    } catch (e) {
      expect(String(e)).not.toContain(secret);
    }
  });
});
