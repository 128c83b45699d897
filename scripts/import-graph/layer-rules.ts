import { topFolder, type ImportEdge } from './import-graph.ts';

/**
 * What each layer may import, besides itself: cli → (in-process | workers) → simulator → pipeline.
 * The domain imports no layer above it, the two runners never import each other, and only
 * the CLI (started by bin/scarecrow.js) brings both runners together.
 */
export const ALLOWED_IMPORTS: Record<string, readonly string[]> = {
  bin: ['cli'],
  cli: ['in-process', 'workers', 'simulator', 'pipeline'],
  'in-process': ['simulator', 'pipeline'],
  workers: ['simulator', 'pipeline'],
  simulator: ['pipeline'],
  pipeline: [],
};

export const LAYERS = Object.keys(ALLOWED_IMPORTS);

/** Imports the layer rule forbids, type-only ones included: a type still ties the importer to the layer. */
export function layerViolations(edges: ImportEdge[]): ImportEdge[] {
  return edges.filter((edge) => {
    const from = topFolder(edge.from);
    const to = topFolder(edge.to);
    return from !== to && !(ALLOWED_IMPORTS[from] ?? []).includes(to);
  });
}

/** `pipeline/a.ts:3 → simulator/b.ts`, as a failing check names it. */
export function describeEdge(edge: ImportEdge): string {
  return `${edge.from}:${edge.line} → ${edge.to}${edge.typeOnly ? ' (type only)' : ''}`;
}
