/**
 * The floor under bench-live.ts: what THIS machine can do for SSE fan-out with plain Node and
 * nothing of the gateway (no GraphQL, no yoga, no webhooks). A child process holds N SSE
 * responses (node:http) and, on `POST /publish`, writes one frame to each; the same raw-socket
 * clients as bench-live measure publish-request → frame-parsed latency.
 *
 *   npx tsx scripts/bench/floor.ts --subscribers 10000 --events 20
 *   npx tsx scripts/bench/floor.ts --mode stringify    # JSON.stringify per subscriber, not one shared Buffer
 *
 * It is not a target for the gateway, just the lower bound the gateway can approach: the cost of
 * one write() syscall per subscriber per event on loopback on this VM.
 */
import { fork } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineBusyCores, machineDescription, sampleMachine, sampleProcess } from './proc.js';
import { RawSseClient } from './sse-client.js';
import { formatSummary, ms, summarize } from './stats.js';

const { values: args } = parseArgs({
  options: {
    server: { type: 'boolean', default: false },
    mode: { type: 'string', default: 'shared' },
    subscribers: { type: 'string', default: '10000' },
    events: { type: 'string', default: '20' },
    'interval-ms': { type: 'string', default: '500' },
    batch: { type: 'string', default: '250' },
    'wait-idle-s': { type: 'string', default: '0' },
  },
});

const frameOf = (eventId: string, i: number) =>
  `event: next\ndata: ${JSON.stringify({
    data: {
      walletBalanceChanged: {
        eventId,
        provider: 'LAGO',
        balance: { amount: String(40 + i), currency: 'USD' },
        occurredAt: new Date().toISOString(),
      },
    },
  })}\n\n`;

if (args.server) {
  // --- The SSE server child ---------------------------------------------------------------------
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.url === '/publish') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        const { eventId } = JSON.parse(body) as { eventId: string };
        res.end('{}');
        if (args.mode === 'stringify') {
          for (const s of streams) s.write(frameOf(eventId, 0));
        } else if (args.mode === 'socket') {
          const frame = Buffer.from(frameOf(eventId, 0));
          const chunk = Buffer.concat([
            Buffer.from(`${frame.length.toString(16)}\r\n`),
            frame,
            Buffer.from('\r\n'),
          ]);
          for (const s of streams) s.socket!.write(chunk);
        } else {
          const frame = Buffer.from(frameOf(eventId, 0));
          for (const s of streams) s.write(frame);
        }
      });
      return;
    }
    req.resume();
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(':\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  });
  server.listen(0, '127.0.0.1', () => process.send!((server.address() as AddressInfo).port));
  process.on('disconnect', () => process.exit(0));
} else {
  // --- The driver ---------------------------------------------------------------------------------
  const n = Number(args.subscribers);
  const k = Number(args.events);
  const interval = Number(args['interval-ms']);
  const batch = Number(args.batch);
  const child = fork(fileURLToPath(import.meta.url), ['--server', '--mode', args.mode!], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.on('exit', () => child.kill('SIGKILL'));
  const port = await new Promise<number>((resolve) =>
    child.once('message', (m) => resolve(Number(m))),
  );
  const lat: number[] = [];
  const t0s = new Map<string, number>();
  const lastAt = new Map<string, number>();
  const firstAt = new Map<string, number>();
  let delivered = 0;
  const clients: RawSseClient[] = [];
  const rampStart = performance.now();
  for (let start = 0; start < n; start += batch) {
    const group: Promise<void>[] = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      const c = new RawSseClient(
        i,
        { host: '127.0.0.1', port, path: '/graphql', headers: {}, body: '{}' },
        {
          onNext(_c, eventId, _frame, at) {
            if (!eventId) return;
            const t0 = t0s.get(eventId);
            if (t0 === undefined) return;
            lat.push(at - t0);
            delivered++;
            if (!firstAt.has(eventId)) firstAt.set(eventId, at - t0);
            lastAt.set(eventId, at - t0);
          },
        },
      );
      clients.push(c);
      group.push(c.established);
    }
    await Promise.allSettled(group);
  }
  const established = clients.filter((c) => c.status === 200).length;
  const rss = sampleProcess(child.pid!);
  await sleep(1000);
  const idleUntil = performance.now() + Number(args['wait-idle-s']) * 1000;
  while (performance.now() < idleUntil) {
    const a = sampleMachine();
    await sleep(2000);
    if (machineBusyCores(a, sampleMachine()) < 0.25) break;
  }
  const machineBefore = sampleMachine();
  const cpuBefore = sampleProcess(child.pid!)?.cpuSeconds ?? NaN;
  const benchBefore = process.cpuUsage();
  const eventsStart = performance.now();
  for (let e = 0; e < k; e++) {
    const eventId = `floor-${e.toString().padStart(4, '0')}-0000-0000-000000000000`;
    await sleep(Math.max(0, interval));
    t0s.set(eventId, performance.now());
    await fetch(`http://127.0.0.1:${port}/publish`, {
      method: 'POST',
      body: JSON.stringify({ eventId }),
    });
  }
  const deadline = performance.now() + 15_000;
  while (delivered < established * k && performance.now() < deadline) await sleep(20);
  const cpu = (sampleProcess(child.pid!)?.cpuSeconds ?? NaN) - cpuBefore;
  const bench = process.cpuUsage(benchBefore);
  const benchCores = (bench.user + bench.system) / 1e3 / (performance.now() - eventsStart);
  const otherCores =
    machineBusyCores(machineBefore, sampleMachine()) -
    benchCores -
    cpu / ((performance.now() - eventsStart) / 1000);
  process.stdout.write(
    `${[
      `=== floor (${args.mode}): plain node:http SSE fan-out, no gateway ===`,
      `machine: ${machineDescription()}; node ${process.version}`,
      `subscribers: ${established}/${n} in ` +
        `${((performance.now() - rampStart) / 1000 - (k * interval) / 1000).toFixed(1)} ` +
        `s; server RSS ${ms(rss?.rssMb ?? NaN)} MB`,
      `deliveries: ${delivered}/${established * k}; server CPU during events ` +
        `${ms(cpu, 2)} s (${ms((cpu * 1e6) / Math.max(delivered, 1), 1)} µs per ` +
        `delivery); bench (client) process ${ms(benchCores * 100, 0)}% of one core; ` +
        `other processes ${ms(otherCores, 2)} cores`,
      `publish→subscriber latency ms: ${formatSummary(summarize(lat))}`,
      `  per event, first delivery ms: ${formatSummary(summarize([...firstAt.values()]))}`,
      `  per event, last delivery ms:  ${formatSummary(summarize([...lastAt.values()]))}`,
    ].join('\n')}\n`,
  );
  for (const c of clients) c.close();
  child.kill('SIGTERM');
  process.exit(delivered === established * k && established === n ? 0 : 1);
}
