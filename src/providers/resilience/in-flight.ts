import { createHash } from 'node:crypto';

/**
 * Identical calls in flight at the same moment share one execution. Nothing is kept once it
 * settles: a later identical call goes upstream again (this is de-duplication, not a cache).
 */
export class InFlight<T> {
  private readonly calls = new Map<string, Promise<T>>();

  get size(): number {
    return this.calls.size;
  }

  /**
   * `joined` tells whether the caller rode on a call already in flight. A `fresh` caller never
   * joins: it starts its own call, which later identical callers then share.
   */
  run(
    key: string,
    start: () => Promise<T>,
    fresh = false,
  ): { promise: Promise<T>; joined: boolean } {
    const running = this.calls.get(key);
    if (running && !fresh) return { promise: running, joined: true };
    const promise = start().finally(() => {
      if (this.calls.get(key) === promise) this.calls.delete(key);
    });
    this.calls.set(key, promise);
    return { promise, joined: false };
  }
}

/**
 * Method + full URL + a digest of every header sent: two GETs share an answer only when the
 * provider would see the same request, credentials included (a Polar portal call with another
 * customer's session token is a different request). Header values are hashed, never kept.
 */
export function requestKey(
  method: string,
  url: URL,
  headers: Readonly<Record<string, string>>,
): string {
  const digest = createHash('sha256');
  for (const [name, value] of Object.entries(headers)
    .map(([k, v]) => [k.toLowerCase(), v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    digest.update(`${name}\n${value}\n`);
  }
  return `${method} ${url.href} ${digest.digest('base64url')}`;
}
