import type { WorkSlicer } from './work-slicer.ts';

const RUN_LENGTH = 2048;

/**
 * A stable merge sort of positions that pauses between slices of work: one native sort
 * of a million strings holds the event loop for seconds, past any Ctrl-C. Short runs
 * are sorted natively, then merged pairwise. Returns the sorted array (may be a new one).
 */
export async function sortInSlices(options: { positions: Int32Array; compare: (a: number, b: number) => number; slicer: WorkSlicer }): Promise<Int32Array> {
  const { compare, slicer } = options;
  let source: Int32Array = options.positions;
  const count = source.length;
  for (let start = 0; start < count; start += RUN_LENGTH) {
    source.subarray(start, Math.min(count, start + RUN_LENGTH)).sort(compare);
    if (slicer.due(RUN_LENGTH)) await slicer.pause();
  }
  if (count <= RUN_LENGTH) return source;
  let target: Int32Array = new Int32Array(count);
  for (let width = RUN_LENGTH; width < count; width *= 2) {
    for (let left = 0; left < count; left += 2 * width) {
      const middle = Math.min(left + width, count);
      const right = Math.min(left + 2 * width, count);
      let i = left;
      let j = middle;
      let k = left;
      while (i < middle && j < right) {
        // Ties take the left run first, which keeps the sort stable.
        target[k++] = compare(source[j], source[i]) < 0 ? source[j++] : source[i++];
        if (slicer.due()) await slicer.pause();
      }
      target.set(source.subarray(i, middle), k);
      target.set(source.subarray(j, right), k + (middle - i));
    }
    [source, target] = [target, source];
  }
  return source;
}
