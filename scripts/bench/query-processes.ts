import { type ChildProcess, fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { FaultMode } from '../../src/sandbox/faults.js';
import type { UpstreamReply } from './upstream-protocol.js';

/** The processes of the query benchmark: the sandbox upstream and the compiled gateway. */

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

type Ask =
  | { readonly type: 'count' }
  | { readonly type: 'fault'; readonly mode: FaultMode; readonly arg?: number }
  | { readonly type: 'clear' };

export interface Upstream {
  readonly pid: number;
  readonly apiUrl: string;
  readonly apiKey: string;
  /** Requests the sandbox has received since it started, in total and per route. */
  count(): Promise<{ calls: number; byRoute: Readonly<Record<string, number>> }>;
  fault(mode: FaultMode, arg?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startUpstream(repo: string, customers: number): Promise<Upstream> {
  const child = fork(
    join(repo, 'scripts/bench/upstream-process.ts'),
    ['--customers', String(customers)],
    { cwd: repo, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  children.add(child);
  let next = 0;
  const waiting = new Map<number, (m: UpstreamReply) => void>();
  const ready = new Promise<Extract<UpstreamReply, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the upstream exited (${code}) before ready`)));
    child.on('message', (m: UpstreamReply) => {
      if (m.type === 'ready') resolve(m);
      else waiting.get(m.id)?.(m);
    });
  });
  const ask = (m: Ask) =>
    new Promise<UpstreamReply>((resolve) => {
      const id = ++next;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        resolve(reply);
      });
      child.send({ ...m, id });
    });
  const { lago } = await ready;
  return {
    pid: child.pid!,
    apiUrl: lago.apiUrl,
    apiKey: lago.apiKey,
    count: async () => {
      const r = (await ask({ type: 'count' })) as Extract<UpstreamReply, { type: 'count' }>;
      return { calls: r.calls, byRoute: r.byRoute };
    },
    fault: async (mode, arg) => {
      await ask({ type: 'fault', mode, ...(arg !== undefined && { arg }) });
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      children.delete(child);
    },
  };
}

export interface GatewayProcess {
  readonly pid: number;
  readonly url: string;
  /** Stops it (SIGTERM, the graceful shutdown) and answers the CPU profile's path, if recorded. */
  stop(): Promise<string | undefined>;
}

/** Builds `dir`'s dist/ when it is missing or stale, with that checkout's own build script. */
/**
 * What a compiled gateway child starts from: none of this process's variables (no provider key
 * leaks in), loopback on any free port, quiet logs.
 */
export function compiledGatewayEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
  };
}

export async function ensureBuilt(dir: string, log: (line: string) => void): Promise<void> {
  const script = join(dir, 'scripts/build.mjs');
  if (!existsSync(script)) throw new Error(`${dir} has no scripts/build.mjs`);
  const { build, staleness } = (await import(pathToFileURL(script).href)) as {
    build(): void;
    staleness(): string | null;
  };
  const reason = staleness();
  if (!reason) return;
  log(`building ${dir}/dist (${reason})`);
  build();
}

/**
 * `node dist/main.js` in `dir`, as `npm start` runs it, in front of the sandbox upstream (Lago
 * only, as "real" provider), with webhook secrets set, rate limiting off and no poll round in
 * a run.
 */
export async function startGateway(
  dir: string,
  upstream: Upstream,
  options: {
    readonly apiKey: string;
    readonly env?: Readonly<Record<string, string>>;
    readonly profile?: boolean;
  },
): Promise<GatewayProcess> {
  const profileDir = options.profile ? mkdtempSync(join(tmpdir(), 'bench-query-prof-')) : '';
  const child = spawn(
    process.execPath,
    [
      ...(options.profile
        ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=250']
        : []),
      'dist/main.js',
    ],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...compiledGatewayEnv(),
        LAGO_API_URL: upstream.apiUrl,
        LAGO_API_KEY: upstream.apiKey,
        LAGO_WEBHOOK_HMAC_KEY: 'bench-query-hmac-key-0123456789',
        GATEWAY_API_KEYS: options.apiKey,
        RATE_LIMIT_PER_MINUTE: '0',
        BALANCE_POLL_INTERVAL_MS: '3600000',
        SHUTDOWN_GRACE_MS: '2000',
        ...options.env,
      },
    },
  );
  children.add(child);
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the gateway did not start in 60 s')), 60_000);
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const up = /Walletgate is up\. Graph(?:iQL|QL): (\S+)/.exec(buffered);
      if (up) {
        clearTimeout(timer);
        resolve(up[1]!);
      }
      if (output.length < 50) output.push(chunk.toString('utf8'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited before listening:\n${output.join('')}`));
    });
  });
  return {
    pid: child.pid!,
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      children.delete(child);
      if (!profileDir) return undefined;
      const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
      return file && join(profileDir, file);
    },
  };
}
