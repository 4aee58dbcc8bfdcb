import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering BRIEF.md describes, checked on the imports: adapters and the domain model know
 * nothing of GraphQL (they raise GatewayErrors; the schema and server turn them into GraphQL errors).
 */
const SRC = new URL('../../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const GRAPHQL = /from '(graphql|graphql-yoga|@graphql-yoga\/[^']+|@pothos\/[^']+|graphql-ws[^']*)'/;

describe('layers', () => {
  it.each(['providers', 'domain'])('src/%s imports nothing of GraphQL', (layer) => {
    const offenders = files(join(SRC, layer))
      .filter((path) => !path.includes('/sandbox/'))
      .filter((path) => GRAPHQL.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path));
    expect(offenders).toEqual([]);
  });

  it('src/errors.ts imports nothing of GraphQL', () => {
    expect(readFileSync(join(SRC, 'errors.ts'), 'utf8')).not.toMatch(GRAPHQL);
  });
});
