/**
 * Live-balance benchmark (not a test): how many concurrent SSE subscribers one gateway process
 * holds, and how long a provider-side balance change takes to reach every one of them.
 *
 *   npm run bench                                   # baseline (100) then 10,000 subscribers, 20 events
 *   npm run bench -- --subscribers 10000 --events 20 --baseline 100
 *   npm run bench -- --selection large              # also re-reads and renders the wallet per event
 *   npm run bench -- --profile                      # V8 CPU profile of the gateway, summarised per phase
 *   npm run bench -- --help
 *
 * Set-up, per phase (the baseline and the main run each get a fresh gateway and fresh sandboxes):
 * - The three sandbox providers (Lago, Flexprice, Polar) run in THIS process; the gateway runs as
 *   a separate child process (`node --import tsx src/main.ts`) configured as against real
 *   providers: the sandboxes' URLs and keys, all three webhook secrets, an API key for callers,
 *   rate limit off, polling interval 1 h (Polar is always polled; no round falls in the run).
 * - N SSE subscriptions (raw sockets, see bench/sse-client.ts) are opened in batches; by default
 *   90% watch `customerExternalId: "hooli_1234"` (they get every event) and 10% watch one wallet
 *   by `walletId`, spread over the three benchmarked wallets (they get that wallet's events).
 * - K balance changes are made directly on the sandbox stores, alternating Lago / Flexprice /
 *   Polar, one every --interval-ms. Each store change makes the sandbox POST a signed webhook to
 *   the gateway, which verifies it, re-reads the wallet from the sandbox, publishes, and writes
 *   the event to every subscriber's stream.
 * - Latency of one delivery = the time the benchmark parsed the SSE frame − the time just before
 *   the store mutation, both on this process's performance.now(): "the provider knowing it" to
 *   "the subscriber having it", including webhook delivery, verification and the upstream re-read.
 * - Every subscriber must learn of every change of its target: a change counts as delivered to a
 *   subscriber when it receives an event whose balance includes it (each change moves the balance
 *   by a fixed step, so the balance tells which changes an event reflects; under overload the
 *   gateway may coalesce two changes into one event, which is reported). Misses, duplicate or
 *   stale events, unexpected events and failed subscriptions are counted and make the exit code 1.
 * Everything is on 127.0.0.1, bounded by --timeout-s; the child and all sockets are cleaned up.
 * The clients share the machine with the gateway (2 cores here): the report shows what the
 * benchmark process and other processes used meanwhile. scripts/bench/floor.ts measures the same
 * fan-out with plain node:http and no gateway: the machine's lower bound.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { providerWithId, PROVIDERS as REGISTERED } from '../src/providers/registered.js';
import { type Sandboxes, startSandboxes } from '../src/sandbox/index.js';
import type { ProviderSandbox } from '../src/sandbox/provider-sandbox.js';
import {
  machineBusyCores,
  machineDescription,
  sampleMachine,
  sampleProcess,
} from './bench/proc.js';
import { analyseProfile, formatProfile } from './bench/profile.js';
import { RawSseClient, type SseFrameSink } from './bench/sse-client.js';
import { formatSummary, ms, type Summary, summarize } from './bench/stats.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const API_KEY = 'bench-key-0123456789';
const CUSTOMER = 'hooli_1234';
const P99_TARGET_MS = 250;
const SUBSCRIBER_TARGET = 10_000;

type Provider = string;
const PROVIDERS: readonly Provider[] = REGISTERED.map((p) => p.name);
/** The wallets whose balances move, all belonging to hooli_1234: each sandbox's demo wallet. */
const WALLETS: Readonly<Record<Provider, string>> = Object.fromEntries(
  await Promise.all(REGISTERED.map(async (p) => [p.name, (await p.sandbox()).DEMO_WALLET])),
);
const byName = <T>(make: (p: Provider) => T): Record<Provider, T> =>
  Object.fromEntries(PROVIDERS.map((p) => [p, make(p)]));
const globalWalletId = (p: Provider) => Buffer.from(`Wallet:${p}:${WALLETS[p]}`).toString('base64');

const SELECTIONS = {
  small: 'eventId provider balance { amount currency } occurredAt',
  large:
    'eventId provider source occurredAt previousBalance { amount currency } balance ' +
    '{ amount currency } delta { amount currency } wallet { id providerWalletId ' +
    'balance { amount currency } ongoingBalance { amount currency } }',
} as const;
type SelectionName = keyof typeof SELECTIONS;

const subscriptionQuery = (selection: SelectionName) =>
  `subscription Bench($walletId: ID, $customerExternalId: String) { ` +
  `walletBalanceChanged(walletId: $walletId, customerExternalId: ` +
  `$customerExternalId) { ${SELECTIONS[selection]} } }`;

// ---------------------------------------------------------------------------------------------
// Options

