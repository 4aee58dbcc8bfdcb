import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/**
 * What an attacker sends: each gets a clear refusal (HTTP 400, a code, the request id), never a
 * 500 or a stack overflow, and nothing the caller sent is echoed back at length.
 */
let production: Stack;
let url: string;

beforeAll(async () => {
  production = await startStack();
  url = await production.gateway.listen();
});
afterAll(() => production.close());

interface Answer {
  status: number;
  text: string;
  requestId: string | null;
  errors: { message: string; extensions: Record<string, unknown> }[];
  data?: unknown;
}

async function send(target: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(target, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      'x-api-key': TEST_API_KEY,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  const parsed = JSON.parse(text) as Pick<Answer, 'errors' | 'data'>;
  return {
    status: res.status,
    text,
    requestId: res.headers.get('x-request-id'),
    errors: parsed.errors ?? [],
    ...('data' in parsed && { data: parsed.data }),
  } satisfies Answer;
}

function expectRefused(answer: Answer, code: string, extensions: Record<string, unknown> = {}) {
  expect(answer.status, answer.text).toBe(400);
  expect(answer.data, answer.text).toBeUndefined();
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors[0]!.extensions).toEqual({
    code,
    ...extensions,
    requestId: answer.requestId,
  });
}

const nestedFragments = (n: number) =>
  `{ ${'... on Query { '.repeat(n)}__typename${' }'.repeat(n)} }`;
const nestedList = (n: number) => `{ nodes(ids: ${'['.repeat(n)}"x"${']'.repeat(n)}) { id } }`;

describe('nesting is bounded before parsing (LIMIT_MAX_NESTING)', () => {
  it('3,000 nested inline fragments: 400 GRAPHQL_PARSE_FAILED naming the limit', async () => {
    const answer = await send(url, { query: nestedFragments(3000) });
    expectRefused(answer, 'GRAPHQL_PARSE_FAILED', { limit: 'LIMIT_MAX_NESTING' });
    expect(answer.errors[0]!.message).toBe(
      'Nesting limit of 50 exceeded: brackets nest deeper than that',
    );
  });

  it('a list nested 3,000 deep in nodes(ids:): the same refusal, the value not echoed', async () => {
    const answer = await send(url, { query: nestedList(3000) });
    expectRefused(answer, 'GRAPHQL_PARSE_FAILED', { limit: 'LIMIT_MAX_NESTING' });
    expect(answer.text).not.toContain('[[[');
  });

  it('input objects and lists within the token limit but deeper than the parser copes with', async () => {
    // 2,400 levels is under LIMIT_MAX_TOKENS: only the nesting bound stands between it and the stack.
    for (const query of [
      nestedList(2400),
      `{ wallets(filter: ${'{ a: '.repeat(2400)}1${' }'.repeat(2400)}) { edges { cursor } } }`,
    ]) {
      const answer = await send(url, { query });
      expectRefused(answer, 'GRAPHQL_PARSE_FAILED', { limit: 'LIMIT_MAX_NESTING' });
    }
  });

  it('brackets inside strings, block strings and comments do not count', async () => {
    const query = `# ${'{'.repeat(200)}
      query Nested($a: String = "${'['.repeat(200)}") {
        __typename @deprecated(reason: """${'('.repeat(200)} \\""" ${'{'.repeat(60)}""")
      }`;
    const answer = await send(url, { query });
    // Past the nesting bound: refused for what the document is (an unknown directive), not its brackets.
    expect(answer.errors[0]!.extensions.limit).toBeUndefined();
    expect(answer.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a nesting within the bound still reaches the depth limit', async () => {
    const answer = await send(url, { query: nestedFragments(40) });
    expect(answer.status).toBe(400);
    expect(answer.errors.map((e) => e.extensions.limit)).toContain('LIMIT_MAX_DEPTH');
  });

  it('a variable nested 30,000 deep is refused as a wrong variable, not a crash', async () => {
    const query = JSON.stringify('query($ids: [ID!]!) { nodes(ids: $ids) { id } }');
    const ids = `${'['.repeat(30_000)}"x"${']'.repeat(30_000)}`;
    const answer = await send(url, `{"query":${query},"variables":{"ids":${ids}}}`);
    expectRefused(answer, 'BAD_USER_INPUT');
    expect(answer.text.length).toBeLessThan(2000);
  });

  it('under application/json, over GET and over SSE: the same code, never a 500', async () => {
    const json = await send(url, { query: nestedList(3000) }, { accept: 'application/json' });
    expect(json.status).not.toBe(500);
    expect(json.errors[0]!.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });

    const get = await fetch(`${url}?query=${encodeURIComponent(nestedFragments(200))}`, {
      headers: { accept: 'application/graphql-response+json', 'x-api-key': TEST_API_KEY },
    });
    expect(get.status).toBe(400);
    expect(JSON.stringify(await get.json())).toContain('LIMIT_MAX_NESTING');

    const sse = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'x-api-key': TEST_API_KEY,
      },
      body: JSON.stringify({ query: `subscription ${nestedFragments(3000).slice(1)}` }),
    });
    expect(sse.status).not.toBe(500);
    const text = await sse.text();
    expect(text).toContain('"code":"GRAPHQL_PARSE_FAILED"');
    expect(text).toContain('"limit":"LIMIT_MAX_NESTING"');
    expect(text).toContain('"requestId"');
  });

  it('over graphql-ws: the operation gets an error message with the code, the socket stays', async () => {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { 'x-api-key': TEST_API_KEY },
    });
    const run = (query: string) =>
      new Promise<unknown>((resolve) => {
        client.subscribe({ query }, { next: resolve, error: resolve, complete: () => {} });
      });
    const refused = (await run(nestedFragments(3000))) as {
      extensions: Record<string, unknown>;
    }[];
    expect(refused[0]!.extensions).toMatchObject({
      code: 'GRAPHQL_PARSE_FAILED',
      limit: 'LIMIT_MAX_NESTING',
      requestId: expect.any(String),
    });
    expect(await run('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    await client.dispose();
  });
});

