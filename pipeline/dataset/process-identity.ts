import { hostname } from 'node:os';

/** This machine's name as it goes into lock files and temp folder names: only characters safe in a file name. */
export function thisHost(): string {
  return hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'unknown-host';
}

/**
 * Whether a process of this machine is still running. Signal 0 only asks; EPERM means it
 * exists but belongs to another user, which is still alive.
 */
export function isRunningHere(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
