import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a stretch of CPU work may hold the event loop before it lets signals, timers and I/O in. */
export const SLICE_MS = 5;
/** Work units between two looks at the clock, so the check costs next to nothing in a hot loop. */
const UNITS_PER_CLOCK_READ = 2048;

/**
 * Cuts long synchronous work into slices: a loop calls `due(units)` as it goes and, when
 * it says so, `await slicer.pause()`. A pause lets the event loop run (Ctrl-C and SIGTERM
 * handlers, a worker's lock renewals) and then throws if the signal was aborted, so a
 * dedupe of a million prompts still stops within a few milliseconds of being asked to.
 */
export class WorkSlicer {
  private units = 0;
  private sliceEnd: number;

  constructor(private readonly options: { signal?: AbortSignal; sliceMs?: number } = {}) {
    options.signal?.throwIfAborted();
    this.sliceEnd = performance.now() + (options.sliceMs ?? SLICE_MS);
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** Counts `units` of work done; true when the slice is used up and the caller should pause. */
  due(units = 1): boolean {
    this.units += units;
    if (this.units < UNITS_PER_CLOCK_READ) return false;
    this.units = 0;
    return performance.now() >= this.sliceEnd;
  }

  async pause(): Promise<void> {
    await nextTurn();
    this.options.signal?.throwIfAborted();
    this.units = 0;
    this.sliceEnd = performance.now() + (this.options.sliceMs ?? SLICE_MS);
  }
}
