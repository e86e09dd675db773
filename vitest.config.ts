import { defineConfig } from 'vitest/config';

/**
 * Files that change process-wide state run each in a process of its own: the route collectors
 * mock `fastify` (authorization matrix, fuzz), the determinism test fakes the clock, and the kill,
 * database-fault and production-build tests start servers and child processes. Every other file
 * shares its worker with the files before it (`isolate: false`), so the portal's modules are loaded
 * once per worker rather than once per file.
 */
const ISOLATED = [
  'test/identity/authorization-matrix.test.ts',
  'test/http/fuzz.test.ts',
  'test/documents/determinism.test.ts',
  'test/cases/kill.test.ts',
  'test/platform/database-faults.test.ts',
  'test/ops/production.test.ts',
];

export default defineConfig({
  test: {
    exclude: ['test/e2e/**', 'node_modules/**'],
    // The migrated template database every test file copies (test/support/database.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each test file has a database of its own (test/support/database.ts), so files may run side by
    // side, but run one at a time for now: this `maxWorkers` wins over the command line's `--maxWorkers`
    // for both projects. Two workers passed the PGlite suite (BENCHMARKS.md, "Time of the test runs in
    // CI"); they are switched on once the PostgreSQL suite has passed with two as well.
    fileParallelism: true,
    maxWorkers: 1,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'isolated', include: ISOLATED, isolate: true },
      },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...ISOLATED],
          isolate: false,
        },
      },
    ],
  },
});
