import { runProgram } from '../../cli/run-program.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import type { CliResult } from './run-cli.ts';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `scarecrow ARGS` in this process, with its stdout and stderr captured and its exit code
 * returned, as `runCli` gives them from a child process but without starting node and tsx again
 * (a second or more each). For tests of what a command does, not of the process boundary:
 * signals, kill -9 and the real binary's exit status keep `runCli`. Calls run one at a time,
 * since the output streams, environment and working directory are the process's own.
 */
export function runCliInProcess(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const run = queue.then(() => capture(args, options));
  queue = run.catch(() => {});
  return run;
}

async function capture(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  const output = { stdout: '', stderr: '' };
  const streams = { stdout: process.stdout, stderr: process.stderr } as const;
  const saved = {
    writes: { stdout: streams.stdout.write, stderr: streams.stderr.write },
    tty: { stdout: streams.stdout.isTTY, stderr: streams.stderr.isTTY },
    env: { ...process.env },
    cwd: process.cwd(),
  };
  for (const name of ['stdout', 'stderr'] as const) {
    streams[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
    // Piped, as from a child process: no progress bars.
    streams[name].isTTY = false;
  }
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  process.chdir(options.cwd ?? PROJECT_ROOT);
  try {
    const code = await runProgram([process.execPath, 'scarecrow', ...args]);
    return { code, ...output };
  } finally {
    for (const name of ['stdout', 'stderr'] as const) {
      streams[name].write = saved.writes[name];
      streams[name].isTTY = saved.tty[name];
    }
    for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key];
    Object.assign(process.env, saved.env);
    process.chdir(saved.cwd);
  }
}
