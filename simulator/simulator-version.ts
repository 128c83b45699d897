import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIMULATOR_DIR = fileURLToPath(new URL('.', import.meta.url));

let version: string | null = null;

/**
 * What the simulator's answers depend on: a hash of its code and its data files (word
 * lists, phrase banks). Any change to either gives another version, with no number to
 * remember to bump, so results a run kept from an older simulator are never mixed in.
 */
export function simulatorVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const file of filesUnder(SIMULATOR_DIR)) hash.update(relative(SIMULATOR_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  version = `sim-${hash.digest('hex').slice(0, 12)}`;
  return version;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []));
}
