import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countRequests, type Stack, startStack } from '../helpers/stack.js';
import { CustomerWalletsQuery, ProvidersQuery, WalletsConnectionQuery } from '../operations.js';

/** One customer, three providers, one answer: the sandboxes share customer external ids. */

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
afterEach(() => {
  for (const s of [stack.sandboxes.lago, stack.sandboxes.flexprice, stack.sandboxes.polar]) {
    s.clearFaults();
    s.requests.length = 0;
  }
});

const summary = (
  wallets: { provider: string; currency: string; status: string; balance: { amount: string } }[],
) => wallets.map((w) => `${w.provider} ${w.currency} ${w.status} ${w.balance.amount}`);

describe('customer(externalId) across Lago, Flexprice and Polar', () => {
  it("gathers every provider's wallets and totals each currency exactly", async () => {
    const { data, errors } = await stack.execute(CustomerWalletsQuery, {
      externalId: 'hooli_1234',
    });
    expect(errors).toBeUndefined();
    expect(summary(data!.customer.wallets)).toEqual([
      'LAGO JPY ACTIVE 150050',
      'LAGO USD ACTIVE 42.00',
      'LAGO USD TERMINATED 0.00',
      'FLEXPRICE EUR ACTIVE 250.75',
      'FLEXPRICE USD ACTIVE 40.00',
      'POLAR USD ACTIVE 50.00',
    ]);
    // USD: 42.00 (Lago) + 40.00 (Flexprice) + 50.00 (Polar); the terminated wallet is left out.
    expect(data!.customer.balances).toEqual([
      { amount: '250.75', currency: 'EUR', minorUnits: '25075', formatted: '€250.75' },
      { amount: '150050', currency: 'JPY', minorUnits: '150050', formatted: '¥150,050' },
      { amount: '132.00', currency: 'USD', minorUnits: '13200', formatted: '$132.00' },
    ]);
  });

  it('keeps a negative Polar balance in the total (the customer owes money)', async () => {
    const { data, errors } = await stack.execute(CustomerWalletsQuery, { externalId: 'acme_42' });
    expect(errors).toBeUndefined();
    const polarUsd = data!.customer.wallets.find(
      (w) => w.provider === 'POLAR' && w.currency === 'USD',
    )!;
    expect(polarUsd.balance).toEqual({
      amount: '-12.50',
      currency: 'USD',
      minorUnits: '-1250',
      formatted: '-$12.50',
    });
    const usd = data!.customer.balances.find((b) => b.currency === 'USD')!;
    const others = data!.customer.wallets.filter(
      (w) => w.currency === 'USD' && w.provider !== 'POLAR' && w.status !== 'TERMINATED',
    );
    expect(others.length).toBeGreaterThan(0);
    // The total is the exact sum of the parts, Polar's debt included.
    const cents = (amount: string) => BigInt(amount.replace('.', ''));
    expect(cents(usd.amount)).toBe(
      others.reduce((sum, w) => sum + cents(w.balance.amount), 0n) + cents('-12.50'),
    );
  });

  it("asks the providers in parallel, one call each for a customer's list", async () => {
    await stack.execute(
      `{ customer(externalId: "hooli_1234") { wallets { id } balances { amount } } }`,
    );
    expect(countRequests(stack.sandboxes.lago.requests, 'GET', /^\/api\/v1\/wallets$/)).toBe(1);
    expect(
      countRequests(stack.sandboxes.flexprice.requests, 'GET', /^\/v1\/customers\/wallets$/),
    ).toBe(1);
    expect(countRequests(stack.sandboxes.polar.requests, 'GET', /^\/v1\/wallets\/?$/)).toBe(1);
  });

  for (const [provider, sandbox] of [
    ['LAGO', 'lago'],
    ['FLEXPRICE', 'flexprice'],
    ['POLAR', 'polar'],
  ] as const) {
    it(`${provider} answering 500 leaves the other two providers' wallets plus one typed error`, async () => {
      stack.sandboxes[sandbox].injectFault({ status: 500, body: { error: 'boom' } });
      const { data, errors } = await stack.execute(
        `query($id: String!) { customer(externalId: $id) { wallets { provider } } }`,
        { id: 'hooli_1234' },
      );
      const providers = new Set(
        (data as { customer: { wallets: { provider: string }[] } }).customer.wallets.map(
          (w) => w.provider,
        ),
      );
      expect(providers).toEqual(
        new Set(['LAGO', 'FLEXPRICE', 'POLAR'].filter((p) => p !== provider)),
      );
      expect(errors).toEqual([
        expect.objectContaining({
          path: ['customer', 'wallets'],
          extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', provider }),
        }),
      ]);
    });
  }

  it('a provider down does not stop the others answering (balances are partial and say so)', async () => {
    stack.sandboxes.polar.injectFault({ status: 503 });
    const { data, errors } = await stack.execute(
      `{ customer(externalId: "hooli_1234") { balances { amount currency } } }`,
    );
    expect((data as { customer: { balances: unknown[] } }).customer.balances).toEqual([
      { amount: '250.75', currency: 'EUR' },
      { amount: '150050', currency: 'JPY' },
      { amount: '82.00', currency: 'USD' },
    ]);
    expect(errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.provider])).toEqual([
      [['customer', 'balances'], 'UPSTREAM_UNAVAILABLE', 'POLAR'],
    ]);
  });

  it('customers known to one provider only', async () => {
    const flex = await stack.execute(CustomerWalletsQuery, { externalId: 'flex_only_9' });
    expect(new Set(flex.data!.customer.wallets.map((w) => w.provider))).toEqual(
      new Set(['FLEXPRICE']),
    );
    const polar = await stack.execute(CustomerWalletsQuery, { externalId: 'polar_only_3' });
    expect(polar.data!.customer.wallets.map((w) => w.provider)).toEqual(['POLAR']);
  });
});

