import { CommanderError } from 'commander';
import { isUserError } from '../pipeline/errors/user-error.ts';
import { redactSecrets } from '../pipeline/secrets/redact.ts';
import { createProgram } from './create-program.ts';
import { EXIT } from './exit-codes.ts';

/**
 * Runs `scarecrow` on `argv` (node's form: the first two entries are skipped) and returns
 * its exit code instead of setting it, so a test can run a command in its own process.
 */
export async function runProgram(argv: string[]): Promise<number> {
  const previous = process.exitCode;
  // Commands report some outcomes (an interrupted or failed run) through process.exitCode.
  process.exitCode = undefined;
  try {
    // argv[2] is the command a user typed (node's form: node, script, command, ...).
    await (await createProgram({ only: argv[2] })).parseAsync(argv);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    return exitCodeFor(error);
  } finally {
    process.exitCode = previous;
  }
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
