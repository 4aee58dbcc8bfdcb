import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack, TEST_API_KEY } from '../helpers/stack.js';

/**
 * A gateway whose REDIS_URL points at nothing: it still serves, limits and answers readiness,
 * from its own memory, without waiting for Redis on each request.
 */
let stack: Stack;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

/** A loopback port nothing listens on. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  stack = await startStack({
    REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
    RATE_LIMIT_PER_MINUTE: '3',
  });
});
afterAll(async () => {
  await stack.close();
  process.off('unhandledRejection', onUnhandled);
});

const ask = () =>
  stack.gateway.yoga.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': TEST_API_KEY },
    body: JSON.stringify({ query: '{ providers { name } }' }),
  });

describe('Redis unreachable', () => {
  it('the per-caller rate limit is kept in memory: three operations, then 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask()).status);
    const refused = await ask();
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect([...statuses, refused.status]).toEqual([200, 200, 200, 429]);
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('/readyz: degraded (200), redis down; /metrics: walletgate_redis_up 0', async () => {
    const res = await stack.gateway.yoga.fetch('http://gateway/readyz');
    expect([res.status, await res.json()]).toEqual([
      200,
      {
        status: 'degraded',
        providers: { LAGO: 'up', FLEXPRICE: 'up', POLAR: 'up' },
        redis: 'down',
      },
    ]);
    const metrics = await (await stack.gateway.yoga.fetch('http://gateway/metrics')).text();
    expect(metrics).toMatch(/^walletgate_redis_up 0$/m);
    expect(unhandled).toEqual([]);
  });
});
