import { stat } from 'node:fs/promises';
import { UserError } from '../errors/user-error.ts';

/** An input file a command cannot do without: a missing one (or an empty one, when that matters) is the user's error, named. */
export async function requireFile(file: string, options: { nonEmpty?: boolean } = {}): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info || !info.isFile()) throw new UserError(`${file}: no such file`, { file });
  if (options.nonEmpty && info.size === 0) throw new UserError(`${file}: file is empty`, { file });
}
