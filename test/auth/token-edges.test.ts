import { request as httpRequest } from 'node:http';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BalanceChangedSubscription } from '../events/operations.js';
import { type Stack, startStack } from '../helpers/stack.js';

/**
 * Customer tokens at the edges: no `exp`, a critical header, clocks that disagree, a long life,
 * and an Authorization header holding more than one credential. Each is a 401 UNAUTHENTICATED
 * with a request id, over HTTP, SSE and WebSocket.
 */
const JWT_SECRET = 'walletgate-test-jwt-secret-0123456789abcdef';
const QUERY = '{ providers { name } }';
const DAY_S = 86_400;

let stack: Stack;
let url: string;

const now = () => Math.floor(Date.now() / 1000);

interface TokenShape {
  readonly claims?: Record<string, unknown>;
  readonly header?: Record<string, unknown>;
  /** Omit `exp`, or set it (seconds since the epoch). */
  readonly exp?: number | null;
  readonly iat?: number | null;
  readonly nbf?: number;
}

const token = (shape: TokenShape = {}) => {
  const jwt = new SignJWT({ sub: 'hooli_1234', ...shape.claims }).setProtectedHeader({
    alg: 'HS256',
    ...shape.header,
  });
  if (shape.exp !== null) jwt.setExpirationTime(shape.exp ?? now() + 600);
  if (shape.iat !== null) jwt.setIssuedAt(shape.iat ?? now());
  if (shape.nbf !== undefined) jwt.setNotBefore(shape.nbf);
  const crit = shape.header?.crit as string[] | undefined;
  return jwt.sign(new TextEncoder().encode(JWT_SECRET), {
    ...(crit && { crit: Object.fromEntries(crit.map((c) => [c, true])) }),
  });
};

async function expectRefused(authorization: string) {
  const res = await stack.execute(QUERY, {}, { authorization });
  expect(res.status).toBe(401);
  expect(res.errors).toHaveLength(1);
  expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  return res.errors![0]!.message;
}

async function expectAccepted(authorization: string) {
  const res = await stack.execute(QUERY, {}, { authorization });
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  stack = await startStack({ AUTH_JWT_SECRET: JWT_SECRET, AUTH_JWT_MAX_LIFETIME_S: String(DAY_S) });
  url = await stack.gateway.listen();
});
afterAll(() => stack.close());

describe('token claims (HS256, default 60 s skew, 1 day max lifetime)', () => {
  it('a token with exp, iat and sub is accepted', async () => {
    await expectAccepted(`Bearer ${await token()}`);
  });

  it('a token without exp is refused (it would never expire)', async () => {
    expect(await expectRefused(`Bearer ${await token({ exp: null })}`)).toBe(
      'Token refused: no "exp" claim',
    );
  });

  it('an unknown critical header is refused', async () => {
    const critical = await token({
      header: { crit: ['x-walletgate-test'], 'x-walletgate-test': 1 },
    });
    expect(await expectRefused(`Bearer ${critical}`)).toMatch(/"crit"/);
  });

  it('an iat a year ahead is refused; 30 s ahead is within the skew', async () => {
    const later = now() + 365 * DAY_S;
    expect(await expectRefused(`Bearer ${await token({ iat: later, exp: later + 600 })}`)).toBe(
      'Token refused: "iat" is in the future',
    );
    await expectAccepted(`Bearer ${await token({ iat: now() + 30 })}`);
  });

  it('expired 30 s ago passes within the skew; 5 minutes ago is refused', async () => {
    await expectAccepted(`Bearer ${await token({ iat: now() - 600, exp: now() - 30 })}`);
    await expectRefused(`Bearer ${await token({ iat: now() - 900, exp: now() - 300 })}`);
  });

  it('nbf 30 s ahead passes within the skew; 5 minutes ahead is refused', async () => {
    await expectAccepted(`Bearer ${await token({ nbf: now() + 30 })}`);
    await expectRefused(`Bearer ${await token({ nbf: now() + 300 })}`);
  });

  it('a token living longer than AUTH_JWT_MAX_LIFETIME_S is refused, one just under is not', async () => {
    const iat = now();
    expect(await expectRefused(`Bearer ${await token({ iat, exp: iat + 2 * DAY_S })}`)).toBe(
      `Token refused: it lives longer than ${DAY_S} s`,
    );
    await expectAccepted(`Bearer ${await token({ iat, exp: iat + DAY_S })}`);
  });

  it('a claim that is not a number is refused', async () => {
    await expectRefused(`Bearer ${await token({ iat: null, claims: { iat: 'yesterday' } })}`);
  });
});

