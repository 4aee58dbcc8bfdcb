import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCapabilityTable } from '../scripts/capability-table.js';
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

  it('every error code the gateway emits', () => {
    for (const code of Object.keys(ERROR_CODES)) expect(readme, code).toContain(`\`${code}\``);
  });

  it('every environment variable the gateway reads', () => {
    const config = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const names = [...config.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) expect(readme, name).toContain(`\`${name}\``);
  });
});
