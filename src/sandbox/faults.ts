import type { Fault } from './http.js';

/**
 * Named misbehaviours a sandbox can be told to show, from tests (`injectFault(faultPreset(...))`)
 * or for demos with SANDBOX_FAULTS, e.g. `lago=latency:300,polar=429:2,flexprice=odd`.
 */
export const FAULT_MODES = ['latency', '429', '500', 'timeout', 'malformed', 'odd'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultSpec {
  /** A provider id (`lago`). */
  readonly sandbox: string;
  readonly mode: FaultMode;
  /** latency: milliseconds (default 500); 429: Retry-After seconds (default 1). */
  readonly arg?: number;
}

// Longer than any sensible upstream timeout: the gateway gives up first.
const HANG_MS = 120_000;

export function faultPreset(mode: FaultMode, arg?: number): Fault {
  switch (mode) {
    case 'latency':
      return { delayMs: arg ?? 500 };
    case '429':
      // Polar's shape: empty body, Retry-After (NOTES §0.7); the others' 429s look alike here.
      return { status: 429, headers: { 'retry-after': String(arg ?? 1) } };
    case '500':
      return { status: 500, body: { status: 500, error: 'Internal Server Error' } };
    case 'timeout':
      return { delayMs: HANG_MS };
    case 'malformed':
      // Cut off mid-string: JSON no provider's client can parse.
      return { status: 200, body: '{"items": [{"id": "truncat' };
    case 'odd':
      return { transform: oddButValid };
  }
}

/**
 * The same data, shaped unusually but still within the wire format: an unknown extra field on
 * every object, lists in reverse order, decimal strings with many trailing zeros.
 */
export function oddButValid(body: unknown): unknown {
  if (Array.isArray(body)) return [...body].reverse().map(oddButValid);
  if (body && typeof body === 'object') {
    const entries = Object.entries(body).map(([k, v]) => [k, oddButValid(v)] as const);
    // A string, so it stays valid even inside string maps (wallet metadata).
    return Object.fromEntries([...entries, ['x_sandbox_unexpected', 'odd']]);
  }
  if (typeof body === 'string' && /^-?\d+\.\d+$/.test(body)) return `${body}000000`;
  return body;
}

/** Parses SANDBOX_FAULTS for these sandboxes (provider ids); throws naming the bad entry. */
export function parseFaultSpecs(text: string, sandboxes: readonly string[]): FaultSpec[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^([a-z0-9-]+)=([a-z0-9]+)(?::(\d+))?$/.exec(entry);
      if (!m || !sandboxes.includes(m[1]!) || !FAULT_MODES.includes(m[2] as FaultMode)) {
        throw new Error(
          `"${entry}" is not <${sandboxes.join('|')}>=<${FAULT_MODES.join('|')}>[:number]`,
        );
      }
      return {
        sandbox: m[1]!,
        mode: m[2] as FaultMode,
        ...(m[3] && { arg: Number(m[3]) }),
      };
    });
}
