/**
 * Query benchmark (not a test): Walletgate answering a customer's wallets beside the sandbox
 * upstream asked directly, in one run, under the same load.
 *
 *   npm run bench:query                                  # every case at 10, 50 and 200 connections
 *   npm run bench:query -- --cases off,storm --connections 50 --duration-s 20
 *   npm run bench:query -- --baseline-dir /tmp/wg-main   # also another checkout, row by row
 *   npm run bench:query -- --cases off --connections 50 --profile   # and where the CPU went
 *   npm run bench:query -- --help
 *
 * Each case and connection count gets a fresh upstream and fresh gateways:
 * - the upstream: the Lago sandbox in its own process (bench/upstream-process.ts) with N seeded
 *   customers of three wallets each. It counts every request it receives, so "upstream calls per
 *   query" is exact.
 * - "direct": autocannon sends the gateway's own upstream request (`GET /api/v1/wallets?
 *   external_customer_id=…&page=1&per_page=100`, Lago's customer-wallets route) to the upstream.
 * - "Walletgate": the compiled gateway (`node dist/main.js`, as `npm start` runs it; dist/ is
 *   built first when stale) in its own process, configured with Lago as a real provider (its
 *   webhook secret set), is sent the query a wallet screen asks (QUERY below).
 * Both are loaded for --warmup-s, then measured for --duration-s. Figures: answers per second,
 * latency p50/p99/max (each answer timed, sub-millisecond), upstream calls per query, CPU per
 * query (the process's user + system CPU time over the measured window / answers: the upstream
 * process for "direct", the gateway process for Walletgate), peak RSS (VmHWM of that process,
 * which is fresh per case), wrong answers (non-200, GraphQL errors, missing wallets) and failed
 * requests, and the ratios Walletgate / direct. The load generator shares the machine: each
 * table says the load average before it and how much CPU other processes used meanwhile.
 */
import { loadavg } from 'node:os';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type LoadResult, type LoadTarget, runLoad } from './bench/load.js';
import {
  machineBusyCores,
  machineDescription,
  sampleMachine,
  sampleProcess,
} from './bench/proc.js';
import { analyseProfile, formatProfile } from './bench/profile.js';
import {
  ensureBuilt,
  type GatewayProcess,
  startGateway,
  startUpstream,
  type Upstream,
} from './bench/query-processes.js';
import { ms } from './bench/stats.js';
import { benchCustomer } from './bench/upstream-protocol.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const API_KEY = 'bench-query-key-0123456789';

/** What a wallet screen asks for a customer: totals, and each wallet's balances and credits. */
const QUERY = `query CustomerWallets($externalId: String!) {
  customer(externalId: $externalId) {
    externalId
    balances { amount currency formatted }
    wallets {
      id provider name status kind currency
      balance { amount currency formatted minorUnits }
      ongoingBalance { amount currency formatted }
      credits { balance ongoingBalance rate }
      expiresAt lastConsumedAt
    }
  }
}`;
const WALLETS_PER_CUSTOMER = 3;

/**
 * The gateway's wallet cache as it ships (Lago's webhook secret is set, so a cached wallet may be
 * 60 s old), and switched off, for the "off" case. A --baseline-dir checkout without the cache
 * ignores both.
 */
const SHARED_CACHE_ENV: Readonly<Record<string, string>> = {};
const CACHE_OFF_ENV: Readonly<Record<string, string>> = {
  WALLET_CACHE_MAX_AGE_MS: '0',
  WALLET_CACHE_UNVERIFIED_MAX_AGE_MS: '0',
  WALLET_CACHE_STALE_IF_ERROR_MS: '0',
  RESPONSE_CACHE_TTL_MS: '0',
};

interface Case {
  readonly key: string;
  readonly title: string;
  readonly connections: readonly number[] | 'all';
  readonly oneCustomer: boolean;
  readonly latencyMs?: number;
  readonly warmPass?: boolean;
  readonly env: Readonly<Record<string, string>>;
  readonly note?: string;
}

