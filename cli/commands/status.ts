import type { Command } from 'commander';
import { Queue } from 'bullmq';
import { UserError } from '../../pipeline/errors/user-error.ts';
import { prefixFrom, QUEUE_STAGES, type QueueStage } from '../../workers/queue-names.ts';
import { readRunJobCounts } from '../../workers/run-job-counts.ts';
import { connectChecked, redisUrlFrom } from '../../workers/redis-connection.ts';
import { readRunFailures } from '../../workers/run-failures.ts';
import { runIndexKey } from '../../workers/run-keys.ts';
import { estimateSecondsLeft, readRunProgress } from '../../workers/run-progress.ts';
import { findStuckWork } from '../../workers/stuck-work.ts';
import { formatStatus, STUCK_CHECK_LIMIT } from '../status-text.ts';

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
