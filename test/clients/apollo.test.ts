import { createHash } from 'node:crypto';
import { ApolloClient, type ApolloLink, HttpLink, InMemoryCache, split } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { faultPreset } from '../../src/sandbox/faults.js';
import {
  type GatewayUnderTest,
  gatewayFor,
  type Stack,
  startStack,
  TEST_API_KEY,
} from '../helpers/stack.js';
import {
  CustomerByExternalIdQuery,
  LiveBalanceSubscription,
  NodeQuery,
  WalletPageQuery,
} from './operations.js';

type WalletPageQueryResult = ResultOf<typeof WalletPageQuery>;

/**
 * Apollo Client, as a frontend uses it: a split link (HTTP for queries, graphql-ws for
 * subscriptions) over a normalised cache; Apollo's PersistedQueryLink for automatic persisted
 * queries and for trusted documents.
 */
const LAGO_PREPAID = '1a901a90-1a90-4a90-8a90-000000000001';

let stack: Stack;
let url: string;
const clients: ApolloClient[] = [];
const sockets: { dispose(): void }[] = [];

beforeAll(async () => {
  // No webhook secrets outside sandbox mode: changes arrive by polling.
  stack = await startStack({ BALANCE_POLL_INTERVAL_MS: '200' });
  url = await stack.gateway.listen();
});
afterAll(async () => {
  for (const c of clients) c.stop();
  for (const s of sockets) s.dispose();
  await stack.close();
});

/** Every request body Apollo sends, as JSON. */
function recordingFetch(sent: Record<string, unknown>[]): typeof fetch {
  return (input, init) => {
    if (typeof init?.body === 'string') sent.push(JSON.parse(init.body) as Record<string, unknown>);
    return fetch(input, init);
  };
}

function apollo(
  options: {
    endpoint?: string;
    http?: (link: HttpLink) => ApolloLink;
    sent?: Record<string, unknown>[];
  } = {},
) {
  const endpoint = options.endpoint ?? url;
  const httpLink = new HttpLink({
    uri: endpoint,
    headers: { 'x-api-key': TEST_API_KEY },
    fetch: recordingFetch(options.sent ?? []),
  });
  const ws = createClient({
    url: endpoint.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { 'x-api-key': TEST_API_KEY },
    retryAttempts: 0,
  });
  sockets.push(ws);
  const link = split(
    ({ query }) => {
      const d = getMainDefinition(query);
      return d.kind === 'OperationDefinition' && d.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    options.http ? options.http(httpLink) : httpLink,
  );
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({ possibleTypes: { Node: ['Wallet', 'Customer'] } }),
  });
  clients.push(client);
  return client;
}

describe('Apollo Client (split link: HTTP + graphql-ws)', () => {
  it('walks every page while Lago fails once, sees every wallet exactly once, then refetches by node(id:)', async () => {
    const client = apollo();
    const everything = await client.query({
      query: WalletPageQuery,
      variables: { first: 100 },
      fetchPolicy: 'network-only',
    });
    const all = everything.data!.wallets.edges.map((e) => e.node.id);
    expect(all.length).toBeGreaterThan(10);

    const seen: string[] = [];
    const incomplete: unknown[] = [];
    let after: string | null = null;
    for (let page = 1; page < 50; page++) {
      if (page === 2)
        stack.sandboxes.lago.injectFault({ ...faultPreset('500'), path: /wallets/, times: 1 });
      const result: Awaited<ReturnType<typeof client.query<WalletPageQueryResult>>> =
        await client.query({
          query: WalletPageQuery,
          variables: { first: 3, after },
          fetchPolicy: 'network-only',
          errorPolicy: 'all',
        });
      const errors =
        (result.error as { errors?: { extensions?: Record<string, unknown> }[] } | undefined)
          ?.errors ?? [];
      for (const e of errors) incomplete.push({ page, ...e.extensions });
      const connection = result.data!.wallets;
      seen.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor ?? null;
    }
    // Page 2 said whose part was missing; the walk still brought every wallet, once.
    expect(incomplete).toEqual([
      expect.objectContaining({
        page: 2,
        provider: 'LAGO',
        incomplete: true,
        code: 'UPSTREAM_UNAVAILABLE',
      }),
    ]);
    expect(seen.length).toBe(new Set(seen).size);
    expect(new Set(seen)).toEqual(new Set(all));

    // A wallet and a customer, fetched again by their global ids into the normalised cache.
    const walletId = seen[0]!;
    const wallet = await client.query({
      query: NodeQuery,
      variables: { id: walletId },
      fetchPolicy: 'network-only',
    });
    expect(wallet.data!.node).toMatchObject({ __typename: 'Wallet', id: walletId });
    const customer = await client.query({
      query: CustomerByExternalIdQuery,
      variables: { externalId: 'hooli_1234' },
    });
    const customerId = customer.data!.customer.id;
    const again = await client.query({
      query: NodeQuery,
      variables: { id: customerId },
      fetchPolicy: 'network-only',
    });
    expect(again.data!.node).toEqual({
      __typename: 'Customer',
      id: customerId,
      externalId: 'hooli_1234',
      knownBy: ['LAGO', 'FLEXPRICE', 'POLAR'],
    });
    const cache = client.cache.extract() as Record<string, unknown>;
    expect(Object.keys(cache)).toContain(`Customer:${customerId}`);
    expect(Object.keys(cache)).toContain(`Wallet:${walletId}`);
  });

  it('receives a live balance change over the graphql-ws half of the split link', async () => {
    const client = apollo();
    const event = new Promise<{ provider: string; wallet: { providerWalletId: string } | null }>(
      (resolve, reject) => {
        const subscription = client
          .subscribe({
            query: LiveBalanceSubscription,
            variables: { customerExternalId: 'hooli_1234' },
          })
          .subscribe({
            next: (r) => {
              if (!r.data) return;
              subscription.unsubscribe();
              resolve(r.data.walletBalanceChanged as never);
            },
            error: reject,
          });
      },
    );
    // Let the poller read the balance once before it changes.
    await new Promise((r) => setTimeout(r, 800));
    stack.sandboxes.lago.store.grantCredits(LAGO_PREPAID, '1.0');
    expect(await event).toMatchObject({
      provider: 'LAGO',
      wallet: { providerWalletId: LAGO_PREPAID },
    });
  });
});

