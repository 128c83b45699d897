import { Command } from 'commander';
import { packageVersions } from '../pipeline/dataset/versions.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerValidateCommand } from './commands/validate.ts';
import { registerSimCommand } from './commands/sim.ts';
import { registerRefusalCommand } from './commands/refusal.ts';
import { registerDedupeCommand } from './commands/dedupe.ts';
import { registerWorkerCommand } from './commands/worker.ts';
import { registerStatusCommand } from './commands/status.ts';
import { registerScheduleCommand } from './commands/schedule.ts';
import { registerDashboardCommand } from './commands/dashboard.ts';
import { registerPushCommand } from './commands/push.ts';
import { registerExportCommand } from './commands/export.ts';
import { registerEvalCommand } from './commands/eval.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerCacheCommand } from './commands/cache.ts';
import { registerPlanCommand } from './commands/plan.ts';
import { registerBatchCommand } from './commands/batch.ts';

/** The `scarecrow` command with every subcommand, fresh each time (commander keeps parse state on it). */
export function createProgram(): Command {
  const program = new Command()
    .name('scarecrow')
    .description('Manufactures over-refusal test sets: benign prompts that look harmful, judged, probed for refusals and deduplicated.')
    .version(packageVersions().scarecrow)
    .showHelpAfterError()
    .exitOverride();

  registerRunCommand(program);
  registerValidateCommand(program);
  registerWorkerCommand(program);
  registerStatusCommand(program);
  registerScheduleCommand(program);
  registerDashboardCommand(program);
  registerSimCommand(program);
  registerRefusalCommand(program);
  registerDedupeCommand(program);
  registerEvalCommand(program);
  registerReportCommand(program);
  registerExportCommand(program);
  registerPushCommand(program);
  registerCacheCommand(program);
  registerPlanCommand(program);
  registerBatchCommand(program);
  return program;
}
