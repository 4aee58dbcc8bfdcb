import fc from 'fast-check';
import { defineKey } from './json-text.js';

/**
 * JSON Schema (as OpenAPI 3.0 and 3.1 write it) -> a fast-check arbitrary of instances.
 *
 * Covers what the providers' wallet schemas use: `$ref` (local), `type` (string or array),
 * OpenAPI 3.0 `nullable`, `enum`, `const`, `allOf` / `oneOf` / `anyOf`, `properties` +
 * `required` + `additionalProperties`, `items` with min/max, string `format` (date-time, date,
 * uuid, uuid4), `pattern`, `example(s)`, integer/number bounds. Every instance is meant to
 * validate against the schema; the fuzz tests check that with Ajv.
 *
 * A schema nothing can satisfy (Flexprice's `types.Duration` is `type: object` with a string
 * `enum`) yields no arbitrary: an optional property with such a schema is left out.
 */

type Json = Record<string, unknown>;

export interface SchemaArbitraryOptions {
  /** The document local `$ref`s point into. */
  readonly document: Json;
  /** Chance an optional property is present, 0..1. */
  readonly optionalPresence: number;
  /** Add unknown properties where `additionalProperties` allows them (spec-valid; zod must let them pass). */
  readonly extraProperties: boolean;
  /** Largest magnitude of an unbounded `integer` (beyond 2^53 they are written as exact JSON digits). */
  readonly integerMagnitude: bigint;
  /**
   * `wire`: date-times as servers print them (Z or ±hh:mm, 0-9 fraction digits).
   * `rfc3339`: also the forms RFC 3339 / Ajv accept that servers rarely print (lower-case t/z,
   * space separator, ±hhmm offsets, -00:00, leap second, years 0000-0999).
   */
  readonly dateTimes: 'wire' | 'rfc3339';
  readonly maxDepth?: number;
}

const ABSENT = Symbol('absent');