const HELP = `Usage: npm run bench -- [options]
  --subscribers N     concurrent SSE subscribers in the main run (default 10000)
  --events K          measured balance changes (default 20), alternating Lago/Flexprice/Polar
  --interval-ms MS    time between changes (default 500)
  --warmup K          extra changes after subscribing, checked but left out of the latency
                      figures (default 3, one per provider)
  --baseline N        subscribers in a baseline run first, on its own gateway (default 100; 0 = none)
  --selection S       small | large (large also selects the re-read wallet) (default small)
  --wallet-share F    fraction of subscribers subscribing by walletId instead of customer (default 0.1)
  --batch B           subscriptions opened concurrently while ramping up (default 250)
  --drain-ms MS       how long to wait for deliveries after the last change (default 30000);
                      what has not arrived by then counts as missing
  --poll-interval-ms  the gateway's BALANCE_POLL_INTERVAL_MS (default 3600000: no poll round in a run)
  --timeout-s S       global time limit (default 900)
  --profile           record a V8 CPU profile of the gateway and summarise it per phase
  --wait-idle-s S     before each phase, wait up to S s for the machine to be idle (other
                      processes using < 0.25 core over 2 s) (default 0: don't wait)
  --gateway-dir DIR   run the gateway from another checkout (A/B experiments) (default: this repo)
  --json FILE         also write the results as JSON
`;

const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '10000' },
    events: { type: 'string', default: '20' },
    'interval-ms': { type: 'string', default: '500' },
    warmup: { type: 'string', default: '3' },
    baseline: { type: 'string', default: '100' },
    selection: { type: 'string', default: 'small' },
    'wallet-share': { type: 'string', default: '0.1' },
    batch: { type: 'string', default: '250' },
    'drain-ms': { type: 'string', default: '30000' },
    'poll-interval-ms': { type: 'string', default: '3600000' },
    'timeout-s': { type: 'string', default: '900' },
    profile: { type: 'boolean', default: false },
    json: { type: 'string' },
    'wait-idle-s': { type: 'string', default: '0' },
    'gateway-dir': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const int = (name: keyof typeof args, min: number): number => {
  const v = Number(args[name]);
  if (!Number.isInteger(v) || v < min) {
    process.stderr.write(`--${name} must be an integer ≥ ${min}\n`);
    process.exit(2);
  }
  return v;
};
if (!(args.selection! in SELECTIONS)) {
  process.stderr.write('--selection must be small or large\n');
  process.exit(2);
}
const opts = {
  subscribers: int('subscribers', 1),
  events: int('events', 1),
  intervalMs: int('interval-ms', 1),
  warmup: int('warmup', 0),
  baseline: int('baseline', 0),
  selection: args.selection as SelectionName,
  walletShare: Number(args['wallet-share']),
  batch: int('batch', 1),
  drainMs: int('drain-ms', 0),
  pollIntervalMs: int('poll-interval-ms', 100),
  timeoutS: int('timeout-s', 1),
  profile: args.profile!,
  json: args.json,
  waitIdleS: int('wait-idle-s', 0),
  gatewayDir: args['gateway-dir'] ?? REPO,
};
if (!(opts.walletShare >= 0 && opts.walletShare <= 1)) {
  process.stderr.write('--wallet-share must be between 0 and 1\n');
  process.exit(2);
}

const log = (line: string) =>
  process.stdout.write(`[bench ${(performance.now() / 1000).toFixed(1).padStart(6)}s] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Timestamps of the webhook path, seen from the sandboxes' side (this process).

interface WebhookTiming {
  provider: Provider;
  sentAt: number;
  ackAt?: number;
  status?: number;
}
const webhookTimings: WebhookTiming[] = [];
const originalFetch = globalThis.fetch;
// The sandboxes send webhooks with the global fetch: wrap it to timestamp each POST and its answer.
globalThis.fetch = async (
  input: Parameters<typeof fetch>[0],
  init?: Parameters<typeof fetch>[1],
) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const m = /\/webhooks\/([a-z0-9-]+)$/.exec(url);
  const provider = m && providerWithId(m[1]!)?.name;
  if (!provider) return originalFetch(input, init);
  const timing: WebhookTiming = {
    provider,
    sentAt: performance.now(),
  };
  webhookTimings.push(timing);
  const res = await originalFetch(input, init);
  timing.ackAt = performance.now();
  timing.status = res.status;
  return res;
};

interface UpstreamHit {
  provider: Provider;
  at: number;
  doneAt?: number;
  method: string;
  path: string;
}

// ---------------------------------------------------------------------------------------------
// The gateway child process

interface GatewayChild {
  readonly child: ChildProcess;
  readonly url: string;
  readonly pid: number;
  readonly warnings: string[];
  readonly exited: Promise<number | null>;
}

async function startGateway(
  sandboxes: Sandboxes,
  profileDir: string | undefined,
): Promise<GatewayChild> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...sandboxes.env,
    ...sandboxes.webhookEnv,
    GATEWAY_API_KEYS: API_KEY,
    RATE_LIMIT_PER_MINUTE: '0',
    // Every simulated subscriber connects from this one address.
    LIMIT_CONNECTIONS_PER_CLIENT: '0',
    BALANCE_POLL_INTERVAL_MS: String(opts.pollIntervalMs),
    SANDBOX_SIMULATION_INTERVAL_MS: '0',
    SHUTDOWN_GRACE_MS: '2000',
  };
  const nodeArgs = [
    ...(profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=500']
      : []),
    '--import',
    'tsx',
    'src/main.ts',
  ];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: opts.gatewayDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const warnings: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the gateway did not start within 60 s')),
      60_000,
    );
    let out = '';
    const onLine = (line: string) => {
      const up = /Walletgate is up\. Graph(?:iQL|QL): (\S+)/.exec(line);
      if (up) {
        clearTimeout(timer);
        resolve(up[1]!);
      } else if (line.trim() && warnings.length < 200) {
        warnings.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      }
    };
    const reader = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        onLine(out.slice(0, nl));
        out = out.slice(nl + 1);
      }
    };
    child.stdout!.on('data', reader);
    child.stderr!.on('data', reader);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited (${code}) before listening:\n${warnings.join('\n')}`));
    });
  });
  return { child, url, pid: child.pid!, warnings, exited };
}

