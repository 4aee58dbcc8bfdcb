import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../src/providers/flexprice/sandbox/seed.js';
import { faultPreset } from '../../src/sandbox/faults.js';
import { countRequests, type Stack, startStack } from '../helpers/stack.js';
import {
  TransactionCapabilitiesQuery,
  TransactionNodeQuery,
  WalletTransactionsQuery,
} from './operations.js';

/**
 * Wallet.transactions over real HTTP against the Lago and Flexprice sandboxes: each provider's
 * transactions mapped field by field with exact decimals, walks over the providers' own pages
 * (one upstream call per page), filters applied upstream, refetch by id, and what a failure or an
 * odd item costs.
 */
const JWT_SECRET = 'walletgate-test-jwt-secret-transactions-0123';
const LAGO_USD = '1a901a90-1a90-4a90-8a90-000000000001';
const LAGO_JPY = '1a901a90-1a90-4a90-8a90-000000000002';
const LAGO_ACME = '1a901a90-1a90-4a90-8a90-000000000004';
const POLAR_HOOLI = '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11';
const gid = (key: string) => Buffer.from(`Wallet:${key}`).toString('base64');
const lagoTx = (n: number) => `4d904d90-4d90-4d90-8d90-${String(n).padStart(12, '0')}`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ AUTH_JWT_SECRET: JWT_SECRET });
});
afterAll(() => stack.close());
afterEach(() => {
  for (const s of stack.sandboxes.all) {
    s.sandbox.clearFaults();
    s.sandbox.requests.length = 0;
  }
});

type Page = NonNullable<
  NonNullable<Awaited<ReturnType<typeof transactions>>['data']>['wallet']
>['transactions'];
const transactions = (
  key: string,
  variables: { first?: number; after?: string | null; filter?: Record<string, unknown> } = {},
  headers?: Record<string, string>,
) => stack.execute(WalletTransactionsQuery, { id: gid(key), ...variables } as never, headers);

/** Every page of a wallet's history at `first`, and the upstream calls each page cost. */
async function walk(key: string, first: number, count: () => number) {
  const pages: NonNullable<Page>['edges'][] = [];
  const calls: number[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const before = count();
    const res = await transactions(key, { first, after });
    expect(res.errors).toBeUndefined();
    calls.push(count() - before);
    const page = res.data!.wallet!.transactions!;
    pages.push(page.edges);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor!;
  }
  return { pages, calls, ids: pages.flat().map((e) => e.node.providerTransactionId) };
}

const lagoCalls = () =>
  countRequests(stack.sandboxes.lago.requests, 'GET', /\/wallet_transactions$/);
const flexCalls = () =>
  countRequests(stack.sandboxes.flexprice.requests, 'POST', /\/wallets\/transactions\/search$/);

describe('Lago transactions, field by field (NOTES §5)', () => {
  it('maps each seeded transaction with exact decimals at the wallet rate, times and metadata', async () => {
    const { pages } = await walk(`LAGO:${LAGO_USD}`, 100, lagoCalls);
    const byId = new Map(pages.flat().map((e) => [e.node.providerTransactionId, e.node]));
    expect(byId.get(lagoTx(2))).toEqual({
      id: Buffer.from(`WalletTransaction:LAGO:${LAGO_USD}:${lagoTx(2)}`).toString('base64'),
      provider: 'LAGO',
      providerTransactionId: lagoTx(2),
      direction: 'CREDIT',
      status: 'SETTLED',
      kind: 'PURCHASED',
      source: 'MANUAL',
      // 20.0 credits at rate 1.5.
      amount: { amount: '30.00', currency: 'USD', minorUnits: '3000' },
      credits: '20.0',
      creditBalanceAfter: null,
      invoiceId: '5e905e90-5e90-4e90-8e90-000000000001',
      name: null,
      createdAt: '2025-04-02T10:00:00.000Z',
      settledAt: '2025-04-02T10:03:12.000Z',
      failedAt: null,
      expiresAt: null,
      metadata: [{ key: 'order', value: 'A-1001' }],
      raw: expect.objectContaining({ lago_id: lagoTx(2), amount: '30.0', credit_amount: '20.0' }),
      wallet: { providerWalletId: LAGO_USD },
    });
    expect(byId.get(lagoTx(3))).toMatchObject({
      status: 'FAILED',
      kind: 'PURCHASED',
      settledAt: null,
      failedAt: '2025-05-05T11:20:00.000Z',
      amount: { amount: '4.50', currency: 'USD' },
    });
    expect(byId.get(lagoTx(4))).toMatchObject({
      source: 'THRESHOLD_RULE',
      kind: 'GRANTED',
      name: 'Auto top-up',
    });
    expect(byId.get(lagoTx(5))).toMatchObject({ direction: 'DEBIT', kind: 'VOIDED' });
    expect(byId.get(lagoTx(7))).toMatchObject({
      direction: 'DEBIT',
      kind: 'USAGE',
      source: 'INVOICE',
      amount: { amount: '0.75', currency: 'USD', minorUnits: '75' },
      credits: '0.5',
    });
    expect(byId.get(lagoTx(8))).toMatchObject({ status: 'PENDING', settledAt: null });
  });

  it('keeps a zero-decimal currency exact (JPY at rate 100)', async () => {
    const res = await transactions(`LAGO:${LAGO_JPY}`, { first: 10 });
    const purchase = res.data!.wallet!.transactions!.edges.find(
      (e) => e.node.providerTransactionId === lagoTx(12),
    )!.node;
    expect(purchase).toMatchObject({
      source: 'INTERVAL_RULE',
      amount: { amount: '60000.0', currency: 'JPY', minorUnits: '60000' },
      credits: '600.0',
    });
  });
});

