import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first-sequencer.ts';
import { INTEGRATION_GLOBS, TEST_FILES } from './test/support/test-projects.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most integration files wait on I/O (child processes, Redis, simulated latency), not CPU:
    // on 2 cores, four files at a time keep both busy where the default of one leaves them idle.
    maxWorkers: 4,
    // Each worker process keeps the modules it has loaded (openai, bullmq, the pipeline) for its
    // next file instead of loading them again per file, which was a third of the suite's CPU.
    // So test support must not keep state per module: clean-ups are registered per test
    // (onTestFinished, or a use...() helper each file calls), never by a helper's top-level hook.
    isolate: false,
    // The longest files first on every machine, not only where vitest has timed a run before.
    sequence: { sequencer: LongestFirstSequencer },
    // Two projects, both run by one `vitest run` (npm test) on the same four workers. Which file
    // is which is decided in test/support/test-projects.ts; unit is every test file that
    // integration does not take, so each file is in exactly one of them.
    projects: [
      { extends: true, test: { name: 'unit', include: [TEST_FILES], exclude: INTEGRATION_GLOBS } },
      { extends: true, test: { name: 'integration', include: INTEGRATION_GLOBS } },
    ],
  },
});
