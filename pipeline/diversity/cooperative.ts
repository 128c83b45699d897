/**
 * Long computations are written as generators that `yield` between slices of work, so
 * the same code runs straight through (`runToEnd`) or lets the event loop in every few
 * tens of milliseconds (`runYielding`): timers, BullMQ lock renewals and Ctrl-C or
 * SIGTERM handlers then act at once instead of after the whole computation.
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const SLICE_MS = 30;

export async function runYielding<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    sliceStart = performance.now();
  }
}

/** How many cheap items (a prompt's n-grams, one hypothesis) go between yields: small enough that a slice stays short. */
export const ITEMS_PER_STEP = 256;
