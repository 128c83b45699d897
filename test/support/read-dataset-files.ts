import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function readJsonl<T = Record<string, unknown>>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T);
}

/** Every file of a dataset folder, by relative path, for byte comparisons. */
export async function readFolder(dir: string, prefix = ''): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, await readFolder(dir, path));
    else files[path] = await readFile(join(dir, path), 'utf8');
  }
  return files;
}
