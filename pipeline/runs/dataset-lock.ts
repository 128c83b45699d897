import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRunningHere, thisHost } from '../dataset/process-identity.ts';
import { UserError } from '../errors/user-error.ts';

interface LockHolder {
  pid: number;
  host: string;
  started_at: string;
}

export interface DatasetLock {
  readonly file: string;
  release(): Promise<void>;
}

// The holder touches its lock this often; a lock of another machine untouched for STALE_AFTER_MS is taken as abandoned.
const HEARTBEAT_MS = 30_000;
const STALE_AFTER_MS = 10 * 60_000;

/** `<outputDir>/.<name>.lock`: held while a run writes that dataset, its journal and its temp folders. */
export function datasetLockFile(outputDir: string, name: string): string {
  return join(outputDir, `.${name}.lock`);
}

/**
 * Takes the dataset's lock, so two runs of the same dataset cannot both write its
 * journal, pay for every call twice and replace each other's files. A second run
 * is told who holds it (exit 2). A lock whose process is gone (same machine: its pid
 * is not running; another machine: not touched for ten minutes) is taken over, and
 * `onNotice` says so.
 */
export async function acquireDatasetLock(options: { outputDir: string; name: string; onNotice?: (message: string) => void }): Promise<DatasetLock> {
  const file = datasetLockFile(options.outputDir, options.name);
  await mkdir(options.outputDir, { recursive: true });
  const holder: LockHolder = { pid: process.pid, host: thisHost(), started_at: new Date().toISOString() };
  const text = JSON.stringify(holder) + '\n';
  for (let tries = 1; ; tries += 1) {
    if (await createExclusively(file, text)) return holdLock(file, text);
    const current = await readFile(file, 'utf8').catch(() => null);
    if (current === null) continue; // released in between: try again
    const stale = await staleReason(file, current);
    if (!stale || tries > 5) throw heldError(file, options.name, current);
    if (await removeIfUnchanged(file, current)) options.onNotice?.(`${file}: taken over from ${stale}`);
  }
}

/** Creates the lock with its whole content at once (a hard link of a written temp file), or returns false if it exists. */
async function createExclusively(file: string, text: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, text);
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Why a lock's holder is gone, or null while it may still be running. */
async function staleReason(file: string, text: string): Promise<string | null> {
  const holder = parseHolder(text);
  if (!holder) return 'an unreadable lock';
  if (holder.host === thisHost()) return isRunningHere(holder.pid) ? null : `pid ${holder.pid}, which is no longer running`;
  const touched = await stat(file).then((info) => info.mtimeMs, () => Date.now());
  return Date.now() - touched > STALE_AFTER_MS ? `pid ${holder.pid} on ${holder.host}, silent for ${Math.round((Date.now() - touched) / 60_000)} min` : null;
}

/**
 * Removes a stale lock unless another run took it over meanwhile: it is moved aside
 * first and put back if what was moved is not the stale lock that was read.
 */
async function removeIfUnchanged(file: string, staleText: string): Promise<boolean> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch {
    return false;
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== staleText) await link(aside, file).catch(() => {});
  await rm(aside, { force: true });
  return moved === staleText;
}

function holdLock(file: string, text: string): DatasetLock {
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(file, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // A second Ctrl-C exits at once, past every finally: the lock still goes.
  const onExit = () => {
    try {
      if (readFileSync(file, 'utf8') === text) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
  process.once('exit', onExit);
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      process.off('exit', onExit);
      // Only our own lock: never one another run took over after ours was judged stale.
      if ((await readFile(file, 'utf8').catch(() => null)) === text) await rm(file, { force: true });
    },
  };
}

function parseHolder(text: string): LockHolder | null {
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as LockHolder) : null;
  } catch {
    return null;
  }
}

function heldError(file: string, name: string, text: string): UserError {
  const holder = parseHolder(text);
  const who = holder ? `pid ${holder.pid} on host ${holder.host}${holder.host === thisHost() ? ' (this machine)' : ''}, since ${holder.started_at}` : 'an unknown process';
  return new UserError(
    `${file}: dataset ${name} is being made by another run (${who}). Wait for it to finish or stop it; if that run is gone, delete ${file}.`,
    { file, field: 'name' },
  );
}
