import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../cli/create-program.ts';
import { fillReadme } from '../../scripts/readme/update-readme.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';

const readme = () => readFile(join(PROJECT_ROOT, 'README.md'), 'utf8');

/** Every `npx --no scarecrow ...` the README shows, in code blocks (continued lines joined, comments cut) or inline. */
function documentedCommands(text: string): string[] {
  const commands: string[] = [];
  const joined = text.replace(/\\\n\s*/g, ' ');
  for (const line of joined.split('\n')) {
    const inline = [...line.matchAll(/`[^`]*?npx --no scarecrow ([^`]*)`/g)].map((match) => match[1]!);
    const shown = /^(?:[A-Z_]+=\S+ )*npx --no scarecrow (.*)$/.exec(line)?.[1]?.replace(/\s+#.*$/, '');
    for (const command of shown !== undefined ? [shown] : inline) if (command.trim() !== '...') commands.push(command.trim());
  }
  return commands;
}

/** The words of a shell command line, with "quoted phrases" kept whole. */
const words = (command: string) => [...command.matchAll(/"[^"]*"|\S+/g)].map((match) => match[0]);

/** What is wrong with a documented command line, as the CLI defines its commands and flags; null when nothing is. */
function problemWith(program: Command, command: string): string | null {
  const [name, ...rest] = words(command);
  let target = program.commands.find((candidate) => candidate.name() === name);
  if (!target) return `no command "${name}"`;
  if (target.commands.length > 0) {
    const sub = target.commands.find((candidate) => candidate.name() === rest[0]);
    if (!sub) return `"${name}" has no subcommand "${rest[0]}"`;
    target = sub;
    rest.shift();
  }
  const flags = new Set(['--help', ...target.options.flatMap((option) => [option.long, option.short].filter((flag): flag is string => Boolean(flag)))]);
  const unknown = rest.filter((word) => word.startsWith('-')).map((word) => word.split('=')[0]!).filter((flag) => !flags.has(flag));
  return unknown.length > 0 ? `"${target.name()}" has no flag ${unknown.join(', ')}` : null;
}

/** The folders the "Where things are" section names, in order: `- \`cli/\`: ...`, nested ones indented. */
function codeMapFolders(text: string): string[] {
  const section = /^## Where things are\n([\s\S]*?)^## /m.exec(text)?.[1] ?? '';
  return [...section.matchAll(/^\s*- `([a-z][a-z0-9-]*(?:\/[a-z0-9-]+)*)\/`/gm)].map((match) => match[1]!);
}

/**
 * The project's files: those git tracks, so a folder left empty or unstaged in a working tree
 * does not count; every file under the root when this is no git checkout.
 */
function projectFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    const walk = (dir: string): string[] =>
      readdirSync(join(PROJECT_ROOT, dir)).flatMap((name) => {
        const path = dir ? `${dir}/${name}` : name;
        if (name.startsWith('.') || name === 'node_modules') return [];
        return statSync(join(PROJECT_ROOT, path)).isDirectory() ? walk(path) : [path];
      });
    return walk('');
  }
}

/** Every path in backticks that names a file or folder of the repository by one of its top-level folders. */
function repositoryPaths(text: string, topFolders: string[]): string[] {
  const paths = [...text.matchAll(/`([a-z][a-z0-9-]*\/[A-Za-z0-9_./-]*)`/g)].map((match) => match[1]!);
  return [...new Set(paths.filter((path) => topFolders.includes(path.split('/')[0]!) && !/[<>*]/.test(path)))];
}

describe('README', () => {
  it('documents every config field as the schema describes it (run `npm run docs` after changing the schema)', async () => {
    const text = await readme();
    expect(fillReadme(text)).toBe(text);
    expect(text).toContain('`probe.refusalThreshold`');
  });

  it('shows only commands and flags the CLI has, so a reader can paste every `npx --no scarecrow` line', async () => {
    const commands = documentedCommands(await readme());
    expect(commands.length).toBeGreaterThan(20);
    const program = await createProgram();
    // The check itself catches a misspelt flag, subcommand or command.
    expect(problemWith(program, 'run --quue --config my.json')).toBe('"run" has no flag --quue');
    expect(problemWith(program, 'refusal clasify --in a.jsonl')).toBe('"refusal" has no subcommand "clasify"');
    expect(problemWith(program, 'serve')).toBe('no command "serve"');
    const problems = commands.map((command) => ({ command, problem: problemWith(program, command) })).filter(({ problem }) => problem !== null);
    expect(problems).toEqual([]);
    // Each command the CLI has is shown at least once.
    const shown = new Set(commands.map((command) => words(command)[0]));
    expect(program.commands.map((command) => command.name()).filter((name) => !shown.has(name))).toEqual([]);
  });

  it('keeps the two-command quick start', async () => {
    const text = await readme();
    expect(text).toContain('npm ci && npm start');
    expect(text).toContain('npm test');
  });

  it('has a code map naming every top-level folder and every pipeline/ concern, and only folders that exist', async () => {
    const named = codeMapFolders(await readme());
    const files = projectFiles().filter((file) => !file.startsWith('.'));
    const topFolders = [...new Set(files.filter((file) => file.includes('/')).map((file) => file.split('/')[0]!))].sort();
    const concerns = [...new Set(files.filter((file) => /^pipeline\/[^/]+\//.test(file)).map((file) => file.split('/').slice(0, 2).join('/')))].sort();
    expect(topFolders).toEqual(expect.arrayContaining(['cli', 'pipeline', 'simulator', 'workers']));
    expect(topFolders.filter((folder) => !named.includes(folder)).map((folder) => `${folder}/ is not in "Where things are"`)).toEqual([]);
    expect(concerns.filter((folder) => !named.includes(folder)).map((folder) => `${folder}/ is not in "Where things are"`)).toEqual([]);
    expect(named.filter((folder) => !files.some((file) => file.startsWith(`${folder}/`))).map((folder) => `"Where things are" names ${folder}/, which holds no file`)).toEqual([]);
    expect(named.filter((folder, index) => named.indexOf(folder) !== index)).toEqual([]);
  });

  it('names only files and folders of the repository that exist', async () => {
    const text = await readme();
    const topFolders = codeMapFolders(text).filter((folder) => !folder.includes('/'));
    const paths = repositoryPaths(text, topFolders.filter((folder) => folder !== 'output'));
    expect(paths).toEqual(expect.arrayContaining(['pipeline/refusal/', 'simulator/data/', 'test/architecture/layers.test.ts']));
    expect(paths.filter((path) => !existsSync(join(PROJECT_ROOT, path)))).toEqual([]);
  });
});
