/** The messages between scripts/bench-query.ts and its upstream process (upstream-process.ts). */
import type { FaultMode } from '../../src/sandbox/faults.js';

export const BENCH_CUSTOMER_PREFIX = 'bench_';
export const benchCustomer = (i: number) => `${BENCH_CUSTOMER_PREFIX}${String(i).padStart(4, '0')}`;

export type UpstreamRequest =
  | { readonly type: 'count'; readonly id: number }
  | { readonly type: 'fault'; readonly id: number; readonly mode: FaultMode; readonly arg?: number }
  | { readonly type: 'clear'; readonly id: number };

export type UpstreamReply =
  | { readonly type: 'ready'; readonly lago: { readonly apiUrl: string; readonly apiKey: string } }
  | {
      readonly type: 'count';
      readonly id: number;
      readonly calls: number;
      readonly byRoute: Readonly<Record<string, number>>;
    }
  | { readonly type: 'done'; readonly id: number };
