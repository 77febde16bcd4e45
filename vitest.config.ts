import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (src/**/x.test.ts); integration tests that need both databases,
// SMTP or the CLI as a process live in test/. The global setup starts a throw-away PostgreSQL cluster.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Generous: tests that start the CLI or the server as processes run slowly on a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
