/**
 * Which test files are integration tests: whole folders, then single files of other folders.
 *
 * The rule: a test is an integration test when it reaches Redis, starts a child process, opens
 * a server (the simulator included), or drives the CLI or a browser, or when it is pure but takes
 * tens of seconds of CPU (retraining the refusal classifier), so that it starts with the other long
 * files rather than last. Every other test file is a unit test: pure code in the test's own
 * process, quick enough to run on every save (`npm run test:unit`). A new file is a unit test until it is listed here; projects.test.ts
 * fails when a unit test breaks the rule, naming what it reached.
 */
export const INTEGRATION = {
  folders: ['test/cli/', 'test/evaluation/', 'test/models/', 'test/publish/', 'test/queue/', 'test/runs/', 'test/simulator/'],
  files: [
    'test/batch-api/batch-runs.test.ts',
    'test/dataset/write-atomically.test.ts',
    'test/dedupe/abort.test.ts',
    'test/dedupe/dedupe-cli.test.ts',
    'test/docs/package-name.test.ts',
    'test/docs/readme.test.ts',
    'test/errors/model-errors.test.ts',
    'test/evolution/bad-input.test.ts',
    'test/evolution/both-runners.test.ts',
    'test/evolution/queue-crash.test.ts',
    'test/evolution/simulated-operators.test.ts',
    'test/expansion/bad-input.test.ts',
    'test/expansion/both-runners.test.ts',
    'test/generation/languages-run.test.ts',
    'test/harness-export/export-harness.test.ts',
    'test/refusal/cascade-default.test.ts',
    'test/refusal/cli.test.ts',
    'test/refusal/reproducible.test.ts',
    'test/refusal/simulated-probe-cap.test.ts',
    'test/report/report-in-browser.test.ts',
    'test/secrets/redact-secrets.test.ts',
    'test/stages/stage-graph.test.ts',
    'test/training-export/training-export-cli.test.ts',
  ],
} as const;

/**
 * The files that take longest, longest first, as timed on a 2-core machine (the mean of two
 * runs): each project starts with its own listed files (longest-first-sequencer.ts), so the
 * run does not end waiting on one of them. Either CPU-bound (retraining, the default run) or
 * long waits that overlap the others' CPU (timeouts, killed workers). A file may leave the
 * list; one that takes over five seconds belongs on it.
 */
export const LONGEST_FIRST = [
  'test/refusal/reproducible.test.ts',
  'test/runs/simulator-timeout.test.ts',
  'test/queue/same-failures.test.ts',
  'test/queue/kill-workers.test.ts',
  'test/cli/run.test.ts',
  'test/evolution/both-runners.test.ts',
  'test/simulator/default-run.test.ts',
  'test/evolution/queue-crash.test.ts',
  'test/queue/given-up-job.test.ts',
  'test/cli/interrupt.test.ts',
  'test/dedupe/abort.test.ts',
  'test/simulator/behaviour.test.ts',
  'test/simulator/judge-own-frames.test.ts',
  'test/runs/dataset-lock.test.ts',
  'test/queue/redis-restart.test.ts',
  'test/queue/schedules.test.ts',
  'test/queue/rate-limits.test.ts',
  'test/dataset/export-yielding.test.ts',
  'test/queue/shutdown.test.ts',
  'test/queue/echoed-key.test.ts',
  'test/evaluation/eval-failing-target.test.ts',
  'test/models/response-cache-run.test.ts',
  'test/queue/url-credentials.test.ts',
  'test/cli/classify-interrupt.test.ts',
  'test/expansion/both-runners.test.ts',
  'test/queue/same-result.test.ts',
  'test/docs/package-name.test.ts',
  'test/queue/status.test.ts',
] as const;

/** Every test file, as vitest's include sees it. */
export const TEST_FILES = 'test/**/*.test.ts';

/** The integration project's include globs; the unit project excludes the same. */
export const INTEGRATION_GLOBS = [...INTEGRATION.folders.map((folder) => `${folder}**/*.test.ts`), ...INTEGRATION.files];

/** Whether a test file (a path from the project root) is in the integration project. */
export function isIntegrationTest(path: string): boolean {
  return INTEGRATION.folders.some((folder) => path.startsWith(folder)) || (INTEGRATION.files as readonly string[]).includes(path);
}
