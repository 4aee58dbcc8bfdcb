import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

describe('test/gql (graphql-codegen client preset)', () => {
  it('matches schema.graphql and the operations in test/ (run `npm run codegen` when this fails)', async () => {
    const outputs = await generate(
      { ...config, cwd: new URL('..', import.meta.url).pathname, silent: true },
      false,
    );
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(
        readFileSync(new URL(`../${output.filename}`, import.meta.url), 'utf8'),
        output.filename,
      ).toBe(output.content);
    }
  }, 60_000);
});
