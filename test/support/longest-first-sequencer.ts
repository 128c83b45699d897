import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { LONGEST_FIRST } from './test-projects.ts';

/**
 * Starts, within each project, the files known to take longest first, in the order LONGEST_FIRST gives, then the rest
 * as vitest orders them. vitest's own order puts the longest first only once it has timed a run
 * (its cache lives in node_modules); on a fresh clone it goes by file size, which can leave the
 * retraining test to start near the end and run alone for its last forty seconds. The same
 * order on every machine also makes a local run's time say what CI's will be.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const root = this.ctx.config.root;
    // Projects keep vitest's order; only the files within one move.
    const projectRank = new Map<string, number>();
    for (const spec of base) if (!projectRank.has(spec.project.name)) projectRank.set(spec.project.name, projectRank.size);
    const rank = (spec: TestSpecification) => {
      const at = (LONGEST_FIRST as readonly string[]).indexOf(relative(root, spec.moduleId));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    // Array sort is stable: files off the list stay in vitest's order, after those on it.
    return [...base].sort((a, b) => projectRank.get(a.project.name)! - projectRank.get(b.project.name)! || rank(a) - rank(b));
  }
}
