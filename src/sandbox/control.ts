import type { SandboxRequest, SandboxResponse, SandboxRouter } from './http.js';

/**
 * A control surface for demos and the benchmark: `POST /__sandbox/top-up` and
 * `POST /__sandbox/consume` with `{wallet_id, amount}`, amount in the provider's natural unit.
 * These paths need no provider credentials (and are the only ones that don't); every change goes
 * through the store, so it emits the same webhooks as any other change.
 */

export const CONTROL_PREFIX = '/__sandbox/';

export function isControlPath(path: string): boolean {
  return path.startsWith(CONTROL_PREFIX);
}

export interface ControlActions<A> {
  /** Reads the amount; undefined when it is not valid for this provider. */
  parseAmount(value: unknown): A | undefined;
  /** Each returns the wallet as the provider serialises it, or undefined for an unknown wallet. */
  topUp(walletId: string, amount: A): unknown;
  consume(walletId: string, amount: A): unknown;
}

const problem = (status: number, error: string): SandboxResponse => ({ status, body: { error } });

export function addControlRoutes<A>(router: SandboxRouter, actions: ControlActions<A>): void {
  const handle =
    (action: 'topUp' | 'consume') =>
    (req: SandboxRequest): SandboxResponse => {
      const { wallet_id: walletId, amount: rawAmount } = (req.body ?? {}) as {
        wallet_id?: unknown;
        amount?: unknown;
      };
      if (typeof walletId !== 'string' || walletId === '')
        return problem(400, 'wallet_id (string) is required');
      const amount = actions.parseAmount(rawAmount);
      if (amount === undefined) return problem(400, 'amount is missing or invalid');
      try {
        const wallet = actions[action](walletId, amount);
        return wallet === undefined
          ? problem(404, 'wallet not found')
          : { status: 200, body: { wallet } };
      } catch (e) {
        // Store rules (inactive wallet, out-of-range balance) are the caller's mistake here.
        return problem(422, e instanceof Error ? e.message : String(e));
      }
    };
  router
    .on('POST', `${CONTROL_PREFIX}top-up`, handle('topUp'))
    .on('POST', `${CONTROL_PREFIX}consume`, handle('consume'));
}

/** A positive decimal credit amount, as a string or a JSON number. */
export function positiveDecimal(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return typeof text === 'string' && /^\d+(\.\d+)?$/.test(text) && /[1-9]/.test(text)
    ? text
    : undefined;
}

/** A positive integer amount of cents, as a JSON integer or an integer string. */
export function positiveCents(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return BigInt(value);
  if (typeof value === 'string' && /^[1-9]\d*$/.test(value)) return BigInt(value);
  return undefined;
}