const HELP = `Usage: npm run bench:query -- [options]
  --cases LIST        off,warm,storm,latency (default: all four); off runs with the wallet and
                      response caches off, the others with them as they ship (e.g.
                      --gateway-env RESPONSE_CACHE_TTL_MS=0 for the wallet cache alone)
  --connections LIST  connection counts for off, warm and latency (default 10,50,200);
                      the storm always runs at its own count (--storm-connections)
  --storm-connections N   connections polling one customer in the storm (default 200)
  --duration-s S      measured seconds per load (default 10)
  --warmup-s S        unmeasured seconds at the start of each load, on its connections (default 3)
  --customers N       seeded customers the loads rotate over (default 500)
  --latency-ms MS     the upstream's added latency in the latency case (default 80)
  --rounds R          repeat every load R times, interleaved; the summary shows ranges (default 1)
  --baseline-dir DIR  also measure the gateway of another checkout (A/B), beside this one;
                      repeat it for several (each row is named by the folder's name)
  --gateway-env K=V   an environment variable for every gateway (repeatable; e.g. to switch on
                      an option a --baseline-dir checkout has)
  --profile           record a CPU profile of each gateway and print where its CPU went
                      (the profiler costs some throughput: compare profiled runs with each other)
  --json FILE         also write every result as JSON
`;

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: 'off,warm,storm,latency' },
    connections: { type: 'string', default: '10,50,200' },
    'storm-connections': { type: 'string', default: '200' },
    'duration-s': { type: 'string', default: '10' },
    'warmup-s': { type: 'string', default: '3' },
    customers: { type: 'string', default: '500' },
    'latency-ms': { type: 'string', default: '80' },
    rounds: { type: 'string', default: '1' },
    'baseline-dir': { type: 'string', multiple: true },
    'gateway-env': { type: 'string', multiple: true },
    profile: { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const positive = (name: keyof typeof args): number => {
  const v = Number(args[name]);
  if (!Number.isInteger(v) || v < 1) {
    process.stderr.write(`--${name} must be a positive integer\n`);
    process.exit(2);
  }
  return v;
};
const opts = {
  connections: String(args.connections)
    .split(',')
    .map((c) => Number(c.trim())),
  stormConnections: positive('storm-connections'),
  durationS: positive('duration-s'),
  warmupS: Number(args['warmup-s']),
  customers: positive('customers'),
  latencyMs: positive('latency-ms'),
  rounds: positive('rounds'),
  baselineDirs: args['baseline-dir'] ?? [],
  gatewayEnv: Object.fromEntries(
    (args['gateway-env'] ?? []).map((kv) => {
      const eq = kv.indexOf('=');
      if (eq < 1) {
        process.stderr.write(`--gateway-env wants K=V, not ${kv}\n`);
        process.exit(2);
      }
      return [kv.slice(0, eq), kv.slice(eq + 1)];
    }),
  ) as Record<string, string>,
  profile: args.profile!,
  json: args.json,
};
if (opts.connections.some((c) => !Number.isInteger(c) || c < 1)) {
  process.stderr.write('--connections must list positive integers\n');
  process.exit(2);
}

const CASES: readonly Case[] = [
  {
    key: 'off',
    title: `cache off (WALLET_CACHE_*_MS=0): ${opts.customers} customers in rotation`,
    connections: 'all',
    oneCustomer: false,
    env: CACHE_OFF_ENV,
  },
  {
    key: 'warm',
    title: `cache warm: ${opts.customers} customers in rotation, each read once before`,
    connections: 'all',
    oneCustomer: false,
    warmPass: true,
    env: SHARED_CACHE_ENV,
  },
  {
    key: 'storm',
    title: `storm: ${opts.stormConnections} connections polling one customer (webhooks configured)`,
    connections: [opts.stormConnections],
    oneCustomer: true,
    env: SHARED_CACHE_ENV,
  },
  {
    key: 'latency',
    title: `upstream latency ${opts.latencyMs} ms per call: ${opts.customers} customers in rotation`,
    connections: 'all',
    oneCustomer: false,
    latencyMs: opts.latencyMs,
    warmPass: true,
    env: SHARED_CACHE_ENV,
  },
];
const chosen = String(args.cases)
  .split(',')
  .map((k) => k.trim());
const unknown = chosen.filter((k) => !CASES.some((c) => c.key === k));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown case(s) ${unknown.join(', ')}: choose from off,warm,storm,latency\n`,
  );
  process.exit(2);
}
const cases = CASES.filter((c) => chosen.includes(c.key));

const out = (line = '') => process.stdout.write(`${line}\n`);
const log = (line: string) =>
  process.stderr.write(
    `[bench:query ${(performance.now() / 1000).toFixed(0).padStart(5)}s] ${line}\n`,
  );
const load1 = () => loadavg()[0]!.toFixed(2);

// ---------------------------------------------------------------------------------------------

interface Row {
  readonly target: string;
  readonly load: LoadResult;
  readonly reqPerSec: number;
  readonly upstreamPerQuery: number;
  readonly cpuMsPerQuery: number;
  readonly peakRssMb: number;
  readonly otherCores: number;
  readonly byRoute: Readonly<Record<string, number>>;
  /** The measured load, on CLOCK_MONOTONIC in µs (as V8's profile timestamps). */
  readonly window: { readonly fromUs: number; readonly toUs: number };
  readonly profile?: string;
}

interface CaseRun {
  readonly case: string;
  readonly connections: number;
  readonly round: number;
  readonly loadBefore: string;
  readonly rows: Row[];
}

const customerOf = (c: Case, i: number) => benchCustomer(c.oneCustomer ? 0 : i % opts.customers);

function directTarget(c: Case, upstream: Upstream): LoadTarget {
  const url = new URL(
    upstream.apiUrl.replace(/\/+$/, '').replace(/(\/api\/v1)?$/, '/api/v1/wallets'),
  );
  return {
    origin: url.origin,
    method: 'GET',
    headers: { authorization: `Bearer ${upstream.apiKey}`, accept: 'application/json' },
    request: (i) => ({
      path: `${url.pathname}?external_customer_id=${customerOf(c, i)}&page=1&per_page=100`,
    }),
    correct: (status, body) =>
      status === 200 && body.split('"lago_id"').length - 1 >= WALLETS_PER_CUSTOMER,
  };
}

function gatewayTarget(c: Case, gateway: GatewayProcess): LoadTarget {
  const url = new URL(gateway.url);
  const bodies = Array.from({ length: c.oneCustomer ? 1 : opts.customers }, (_, i) =>
    JSON.stringify({ query: QUERY, variables: { externalId: customerOf(c, i) } }),
  );
  return {
    origin: url.origin,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    request: (i) => ({ path: url.pathname, body: bodies[i % bodies.length]! }),
    correct: (status, body) =>
      status === 200 &&
      !body.includes('"errors"') &&
      body.split('"provider":"LAGO"').length - 1 === WALLETS_PER_CUSTOMER,
  };
}

/** Warm-up, then the measured load, with the process under test's CPU, memory and calls. */
async function measure(
  label: string,
  c: Case,
  connections: number,
  target: LoadTarget,
  pid: number,
  upstream: Upstream,
  ourPids: readonly number[],
): Promise<Omit<Row, 'profile'>> {
  if (c.warmPass && !c.oneCustomer)
    await runLoad(target, Math.min(connections, 50), { requests: opts.customers });
  let calls0!: Awaited<ReturnType<Upstream['count']>>;
  let cpu0!: NonNullable<ReturnType<typeof sampleProcess>>;
  let ours0!: number[];
  let bench0!: NodeJS.CpuUsage;
  let machine0!: ReturnType<typeof sampleMachine>;
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  let fromUs = nowUs();
  const start = async () => {
    calls0 = await upstream.count();
    cpu0 = sampleProcess(pid)!;
    ours0 = ourPids.map((p) => sampleProcess(p)?.cpuSeconds ?? 0);
    bench0 = process.cpuUsage();
    machine0 = sampleMachine();
    fromUs = nowUs();
  };
  // One load: the warm-up opens the connections, so the measured answers are the steady state's.
  if (opts.warmupS <= 0) await start();
  const load = await runLoad(
    target,
    connections,
    { seconds: opts.durationS },
    { warmupS: opts.warmupS, onMeasure: start },
  );
  const window = { fromUs, toUs: nowUs() };
  const machine1 = sampleMachine();
  const bench1 = process.cpuUsage(bench0);
  const cpu1 = sampleProcess(pid)!;
  const ours1 = ourPids.map((p) => sampleProcess(p)?.cpuSeconds ?? 0);
  const calls1 = await upstream.count();
  const oursCores =
    (ours1.reduce((a, b) => a + b, 0) -
      ours0.reduce((a, b) => a + b, 0) +
      (bench1.user + bench1.system) / 1e6) /
    load.seconds;
  const byRoute = Object.fromEntries(
    Object.entries(calls1.byRoute)
      .map(([route, n]) => [route, n - (calls0.byRoute[route] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );
  const answers = Math.max(load.answers, 1);
  return {
    target: label,
    load,
    reqPerSec: load.answers / load.seconds,
    upstreamPerQuery: (calls1.calls - calls0.calls) / answers,
    cpuMsPerQuery: ((cpu1.cpuSeconds - cpu0.cpuSeconds) * 1000) / answers,
    peakRssMb: cpu1.hwmMb,
    otherCores: Math.max(0, machineBusyCores(machine0, machine1) - oursCores),
    byRoute,
    window,
  };
}

async function preflight(gateway: GatewayProcess, c: Case): Promise<void> {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({ query: QUERY, variables: { externalId: customerOf(c, 0) } }),
  });
  const text = await res.text();
  if (!gatewayTarget(c, gateway).correct(res.status, text))
    throw new Error(`pre-flight: the gateway answered ${res.status} ${text.slice(0, 600)}`);
}

async function runCase(c: Case, connections: number, round: number): Promise<CaseRun> {
  const loadBefore = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  log(`${c.key} @ ${connections} connections, round ${round}: load average ${loadBefore}`);
  const upstream = await startUpstream(REPO, opts.customers);
  const rows: Row[] = [];
  try {
    if (c.latencyMs) await upstream.fault('latency', c.latencyMs);
    rows.push(
      await measure(
        'the upstream directly',
        c,
        connections,
        directTarget(c, upstream),
        upstream.pid,
        upstream,
        [upstream.pid],
      ),
    );
    const gateways: [string, string][] = [
      ['Walletgate', REPO],
      ...opts.baselineDirs.map((dir): [string, string] => [`Walletgate (${basename(dir)})`, dir]),
    ];
    for (const [label, dir] of gateways) {
      const gateway = await startGateway(dir, upstream, {
        apiKey: API_KEY,
        env: { ...c.env, ...opts.gatewayEnv },
        profile: opts.profile,
      });
      let row: Omit<Row, 'profile'>;
      let profilePath: string | undefined;
      try {
        await preflight(gateway, c);
        row = await measure(
          label,
          c,
          connections,
          gatewayTarget(c, gateway),
          gateway.pid,
          upstream,
          [gateway.pid, upstream.pid],
        );
      } finally {
        profilePath = await gateway.stop();
      }
      let profile: string | undefined;
      if (profilePath) {
        const report = analyseProfile(profilePath, row.window, 20, QUERY_PATH_FOCUS);
        profile = `${formatProfile(report, `${label}, ${c.key} @ ${connections}`)}\n    (file: ${profilePath})`;
      }
      rows.push({ ...row, ...(profile && { profile }) });
    }
  } finally {
    await upstream.close();
  }
  return { case: c.key, connections, round, loadBefore, rows };
}

/** Where a query's CPU goes, as frames to look for on the gateway's stacks. */
const QUERY_PATH_FOCUS: readonly [RegExp, string][] = [
  [/^\(garbage collector\)/, 'GC (main thread)'],
  [/ zod\//, 'zod (wire validation)'],
  [/ decimal\.js\//, 'decimal.js'],
  [/(domain\/money|providers\/wire|providers\/translate-helpers)\.[jt]s/, 'gateway money and wire'],
  [/providers\/[a-z]+\/translate\.[jt]s/, 'gateway translate'],
  [/ lossless-json\//, 'lossless-json (upstream JSON)'],
  [/ (prom-client|@graphql-yoga\/plugin-prometheus|@envelop\/prometheus)\//, 'metrics'],
  [/ (graphql\/execution|@graphql-tools\/executor)\//, 'graphql execution'],
  [/ graphql\/validation\//, 'graphql validation'],
  [/ graphql\/language\//, 'graphql parse/print'],
  [/ @escape\.tech\/graphql-armor/, 'graphql-armor limits'],
  [
    / (graphql-yoga|@envelop\/core|@graphql-yoga\/[a-z-]+|@whatwg-node\/[a-z-]+)\//,
    'yoga/envelop/whatwg-node',
  ],
  [/ (@pothos\/[a-z-]+|dataloader)\//, 'Pothos and DataLoader'],
  [/ pino\//, 'pino logging'],
  [/ undici\/|^fetch |node:internal\/deps\/undici/, 'fetch (upstream calls)'],
  [/DOMException/, 'DOMException'],
];

// ---------------------------------------------------------------------------------------------
// Report

const f0 = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a');
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
const ratio = (a: number, b: number, digits = 2) =>
  Number.isFinite(a / b) && b !== 0 ? `${(a / b).toFixed(digits)}×` : 'n/a';

function tableHeader(): string[] {
  return [
    "| target | req/s | p50 ms | p99 ms | max ms | upstream calls / query | CPU / query ms | peak RSS MB | wrong / failed | others' CPU (cores) |",
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
}

function rowLine(r: Row): string {
  return (
    `| ${r.target} | ${f0(r.reqPerSec)} | ${ms(r.load.latency.p50, 2)} | ${ms(r.load.latency.p99, 1)} | ` +
    `${ms(r.load.latency.max, 0)} | ${f3(r.upstreamPerQuery)} | ${f3(r.cpuMsPerQuery)} | ` +
    `${f0(r.peakRssMb)} | ${r.load.wrong} / ${r.load.failed} | ${f2(r.otherCores)} |`
  );
}

function ratioLine(g: Row, d: Row): string {
  return (
    `| ${g.target} / direct | ${ratio(g.reqPerSec, d.reqPerSec, 3)} | ${ratio(g.load.latency.p50, d.load.latency.p50, 1)} | ` +
    `${ratio(g.load.latency.p99, d.load.latency.p99, 1)} | ${ratio(g.load.latency.max, d.load.latency.max, 1)} | ` +
    `${ratio(g.upstreamPerQuery, d.upstreamPerQuery, 3)} | ${ratio(g.cpuMsPerQuery, d.cpuMsPerQuery, 1)} | ` +
    `${ratio(g.peakRssMb, d.peakRssMb, 1)} | | |`
  );
}

function printRun(run: CaseRun, c: Case): void {
  out(
    `### ${c.title}, ${run.connections} connections (round ${run.round}; load average before: ${run.loadBefore})`,
  );
  if (c.note) out(`(${c.note})`);
  out();
  for (const line of tableHeader()) out(line);
  const [direct, ...gateways] = run.rows;
  for (const r of run.rows) out(rowLine(r));
  for (const g of gateways) out(ratioLine(g, direct!));
  out();
  for (const r of run.rows) {
    const routes = Object.entries(r.byRoute)
      .map(([route, n]) => `${route} ×${n}`)
      .join(', ');
    out(
      `- ${r.target}: ${f0(r.load.answers)} answers in ${r.load.seconds.toFixed(1)} s; upstream: ${routes || 'none'}; ` +
        `slowest answer to a warm-up query: ${f0(r.load.warmupMaxMs)} ms`,
    );
  }
  for (const r of run.rows) if (r.profile) out(`\n${r.profile}`);
  out();
}

