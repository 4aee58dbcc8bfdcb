import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../src/cache/codec.js';
import { Dec, decimalString, parseDecimal, recordedScale } from '../../src/domain/money.js';
import { Unreadable } from '../../src/domain/part.js';
import { ALERTS_ON_REQUEST, type Wallet } from '../../src/domain/wallet.js';
import { JsonNumber, parseJsonExact } from '../../src/json.js';
import { type Stack, startStack } from '../helpers/stack.js';

/**
 * The Redis tier's codec: every translated wallet the sandboxes serve, and the awkward values
 * (scales, unreadable parts, exact numbers in `raw`, keys that look like the codec's tags),
 * decode to what was encoded, exactly.
 */

/** Everything about a value, scales and classes included, as text: two equal prints are equal values. */
function print(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (v instanceof Dec) return `Dec(${v.toFixed()}, scale ${recordedScale(v)})`;
    if (v instanceof Date) return `Date(${v.getTime()})`;
    if (v instanceof Unreadable) return `Unreadable(${v.provider}, ${v.part}, ${v.reason})`;
    if (v instanceof JsonNumber) return `JsonNumber(${v.text})`;
    if (typeof v === 'bigint') return `BigInt(${v})`;
    if (v === undefined) return 'undefined';
    if (v === ALERTS_ON_REQUEST) return 'ALERTS_ON_REQUEST';
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return JSON.stringify(walk(value));
}

const roundTrip = <T>(value: T): T => decode(encode(value)) as T;

let stack: Stack;
let wallets: Wallet[];

beforeAll(async () => {
  stack = await startStack({}, { sandboxMode: true });
  wallets = (
    await Promise.all(stack.gateway.registry.list().map((p) => p.listWallets({})))
  ).flatMap((list) => [...list.wallets]);
});
afterAll(() => stack.close());

describe('wallet cache codec', () => {
  it("every sandbox wallet of every provider round-trips exactly (decimals with their scale, dates, raw's numbers)", () => {
    expect(new Set(wallets.map((w) => w.provider))).toEqual(
      new Set(['LAGO', 'FLEXPRICE', 'POLAR']),
    );
    expect(wallets.length).toBeGreaterThanOrEqual(8);
    for (const w of wallets) {
      const back = roundTrip(w);
      expect(print(back)).toBe(print(w));
      expect(back).toStrictEqual(w);
      expect(decimalString(back.balance.amount)).toBe(decimalString(w.balance.amount));
      expect(back.fetchedAt).toBeInstanceOf(Date);
    }
  });

  it('keeps a scale above the digits ("28.0" stays 28.0) and values with no recorded scale', () => {
    const scaled = parseDecimal('28.000');
    const plain = new Dec('12345678901234567890.123456789');
    const [a, b] = roundTrip([scaled, plain]);
    expect(decimalString(a!)).toBe('28.000');
    expect(recordedScale(a!)).toBe(3);
    expect(recordedScale(b!)).toBeUndefined();
    expect(decimalString(b!)).toBe('12345678901234567890.123456789');
  });

  it('unreadable parts keep provider, wire field and reason; alerts on request stay the marker', () => {
    const value = {
      name: new Unreadable('LAGO', 'name', 'Expected string'),
      alertSettings: ALERTS_ON_REQUEST,
      missing: undefined,
      invalid: new Date(Number.NaN),
    };
    const back = roundTrip(value);
    expect(back.name).toBeInstanceOf(Unreadable);
    expect(back.name).toEqual(value.name);
    expect(back.alertSettings).toBe(ALERTS_ON_REQUEST);
    expect('missing' in back && back.missing === undefined).toBe(true);
    expect(Number.isNaN(back.invalid.getTime())).toBe(true);
  });

  it("raw: exact numbers, bigints, and keys that look like the codec's tags or __proto__", () => {
    const raw = parseJsonExact(
      '{"$d":["1",2],"$$t":1,"$":true,"__proto__":{"x":1},"n":12.50,"big":12345678901234567890123,' +
        '"list":[{"$u":0},0.1,null]}',
    );
    const back = roundTrip({ raw });
    expect(print(back)).toBe(print({ raw }));
    expect(Object.getPrototypeOf(back.raw)).toBe(Object.prototype);
    expect(Object.keys(back.raw as object)).toEqual(Object.keys(raw as object));
  });

  it('refuses what it cannot write exactly (such a value stays in the local tier)', () => {
    expect(() => encode({ when: new Map() })).toThrow(/cannot cache/);
  });
});
