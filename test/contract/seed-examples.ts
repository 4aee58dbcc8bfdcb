import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * The seed documents (test/contract/seeds/, copied verbatim from the shared seeds folder by
 * `npm run sync-contract`) read as data: their JSON examples, their attribute lists, Polar's SDK
 * field table and the OpenAPI fragment of the webhook page. Fixtures are derived from these, so
 * a changed seed changes what the tests expect.
 */

const SEEDS = new URL('./seeds/', import.meta.url);

export const SEED_FILES = {
  polarWallet: '000_d91774b6d644b13e.txt',
  lagoWallet: '001_96766b540f1a53be.txt',
  flexpriceCustomerWallets: '003_2071812c2e483089.txt',
  flexpriceWalletCreated: '004_e03c95cd0bd64812.txt',
} as const;

export function seedText(file: string): string {
  return readFileSync(new URL(file, SEEDS), 'utf8');
}

/** The first JSON value in a text (the example a documentation page opens with), and where it ends. */
export function firstJsonValue(text: string): { value: unknown; source: string } {
  const starts = [text.indexOf('{'), text.indexOf('[')].filter((i) => i >= 0);
  if (starts.length === 0) throw new Error('no JSON value in the text');
  const start = Math.min(...starts);
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        const source = text.slice(start, i + 1);
        return { value: JSON.parse(source), source };
      }
    }
  }
  throw new Error('unterminated JSON value');
}

const TYPES = new Set(['object', 'boolean', 'string', 'integer', 'number', 'array', 'enum<string>']);

/**
 * A documentation page's attribute list (`name` / `type` / `required`? / description …) after
 * `marker`: each attribute's documented type and whether it is required.
 */
export function attributeTypes(
  text: string,
  marker: string,
): Map<string, { type: string; required: boolean }> {
  const lines = text
    .slice(text.indexOf(marker) + marker.length)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const found = new Map<string, { type: string; required: boolean }>();
  for (let i = 0; i + 1 < lines.length; i++) {
    if (/^[a-z_]+$/.test(lines[i]!) && TYPES.has(lines[i + 1]!))
      found.set(lines[i]!, { type: lines[i + 1]!, required: lines[i + 2] === 'required' });
  }
  return found;
}

export interface SdkField {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly example: string;
}

/** A Speakeasy SDK field table (`| Field | Type | Required | Description | Example |`). */
export function sdkFieldTable(text: string): SdkField[] {
  return text
    .split('\n')
    .filter((l) => /^\|\s*`/.test(l))
    .map((l) => {
      const cells = l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return {
        name: cells[0]!.replaceAll('`', ''),
        type: cells[1]!.replace(/^\*|\*$/g, '').replace(/^\[\\?([^\]]+)\].*$/, '$1'),
        required: cells[2] === ':heavy_check_mark:',
        example: cells[4] ?? '',
      };
    });
}

/** The OpenAPI document embedded in a documentation page (````yaml … ````). */
export function embeddedOpenApi(text: string): Record<string, unknown> {
  const m = /````yaml[^\n]*\n([\s\S]*?)````/.exec(text);
  if (!m) throw new Error('no embedded OpenAPI document');
  return parseYaml(m[1]!) as Record<string, unknown>;
}

/** RFC 6901: reads the value at a JSON pointer. */
export function atPointer(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[key.replaceAll('~1', '/').replaceAll('~0', '~')]
          : undefined,
      value,
    );
}

/** A copy of `value` with each pointer's value replaced. */
export function withReplacements(value: unknown, replacements: Readonly<Record<string, unknown>>) {
  const copy = structuredClone(value);
  for (const [pointer, replacement] of Object.entries(replacements)) {
    const keys = pointer.split('/').slice(1);
    const last = keys.pop()!;
    const parent = keys.reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)[key],
      copy,
    ) as Record<string, unknown>;
    parent[last] = replacement;
  }
  return copy;
}

/** Every JSON pointer in `value` whose value is a documentation placeholder (`"<string>"`, `"<api-key>"`). */
export function placeholderPointers(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return /^<[^>]+>$/.test(value) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholderPointers(v, `${at}/${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => placeholderPointers(v, `${at}/${k}`));
  return [];
}

/** camelCase (the SDKs' view) -> snake_case (the wire, NOTES polar §8 "Field names"). */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Seed 000's wire object: the SDK field table's fields in snake_case, with the table's examples
 * typed as documented (`int` a JSON integer) and, where the table gives no example, a realistic
 * value of the documented type (a uuid4 id and an RFC 3339 timestamp, NOTES polar §2.4, §8;
 * `modified_at` null: the SDK types it `Date | null`, and Polar sends null until a change).
 */
export const SEED_000_NO_EXAMPLE: Readonly<Record<string, unknown>> = {
  id: '7e0b7bd0-3b6e-4a9a-9d3f-0f6a5d1c2b11',
  created_at: '2025-11-12T09:34:05.123456Z',
  modified_at: null,
};

export function polarSeedWire(): Record<string, unknown> {
  return Object.fromEntries(
    sdkFieldTable(seedText(SEED_FILES.polarWallet)).map((f) => {
      const key = snakeCase(f.name);
      if (f.example === '') return [key, SEED_000_NO_EXAMPLE[key]];
      return [key, f.type === 'int' ? Number(f.example) : f.example];
    }),
  );
}
