import { isInteger, isSafeNumber, parse } from 'lossless-json';

/**
 * JSON.parse that never rounds: integers beyond 2^53 (minor units of large balances) become
 * bigint; other numbers JSON.parse would round are kept as their exact decimal text.
 */
export function parseJsonExact(text: string): unknown {
  return parse(text, null, (value) => {
    if (isSafeNumber(value)) return Number(value);
    return isInteger(value) ? BigInt(value) : value;
  });
}

/** Makes a parsed payload printable as JSON again: bigints go out as their exact digits. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  return value;
}
