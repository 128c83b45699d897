import type { Command } from 'commander';
import { countOutcome, type StageCounts } from '../../pipeline/dataset/run-outcome.ts';
import { checkEndpoints } from '../../pipeline/models/check-endpoints.ts';
import { checkBatchSupport } from '../../pipeline/batch-api/check-batch-support.ts';
import { detectSimulatedRoles } from '../../pipeline/models/detect-simulated-roles.ts';
import { checkRunInputs } from '../../pipeline/runs/check-run-inputs.ts';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { RunInterruptedError } from '../../pipeline/runs/run-interrupted-error.ts';
import { KEPT_DATASETS } from '../../pipeline/dataset/keep-earlier.ts';
import { abortOnSignals } from '../interrupt.ts';
import { createProgressReporter } from '../progress-reporter.ts';
import { simulationBanner } from '../simulation-banner.ts';
import { loadConfigOption } from './load-config-option.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../../pipeline/errors/user-error.ts';
import type { LoadedConfig } from '../../pipeline/input/load-config.ts';
import { prefixFrom } from '../../workers/queue-names.ts';
import { redisUrlFrom } from '../../workers/redis-connection.ts';
import { runOnQueue } from '../../workers/run-on-queue.ts';
import { nothingSucceeded } from '../../workers/run-summary.ts';
import { LostRedisError } from '../../workers/lost-redis-error.ts';

interface RunFlags {
  config?: string;
  output?: string;
  quiet?: boolean;
  queue?: boolean;
  detach?: boolean;
  /** false with --no-cache. */
  cache: boolean;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('Run the whole pipeline and write a dataset. With no --config, runs the bundled seeds against the built-in simulator.')
    .option('-c, --config <file>', 'config file (JSON); the embedded defaults when omitted')
    .option('-o, --output <dir>', 'folder the dataset folder goes in (default: the config\'s output.dir)')
    .option('-q, --quiet', 'no progress output')
    .option('--queue', 'submit the run to Redis (REDIS_URL) for `scarecrow worker` processes, and follow it')
    .option('--detach', 'with --queue: print the run id and return at once; see `scarecrow status RUN_ID`')
    .option('--no-cache', 'make every call: take no answer from the response cache and keep none in it')
    .action(async (flags: RunFlags) => {
      if (flags.detach && !flags.queue) throw new UserError('--detach: only with --queue', { field: '--detach' });
      const loaded = await loadConfigOption(flags.config);
      // Bad keys, seed files or output folder stop the run here, before anything is printed, called or written.
      await checkRunInputs({ loaded, outputDir: flags.output });
      // Every role with a real endpoint is checked, also when others are simulated.
      await checkEndpoints({ config: loaded.config });
      // A role with batch: true on an endpoint without a Batch API stops the run here, named.
      await checkBatchSupport({ config: loaded.config, file: loaded.file ?? undefined });
      // Found once, here: the banners, the summary line and (through the runner) the manifest and card all say the same.
      const simulatedRoles = await detectSimulatedRoles({ config: loaded.config });
      const simulated = simulatedRoles.length > 0;
      process.stderr.write(simulationBanner({ loaded, when: 'before', queued: flags.queue, simulatedRoles }));
      // On the queue the cache switch travels with the run's config, which every worker reads.
      if (flags.queue) return runQueued({ loaded: flags.cache ? loaded : { ...loaded, config: { ...loaded.config, cache: { ...loaded.config.cache, enabled: false } } }, flags, simulatedRoles });
      const reporter = createProgressReporter({ quiet: flags.quiet });
      const interrupt = abortOnSignals();
      try {
        const result = await runInProcess({ loaded, outputDir: flags.output, simulatedRoles, cache: flags.cache, signal: interrupt.signal, onEvent: (event) => reporter.onEvent(event) }).catch((error: unknown) => {
          if (!RunInterruptedError.isInstance(error)) throw error;
          reporter.stop();
          process.stderr.write(stoppedMessage(error.details.kept));
          return null;
        });
        if (!result) {
          process.exitCode = EXIT.interrupted;
          return;
        }
        reporter.stop();
        process.stdout.write(
          [
            ...summaryLines({
              dir: result.exported.dir,
              simulated,
              counts: countOutcome(result.outcome).overall,
              sizes: result.exported.sizes,
              seconds: (result.exported.manifest.timings_ms.total ?? 0) / 1000,
            }),
            ...earlierLines(result.exported.earlier),
            '',
          ].join('\n'),
        );
        process.stderr.write(simulationBanner({ loaded, when: 'after', simulatedRoles }));
        if (result.budgetStoppedBy) {
          process.stderr.write(budgetStoppedMessage({ field: result.budgetStoppedBy, dir: result.exported.dir }));
          process.exitCode = EXIT.budget;
          return;
        }
        if (result.outcome.records.length === 0 && result.outcome.failures.length > 0) {
          // A dataset of nothing but failures is written for inspection, but a script must not take it for success.
          process.stderr.write(`every item failed: see ${result.exported.dir}/failures.jsonl\n`);
          process.exitCode = EXIT.failure;
        }
      } finally {
        reporter.stop();
        interrupt.dispose();
      }
    });
}

