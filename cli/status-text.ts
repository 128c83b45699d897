import { leadingBarrier, segments } from '../pipeline/stages/stage-graph.ts';
import type { StageJobCounts } from '../workers/run-job-counts.ts';
import type { RunProgress } from '../workers/run-progress.ts';

/** Owed jobs whose state status checks: enough to tell a stuck run, cheap on a big one. */
export const STUCK_CHECK_LIMIT = 1_000;

export interface StatusView {
  progress: RunProgress;
  jobs: StageJobCounts[] | null;
  stuck: number;
  failures: { stage: string; id: string; reason: string }[];
  eta: number | null;
  queues: { stage: string; counts: Record<string, number> }[];
}

/** `scarecrow status RUN_ID` as text: the run's state, then its stages in the graph's order, or its summary once done. */
export function formatStatus(options: StatusView): string {
  const { progress, failures, eta } = options;
  const lines = [
    `run ${progress.runId} (${progress.name ?? 'unnamed'}): ${progress.state}${eta !== null && progress.state !== 'done' ? `, about ${formatSeconds(eta)} left` : ''}`,
  ];
  if (progress.summary) {
    const { summary } = progress;
    lines.push(`  dataset: ${summary.dir}${summary.simulated ? '  (SIMULATED)' : ''}`);
    lines.push(`  all ${summary.sizes.all}, hard ${summary.sizes.hard}, toxic ${summary.sizes.toxic} rows; ${summary.counts.failed_candidates ?? 0} failed candidates, ${summary.counts.seeds_failed ?? 0} failed seeds; ${summary.seconds} s`);
  } else {
    lines.push(...stageRows(progress, options.jobs ?? []));
    const last = progress.segments.at(-1);
    const total = last?.total === null || last?.total === undefined ? '?' : String(last.total);
    lines.push(`  settled  ${cell(`${progress.settled}/${total}`, 13)} candidates (probe's total grows as verdicts send candidates on)`);
    if (options.stuck > 0) {
      const count = options.stuck >= STUCK_CHECK_LIMIT ? `at least ${options.stuck}` : String(options.stuck);
      lines.push(`  stuck    ${count} job${options.stuck === 1 ? ' has' : 's have'} gone from the queues, so no worker will move ${options.stuck === 1 ? 'it' : 'them'}: submit the run again (the same run --queue command) to queue ${options.stuck === 1 ? 'it' : 'them'} again`);
    }
    const byStage = new Map<string, number>();
    for (const failure of failures) byStage.set(failure.stage, (byStage.get(failure.stage) ?? 0) + 1);
    lines.push(`  failures  ${failures.length === 0 ? 'none' : [...byStage].map(([stage, count]) => `${stage} ${count}`).join(', ')}`);
    for (const failure of failures.slice(0, 5)) lines.push(`    ${failure.stage} ${failure.id}: ${failure.reason}`);
    if (failures.length > 5) lines.push(`    ... and ${failures.length - 5} more`);
  }
  lines.push('  queues, all runs together: ' + options.queues.map(({ stage, counts }) => `${stage} ${counts.waiting ?? 0} waiting/${counts.active ?? 0} active/${counts.delayed ?? 0} delayed/${counts.failed ?? 0} failed`).join('; '));
  return lines.join('\n') + '\n';
}

const cell = (value: number | string, width: number) => String(value).padStart(width);
const row = (stage: string, done: string, counts: string[] = []) => `  ${stage.padEnd(9)}${cell(done, 13)}${counts.map((count) => cell(count, 9)).join('')}`;

/**
 * One row per stage, walking the declared graph: each segment of item stages with its job counts,
 * after the barrier that opens it (seed expansion before the first, dedupe before judging) with
 * how many items it sent on, or waiting until it has. A stage added to the graph gets its row without an edit here.
 */
function stageRows(progress: RunProgress, jobs: StageJobCounts[]): string[] {
  const lines = [row('stage', 'done/total', ['waiting', 'active', 'retrying', 'failed'])];
  for (const [index, segment] of segments().entries()) {
    const opener = index === 0 ? leadingBarrier()?.name : segments()[index - 1]!.opens;
    const total = progress.segments[index]?.total ?? null;
    if (opener) lines.push(row(opener, total === null ? 'waiting' : `${total} sent on`));
    for (const stage of segment.stages) {
      const counts = jobs.find((entry) => entry.stage === stage.name);
      if (!counts) continue;
      lines.push(row(counts.stage, `${counts.done}/${counts.total === null ? '?' : counts.total}`, [counts.waiting, counts.active, counts.retrying, counts.failed].map(String)));
    }
  }
  return lines;
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
