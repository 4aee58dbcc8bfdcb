import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The gateway as an operator runs it: `npm start` (building dist/ when stale, then the compiled
 * JavaScript under plain node), stopped by SIGTERM sent to npm itself, as a container runtime or
 * process manager does. Every SSE stream must complete, a request that outlasts the grace period
 * must get a 503 answer (not a reset), and npm with everything it started must be gone in time.
 */
const GRACE_MS = 2000;
const root = new URL('../../', import.meta.url);

let npm: ChildProcess;
let url: string;
let output = '';
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  npm = spawn('npm', ['start', '--silent'], {
    cwd: root,
    // Its own process group, so the test can tell when npm and every child are gone.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      SANDBOX_SIMULATION_INTERVAL_MS: '0',
      // Lago answers after 15 s: a customer query is still running when the grace period ends.
      SANDBOX_FAULTS: 'lago=latency:15000',
      UPSTREAM_TIMEOUT_MS: '30000',
      UPSTREAM_BUDGET_MS: '60000',
    },
  });
  exited = new Promise((resolve) =>
    npm.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not come up:\n${output}`)),
      110_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /GraphiQL: (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    npm.stdout!.on('data', read);
    npm.stderr!.on('data', read);
    npm.once('exit', () => reject(new Error(`npm start exited early:\n${output}`)));
  });
}, 120_000);

afterAll(() => {
  // Only if the test failed half-way: nothing of this test may outlive it.
  if (npm.pid && groupAlive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
});

/** An SSE subscription read as raw text, so a clean end (`event: complete`) is seen as such. */
async function openSse(): Promise<{
  opened: boolean;
  done: Promise<{ text: string; reset: boolean }>;
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({
      query: 'subscription { walletBalanceChanged(customerExternalId: "hooli_1234") { eventId } }',
    }),
  });
  const done = (async () => {
    let text = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
        text += Buffer.from(chunk).toString();
      return { text, reset: false };
    } catch {
      return { text, reset: true };
    }
  })();
  return { opened: response.ok, done };
}

describe('npm start under SIGTERM', () => {
  it('completes every SSE stream, answers a late request 503, and exits within the grace period', async () => {
    const streams = await Promise.all(Array.from({ length: 20 }, () => openSse()));
    expect(streams.every((s) => s.opened)).toBe(true);
    const slow = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'slow-request-1' },
      body: JSON.stringify({
        query: '{ customer(externalId: "hooli_1234") { wallets { id } } }',
      }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
    // Give the slow request time to reach the (delayed) Lago sandbox.
    await new Promise((r) => setTimeout(r, 500));

    const sentAt = Date.now();
    process.kill(npm.pid!, 'SIGTERM');

    const ends = await Promise.all(streams.map((s) => s.done));
    for (const end of ends) {
      expect(end.reset).toBe(false);
      expect(end.text).toContain('event: complete');
    }
    // Streams end at once, well before the grace period is over.
    expect(Date.now() - sentAt).toBeLessThan(GRACE_MS);

    const late = await slow;
    expect(late.status).toBe(503);
    expect(late.body).toEqual({
      errors: [
        {
          message: expect.any(String),
          extensions: { code: 'SHUTTING_DOWN', requestId: 'slow-request-1' },
        },
      ],
    });

    const exit = await exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    // The grace period, plus a little for the final answers and the sandboxes to close.
    expect(exit.at - sentAt).toBeLessThan(GRACE_MS + 2500);
    expect(groupAlive(npm.pid!)).toBe(false);
  }, 30_000);
});
