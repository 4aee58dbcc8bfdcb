import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * How the gateway's scalars travel, for codegen: every one is a JSON string (or any JSON for
 * `JSON`). Frontends copy this map into their own codegen config (README, "For frontends").
 */
export const SCALARS = {
  Decimal: 'string',
  DateTime: 'string',
  Currency: 'string',
  JSON: 'unknown',
} as const;

/**
 * Typed documents for the operations the tests (and the benchmarks) run: `npm run codegen`.
 * The schema is the checked-in schema.graphql, so codegen needs no running server. The client
 * preset also writes persisted-documents.json, the trusted-documents manifest of these operations.
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
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: SCALARS, strictScalars: true },
    },
  },
};

export default config;
