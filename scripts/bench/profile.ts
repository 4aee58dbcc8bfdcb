import { readFileSync } from 'node:fs';

/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and summarises where the CPU went during a time
 * window: self time and inclusive time per function, and self time per package/file. Sample
 * timestamps are V8 TimeTicks (CLOCK_MONOTONIC, µs), the same clock as process.hrtime in any
 * process on the machine, so the benchmark can cut out a phase measured in its own process.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileWindow {
  /** Microseconds, CLOCK_MONOTONIC (process.hrtime.bigint() / 1000n). */
  readonly fromUs: number;
  readonly toUs: number;
}

export interface ProfileReport {
  readonly windowMs: number;
  readonly sampledMs: number;
  readonly idleMs: number;
  readonly gcMs: number;
  readonly self: readonly { name: string; ms: number }[];
  readonly inclusive: readonly { name: string; ms: number }[];
  readonly byFile: readonly { name: string; ms: number }[];
  /** Inclusive time of every sample whose stack has a frame matching the pattern (counted once per sample). */
  readonly focus: readonly { name: string; ms: number }[];
}

/**
 * Where the fan-out of one event to N subscribers spends its time, as frames to look for on the
 * stack (pattern → label). Chosen from the gateway's pipeline: pubsub → Repeaters → graphql
 * execution per subscriber → yoga SSE encoding → WHATWG stream → node:http → the socket.
 */
export const DEFAULT_FOCUS: readonly [RegExp, string][] = [
  [/^\(garbage collector\)/, 'GC (main thread)'],
  [
    /^writev |^writeBuffer |^writeUtf8String |^writeLatin1String /,
    'socket write syscalls (writev etc.)',
  ],
  [/^Socket\._writeGeneric /, 'node:net socket write path (incl. syscalls)'],
  [
    /^(executeImpl|execute|executeSubscriptionEvent|mapSourceToResponse) .*(executor|graphql)/,
    'graphql execution of the selection, per subscriber',
  ],
  [/^createLoaders /, 'createLoaders (fresh DataLoaders per event per subscriber)'],
  [/^jsonStringifyResultWithoutInternals /, 'JSON serialisation of each result'],
  [/^encode |^encodeInto /, 'TextEncoder.encode'],
  [/^push .*repeater/, 'Repeater push'],
  [/^dispatchEvent |^\[kDispatch\]|^kDispatch/, 'EventTarget dispatch (pubsub)'],
  [
    new RegExp(
      '^(pull|enqueue|readableStreamDefaultControllerCallPullIfNeeded|' +
        'ReadableStreamDefaultController|readableStreamDefaultControllerEnqueue) ',
    ),
    'WHATWG ReadableStream',
  ],
  [/^(write|_write|end) .*(_http_outgoing|node-fetch|whatwg-node)/, 'node:http write'],
  [/^connectionCorkNT /, 'node:http uncork → socket (deferred writes)'],
  [/^(refresh|observe|walletForEvent) src\/events/, 'gateway: re-read and publish'],
  [/^onRequest .*webhook-routes|^verify /, 'gateway: webhook verification'],
];

const shortUrl = (url: string): string => {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    return `${pkg}/${rest[rest.length - 1]}`;
  }
  // The gateway runs from src/ (tsx) or from its compiled dist/.
  const own = Math.max(url.lastIndexOf('/src/'), url.lastIndexOf('/dist/'));
  if (own >= 0) return url.slice(own + 1);
  return url.replace(/^file:\/\//, '');
};

const frameName = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;

export function analyseProfile(
  path: string,
  window: ProfileWindow | undefined,
  top = 25,
  focusPatterns: readonly [RegExp, string][] = DEFAULT_FOCUS,
): ProfileReport {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byFile = new Map<string, number>();
  const focus = new Map<string, number>(focusPatterns.map(([, label]) => [label, 0]));
  let t = profile.startTime;
  let sampled = 0;
  let idle = 0;
  let gc = 0;
  const from = window?.fromUs ?? -Infinity;
  const to = window?.toUs ?? Infinity;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    // A sample stands for the interval until the next one.
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    sampled += dt;
    const f = node.callFrame;
    if (f.functionName === '(idle)') {
      idle += dt;
      continue;
    }
    if (f.functionName === '(garbage collector)') gc += dt;
    const key = frameName(f);
    self.set(key, (self.get(key) ?? 0) + dt);
    const file = f.url
      ? shortUrl(f.url).replace(/\/[^/]*$/, '') || shortUrl(f.url)
      : f.functionName;
    byFile.set(file, (byFile.get(file) ?? 0) + dt);
    const seen = new Set<string>();
    const matched = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      if (n.callFrame.functionName === '(root)') break;
      const k = frameName(n.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      for (const [re, label] of focusPatterns) {
        if (!matched.has(label) && re.test(k)) {
          matched.add(label);
          focus.set(label, (focus.get(label) ?? 0) + dt);
        }
      }
    }
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, v]) => ({ name, ms: v }));
  return {
    windowMs: Number.isFinite(to - from)
      ? (to - from) / 1000
      : (profile.endTime - profile.startTime) / 1000,
    sampledMs: sampled,
    idleMs: idle,
    gcMs: gc,
    self: sorted(self),
    inclusive: sorted(inclusive),
    byFile: sorted(byFile),
    focus: [...focus].map(([name, v]) => ({ name, ms: v })),
  };
}

export function formatProfile(r: ProfileReport, label: string): string {
  const busy = r.sampledMs - r.idleMs;
  const pct = (v: number) => `${((v / Math.max(busy, 1e-9)) * 100).toFixed(1).padStart(5)}%`;
  const rows = (list: readonly { name: string; ms: number }[]) =>
    list.map((e) => `    ${e.ms.toFixed(0).padStart(7)} ms ${pct(e.ms)}  ${e.name}`).join('\n');
  return [
    `gateway CPU profile, ${label}: window ${r.windowMs.toFixed(0)} ms, sampled ` +
      `${r.sampledMs.toFixed(0)} ms, busy ${busy.toFixed(0)} ms, idle ` +
      `${r.idleMs.toFixed(0)} ms, GC ${r.gcMs.toFixed(0)} ms`,
    '  self time (top):',
    rows(r.self),
    '  self time by package/file (top):',
    rows(r.byFile),
    '  inclusive time of pipeline stages (stages overlap: a write inside an execution counts in both):',
    rows(r.focus),
    '  inclusive time (top; % of busy):',
    rows(r.inclusive),
  ].join('\n');
}
