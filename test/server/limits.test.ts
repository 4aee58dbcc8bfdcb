import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/** Abuse limits: each refusal says which limit it hit, and is configurable. */
let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await startStack({ RATE_LIMIT_PER_MINUTE: '8' });
  url = await stack.gateway.listen();
});
afterAll(() => stack.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': TEST_API_KEY,
      'x-forwarded-for': `10.9.${Math.random()}`,
      ...headers,
    },
    body,
  });

describe('query limits (GraphQL Armor)', () => {
  it('refuses a depth-20 query, naming the depth limit', async () => {
    // The schema has no cycles deep enough, so the depth check must catch it before field checks matter.
    const query = `{ customer(externalId: "c") { ${'wallets { customer { '.repeat(9)}externalId${' } }'.repeat(9)} } }`;
    const res = await post(JSON.stringify({ query }));
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/Query depth limit of 10 exceeded, found 20/),
    );
  });

  it('refuses a 1,000-alias query, naming the alias limit', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: providers { name }`).join(' ')} }`;
    const res = await post(JSON.stringify({ query }));
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/aliases limit of 30 exceeded/i);
  });

  it('refuses an overly expensive query, naming the cost limit', async () => {
    const wallet =
      'balance { amount currency minorUnits formatted } ongoingBalance { amount ' +
      'currency minorUnits formatted } credits { balance ongoingBalance ongoingUsage ' +
      'consumed rate topUpRate breakdown { free purchased } } ' +
      'recurringTransactionRules { id trigger interval method thresholdCredits ' +
      'paidCredits grantedCredits targetOngoingBalance status invoiced cooldown { ' +
      'value unit } } alertSettings { thresholds { level value condition metric ' +
      'recurring code } } metadata { key value }';
    const page = (i: number) =>
      `w${i}: wallets(first: 100) { edges { cursor node { id ${wallet} } } ` +
      'pageInfo { hasNextPage endCursor } }';
    const query = `{ ${Array.from({ length: 25 }, (_, i) => page(i)).join(' ')} }`;
    const body = (await (await post(JSON.stringify({ query }))).json()) as {
      errors: { message: string }[];
    };
    expect(body.errors[0]!.message).toMatch(/cost limit of 5000 exceeded/i);
  });

  it('refuses a token flood, naming the token limit', async () => {
    const query = `{ providers { ${'name '.repeat(12_000)} } }`;
    const body = (await (await post(JSON.stringify({ query }))).json()) as {
      errors: { message: string }[];
    };
    expect(body.errors[0]!.message).toMatch(/token limit of 10000 exceeded/i);
  });

  it('blocks field suggestions outside sandbox mode', async () => {
    const body = (await (
      await post(JSON.stringify({ query: '{ provders { name } }' }))
    ).json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).not.toMatch(/Did you mean/);
  });
});

describe('request limits', () => {
  it('refuses a body over LIMIT_MAX_BODY_BYTES with 413, naming the limit', async () => {
    const res = await post(
      JSON.stringify({ query: `{ providers { name } } # ${'x'.repeat(150_000)}` }),
    );
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toContain('LIMIT_MAX_BODY_BYTES');
  });

  it('refuses a simple (CSRF-able) GET without a credential or CSRF header', async () => {
    const res = await fetch(`${url}?query=${encodeURIComponent('{ providers { name } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(403);
  });

  it('rate-limits each caller, with 429, Retry-After and the limit named', async () => {
    const headers = { 'x-forwarded-for': 'ignored-for-api-keys' };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) {
      last = await post(JSON.stringify({ query: '{ providers { name } }' }), headers);
      statuses.push(last.status);
      if (last.status === 429) break;
      await last.body?.cancel();
    }
    // Refused documents (limits above) never reach execution, so they spend no budget.
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await last!.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'RATE_LIMIT_PER_MINUTE',
    });
    expect(body.errors[0]!.message).toMatch(/at most 8 operations per minute/);
  });
});
