import { print } from 'graphql';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { BalanceChangedSubscription } from '../events/operations.js';
import { subscribeSse, subscribeWs } from '../helpers/live-clients.js';
import { type Stack, startStack } from '../helpers/stack.js';

/**
 * Ownership without leaks, for every provider: a customer reads and subscribes to its own
 * wallet by id; another customer's existing wallet and a made-up id answer exactly alike (the
 * same data, errors, messages and codes), also when the provider fails on the way, so a customer
 * cannot learn which ids exist.
 */

const JWT_SECRET = 'walletgate-ownership-jwt-secret-0123456789';
const gid = (key: string) => Buffer.from(`Wallet:${key}`).toString('base64');

const WALLETS = {
  LAGO: {
    own: '1a901a90-1a90-4a90-8a90-000000000001',
    other: '1a901a90-1a90-4a90-8a90-000000000004',
    madeUp: '1a901a90-1a90-4a90-8a90-00000000dead',
  },
  FLEXPRICE: {
    own: SEEDED.hooliUsd,
    other: SEEDED.acmePostpaid,
    madeUp: 'wallet_01JZZZZZZZZZZZZZZZZZZZZZZZ',
  },
  POLAR: {
    own: '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11',
    other: 'b1e2d3c4-a5b6-4c7d-8e9f-0a1b2c3d4e51',
    madeUp: '00000000-0000-4000-8000-00000000dead',
  },
} as const;
type Provider = keyof typeof WALLETS;
const PROVIDERS = Object.keys(WALLETS) as Provider[];

const QUERY = `query Owned($id: ID!, $ids: [ID!]!) {
  wallet(id: $id) { providerWalletId customer { externalId } balance { amount } }
  nodes(ids: $ids) { id }
}`;

let stack: Stack;
let url: string;
let hooli: Record<string, string>;

beforeAll(async () => {
  stack = await startStack({ AUTH_JWT_SECRET: JWT_SECRET, BALANCE_POLL_INTERVAL_MS: '60000' });
  url = await stack.gateway.listen();
  const token = await new SignJWT({ sub: 'hooli_1234' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET));
  hooli = { authorization: `Bearer ${token}` };
});
afterAll(() => stack.close());
afterEach(() => {
  stack.sandboxes.lago.clearFaults();
  stack.sandboxes.flexprice.clearFaults();
  stack.sandboxes.polar.clearFaults();
});

const read = async (provider: Provider, id: string) => {
  const key = gid(`${provider}:${id}`);
  const { status, data, errors } = await stack.execute(QUERY, { id: key, ids: [key] }, hooli);
  // The ids differ by construction; everything else must not.
  return {
    status,
    data,
    errors: errors?.map(({ message, path, extensions }) => ({ message, path, extensions })),
  };
};

describe.each(PROVIDERS)('%s', (provider) => {
  const w = WALLETS[provider];

  it('the own wallet reads by id, with its external id', async () => {
    const res = await read(provider, w.own);
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({
      wallet: { providerWalletId: w.own, customer: { externalId: 'hooli_1234' } },
      nodes: [{ id: gid(`${provider}:${w.own}`) }],
    });
  });

  it("another customer's wallet answers exactly like a made-up id", async () => {
    const other = await read(provider, w.other);
    const madeUp = await read(provider, w.madeUp);
    expect(other).toEqual(madeUp);
    expect(other.data).toEqual({ wallet: null, nodes: [null] });
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual([
      'WALLET_NOT_FOUND',
      'WALLET_NOT_FOUND',
    ]);
  });
});

describe('when the provider fails once it has found the wallet', () => {
  it("Flexprice's real-time read failing: the owner sees the failure, anyone else not-found", async () => {
    const fault = {
      method: 'GET',
      path: /\/balance\/real-time$/,
      status: 500,
      body: { code: 'internal_error', message: 'x', http_status_code: 500 },
    };
    stack.sandboxes.flexprice.injectFault(fault);
    const other = await read('FLEXPRICE', WALLETS.FLEXPRICE.other);
    const madeUp = await read('FLEXPRICE', WALLETS.FLEXPRICE.madeUp);
    expect(other).toEqual(madeUp);
    const own = await read('FLEXPRICE', WALLETS.FLEXPRICE.own);
    expect(own.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('a Flexprice wallet whose payload cannot be read: not-found for others, like a made-up id', async () => {
    stack.sandboxes.flexprice.injectFault({
      path: /^\/v1\/wallets\/search$/,
      transform: (body) => {
        const b = structuredClone(body) as { items: Record<string, unknown>[] };
        for (const item of b.items) item.balance = 'unreadable';
        return b;
      },
    });
    const other = await read('FLEXPRICE', WALLETS.FLEXPRICE.other);
    const madeUp = await read('FLEXPRICE', WALLETS.FLEXPRICE.madeUp);
    expect(other).toEqual(madeUp);
  });

  it('Polar owner lookup failing: the other customer still looks like a made-up id', async () => {
    stack.sandboxes.polar.injectFault({
      path: /^\/v1\/customers\//,
      status: 500,
      body: { error: 'InternalServerError', detail: 'x' },
    });
    const other = await read('POLAR', WALLETS.POLAR.other);
    const madeUp = await read('POLAR', WALLETS.POLAR.madeUp);
    expect(other).toEqual(madeUp);
  });
});

describe('a walletId subscription', () => {
  const QUERY_SUB = print(BalanceChangedSubscription);

  it.each(PROVIDERS)(
    '%s: the own wallet subscribes; another and a made-up id are refused alike',
    async (provider) => {
      const w = WALLETS[provider];
      const own = await subscribeSse(
        url,
        QUERY_SUB,
        { walletId: gid(`${provider}:${w.own}`) },
        hooli,
      );
      // No error frame: the stream stays open, waiting for changes.
      const first = await own.next(300).catch(() => 'open');
      expect(first).toBe('open');
      await own.close();
      const refusals = [];
      for (const id of [w.other, w.madeUp]) {
        const ws = await subscribeWs(url, QUERY_SUB, { walletId: gid(`${provider}:${id}`) }, hooli);
        refusals.push((await ws.next()).errors?.map((e) => [e.message, e.extensions?.code]));
        await ws.close();
      }
      expect(refusals[0]).toEqual(refusals[1]);
      expect(refusals[0]).toEqual([['Wallet not found', 'WALLET_NOT_FOUND']]);
    },
  );
});
