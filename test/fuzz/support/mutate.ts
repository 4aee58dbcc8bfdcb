import fc from 'fast-check';
import { cloneJson, defineKey, JsonLiteral } from './json-text.js';

/**
 * Mutators: turn a schema-valid payload into a hostile one. A mutation names its target by an
 * index into the payload's nodes (taken modulo the number of nodes it applies to), so every
 * mutation applies to any payload and fast-check can shrink both the payload and the mutation.
 */

type Obj = Record<string, unknown>;

export const GARBAGE_DECIMALS: readonly string[] = [
  '1e999',
  '-1e999',
  '1E+40',
  '1e-999',
  'NaN',
  'Infinity',
  '-Infinity',
  '1,5',
  '  12 ',
  '\t3.5\n',
  '+5',
  '.5',
  '5.',
  '-0',
  '-0.000',
  '0x10',
  '1_000',
  '١٢',
  '１２',
  '1.2.3',
  '--1',
  '-',
  '.',
  'e5',
  '12e',
  '0.1e2',
  '00012.50',
  '1 000',
  '9'.repeat(45),
  `1${'0'.repeat(39)}.5`,
  `0.${'0'.repeat(60)}1`,
  '12345678901234567890.123456789',
];

export const HUGE_NUMBERS: readonly unknown[] = [
  2n ** 53n + 1n,
  -(2n ** 53n) - 1n,
  10n ** 19n,
  2n ** 63n,
  -(2n ** 63n),
  10n ** 30n,
  new JsonLiteral('1e400'),
  new JsonLiteral('-1e400'),
  new JsonLiteral('1.7976931348623157e309'),
  new JsonLiteral('123456789012345678901234567890.5'),
  new JsonLiteral('-0'),
  new JsonLiteral('1.0'),
  new JsonLiteral('1E2'),
  new JsonLiteral('0.30000000000000000000001'),
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  1.5,
  -1,
  0,
];

export const INVALID_DATES: readonly unknown[] = [
  '2024-02-30T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-01-01T25:00:00Z',
  '2024-01-01T24:00:00Z',
  '2024-01-01',
  '2024-01-01T00:00:00',
  '2024-01-01T00:00:00+25:00',
  '2024-01-01T00:00:00+0530',
  '99999-01-01T00:00:00Z',
  '+275761-01-01T00:00:00Z',
  '2024-01-01T23:59:60Z',
  '2024-01-01t00:00:00z',
  '2024-01-01 00:00:00Z',
  'yesterday',
  '0',
  '',
  'Mon, 01 Jan 2024 00:00:00 GMT',
  '2024-W01-1T00:00:00Z',
  1704067200,
  1704067200000,
  '1704067200',
];

export const CURRENCIES: readonly string[] = [
  'usd',
  'USD',
  'Usd',
  ' usd ',
  '\tusd\n',
  'XXX',
  'XTS',
  'ZZZ',
  'EURO',
  'eu',
  '€',
  '$',
  'xau',
  'US$',
  'jpy',
  'KWD',
  'clf',
  'uyw',
  'mro',
  'std',
  'hrk',
  '',
  ' ',
  'usd\u0000',
  'ｕｓｄ',
  'uſd',
  'ıls',
  'ınr',
  'u\u0301sd',
  'U S D',
];

export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '\u0000',
  '\ud800',
  '\u202e',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell probe, as a plain string
  '${jndi:ldap://x}',
  '%s%n',
  '../..',
  '.',
  '..',
  '\\',
  'x'.repeat(100_000),
  '€'.repeat(20_000),
  '𝒳'.repeat(5_000),
];

export const PROTO_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'toJSON',
  '',
  ' ',
];

function protoObject(key: string, inner: unknown): Obj {
  const o: Obj = {};
  defineKey(o, key, inner);
  return o;
}

/** Nested junk, `depth` levels deep (arrays, objects, or both). */
export function deepJunk(depth: number, shape: 'array' | 'object' | 'mixed'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++)
    v = shape === 'array' || (shape === 'mixed' && i % 2 === 0) ? [v] : { a: v };
  return v;
}

const junkConstants: readonly unknown[] = [
  null,
  0,
  1,
  -1,
  1.5,
  true,
  false,
  [],
  {},
  [null],
  [[]],
  { '': '' },
  [1, 'a', null],
  protoObject('__proto__', { polluted: 'yes', balance: '1', currency: 'usd' }),
  protoObject('constructor', { prototype: { polluted: 'yes' } }),
  protoObject('__proto__', null),
  deepJunk(16, 'mixed'),
  deepJunk(128, 'object'),
  deepJunk(1000, 'array'),
];

