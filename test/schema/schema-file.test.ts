import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../scripts/print-schema.js';

describe('schema.graphql', () => {
  it('is the printed Pothos schema (run `npm run print-schema` when this fails)', () => {
    expect(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8')).toBe(
      printedSchema(),
    );
  });
});
