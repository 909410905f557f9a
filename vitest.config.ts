import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'apps/*/e2e/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    globalSetup: ['packages/test-support/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: '.test-artifacts/vitest.json' }]],
  },
});
