import type { Command } from 'commander';
import { Queue } from 'bullmq';
import { UserError } from '../../pipeline/errors/user-error.ts';
import { prefixFrom, QUEUE_STAGES, type QueueStage } from '../../workers/queue-names.ts';
import { readRunJobCounts, type StageJobCounts } from '../../workers/run-job-counts.ts';
import { connectChecked, redisUrlFrom } from '../../workers/redis-connection.ts';
import { readRunFailures } from '../../workers/run-failures.ts';
import { runIndexKey } from '../../workers/run-keys.ts';
import { estimateSecondsLeft, readRunProgress, type RunProgress } from '../../workers/run-progress.ts';
import { findStuckWork } from '../../workers/stuck-work.ts';

/** Owed jobs whose state status checks: enough to tell a stuck run, cheap on a big one. */
const STUCK_CHECK_LIMIT = 1_000;

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('Show a queued run: counts per stage, its state, failures and the time left. With no RUN_ID, list recent runs.')
    .argument('[run-id]', 'the id `run --queue` printed')
    .option('--json', 'print JSON instead of text')
    .action(async (runId: string | undefined, flags: { json?: boolean }) => {
      const redisUrl = redisUrlFrom();
      const prefix = prefixFrom();
      const redis = await connectChecked({ url: redisUrl });
      try {
        if (!runId) {
          const ids = (await redis.lrange(runIndexKey(prefix), -20, -1)).reverse();
          const runs = await Promise.all(ids.map((id) => readRunProgress({ redis, prefix, runId: id })));
          const known = runs.filter((run) => run.state !== 'unknown');
          if (flags.json) process.stdout.write(JSON.stringify(known, null, 2) + '\n');
          else process.stdout.write(known.length === 0 ? 'no runs in Redis\n' : known.map((run) => `${run.runId}  ${run.state.padEnd(8)}  ${run.name ?? ''}  ${run.createdAt ? new Date(run.createdAt).toISOString() : ''}`).join('\n') + '\n');
          return;
        }
        const progress = await readRunProgress({ redis, prefix, runId });
        if (progress.state === 'unknown') throw new UserError(`run ${runId}: not in Redis (wrong id, another SCARECROW_QUEUE_PREFIX, or finished more than a week ago)`);
        const failures = await readRunFailures({ redis, prefix, runId });
        const open = new Map<QueueStage, Queue>();
        const queueFor = (stage: QueueStage) => open.get(stage) ?? open.set(stage, new Queue(stage, { connection: redis, prefix })).get(stage)!;
        try {
          // A finished run's per-item results are cleared; its summary holds what is left to say.
          const jobs = progress.state === 'done' ? null : await readRunJobCounts({ queueFor, runId, progress, failures });
          // Work no worker will take (its job gone) would leave the run waiting forever; a joining submission queues it again.
          const stuck = (await findStuckWork({ redis, prefix, runId, queueFor, limit: STUCK_CHECK_LIMIT })).length;
          const queues = await Promise.all(QUEUE_STAGES.map(async (stage) => ({ stage, counts: await queueFor(stage).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed') })));
          const eta = estimateSecondsLeft(progress);
          if (flags.json) process.stdout.write(JSON.stringify({ ...progress, jobs, stuck, failures, etaSeconds: eta, queues }, null, 2) + '\n');
          else process.stdout.write(formatStatus({ progress, jobs, stuck, failures, eta, queues }));
        } finally {
          await Promise.all([...open.values()].map((queue) => queue.close()));
        }
      } finally {
        redis.disconnect();
      }
    });
}

function formatStatus(options: {
  progress: RunProgress;
  jobs: StageJobCounts[] | null;
  stuck: number;
  failures: { stage: string; id: string; reason: string }[];
  eta: number | null;
  queues: { stage: string; counts: Record<string, number> }[];
}): string {
  const { progress, failures, eta } = options;
  const kept = progress.kept === null ? '?' : String(progress.kept);
  const lines = [
    `run ${progress.runId} (${progress.name ?? 'unnamed'}): ${progress.state}${eta !== null && progress.state !== 'done' ? `, about ${formatSeconds(eta)} left` : ''}`,
  ];
  if (progress.summary) {
    const { summary } = progress;
    lines.push(`  dataset: ${summary.dir}${summary.simulated ? '  (SIMULATED)' : ''}`);
    lines.push(`  all ${summary.sizes.all}, hard ${summary.sizes.hard}, toxic ${summary.sizes.toxic} rows; ${summary.counts.failed_candidates ?? 0} failed candidates, ${summary.counts.seeds_failed ?? 0} failed seeds; ${summary.seconds} s`);
  } else {
    const cell = (value: number | string, width: number) => String(value).padStart(width);
    const row = (stage: string, done: string, counts: string[]) => `  ${stage.padEnd(9)}${cell(done, 13)}${counts.map((count) => cell(count, 9)).join('')}`;
    lines.push(row('stage', 'done/total', ['waiting', 'active', 'retrying', 'failed']));
    for (const stage of options.jobs ?? []) {
      const total = stage.total === null ? '?' : String(stage.total);
      lines.push(row(stage.stage, `${stage.done}/${total}`, [stage.waiting, stage.active, stage.retrying, stage.failed].map(String)));
      if (stage.stage === 'generate') lines.push(`  dedupe   ${cell(progress.kept === null ? 'waiting' : `${kept} kept`, 13)}`);
    }
    lines.push(`  settled  ${cell(`${progress.settled}/${kept}`, 13)} candidates (probe's total grows as verdicts send candidates on)`);
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

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
