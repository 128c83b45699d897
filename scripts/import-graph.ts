// Prints the import graph's figures: node bin/run-script.js scripts/import-graph.ts
// test/architecture/layers.test.ts asserts the same rules on the same graph.
import { PROJECT_ROOT } from '../pipeline/input/project-root.ts';
import { findCycles } from './import-graph/find-cycles.ts';
import { describeFolderCycle, folderCycles } from './import-graph/folder-cycles.ts';
import { buildImportGraph, topFolder } from './import-graph/import-graph.ts';
import { describeEdge, LAYERS, layerViolations } from './import-graph/layer-rules.ts';

const graph = buildImportGraph(PROJECT_ROOT);
const pad = (text: string | number, width: number) => String(text).padStart(width);

const lines = ['files per layer'];
for (const layer of LAYERS) lines.push(`  ${layer.padEnd(12)}${pad(graph.files.filter((file) => topFolder(file) === layer).length, 5)}`);
lines.push(`  ${'total'.padEnd(12)}${pad(graph.files.length, 5)}`, '');

lines.push('imports between layers (import statements; row imports column)');
const width = Math.max(...LAYERS.map((layer) => layer.length)) + 2;
lines.push(`  ${''.padEnd(12)}${LAYERS.map((layer) => pad(layer, width)).join('')}`);
for (const from of LAYERS) {
  const counts = LAYERS.map((to) => graph.edges.filter((edge) => topFolder(edge.from) === from && topFolder(edge.to) === to).length);
  lines.push(`  ${from.padEnd(12)}${counts.map((count) => pad(count || '.', width)).join('')}`);
}
lines.push('');

const cycles = findCycles(graph.files, graph.edges);
lines.push(`cycles among files: ${cycles.length}`, ...cycles.map((cycle) => `  ${cycle.join(' → ')}`));
const upward = layerViolations(graph.edges);
lines.push(`upward imports (against the layer rule): ${upward.length}`, ...upward.map((edge) => `  ${describeEdge(edge)}`));
lines.push(`unresolved relative imports: ${graph.unresolved.length}`, ...graph.unresolved.map(({ from, line, specifier }) => `  ${from}:${line} → ${specifier}`));

const folders = folderCycles(graph.edges);
lines.push(`cycles among pipeline/ folders: ${folders.length}`, ...folders.map((cycle) => `  ${describeFolderCycle(cycle)}`));

console.log(lines.join('\n'));
