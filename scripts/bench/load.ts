import autocannon from 'autocannon';
import { type Summary, summarize } from './stats.js';

/** One load of the query benchmark: autocannon on N connections, each answer timed and checked. */

export interface LoadTarget {
  readonly origin: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  /** Request i's path and body; called in sending order, so a load can rotate over customers. */
  readonly request: (i: number) => { readonly path: string; readonly body?: string };
  /** Whether an answer is a correct one (a 200 can still carry GraphQL errors). */
  readonly correct: (status: number, body: string) => boolean;
}

export interface LoadResult {
  readonly seconds: number;
  readonly answers: number;
  readonly wrong: number;
  /** Socket errors and timeouts: requests that got no answer. */
  readonly failed: number;
  readonly latency: Summary;
  /**
   * The slowest answer left out of the measured part because its query was sent before it (in
   * the warm-up): mostly a connection's first answer while the server was still accepting them.
   */
  readonly warmupMaxMs: number;
}

/**
 * A load of `limit.seconds`, or of `limit.requests`. With `warmupS`, the same connections first
 * run unmeasured for that long (so connection set-up is not counted as an answer's latency) and
 * `onMeasure` is awaited when the measured part begins; the result covers that part only.
 */
export function runLoad(
  target: LoadTarget,
  connections: number,
  limit: { readonly seconds: number } | { readonly requests: number },
  warmup:
    | { readonly warmupS: number; readonly onMeasure: () => Promise<void> }
    | undefined = undefined,
): Promise<LoadResult> {
  let sent = 0;
  let wrong = 0;
  let latencies = new Float64Array(1 << 16);
  let answers = 0;
  let started = performance.now();
  const warmupS = warmup && warmup.warmupS > 0 ? warmup.warmupS : 0;
  let measuring = warmupS === 0;
  let warmupFailed: unknown;
  let warmupMaxMs = 0;
  if (warmup && !measuring)
    setTimeout(() => {
      warmup.onMeasure().then(
        () => {
          measuring = true;
          started = performance.now();
        },
        (e: unknown) => {
          warmupFailed = e;
        },
      );
    }, warmupS * 1000);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin,
        connections,
        ...('seconds' in limit
          ? { duration: limit.seconds + warmupS }
          : { amount: limit.requests }),
        timeout: 30,
        method: target.method,
        headers: { ...target.headers },
        requests: [
          {
            setupRequest: (req) => {
              const next = target.request(sent++);
              return {
                ...req,
                path: next.path,
                ...(next.body !== undefined && { body: next.body }),
              };
            },
            onResponse: (status, body) => {
              if (measuring && !target.correct(status, body)) wrong++;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        if (warmupFailed) return reject(warmupFailed);
        if (!measuring) return reject(new Error('the load ended before its measured part began'));
        resolve({
          seconds: (performance.now() - started) / 1000,
          answers,
          wrong,
          failed: result.errors + result.timeouts,
          latency: summarize(latencies.subarray(0, answers)),
          warmupMaxMs,
        });
      },
    );
    // autocannon's own histogram keeps whole milliseconds; the upstream answers in less than one.
    (instance as unknown as NodeJS.EventEmitter).on(
      'response',
      (_client: unknown, _status: number, _bytes: number, ms: number) => {
        // An answer belongs to the part its query was sent in.
        if (!measuring || performance.now() - ms < started) {
          warmupMaxMs = Math.max(warmupMaxMs, ms);
          return;
        }
        if (answers === latencies.length) {
          const grown = new Float64Array(latencies.length * 2);
          grown.set(latencies);
          latencies = grown;
        }
        latencies[answers++] = ms;
      },
    );
  });
}
