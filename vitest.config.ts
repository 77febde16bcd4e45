import { defineConfig } from 'vitest/config';
import { LongFirstSequencer } from './test/support/sequencer.ts';

// Unit tests sit beside the code (src/**/x.test.ts); integration tests that need both databases,
// SMTP or the CLI as a process live in test/. The global setup starts a throw-away PostgreSQL cluster.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Test-only argon2 cost for the CLI processes tests start (refused unless NODE_ENV=test, which Vitest
    // sets): docs/decisions/0004-fast-password-hashing-in-tests.md. Test runtimes get it from the harness.
    env: { CLOSELOOP_PASSWORD_HASHING: 'fast-test-only' },
    // Vitest's default per-test timeout (5 s): a slow test shows. The few genuinely long ones (demo loads,
    // processes, the policy walk, property runs) carry their own timeout with the reason beside it.
    // Hooks build a file's shared state (people, fixtures, a loaded demo) on both engines.
    hookTimeout: 120_000,
    sequence: { sequencer: LongFirstSequencer },
    pool: 'forks',
    // Files share each worker's module cache instead of importing closeloop again per file (the imports
    // were 40 % of the suite's time). Every file makes its own databases and runtimes, so nothing of one
    // file's data reaches the next; what is process-wide (listeners, better-auth's limits) is per runtime
    // or keyed by database. A file must undo what it changes of the process (timers, env, mocks).
    isolate: false,
    maxWorkers: 2,
  },
});