/** Any hostile JSON value. */
export const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...junkConstants) },
  { weight: 3, arbitrary: fc.constantFrom(...GARBAGE_DECIMALS) },
  { weight: 2, arbitrary: fc.constantFrom(...HUGE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...INVALID_DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...CURRENCIES) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

export type Mutation =
  | { readonly kind: 'drop'; readonly at: number }
  | { readonly kind: 'set'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'setField'; readonly field: string; readonly value: unknown }
  | { readonly kind: 'retype'; readonly at: number; readonly variant: number }
  | { readonly kind: 'perturb'; readonly at: number; readonly pick: number }
  | { readonly kind: 'negate'; readonly at: number }
  | { readonly kind: 'recase'; readonly at: number; readonly variant: number }
  | { readonly kind: 'addKey'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'nullAll'; readonly leavesOnly: boolean };

/** Mutations of a payload whose top-level fields are `fields` (the schema's property names). */
export function mutationsArb(fields: readonly string[]): fc.Arbitrary<Mutation[]> {
  const at = fc.nat();
  const one: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 3, arbitrary: at.map((i): Mutation => ({ kind: 'drop', at: i })) },
    {
      weight: 4,
      arbitrary: fc.record({ at, value: junkArb }).map((r): Mutation => ({ kind: 'set', ...r })),
    },
    {
      weight: 5,
      arbitrary: fc
        .record({ field: fc.constantFrom(...fields), value: junkArb })
        .map((r): Mutation => ({ kind: 'setField', ...r })),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({ at, variant: fc.nat(3) })
        .map((r): Mutation => ({ kind: 'retype', ...r })),
    },
    {
      weight: 5,
      arbitrary: fc
        .record({ at, pick: fc.nat() })
        .map((r): Mutation => ({ kind: 'perturb', ...r })),
    },
    { weight: 2, arbitrary: at.map((i): Mutation => ({ kind: 'negate', at: i })) },
    {
      weight: 2,
      arbitrary: fc
        .record({ at, variant: fc.nat(4) })
        .map((r): Mutation => ({ kind: 'recase', ...r })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          at,
          key: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })),
          value: junkArb,
        })
        .map((r): Mutation => ({ kind: 'addKey', ...r })),
    },
    {
      weight: 1,
      arbitrary: fc.boolean().map((leavesOnly): Mutation => ({ kind: 'nullAll', leavesOnly })),
    },
  );
  return fc.array(one, { minLength: 1, maxLength: 3 });
}

interface Node {
  readonly parent: Obj | unknown[] | undefined;
  readonly key: string | number | undefined;
  readonly value: unknown;
}

function nodesOf(root: unknown): Node[] {
  const out: Node[] = [{ parent: undefined, key: undefined, value: root }];
  const walk = (v: unknown, depth: number) => {
    // Junk inserted by earlier mutations can be deep: targets stay within the wallet's own shape.
    if (depth > 6 || v === null || typeof v !== 'object' || v instanceof JsonLiteral) return;
    if (Array.isArray(v))
      v.forEach((item, i) => {
        out.push({ parent: v, key: i, value: item });
        walk(item, depth + 1);
      });
    else
      for (const k of Object.keys(v)) {
        const item = (v as Obj)[k];
        out.push({ parent: v as Obj, key: k, value: item });
        walk(item, depth + 1);
      }
  };
  walk(root, 0);
  return out;
}

const isObj = (v: unknown): v is Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonLiteral);

function pick(nodes: readonly Node[], at: number, applies: (n: Node) => boolean): Node | undefined {
  const candidates = nodes.filter(applies);
  return candidates.length === 0 ? undefined : candidates[at % candidates.length];
}

/** Writes `value` at `node`; returns the new root. */
function replace(root: unknown, node: Node, value: unknown): unknown {
  if (node.parent === undefined) return value;
  if (Array.isArray(node.parent)) node.parent[node.key as number] = value;
  else defineKey(node.parent, node.key as string, value);
  return root;
}

