import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readReferences, type AssetReference } from './read-references.ts';

/** The folders that hold the CLI's code, and the file that starts it. */
export const SOURCE_FOLDERS = ['cli', 'in-process', 'workers', 'simulator', 'pipeline'] as const;
export const ENTRY_POINT = 'bin/scarecrow.js';

/** An import of one project file by another; paths are relative to the project root, with `/`. */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
  line: number;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
  /** Relative imports whose target is no file of the project. */
  unresolved: { from: string; specifier: string; line: number }[];
  /** Paths read at run time, resolved from the project root. */
  assets: (AssetReference & { of: string; resolved: string })[];
}

/** Reads every source file of the CLI and resolves its relative imports to project files. */
export function buildImportGraph(root: string): ImportGraph {
  const files = [ENTRY_POINT, ...SOURCE_FOLDERS.flatMap((folder) => sourceFiles(root, folder))].sort();
  const known = new Set(files);
  const graph: ImportGraph = { files, edges: [], unresolved: [], assets: [] };
  for (const file of files) {
    const references = readReferences(file, readFileSync(join(root, file), 'utf8'));
    for (const reference of references.imports) {
      if (!reference.specifier.startsWith('.')) continue; // a package, not project code
      const to = toProjectPath(root, resolve(root, dirname(file), reference.specifier));
      if (known.has(to)) graph.edges.push({ from: file, to, typeOnly: reference.typeOnly, line: reference.line });
      else graph.unresolved.push({ from: file, specifier: reference.specifier, line: reference.line });
    }
    for (const asset of references.assets) {
      const base = asset.from === 'module' ? dirname(file) : '.';
      graph.assets.push({ ...asset, of: file, resolved: toProjectPath(root, resolve(root, base, asset.path)) });
    }
  }
  return graph;
}

/** The files `start` loads when it runs: type-only imports are erased and load nothing. */
export function runtimeClosure(graph: ImportGraph, start: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) if (!edge.typeOnly) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const to of next.get(queue.pop()!) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** The top-level folder a project path lies in (`pipeline` for `pipeline/dataset/x.ts`). */
export function topFolder(path: string): string {
  return path.split('/')[0]!;
}

function sourceFiles(root: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) found.push(path);
    }
  };
  walk(folder);
  return found;
}

function toProjectPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}
