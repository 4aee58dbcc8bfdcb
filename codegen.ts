import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations the tests (and the benchmarks) run: `npm run codegen`.
 * The schema is the checked-in schema.graphql, so codegen needs no running server.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/**/*.ts', 'scripts/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: false,
  // NodeNext resolution wants explicit .js extensions in the generated imports.
  emitLegacyCommonJSImports: false,
  generates: {
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Decimal: 'string', DateTime: 'string', Currency: 'string', JSON: 'unknown' },
        strictScalars: true,
      },
    },
  },
};

export default config;
