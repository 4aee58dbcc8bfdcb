import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import type { GatewayUnderTest } from '../helpers/stack.js';
import {
  ACME_LAGO,
  asCustomer,
  CUSTOMER_WALLETS,
  type CustomerWalletsResult,
  gid,
  HOOLI_LAGO,
  lagoListCalls,
  replicas,
  testClock,
} from './helpers.js';

/**
 * Cached wallets are checked against each caller exactly as fresh ones: a customer token never
 * receives another customer's cached wallet, on the replica that cached it or on one that reads
 * it from Redis.
 */

let redis: RedisServer;
let sandboxes: Sandboxes;
let a: GatewayUnderTest;
let b: GatewayUnderTest;

beforeAll(async () => {
  redis = await startRedisServer();
  sandboxes = await startSandboxes();
  const both = await replicas(sandboxes, 2, { redis, clock: testClock().now });
  a = both[0]!;
  b = both[1]!;
  // A server key warms the cache with both customers' wallets.
  for (const id of ['hooli_1234', 'acme_42'])
    expect((await a.execute(CUSTOMER_WALLETS, { id })).errors).toBeUndefined();
}, 30_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await sandboxes?.close();
  await redis?.stop();
});

const WALLET = 'query W($id: ID!) { wallet(id: $id) { id balance { amount } } }';
const NODES = 'query N($ids: [ID!]!) { nodes(ids: $ids) { id } }';
const LIST =
  'query L($c: String!) { wallets(filter: { customerExternalId: $c }) { edges { node { providerWalletId } } } }';

describe.each([
  ['the replica that cached them', () => a],
  ['a replica reading them from Redis', () => b],
])('a customer token and cached wallets, on %s', (_, replica) => {
  it("acme's token gets nothing of hooli's cached wallets, and its own from the cache", async () => {
    const acme = await asCustomer('acme_42');
    const g = replica();
    const calls = lagoListCalls(sandboxes);
    const lagoGets = sandboxes.lago.requests.length;

    const customer = await g.execute<CustomerWalletsResult, Record<string, unknown>>(
      CUSTOMER_WALLETS,
      { id: 'hooli_1234' },
      acme,
    );
    expect(customer.errors).toBeUndefined();
    expect(customer.data?.customer?.wallets).toEqual([]);

    const byId = await g.execute(WALLET, { id: gid(`LAGO:${HOOLI_LAGO}`) }, acme);
    expect(byId.data).toEqual({ wallet: null });
    expect(byId.errors?.map((e) => e.extensions?.code)).toEqual(['WALLET_NOT_FOUND']);

    const nodes = await g.execute(NODES, { ids: [gid(`LAGO:${HOOLI_LAGO}`)] }, acme);
    expect(nodes.data).toEqual({ nodes: [null] });
    expect(nodes.errors?.map((e) => e.extensions?.code)).toEqual(['WALLET_NOT_FOUND']);

    const list = await g.execute(LIST, { c: 'hooli_1234' }, acme);
    expect(list.errors).toBeUndefined();
    expect(list.data).toEqual({ wallets: { edges: [] } });

    // Its own wallets do come, from the cache.
    const own = await g.execute<CustomerWalletsResult, Record<string, unknown>>(
      CUSTOMER_WALLETS,
      { id: 'acme_42' },
      acme,
    );
    expect(own.data?.customer?.wallets.map((w) => w.providerWalletId)).toContain(ACME_LAGO);
    const ownById = await g.execute(WALLET, { id: gid(`LAGO:${ACME_LAGO}`) }, acme);
    expect(ownById.errors).toBeUndefined();
    expect(lagoListCalls(sandboxes)).toBe(calls);
    expect(sandboxes.lago.requests.length).toBe(lagoGets);
  });

  it("hooli's token gets its own cached wallet by id, never acme's", async () => {
    const hooli = await asCustomer('hooli_1234');
    const g = replica();
    const lagoGets = sandboxes.lago.requests.length;
    const own = await g.execute(WALLET, { id: gid(`LAGO:${HOOLI_LAGO}`) }, hooli);
    expect(own.errors).toBeUndefined();
    expect(own.data).toMatchObject({ wallet: { id: gid(`LAGO:${HOOLI_LAGO}`) } });
    const other = await g.execute(WALLET, { id: gid(`LAGO:${ACME_LAGO}`) }, hooli);
    expect(other.data).toEqual({ wallet: null });
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['WALLET_NOT_FOUND']);
    expect(sandboxes.lago.requests.length).toBe(lagoGets);
  });
});