export function schemaArbitrary(
  schema: Json,
  options: SchemaArbitraryOptions,
): fc.Arbitrary<unknown> {
  const maxDepth = options.maxDepth ?? 12;

  function resolve(ref: string): Json {
    if (!ref.startsWith('#/')) throw new Error(`only local refs are supported: ${ref}`);
    return ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<Json>((node, key) => {
        const next = node[key];
        if (!next || typeof next !== 'object') throw new Error(`unresolvable ref ${ref}`);
        return next as Json;
      }, options.document);
  }

  function deref(s: Json): Json {
    let current = s;
    for (let hops = 0; typeof current.$ref === 'string'; hops++) {
      if (hops > 20) throw new Error('ref cycle');
      current = resolve(current.$ref as string);
    }
    return current;
  }

  function mergeAllOf(s: Json): Json {
    const parts = [{ ...s, allOf: undefined }, ...(s.allOf as Json[]).map((p) => deref(p))];
    const merged: Json = {};
    const properties: Json = {};
    const required = new Set<string>();
    for (const part of parts) {
      const p = part.allOf ? mergeAllOf(part) : part;
      Object.assign(merged, p);
      Object.assign(properties, p.properties ?? {});
      for (const r of (p.required as string[] | undefined) ?? []) required.add(r);
    }
    delete merged.allOf;
    if (Object.keys(properties).length > 0) merged.properties = properties;
    if (required.size > 0) merged.required = [...required];
    return merged;
  }

  function typeMatches(value: unknown, type: string): boolean {
    switch (type) {
      case 'null':
        return value === null;
      case 'array':
        return Array.isArray(value);
      case 'object':
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      case 'integer':
        return Number.isInteger(value);
      default:
        return typeof value === type;
    }
  }

  function typesOf(s: Json): string[] {
    const declared = Array.isArray(s.type)
      ? (s.type as string[])
      : typeof s.type === 'string'
        ? [s.type]
        : [];
    const types =
      declared.length > 0
        ? [...declared]
        : s.properties || s.additionalProperties
          ? ['object']
          : s.items
            ? ['array']
            : [];
    if (s.nullable === true && !types.includes('null')) types.push('null');
    return types;
  }

  function gen(raw: Json, depth: number): fc.Arbitrary<unknown> | undefined {
    if (depth > maxDepth) return undefined;
    const s = raw.allOf ? mergeAllOf(deref(raw)) : deref(raw);
    if (s.allOf) return gen(mergeAllOf(s), depth);
    if ('const' in s) return fc.constant(s.const);
    const types = typesOf(s);
    if (Array.isArray(s.enum)) {
      const values = (s.enum as unknown[]).filter(
        (v) => types.length === 0 || types.some((t) => typeMatches(v, t)),
      );
      if (types.includes('null') && !values.includes(null)) values.push(null);
      return values.length > 0 ? fc.constantFrom(...values) : undefined;
    }
    const branches = (s.oneOf ?? s.anyOf) as Json[] | undefined;
    if (branches) {
      const arbs = branches
        .map((b) => gen(b, depth + 1))
        .filter((a): a is fc.Arbitrary<unknown> => a !== undefined);
      if (s.nullable === true) arbs.push(fc.constant(null));
      return arbs.length > 0 ? fc.oneof(...arbs) : undefined;
    }
    if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
    const arbs = types
      .map((t) => genType(t, s, depth))
      .filter((a): a is fc.Arbitrary<unknown> => a !== undefined);
    return arbs.length > 0 ? fc.oneof(...arbs) : undefined;
  }

  function genType(type: string, s: Json, depth: number): fc.Arbitrary<unknown> | undefined {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return integerArb(s);
      case 'number':
        return numberArb(s);
      case 'string':
        return stringArb(s);
      case 'array': {
        const items = gen((s.items as Json | undefined) ?? {}, depth + 1);
        if (!items) return (s.minItems as number | undefined) ? undefined : fc.constant([]);
        const minLength = (s.minItems as number | undefined) ?? 0;
        const maxLength = Math.max(minLength, Math.min((s.maxItems as number | undefined) ?? 3, 3));
        return fc.array(items, { minLength, maxLength });
      }
      case 'object':
        return objectArb(s, depth);
      default:
        return undefined;
    }
  }

  function integerArb(s: Json): fc.Arbitrary<unknown> {
    const min =
      typeof s.minimum === 'number'
        ? s.minimum
        : typeof s.exclusiveMinimum === 'number'
          ? s.exclusiveMinimum + 1
          : undefined;
    const max =
      typeof s.maximum === 'number'
        ? s.maximum
        : typeof s.exclusiveMaximum === 'number'
          ? s.exclusiveMaximum - 1
          : undefined;
    if (min !== undefined || max !== undefined)
      return fc.integer({ min: min ?? -1_000_000, max: max ?? 1_000_000_000 });
    const m = options.integerMagnitude;
    return fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -100_000, max: 10_000_000 }) },
      { weight: 2, arbitrary: fc.maxSafeInteger() },
      // Beyond 2^53 these are bigints: written as exact JSON digits, parsed back as bigint.
      {
        weight: 1,
        arbitrary: fc
          .bigInt({ min: -m, max: m })
          .map((b) =>
            b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER)
              ? Number(b)
              : b,
          ),
      },
    );
  }

  function numberArb(s: Json): fc.Arbitrary<unknown> {
    const min = typeof s.minimum === 'number' ? s.minimum : -1e12;
    const max = typeof s.maximum === 'number' ? s.maximum : 1e12;
    return fc.oneof(
      fc.integer({ min: Math.max(min, -1_000_000), max: Math.min(max, 1_000_000) }),
      fc
        .double({ min, max, noNaN: true, noDefaultInfinity: true })
        .map((d) => (Object.is(d, -0) ? 0 : d)),
    );
  }

  function stringArb(s: Json): fc.Arbitrary<unknown> {
    const minLength = (s.minLength as number | undefined) ?? 0;
    const maxLength = (s.maxLength as number | undefined) ?? 24;
    const bounded = (a: fc.Arbitrary<string>) =>
      a.filter((v) => v.length >= minLength && v.length <= maxLength);
    switch (s.format) {
      case 'date-time':
        return dateTimeArb(options.dateTimes);
      case 'date':
        return fc
          .date({
            min: new Date('1970-01-01T00:00:00Z'),
            max: new Date('2100-01-01T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString().slice(0, 10));
      case 'uuid':
        return fc.uuid();
      case 'uuid4':
        return fc.uuid({ version: 4 });
      default:
        break;
    }
    if (typeof s.pattern === 'string')
      return bounded(fc.stringMatching(new RegExp(s.pattern), { maxLength }));
    const examples = [
      ...(s.example !== undefined ? [s.example] : []),
      ...((s.examples as unknown[] | undefined) ?? []),
    ].filter((e): e is string => typeof e === 'string');
    return fc.oneof(
      ...(examples.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...examples) }] : []),
      {
        weight: 3,
        arbitrary: bounded(fc.string({ minLength, maxLength: Math.min(maxLength, 16) })),
      },
      {
        weight: 1,
        arbitrary: bounded(
          fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, 8) }),
        ),
      },
    );
  }

  function objectArb(s: Json, depth: number): fc.Arbitrary<unknown> {
    const properties = (s.properties ?? {}) as Record<string, Json>;
    const required = new Set((s.required as string[] | undefined) ?? []);
    const entries: Record<string, fc.Arbitrary<unknown>> = {};
    const present = Math.round(options.optionalPresence * 10);
    for (const [key, propSchema] of Object.entries(properties)) {
      const arb = gen(propSchema, depth + 1);
      if (!arb) {
        if (required.has(key)) entries[key] = fc.constant(null);
        continue;
      }
      entries[key] = required.has(key)
        ? arb
        : fc.oneof(
            { weight: present, arbitrary: arb },
            { weight: 10 - present, arbitrary: fc.constant(ABSENT) },
          );
    }
    // A required key the schema does not describe (Lago's `balance`): any JSON value.
    for (const key of required)
      if (!(key in properties)) entries[key] = fc.jsonValue({ maxDepth: 1 });

    const additional = s.additionalProperties;
    const minKeys = (s.minProperties as number | undefined) ?? 0;
    let extras: fc.Arbitrary<Record<string, unknown>> = fc.constant({});
    if (additional && typeof additional === 'object') {
      const valueArb = gen(additional as Json, depth + 1);
      if (valueArb)
        extras = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), valueArb, {
          minKeys,
          maxKeys: Math.max(minKeys, 3),
        });
    } else if (additional !== false && options.extraProperties) {
      extras = fc.dictionary(
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 2 },
      );
    }
    return fc.tuple(fc.record(entries), extras).map(([declared, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(extra))
        if (!Object.hasOwn(properties, k) && !required.has(k)) defineKey(out, k, v);
      for (const [k, v] of Object.entries(declared)) if (v !== ABSENT) defineKey(out, k, v);
      return out;
    });
  }

  const root = gen(schema, 0);
  if (!root) throw new Error('the schema is unsatisfiable');
  return root;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** RFC 3339 date-times. Every form here is valid for Ajv's `date-time` format. */
