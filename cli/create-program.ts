import { Command } from 'commander';
import { packageVersions } from '../pipeline/dataset/versions.ts';

type Register = (program: Command) => void;

/**
 * Each subcommand's module, loaded only when it is needed: a process that runs one command
 * (a worker, a run) does not load the others' dependencies (the Hub client, the dashboard's
 * web server, the report, the evaluation), which were a sixth of its start-up. In the order
 * `--help` lists them.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  run: async () => (await import('./commands/run.ts')).registerRunCommand,
  validate: async () => (await import('./commands/validate.ts')).registerValidateCommand,
  worker: async () => (await import('./commands/worker.ts')).registerWorkerCommand,
  status: async () => (await import('./commands/status.ts')).registerStatusCommand,
  schedule: async () => (await import('./commands/schedule.ts')).registerScheduleCommand,
  dashboard: async () => (await import('./commands/dashboard.ts')).registerDashboardCommand,
  sim: async () => (await import('./commands/sim.ts')).registerSimCommand,
  refusal: async () => (await import('./commands/refusal.ts')).registerRefusalCommand,
  dedupe: async () => (await import('./commands/dedupe.ts')).registerDedupeCommand,
  eval: async () => (await import('./commands/eval.ts')).registerEvalCommand,
  report: async () => (await import('./commands/report.ts')).registerReportCommand,
  export: async () => (await import('./commands/export.ts')).registerExportCommand,
  push: async () => (await import('./commands/push.ts')).registerPushCommand,
  cache: async () => (await import('./commands/cache.ts')).registerCacheCommand,
  plan: async () => (await import('./commands/plan.ts')).registerPlanCommand,
  batch: async () => (await import('./commands/batch.ts')).registerBatchCommand,
};

/**
 * The `scarecrow` command, fresh each time (commander keeps parse state on it): with every
 * subcommand, or with `only` the one about to run when that names one. `--help`, `help`, an
 * unknown command and no command at all get every subcommand, so help and "did you mean" see them all.
 */
export async function createProgram(options: { only?: string } = {}): Promise<Command> {
  const program = new Command()
    .name('scarecrow')
    .description('Manufactures over-refusal test sets: benign prompts that look harmful, judged, probed for refusals and deduplicated.')
    .version(packageVersions().scarecrow)
    .showHelpAfterError()
    .exitOverride();

  const names = options.only !== undefined && Object.hasOwn(COMMANDS, options.only) ? [options.only] : Object.keys(COMMANDS);
  for (const register of await Promise.all(names.map((name) => COMMANDS[name]!()))) register(program);
  return program;
}
