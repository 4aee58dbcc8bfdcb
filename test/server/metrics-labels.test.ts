import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/** Metric label sets a caller cannot grow. */
let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await startStack();
  url = await stack.gateway.listen();
});
afterAll(() => stack.close());

describe('GraphQL metrics', () => {
  it('count and time requests by operation type, never by the caller-chosen name or URL', async () => {
    for (const name of ['CallerChosenOne', 'CallerChosenTwo']) {
      const res = await fetch(`${url}?x=${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY },
        body: JSON.stringify({ query: `query ${name} { providers { name } }` }),
      });
      expect(res.status).toBe(200);
      await res.text();
    }
    const text = await (await fetch(new URL('/metrics', url))).text();
    expect(text).toMatch(/graphql_envelop_request\{operationType="query"\} \d+/);
    expect(text).toMatch(/graphql_envelop_request_duration_bucket\{[^}]*operationType="query"/);
    expect(text).toMatch(
      /graphql_yoga_http_duration_bucket\{[^}]*method="POST"[^}]*statusCode="200"[^}]*operationType="query"/,
    );
    expect(text).not.toContain('CallerChosen');
    expect(text).not.toContain('graphql_envelop_phase_');
    expect(text).not.toContain('graphql_envelop_request_time_summary');
  });
});
