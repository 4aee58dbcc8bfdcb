import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createLagoProvider } from '../../src/providers/lago/adapter.js';
import { type LagoSandbox, startLagoSandbox } from '../../src/providers/lago/sandbox/server.js';
import type { WalletList } from '../../src/providers/provider.js';
import { TranslatedOnce } from '../../src/providers/translated-once.js';
import { faultPreset } from '../../src/sandbox/faults.js';

describe('TranslatedOnce', () => {
  it('translates one wire object once per context, and keeps contexts apart', () => {
    const once = new TranslatedOnce<{ n: number; context: string | null }>();
    let calls = 0;
    const translate = (context: string | null) => () => ({ n: ++calls, context });
    const raw = { lago_id: 'w1' };
    const first = once.get(raw, null, translate(null));
    expect(once.get(raw, null, translate(null))).toBe(first);
    const forA = once.get(raw, 'a', translate('a'));
    expect(forA).not.toBe(first);
    expect(once.get(raw, 'a', translate('a'))).toBe(forA);
    expect(once.get({ lago_id: 'w1' }, null, translate(null))).not.toBe(first);
    expect(calls).toBe(3);
  });

  it('never keeps a result for a value that is not an object', () => {
    const once = new TranslatedOnce<number>();
    let calls = 0;
    once.get('w1', null, () => ++calls);
    once.get('w1', null, () => ++calls);
    expect(calls).toBe(2);
  });
});

describe('callers sharing an in-flight upstream read share its translation', () => {
  let lago: LagoSandbox;
  beforeAll(async () => {
    lago = await startLagoSandbox();
  });
  afterAll(() => lago.close());

  it('two concurrent reads of one customer: one GET, the very same wallet objects', async () => {
    const provider = createLagoProvider(
      { apiUrl: lago.url, apiKey: lago.apiKey, timeoutMs: 5000, retries: 0 },
      createLogger({ level: 'silent' }),
    );
    // The answer is held a moment in flight, so the second read joins the first.
    lago.injectFault({ ...faultPreset('latency', 50), times: 1 });
    lago.requests.length = 0;
    const [a, b] = await Promise.all([
      provider.walletsByCustomers(['hooli_1234']),
      provider.walletsByCustomers(['hooli_1234']),
    ]);
    expect(lago.requests.filter((r) => r.path === '/api/v1/wallets')).toHaveLength(1);
    const first = a[0] as WalletList;
    const second = b[0] as WalletList;
    expect(first.wallets.length).toBeGreaterThan(0);
    expect(second.wallets.length).toBe(first.wallets.length);
    second.wallets.forEach((w, i) => expect(w).toBe(first.wallets[i]));

    // A later read is a new upstream answer, translated anew.
    const [c] = await provider.walletsByCustomers(['hooli_1234']);
    expect((c as WalletList).wallets[0]).not.toBe(first.wallets[0]);
    expect((c as WalletList).wallets[0]).toEqual(first.wallets[0]);
  });
});