describe('aliases, introspection and suggestions', () => {
  it('__typename aliases count against LIMIT_MAX_ALIASES', async () => {
    const query = `{ ${Array.from({ length: 3300 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const answer = await send(url, { query });
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', { limit: 'LIMIT_MAX_ALIASES' });
    expect(answer.errors[0]!.message).toBe('Aliases limit of 30 exceeded, found 3300.');
  });

  it('introspection is refused outside sandbox mode; __typename is still answered', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Wallet") { name } }',
    ]) {
      const answer = await send(url, { query });
      expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED');
      expect(answer.errors[0]!.message).toMatch(/^Introspection is off on this gateway/);
    }
    expect((await send(url, { query: '{ __typename }' })).data).toEqual({ __typename: 'Query' });
  });

  it('no suggestion outside sandbox mode: fields, arguments, input fields, enum values, types', async () => {
    const documents = [
      '{ provders { name } }',
      '{ wallets(frist: 1) { edges { cursor } } }',
      '{ wallets(filter: { customerExternalI: "x" }) { edges { cursor } } }',
      '{ wallets(filter: { provider: LAG }) { edges { cursor } } }',
      'query($f: WalletFiltr) { wallets(filter: $f) { edges { cursor } } }',
    ];
    for (const query of documents) {
      const answer = await send(url, { query });
      expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED');
      expect(answer.text).not.toMatch(/Did you mean|Suggestion/);
    }
    for (const filter of [{ provider: 'LAG' }, { customerExternalI: 'x' }]) {
      const answer = await send(url, {
        query: 'query($f: WalletFilter) { wallets(filter: $f) { edges { cursor } } }',
        variables: { f: filter },
      });
      expectRefused(answer, 'BAD_USER_INPUT');
      expect(answer.text).not.toMatch(/Did you mean|LAGO|customerExternalId/);
    }
  });
});

describe('huge arguments are refused with BAD_USER_INPUT, not echoed or forwarded', () => {
  const huge = 'A'.repeat(50_000);

  it.each([
    ['wallet(id:)', '{ wallet(id: $v) { id } }', 'ID!', 'id'],
    ['node(id:)', '{ node(id: $v) { id } }', 'ID!', 'id'],
    ['customer(externalId:)', '{ customer(externalId: $v) { id } }', 'String!', 'externalId'],
    [
      'wallets(filter: { customerExternalId })',
      '{ wallets(filter: { customerExternalId: $v }) { edges { cursor } } }',
      'String',
      'filter.customerExternalId',
    ],
  ])('%s with 50,000 characters', async (_name, selection, type, argument) => {
    const before = production.sandboxes.lago.requests.length;
    const answer = await send(url, {
      query: `query($v: ${type}) ${selection}`,
      variables: { v: huge },
    });
    expectRefused(answer, 'BAD_USER_INPUT', { argument });
    expect(answer.errors[0]!.message).toBe(
      `${argument} is 50000 characters long; at most 256 are accepted`,
    );
    expect(answer.text.length).toBeLessThan(1000);
    expect(production.sandboxes.lago.requests.length).toBe(before);
  });

  it('nodes(ids:) with more than 100 ids, and with one huge id', async () => {
    const many = await send(url, {
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids: Array.from({ length: 5000 }, (_, i) => `id${i}`) },
    });
    expectRefused(many, 'BAD_USER_INPUT', { argument: 'ids' });
    expect(many.errors[0]!.message).toBe('ids has 5000 items; at most 100 are accepted');
    const long = await send(url, {
      query: `{ nodes(ids: ["a", "${huge}"]) { id } }`,
    });
    expectRefused(long, 'BAD_USER_INPUT', { argument: 'ids[1]' });
  });

  it('a wrong value graphql-js quotes in its message is cut short', async () => {
    const answer = await send(url, {
      query: 'query($n: Int) { wallets(first: $n) { edges { cursor } } }',
      variables: { n: huge },
    });
    expectRefused(answer, 'BAD_USER_INPUT');
    expect(answer.errors[0]!.message.length).toBeLessThanOrEqual(1001);
  });
});

describe('sandbox mode', () => {
  let sandbox: Stack;
  let sandboxUrl: string;
  beforeAll(async () => {
    sandbox = await startStack({ LIMIT_MAX_COST: '1000' }, { sandboxMode: true });
    sandboxUrl = await sandbox.gateway.listen();
  });
  afterAll(() => sandbox.close());

  it('answers introspection and suggests', async () => {
    const answer = await send(sandboxUrl, { query: '{ __type(name: "Provider") { name } }' });
    expect(answer.data).toEqual({ __type: { name: 'Provider' } });
    const typo = await send(sandboxUrl, {
      query: '{ wallets(filter: { provider: LAG }) { edges { cursor } } }',
    });
    expect(typo.errors[0]!.message).toContain('Did you mean the enum value "LAGO"?');
  });

  it("introspection counts towards the cost limit (GraphiQL's query costs about 3,000)", async () => {
    const answer = await send(sandboxUrl, { query: getIntrospectionQuery() });
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', { limit: 'LIMIT_MAX_COST' });
  });

  it('introspection nesting lists deeper than graphql-js allows is refused', async () => {
    const answer = await send(sandboxUrl, {
      query: '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
    });
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors[0]!.message).toBe('Maximum introspection depth exceeded');
  });
});