export function dateTimeArb(mode: 'wire' | 'rfc3339'): fc.Arbitrary<string> {
  const instant = fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const offsetMinutes = fc.integer({ min: -14 * 4, max: 14 * 4 }).map((q) => q * 15);
  // 0 to 9 fraction digits (Go prints up to nine, Rails three or none).
  const fraction = fc
    .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }))
    .map(([digits, n]) => (digits === 0 ? '' : `.${String(n).padStart(9, '0').slice(0, digits)}`));

  const render = (
    d: Date,
    offset: number,
    frac: string,
    opts: { t?: string; z?: string; colon?: boolean } = {},
  ) => {
    const local = new Date(d.getTime() + offset * 60_000);
    const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
    const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${frac}`;
    const sign = offset < 0 ? '-' : '+';
    const zone =
      offset === 0 && opts.z !== undefined
        ? opts.z
        : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${opts.colon === false ? '' : ':'}${pad(Math.abs(offset) % 60)}`;
    return `${date}${opts.t ?? 'T'}${time}${zone}`;
  };

  const wire = fc.oneof(
    instant.map((d) => d.toISOString()),
    instant.map((d) => `${d.toISOString().slice(0, 19)}Z`),
    fc.tuple(instant, fraction).map(([d, f]) => render(d, 0, f, { z: 'Z' })),
    fc.tuple(instant, offsetMinutes, fraction).map(([d, o, f]) => render(d, o, f)),
  );
  if (mode === 'wire') return wire;
  return fc.oneof(
    { weight: 4, arbitrary: wire },
    {
      weight: 1,
      arbitrary: fc.tuple(instant, fraction).map(([d, f]) => render(d, 0, f, { t: 't', z: 'z' })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(instant, fraction).map(([d, f]) => render(d, 0, f, { t: ' ', z: 'Z' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          instant,
          offsetMinutes.filter((o) => o !== 0),
        )
        .map(([d, o]) => render(d, o, '', { colon: false })),
    },
    { weight: 1, arbitrary: instant.map((d) => `${d.toISOString().slice(0, 19)}-00:00`) },
    // A leap second: RFC 3339 allows hh:mm:60 at 23:59 UTC.
    { weight: 1, arbitrary: instant.map((d) => `${d.toISOString().slice(0, 10)}T23:59:60Z`) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 0, max: 999 }).map((y) => `${pad(y, 4)}-01-01T00:00:00Z`),
    },
  );
}
