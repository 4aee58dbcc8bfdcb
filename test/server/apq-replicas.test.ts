import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandboxes, startSandboxes } from '../../src/sandbox/index.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { type GatewayUnderTest, gatewayFor, TEST_API_KEY } from '../helpers/stack.js';

/**
 * Automatic persisted queries across two replicas sharing a real redis-server: a query registered
 * through one replica is known, by its hash alone, to the other.
 */
let sandboxes: Sandboxes;
let redis: RedisServer;
let replicas: GatewayUnderTest[];
let urls: string[];

beforeAll(async () => {
  sandboxes = await startSandboxes();
  redis = await startRedisServer();
  replicas = [0, 1].map(() => gatewayFor(sandboxes, { REDIS_URL: redis.url }));
  urls = await Promise.all(replicas.map((r) => r.gateway.listen()));
});
afterAll(async () => {
  for (const r of replicas ?? []) await r.close();
  await redis?.stop();
  await sandboxes?.close();
});

const QUERY = 'query ProviderNames { providers { name } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');

const post = async (url: string, body: Record<string, unknown>) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      'x-api-key': TEST_API_KEY,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const persisted = { persistedQuery: { version: 1, sha256Hash: HASH } };

describe('APQ through Redis', () => {
  it('registers on one replica and answers by hash on the other', async () => {
    const unknown = await post(urls[1]!, { extensions: persisted });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      errors: [
        { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      ],
    });
    const registered = await post(urls[0]!, { query: QUERY, extensions: persisted });
    expect(registered.status).toBe(200);
    const byHash = await post(urls[1]!, { extensions: persisted });
    expect(byHash).toEqual({
      status: 200,
      body: { data: { providers: [{ name: 'LAGO' }, { name: 'FLEXPRICE' }, { name: 'POLAR' }] } },
    });
  });

  it('refuses a query that does not hash to the hash sent with it', async () => {
    const mismatch = await post(urls[0]!, {
      query: '{ providers { name } }',
      extensions: persisted,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({
      errors: [{ extensions: { code: 'PERSISTED_QUERY_MISMATCH' } }],
    });
  });
});
