import { setFlagsFromString } from 'node:v8';

/**
 * Caps how far V8 lets the old generation grow between full collections. Under load most of what
 * reaches it is short-lived request garbage promoted early, and V8's own growth factor lets that
 * pile up to several times what survives a collection; a fixed small factor collects it sooner,
 * at a little CPU. A heap-growing flag, unlike the heap size limits, is read at every collection, so
 * setting it at start-up takes effect. 0 leaves V8's own growth.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
