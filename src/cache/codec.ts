import { Decimal } from 'decimal.js';
import { decimalWithScale, recordedScale } from '../domain/money.js';
import { Unreadable } from '../domain/part.js';
import { ALERTS_ON_REQUEST } from '../domain/wallet.js';
import { JsonNumber } from '../json.js';

/**
 * Translated wallets as text for the shared (Redis) tier, and back, exactly: a decimal keeps its
 * digits and the scale it arrived with, a date its millisecond, an unreadable part its provider,
 * wire field and reason, `raw` its exact numbers (JsonNumber text, bigints). Plain JSON with
 * one-key tag objects (`{"$d": …}`); a key of the data that starts with `$` is written with one
 * more `$`, so no upstream key in `raw` can pass for a tag. Anything else (a class the codec does
 * not know) throws: such a value is kept in the local tier only.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TAGS = ['$d', '$t', '$u', '$n', '$b', '$a', '$x'] as const;
type Tag = (typeof TAGS)[number];
const isTag = (key: string): key is Tag => (TAGS as readonly string[]).includes(key);

/** Sets an own property, `__proto__` included (a JSON key like any other). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function tagged(tag: Tag, value: Json): Json {
  return { [tag]: value };
}

function encodeValue(value: unknown, depth: number): Json {
  if (depth > 100) throw new Error('value nested too deeply to cache');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value === undefined) return tagged('$x', 0);
  if (typeof value === 'number') {
    // NaN and infinities are not JSON: kept as their text.
    return Number.isFinite(value) ? value : tagged('$x', String(value));
  }
  if (typeof value === 'bigint') return tagged('$b', value.toString());
  if (value === ALERTS_ON_REQUEST) return tagged('$a', 1);
  if (Decimal.isDecimal(value)) {
    const d = value as Decimal;
    return tagged('$d', [d.toFixed(), recordedScale(d as never) ?? null]);
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    return tagged('$t', Number.isNaN(ms) ? null : ms);
  }
  if (value instanceof Unreadable) return tagged('$u', [value.provider, value.part, value.reason]);
  if (value instanceof JsonNumber) return tagged('$n', value.text);
  if (Array.isArray(value)) return value.map((item) => encodeValue(item, depth + 1));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value))
      put(out, key.startsWith('$') ? `$${key}` : key, encodeValue(item, depth + 1));
    return out;
  }
  throw new Error(`cannot cache a ${Object.prototype.toString.call(value)}`);
}

function decodeTag(tag: Tag, body: Json): unknown {
  switch (tag) {
    case '$d': {
      const [digits, scale] = body as [string, number | null];
      return decimalWithScale(digits, scale ?? undefined);
    }
    case '$t':
      return new Date(body === null ? Number.NaN : (body as number));
    case '$u': {
      const [provider, part, reason] = body as [string, string, string];
      return new Unreadable(provider, part, reason);
    }
    case '$n':
      return new JsonNumber(body as string);
    case '$b':
      return BigInt(body as string);
    case '$a':
      return ALERTS_ON_REQUEST;
    case '$x':
      return body === 0 ? undefined : Number(body);
  }
}

function decodeValue(value: Json): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const keys = Object.keys(value);
  if (keys.length === 1 && isTag(keys[0]!)) return decodeTag(keys[0] as Tag, value[keys[0]!]!);
  const out: Record<string, unknown> = {};
  for (const key of keys)
    put(out, key.startsWith('$$') ? key.slice(1) : key, decodeValue(value[key]!));
  return out;
}

/** The value as text for Redis; throws for a value the codec cannot write exactly. */
export function encode(value: unknown): string {
  return JSON.stringify(encodeValue(value, 0));
}

export function decode(text: string): unknown {
  return decodeValue(JSON.parse(text) as Json);
}
