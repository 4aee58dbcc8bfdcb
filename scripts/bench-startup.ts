/**
 * Start-up benchmark (not a test): cold start and idle memory of the gateway as `npm start` runs
 * it (compiled JavaScript under plain node) beside the same code run through tsx.
 *
 *   npm run bench:startup                 # 5 runs of each variant
 *   npm run bench:startup -- --runs 3 --idle-s 10
 *
 * Each run spawns the variant in its own process group on a free loopback port, either in sandbox
 * mode (the default `npm start`: built-in sandboxes in the gateway's process, usage simulation on)
 * or in front of "real" providers (the sandboxes, run by this script), and measures:
 * - cold start: from spawn to the first successful GraphQL answer (a customer's balances across
 *   the three sandbox providers, polled every 10 ms);
 * - idle RSS, `--idle-s` seconds after that answer: the gateway's own process, and the whole
 *   process group (npm, tsx's wrapper and its esbuild service included).
 * dist/ is built first when stale, so the compiled runs measure start-up, not tsc.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSandboxes } from '../src/sandbox/index.js';
// @ts-expect-error: plain JavaScript (npm start runs it without TypeScript), no declarations.
import { build, staleness } from './build.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const QUERY = '{ customer(externalId: "hooli_1234") { balances { amount currency } } }';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'idle-s': { type: 'string', default: '5' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  process.stdout.write('npm run bench:startup -- [--runs N] [--idle-s S]\n');
  process.exit(0);
}
const runs = Number(opts.runs);
const idleMs = Number(opts['idle-s']) * 1000;

// Providers for the "in front of real providers" variants: the sandboxes, in this process, so
// the gateway's RSS is its own.
const sandboxes = await startSandboxes();
const API_KEY = 'bench-startup-key-0123';
const REAL_PROVIDERS = {
  ...sandboxes.env,
  GATEWAY_API_KEYS: API_KEY,
};

interface Variant {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
}
const tsx = `${REPO}node_modules/.bin/tsx`;
const VARIANTS: readonly Variant[] = [
  { name: 'sandbox mode: npm start (compiled)', command: 'npm', args: ['start', '--silent'] },
  { name: 'sandbox mode: node dist/main.js', command: process.execPath, args: ['dist/main.js'] },
  { name: 'sandbox mode: tsx src/main.ts', command: tsx, args: ['src/main.ts'] },
  {
    name: 'real providers: npm start (compiled)',
    command: 'npm',
    args: ['start', '--silent'],
    env: REAL_PROVIDERS,
  },
  {
    name: 'real providers: tsx src/main.ts',
    command: tsx,
    args: ['src/main.ts'],
    env: REAL_PROVIDERS,
  },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** pid -> { process group, RSS in MB } for every process on the machine. */
function processes(): Map<number, { pgrp: number; rssMb: number }> {
  const out = new Map<number, { pgrp: number; rssMb: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      out.set(Number(entry), { pgrp: Number(fields[2]), rssMb: rssKb / 1024 });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

function groupRss(pgid: number): { gatewayMb: number; treeMb: number; processes: number } {
  const members = [...processes().values()].filter((p) => p.pgrp === pgid);
  return {
    // The gateway is the group's largest process (npm, tsx's wrapper and esbuild are smaller).
    gatewayMb: Math.max(0, ...members.map((p) => p.rssMb)),
    treeMb: members.reduce((sum, p) => sum + p.rssMb, 0),
    processes: members.length,
  };
}

async function answered(url: string, headers: Record<string, string>): Promise<boolean> {
  try {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await r.json()) as { data?: { customer?: unknown } };
    return r.ok && Boolean(body.data?.customer);
  } catch {
    return false;
  }
}

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function once(variant: Variant) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const started = performance.now();
  const child = spawn(variant.command, [...variant.args], {
    cwd: REPO,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...variant.env,
    },
  });
  const pgid = child.pid!;
  try {
    const deadline = started + 60_000;
    const headers: Record<string, string> = variant.env ? { 'x-api-key': API_KEY } : {};
    while (!(await answered(url, headers))) {
      if (performance.now() > deadline || child.exitCode !== null)
        throw new Error(`${variant.name} gave no answer`);
      await sleep(10);
    }
    const coldStartMs = performance.now() - started;
    await sleep(idleMs);
    return { coldStartMs, ...groupRss(pgid) };
  } finally {
    process.kill(-pgid, 'SIGTERM');
    for (let i = 0; i < 200 && alive(pgid); i++) await sleep(50);
    if (alive(pgid)) process.kill(-pgid, 'SIGKILL');
  }
}

const range = (xs: number[], digits = 0) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const f = (x: number) => x.toFixed(digits);
  return `${f(sorted[0]!)}–${f(sorted.at(-1)!)} (median ${f(median)})`;
};

const reason = staleness();
if (reason) {
  process.stdout.write(`building dist/ first (${reason})\n`);
  build();
}
process.stdout.write(
  `Node ${process.version}, ${runs} runs per variant, idle RSS ${idleMs / 1000} s after the first answer\n\n`,
);
process.stdout.write(
  '| Variant | Cold start, ms | Gateway RSS, MB | Process group RSS, MB | Processes |\n',
);
process.stdout.write('|---|---|---|---|---|\n');
for (const variant of VARIANTS) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(variant));
  process.stdout.write(
    `| ${variant.name} | ${range(results.map((r) => r.coldStartMs))} | ${range(
      results.map((r) => r.gatewayMb),
    )} | ${range(results.map((r) => r.treeMb))} | ${results[0]!.processes} |\n`,
  );
}
await sandboxes.close();