const sha256 = (query: string) => createHash('sha256').update(query).digest('hex');

describe("Apollo's PersistedQueryLink", () => {
  it('automatic persisted queries: PersistedQueryNotFound, the query once, then the hash alone', async () => {
    const sent: Record<string, unknown>[] = [];
    const client = apollo({
      sent,
      http: (link) => new PersistedQueryLink({ sha256 }).concat(link),
    });
    const first = await client.query({
      query: CustomerByExternalIdQuery,
      variables: { externalId: 'acme_42' },
      fetchPolicy: 'network-only',
    });
    expect(first.data!.customer.externalId).toBe('acme_42');
    // Hash alone (unknown), then hash with the query.
    expect(sent.map((b) => 'query' in b)).toEqual([false, true]);
    const second = await client.query({
      query: CustomerByExternalIdQuery,
      variables: { externalId: 'acme_42' },
      fetchPolicy: 'network-only',
    });
    expect(second.data).toEqual(first.data);
    expect(sent.map((b) => 'query' in b)).toEqual([false, true, false]);
  });

  describe('a trusted-documents-only gateway', () => {
    let trusted: GatewayUnderTest;
    let trustedUrl: string;

    beforeAll(async () => {
      trusted = gatewayFor(stack.sandboxes, {
        TRUSTED_DOCUMENTS_MANIFEST: new URL('../gql/persisted-documents.json', import.meta.url)
          .pathname,
        TRUSTED_DOCUMENTS_ONLY: 'true',
      });
      trustedUrl = await trusted.gateway.listen();
    });
    afterAll(() => trusted.close());

    const manifestHash = (document: unknown) =>
      (document as { __meta__?: { hash?: string } }).__meta__?.hash ??
      sha256(print(document as never));

    it("answers the manifest's documents by hash", async () => {
      const client = apollo({
        endpoint: trustedUrl,
        http: (link) => new PersistedQueryLink({ generateHash: manifestHash }).concat(link),
      });
      const result = await client.query({
        query: CustomerByExternalIdQuery,
        variables: { externalId: 'hooli_1234' },
        fetchPolicy: 'no-cache',
      });
      expect(result.data!.customer.knownBy).toEqual(['LAGO', 'FLEXPRICE', 'POLAR']);
    });

    it('refuses a document outside the manifest, by hash and as a query', async () => {
      const client = apollo({
        endpoint: trustedUrl,
        http: (link) => new PersistedQueryLink({ generateHash: manifestHash }).concat(link),
      });
      const result = await client
        .query({
          query: (await import('graphql')).parse('query Adhoc { providers { name } }'),
          fetchPolicy: 'no-cache',
        })
        .catch((e: unknown) => ({ error: e, data: undefined }));
      expect(result.data).toBeUndefined();
      expect(JSON.stringify(result.error)).toMatch(
        /PERSISTED_QUERY_NOT_IN_LIST|PERSISTED_QUERY_ONLY/,
      );

      const res = await fetch(trustedUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          'x-api-key': TEST_API_KEY,
        },
        body: JSON.stringify({ query: '{ providers { name } }' }),
      });
      expect(res.status).toBe(400);
      expect(
        ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
          .code,
      ).toBe('PERSISTED_QUERY_ONLY');
    });
  });
});
