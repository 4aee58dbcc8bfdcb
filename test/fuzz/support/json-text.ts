/**
 * JSON text for fuzz payloads. A payload is plain JSON data plus two things JSON.stringify cannot
 * write: bigints (integers beyond 2^53, written as their exact digits) and `JsonLiteral`s (number
 * text written verbatim: `1e999`, `-0`, `1.0`, `123456789012345678901234567890.5`).
 *
 * Keys are written as own properties, `__proto__` included: payloads are built with
 * `defineProperty`, never with assignment (which would set the prototype instead).
 */

export class JsonLiteral {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function toJsonText(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof JsonLiteral) return value.text;
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      // Non-finite numbers cannot be written as JSON; generators never produce them.
      if (!Number.isFinite(value)) throw new Error(`non-finite number in a fuzz payload: ${value}`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
      return `{${Object.keys(value)
        .map((k) => `${JSON.stringify(k)}:${toJsonText((value as Record<string, unknown>)[k])}`)
        .join(',')}}`;
    default:
      throw new Error(`not JSON: ${typeof value}`);
  }
}

/** Sets an own property, even `__proto__`. */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A deep copy that keeps own `__proto__` keys, bigints and literals. */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object' || value instanceof JsonLiteral) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value))
    defineKey(out, k, cloneJson((value as Record<string, unknown>)[k]));
  return out as T;
}

/** For printing a failing payload: the JSON text, cut to a readable length. */
export function preview(value: unknown, max = 4000): string {
  let text: string;
  try {
    text = toJsonText(value);
  } catch (e) {
    text = `<unprintable: ${(e as Error).message}>`;
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
