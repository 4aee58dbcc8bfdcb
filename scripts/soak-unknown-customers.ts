/**
 * Memory soak (not a test): asks the gateway for many distinct customers that no provider knows
 * and prints its RSS as it goes. Every cache keyed by a caller-chosen id is bounded, so RSS must
 * level off rather than grow with the number of distinct ids.
 *
 *   npm run soak                                  # 100,000 customers, 32 in flight
 *   npm run soak -- --customers 20000 --concurrency 16 --every 2000
 *
 * The three sandbox providers run in this process; the gateway runs compiled (`node dist/main.js`,
 * built first when stale) as a child configured as against real providers, so its RSS is its own.
 * Each request is `customer(externalId: $id) { wallets balances }` with a fresh id, sent as a
 * variable, so every provider is asked (Lago, Flexprice and Polar each look the customer up).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSandboxes } from '../src/sandbox/index.js';
// @ts-expect-error: plain JavaScript (npm start runs it without TypeScript), no declarations.
import { build, staleness } from './build.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const API_KEY = 'soak-key-0123456789';
const QUERY =
  'query($id: String!) { customer(externalId: $id) { externalId wallets { id } balances { amount } } }';

const { values: opts } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '32' },
    every: { type: 'string', default: '10000' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  process.stdout.write('npm run soak -- [--customers N] [--concurrency C] [--every K]\n');
  process.exit(0);
}
const total = Number(opts.customers);
const concurrency = Number(opts.concurrency);
const every = Number(opts.every);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}

async function heapUsedMb(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const bytes = /^(?:walletgate_)?nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)$/m.exec(
    text,
  )?.[1];
  return Number(bytes) / 2 ** 20;
}

const reason = staleness();
if (reason) {
  process.stdout.write(`building dist/ first (${reason})\n`);
  build();
}

const sandboxes = await startSandboxes();
const child = spawn(process.execPath, ['dist/main.js'], {
  cwd: REPO,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...sandboxes.env,
    GATEWAY_API_KEYS: API_KEY,
    RATE_LIMIT_PER_MINUTE: '0',
  },
});
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`the gateway did not start:\n${out}`)), 60_000);
  const read = (chunk: Buffer) => {
    out += chunk.toString();
    const up = /Graph(?:iQL|QL): (\S+)/.exec(out);
    if (up) {
      clearTimeout(timer);
      resolve(up[1]!);
    }
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  child.once('exit', (code) => reject(new Error(`the gateway exited (${code}):\n${out}`)));
});
const base = new URL(url).origin;

const codes = new Map<string, number>();
let done = 0;
let failedRequests = 0;
const started = performance.now();
const rows: { done: number; seconds: number; rssMb: number; heapMb: number }[] = [];

async function sample(): Promise<void> {
  const row = {
    done,
    seconds: (performance.now() - started) / 1000,
    rssMb: rssMb(child.pid!),
    heapMb: await heapUsedMb(base),
  };
  rows.push(row);
  process.stdout.write(
    `${String(row.done).padStart(7)} customers  ${row.seconds.toFixed(0).padStart(4)} s  ` +
      `RSS ${row.rssMb.toFixed(0).padStart(4)} MB  heap used ${row.heapMb.toFixed(0).padStart(4)} MB\n`,
  );
}

let next = 0;
async function worker(): Promise<void> {
  while (next < total) {
    const i = next++;
    try {
      const r = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({ query: QUERY, variables: { id: `soak_unknown_${i}` } }),
      });
      const body = (await r.json()) as { errors?: { extensions?: { code?: string } }[] };
      for (const e of body.errors ?? []) {
        const code = e.extensions?.code ?? 'NO_CODE';
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      if (!r.ok) failedRequests++;
    } catch {
      failedRequests++;
    }
    done++;
    if (done % every === 0) await sample();
  }
}

process.stdout.write(
  `Node ${process.version}: ${total} distinct unknown customers, ${concurrency} in flight\n`,
);
await sample();
await Promise.all(Array.from({ length: concurrency }, () => worker()));
await sleep(2000);
const settled = { ...rows.at(-1)!, seconds: (performance.now() - started) / 1000 };
settled.rssMb = rssMb(child.pid!);
settled.heapMb = await heapUsedMb(base);
process.stdout.write(
  `settled (2 s later): RSS ${settled.rssMb.toFixed(0)} MB, heap used ${settled.heapMb.toFixed(0)} MB\n`,
);
const afterFirst = rows[1] ?? rows[0]!;
process.stdout.write(
  `\n${done} requests in ${settled.seconds.toFixed(0)} s (${(done / settled.seconds).toFixed(0)}/s), ` +
    `${failedRequests} non-2xx or failed; error codes: ${
      [...codes].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'
    }\n` +
    `RSS after the first ${afterFirst.done}: ${afterFirst.rssMb.toFixed(0)} MB; ` +
    `max ${Math.max(...rows.map((r) => r.rssMb)).toFixed(0)} MB; last ${settled.rssMb.toFixed(0)} MB\n`,
);

child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
await sandboxes.close();
