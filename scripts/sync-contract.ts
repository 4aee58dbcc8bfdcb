import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PROVIDERS } from '../src/providers/registered.js';

/**
 * Copies the contract data the tests read (the providers' OpenAPI files and the seed documents)
 * from ../shared into test/contract/, so a clone with nothing beside it runs every test.
 * `npm run sync-contract` refreshes the copy when ../shared is present; `-- --check` only reports
 * whether the copy is current. Specs are stored as JSON (YAML parsed once), keys in source order.
 */

const SHARED = new URL('../../shared/', import.meta.url);
const CONTRACT = new URL('../test/contract/', import.meta.url);

/** The spec files the tests load, relative to ../shared/providers/: each provider names its own. */
export const SPEC_FILES: readonly string[] = PROVIDERS.flatMap((p) => p.docs.specs);

/** Where a spec file lives in test/contract/: the same path, always `.json`. */
export function contractSpecPath(specFile: string): string {
  return `providers/${specFile.slice(0, -extname(specFile).length)}.json`;
}

function specJson(text: string, file: string): string {
  const document = file.endsWith('.json')
    ? JSON.parse(text)
    : parseYaml(text, { maxAliasCount: -1 });
  return `${JSON.stringify(document)}\n`;
}

function wanted(): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of SPEC_FILES) {
    const text = readFileSync(new URL(`providers/${file}`, SHARED), 'utf8');
    files.set(contractSpecPath(file), specJson(text, file));
  }
  for (const seed of readdirSync(new URL('seeds/', SHARED)).sort()) {
    files.set(`seeds/${basename(seed)}`, readFileSync(new URL(`seeds/${seed}`, SHARED), 'utf8'));
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(SHARED)) {
    process.stdout.write('../shared is not beside this clone: test/contract/ stays as committed\n');
    process.exit(0);
  }
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, content] of wanted()) {
    const target = new URL(path, CONTRACT);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(path);
    if (!check) {
      mkdirSync(new URL('.', target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `test/contract/ is stale: ${stale.join(', ')} (run npm run sync-contract)\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    stale.length === 0
      ? 'test/contract/ is current\n'
      : `test/contract/ updated: ${stale.join(', ')}\n`,
  );
}
