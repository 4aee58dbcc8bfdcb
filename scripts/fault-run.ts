/**
 * The operator's fault run (not a test): two compiled replicas sharing one redis-server, under
 * load, while one provider cycles through faults and Redis is SIGKILLed midway, then restarted.
 *
 *   npm run fault-run                         # 60 s, 50 connections, faults on Lago
 *   npm run fault-run -- --duration-s 15 --provider polar
 *
 * The three sandboxes run in this process as real providers (URLs, keys, webhook secrets); the
 * replicas run `node dist/main.js` (built first when stale). Every answer is checked: errors
 * must carry `extensions.code`, and balances must equal the truth read before the run by a
 * fresh in-process gateway (no Redis, no faults; nothing moves balances during the run).
 * Prints responses, typed errors by code, untyped errors, wrong numbers, crashes and each
 * replica's RSS; exits 1 when there is an untyped error, a wrong number or a crash.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { type FaultMode, faultPreset } from '../src/sandbox/faults.js';
import { startSandboxes } from '../src/sandbox/index.js';
import { createGateway } from '../src/server.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { sampleProcess } from './bench/proc.js';
// @ts-expect-error: plain JavaScript (npm start runs it without TypeScript), no declarations.
import { build, staleness } from './build.mjs';
import { type Replica, startReplica } from './fault-run/replica.js';
import { type CustomerTruth, Tally, truthOf, WALLETS_QUERY } from './fault-run/tally.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const API_KEY = 'fault-run-key-0123456789';
const CUSTOMERS = ['hooli_1234', 'acme_42', 'globex_7', 'flex_only_9', 'polar_only_3'];
// Garbage is the `malformed` preset: a 200 whose JSON is cut off mid-string.
const FAULT_CYCLE: readonly (FaultMode | 'healthy')[] = [
  'healthy',
  '500',
  'timeout',
  'malformed',
  '429',
];

const { values: opts } = parseArgs({
  options: {
    'duration-s': { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    provider: { type: 'string', default: 'lago' },
    'phase-s': { type: 'string' },
    'redis-down-s': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  process.stdout.write(
    'npm run fault-run -- [--duration-s 60] [--connections 50] [--provider lago|flexprice|polar]\n' +
      '                     [--phase-s <seconds per fault>] [--redis-down-s <seconds>]\n',
  );
  process.exit(0);
}
const durationS = Number(opts['duration-s']);
const connections = Number(opts.connections);
const phaseS = Number(opts['phase-s'] ?? Math.max(1.5, durationS / 10));
const redisDownS = Number(opts['redis-down-s'] ?? Math.min(10, durationS / 5));
if (![durationS, connections, phaseS, redisDownS].every((n) => Number.isFinite(n) && n > 0))
  throw new Error(
    '--duration-s, --connections, --phase-s and --redis-down-s take positive numbers',
  );

const log = (line: string) => process.stdout.write(`${line}\n`);
const at = (started: number) =>
  `${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s`;

const reason = staleness();
if (reason) {
  log(`building dist/ first (${reason})`);
  build();
}

const sandboxes = await startSandboxes();
const faulty = sandboxes.byId(opts.provider);
if (!faulty) throw new Error(`--provider: no sandbox "${opts.provider}"`);
const redis = await startRedisServer();
const providerEnv = { ...sandboxes.env, ...sandboxes.webhookEnv };

/** Each customer's wallets and totals, read once by a fresh in-process gateway. */
async function readTruth(): Promise<Map<string, CustomerTruth>> {
  const gateway = createGateway(
    loadConfig({ ...providerEnv, GATEWAY_API_KEYS: API_KEY, RATE_LIMIT_PER_MINUTE: '0' }),
    { logger: createLogger({ level: 'silent' }) },
  );
  try {
    const truth = new Map<string, CustomerTruth>();
    for (const externalId of CUSTOMERS) {
      const res = await gateway.yoga.fetch('http://truth/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({ query: WALLETS_QUERY, variables: { externalId } }),
      });
      truth.set(externalId, truthOf(await res.text()));
    }
    return truth;
  } finally {
    await gateway.close();
  }
}

