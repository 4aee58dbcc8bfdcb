/**
 * The query benchmark's upstream: the Lago sandbox in a process of its own, so its CPU and memory
 * are its own and the load generator does not share its thread. Driven over IPC by
 * scripts/bench-query.ts (started with `fork`):
 *
 *   child -> parent  { type: 'ready', lago: { apiUrl, apiKey } }
 *   parent -> child  { type: 'count', id }         -> { type: 'count', id, calls, byRoute }
 *                    { type: 'fault', id, mode, arg } (a src/sandbox/faults.ts preset on Lago)
 *                    { type: 'clear', id }          (no faults)
 *
 * Every request that reaches the sandbox's HTTP server is counted here, before routing: the
 * upstream calls per query the benchmark prints are exact. `--customers N` seeds N customers
 * (`bench_0000`...) with three wallets each, copies of hooli_1234's, so a load can spread over
 * customers the way frontends do.
 */
import { parseArgs } from 'node:util';
import { startLagoSandbox } from '../../src/providers/lago/sandbox/server.js';
import { faultPreset } from '../../src/sandbox/faults.js';
import { benchCustomer, type UpstreamReply, type UpstreamRequest } from './upstream-protocol.js';

const uuid = (n: number, tag: string) =>
  `${tag}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { customers: { type: 'string', default: '500' } } });
  const customers = Number(values.customers);
  const lago = await startLagoSandbox();
  const template = lago.store.wallets.filter((w) => w.external_customer_id === 'hooli_1234');
  for (let i = 0; i < customers; i++) {
    const externalId = benchCustomer(i);
    lago.store.customers.push({
      lago_id: uuid(i, 'c'),
      external_id: externalId,
      name: `Bench customer ${i}`,
      currency: 'USD',
    } as never);
    template.forEach((w, j) =>
      lago.store.wallets.push({
        ...structuredClone(w),
        lago_id: uuid(i * 10 + j, 'b'),
        external_customer_id: externalId,
      }),
    );
  }

  let calls = 0;
  const byRoute = new Map<string, number>();
  lago.server.prependListener('request', (req) => {
    calls++;
    const route = (req.url ?? '').replace(/\?.*$/, '').replace(/\/[0-9a-f-]{36}/g, '/:id');
    byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
  });
  // The sandbox logs every request for tests; a benchmark sends millions.
  const trim = setInterval(() => void (lago.requests.length = 0), 1000);

  const reply = (m: UpstreamReply) => process.send?.(m);
  process.on('message', (m: UpstreamRequest) => {
    switch (m.type) {
      case 'count':
        reply({ type: 'count', id: m.id, calls, byRoute: Object.fromEntries(byRoute) });
        return;
      case 'fault':
        lago.clearFaults();
        lago.injectFault(faultPreset(m.mode, m.arg));
        reply({ type: 'done', id: m.id });
        return;
      case 'clear':
        lago.clearFaults();
        reply({ type: 'done', id: m.id });
        return;
    }
  });
  process.on('disconnect', () => {
    clearInterval(trim);
    void lago.close().then(() => process.exit(0));
  });
  reply({ type: 'ready', lago: { apiUrl: lago.url, apiKey: lago.apiKey } });
}

await main();