describe('Flexprice transactions, field by field (NOTES §3.7)', () => {
  it('maps each seeded transaction with exact decimals, its reason, reference and times', async () => {
    const { pages } = await walk(`FLEXPRICE:${SEEDED.hooliUsd}`, 100, flexCalls);
    const byId = new Map(pages.flat().map((e) => [e.node.providerTransactionId, e.node]));
    const tx = (n: number) => byId.get(`wtxn_01JDEJPP2G000000000000000${n}`);
    expect(tx(3)).toMatchObject({
      provider: 'FLEXPRICE',
      direction: 'DEBIT',
      status: 'SETTLED',
      kind: 'USAGE',
      source: 'INVOICE',
      amount: { amount: '10.00', currency: 'USD', minorUnits: '1000' },
      credits: '5',
      creditBalanceAfter: '20',
      invoiceId: 'inv_01JDEJPP2G0000000000000003',
      createdAt: '2025-03-01T00:00:10.000Z',
      settledAt: '2025-03-01T00:00:10.000Z',
      metadata: [{ key: 'consumed_credit_tx_ids', value: 'wtxn_01JDEJPP2G0000000000000001' }],
      wallet: { providerWalletId: SEEDED.hooliUsd },
    });
    expect(tx(4)).toMatchObject({
      kind: 'GRANTED',
      name: 'Spring promotion',
      expiresAt: '2025-06-30T23:59:59.000Z',
      amount: { amount: '6.00', currency: 'USD' },
    });
    expect(tx(5)).toMatchObject({ kind: 'EXPIRED', source: 'SYSTEM', direction: 'DEBIT' });
    expect(tx(6)).toMatchObject({
      status: 'PENDING',
      kind: 'PURCHASED',
      source: 'THRESHOLD_RULE',
      settledAt: null,
      amount: { amount: '50.00', currency: 'USD' },
      credits: '25',
    });
    expect(tx(2)).toMatchObject({
      source: 'MANUAL',
      metadata: [{ key: 'order', value: 'B-2002' }],
      creditBalanceAfter: '25',
    });
    // The wire text, nanoseconds and all, is in raw.
    expect(tx(1)?.raw).toMatchObject({ created_at: '2025-01-15T12:00:00.223456789Z' });
  });
});

describe('walking Wallet.transactions(first: 2) over the providers’ own pages', () => {
  it('Lago: 8 transactions in 4 pages, each once, in Lago’s order, one call per page', async () => {
    const { ids, calls, pages } = await walk(`LAGO:${LAGO_USD}`, 2, lagoCalls);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 2]);
    // created_at DESC, id ASC: 4 and 5 share their creation second.
    expect(ids).toEqual([8, 7, 6, 4, 5, 3, 2, 1].map(lagoTx));
    expect(calls).toEqual([1, 1, 1, 1]);
    expect(
      stack.sandboxes.lago.requests
        .filter((r) => r.path.endsWith('/wallet_transactions'))
        .map((r) => r.query),
    ).toEqual([
      '?page=1&per_page=2',
      '?page=2&per_page=2',
      '?page=3&per_page=2',
      '?page=4&per_page=2',
    ]);
  });

  it('Flexprice: 6 transactions in 3 pages, each once, newest first, one call per page', async () => {
    const { ids, calls } = await walk(`FLEXPRICE:${SEEDED.hooliUsd}`, 2, flexCalls);
    expect(ids).toEqual([6, 5, 4, 3, 2, 1].map((n) => `wtxn_01JDEJPP2G000000000000000${n}`));
    expect(calls).toEqual([1, 1, 1]);
    const bodies = stack.sandboxes.flexprice.requests.filter((r) =>
      r.path.endsWith('/transactions/search'),
    );
    expect(bodies).toHaveLength(3);
  });

  it('a transaction created between pages is not seen twice, and nothing is skipped', async () => {
    for (const [key, add] of [
      [`LAGO:${LAGO_ACME}`, () => stack.sandboxes.lago.store.grantCredits(LAGO_ACME, '1.0')],
      [
        `FLEXPRICE:${SEEDED.hooliEur}`,
        () =>
          stack.sandboxes.flexprice.store.topUp(SEEDED.hooliEur, '1', {
            reason: 'FREE_CREDIT_GRANT',
          }),
      ],
    ] as const) {
      add();
      add();
      const ids = async () =>
        (await transactions(key, { first: 100 })).data!.wallet!.transactions!.edges.map(
          (e) => e.node.providerTransactionId,
        );
      const initial = await ids();
      const first = await transactions(key, { first: 2 });
      let page = first.data!.wallet!.transactions!;
      const seen = page.edges.map((e) => e.node.providerTransactionId);
      // Two more arrive at the top: Lago's pages shift down, Flexprice's walk keeps its end_time.
      add();
      add();
      while (page.pageInfo.hasNextPage) {
        page = (await transactions(key, { first: 2, after: page.pageInfo.endCursor })).data!.wallet!
          .transactions!;
        seen.push(...page.edges.map((e) => e.node.providerTransactionId));
      }
      expect(new Set(seen).size).toBe(seen.length);
      // Every transaction there when the walk began, once and in order. (One created later in
      // the same second as the last one read may sort after it, by id: it is seen once too.)
      expect(seen.filter((id) => initial.includes(id))).toEqual(initial);
      const later = (await ids()).filter((id) => !initial.includes(id));
      expect(seen.filter((id) => !initial.includes(id)).every((id) => later.includes(id))).toBe(
        true,
      );
    }
  });
});