const replicas: Replica[] = [];
const tally = new Tally();
let noAnswer = 0;
const timers: NodeJS.Timeout[] = [];
try {
  const truth = await readTruth();
  const upstreamTuning = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] =>
        /^(UPSTREAM_|WALLET_CACHE_|RESPONSE_CACHE_)/.test(e[0]) && e[1] !== undefined,
    ),
  );
  for (const name of ['replica-1', 'replica-2'])
    replicas.push(
      await startReplica(REPO, name, {
        ...providerEnv,
        ...upstreamTuning,
        REDIS_URL: redis.url,
        GATEWAY_API_KEYS: API_KEY,
        // On, so every request consults the Redis-backed limiter, but never reached.
        RATE_LIMIT_PER_MINUTE: '1000000000',
        SHUTDOWN_GRACE_MS: '2000',
      }),
    );
  log(
    `fault run: ${durationS} s, ${connections} connections over ${replicas.length} replicas, ` +
      `faults on ${opts.provider} every ${phaseS} s (${FAULT_CYCLE.join(' → ')}), ` +
      `redis SIGKILLed at ${(durationS * 0.4).toFixed(1)} s for ${redisDownS} s`,
  );

  const started = performance.now();
  let phase = 0;
  let mode: FaultMode | 'healthy' = 'healthy';
  let redisDown = false;
  const condition = () => `${opts.provider} ${mode}, redis ${redisDown ? 'down' : 'up'}`;
  const nextFault = () => {
    mode = FAULT_CYCLE[phase++ % FAULT_CYCLE.length]!;
    faulty.clearFaults();
    if (mode !== 'healthy') faulty.injectFault(faultPreset(mode));
    log(`${at(started)}  ${opts.provider}: ${mode}`);
  };
  nextFault();
  let restarting: Promise<unknown> | undefined;
  timers.push(setInterval(nextFault, phaseS * 1000));
  timers.push(
    setTimeout(
      () => {
        redisDown = true;
        void redis.kill().then(() => log(`${at(started)}  redis-server: SIGKILL`));
        timers.push(
          setTimeout(() => {
            restarting = redis
              .restart()
              .then(() => {
                redisDown = false;
                log(`${at(started)}  redis-server: restarted on the same port`);
              })
              .catch((e: unknown) => log(`redis-server did not restart: ${String(e)}`));
          }, redisDownS * 1000),
        );
      },
      durationS * 0.4 * 1000,
    ),
  );

  const perReplica = Math.ceil(connections / replicas.length);
  const loads = replicas.map(
    (replica, r) =>
      new Promise<void>((resolve, reject) => {
        const url = new URL(replica.url);
        let sent = r;
        autocannon(
          {
            url: url.origin,
            connections: perReplica,
            duration: durationS,
            timeout: 30,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
            requests: [
              {
                setupRequest: (req, context) => {
                  const externalId = CUSTOMERS[sent++ % CUSTOMERS.length]!;
                  (context as { externalId?: string }).externalId = externalId;
                  return {
                    ...req,
                    path: url.pathname,
                    body: JSON.stringify({ query: WALLETS_QUERY, variables: { externalId } }),
                  };
                },
                onResponse: (status, body, context) => {
                  const externalId = (context as { externalId?: string }).externalId!;
                  tally.record(status, body, truth.get(externalId)!, condition());
                },
              },
            ],
          },
          (error, result) => {
            if (error) return reject(error);
            noAnswer += result.errors + result.timeouts;
            resolve();
          },
        );
      }),
  );
  await Promise.all(loads);
  for (const t of timers) clearTimeout(t);
  faulty.clearFaults();
  // The report is of the run: wait out a restart that is still under way.
  await restarting;
  if (!redis.running) await redis.restart();

  const rss = replicas.map((r) => ({ r, sample: sampleProcess(r.pid) }));
  const crashes = replicas.filter((r) => r.crash);
  const byCount = (m: Map<string | number, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  log('');
  log(`responses:        ${tally.responses} (HTTP ${byCount(tally.statuses).join(', ')})`);
  log(`  clean:          ${tally.clean} (data, no error)`);
  for (const [name, row] of tally.byCondition)
    log(`  ${name.padEnd(32)} ${String(row.answers).padStart(6)} answers, ${row.clean} clean`);
  log(`no answer:        ${noAnswer} (socket errors and timeouts)`);
  log(
    `typed errors:     ${[...tally.typed.values()].reduce((a, b) => a + b, 0)} ` +
      `(in ${tally.withErrors} answers; an answer can hold one per failing field)`,
  );
  for (const line of byCount(tally.typed)) log(`  ${line}`);
  if (tally.typed.has('INTERNAL_SERVER_ERROR'))
    log('  (INTERNAL_SERVER_ERROR is an unexpected error, masked: see the error logs below)');
  log(`untyped errors:   ${tally.untyped}`);
  for (const s of tally.untypedSamples) log(`  e.g. ${s}`);
  log(`wrong numbers:    ${tally.wrongNumbers} (must be 0)`);
  for (const s of tally.wrongSamples) log(`  e.g. ${s}`);
  log(`silently missing: ${tally.silentlyMissing} wallets left out of error-free answers`);
  log(`crashes:          ${crashes.length} (must be 0)`);
  for (const r of crashes)
    log(`  ${r.name} exited (code ${r.crash?.code}, signal ${r.crash?.signal}):\n${r.tail()}`);
  for (const r of replicas)
    for (const line of byCount(r.errorLogs as Map<string, number>).slice(0, 5))
      log(`error log ${r.name}: ${line}`);
  for (const { r, sample } of rss)
    log(
      sample
        ? `RSS ${r.name}:    ${sample.rssMb.toFixed(0)} MB (peak ${sample.hwmMb.toFixed(0)} MB)`
        : `RSS ${r.name}:    gone`,
    );
  process.exitCode =
    tally.untyped > 0 || tally.wrongNumbers > 0 || tally.silentlyMissing > 0 || crashes.length > 0
      ? 1
      : 0;
} finally {
  for (const t of timers) clearTimeout(t);
  await Promise.all(replicas.map((r) => r.stop()));
  await redis.stop();
  await sandboxes.close();
}
// A hung fault's timers in the sandboxes would keep the process alive for minutes.
process.exit();
