import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** A real redis-server (Debian's, installed by .ci/run) on a free loopback port, no persistence. */
export interface RedisServer {
  readonly url: string;
  /** False once killed or stopped, until a restart is up. */
  readonly running: boolean;
  /** SIGKILL, as a crash: no shutdown, no save. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** A new, empty redis-server on the same port (after kill or stop). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

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

async function spawnOn(port: number): Promise<ChildProcess> {
  const child: ChildProcess = spawn(
    BINARY,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start in 10 s')), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

const ended = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

export async function startRedisServer(): Promise<RedisServer> {
  if (!existsSync(BINARY))
    throw new Error(`${BINARY} is missing: apt-get install -y redis-server (.ci/run does this)`);
  const port = await freePort();
  let child = await spawnOn(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    kill: () => ended(child, 'SIGKILL'),
    restart: async () => {
      await ended(child, 'SIGKILL');
      child = await spawnOn(port);
    },
    stop: () => ended(child, 'SIGTERM'),
  };
}
