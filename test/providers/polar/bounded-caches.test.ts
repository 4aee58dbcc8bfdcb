import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import type { PolarClient } from '../../../src/providers/polar/client.js';
import { CustomerDirectory } from '../../../src/providers/polar/customers.js';
import { SessionCache } from '../../../src/providers/polar/sessions.js';

/**
 * The Polar adapter's caches are keyed by ids callers choose, so each is bounded in size and in
 * age: a stream of distinct unknown customers costs fixed memory, and what was forgotten is only
 * asked again. Counted at the client, as the batching tests count upstream calls.
 */
function harness(maxEntries: number) {
  let now = 1_000_000;
  const asked: string[] = [];
  const sessionsCreated: string[] = [];
  const client = {
    getCustomerByExternalId: async (externalId: string) => {
      asked.push(externalId);
      if (externalId.startsWith('known_'))
        return { id: `cus_${externalId}`, external_id: externalId };
      throw new GatewayError('CUSTOMER_NOT_FOUND', 'no such customer', { provider: 'POLAR' });
    },
    createSession: async (customerId: string) => {
      sessionsCreated.push(customerId);
      return {
        token: `polar_cst_${customerId}_${sessionsCreated.length}`,
        expires_at: new Date(now + 3600_000).toISOString(),
      };
    },
  } as unknown as PolarClient;
  const clock = () => now;
  const directory = new CustomerDirectory(
    client,
    {
      unknownTtlMs: 30_000,
      knownTtlMs: 24 * 3600_000,
      maxEntries,
      bulkLookupThreshold: 10,
      concurrency: 4,
      clock,
    },
    createLogger({ level: 'silent' }),
  );
  const sessions = new SessionCache(client, directory, {
    refreshMarginMs: 5 * 60_000,
    maxEntries,
    clock,
  });
  return {
    directory,
    sessions,
    asked,
    sessionsCreated,
    advance: (ms: number) => void (now += ms),
  };
}

describe('Polar caches are bounded', () => {
  it('keeps at most maxEntries unknown customers, forgetting the least recently asked', async () => {
    const h = harness(3);
    await h.directory.customerIds(['u1', 'u2', 'u3', 'u4']);
    expect(h.asked).toEqual(['u1', 'u2', 'u3', 'u4']);
    h.asked.length = 0;
    // u1 was pushed out by u4; u2..u4 are still believed unknown.
    const again = await h.directory.customerIds(['u4', 'u3', 'u2', 'u1']);
    expect(h.asked).toEqual(['u1']);
    expect([...again.values()]).toEqual([null, null, null, null]);
  });

  it('believes "no such customer" for unknownTtlMs only', async () => {
    const h = harness(10);
    await h.directory.customerIds(['u1']);
    h.advance(29_000);
    await h.directory.customerIds(['u1']);
    expect(h.asked).toEqual(['u1']);
    h.advance(2_000);
    await h.directory.customerIds(['u1']);
    expect(h.asked).toEqual(['u1', 'u1']);
  });

  it('keeps known mappings within the bound, looking a forgotten one up again', async () => {
    const h = harness(2);
    const first = await h.directory.customerIds(['known_a', 'known_b', 'known_c']);
    expect(first.get('known_a')).toBe('cus_known_a');
    h.asked.length = 0;
    await h.directory.customerIds(['known_c', 'known_b', 'known_a']);
    expect(h.asked).toEqual(['known_a']);
  });

  it('keeps at most maxEntries session tokens, each until it is due for replacement', async () => {
    const h = harness(2);
    const call = (customer: string) => h.sessions.withSession(customer, async (token) => token);
    const t1 = await call('cus_1');
    await call('cus_2');
    expect(await call('cus_1')).toBe(t1);
    await call('cus_3'); // pushes out cus_2, the least recently used
    expect(h.sessionsCreated).toEqual(['cus_1', 'cus_2', 'cus_3']);
    await call('cus_2');
    expect(h.sessionsCreated).toEqual(['cus_1', 'cus_2', 'cus_3', 'cus_2']);
    // Replaced 5 minutes before its hour is up.
    h.advance(54 * 60_000);
    await call('cus_2');
    expect(h.sessionsCreated).toHaveLength(4);
    h.advance(2 * 60_000);
    await call('cus_2');
    expect(h.sessionsCreated).toHaveLength(5);
  });
});
