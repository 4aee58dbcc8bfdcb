import { type Readable, Unreadable } from '../../src/domain/part.js';
import {
  ALERTS_ON_REQUEST,
  type AlertSettings,
  type AlertThreshold,
  type Wallet,
} from '../../src/domain/wallet.js';
import { GatewayError } from '../../src/errors.js';
import type { Result } from '../../src/providers/provider.js';

/** A part that must have been read; fails the test (naming the part) when it was not. */
export function known<T>(value: Readable<T>): T {
  if (value instanceof Unreadable)
    throw new Error(`expected ${value.part} to be readable: ${value.reason}`);
  return value;
}

/** A part that must be unreadable: its wire field name. */
export function unreadablePart(value: unknown): string {
  if (!(value instanceof Unreadable))
    throw new Error(`expected an unreadable part, got ${String(value)}`);
  return value.part;
}

/** The translated wallet (fails the test on an error). */
export function wallet(r: Result<Wallet>): Wallet {
  if (r instanceof GatewayError) throw new Error(`expected a wallet, got ${r.code}: ${r.message}`);
  return r;
}

/** A wallet's alert settings as translated inline (not behind a separate call). */
export function alerts(w: Wallet): AlertSettings | null {
  if (w.alertSettings === ALERTS_ON_REQUEST) throw new Error('alerts are behind a separate call');
  return known(w.alertSettings as Readable<AlertSettings | null>);
}

/** The readable thresholds of alert settings. */
export function thresholds(a: AlertSettings | null): AlertThreshold[] {
  return (a?.thresholds ?? []).map(known);
}
