import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCapabilityTable } from '../scripts/capability-table.js';

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