function span(values: number[], fmt: (v: number) => string): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.length === 1 || fmt(lo) === fmt(hi) ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`;
}

function printSummary(runs: CaseRun[]): void {
  out(`## Summary (${opts.rounds} round${opts.rounds > 1 ? 's' : ''}; ranges over rounds)`);
  out();
  out(
    '| case | connections | target | req/s | p50 ms | p99 ms | max ms | upstream calls / query | CPU / query ms | peak RSS MB | req/s vs direct | CPU vs direct |',
  );
  out('|---|---|---|---|---|---|---|---|---|---|---|---|');
  const groups = new Map<string, CaseRun[]>();
  for (const r of runs) {
    const k = `${r.case}@${r.connections}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const group of groups.values()) {
    const { case: key, connections } = group[0]!;
    const targets = group[0]!.rows.map((r) => r.target);
    targets.forEach((target, t) => {
      const rows = group.map((g) => g.rows[t]!);
      const direct = group.map((g) => g.rows[0]!);
      const col = (f: (r: Row) => number, fmt: (v: number) => string) => span(rows.map(f), fmt);
      const vs = (f: (r: Row) => number) =>
        t === 0
          ? ''
          : span(
              rows.map((r, i) => f(r) / f(direct[i]!)),
              (v) => `${v.toFixed(3)}×`,
            );
      out(
        `| ${key} | ${connections} | ${target} | ${col((r) => r.reqPerSec, f0)} | ` +
          `${col(
            (r) => r.load.latency.p50,
            (v) => ms(v, 2),
          )} | ${col(
            (r) => r.load.latency.p99,
            (v) => ms(v, 1),
          )} | ` +
          `${col(
            (r) => r.load.latency.max,
            (v) => ms(v, 0),
          )} | ${col((r) => r.upstreamPerQuery, f3)} | ` +
          `${col((r) => r.cpuMsPerQuery, f3)} | ${col((r) => r.peakRssMb, f0)} | ${vs((r) => r.reqPerSec)} | ` +
          `${vs((r) => r.cpuMsPerQuery)} |`,
      );
    });
  }
  out();
}

// ---------------------------------------------------------------------------------------------

await ensureBuilt(REPO, log);
for (const dir of opts.baselineDirs) await ensureBuilt(dir, log);
out(`# bench:query, Node ${process.version}, ${machineDescription()}`);
out(
  `${opts.durationS} s measured after ${opts.warmupS} s of warm-up per load; ` +
    `${opts.customers} customers × ${WALLETS_PER_CUSTOMER} Lago wallets; ` +
    `gateway: node dist/main.js${opts.baselineDirs.map((d) => `; baseline: ${d}`).join('')}` +
    `${opts.profile ? '; CPU-profiled gateways' : ''}` +
    `${Object.entries(opts.gatewayEnv)
      .map(([k, v]) => `; ${k}=${v}`)
      .join('')}`,
);
out();
const runs: CaseRun[] = [];
for (let round = 1; round <= opts.rounds; round++) {
  for (const c of cases) {
    for (const connections of c.connections === 'all' ? opts.connections : c.connections) {
      const run = await runCase(c, connections, round);
      runs.push(run);
      printRun(run, c);
      await sleep(500);
    }
  }
}
printSummary(runs);
out(`load average at the end: ${load1()}`);
if (opts.json) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(opts.json, JSON.stringify({ opts, runs }, null, 2));
}
process.exit(0);
