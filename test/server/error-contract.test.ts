import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { subscribeWs } from '../helpers/live-clients.js';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/**
 * The error contract over real HTTP: each refusal has its code and the GraphQL-over-HTTP status
 * (application/graphql-response+json: request errors 400, auth 401), `requestId`, and nothing
 * internal. Every code seen is one errors.ts lists (and so the README, see readme.test.ts).
 */
const JWT_SECRET = 'walletgate-test-jwt-secret-contract-0123456789';
const seen = new Set<string>();

let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await startStack({ AUTH_JWT_SECRET: JWT_SECRET });
  url = await stack.gateway.listen();
});
afterAll(() => stack.close());

interface Answer {
  status: number;
  text: string;
  body: {
    data?: unknown;
    errors?: { message: string; path?: unknown; extensions: Record<string, unknown> }[];
  };
  headers: Headers;
}

async function send(
  body: string,
  headers: Record<string, string> = {},
  accept = 'application/graphql-response+json',
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    // A bearer token speaks for itself: no API key beside it.
    headers: {
      'content-type': 'application/json',
      accept,
      ...(!headers.authorization && { 'x-api-key': TEST_API_KEY }),
      ...headers,
    },
    body,
  });
  const text = await res.text();
  const parsed = JSON.parse(text) as Answer['body'];
  for (const e of parsed.errors ?? []) seen.add(String(e.extensions?.code));
  return { status: res.status, text, body: parsed, headers: res.headers };
}
const query = (q: string, variables?: unknown, headers?: Record<string, string>) =>
  send(JSON.stringify({ query: q, variables }), headers);

/** The one refusal of a request error: no data, one error with this code. */
function expectRefusal(answer: Answer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body.data, answer.text).toBeUndefined();
  expect(answer.body.errors?.[0]?.extensions.code, answer.text).toBe(code);
  expect(answer.body.errors?.[0]?.extensions.requestId).toBe(answer.headers.get('x-request-id'));
  expect(answer.text).not.toMatch(/"http"|originalError|"unexpected"|stack/);
}

