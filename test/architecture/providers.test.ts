import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  buildSchema,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_COORDINATES, withProviderDocs } from '../../scripts/provider-docs.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { Capability } from '../../src/providers/capabilities.js';
import { PROVIDERS } from '../../src/providers/registered.js';

/**
 * A provider is one module (docs/adding-a-provider.md): every registered provider's folder holds
 * the files that document lists, its registration is consistent, and nothing outside the folders
 * names a provider. Also: the generated parts of docs/providers.md are current.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const SRC = join(ROOT, 'src');
const guide = readFileSync(join(ROOT, 'docs/adding-a-provider.md'), 'utf8');

/** The `- \`file\`` lines of a section of the guide, with the capability that makes each needed. */
function listed(heading: string): { file: string; when?: Capability }[] {
  const from = guide.indexOf(`## ${heading}`);
  expect(from, heading).toBeGreaterThanOrEqual(0);
  const section = guide.slice(from, guide.indexOf('\n## ', from + 1) >>> 0);
  return [...section.matchAll(/^- `([^`]+)`(?: \(with `(\w+)`\))?:/gm)].map((m) => ({
    file: m[1]!,
    ...(m[2] && { when: m[2] as Capability }),
  }));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Source without its comments (strings keep their `//`: `http://` has a colon before it). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function hasCoordinate(schema: GraphQLSchema, coordinate: string): boolean {
  const [typeName, member] = coordinate.split('.');
  const type = schema.getType(typeName!);
  if (!type) return false;
  if (member === undefined) return true;
  if (isEnumType(type)) return type.getValue(member) !== undefined;
  if (isObjectType(type) || isInputObjectType(type)) return member in type.getFields();
  return false;
}

const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));

describe('docs/adding-a-provider.md', () => {
  it('lists files and tests (so the checks below check something)', () => {
    expect(listed('The folder').map((f) => f.file)).toContain('index.ts');
    expect(listed('Its tests').length).toBeGreaterThanOrEqual(4);
  });
});

describe.each(PROVIDERS.map((p) => [p.id, p] as const))('provider %s', (id, provider) => {
  const folder = join(SRC, 'providers', id);

  it('has every file the guide lists for its folder and its capabilities', () => {
    const missing = listed('The folder')
      .filter(({ when }) => !when || provider.capabilities[when])
      .map(({ file }) => file)
      .filter((file) => !existsSync(join(folder, file)));
    expect(missing).toEqual([]);
  });

  it('has every test the guide lists', () => {
    const missing = listed('Its tests')
      .filter(({ when }) => !when || provider.capabilities[when])
      .map(({ file }) => file.replaceAll('<id>', id))
      .filter((file) => !existsSync(join(ROOT, file)));
    expect(missing).toEqual([]);
  });

  it("is its folder's index.ts export, named consistently", async () => {
    const index = (await import(join(folder, 'index.ts'))) as Record<string, unknown>;
    expect(Object.values(index)).toContain(provider);
    expect(provider.name).toBe(id.toUpperCase());
    expect(provider.id).toMatch(/^[a-z][a-z0-9]*$/);
  });

  it('reads only its own environment variables, turned on by its key', () => {
    const names = Object.keys(provider.env.variables);
    expect(names).toContain(provider.env.key);
    for (const name of names) expect(name).toMatch(new RegExp(`^${provider.name}_`));
  });

  it('documents only coordinates the schema has', () => {
    const unknown = Object.keys(provider.docs.fields).filter((c) => !hasCoordinate(schema, c));
    expect(unknown).toEqual([]);
    for (const spec of provider.docs.specs) expect(spec.startsWith(`${id}/`), spec).toBe(true);
  });

  it('builds an adapter whose methods match its capabilities', () => {
    const config = loadConfig({
      [provider.env.key]: 'key',
      GATEWAY_API_KEYS: 'architecture-test-key-0123456789',
    });
    const settings = config.providers[provider.name];
    if (!settings) throw new Error(`${provider.env.key} did not turn ${provider.name} on`);
    const adapter = provider.createAdapter(settings, {
      upstream: { ...config.upstream, observer: undefined },
      logger: createLogger({ level: 'silent' }),
      fetch: () => Promise.reject(new Error('no upstream calls here')),
    });
    expect(adapter.name).toBe(provider.name);
    expect(adapter.transactions !== undefined).toBe(provider.capabilities.transactions);
  });

  it('has a sandbox module with a demo wallet', async () => {
    const sandbox = await provider.sandbox();
    expect(typeof sandbox.startSandbox).toBe('function');
    expect(sandbox.DEMO_WALLET).toEqual(expect.any(String));
  });
});

describe('the rest of the gateway', () => {
  it('registers each provider with one import and one entry', () => {
    const registered = code(readFileSync(join(SRC, 'providers/registered.ts'), 'utf8'));
    for (const { id } of PROVIDERS)
      expect(registered.match(new RegExp(`\\b${id}\\b`, 'g'))?.length, id).toBe(3);
  });

  it('names no provider outside its folder (comments aside)', () => {
    const ids = PROVIDERS.map((p) => p.id).join('|');
    // `lago_id` and `LAGO` count; `polarity` does not.
    const named = new RegExp(`(?<![a-z])(${ids})(?![a-z])`, 'i');
    const offenders = files(SRC)
      .filter((path) => !PROVIDERS.some((p) => path.startsWith(join(SRC, 'providers', p.id, '/'))))
      .filter((path) => !path.endsWith('providers/registered.ts'))
      .filter((path) => named.test(code(readFileSync(path, 'utf8'))))
      .map((path) => relative(SRC, path));
    expect(offenders).toEqual([]);
  });
});

describe('docs/providers.md', () => {
  const text = readFileSync(join(ROOT, 'docs/providers.md'), 'utf8');

  it('carries the tables the providers document (run `npm run provider-docs` when this fails)', () => {
    expect(text).toBe(withProviderDocs(text));
  });

  it('has rows only for coordinates the schema has, and every transaction enum member', () => {
    expect(DOCUMENTED_COORDINATES.filter((c) => !hasCoordinate(schema, c))).toEqual([]);
    for (const name of [
      'TransactionDirection',
      'TransactionStatus',
      'TransactionKind',
      'TransactionSource',
    ]) {
      const type = schema.getType(name);
      if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
      const members = type
        .getValues()
        .map((v) => `${name}.${v.name}`)
        .filter((c) => !c.endsWith('.UNKNOWN'));
      expect(DOCUMENTED_COORDINATES.filter((c) => c.startsWith(`${name}.`)).sort()).toEqual(
        members.sort(),
      );
    }
  });
});