describe('filters, applied by each provider', () => {
  it('Lago: direction, status and kind go upstream; a kind Lago never records costs no call', async () => {
    const debits = await transactions(`LAGO:${LAGO_USD}`, {
      first: 10,
      filter: { direction: 'DEBIT', status: 'SETTLED' },
    });
    expect(
      debits.data!.wallet!.transactions!.edges.map((e) => e.node.providerTransactionId),
    ).toEqual([7, 6, 5].map(lagoTx));
    expect(stack.sandboxes.lago.requests.at(-1)?.query).toBe(
      '?page=1&per_page=10&status=settled&transaction_type=outbound',
    );
    const calls = lagoCalls();
    const expired = await transactions(`LAGO:${LAGO_USD}`, { filter: { kind: 'EXPIRED' } });
    expect(expired.data!.wallet!.transactions).toMatchObject({
      edges: [],
      pageInfo: { hasNextPage: false },
    });
    expect(lagoCalls()).toBe(calls);
  });

  it('Lago: createdSince ends the walk at the first older one; createdUntil is NOT_SUPPORTED', async () => {
    const since = await transactions(`LAGO:${LAGO_USD}`, {
      first: 10,
      filter: { createdSince: '2026-01-01T00:00:00Z' },
    });
    expect(
      since.data!.wallet!.transactions!.edges.map((e) => e.node.providerTransactionId),
    ).toEqual([8, 7, 6, 4, 5].map(lagoTx));
    expect(since.data!.wallet!.transactions!.pageInfo.hasNextPage).toBe(false);
    const until = await transactions(`LAGO:${LAGO_USD}`, {
      filter: { createdUntil: '2026-01-01T00:00:00Z' },
    });
    expect(until.data!.wallet!.transactions).toBeNull();
    expect(until.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['wallet', 'transactions'], { code: 'NOT_SUPPORTED', provider: 'LAGO' }],
    ]);
  });

  it('Flexprice: a kind becomes its reasons; dates become start_time and end_time', async () => {
    const granted = await transactions(`FLEXPRICE:${SEEDED.hooliUsd}`, {
      first: 10,
      filter: {
        kind: 'GRANTED',
        createdSince: '2025-02-01T00:00:00Z',
        createdUntil: '2026-01-01T00:00:00Z',
      },
    });
    expect(
      granted.data!.wallet!.transactions!.edges.map((e) => e.node.providerTransactionId),
    ).toEqual(['wtxn_01JDEJPP2G0000000000000004']);
  });
});

