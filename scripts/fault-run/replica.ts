import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { compiledGatewayEnv } from '../bench/query-processes.js';

/** One compiled gateway replica (`node dist/main.js`), watched for an exit nobody asked for. */
export interface Replica {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  /** Set when the process ended before stop(): a crash. */
  readonly crash: { readonly code: number | null; readonly signal: string | null } | undefined;
  /** The last lines it wrote (warnings and errors: LOG_LEVEL=warn). */
  tail(): string;
  /** How often each error-level log message appeared. */
  readonly errorLogs: ReadonlyMap<string, number>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

export async function startReplica(
  repo: string,
  name: string,
  env: Readonly<Record<string, string>>,
): Promise<Replica> {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...compiledGatewayEnv(), ...env },
  });
  children.add(child);
  let stopping = false;
  let crash: Replica['crash'];
  let output = '';
  let partial = '';
  const errorLogs = new Map<string, number>();
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-20_000);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string };
        // pino: 50 is error, 60 fatal.
        if ((entry.level ?? 0) >= 50) {
          const msg = entry.msg ?? '(no message)';
          errorLogs.set(msg, (errorLogs.get(msg) ?? 0) + 1);
        }
      } catch {}
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!stopping) crash = { code, signal };
      children.delete(child);
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s`)), 60_000);
    const look = () => {
      const up = /Walletgate is up\. Graph(?:iQL|QL): (\S+)/.exec(output);
      if (up) {
        clearTimeout(timer);
        resolve(up[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before listening:\n${output}`));
    });
  });
  return {
    name,
    pid: child.pid!,
    url,
    get crash() {
      return crash;
    },
    tail: () => output.split('\n').slice(-15).join('\n'),
    errorLogs,
    stop: async () => {
      if (crash || child.exitCode !== null) return;
      stopping = true;
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
