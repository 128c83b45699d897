import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors/user-error.ts';
import { Config } from '../schemas/config.ts';
import { describeIssues, lineOfOffset } from './describe-issue.ts';
import { formatBytes, INPUT_LIMITS } from '../schemas/input-limits.ts';
import { lineOfPath } from './json-positions.ts';
import { problemsError } from './problems-error.ts';
import { decodeUtf8 } from './read-lines.ts';
import { PROJECT_ROOT } from './project-root.ts';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or null for the embedded defaults. */
  file: string | null;
  /** Folder that relative paths in the config are resolved against. */
  baseDir: string;
  /** True when the config names no seed paths: the bundled seeds are used, wherever the config lives. */
  bundledSeeds?: boolean;
}

/** The embedded defaults: the bundled seeds, the simulator in every role. */
export function defaultConfig(): LoadedConfig {
  return { config: Config.parse({}), file: null, baseDir: PROJECT_ROOT, bundledSeeds: true };
}

/** Reads and validates a JSON config file; every problem is reported, each naming the file, line and field. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  const text = await readConfigText(file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message));
    const line = position ? lineOfOffset(text, Number(position[1])) : undefined;
    throw new UserError(`${file}${line ? `:${line}` : ''}: not valid JSON (${(error as Error).message})`, { file, line });
  }
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    throw problemsError(file, describeIssues(parsed.error.issues).map(({ path, field, message }) => ({ line: lineOfPath(text, path), field, message })));
  }
  const seedPaths = (raw as { seeds?: { paths?: unknown } }).seeds?.paths;
  return { config: parsed.data, file, baseDir: dirname(resolve(file)), bundledSeeds: seedPaths === undefined };
}

/** The config's text: size-capped, strictly UTF-8, a leading byte-order mark (as Windows editors write) dropped. */
async function readConfigText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isFile() && info.size > INPUT_LIMITS.configFileBytes) {
      throw new UserError(`${file}: the config file is ${formatBytes(info.size)}, more than the ${formatBytes(INPUT_LIMITS.configFileBytes)} a config may be`, { file });
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file });
  }
  const text = decodeUtf8({ bytes, file });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Resolves a path from the config against the config's folder. */
export function resolveFromConfig(loaded: LoadedConfig, path: string): string {
  return isAbsolute(path) ? path : resolve(loaded.baseDir, path);
}
