import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files wait on I/O (child processes, Redis, simulated latency), not CPU:
    // on 2 cores, four files at a time keep both busy where the default of one leaves them idle.
    maxWorkers: 4,
    // Each worker process keeps the modules it has loaded (openai, bullmq, the pipeline) for its
    // next file instead of loading them again per file, which was a third of the suite's CPU.
    // So test support must not keep state per module: clean-ups are registered per test
    // (onTestFinished, or a use...() helper each file calls), never by a helper's top-level hook.
    isolate: false,
  },
});