describe('wallets(filter: {provider})', () => {
  it.each(['LAGO', 'FLEXPRICE', 'POLAR'] as const)('lists %s wallets only', async (provider) => {
    const { data, errors } = await stack.execute(WalletsConnectionQuery, {
      filter: { provider, customerExternalId: 'hooli_1234' },
    });
    expect(errors).toBeUndefined();
    const providers = data!.wallets.edges.map((e) => e.node.provider);
    expect(providers.length).toBeGreaterThan(0);
    expect(new Set(providers)).toEqual(new Set([provider]));
  });

  it('org-wide listing works for each provider without a customer filter', async () => {
    const { data, errors } = await stack.execute(WalletsConnectionQuery, {
      filter: { currency: 'USD', status: 'ACTIVE' },
      first: 100,
    });
    expect(errors).toBeUndefined();
    expect(new Set(data!.wallets.edges.map((e) => e.node.provider))).toEqual(
      new Set(['LAGO', 'FLEXPRICE', 'POLAR']),
    );
    expect(
      data!.wallets.edges.every((e) => e.node.currency === 'USD' && e.node.status === 'ACTIVE'),
    ).toBe(true);
  });
});

describe('providers', () => {
  it('lists each configured provider with capabilities and live health', async () => {
    const { data, errors } = await stack.execute(ProvidersQuery);
    expect(errors).toBeUndefined();
    expect(
      data!.providers.map((p) => ({
        name: p.name,
        capabilities: p.capabilities,
        status: p.health.status,
      })),
    ).toEqual([
      {
        name: 'LAGO',
        status: 'UP',
        capabilities: {
          credits: true,
          ongoingBalance: true,
          recurringRules: true,
          alerts: true,
          webhooks: true,
          batchWalletsById: false,
          batchWalletsByCustomer: false,
        },
      },
      {
        name: 'FLEXPRICE',
        status: 'UP',
        capabilities: {
          credits: true,
          ongoingBalance: true,
          recurringRules: true,
          alerts: true,
          webhooks: true,
          batchWalletsById: true,
          batchWalletsByCustomer: false,
        },
      },
      {
        name: 'POLAR',
        status: 'UP',
        capabilities: {
          credits: false,
          ongoingBalance: false,
          recurringRules: false,
          alerts: false,
          webhooks: false,
          batchWalletsById: false,
          batchWalletsByCustomer: true,
        },
      },
    ]);
  });

  it('reports a failing provider DOWN with its error code, the others UP', async () => {
    stack.sandboxes.flexprice.injectFault({
      status: 500,
      body: { code: 'internal_error', message: 'x', http_status_code: 500 },
    });
    const { data } = await stack.execute(ProvidersQuery);
    expect(data!.providers.map((p) => [p.name, p.health.status, p.health.errorCode])).toEqual([
      ['LAGO', 'UP', null],
      ['FLEXPRICE', 'DOWN', 'UPSTREAM_UNAVAILABLE'],
      ['POLAR', 'UP', null],
    ]);
  });
});