async function stopGateway(g: GatewayChild): Promise<number | null> {
  if (g.child.exitCode !== null) return g.child.exitCode;
  g.child.kill('SIGTERM');
  const code = await Promise.race([g.exited, sleep(30_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    g.child.kill('SIGKILL');
    return g.exited;
  }
  return code;
}

const liveChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of liveChildren) if (c.exitCode === null) c.kill('SIGKILL');
});

async function gatewayOpenStreams(url: string): Promise<number | undefined> {
  try {
    const res = await originalFetch(new URL('/metrics', url), {
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    const m = /^walletgate_live_subscriptions (\d+)/m.exec(text);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// One phase: fresh sandboxes + gateway, N subscribers, warm-up + K changes.

interface Trigger {
  readonly index: number;
  readonly provider: Provider;
  readonly warmup: boolean;
  readonly t0: number;
  eventId?: string;
  /** Gateway publish time, from the event's occurredAt (wall clock, ms resolution). */
  publishedAt?: number;
  firstAt?: number;
  lastAt?: number;
  received: number;
  expected: number;
}

interface PhaseResult {
  label: string;
  subscribers: {
    requested: number;
    established: number;
    failed: number;
    failures: Record<string, number>;
    rampSeconds: number;
    gatewayOpenStreams: number | undefined;
  };
  gateway: {
    pid: number;
    rssAfterSubscribeMb: number | undefined;
    rssAfterEventsMb: number | undefined;
    peakRssMb: number | undefined;
    fdsAfterSubscribe: number | undefined;
    cpuSecondsRamp: number | undefined;
    cpuSecondsEvents: number | undefined;
    cpuCoresDuringEvents: number | undefined;
    exitCode: number | null;
    warnings: string[];
  };
  bench: { cpuCoresDuringEvents: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number };
  machine: { busyCoresDuringEvents: number; otherCoresDuringEvents: number; description: string };
  events: { measured: number; warmup: number; intervalMs: number; selection: SelectionName };
  deliveries: {
    expected: number;
    delivered: number;
    missing: number;
    frames: number;
    duplicate: number;
    stale: number;
    unexpected: number;
    misrouted: number;
    errorFrames: number;
    endedStreams: number;
    deliveredMeasured: number;
    expectedMeasured: number;
    coalescedChanges: number;
    unexpectedSamples: string[];
  };
  latency: Summary;
  firstDelivery: Summary;
  lastDelivery: Summary;
  publishToLast: Summary;
  mutationToPublish: Summary;
  perEvent: {
    index: number;
    provider: Provider;
    warmup: boolean;
    ownEvent: boolean;
    webhookSentMs?: number;
    webhookAckMs?: number;
    reReadMs?: number;
    publishedMs?: number;
    firstMs?: number;
    p50Ms?: number;
    lastMs?: number;
    received: number;
    expected: number;
  }[];
  upstreamRequestsDuringRamp: number;
  profile?: string;
}

async function runPhase(
  label: string,
  n: number,
  timings: { profileDir?: string | undefined },
): Promise<PhaseResult> {
  log(`${label}: starting sandboxes and the gateway child process`);
  const sandboxes = await startSandboxes();
  const upstream: UpstreamHit[] = [];
  for (const p of PROVIDERS) {
    const sb = sandboxOf(sandboxes, p);
    sb.server.prependListener('request', (req, res) => {
      const hit: UpstreamHit = {
        provider: p,
        at: performance.now(),
        method: req.method ?? '',
        path: req.url ?? '',
      };
      upstream.push(hit);
      res.once('finish', () => void (hit.doneAt = performance.now()));
    });
  }
  const gateway = await startGateway(sandboxes, timings.profileDir);
  liveChildren.add(gateway.child);
  const { url, pid } = gateway;
  const origin = new URL(url);
  log(
    `${label}: gateway pid ${pid} at ${url}; idle RSS ${ms(sampleProcess(pid)?.rssMb ?? NaN)} MB`,
  );
  sandboxes.sendWebhooksTo(url);

  const clients: RawSseClient[] = [];
  const baseline = {} as Record<Provider, { amount: number; step: number }>;
  let result: PhaseResult | undefined;
  try {
    // Pre-flight: the API key works and the three wallets are visible; their spendable balances.
    const spendable = async (): Promise<Record<Provider, number>> => {
      const res = await originalFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({
          query:
            `{ customer(externalId: "${CUSTOMER}") { wallets { id provider balance { amount ` +
            `} ongoingBalance { amount } } } }`,
        }),
        signal: AbortSignal.timeout(20_000),
      });
      const body = (await res.json()) as {
        data?: {
          customer: {
            wallets: {
              id: string;
              provider: Provider;
              balance: { amount: string };
              ongoingBalance: { amount: string } | null;
            }[];
          };
        };
      };
      const out: Partial<Record<Provider, number>> = {};
      for (const w of body.data?.customer.wallets ?? []) {
        const p = PROVIDERS.find((q) => globalWalletId(q) === w.id);
        if (p) out[p] = Number((w.ongoingBalance ?? w.balance).amount);
      }
      for (const p of PROVIDERS)
        if (out[p] === undefined)
          throw new Error(
            `pre-flight: ${p} wallet not listed for ${CUSTOMER}: ${JSON.stringify(body).slice(0, 500)}`,
          );
      return out as Record<Provider, number>;
    };
    const before = await spendable();

    // Pre-warm the webhook path with nobody subscribed (also gives the gateway its baselines),
    // and learn how much one change moves each spendable balance.
    for (const p of PROVIDERS) mutate(sandboxes, p);
    await Promise.all(sandboxes.all.map((s) => s.sandbox.webhooksIdle()));
    await sleep(500);
    const after = await spendable();
    for (const p of PROVIDERS) {
      const step = after[p]! - before[p]!;
      if (!(step > 0))
        throw new Error(
          `pre-flight: a ${p} change did not move its balance (${before[p]} → ${after[p]})`,
        );
      baseline[p] = { amount: after[p]!, step };
    }
    log(
      `${label}: balance step per change: ${PROVIDERS.map((p) => `${p} +${baseline[p]!.step}`).join(', ')}`,
    );

    // --- Subscribe ---------------------------------------------------------------------------
    const walletEvery = opts.walletShare > 0 ? Math.max(1, Math.round(1 / opts.walletShare)) : 0;
    const targetOf = (i: number): Provider | 'CUSTOMER' =>
      walletEvery && i % walletEvery === 0
        ? PROVIDERS[(i / walletEvery) % PROVIDERS.length]!
        : 'CUSTOMER';
    const targets: (Provider | 'CUSTOMER')[] = [];
    const query = subscriptionQuery(opts.selection);
    const bodies = {
      CUSTOMER: JSON.stringify({ query, variables: { customerExternalId: CUSTOMER } }),
      ...Object.fromEntries(
        PROVIDERS.map((p) => [
          p,
          JSON.stringify({ query, variables: { walletId: globalWalletId(p) } }),
        ]),
      ),
    } as Record<Provider | 'CUSTOMER', string>;

    const triggers: Trigger[] = [];
    /** Per provider, the changes in order: ordinal j (1-based) is triggersOf[P][j - 1]. */
    const triggersOf: Record<Provider, Trigger[]> = byName(() => []);
    const lat: Float64Array[] = [];
    /** Per provider and subscriber, the highest change ordinal its received events reflect. */
    const version: Record<Provider, Int32Array> = byName(() => new Int32Array(n));
    interface SeenEvent {
      provider: Provider;
      ordinal: number;
      seenBy: Uint8Array;
    }
    const events = new Map<string, SeenEvent | null>();
    let frames = 0;
    let delivered = 0;
    let expectedSoFar = 0;
    let duplicate = 0;
    let stale = 0;
    let unexpected = 0;
    let misrouted = 0;
    let errorFrames = 0;
    let endedStreams = 0;
    let allIn: (() => void) | undefined;
    const errorSamples: string[] = [];
    const unexpectedSamples: string[] = [];

    /**
     * An event's balance tells which changes it reflects: every change of a provider moves its
     * wallet's spendable balance by the same step, so ordinal = (balance − balance before the
     * first change) / step. Under load the gateway may coalesce several changes into one event
     * (a re-read that already sees the next change); the subscriber then learns of both at once.
     */
    const firstSighting = (eventId: string, frame: string): SeenEvent | null => {
      const data = JSON.parse(frame.slice(frame.indexOf('data: ') + 6)) as {
        data?: {
          walletBalanceChanged?: {
            provider?: Provider;
            occurredAt?: string;
            balance?: { amount?: string };
          };
        };
      };
      const ev = data.data?.walletBalanceChanged;
      const provider = ev?.provider;
      const amount = Number(ev?.balance?.amount);
      if (!provider || !(provider in baseline) || !Number.isFinite(amount)) {
        if (unexpectedSamples.length < 3) unexpectedSamples.push(frame.slice(0, 300));
        return null;
      }
      const b = baseline[provider]!;
      const exact = (amount - b.amount) / b.step;
      const ordinal = Math.round(exact);
      const t = triggersOf[provider]?.[ordinal - 1];
      if (Math.abs(exact - ordinal) > 1e-6 || !t) {
        if (unexpectedSamples.length < 3)
          unexpectedSamples.push(
            `balance ${amount} is not one of ${provider}'s changes (base ${b.amount}, step ` +
              `${b.step}): ${frame.slice(0, 300)}`,
          );
        return null;
      }
      t.eventId = eventId;
      // occurredAt is the gateway's wall clock at publish (1 ms resolution), mapped onto ours.
      if (ev.occurredAt) t.publishedAt = Date.parse(ev.occurredAt) - performance.timeOrigin;
      return { provider, ordinal, seenBy: new Uint8Array(n) };
    };

    const sink: SseFrameSink = {
      onNext(client, eventId, frame, at) {
        frames++;
        if (frame.includes('"errors"')) {
          errorFrames++;
          if (errorSamples.length < 3) errorSamples.push(frame.slice(0, 400));
        }
        if (!eventId) return;
        let ev = events.get(eventId);
        if (ev === undefined) {
          ev = firstSighting(eventId, frame);
          events.set(eventId, ev);
        }
        if (ev === null) {
          unexpected++;
          return;
        }
        const s = client.index;
        const target = targets[s];
        if (target !== 'CUSTOMER' && target !== ev.provider) {
          misrouted++;
          return;
        }
        if (ev.seenBy[s]) {
          duplicate++;
          return;
        }
        ev.seenBy[s] = 1;
        const v = version[ev.provider]!;
        if (ev.ordinal <= v[s]!) {
          // An event older than (or as new as) one this subscriber already has.
          stale++;
          return;
        }
        const list = triggersOf[ev.provider]!;
        for (let o = v[s]! + 1; o <= ev.ordinal; o++) {
          const tr = list[o - 1]!;
          lat[tr.index]![s] = at - tr.t0;
          tr.firstAt = Math.min(tr.firstAt ?? at, at);
          tr.lastAt = Math.max(tr.lastAt ?? at, at);
          tr.received++;
          delivered++;
        }
        v[s] = ev.ordinal;
        if (delivered === expectedSoFar && allIn) allIn();
      },
      onEnd() {
        endedStreams++;
      },
    };

    const upstreamBeforeRamp = upstream.length;
    const cpuBeforeRamp = sampleProcess(pid);
    const rampStart = performance.now();
    const failures: Record<string, number> = {};
    let established = 0;
    for (let start = 0; start < n; start += opts.batch) {
      const batch: RawSseClient[] = [];
      for (let i = start; i < Math.min(n, start + opts.batch); i++) {
        const target = targetOf(i);
        targets[i] = target;
        const c = new RawSseClient(
          i,
          {
            host: origin.hostname,
            port: Number(origin.port),
            path: origin.pathname,
            headers: { 'x-api-key': API_KEY },
            body: bodies[target]!,
          },
          sink,
        );
        clients[i] = c;
        batch.push(c);
      }
      const settled = await Promise.race([
        Promise.allSettled(batch.map((c) => c.established)),
        sleep(30_000).then(() => undefined),
      ]);
      for (const [j, c] of batch.entries()) {
        const s = settled?.[j];
        if (s?.status === 'fulfilled') established++;
        else {
          const reason = (
            s?.status === 'rejected'
              ? String((s.reason as Error).message)
              : 'no response headers within 30 s'
          )
            .replace(/\d+/g, '#')
            .slice(0, 120);
          failures[reason] = (failures[reason] ?? 0) + 1;
          if (!s) c.close();
        }
      }
      if ((start / opts.batch) % 8 === 7 || start + opts.batch >= n) {
        log(
          `${label}: ${established}/${Math.min(n, start + opts.batch)} subscriptions ` +
            `established (RSS ${ms(sampleProcess(pid)?.rssMb ?? NaN, 0)} MB)`,
        );
      }
    }
    const rampSeconds = (performance.now() - rampStart) / 1000;
    // The gateway's own count of open streams (its pubsub listeners are registered by then).
    let open: number | undefined;
    const until = performance.now() + 15_000;
    do {
      open = await gatewayOpenStreams(url);
      if (open === established) break;
      await sleep(200);
    } while (performance.now() < until);
    const afterRamp = sampleProcess(pid);
    const upstreamDuringRamp = upstream.length - upstreamBeforeRamp;
    log(
      `${label}: ${established}/${n} established in ${rampSeconds.toFixed(1)} s; ` +
        `gateway reports ${open ?? '?'} open streams; RSS ` +
        `${ms(afterRamp?.rssMb ?? NaN)} MB, ${afterRamp?.fds ?? '?'} fds`,
    );
    await sleep(1000);

    // --- Changes -----------------------------------------------------------------------------
    const eld = monitorEventLoopDelay({ resolution: 5 });
    const machineBefore = sampleMachine();
    const childBefore = sampleProcess(pid);
    const benchCpuBefore = process.cpuUsage();
    const eventsStart = performance.now();
    const hrStart = process.hrtime.bigint();
    eld.enable();
    const total = opts.warmup + opts.events;
    const expectedFor = (p: Provider) =>
      targets.reduce(
        (acc, t, i) => acc + (clients[i]!.status === 200 && (t === 'CUSTOMER' || t === p) ? 1 : 0),
        0,
      );
    const expectedByProvider = Object.fromEntries(
      PROVIDERS.map((p) => [p, expectedFor(p)]),
    ) as Record<Provider, number>;
    for (let k = 0; k < total; k++) {
      const due = eventsStart + k * opts.intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const provider = PROVIDERS[k % PROVIDERS.length]!;
      lat.push(new Float64Array(n).fill(NaN));
      const expected = expectedByProvider[provider]!;
      expectedSoFar += expected;
      const t0 = performance.now();
      const trigger: Trigger = {
        index: k,
        provider,
        warmup: k < opts.warmup,
        t0,
        received: 0,
        expected,
      };
      triggers.push(trigger);
      triggersOf[provider]!.push(trigger);
      mutate(sandboxes, provider);
    }
    if (delivered < expectedSoFar) {
      await Promise.race([new Promise<void>((resolve) => (allIn = resolve)), sleep(opts.drainMs)]);
    }
    // Let stragglers (duplicates, unexpected extra events) show up for a moment.
    await sleep(Math.min(1000, opts.drainMs));
    eld.disable();
    const hrEnd = process.hrtime.bigint();
    const eventsSeconds = (performance.now() - eventsStart) / 1000;
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const childAfter = sampleProcess(pid);
    const machineAfter = sampleMachine();

    // --- Results -----------------------------------------------------------------------------
    const measured = triggers.filter((t) => !t.warmup);
    const all: number[] = [];
    for (const t of measured) for (const v of lat[t.index]!) if (!Number.isNaN(v)) all.push(v);
    const deliveredMeasured = all.length;
    const expectedMeasured = measured.reduce((a, t) => a + t.expected, 0);
    const perEvent = triggers.map((t) => {
      const hooks = webhookTimings.filter(
        (w) =>
          w.provider === t.provider && w.sentAt >= t.t0 && w.sentAt < t.t0 + opts.intervalMs * 3,
      );
      const reRead = upstream.find(
        (u) => u.provider === t.provider && u.at >= t.t0 && !u.path.startsWith('/__sandbox'),
      );
      const values = Array.from(lat[t.index]!).filter((v) => !Number.isNaN(v));
      const rel = (v: number | undefined) => (v === undefined ? undefined : v - t.t0);
      return {
        index: t.index,
        provider: t.provider,
        warmup: t.warmup,
        ownEvent: t.eventId !== undefined,
        webhookSentMs: rel(hooks[0]?.sentAt),
        webhookAckMs: rel(hooks[0]?.ackAt),
        reReadMs: rel(reRead?.at),
        publishedMs: rel(t.publishedAt),
        firstMs: rel(t.firstAt),
        p50Ms: values.length ? summarize(values).p50 : undefined,
        lastMs: rel(t.lastAt),
        received: t.received,
        expected: t.expected,
      };
    });
    const measuredRows = perEvent.filter((e) => !e.warmup);
    const defined = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined);

    let profile: string | undefined;
    gateway.child.stdout?.removeAllListeners('data');
    for (const c of clients) c.close();
    const exitCode = await stopGateway(gateway);
    liveChildren.delete(gateway.child);
    if (timings.profileDir) {
      // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: thread 0 is the main thread (1 is tsx's loader worker).
      const file = readdirSync(timings.profileDir).find(
        (f) => f.endsWith('.cpuprofile') && f.includes(`.${pid}.0.`),
      );
      if (file) {
        const path = join(timings.profileDir, file);
        const toUs = (t: bigint) => Number(t / 1000n);
        profile = [
          `profile file: ${path}`,
          formatProfile(
            analyseProfile(path, { fromUs: toUs(hrStart), toUs: toUs(hrEnd) }),
            `${label}, change phase (${opts.warmup + opts.events} changes)`,
          ),
        ].join('\n');
      } else {
        profile = `no .cpuprofile written in ${timings.profileDir}`;
      }
    }

    result = {
      label,
      subscribers: {
        requested: n,
        established,
        failed: n - established,
        failures,
        rampSeconds,
        gatewayOpenStreams: open,
      },
      gateway: {
        pid,
        rssAfterSubscribeMb: afterRamp?.rssMb,
        rssAfterEventsMb: childAfter?.rssMb,
        peakRssMb: childAfter?.hwmMb,
        fdsAfterSubscribe: afterRamp?.fds,
        cpuSecondsRamp:
          afterRamp && cpuBeforeRamp ? afterRamp.cpuSeconds - cpuBeforeRamp.cpuSeconds : undefined,
        cpuSecondsEvents:
          childAfter && childBefore ? childAfter.cpuSeconds - childBefore.cpuSeconds : undefined,
        cpuCoresDuringEvents:
          childAfter && childBefore
            ? (childAfter.cpuSeconds - childBefore.cpuSeconds) / eventsSeconds
            : undefined,
        exitCode,
        warnings: gateway.warnings.slice(0, 20),
      },
      bench: {
        cpuCoresDuringEvents: (benchCpu.user + benchCpu.system) / 1e6 / eventsSeconds,
        eventLoopDelayP99Ms: eld.percentile(99) / 1e6,
        eventLoopDelayMaxMs: eld.max / 1e6,
      },
      machine: {
        busyCoresDuringEvents: machineBusyCores(machineBefore, machineAfter),
        otherCoresDuringEvents:
          machineBusyCores(machineBefore, machineAfter) -
          (childAfter && childBefore
            ? (childAfter.cpuSeconds - childBefore.cpuSeconds) / eventsSeconds
            : 0) -
          (benchCpu.user + benchCpu.system) / 1e6 / eventsSeconds,
        description: machineDescription(),
      },
      events: {
        measured: opts.events,
        warmup: opts.warmup,
        intervalMs: opts.intervalMs,
        selection: opts.selection,
      },
      deliveries: {
        expected: expectedSoFar,
        delivered,
        missing: expectedSoFar - delivered,
        frames,
        duplicate,
        stale,
        unexpected,
        misrouted,
        errorFrames,
        endedStreams,
        deliveredMeasured,
        expectedMeasured,
        coalescedChanges: measured.filter((t) => t.eventId === undefined).length,
        unexpectedSamples,
      },
      latency: summarize(all),
      firstDelivery: summarize(defined(measuredRows.map((e) => e.firstMs))),
      lastDelivery: summarize(defined(measuredRows.map((e) => e.lastMs))),
      publishToLast: summarize(
        defined(
          measuredRows.map((e) =>
            e.lastMs !== undefined && e.publishedMs !== undefined
              ? e.lastMs - e.publishedMs
              : undefined,
          ),
        ),
      ),
      mutationToPublish: summarize(defined(measuredRows.map((e) => e.publishedMs))),
      perEvent,
      upstreamRequestsDuringRamp: upstreamDuringRamp,
      ...(profile && { profile }),
    };
    if (errorSamples.length)
      result.gateway.warnings.unshift(
        ...errorSamples
          .slice(0, 1)
          .map((s) => `first frame with errors: ${s.replace(/\n/g, '\\n').slice(0, 300)}`),
      );
    return result;
  } finally {
    for (const c of clients) c?.close();
    if (gateway.child.exitCode === null) await stopGateway(gateway);
    liveChildren.delete(gateway.child);
    await sandboxes.close();
  }
}

/** One balance change in a sandbox store (which then sends its signed webhook by itself). */
function mutate(s: Sandboxes, p: Provider): void {
  sandboxOf(s, p).topUpDemoWallet();
}

function sandboxOf(s: Sandboxes, p: Provider): ProviderSandbox {
  const found = s.all.find((x) => x.name === p);
  if (!found) throw new Error(`no sandbox for ${p}`);
  return found.sandbox;
}

// ---------------------------------------------------------------------------------------------
// Report

function report(r: PhaseResult): string {
  const d = r.deliveries;
  const g = r.gateway;
  const failures = Object.entries(r.subscribers.failures)
    .map(([k, v]) => `${v}× ${k}`)
    .join('; ');
  const lines = [
    `=== ${r.label} ===`,
    `subscribers: ${r.subscribers.established} established of ` +
      `${r.subscribers.requested} in ${r.subscribers.rampSeconds.toFixed(1)} s ` +
      `(${r.subscribers.failed} failed${failures ? `: ${failures}` : ''}); gateway ` +
      `reports ${r.subscribers.gatewayOpenStreams ?? '?'} open streams`,
    `gateway process (pid ${g.pid}): RSS ${ms(g.rssAfterSubscribeMb ?? NaN)} MB ` +
      `after subscribing, ${ms(g.rssAfterEventsMb ?? NaN)} MB after the changes (peak ` +
      `${ms(g.peakRssMb ?? NaN)} MB); ${g.fdsAfterSubscribe ?? '?'} fds; CPU ` +
      `${ms(g.cpuSecondsRamp ?? NaN, 2)} s while subscribing ` +
      `(${ms(((g.cpuSecondsRamp ?? NaN) * 1000) / Math.max(r.subscribers.established, 1), 2)} ` +
      `ms per subscription), ${ms(g.cpuSecondsEvents ?? NaN, 2)} s during the changes ` +
      `(${ms((g.cpuCoresDuringEvents ?? NaN) * 100, 0)}% of one core; ` +
      `${ms(((g.cpuSecondsEvents ?? NaN) * 1e6) / Math.max(d.frames, 1), 0)} µs of ` +
      `gateway CPU per SSE frame sent)`,
    `events: ${r.events.measured} measured (+${r.events.warmup} warm-up), one every ` +
      `${r.events.intervalMs} ms, selection "${r.events.selection}"`,
    `deliveries (subscriber × change, incl. warm-up): ${d.delivered}/${d.expected} ` +
      `(${d.missing} missing, i.e. not received within --drain-ms after the last ` +
      `change); measured changes: ${d.deliveredMeasured}/${d.expectedMeasured}`,
    `  frames received ${d.frames}: ${d.duplicate} duplicate, ${d.stale} stale, ` +
      `${d.unexpected} unexpected, ${d.misrouted} misrouted, ${d.errorFrames} with ` +
      `errors; ${d.endedStreams} streams ended early; ${d.coalescedChanges} of ` +
      `${r.events.measured} measured changes had no event of their own (coalesced ` +
      `into the next one)`,
    `webhook→subscriber latency ms (store mutation → first SSE frame reflecting it ` +
      `parsed; every subscriber × measured change): ${formatSummary(r.latency)}`,
    `  per event, first delivery ms: ${formatSummary(r.firstDelivery)}`,
    `  per event, last delivery ms:  ${formatSummary(r.lastDelivery)}`,
    `  per event, mutation → gateway publish (occurredAt, ±1 ms) ms: ${formatSummary(r.mutationToPublish)}`,
    `  per event, publish → last delivery (fan-out) ms: ${formatSummary(r.publishToLast)}`,
    `bench process during the changes: ` +
      `${ms(r.bench.cpuCoresDuringEvents * 100, 0)}% of one core; event-loop delay ` +
      `p99 ${ms(r.bench.eventLoopDelayP99Ms)} ms, max ` +
      `${ms(r.bench.eventLoopDelayMaxMs)} ms`,
    `machine: ${r.machine.description}; ${ms(r.machine.busyCoresDuringEvents, 2)} ` +
      `cores busy during the changes, of which other processes ` +
      `${ms(r.machine.otherCoresDuringEvents, 2)} cores`,
    `upstream requests from the gateway while subscribing: ` +
      `${r.upstreamRequestsDuringRamp}; gateway exit code ${g.exitCode}`,
  ];
  for (const u of d.unexpectedSamples) lines.push(`  unexpected frame: ${u}`);
  if (g.warnings.length)
    lines.push(
      `gateway log lines (warn+): ${g.warnings.length}`,
      ...g.warnings.slice(0, 5).map((w) => `  ${w}`),
    );
  return lines.join('\n');
}

function eventTable(r: PhaseResult): string {
  const f = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(1)).padStart(8);
  const head =
    '   #  provider   webhook    202ack   re-read  publish    first      p50      last   delivered';
  return [
    head,
    ...r.perEvent.map(
      (e) =>
        `${String(e.index).padStart(4)}${e.warmup ? 'w' : e.ownEvent ? ' ' : 'c'} ` +
        `${e.provider.padEnd(9)}${f(e.webhookSentMs)}${f(e.webhookAckMs)}${f(e.reReadMs)}` +
        `${f(e.publishedMs)}${f(e.firstMs)}${f(e.p50Ms)}${f(e.lastMs)} ` +
        `  ${e.received}/${e.expected}`,
    ),
  ].join('\n');
}

