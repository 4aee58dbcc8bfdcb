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
}

export function runLoad(
  target: LoadTarget,
  connections: number,
  limit: { readonly seconds: number } | { readonly requests: number },
): Promise<LoadResult> {
  let sent = 0;
  let wrong = 0;
  let latencies = new Float64Array(1 << 16);
  let answers = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin,
        connections,
        ...('seconds' in limit ? { duration: limit.seconds } : { amount: limit.requests }),
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
              if (!target.correct(status, body)) wrong++;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          seconds: (performance.now() - started) / 1000,
          answers,
          wrong,
          failed: result.errors + result.timeouts,
          latency: summarize(latencies.subarray(0, answers)),
        });
      },
    );
    // autocannon's own histogram keeps whole milliseconds; the upstream answers in less than one.
    (instance as unknown as NodeJS.EventEmitter).on(
      'response',
      (_client: unknown, _status: number, _bytes: number, ms: number) => {
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