describe('exactly one credential in Authorization', () => {
  it.each([
    ['two bearer tokens', (t: string) => `Bearer ${t} Bearer ${t}`],
    ['two tokens after one scheme', (t: string) => `Bearer ${t} ${t}`],
    ['two headers joined by a comma', (t: string) => `Bearer ${t}, Bearer ${t}`],
    ['another scheme first', (t: string) => `Basic dXNlcjpwYXNz, Bearer ${t}`],
    ['another scheme only', (t: string) => `Basic ${t}`],
    ['the scheme without a token', () => 'Bearer'],
    ['a token without the scheme', (t: string) => t],
  ])('%s: 401 UNAUTHENTICATED', async (_name, header) => {
    expect(await expectRefused(header(await token()))).toMatch(/exactly one credential/);
  });

  it('the scheme is case-insensitive (RFC 7235)', async () => {
    await expectAccepted(`bearer ${await token()}`);
  });

  it('two Authorization headers on the wire are refused, not first-one-wins', async () => {
    const good = await token();
    const payload = JSON.stringify({ query: QUERY });
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(url, {
          method: 'POST',
          // Raw header pairs: the same field twice, as a proxy might forward it.
          headers: [
            'host',
            new URL(url).host,
            'content-type',
            'application/json',
            'content-length',
            String(Buffer.byteLength(payload)),
            'authorization',
            `Bearer ${good}`,
            'authorization',
            `Bearer ${good}`,
          ],
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.end(payload);
      },
    );
    expect(status).toBe(401);
    const error = (JSON.parse(body) as { errors: { extensions: Record<string, unknown> }[] })
      .errors[0]!;
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.extensions.requestId).toEqual(expect.any(String));
  });
});

describe('the same refusals on every transport', () => {
  it('HTTP: 401 with the request id', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await token({ exp: null })}`,
      },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      requestId: res.headers.get('x-request-id'),
    });
  });

  it('SSE: 401 with the code and request id', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${await token({ header: { crit: ['b64'], b64: true } })}`,
      },
      body: JSON.stringify({
        query: print(BalanceChangedSubscription),
        variables: { customerExternalId: 'hooli_1234' },
      }),
    });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('"code":"UNAUTHENTICATED"');
    expect(text).toMatch(/"requestId":"[^"]+"/);
  });

  const refusedOverWs = async (options: {
    connectionParams?: Record<string, string>;
    headers?: Record<string, string>;
  }) => {
    const headers = options.headers ?? {};
    class WithHeaders extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    }
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WithHeaders,
      retryAttempts: 0,
      connectionParams: options.connectionParams ?? {},
    });
    try {
      return await new Promise<readonly { extensions?: Record<string, unknown> }[]>(
        (resolve, reject) => {
          client.subscribe(
            { query: QUERY },
            {
              next: () => reject(new Error('answered')),
              error: (e) => resolve(e as { extensions?: Record<string, unknown> }[]),
              complete: () => reject(new Error('completed without an error')),
            },
          );
        },
      );
    } finally {
      await client.dispose();
    }
  };

  it('WebSocket, token in connection_init: an error message coded UNAUTHENTICATED', async () => {
    const past = now() + 365 * DAY_S;
    const errors = await refusedOverWs({
      connectionParams: { authorization: `Bearer ${await token({ iat: past, exp: past + 60 })}` },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      requestId: expect.any(String),
    });
  });

  it('WebSocket, two credentials in the upgrade header: refused the same way', async () => {
    const good = await token();
    const errors = await refusedOverWs({
      headers: { authorization: `Bearer ${good} Bearer ${good}` },
    });
    expect(errors[0]!.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      requestId: expect.any(String),
    });
  });
});
