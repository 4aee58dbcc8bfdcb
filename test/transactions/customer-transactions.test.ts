import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faultPreset } from '../../src/sandbox/faults.js';
import { countRequests, type Stack, startStack } from '../helpers/stack.js';
import { CustomerTransactionsQuery } from './operations.js';

/**
 * Customer.transactions over the three providers: one history across wallets and providers,
 * newest first, merged page by page from the providers' own lists (Lago one per wallet,
 * Flexprice one for the customer; Polar has none), and stable when one provider fails mid-walk.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
afterEach(() => {
  for (const s of stack.sandboxes.all) {
    s.sandbox.clearFaults();
    s.sandbox.requests.length = 0;
  }
});

type Edge = { node: { provider: string; providerTransactionId: string; createdAt: string | null } };
const RANK = ['LAGO', 'FLEXPRICE', 'POLAR'];

/** Newest first, then provider, then id: the order the merged history promises. */
const newestFirst = (a: Edge, b: Edge) =>
  Date.parse(b.node.createdAt!) - Date.parse(a.node.createdAt!) ||
  RANK.indexOf(a.node.provider) - RANK.indexOf(b.node.provider) ||
  (a.node.providerTransactionId < b.node.providerTransactionId ? -1 : 1);

const customerPage = (first: number, after: string | null) =>
  stack.execute(CustomerTransactionsQuery, { externalId: 'hooli_1234', first, after });

async function walk(first: number, beforePage?: (page: number) => void) {
  const pages: { edges: Edge[]; errors: readonly unknown[] }[] = [];
  let after: string | null = null;
  for (let page = 1; page < 60; page++) {
    beforePage?.(page);
    const res = await customerPage(first, after);
    const connection = res.data!.customer.transactions;
    pages.push({ edges: connection.edges as Edge[], errors: res.errors ?? [] });
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor!;
  }
  return pages;
}

/** Every transaction of hooli_1234's wallets, straight from the sandbox stores. */
function storeIds(): string[] {
  const lago = stack.sandboxes.lago.store;
  const lagoWallets = lago.wallets.filter((w) => w.external_customer_id === 'hooli_1234');
  const flex = stack.sandboxes.flexprice.store;
  const hooli = flex.customerByLookupKey('hooli_1234')!.id;
  return [
    ...lago.transactions
      .filter((t) => lagoWallets.some((w) => w.lago_id === t.lago_wallet_id))
      .map((t) => t.lago_id),
    ...flex.transactions.filter((t) => t.customer_id === hooli).map((t) => t.id),
  ].sort();
}

describe('Customer.transactions across Lago, Flexprice and Polar', () => {
  it('is one history newest first, every transaction of every wallet once', async () => {
    const pages = await walk(4);
    const all = pages.flatMap((p) => p.edges);
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
    expect(all.map((e) => e.node.providerTransactionId).sort()).toEqual(storeIds());
    expect(all).toEqual([...all].sort(newestFirst));
    expect(new Set(all.map((e) => e.node.provider))).toEqual(new Set(['LAGO', 'FLEXPRICE']));
    // Full pages until the last.
    expect(pages.slice(0, -1).every((p) => p.edges.length === 4)).toBe(true);
  });

  it('one page costs one call per list: Lago a page per wallet, Flexprice one, Polar none', async () => {
    await stack.execute(CustomerTransactionsQuery, { externalId: 'hooli_1234', first: 5 });
    const lago = stack.sandboxes.lago.requests;
    // The customer's three wallets are listed once, then each wallet's history is read once.
    expect(countRequests(lago, 'GET', /\/api\/v1\/wallets$/)).toBe(1);
    expect(countRequests(lago, 'GET', /\/wallet_transactions$/)).toBe(3);
    const flex = stack.sandboxes.flexprice.requests;
    expect(countRequests(flex, 'POST', /\/wallets\/transactions\/search$/)).toBe(1);
    expect(stack.sandboxes.polar.requests).toHaveLength(0);
  });

  it.each([
    // Page 2: every Lago call fails once (one per wallet history).
    ['LAGO', 'lago', /wallet_transactions/, 3, 'FLEXPRICE'],
    // Page 2: Flexprice's one search for the customer fails once.
    ['FLEXPRICE', 'flexprice', /\/wallets\/transactions\/search$/, 1, 'LAGO'],
  ] as const)(
    'stays correct when %s fails once mid-walk: its part is named, nothing lost or doubled',
    async (failing, id, path, times, other) => {
      const pages = await walk(3, (page) => {
        if (page === 2)
          stack.sandboxes.byId(id)!.injectFault({ ...faultPreset('500'), path, times });
      });
      const all = pages.flatMap((p) => p.edges);
      const ids = all.map((e) => e.node.providerTransactionId);
      expect(ids.length).toBe(new Set(ids).size);
      expect([...ids].sort()).toEqual(storeIds());
      // Page 2 carries the other provider's part and one error naming the missing part.
      expect(pages[1]!.edges.length).toBeGreaterThan(0);
      expect(pages[1]!.edges.every((e) => e.node.provider === other)).toBe(true);
      expect(pages.map((p) => p.errors.length)).toEqual(pages.map((_p, i) => (i === 1 ? 1 : 0)));
      expect(pages[1]!.errors).toEqual([
        expect.objectContaining({
          path: ['customer', 'transactions'],
          extensions: expect.objectContaining({
            code: 'UPSTREAM_UNAVAILABLE',
            provider: failing,
            incomplete: true,
          }),
        }),
      ]);
      // Every page is newest first; each provider's own order holds across the walk.
      for (const page of pages) expect(page.edges).toEqual([...page.edges].sort(newestFirst));
      for (const provider of ['LAGO', 'FLEXPRICE']) {
        const own = all.filter((e) => e.node.provider === provider);
        expect(own).toEqual([...own].sort(newestFirst));
      }
    },
  );

  it('a customer no provider knows has no history, and a filter applies to every provider', async () => {
    const nobody = await stack.execute(CustomerTransactionsQuery, { externalId: 'nobody_999' });
    expect(nobody.data!.customer.transactions).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    const usage = await stack.execute(CustomerTransactionsQuery, {
      externalId: 'hooli_1234',
      first: 50,
      filter: { kind: 'USAGE' },
    });
    expect(usage.errors).toBeUndefined();
    const kinds = usage.data!.customer.transactions.edges.map((e) => e.node.kind);
    expect(kinds.length).toBe(6);
    expect(new Set(kinds)).toEqual(new Set(['USAGE']));
  });
});

describe('with the providers’ documented wallets served beside the seeded ones (npm start)', () => {
  it('a documented wallet with no recorded history adds nothing and costs no error', async () => {
    const withDocuments = await startStack({}, { seedDocuments: true });
    try {
      for (const externalId of ['hooli_1234', 'flexprice_seed_003']) {
        const res = await withDocuments.execute(CustomerTransactionsQuery, {
          externalId,
          first: 100,
        });
        expect(res.errors, externalId).toBeUndefined();
      }
      const hooli = await withDocuments.execute(CustomerTransactionsQuery, {
        externalId: 'hooli_1234',
        first: 100,
      });
      expect(hooli.data!.customer.transactions.edges.length).toBeGreaterThan(10);
    } finally {
      await withDocuments.close();
    }
  });
});