describe('bad arguments are request errors (400) with a code', () => {
  it('wallet(id:) and node(id:) with a string that is no global id: INVALID_ID', async () => {
    const wallet = await query('{ wallet(id: "abc") { id } }');
    expectRefusal(wallet, 400, 'INVALID_ID');
    expect(wallet.body.errors![0]!.extensions.argument).toBe('id');
    expectRefusal(await query('{ node(id: "abc") { id } }'), 400, 'INVALID_ID');
    // A well-formed id of another type is no Wallet id either.
    const customerId = Buffer.from('Customer:hooli_1234').toString('base64');
    expectRefusal(
      await query('query($id: ID!) { wallet(id: $id) { id } }', { id: customerId }),
      400,
      'INVALID_ID',
    );
    // The id is not echoed back.
    expect((await query('{ node(id: "not-an-id-at-all") { id } }')).text).not.toContain(
      'not-an-id-at-all',
    );
  });

  it('wallets(after:) with a cursor that is not ours, literal or variable: BAD_USER_INPUT', async () => {
    const literal = await query('{ wallets(after: "garbage") { edges { cursor } } }');
    expectRefusal(literal, 400, 'BAD_USER_INPUT');
    expect(literal.body.errors![0]!.extensions.argument).toBe('after');
    const offset = Buffer.from('OffsetConnection:3').toString('base64');
    expectRefusal(
      await query('query($a: String) { wallets(after: $a) { edges { cursor } } }', { a: offset }),
      400,
      'BAD_USER_INPUT',
    );
    expectRefusal(
      await query('query($a: String) { wallets(after: $a) { edges { cursor } } }', {
        a: 'v9.e30',
      }),
      400,
      'BAD_USER_INPUT',
    );
  });

  it('first outside 0..100: BAD_USER_INPUT naming the largest page, not a cost refusal', async () => {
    const negative = await query('{ wallets(first: -1) { edges { cursor } } }');
    expectRefusal(negative, 400, 'BAD_USER_INPUT');
    expect(negative.body.errors![0]!.extensions.argument).toBe('first');
    const big = await query('{ wallets(first: 300) { edges { cursor } } }');
    expectRefusal(big, 400, 'BAD_USER_INPUT');
    expect(big.body.errors).toHaveLength(1);
    expect(big.body.errors![0]!.message).toMatch(/between 0 and 100/);
    expectRefusal(
      await query('query($n: Int) { wallets(first: $n) { edges { cursor } } }', { n: 101 }),
      400,
      'BAD_USER_INPUT',
    );
    // The largest page with a typical selection passes every limit.
    const full = await query(
      '{ wallets(first: 100) { edges { cursor node { id provider name status currency balance { amount currency } createdAt } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(full.status, full.text).toBe(200);
    expect(full.body.errors).toBeUndefined();
  });

  it('a variable of the wrong type: BAD_USER_INPUT; an unknown operation: OPERATION_RESOLUTION_FAILURE', async () => {
    expectRefusal(
      await query('query($n: Int) { wallets(first: $n) { edges { cursor } } }', { n: 'ten' }),
      400,
      'BAD_USER_INPUT',
    );
    expectRefusal(
      await send(JSON.stringify({ query: '{ providers { name } }', operationName: 'Nope' })),
      400,
      'OPERATION_RESOLUTION_FAILURE',
    );
  });

  it('walletBalanceChanged without exactly one argument: BAD_USER_INPUT', async () => {
    const none = await query('subscription { walletBalanceChanged { eventId } }');
    expectRefusal(none, 400, 'BAD_USER_INPUT');
    const badId = await query('subscription { walletBalanceChanged(walletId: "x") { eventId } }');
    expectRefusal(badId, 400, 'INVALID_ID');
  });
});

describe('limits are validation errors (400) naming the limit', () => {
  const limitOf = (a: Answer) => a.body.errors?.[0]?.extensions.limit;

  it('cost, depth, aliases, directives: GRAPHQL_VALIDATION_FAILED; tokens: GRAPHQL_PARSE_FAILED', async () => {
    const wallet =
      'balance { amount currency minorUnits formatted } ongoingBalance { amount currency minorUnits formatted } credits { balance ongoingBalance ongoingUsage consumed rate topUpRate breakdown { free purchased } }';
    const cost = await query(
      `{ ${Array.from({ length: 25 }, (_, i) => `w${i}: wallets(first: 100) { edges { node { id ${wallet} } } }`).join(' ')} }`,
    );
    expectRefusal(cost, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(limitOf(cost)).toBe('LIMIT_MAX_COST');
    expect(cost.body.errors![0]!.message).toMatch(/^Query Cost limit of 5000 exceeded/);

    const depth = await query(
      `{ customer(externalId: "c") { ${'wallets { customer { '.repeat(9)}externalId${' } }'.repeat(9)} } }`,
    );
    expectRefusal(depth, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(limitOf(depth)).toBe('LIMIT_MAX_DEPTH');

    const aliases = await query(
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: providers { name }`).join(' ')} }`,
    );
    expectRefusal(aliases, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(limitOf(aliases)).toBe('LIMIT_MAX_ALIASES');

    const directives = await query(`{ providers { name ${'@skip(if: false) '.repeat(51)} } }`);
    expectRefusal(directives, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(limitOf(directives)).toBe('LIMIT_MAX_DIRECTIVES');

    const tokens = await query(`{ providers { ${'name '.repeat(10_001)} } }`);
    expectRefusal(tokens, 400, 'GRAPHQL_PARSE_FAILED');
    expect(limitOf(tokens)).toBe('LIMIT_MAX_TOKENS');
  });

  it('under application/json the same refusals keep HTTP 200 (GraphQL-over-HTTP watershed)', async () => {
    const answer = await send(
      JSON.stringify({ query: '{ wallets(first: 300) { edges { cursor } } }' }),
      {},
      'application/json',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('request and credential refusals', () => {
  it('parse and validation failures: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED', async () => {
    expectRefusal(await query('{ providers { name '), 400, 'GRAPHQL_PARSE_FAILED');
    expectRefusal(await query('{ providers { nme } }'), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('an invalid JSON body: BAD_REQUEST, without the parser error inside', async () => {
    const answer = await send('{bad json');
    expectRefusal(answer, 400, 'BAD_REQUEST');
    expect(answer.text).not.toContain('SyntaxError');
    expect(answer.text).not.toContain('position');
  });

  it('Authorization: Bearer abc is 401 UNAUTHENTICATED (not a JWT at all), like a forged one', async () => {
    const garbage = await query('{ providers { name } }', {}, { authorization: 'Bearer abc' });
    expectRefusal(garbage, 401, 'UNAUTHENTICATED');
    expect(garbage.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await new SignJWT({ sub: 'hooli_1234' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-secret-not-the-secret-0000'));
    expectRefusal(
      await query('{ providers { name } }', {}, { authorization: `Bearer ${forged}` }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('a GET without a CSRF-proof header: 403 CSRF_CHECK_FAILED, saying what to send', async () => {
    const res = await fetch(`${url}?query=${encodeURIComponent('{ providers { name } }')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    const text = await res.text();
    const body = JSON.parse(text) as Answer['body'];
    expectRefusal(
      { status: res.status, text, body, headers: res.headers },
      403,
      'CSRF_CHECK_FAILED',
    );
    expect(body.errors![0]!.message).toMatch(/application\/json/);
    seen.add('CSRF_CHECK_FAILED');
  });
});

describe('an unknown customer is not a customer with no wallets', () => {
  const customerQuery =
    'query($id: String!) { customer(externalId: $id) { id knownBy wallets { id } } }';

  it('knownBy names the providers that have the customer on record', async () => {
    const nobody = await query(customerQuery, { id: 'nobody_999' });
    expect(nobody.body).toEqual({
      data: { customer: { id: expect.any(String), knownBy: [], wallets: [] } },
    });
    // Known to Polar, which creates wallets lazily: no Polar wallet yet.
    const globex = await query(
      'query { customer(externalId: "globex_7") { knownBy wallets(filter: { provider: POLAR }) { id } } }',
    );
    expect(globex.body.data).toEqual({ customer: { knownBy: ['LAGO', 'POLAR'], wallets: [] } });
    const hooli = await query(customerQuery, { id: 'hooli_1234' });
    expect(hooli.body.data).toMatchObject({
      customer: { knownBy: ['LAGO', 'FLEXPRICE', 'POLAR'] },
    });
  });

  it('a customer token learns nothing of other customers, not even whether they exist', async () => {
    const token = await new SignJWT({ sub: 'acme_42' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(JWT_SECRET));
    const other = await send(
      JSON.stringify({ query: customerQuery, variables: { id: 'hooli_1234' } }),
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(other.body.data).toMatchObject({ customer: { knownBy: [], wallets: [] } });
    const nobody = await send(
      JSON.stringify({ query: customerQuery, variables: { id: 'nobody_999' } }),
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(JSON.stringify(nobody.body.data)).toBe(
      JSON.stringify(other.body.data).replace(
        Buffer.from('Customer:hooli_1234').toString('base64'),
        Buffer.from('Customer:nobody_999').toString('base64'),
      ),
    );
  });
});

describe('over WebSocket', () => {
  it('errors carry a code and requestId, and no extensions.http', async () => {
    const sub = await subscribeWs(
      url,
      '{ wallet(id: "abc") { id } }',
      {},
      { 'x-api-key': TEST_API_KEY },
    );
    const result = (await sub.next()) as unknown as {
      errors: { extensions: Record<string, unknown> }[];
    };
    await sub.close();
    expect(result.errors[0]!.extensions).toMatchObject({
      code: 'INVALID_ID',
      requestId: expect.any(String),
    });
    expect(JSON.stringify(result)).not.toMatch(/"http"/);
    const refused = await subscribeWs(
      url,
      '{ providers { nme } }',
      {},
      { 'x-api-key': TEST_API_KEY },
    );
    const error = await refused.next();
    await refused.close();
    expect(JSON.stringify(error)).toMatch(/GRAPHQL_VALIDATION_FAILED/);
  });
});

afterAll(() => {
  for (const code of seen) expect(Object.keys(ERROR_CODES), code).toContain(code);
});

describe('a bearer token where no JWT is configured (sandbox mode)', () => {
  let sandbox: Stack;
  let sandboxUrl: string;
  beforeAll(async () => {
    sandbox = await startStack({}, { sandboxMode: true });
    sandboxUrl = await sandbox.gateway.listen();
  });
  afterAll(() => sandbox.close());

  it('is refused with 401 UNAUTHENTICATED, over HTTP and in graphql-ws connectionParams, not ignored', async () => {
    const res = await fetch(sandboxUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: 'Bearer abc',
      },
      body: JSON.stringify({ query: '{ providers { name } }' }),
    });
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).toContain('UNAUTHENTICATED');
    const ws = await subscribeWs(
      sandboxUrl,
      '{ providers { name } }',
      {},
      { authorization: 'Bearer abc' },
    );
    const refused = await ws.next();
    await ws.close();
    expect(JSON.stringify(refused)).toMatch(/UNAUTHENTICATED/);
    expect(JSON.stringify(refused)).toMatch(/requestId/);
  });
});
