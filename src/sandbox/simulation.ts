import type { Sandboxes } from './index.js';

/**
 * A gentle usage simulation for `npm start`: every few seconds one sandbox takes one step of its
 * own (a little usage on one of hooli_1234's wallets, a top-up when it runs low), through its
 * store, so the sandboxes emit their signed webhooks and a newcomer subscribed in GraphiQL sees
 * live changes.
 */
export function startUsageSimulation(
  sandboxes: Pick<Sandboxes, 'all'>,
  intervalMs: number,
  random: () => number = Math.random,
): () => void {
  const timer = setInterval(() => {
    const pick = sandboxes.all[Math.floor(random() * sandboxes.all.length)];
    try {
      pick?.sandbox.simulateUsage(random);
    } catch {
      // A demo step that finds its wallet closed or changed by hand just skips a beat.
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
