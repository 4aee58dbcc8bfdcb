import { print } from 'graphql';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalanceChangedSubscription } from '../events/operations.js';
import { subscribeSse, subscribeWs, until } from '../helpers/live-clients.js';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/**
 * Callers: server API keys see everything; a customer JWT sees only its own customer's wallets,
 * and another customer's wallet answers exactly like one that does not exist.
 */
const JWT_SECRET = 'walletgate-test-jwt-secret-0123456789abcdef';
const HOOLI_LAGO = '1a901a90-1a90-4a90-8a90-000000000001';
const ACME_LAGO = '1a901a90-1a90-4a90-8a90-000000000004';
const gid = (key: string) => Buffer.from(`Wallet:${key}`).toString('base64');

let stack: Stack;
let url: string;

const token = (
  claims: Record<string, unknown>,
  options: { secret?: string; expiresIn?: string } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
const asCustomer = async (externalId: string) => ({
  authorization: `Bearer ${await token({ sub: externalId })}`,
});
const run = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
  stack.execute(query, variables, headers);

beforeAll(async () => {
  stack = await startStack({ AUTH_JWT_SECRET: JWT_SECRET, BALANCE_POLL_INTERVAL_MS: '100' });
  url = await stack.gateway.listen();
});
afterAll(() => stack.close());

describe('who may call', () => {
  it('no credentials outside sandbox mode: 401 UNAUTHENTICATED', async () => {
    const res = await run('{ providers { name } }', {}, {});
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a wrong API key, a forged JWT and an expired JWT are refused', async () => {
    expect((await run('{ providers { name } }', {}, { 'x-api-key': 'nope' })).status).toBe(401);
    const forged = await token(
      { sub: 'hooli_1234' },
      { secret: 'another-secret-another-secret-0000' },
    );
    expect(
      (await run('{ providers { name } }', {}, { authorization: `Bearer ${forged}` })).status,
    ).toBe(401);
    const expired = await token({ sub: 'hooli_1234' }, { expiresIn: '-1m' });
    expect(
      (await run('{ providers { name } }', {}, { authorization: `Bearer ${expired}` })).status,
    ).toBe(401);
    expect(
      (await run('{ providers { name } }', {}, { authorization: 'Bearer not.a.jwt' })).status,
    ).toBeGreaterThanOrEqual(400);
  });

  it('a token without the customer claim is refused', async () => {
    const res = await run(
      '{ providers { name } }',
      {},
      { authorization: `Bearer ${await token({ role: 'x' })}` },
    );
    expect(res.status).toBe(401);
  });

  it('a server key sees every customer and provider health', async () => {
    const res = await run(
      '{ providers { name health { status } } customer(externalId: "acme_42") { wallets { provider } } }',
      {},
      { 'x-api-key': TEST_API_KEY },
    );
    expect(res.errors).toBeUndefined();
    expect(
      (res.data as { customer: { wallets: unknown[] } }).customer.wallets.length,
    ).toBeGreaterThan(0);
  });
});

describe('a customer JWT sees its own customer only', () => {
  it('reads its own wallets', async () => {
    const res = await run(
      '{ customer(externalId: "hooli_1234") { wallets { provider customer { externalId } } } }',
      {},
      await asCustomer('hooli_1234'),
    );
    const wallets = (res.data as { customer: { wallets: { customer: { externalId: string } }[] } })
      .customer.wallets;
    expect(wallets.length).toBeGreaterThan(3);
    expect(wallets.every((w) => w.customer.externalId === 'hooli_1234')).toBe(true);
  });

  it('another customer looks exactly like an unknown one', async () => {
    const headers = await asCustomer('hooli_1234');
    const other = await run(
      '{ customer(externalId: "acme_42") { externalId wallets { id } balances { amount } } }',
      {},
      headers,
    );
    const unknown = await run(
      '{ customer(externalId: "nobody_at_all") { externalId wallets { id } balances { amount } } }',
      {},
      headers,
    );
    expect(other.errors).toBeUndefined();
    expect((other.data as { customer: unknown }).customer).toEqual({
      externalId: 'acme_42',
      wallets: [],
      balances: [],
    });
    expect((unknown.data as { customer: { wallets: unknown[] } }).customer.wallets).toEqual([]);
  });

  it("wallet(id), node and nodes answer another customer's wallet exactly like a missing one", async () => {
    const headers = await asCustomer('hooli_1234');
    const query =
      'query($id: ID!) { wallet(id: $id) { id } node(id: $id) { id } nodes(ids: [$id]) { id } }';
    const foreign = await run(query, { id: gid(`LAGO:${ACME_LAGO}`) }, headers);
    const missing = await run(
      query,
      { id: gid('LAGO:00000000-0000-4000-8000-00000000dead') },
      headers,
    );
    expect(foreign.data).toEqual({ wallet: null, node: null, nodes: [null] });
    expect(foreign.data).toEqual(missing.data);
    expect(foreign.errors).toEqual(missing.errors);
    expect(foreign.errors?.map((e) => e.extensions)).toEqual([
      { code: 'WALLET_NOT_FOUND' },
      { code: 'WALLET_NOT_FOUND' },
      { code: 'WALLET_NOT_FOUND' },
    ]);
    const own = await run(query, { id: gid(`LAGO:${HOOLI_LAGO}`) }, headers);
    expect(own.errors).toBeUndefined();
  });

  it('the wallets connection is confined to its customer whatever the filter', async () => {
    const headers = await asCustomer('hooli_1234');
    const all = await run(
      '{ wallets(first: 100) { edges { node { customer { externalId } } } } }',
      {},
      headers,
    );
    const owners = new Set(
      (
        all.data as { wallets: { edges: { node: { customer: { externalId: string } } }[] } }
      ).wallets.edges.map((e) => e.node.customer.externalId),
    );
    expect([...owners]).toEqual(['hooli_1234']);
    const other = await run(
      '{ wallets(filter: { customerExternalId: "acme_42" }) { edges { node { id } } } }',
      {},
      headers,
    );
    expect((other.data as { wallets: { edges: unknown[] } }).wallets.edges).toEqual([]);
  });

  it('provider health is for server keys only', async () => {
    const res = await run(
      '{ providers { name health { status } } }',
      {},
      await asCustomer('hooli_1234'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const names = await run('{ providers { name } }', {}, await asCustomer('hooli_1234'));
    expect(names.errors).toBeUndefined();
  });
});

describe('subscriptions are confined too', () => {
  const QUERY = print(BalanceChangedSubscription);
  const POLAR_ACME_USD = 'b1e2d3c4-a5b6-4c7d-8e9f-0a1b2c3d4e51';

  it("subscribing to another customer's wallet is refused like a missing wallet (SSE and WebSocket)", async () => {
    const headers = await asCustomer('hooli_1234');
    const sse = await subscribeSse(url, QUERY, { walletId: gid(`LAGO:${ACME_LAGO}`) }, headers);
    const first = await sse.next();
    expect(first.errors?.[0]).toMatchObject({
      message: 'Wallet not found',
      extensions: { code: 'WALLET_NOT_FOUND' },
    });
    await sse.close();
    const ws = await subscribeWs(url, QUERY, { walletId: gid(`LAGO:${ACME_LAGO}`) }, headers);
    const viaWs = await ws.next();
    expect(viaWs.errors?.[0]?.message).toBe('Wallet not found');
    await ws.close();
  });

  it("a subscription to another customer never sees that customer's changes", async () => {
    const spy = await subscribeSse(
      url,
      QUERY,
      { customerExternalId: 'acme_42' },
      await asCustomer('hooli_1234'),
    );
    const owner = await subscribeWs(
      url,
      QUERY,
      { customerExternalId: 'acme_42' },
      await asCustomer('acme_42'),
    );
    await until(() => stack.sandboxes.polar.requests.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    stack.sandboxes.polar.store.topUp(POLAR_ACME_USD, 100);
    const seen = await owner.next();
    expect(seen.data).toMatchObject({ walletBalanceChanged: { provider: 'POLAR' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(spy.count).toBe(0);
    await spy.close();
    await owner.close();
  });

  it('subscribing without credentials is refused', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: QUERY, variables: { customerExternalId: 'hooli_1234' } }),
    });
    expect(res.status).toBe(401);
    await res.body?.cancel();
  });
});
