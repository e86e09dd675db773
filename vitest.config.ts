import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    // The migrated template database every test file copies (test/support/database.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each test file has a database of its own (test/support/database.ts), so files may run side by
    // side: one at a time here (the machine is shared), two in CI (`--maxWorkers=2` in .ci/run).
    fileParallelism: true,
    maxWorkers: 1,
    pool: 'forks',
  },
});
