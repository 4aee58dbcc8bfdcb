import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createFlexpriceProvider } from '../../src/providers/flexprice/adapter.js';
import { createLagoProvider } from '../../src/providers/lago/adapter.js';
import { createPolarProvider } from '../../src/providers/polar/adapter.js';
import type { WalletProvider } from '../../src/providers/provider.js';
import type { UpstreamSettings } from '../../src/providers/resilience/index.js';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { createGateway, type Gateway } from '../../src/server.js';
import { captureLogs, postOperation, WALLET_CACHE_OFF_ENV } from '../helpers/stack.js';

/**
 * One provider times out; a cross-provider query still answers with the other two, fast, plus one
 * typed error; once the breaker opens the failing provider costs no upstream call until the
 * half-open probe. Providers are built here (the gateway's providers override) so the breaker
 * knobs can be small.
 */

// Generous against a loaded CI machine: a healthy sandbox answers in milliseconds, the hung one
// in HUNG_MS, so "bounded by the budget" and "waited for the hung provider" stay far apart.
const TIMEOUT_MS = 1000;
const BUDGET_MS = 2 * TIMEOUT_MS;
const HUNG_MS = 6000;
const HALF_OPEN_MS = 1000;
// Each failing query costs 2 attempts (retries: 1): the breaker opens on the second query.
const SETTINGS: UpstreamSettings = {
  timeoutMs: TIMEOUT_MS,
  budgetMs: BUDGET_MS,
  retries: 1,
  breakerThreshold: 4,
  halfOpenInitialMs: HALF_OPEN_MS,
  halfOpenMaxMs: HALF_OPEN_MS,
};
const QUERY = '{ customer(externalId: "hooli_1234") { wallets { provider } } }';
const ALL = ['LAGO', 'FLEXPRICE', 'POLAR'] as const;

let sandboxes: Sandboxes;
let gateway: Gateway;
let providers: WalletProvider[];
let logs: string[];

beforeAll(async () => {
  sandboxes = await startSandboxes();
  const captured = captureLogs();
  logs = captured.lines;
  providers = [
    createLagoProvider(
      { apiUrl: sandboxes.lago.url, apiKey: sandboxes.lago.apiKey, ...SETTINGS },
      captured.logger,
    ),
    createFlexpriceProvider(
      { apiUrl: sandboxes.flexprice.url, apiKey: sandboxes.flexprice.apiKey, ...SETTINGS },
      captured.logger,
    ),
    createPolarProvider(
      { apiUrl: sandboxes.polar.url, accessToken: sandboxes.polar.accessToken, ...SETTINGS },
      captured.logger,
    ),
  ];
  gateway = createGateway(loadConfig({ PORT: '0', HOST: '127.0.0.1', ...WALLET_CACHE_OFF_ENV }), {
    providers,
    logger: captured.logger,
  });
});
afterAll(async () => {
  await gateway?.close();
  await sandboxes?.close();
});

async function run(): Promise<{
  providers: string[];
  errors: { code: unknown; provider: unknown; message: string }[];
  ms: number;
}> {
  const started = performance.now();
  const { result: body } = await postOperation<{ customer: { wallets: { provider: string }[] } }>(
    gateway,
    QUERY,
  );
  const ms = performance.now() - started;
  return {
    providers: [...new Set(body.data!.customer.wallets.map((w) => w.provider))].sort(),
    errors: (body.errors ?? []).map((e) => ({
      code: e.extensions?.code,
      provider: e.extensions?.provider,
      message: e.message,
    })),
    ms,
  };
}

describe.each([
  ['LAGO', 'lago'],
  ['FLEXPRICE', 'flexprice'],
  ['POLAR', 'polar'],
] as const)('%s timing out', (name, key) => {
  it('the others answer within the budget plus one typed error; the open breaker costs no call until the half-open probe', async () => {
    const sandbox = sandboxes[key];
    const provider = providers.find((p) => p.name === name)!;
    const others = ALL.filter((p) => p !== name).sort();
    sandbox.requests.length = 0;
    // No status: the real answer, 6 s late — a provider that has stopped answering in time.
    sandbox.injectFault({ delayMs: HUNG_MS });

    // Two queries: each waits out the call budget (2 attempts of 1 s at most), then the breaker opens.
    for (let i = 0; i < 2; i++) {
      const r = await run();
      expect(r.providers).toEqual(others);
      expect(r.errors).toEqual([
        {
          code: 'UPSTREAM_UNAVAILABLE',
          provider: name,
          message: expect.stringMatching(/did not answer within/),
        },
      ]);
      expect(r.ms).toBeLessThan(BUDGET_MS + 1500);
    }
    expect(sandbox.requests).toHaveLength(4);
    expect(provider.circuitState?.()).toBe('OPEN');

    // Open: no upstream call, and the others answer at full speed (well inside one attempt timeout).
    for (let i = 0; i < 3; i++) {
      const r = await run();
      expect(r.providers).toEqual(others);
      expect(r.errors).toEqual([
        {
          code: 'UPSTREAM_UNAVAILABLE',
          provider: name,
          message: expect.stringMatching(/circuit breaker is open/),
        },
      ]);
      expect(r.ms).toBeLessThan(TIMEOUT_MS);
    }
    expect(sandbox.requests).toHaveLength(4);

    // Half-open while still failing: exactly one probe, which re-opens the circuit.
    await sleep(HALF_OPEN_MS + 100);
    const probe = await run();
    expect(probe.errors).toEqual([
      {
        code: 'UPSTREAM_UNAVAILABLE',
        provider: name,
        message: expect.stringMatching(/did not answer within/),
      },
    ]);
    expect(sandbox.requests).toHaveLength(5);
    expect(provider.circuitState?.()).toBe('OPEN');
    await run();
    expect(sandbox.requests).toHaveLength(5);

    // Healthy again: the next probe succeeds, the circuit closes, every provider answers.
    sandbox.clearFaults();
    await sleep(HALF_OPEN_MS + 100);
    const healed = await run();
    expect(healed.errors).toEqual([]);
    expect(healed.providers).toEqual([...ALL].sort());
    expect(provider.circuitState?.()).toBe('CLOSED');
  });
});

it('no log line carries a provider credential', () => {
  const secrets = [sandboxes.lago.apiKey, sandboxes.flexprice.apiKey, sandboxes.polar.accessToken];
  expect(logs.length).toBeGreaterThan(0);
  for (const line of logs) for (const secret of secrets) expect(line).not.toContain(secret);
});