describe('what cannot be read, or is not there', () => {
  it('Polar keeps its wallet transactions internal: null with NOT_SUPPORTED, no upstream call', async () => {
    const res = await transactions(`POLAR:${POLAR_HOOLI}`, { first: 2 });
    expect(res.data!.wallet!.providerWalletId).toBe(POLAR_HOOLI);
    expect(res.data!.wallet!.transactions).toBeNull();
    expect(res.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.provider])).toEqual([
      [['wallet', 'transactions'], 'NOT_SUPPORTED', 'POLAR'],
    ]);
    const capabilities = await stack.execute(TransactionCapabilitiesQuery);
    expect(capabilities.data!.providers.map((p) => [p.name, p.capabilities.transactions])).toEqual([
      ['LAGO', true],
      ['FLEXPRICE', true],
      ['POLAR', false],
    ]);
  });

  it('a transaction Flexprice sends oddly costs only itself, with its id, at the list', async () => {
    stack.sandboxes.flexprice.injectFault({
      path: /\/transactions\/search$/,
      transform: (body) => {
        const b = body as { items: Record<string, unknown>[] };
        return { ...b, items: b.items.map((t, i) => (i === 1 ? { ...t, amount: 'ten' } : t)) };
      },
    });
    const res = await transactions(`FLEXPRICE:${SEEDED.hooliUsd}`, { first: 3 });
    expect(res.data!.wallet!.transactions!.edges.map((e) => e.node.providerTransactionId)).toEqual([
      'wtxn_01JDEJPP2G0000000000000006',
      'wtxn_01JDEJPP2G0000000000000004',
    ]);
    expect(res.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [
        ['wallet', 'transactions'],
        {
          code: 'UPSTREAM_BAD_RESPONSE',
          provider: 'FLEXPRICE',
          transactionId: 'wtxn_01JDEJPP2G0000000000000005',
        },
      ],
    ]);
  });

  it('a provider failing answers null for the history and keeps the wallet', async () => {
    stack.sandboxes.lago.injectFault({ ...faultPreset('500'), path: /wallet_transactions/ });
    const res = await transactions(`LAGO:${LAGO_USD}`, { first: 2 });
    expect(res.data!.wallet).toMatchObject({ providerWalletId: LAGO_USD, transactions: null });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.provider])).toEqual([
      [['wallet', 'transactions'], 'UPSTREAM_UNAVAILABLE', 'LAGO'],
    ]);
  });

  it('cursors: not ours is a 400 before execution; another wallet’s is refused at its field', async () => {
    const garbage = await stack.execute(
      WalletTransactionsQuery,
      { id: gid(`LAGO:${LAGO_USD}`), after: 'garbage' },
      { ...stack.authHeaders, accept: 'application/graphql-response+json' },
    );
    expect(garbage.status).toBe(400);
    expect(garbage.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
    const other = await transactions(`LAGO:${LAGO_JPY}`, { first: 1 });
    const res = await transactions(`LAGO:${LAGO_USD}`, {
      first: 1,
      after: other.data!.wallet!.transactions!.pageInfo.endCursor,
    });
    expect(res.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['wallet', 'transactions'], { code: 'BAD_USER_INPUT', argument: 'after' }],
    ]);
  });
});

describe('a transaction by its global id', () => {
  const sign = (sub: string) =>
    new SignJWT({ sub })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(JWT_SECRET));

  it('node(id:) and walletTransaction(id:) fetch it again; another customer gets not-found', async () => {
    const listed = await transactions(`FLEXPRICE:${SEEDED.hooliUsd}`, { first: 1 });
    const id = listed.data!.wallet!.transactions!.edges[0]!.node.id;
    const server = await stack.execute(TransactionNodeQuery, { id });
    expect(server.data).toEqual({
      node: {
        id,
        providerTransactionId: 'wtxn_01JDEJPP2G0000000000000006',
        kind: 'PURCHASED',
        amount: { amount: '50.00', currency: 'USD' },
      },
      walletTransaction: {
        providerTransactionId: 'wtxn_01JDEJPP2G0000000000000006',
        wallet: { providerWalletId: SEEDED.hooliUsd },
      },
    });
    const own = await stack.execute(
      TransactionNodeQuery,
      { id },
      {
        authorization: `Bearer ${await sign('hooli_1234')}`,
      },
    );
    expect(own.errors).toBeUndefined();
    const foreign = await stack.execute(
      TransactionNodeQuery,
      { id },
      {
        authorization: `Bearer ${await sign('acme_42')}`,
      },
    );
    expect(foreign.data).toEqual({ node: null, walletTransaction: null });
    expect(foreign.errors?.map((e) => e.extensions?.code)).toEqual([
      'TRANSACTION_NOT_FOUND',
      'TRANSACTION_NOT_FOUND',
    ]);
    const lago = await stack.execute(TransactionNodeQuery, {
      id: Buffer.from(`WalletTransaction:LAGO:${LAGO_USD}:${lagoTx(7)}`).toString('base64'),
    });
    expect(lago.data!.node).toMatchObject({ kind: 'USAGE', amount: { amount: '0.75' } });
    const elsewhere = await stack.execute(TransactionNodeQuery, {
      id: Buffer.from(`WalletTransaction:LAGO:${LAGO_JPY}:${lagoTx(7)}`).toString('base64'),
    });
    expect(elsewhere.errors?.map((e) => e.extensions?.code)).toEqual([
      'TRANSACTION_NOT_FOUND',
      'TRANSACTION_NOT_FOUND',
    ]);
  });
});
