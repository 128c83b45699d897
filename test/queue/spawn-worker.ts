import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { REDIS_URL } from './support.ts';

/** The CLI as a user starts it. */
export const CLI = ['bin/scarecrow.js'];

export interface SpawnedWorker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** A real `scarecrow worker` process (or another long-running command, such as dashboard) on the test's prefix. */
export function spawnWorker(options: { prefix: string; command?: string; args?: string[]; env?: NodeJS.ProcessEnv }): SpawnedWorker {
  const child = spawn(process.execPath, [...CLI, options.command ?? 'worker', ...(options.args ?? [])], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, REDIS_URL, SCARECROW_QUEUE_PREFIX: options.prefix, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Runs the CLI to completion and returns its exit code and output. */
export function runCli(options: { args: string[]; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...options.args], { cwd: PROJECT_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI ${options.args.join(' ')} timed out: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
