import cliProgress from 'cli-progress';
import type { RunEvent } from '../run/run-events.ts';

export interface ProgressReporter {
  onEvent(event: RunEvent): void;
  stop(): void;
}

/**
 * Progress bars on a terminal; on anything else (CI, a log file) plain lines at each
 * stage start, every tenth of the way, and each stage end.
 */
export function createProgressReporter(options: { stream?: NodeJS.WriteStream; quiet?: boolean } = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { onEvent: () => {}, stop: () => {} };
  if (stream.isTTY) return barReporter(stream);
  return lineReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bars = new cliProgress.MultiBar(
    { stream, format: ' {stage} [{bar}] {value}/{total} {percentage}% | {duration_formatted}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const byStage = new Map<string, cliProgress.SingleBar>();
  return {
    onEvent(event) {
      if (event.type === 'stage-start') byStage.set(event.stage, bars.create(event.total, 0, { stage: event.stage.padEnd(8) }));
      else if (event.type === 'progress') byStage.get(event.stage)?.update(event.done);
      else if (event.type === 'notice') bars.log(`${event.message}\n`);
    },
    stop: () => bars.stop(),
  };
}

function lineReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const lastTenth = new Map<string, number>();
  return {
    onEvent(event) {
      if (event.type === 'stage-start') stream.write(`${event.stage}: ${event.total} to do\n`);
      else if (event.type === 'progress') {
        const tenth = Math.floor((event.done / Math.max(1, event.total)) * 10);
        if (tenth > (lastTenth.get(event.stage) ?? 0) && event.done < event.total) {
          lastTenth.set(event.stage, tenth);
          stream.write(`${event.stage}: ${event.done}/${event.total}\n`);
        }
      } else if (event.type === 'stage-end') stream.write(`${event.stage}: done in ${(event.ms / 1000).toFixed(1)} s\n`);
      else stream.write(`${event.message}\n`);
    },
    stop: () => {},
  };
}
