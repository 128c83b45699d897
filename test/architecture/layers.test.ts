import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { findCycles } from '../../scripts/import-graph/find-cycles.ts';
import { describeFolderCycle, folderCycles } from '../../scripts/import-graph/folder-cycles.ts';
import { buildImportGraph, ENTRY_POINT, runtimeClosure, SOURCE_FOLDERS, type ImportEdge } from '../../scripts/import-graph/import-graph.ts';
import { describeEdge, layerViolations } from '../../scripts/import-graph/layer-rules.ts';
import { readReferences } from '../../scripts/import-graph/read-references.ts';

const graph = buildImportGraph(PROJECT_ROOT);
const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly, line: 1 });

describe('the import graph of cli/, in-process/, workers/, simulator/ and pipeline/', () => {
  it('reads every source file and resolves every relative import to one of them', () => {
    for (const folder of SOURCE_FOLDERS) expect(graph.files.some((file) => file.startsWith(`${folder}/`)), folder).toBe(true);
    expect(graph.files).toContain(ENTRY_POINT);
    expect(graph.edges.length).toBeGreaterThan(graph.files.length);
    expect(graph.unresolved.map(({ from, line, specifier }) => `${from}:${line} → ${specifier}`)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(findCycles(graph.files, graph.edges).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has no import cycle between the concern folders of pipeline/', () => {
    expect(folderCycles(graph.edges).map(describeFolderCycle)).toEqual([]);
  });

  it('keeps the layer rule: pipeline/ imports no other layer, simulator/ only pipeline/, the runners neither each other nor cli/', () => {
    expect(layerViolations(graph.edges).map(describeEdge)).toEqual([]);
  });

  it('reaches every layer from bin/scarecrow.js', () => {
    const reached = runtimeClosure(graph, ENTRY_POINT);
    for (const folder of SOURCE_FOLDERS) expect([...reached].some((file) => file.startsWith(`${folder}/`)), folder).toBe(true);
  });
});

describe('the checks above', () => {
  it('read static, re-exported and dynamic imports, tell type-only ones apart, and skip comments and strings', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C, type D } from './c.ts';",
      "import { type E, f } from './e.ts';",
      "export { g } from './g.ts';",
      "// import { h } from './not-an-import.ts';",
      "const text = \"import { i } from './not-either.ts'\";",
      "const later = await import('./later.ts');",
      "const data = new URL(`./data/${text}.json`, import.meta.url);",
      "const seeds = join(PROJECT_ROOT, 'seeds');",
    ].join('\n');
    const { imports, assets } = readReferences('x.ts', source);
    expect(imports.map(({ specifier, typeOnly, line }) => [specifier, typeOnly, line])).toEqual([
      ['./a.ts', false, 1],
      ['./b.ts', true, 2],
      ['./c.ts', true, 3],
      ['./e.ts', false, 4],
      ['./g.ts', false, 5],
      ['./later.ts', false, 8],
    ]);
    expect(assets).toEqual([
      { path: './data/', from: 'module', line: 9 },
      { path: 'seeds', from: 'root', line: 10 },
    ]);
  });

  it('find a cycle and name its path', () => {
    const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'];
    expect(findCycles(files, [edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('c.ts', 'a.ts'), edge('c.ts', 'd.ts')])).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(findCycles(files, [edge('d.ts', 'd.ts')])).toEqual([['d.ts', 'd.ts']]);
    expect(findCycles(files, [edge('a.ts', 'b.ts'), edge('a.ts', 'c.ts'), edge('b.ts', 'c.ts')])).toEqual([]);
  });

  it('find a cycle between folders of pipeline/, type-only imports too, and name the imports that make it', () => {
    const edges = [
      edge('pipeline/cost/cached-model.ts', 'pipeline/models/language-model.ts', true),
      edge('pipeline/models/create-models.ts', 'pipeline/models/roles.ts'),
      edge('pipeline/models/create-models.ts', 'pipeline/cost/budgeted-model.ts'),
      edge('pipeline/input/load-config.ts', 'pipeline/errors/user-error.ts'),
      edge('pipeline/top.ts', 'pipeline/cost/cached-model.ts'),
      edge('cli/main.ts', 'pipeline/cost/cached-model.ts'),
    ];
    expect(folderCycles(edges).map(describeFolderCycle)).toEqual([
      'pipeline/cost → pipeline/models → pipeline/cost (pipeline/cost/cached-model.ts:1 → pipeline/models/language-model.ts (type only); pipeline/models/create-models.ts:1 → pipeline/cost/budgeted-model.ts)',
    ]);
    expect(folderCycles(edges.filter((entry) => !entry.from.startsWith('pipeline/models/')))).toEqual([]);
  });

  it('name the file and line of an upward import, type-only ones too', () => {
    const edges = [
      edge('pipeline/x.ts', 'simulator/y.ts', true),
      edge('simulator/y.ts', 'workers/z.ts'),
      edge('in-process/run.ts', 'workers/queue.ts'),
      edge('workers/w.ts', 'cli/main.ts'),
      edge('cli/main.ts', 'workers/queue.ts'),
      edge('in-process/run.ts', 'simulator/y.ts'),
    ];
    expect(layerViolations(edges).map(describeEdge)).toEqual([
      'pipeline/x.ts:1 → simulator/y.ts (type only)',
      'simulator/y.ts:1 → workers/z.ts',
      'in-process/run.ts:1 → workers/queue.ts',
      'workers/w.ts:1 → cli/main.ts',
    ]);
  });
});
