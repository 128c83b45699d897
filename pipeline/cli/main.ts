import { Command, CommanderError } from 'commander';
import { isUserError } from '../errors/user-error.ts';
import { packageVersions } from '../dataset/versions.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerValidateCommand } from './commands/validate.ts';
import { registerSimCommand } from './commands/sim.ts';
import { EXIT } from './exit-codes.ts';

const program = new Command()
  .name('scarecrow')
  .description('Manufactures over-refusal test sets: benign prompts that look harmful, judged, probed for refusals and deduplicated.')
  .version(packageVersions().scarecrow)
  .showHelpAfterError()
  .exitOverride();

registerRunCommand(program);
registerValidateCommand(program);
registerSimCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (isUserError(error)) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof Error && error.name === 'AbortError') {
    process.stderr.write('stopped: nothing was written\n');
    return EXIT.interrupted;
  }
  process.stderr.write(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failure;
}
