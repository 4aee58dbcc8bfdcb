import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCALARS } from '../codegen.js';
import { withCapabilityTable } from '../scripts/capability-table.js';
import { environmentVariables } from '../src/config.js';
import { ERROR_CODES } from '../src/errors.js';

describe('README.md', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('shows the two commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });

  it('carries the capability table the adapters declare (run `npm run capability-table` when this fails)', () => {
    expect(readme).toBe(withCapabilityTable(readme));
  });
});

describe('README.md documents', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('every error code the gateway emits, in its table, and no other', () => {
    const errors = readme.slice(readme.indexOf('## Errors'), readme.indexOf('## Layout'));
    const table = [...errors.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(table.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('the codegen scalar map frontends copy, as codegen.ts uses it, for every custom scalar', () => {
    const block = /<!-- codegen-scalars:start -->[\s\S]*?scalars: (\{[^}]*\})/.exec(readme)?.[1];
    const documented = Object.fromEntries(
      [...(block ?? '').matchAll(/(\w+): '(\w+)'/g)].map((m) => [m[1], m[2]]),
    );
    expect(documented).toEqual(SCALARS);
    const schema = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    const custom = [...schema.matchAll(/^scalar (\w+)/gm)].map((m) => m[1]);
    expect(custom.sort()).toEqual(Object.keys(SCALARS).sort());
  });

  it("every environment variable the gateway reads (its own and each provider's)", () => {
    const names = environmentVariables();
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) expect(readme, name).toContain(`\`${name}\``);
  });
});