/** Waits until other processes leave the machine (nearly) idle for 2 s, or the time is up. */
async function waitForIdle(maxSeconds: number): Promise<void> {
  const until = performance.now() + maxSeconds * 1000;
  for (;;) {
    const a = sampleMachine();
    await sleep(2000);
    const busy = machineBusyCores(a, sampleMachine());
    if (busy < 0.25) {
      log(`machine idle (${busy.toFixed(2)} cores busy over 2 s)`);
      return;
    }
    if (performance.now() > until) {
      log(`machine still busy (${busy.toFixed(2)} cores) after ${maxSeconds} s: running anyway`);
      return;
    }
  }
}

async function main(): Promise<number> {
  log(`machine: ${machineDescription()}; node ${process.version}`);
  log(`options: ${JSON.stringify(opts)}`);
  const profileRoot = opts.profile ? join(tmpdir(), `walletgate-bench-${Date.now()}`) : undefined;
  const results: PhaseResult[] = [];
  const phases: [string, number][] = [
    ...(opts.baseline > 0
      ? [[`baseline: ${opts.baseline} subscribers`, opts.baseline] as [string, number]]
      : []),
    [`main: ${opts.subscribers} subscribers`, opts.subscribers],
  ];
  for (const [i, [label, n]] of phases.entries()) {
    const profileDir = profileRoot ? join(profileRoot, `phase-${i}`) : undefined;
    if (opts.waitIdleS > 0) await waitForIdle(opts.waitIdleS);
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const r = await runPhase(label, n, { profileDir });
    results.push(r);
    process.stdout.write(
      `\nper-change timeline, ms after the store mutation (w = warm-up, not in the ` +
        `figures; c = no event of its own, delivered within a later ` +
        `one):\n${eventTable(r)}\n\n`,
    );
  }
  process.stdout.write('\n================ SUMMARY ================\n');
  for (const r of results) process.stdout.write(`${report(r)}\n\n`);
  for (const r of results) if (r.profile) process.stdout.write(`${r.profile}\n\n`);
  const main = results[results.length - 1]!;
  const bad = results.some(
    (r) =>
      r.subscribers.failed > 0 ||
      r.deliveries.missing > 0 ||
      r.deliveries.duplicate > 0 ||
      r.deliveries.stale > 0 ||
      r.deliveries.unexpected > 0 ||
      r.deliveries.misrouted > 0 ||
      r.deliveries.errorFrames > 0,
  );
  const targetMet =
    main.subscribers.established >= SUBSCRIBER_TARGET &&
    main.subscribers.failed === 0 &&
    main.latency.p99 < P99_TARGET_MS &&
    main.deliveries.missing === 0;
  process.stdout.write(
    `target (${SUBSCRIBER_TARGET} subscribers, p99 < ${P99_TARGET_MS} ms, nothing ` +
      `missing): ${targetMet ? 'MET' : 'NOT MET'} — ${main.subscribers.established} ` +
      `subscribers, p99 ${ms(main.latency.p99)} ms\n`,
  );
  process.stdout.write(
    `result: ${
      bad
        ? 'FAIL (failed subscriptions, or missing/duplicate/stale/unexpected deliveries)'
        : 'OK (every subscriber learnt of every change, no event twice)'
    }\n`,
  );
  if (opts.json)
    writeFileSync(opts.json, `${JSON.stringify({ options: opts, results }, null, 2)}\n`);
  return bad ? 1 : 0;
}

const deadline = setTimeout(() => {
  process.stderr.write(
    `bench: global timeout of ${opts.timeoutS} s reached; killing the gateway and exiting\n`,
  );
  process.exit(3);
}, opts.timeoutS * 1000);
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().then(
  (code) => {
    clearTimeout(deadline);
    process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(
      `bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  },
);
