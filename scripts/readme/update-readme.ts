import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { configReference, modelRoleReference } from './config-reference.ts';

const SECTIONS: Record<string, () => string> = {
  'config-reference': configReference,
  'model-role-reference': modelRoleReference,
};

/** The README with every generated section filled in from the code. */
export function fillReadme(text: string): string {
  let filled = text;
  for (const [name, build] of Object.entries(SECTIONS)) {
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    filled = filled.replace(pattern, (_, start: string, end: string) => `${start}${build()}\n${end}`);
  }
  return filled;
}

export async function updateReadme(): Promise<boolean> {
  const path = join(PROJECT_ROOT, 'README.md');
  const text = await readFile(path, 'utf8');
  const filled = fillReadme(text);
  if (filled !== text) await writeFile(path, filled);
  return filled !== text;
}
