import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/**
 * CORS as browsers enforce it: a page on an allowed origin (another port of this machine) calls
 * the gateway and reads x-request-id; a page on any other origin is refused by the browser.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let stack: Stack;
let gatewayUrl: string;
let browser: Browser;
const pages: Server[] = [];
let allowedOrigin: string;
let otherOrigin: string;

async function pageServer(): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>frontend</title><p>frontend</p>');
  });
  pages.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
  allowedOrigin = await pageServer();
  otherOrigin = await pageServer();
  stack = await startStack({ CORS_ALLOWED_ORIGINS: `https://app.example.com,${allowedOrigin}` });
  gatewayUrl = await stack.gateway.listen();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  for (const s of pages) s.close();
});

/** Runs a cross-origin fetch from a page served by `origin`, as frontend code would. */
async function fetchFrom(origin: string) {
  const page = await browser.newPage();
  await page.goto(origin);
  const outcome = await page.evaluate(
    async ({ url, key }) => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({ query: '{ providers { name } }' }),
        });
        const body = await res.json();
        return { ok: true, requestId: res.headers.get('x-request-id'), body };
      } catch (e) {
        return { ok: false, error: String(e) };
      }
    },
    { url: gatewayUrl, key: TEST_API_KEY },
  );
  await page.close();
  return outcome;
}

describe('CORS in Chromium', () => {
  it('a page on an allowed origin reads the answer and its x-request-id', async () => {
    const outcome = await fetchFrom(allowedOrigin);
    expect(outcome).toMatchObject({
      ok: true,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      body: { data: { providers: [{ name: 'LAGO' }, { name: 'FLEXPRICE' }, { name: 'POLAR' }] } },
    });
  }, 30_000);

  it('a page on an origin outside the allow-list is refused', async () => {
    const outcome = await fetchFrom(otherOrigin);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/Failed to fetch/);
  }, 30_000);
});

describe('CORS on the wire', () => {
  const preflight = (origin: string) =>
    fetch(gatewayUrl, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-api-key',
      },
    });

  it('answers an allowed preflight with 204, the method, the headers and a max age', async () => {
    const res = await preflight(allowedOrigin);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,x-api-key');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives an origin outside the list no CORS headers, and never reflects it with credentials', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('exposes x-request-id and retry-after on actual responses', async () => {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        origin: allowedOrigin,
        'content-type': 'application/json',
        'x-api-key': TEST_API_KEY,
      },
      body: JSON.stringify({ query: '{ providers { name } }' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id, retry-after');
  });
});

describe('CORS_ALLOWED_ORIGINS defaults', () => {
  it('sandbox mode: any origin, never with credentials; real providers: none until configured', () => {
    expect(loadConfig({}).cors).toEqual({ kind: 'any' });
    expect(loadConfig({ LAGO_API_KEY: 'k', GATEWAY_API_KEYS: 'x' }).cors).toEqual({
      kind: 'list',
      origins: [],
    });
    expect(() =>
      loadConfig({
        LAGO_API_KEY: 'k',
        GATEWAY_API_KEYS: 'x',
        CORS_ALLOWED_ORIGINS: 'https://a.example/path',
      }),
    ).toThrow(/CORS_ALLOWED_ORIGINS/);
  });
});
