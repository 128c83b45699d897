import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { INTEGRATION, isIntegrationTest, LONGEST_FIRST } from './test-projects.ts';

/** Packages that reach outside the test's process: Redis, child processes, servers, a browser. */
const OUTSIDE_PACKAGES = [/^(node:)?child_process$/, /^ioredis$/, /^bullmq$/, /^(node:)?(http|https|net)$/, /^express$/, /^playwright/];

/** Project modules that do the same: the runners, the CLI's commands, the simulator's server, the tests' process helpers. */
const OUTSIDE_MODULES = [/^workers\//, /^in-process\//, /^cli\/(commands\/|run-program|create-program)/, /^simulator\/(index|start-simulator)\.ts$/, /^pipeline\/evaluation\/run-evaluation\.ts$/, /^test\/support\/run-cli/, /^test\/queue\/spawn-worker/];

function testFiles(dir: string): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(path);
    return path.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(join(PROJECT_ROOT, path), 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

/** What a file reaches outside its process, through its own imports or a test helper's, as "a -> b -> what"; null if nothing. */
function reachesOutside(path: string, visiting = new Set<string>()): string | null {
  visiting.add(path);
  for (const specifier of importsOf(path)) {
    if (!specifier.startsWith('.')) {
      if (OUTSIDE_PACKAGES.some((pattern) => pattern.test(specifier))) return specifier;
      continue;
    }
    const target = relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(path), specifier));
    if (OUTSIDE_MODULES.some((pattern) => pattern.test(target))) return target;
    // Test helpers are followed; production modules are not (the list above names those that reach out).
    // A path that names no file is import-like text inside a string (a test of an import reader), not an import.
    if (target.startsWith('test/') && !visiting.has(target) && existsSync(join(PROJECT_ROOT, target))) {
      const through = reachesOutside(target, visiting);
      if (through) return `${target} -> ${through}`;
    }
  }
  return null;
}

describe('the unit and integration projects', () => {
  const files = testFiles('test');

  it('keep every unit test inside its own process: no Redis, child process, server, CLI or browser', () => {
    const unit = files.filter((file) => !isIntegrationTest(file));
    expect(unit.length).toBeGreaterThan(10);
    const breaking = unit.map((file) => [file, reachesOutside(file)]).filter(([, reached]) => reached !== null).map(([file, reached]) => `${file} reaches ${reached}: list it in test/support/test-projects.ts`);
    expect(breaking).toEqual([]);
  });

  it('start with the longest files: each one listed exists, once', () => {
    expect(new Set(LONGEST_FIRST).size).toBe(LONGEST_FIRST.length);
    for (const file of LONGEST_FIRST) expect(files, file).toContain(file);
  });

  it('name only folders and files that exist, each file outside the listed folders', () => {
    for (const folder of INTEGRATION.folders) expect(existsSync(join(PROJECT_ROOT, folder)), folder).toBe(true);
    for (const file of INTEGRATION.files) {
      expect(files, file).toContain(file);
      expect(INTEGRATION.folders.some((folder) => file.startsWith(folder)), `${file} is already in a listed folder`).toBe(false);
    }
  });

  it('catch a unit test that reaches out through a helper', () => {
    // The scan itself: a queue test reaches Redis through its imports, a pure one reaches nothing.
    expect(reachesOutside('test/queue/kill-workers.test.ts')).not.toBeNull();
    expect(reachesOutside('test/dedupe/dedupe-cli.test.ts')).toMatch(/^test\/dedupe\/support\/run-cli\.ts -> test\/support\/run-cli/);
    expect(reachesOutside('test/judging/aggregate-votes.test.ts')).toBeNull();
  });
});
