import cliProgress from 'cli-progress';
import type { RunEvent } from '../pipeline/runs/run-events.ts';
import { formatRate, formatSeconds, stagePace } from './stage-pace.ts';

export interface ProgressReporter {
  onEvent(event: RunEvent): void;
  stop(): void;
}

/**
 * Progress bars on a terminal; on anything else (CI, a log file) plain lines at each
 * stage start, every tenth of the way, and each stage end. Both show the rate and the
 * time left while a stage runs, and the stage's own time once it has ended.
 */
export function createProgressReporter(options: { stream?: NodeJS.WriteStream; quiet?: boolean } = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { onEvent: () => {}, stop: () => {} };
  if (stream.isTTY) return barReporter(stream);
  return lineReporter(stream);
}

interface BarPayload {
  stage: string;
  /** The stage's duration as its runner measured it, once it has ended: the bar stops counting. */
  endedMs: number | null;
}

const BAR_WIDTH = 30;

function formatBar(_options: unknown, params: { value: number; total: number; startTime: number }, payload: BarPayload): string {
  const { value, total } = params;
  const share = total > 0 ? Math.min(1, value / total) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = '\u2588'.repeat(filled) + '\u2591'.repeat(BAR_WIDTH - filled);
  const elapsedMs = payload.endedMs ?? Date.now() - params.startTime;
  const { perSecond, secondsLeft } = stagePace({ done: value, total, elapsedMs });
  const timing = payload.endedMs !== null
    ? `done in ${formatSeconds(payload.endedMs / 1000)}`
    : `ETA ${secondsLeft === null ? '-' : formatSeconds(secondsLeft)} | ${formatSeconds(elapsedMs / 1000)}`;
  const count = `${value}/${total}`.padStart(2 * String(total).length + 1);
  return ` ${payload.stage.padEnd(8)} [${bar}] ${count} ${String(Math.floor(share * 100)).padStart(3)}% | ${formatRate(perSecond)} | ${timing}`;
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bars = new cliProgress.MultiBar({ stream, format: formatBar, hideCursor: true, clearOnComplete: false });
  const byStage = new Map<string, cliProgress.SingleBar>();
  return {
    onEvent(event) {
      if (event.type === 'stage-start') byStage.set(event.stage, bars.create(event.total, 0, { stage: event.stage, endedMs: null } satisfies BarPayload));
      else if (event.type === 'progress') {
        const bar = byStage.get(event.stage);
        // An ended bar stays as it ended, whatever a late poll reports.
        if (bar?.isActive) bar.update(event.done);
      } else if (event.type === 'stage-end') {
        const bar = byStage.get(event.stage);
        if (bar?.isActive) {
          bar.update({ endedMs: event.ms } satisfies Partial<BarPayload>);
          bar.stop();
        }
      } else bars.log(`${eventLine(event)}\n`);
    },
    stop: () => bars.stop(),
  };
}

/** A notice as it is, a Batch API job's status as one line: `batch judges[0] batch_abc: in_progress, 120/1,400 done, 2 failed`. */
function eventLine(event: Extract<RunEvent, { type: 'notice' | 'batch' }>): string {
  if (event.type === 'notice') return event.message;
  const number = (value: number) => value.toLocaleString('en-US');
  return `batch ${event.slot} ${event.id}: ${event.status}, ${number(event.completed)}/${number(event.total)} done, ${number(event.failed)} failed`;
}

function lineReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const lastTenth = new Map<string, number>();
  const startedAt = new Map<string, number>();
  return {
    onEvent(event) {
      if (event.type === 'stage-start') {
        startedAt.set(event.stage, Date.now());
        stream.write(`${event.stage}: ${event.total} to do\n`);
      } else if (event.type === 'progress') {
        const tenth = Math.floor((event.done / Math.max(1, event.total)) * 10);
        if (tenth > (lastTenth.get(event.stage) ?? 0) && event.done < event.total) {
          lastTenth.set(event.stage, tenth);
          const { perSecond, secondsLeft } = stagePace({ done: event.done, total: event.total, elapsedMs: Date.now() - (startedAt.get(event.stage) ?? Date.now()) });
          const left = secondsLeft === null ? '' : `, about ${formatSeconds(secondsLeft)} left`;
          stream.write(`${event.stage}: ${event.done}/${event.total} (${formatRate(perSecond)}${left})\n`);
        }
      } else if (event.type === 'stage-end') stream.write(`${event.stage}: done in ${(event.ms / 1000).toFixed(1)} s\n`);
      else stream.write(`${eventLine(event)}\n`);
    },
    stop: () => {},
  };
}
