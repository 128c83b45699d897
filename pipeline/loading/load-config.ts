import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors/user-error.ts';
import { Config } from '../schemas/config.ts';
import { describeIssue, lineOfOffset } from './describe-issue.ts';
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

/** Reads and validates a JSON config file; every problem names the file, line and field. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file });
  }
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
    const issue = parsed.error.issues[0]!;
    const { field, message } = describeIssue(issue);
    const line = lineOfField(text, field);
    throw new UserError(`${file}${line ? `:${line}` : ''}: ${field}: ${message}`, { file, line, field });
  }
  const seedPaths = (raw as { seeds?: { paths?: unknown } }).seeds?.paths;
  return { config: parsed.data, file, baseDir: dirname(resolve(file)), bundledSeeds: seedPaths === undefined };
}

/** Resolves a path from the config against the config's folder. */
export function resolveFromConfig(loaded: LoadedConfig, path: string): string {
  return isAbsolute(path) ? path : resolve(loaded.baseDir, path);
}

/** Best-effort line of a dotted field path: the line of its last named key, searched in order. */
function lineOfField(text: string, field: string): number | undefined {
  let offset = 0;
  for (const key of field.split(/[.[\]]+/).filter((part) => part && !/^\d+$/.test(part))) {
    const found = text.indexOf(`"${key}"`, offset);
    if (found < 0) return offset > 0 ? lineOfOffset(text, offset) : undefined;
    offset = found;
  }
  return offset > 0 ? lineOfOffset(text, offset) : undefined;
}