/** A run its budget stopped wrote a dataset, but not the whole one: a script must be able to tell. */
function budgetStoppedMessage(options: { field: string; dir: string }): string {
  return `budget reached (${options.field}): the run stopped starting work; the dataset holds what was settled, the rest is in ${options.dir}/failures.jsonl\n`;
}

/** What a stopped run leaves: the results it paid for, which the same command reuses. */
function stoppedMessage(kept: number): string {
  if (kept === 0) return 'stopped before any result was made; nothing to keep\n';
  return `stopped; ${kept} result${kept === 1 ? '' : 's'} kept, run the same command to resume\n`;
}

/** The counts both runners print for a written dataset: where it is, what the stages made, and the rows of each file. */
function summaryLines(summary: {
  dir: string;
  simulated: boolean;
  /** A queued run's come from Redis as a record of any keys, hence Partial. */
  counts: Partial<StageCounts>;
  sizes: { all: number; hard: number; toxic: number };
  seconds: number;
}): string[] {
  const { dir, simulated, counts, sizes, seconds } = summary;
  return [
    `dataset written to ${dir}${simulated ? '  (SIMULATED)' : ''}`,
    `  seeds ${counts.seeds} (${counts.seeds_failed} failed), candidates ${counts.candidates}, duplicates ${counts.duplicates_exact} exact + ${counts.duplicates_near} near`,
    `  benign ${counts.benign}, controversial ${counts.controversial}, harmful ${counts.harmful}, hard ${counts.hard}, failed candidates ${counts.failed_candidates}`,
    `  all ${sizes.all}, hard ${sizes.hard}, toxic ${sizes.toxic} rows, in ${seconds.toFixed(1)} s`,
  ];
}

/** Where the dataset a run replaced went, and which kept ones it removed as too old. */
function earlierLines(earlier: { kept: string[]; removed: string[] }): string[] {
  return [
    ...earlier.kept.map((dir) => `earlier dataset kept in ${dir}`),
    ...earlier.removed.map((dir) => `removed ${dir}: only the ${KEPT_DATASETS} newest earlier datasets are kept`),
  ];
}

async function runQueued(options: { loaded: LoadedConfig; flags: RunFlags; simulatedRoles: string[] }): Promise<void> {
  const { loaded, flags, simulatedRoles } = options;
  const simulated = simulatedRoles.length > 0;
  const reporter = createProgressReporter({ quiet: flags.quiet || flags.detach });
  const interrupt = abortOnSignals();
  const prefix = prefixFrom();
  try {
    const result = await runOnQueue({
      loaded, redisUrl: redisUrlFrom(), prefix, outputDir: flags.output, simulatedRoles, detach: flags.detach, signal: interrupt.signal,
      onEvent: (event) => reporter.onEvent(event),
      onSubmitted: ({ requeued }) => {
        if (requeued > 0) process.stderr.write(`${requeued} job${requeued === 1 ? '' : 's'} of the run in progress had no worker to move ${requeued === 1 ? 'it' : 'them'} (gone from the queues); queued again\n`);
      },
    }).catch((error: unknown) => {
      if (error instanceof LostRedisError) {
        reporter.stop();
        process.stderr.write(`${error.message}\n`);
        process.exitCode = EXIT.failure;
        return undefined;
      }
      if (!interrupt.signal.aborted) throw error;
      process.stderr.write('stopped following; the run goes on in the workers (scarecrow status shows it)\n');
      return null;
    });
    if (result === undefined) return;
    if (!result) {
      process.exitCode = EXIT.interrupted;
      return;
    }
    reporter.stop();
    if (!result.summary) {
      process.stdout.write(`${result.runId}\n`);
      process.stderr.write(`${result.joined ? 'joined the run already in progress' : 'queued'}: ${result.runId}; follow it with: scarecrow status ${result.runId}\n`);
      return;
    }
    const { summary } = result;
    process.stdout.write(
      [
        `run ${result.runId}${result.joined ? ' (joined a run already in progress)' : result.reused ? ' (finished before; its dataset is still in place, unchanged)' : ''}`,
        ...summaryLines({ dir: summary.dir, simulated, counts: summary.counts, sizes: summary.sizes, seconds: summary.seconds }),
        // A run answered from its summary moved nothing this time.
        ...(result.reused ? [] : earlierLines(summary.earlier)),
        '',
      ].join('\n'),
    );
    process.stderr.write(simulationBanner({ loaded, when: 'after', queued: true, simulatedRoles }));
    if (summary.budgetStoppedBy) {
      process.stderr.write(budgetStoppedMessage({ field: summary.budgetStoppedBy, dir: summary.dir }));
      process.exitCode = EXIT.budget;
      return;
    }
    if (nothingSucceeded(summary)) {
      process.stderr.write(`every item failed: see ${summary.dir}/failures.jsonl\n`);
      process.exitCode = EXIT.failure;
    }
  } finally {
    reporter.stop();
    interrupt.dispose();
  }
}
