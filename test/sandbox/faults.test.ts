import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { faultPreset, parseFaultSpecs } from '../../src/sandbox/faults.js';
import { onlyProviders, type Stack, startStack } from '../helpers/stack.js';
import { CustomerWalletsQuery } from '../operations.js';

/** The sandboxes' fault presets, as tests and SANDBOX_FAULTS demos use them, seen through the gateway. */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    ...onlyProviders('LAGO', 'POLAR'),
    UPSTREAM_TIMEOUT_MS: '800',
    UPSTREAM_RETRIES: '1',
    UPSTREAM_BREAKER_THRESHOLD: '1000',
  });
});
afterAll(() => stack.close());
afterEach(() => {
  stack.sandboxes.lago.clearFaults();
  stack.sandboxes.polar.clearFaults();
  stack.sandboxes.lago.requests.length = 0;
  stack.sandboxes.polar.requests.length = 0;
});

const lagoErrors = async () => {
  const res = await stack.execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
  return {
    res,
    codes: (res.errors ?? [])
      .filter((e) => e.extensions?.provider === 'LAGO')
      .map((e) => e.extensions?.code),
  };
};

describe('fault presets', () => {
  it('latency delays the real answer', async () => {
    stack.sandboxes.lago.injectFault(faultPreset('latency', 300));
    const started = Date.now();
    const { codes } = await lagoErrors();
    expect(codes).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('429 with Retry-After is retried, then reported as UPSTREAM_RATE_LIMITED', async () => {
    stack.sandboxes.polar.injectFault(faultPreset('429', 1));
    const started = Date.now();
    const res = await stack.execute(CustomerWalletsQuery, { externalId: 'acme_42' });
    expect(
      res.errors?.filter((e) => e.extensions?.provider === 'POLAR').map((e) => e.extensions?.code),
    ).toContain('UPSTREAM_RATE_LIMITED');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(stack.sandboxes.polar.requests.length).toBe(2);
  });

  it('500 is UPSTREAM_UNAVAILABLE; the other provider still answers', async () => {
    stack.sandboxes.lago.injectFault(faultPreset('500'));
    const { res, codes } = await lagoErrors();
    expect(codes[0]).toBe('UPSTREAM_UNAVAILABLE');
    expect(res.data!.customer.wallets.map((w) => w.provider)).toEqual(['POLAR']);
  });

  it('timeout is UPSTREAM_UNAVAILABLE after the upstream timeout, not after the hang', async () => {
    stack.sandboxes.lago.injectFault(faultPreset('timeout'));
    const started = Date.now();
    const { codes } = await lagoErrors();
    expect(codes[0]).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('malformed JSON is UPSTREAM_BAD_RESPONSE', async () => {
    stack.sandboxes.lago.injectFault(faultPreset('malformed'));
    expect((await lagoErrors()).codes[0]).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('odd-but-valid payloads (extra fields, reversed lists, long decimal scales) translate to the same numbers', async () => {
    const plain = await stack.execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    stack.sandboxes.lago.injectFault(faultPreset('odd'));
    const odd = await stack.execute(CustomerWalletsQuery, { externalId: 'hooli_1234' });
    expect(odd.errors).toBeUndefined();
    const numbers = (r: typeof plain) =>
      r
        .data!.customer.wallets.filter((w) => w.provider === 'LAGO')
        .map(
          (w) =>
            [
              w.providerWalletId,
              w.balance.minorUnits,
              Number(w.credits!.balance),
              Number(w.credits!.rate),
            ] as const,
        )
        .sort((a, b) => a[0].localeCompare(b[0]));
    expect(numbers(odd)).toEqual(numbers(plain));
    const prepaid = odd.data!.customer.wallets.find(
      (w) => w.providerWalletId === '1a901a90-1a90-4a90-8a90-000000000001',
    )!;
    expect(prepaid.credits!.balance).toBe('28.0000000');
    expect((prepaid.raw as Record<string, unknown>).x_sandbox_unexpected).toBe('odd');
  });
});

describe('SANDBOX_FAULTS', () => {
  it('parses provider=mode[:number] lists', () => {
    expect(
      parseFaultSpecs('lago=latency:300, polar=429:2,flexprice=odd', [
        'lago',
        'flexprice',
        'polar',
      ]),
    ).toEqual([
      { sandbox: 'lago', mode: 'latency', arg: 300 },
      { sandbox: 'polar', mode: '429', arg: 2 },
      { sandbox: 'flexprice', mode: 'odd' },
    ]);
    expect(loadConfig({ SANDBOX_FAULTS: 'lago=500' }).sandboxFaults).toEqual([
      { sandbox: 'lago', mode: '500' },
    ]);
  });

  it('refuses a bad entry at boot, naming the variable', () => {
    expect(() => loadConfig({ SANDBOX_FAULTS: 'stripe=500' })).toThrow(
      /^Invalid configuration: SANDBOX_FAULTS: "stripe=500" is not/,
    );
  });
});
