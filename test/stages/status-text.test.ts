import { describe, expect, it } from 'vitest';
import { formatStatus, type StatusView } from '../../cli/status-text.ts';
import { ITEM_STAGES, leadingBarrier, segments } from '../../pipeline/stages/stage-graph.ts';

/** A run mid-way: the first segment's seeds are known, the barriers after it have not run yet unless `sentOn` says what they sent. */
function statusOf(sentOn: (number | null)[]): string {
  const totals = segments().map((_, index) => (index === 0 ? 6 : (sentOn[index - 1] ?? null)));
  const progress: StatusView['progress'] = {
    runId: 'r1', name: 'status-text', state: 'generate', createdAt: null, finishedAt: null, seeds: 6, kept: totals[1] ?? null, settled: 0,
    stages: ITEM_STAGES.map((stage) => ({ stage: stage.name, entered: null, done: 0 })),
    finalCounts: false,
    segments: segments().map((segment, index) => ({ opens: segment.opens, total: totals[index]!, settled: 0 })),
    summary: null, rewritesPerSeed: 1,
  };
  const jobs: NonNullable<StatusView['jobs']> = ITEM_STAGES.map((stage) => ({ stage: stage.name, total: null, done: 0, waiting: 0, active: 0, retrying: 0, failed: 0 }));
  return formatStatus({ progress, jobs, stuck: 0, failures: [], eta: null, queues: [] });
}

/** The first word of each line between the header row and the settled line: the rows' stages. */
const rowNames = (text: string) => {
  const lines = text.split('\n').map((line) => line.trim());
  return lines.slice(lines.findIndex((line) => line.startsWith('stage ')) + 1, lines.findIndex((line) => line.startsWith('settled '))).map((line) => line.split(/\s+/)[0]);
};
const opener = (index: number) => (index === 0 ? leadingBarrier()?.name : segments()[index - 1]!.opens);

describe('status as text', () => {
  it('shows a row per stage in the order of the declared graph, each barrier before the segment it opens', () => {
    const expected = segments().flatMap((segment, index) => [opener(index), ...segment.stages.map((stage) => stage.name)]).filter((name) => name !== undefined);
    expect(expected.slice(0, 3)).toEqual(['expand', 'generate', 'dedupe']);
    expect(rowNames(statusOf([]))).toEqual(expected);
  });

  it('has a barrier say how many items it sent on once it has run, waiting before', () => {
    const dedupe = (text: string) => text.split('\n').find((line) => line.trim().startsWith('dedupe'))!.trim();
    expect(dedupe(statusOf([]))).toMatch(/^dedupe\s+waiting$/);
    expect(dedupe(statusOf([12]))).toMatch(/^dedupe\s+12 sent on$/);
    expect(statusOf([12])).toMatch(/settled\s+0\/12 candidates/);
  });
});
