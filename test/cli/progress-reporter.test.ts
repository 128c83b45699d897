import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressReporter } from '../../cli/progress-reporter.ts';

/** A stream that passes for a terminal (or not) and keeps what was written to it. */
function fakeStream(options: { isTTY: boolean }): { stream: NodeJS.WriteStream; lines(): string[] } {
  let written = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      written += String(chunk);
      callback();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY: options.isTTY, columns: 160 });
  return {
    stream,
    // Escape sequences (cursor moves, clears) out; what is left is every line as drawn, in order.
    lines: () => written.replace(/\x1B\[[0-9;?]*[A-Za-z]/g, '\n').split(/[\r\n]+/).map((line) => line.trim()).filter(Boolean),
  };
}

const lastLineOf = (lines: string[], stage: string) => lines.filter((line) => line.startsWith(stage)).at(-1) ?? '';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress bars on a terminal', () => {
  it('show rate and time left while a stage runs, and stop at the stage\'s own time when it ends', () => {
    const terminal = fakeStream({ isTTY: true });
    const reporter = createProgressReporter({ stream: terminal.stream });
    reporter.onEvent({ type: 'stage-start', stage: 'generate', total: 100 });
    vi.advanceTimersByTime(2000);
    reporter.onEvent({ type: 'progress', stage: 'generate', done: 50, total: 100 });
    vi.advanceTimersByTime(200);
    const running = lastLineOf(terminal.lines(), 'generate');
    expect(running).toMatch(/ 50\/100 +50% \| 2\d\.\d\/s \| ETA 2\.\d s \| 2\.\d s$/);

    vi.advanceTimersByTime(1100);
    reporter.onEvent({ type: 'progress', stage: 'generate', done: 100, total: 100 });
    reporter.onEvent({ type: 'stage-end', stage: 'generate', ms: 1300 });
    reporter.onEvent({ type: 'stage-start', stage: 'judge', total: 40 });
    // The next stages take their time; generate's bar must not count it.
    vi.advanceTimersByTime(15_000);
    reporter.onEvent({ type: 'progress', stage: 'generate', done: 100, total: 100 });
    reporter.onEvent({ type: 'progress', stage: 'judge', done: 10, total: 40 });
    vi.advanceTimersByTime(200);
    const lines = terminal.lines();
    expect(lastLineOf(lines, 'generate')).toMatch(/ 100\/100 100% \| \d+(\.\d)?\/s \| done in 1\.3 s$/);
    expect(lastLineOf(lines, 'judge')).toMatch(/ 10\/40 +25% \| 0\.7\/s \| ETA 45\.\d s \| 15\.\d s$/);
    reporter.stop();
    expect(lastLineOf(terminal.lines(), 'generate')).toMatch(/done in 1\.3 s$/);
  });
});

describe('progress lines in a log', () => {
  it('give the rate and time left at each tenth, and the stage time at its end', () => {
    const log = fakeStream({ isTTY: false });
    const reporter = createProgressReporter({ stream: log.stream });
    reporter.onEvent({ type: 'stage-start', stage: 'judge', total: 200 });
    vi.advanceTimersByTime(4000);
    reporter.onEvent({ type: 'progress', stage: 'judge', done: 40, total: 200 });
    reporter.onEvent({ type: 'stage-end', stage: 'judge', ms: 9500 });
    expect(log.lines()).toEqual(['judge: 200 to do', 'judge: 40/200 (10.0/s, about 16.0 s left)', 'judge: done in 9.5 s']);
  });
});
