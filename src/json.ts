import { isInteger, isSafeNumber, parse } from 'lossless-json';

/** Deeper than any provider payload: a bound so printing `raw` can never overflow the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * A JSON number a double cannot hold exactly. It is neither a number nor a string to the wire
 * schemas (so a decimal field that must be a string still refuses it) and prints as its exact text.
 */
export class InexactNumber {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
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
 * JSON.parse that never rounds: integers beyond 2^53 (minor units of large balances) become
 * bigint; other numbers a double would round become InexactNumber. Refuses nesting beyond
 * MAX_JSON_DEPTH.
 */
export function parseJsonExact(text: string): unknown {
  if (nestingDepth(text) > MAX_JSON_DEPTH)
    throw new SyntaxError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  return parse(text, null, (value) => {
    if (isSafeNumber(value)) return Number(value);
    return isInteger(value) ? BigInt(value) : new InexactNumber(value);
  });
}

/** Makes a parsed payload printable as JSON again: bigints and inexact numbers go out as their exact digits. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof InexactNumber) return value.text;
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  return value;
}
