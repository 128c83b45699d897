import { Command, CommanderError } from 'commander';
import { isUserError } from '../errors/user-error.ts';
import { packageVersions } from '../dataset/versions.ts';
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
import { EXIT } from './exit-codes.ts';
import { redactSecrets } from '../secrets/redact.ts';

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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (isUserError(error)) {
    process.stderr.write(`error: ${redactSecrets(error.message)}\n`);
    return EXIT.usage;
  }
  if (error instanceof Error && error.name === 'AbortError') {
    process.stderr.write('stopped: nothing was written\n');
    return EXIT.interrupted;
  }
  process.stderr.write(`failed: ${redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  return EXIT.failure;
}
