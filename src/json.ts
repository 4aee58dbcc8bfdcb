import { Decimal } from 'decimal.js';
import { isInteger, parse } from 'lossless-json';

/** Deeper than any provider payload: a bound so printing `raw` can never overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * A JSON number that is not an integer (`12.50`, `0.1`, `1e-3`), kept as the text it arrived
 * as: a money value sent as a number is read from this text, exactly and with its scale, never
 * through a float. To the wire schemas it is neither a number nor a string; the decimal readers
 * (providers/wire.ts) accept it.
 */
export class JsonNumber {
  constructor(readonly text: string) {}
  /** In `raw`: a JSON number where a double holds the same value, else its exact text. */
  toJSON(): number | string {
    const n = Number(this.text);
    return Number.isFinite(n) && new Decimal(this.text).eq(new Decimal(n)) ? n : this.text;
  }
}

function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/**
 * JSON.parse that never rounds: integers are numbers (bigint beyond 2^53, e.g. minor units of
 * large balances); every other number is a JsonNumber holding its text. Refuses nesting beyond
 * MAX_JSON_DEPTH.
 */
export function parseJsonExact(text: string): unknown {
  if (nestingDepth(text) > MAX_JSON_DEPTH)
    throw new SyntaxError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  return parse(text, null, (value) => {
    if (!isInteger(value)) return new JsonNumber(value);
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : BigInt(value);
  });
}

/**
 * Makes a parsed payload printable as JSON again: bigints go out as their exact digits,
 * JsonNumbers as numbers where exact.
 */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof JsonNumber) return value.toJSON();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  return value;
}
