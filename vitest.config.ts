import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CJS and ESM builds; Pothos and yoga must share one instance or graphql-js
  // refuses types "from another module or realm".
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    // Installs (or names the command for) the system packages the suite runs: chromium, redis-server.
    globalSetup: ['test/setup/system-packages.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Each file starts its own sandboxes on free ports; two cores, so keep the pool small.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
