import { Dec } from '../domain/money.js';
import type { Sandboxes } from './index.js';

/**
 * A gentle usage simulation for `npm start`: every few seconds one of hooli_1234's wallets is
 * consumed a little (and topped up when it runs low), through the sandbox stores, so the
 * sandboxes emit their signed webhooks and a newcomer subscribed in GraphiQL sees live changes.
 */
export function startUsageSimulation(
  sandboxes: Sandboxes,
  intervalMs: number,
  random: () => number = Math.random,
): () => void {
  const steps: (() => void)[] = [
    () => {
      const w = sandboxes.lago.store.wallet('1a901a90-1a90-4a90-8a90-000000000001');
      if (w?.status !== 'active') return;
      if (new Dec(w.credits_balance).lt(5)) sandboxes.lago.store.grantCredits(w.lago_id, '20.0');
      else sandboxes.lago.store.consumeCredits(w.lago_id, '0.5');
    },
    () => {
      const w = sandboxes.flexprice.store
        .activeWalletsOf(sandboxes.flexprice.store.customerByLookupKey('hooli_1234')?.id ?? '')
        .find((x) => x.currency === 'usd');
      if (!w) return;
      if (sandboxes.flexprice.store.realTime(w).creditBalance.lt(2)) {
        sandboxes.flexprice.store.topUp(w.id, '10', { reason: 'PURCHASED_CREDIT_DIRECT' });
      } else {
        sandboxes.flexprice.store.consume(w.id, '0.25');
      }
    },
    () => {
      const w = sandboxes.polar.store.wallet('7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11');
      if (!w) return;
      if (w.balance < 1000n) sandboxes.polar.store.topUp(w.id, 2000);
      else sandboxes.polar.store.consume(w.id, 25);
    },
  ];
  const timer = setInterval(() => {
    try {
      steps[Math.floor(random() * steps.length)]!();
    } catch {
      // A demo step that finds its wallet closed or changed by hand just skips a beat.
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
