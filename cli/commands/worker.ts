import type { Command } from 'commander';
import { UserError } from '../../pipeline/errors/user-error.ts';
import { ITEM_STAGES } from '../../pipeline/stages/stage-graph.ts';
import { prefixFrom, QUEUE_STAGES, QueueStage } from '../../workers/queue-names.ts';
import { connectChecked, redisUrlFrom } from '../../workers/redis-connection.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import { abortOnSignals } from '../interrupt.ts';
import { positiveInteger, wholeNumber } from '../parse-flags.ts';

interface WorkerFlags {
  stages: string;
  concurrency: string;
  grace: string;
  lockDuration: string;
  maxStalled: string;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Serve queued runs from Redis (REDIS_URL, default redis://127.0.0.1:6379). Start as many as you like, on as many machines.')
    .option('--stages <list>', `comma-separated stages this worker serves (${QUEUE_STAGES.join(',')})`, QUEUE_STAGES.join(','))
    .option('--concurrency <n>', `jobs in flight per item stage (${ITEM_STAGES.map((stage) => stage.name).join(', ')}) in this process`, '8')
    .option('--grace <ms>', 'on SIGINT/SIGTERM, how long active jobs may finish before they are handed back to the queue', '20000')
    .option('--lock-duration <ms>', 'job lock; a killed worker\'s jobs are picked up again after about this long', '30000')
    .option('--max-stalled <n>', 'times a job may be picked up again after its worker died on it before its item is recorded as failed', '10')
    .action(async (flags: WorkerFlags) => {
      const stages = parseStages(flags.stages);
      const concurrency = positiveInteger(flags.concurrency, '--concurrency');
      const graceMs = positiveInteger(flags.grace, '--grace');
      const lockDurationMs = positiveInteger(flags.lockDuration, '--lock-duration');
      const maxStalledCount = wholeNumber(flags.maxStalled, '--max-stalled');
      const redisUrl = redisUrlFrom();
      (await connectChecked({ url: redisUrl })).disconnect();
      const interrupt = abortOnSignals((message) => process.stderr.write(`${message}\n`));
      const running = await startWorkers({ redisUrl, prefix: prefixFrom(), stages, concurrency, lockDurationMs, maxStalledCount });
      try {
        await new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
        process.stderr.write(`finishing active jobs (up to ${graceMs} ms)...\n`);
        await running.close({ graceMs });
        process.stderr.write('worker stopped\n');
      } finally {
        interrupt.dispose();
      }
    });
}

function parseStages(list: string): QueueStage[] {
  const stages = list.split(',').map((stage) => stage.trim()).filter(Boolean);
  for (const stage of stages) {
    if (!QueueStage.safeParse(stage).success) throw new UserError(`--stages: unknown stage "${stage}"; choose from ${QUEUE_STAGES.join(', ')}`, { field: '--stages' });
  }
  if (stages.length === 0) throw new UserError('--stages: name at least one stage', { field: '--stages' });
  return [...new Set(stages)] as QueueStage[];
}
