import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/**
 * graphql-http's conformance audits for the GraphQL-over-HTTP spec, run against the gateway over
 * real HTTP. Every MUST and SHOULD passes; only MAY audits may be left as notices.
 */
let stack: Stack;
let url: string;

beforeAll(async () => {
  // Several audits query `__type`: introspection on, as a deployment may switch it.
  stack = await startStack({ GRAPHQL_INTROSPECTION: 'true' });
  url = await stack.gateway.listen();
});
afterAll(() => stack.close());

// The audits send no credentials; a server key on every request stands for an authenticated client.
const withKey: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('x-api-key', TEST_API_KEY);
  return fetch(input, { ...init, headers });
};

describe('graphql-http serverAudits', () => {
  const audits = serverAudits({ url: () => url, fetchFn: withKey });

  it('has audits to run', () => expect(audits.length).toBeGreaterThan(50));

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status === 'ok') return;
      // MAY audits are recommendations the spec leaves open; MUST and SHOULD must pass.
      expect(audit.name.startsWith('MAY'), `${result.status}: ${result.reason}`).toBe(true);
    });
  }
});
