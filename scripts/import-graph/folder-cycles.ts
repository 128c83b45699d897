import { findCycles } from './find-cycles.ts';
import type { ImportEdge } from './import-graph.ts';

/** The concern folder of a file of pipeline/ (`pipeline/dataset` for `pipeline/dataset/x.ts`); null outside it or at its top. */
export function concernOf(file: string): string | null {
  const parts = file.split('/');
  return parts[0] === 'pipeline' && parts.length > 2 ? `${parts[0]}/${parts[1]}` : null;
}

/** A cycle among concern folders, and for each step the first file import that makes it. */
export interface FolderCycle {
  folders: string[];
  imports: ImportEdge[];
}

/**
 * Cycles among pipeline/'s concern folders: one per group of folders that import each other
 * round (its shortest cycle through the group's first folder). Type-only imports count, as
 * in the layer rule: a type still ties one concern to the other.
 */
export function folderCycles(edges: ImportEdge[]): FolderCycle[] {
  const between = edges.filter((edge) => {
    const from = concernOf(edge.from);
    const to = concernOf(edge.to);
    return from !== null && to !== null && from !== to;
  });
  const folders = [...new Set(between.flatMap((edge) => [concernOf(edge.from)!, concernOf(edge.to)!]))].sort();
  const folderEdges = between.map((edge): ImportEdge => ({ ...edge, from: concernOf(edge.from)!, to: concernOf(edge.to)! }));
  return findCycles(folders, folderEdges).map((cycle) => ({
    folders: cycle,
    imports: cycle.slice(1).map((to, index) => between.find((edge) => concernOf(edge.from) === cycle[index] && concernOf(edge.to) === to)!),
  }));
}

/** `pipeline/a → pipeline/b → pipeline/a (pipeline/a/x.ts:3 → pipeline/b/y.ts; pipeline/b/z.ts:1 → pipeline/a/w.ts)`, as a failing check names it. */
export function describeFolderCycle(cycle: FolderCycle): string {
  const imports = cycle.imports.map((edge) => `${edge.from}:${edge.line} → ${edge.to}${edge.typeOnly ? ' (type only)' : ''}`);
  return `${cycle.folders.join(' → ')} (${imports.join('; ')})`;
}
