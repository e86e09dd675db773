import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    // The migrated template database every test file copies (test/support/database.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files run two at a time: each has a database of its own (test/support/database.ts), and a
    // file waiting on a server, a child process or a timer leaves the core to the other.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
  },
});