function retyped(v: unknown, variant: number): unknown {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof JsonLiteral) {
    return [String(v), { value: v }, [v], String(v).replace('.', ',')][variant % 4];
  }
  if (typeof v === 'string') {
    const n = Number(v);
    return [Number.isFinite(n) && v.trim() !== '' ? n : 0, { value: v }, [v], true][variant % 4];
  }
  if (typeof v === 'boolean') return [String(v), v ? 1 : 0, [v], null][variant % 4];
  if (v === null) return [0, '', {}, []][variant % 4];
  if (Array.isArray(v)) return [{ ...v }, v[0] ?? null, 'array', v.length][variant % 4];
  return [[v], 'object', 1, Object.values(v as Obj)][variant % 4];
}

/**
 * Junk of the same family as the value it replaces, so that it gets past the first type check:
 * decimal strings get garbage decimals, integers huge numbers, timestamps invalid dates,
 * currency codes odd currencies, other strings odd strings.
 */
function perturbed(v: unknown, pick: number): unknown {
  const from = (list: readonly unknown[]) => cloneJson(list[pick % list.length]);
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof JsonLiteral)
    return from(HUGE_NUMBERS);
  if (typeof v !== 'string') return from(junkConstants);
  if (/^-?\d+(\.\d+)?$/.test(v)) return from([...GARBAGE_DECIMALS, ...HUGE_NUMBERS.map(String)]);
  if (/^\d{4}-\d\d-\d\d[Tt ]/.test(v)) return from(INVALID_DATES);
  if (/^[A-Za-z]{3}$/.test(v)) return from(CURRENCIES);
  return from(ODD_STRINGS);
}

function negated(v: unknown): unknown {
  if (typeof v === 'number') return v === 0 ? -1 : -v;
  if (typeof v === 'bigint') return v === 0n ? -1n : -v;
  if (typeof v === 'string') return v.startsWith('-') ? v.slice(1) : `-${v}`;
  return v;
}

function recased(s: string, variant: number): string {
  switch (variant % 5) {
    case 0:
      return s.toUpperCase();
    case 1:
      return s.toLowerCase();
    case 2:
      return [...s].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
    case 3:
      return `  ${s}\t`;
    default:
      return s.normalize('NFD').replace(/[a-z]/, (c) => `${c}\u0301`);
  }
}

function nullAll(v: unknown, leavesOnly: boolean, depth = 0): unknown {
  if (!leavesOnly && depth > 0) return null;
  if (Array.isArray(v)) return v.map((x) => nullAll(x, leavesOnly, depth + 1));
  if (isObj(v)) {
    const out: Obj = {};
    for (const k of Object.keys(v)) defineKey(out, k, nullAll(v[k], leavesOnly, depth + 1));
    return out;
  }
  return null;
}

/** Applies mutations to a copy of `payload`. */
export function applyMutations(payload: unknown, mutations: readonly Mutation[]): unknown {
  let root = cloneJson(payload);
  for (const m of mutations) {
    const nodes = nodesOf(root);
    switch (m.kind) {
      case 'drop': {
        const n = pick(nodes, m.at, (x) => isObj(x.parent));
        if (n) delete (n.parent as Obj)[n.key as string];
        else root = {};
        break;
      }
      case 'set': {
        root = replace(root, nodes[m.at % nodes.length]!, cloneJson(m.value));
        break;
      }
      case 'setField': {
        if (isObj(root)) defineKey(root, m.field, cloneJson(m.value));
        else root = replace(root, nodes[0]!, protoObject(m.field, cloneJson(m.value)));
        break;
      }
      case 'retype': {
        const n = nodes[m.at % nodes.length]!;
        root = replace(root, n, retyped(n.value, m.variant));
        break;
      }
      case 'perturb': {
        const n = pick(
          nodes,
          m.at,
          (x) =>
            x.parent !== undefined &&
            (x.value === null || typeof x.value !== 'object' || x.value instanceof JsonLiteral),
        );
        if (n) root = replace(root, n, perturbed(n.value, m.pick));
        break;
      }
      case 'negate': {
        const n = pick(
          nodes,
          m.at,
          (x) =>
            typeof x.value === 'number' ||
            typeof x.value === 'bigint' ||
            typeof x.value === 'string',
        );
        if (n) root = replace(root, n, negated(n.value));
        break;
      }
      case 'recase': {
        const n = pick(nodes, m.at, (x) => typeof x.value === 'string');
        if (n) root = replace(root, n, recased(n.value as string, m.variant));
        break;
      }
      case 'addKey': {
        const n = pick(nodes, m.at, (x) => isObj(x.value));
        if (n) defineKey(n.value as Obj, m.key, cloneJson(m.value));
        break;
      }
      case 'nullAll': {
        root = nullAll(root, m.leavesOnly);
        break;
      }
    }
  }
  return root;
}
