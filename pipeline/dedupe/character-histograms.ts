/** Characters are counted in 32 bins (code % 32): coarse, but every bound below stays valid. */
export const HISTOGRAM_BINS = 32;

export function fillHistogram(options: { text: string; out: Uint8Array; offset: number }): void {
  const { text, out, offset } = options;
  for (let k = 0; k < text.length; k++) {
    const bin = offset + (text.charCodeAt(k) & (HISTOGRAM_BINS - 1));
    if (out[bin] < 255) out[bin]++;
  }
}

/**
 * A lower bound on the edit distance of two texts from their character histograms: a
 * substitution moves one count between bins, an insertion or deletion changes one, so
 * the distance is at least the larger of the total surplus on either side. It costs 32
 * steps, against a few thousand for the distance itself, and prunes most candidates.
 */
export function histogramDistanceBound(histograms: Uint8Array, a: number, b: number): number {
  // The surpluses are (total + net) / 2 and (total - net) / 2, summed without a branch per bin:
  // whether a bin's difference is positive is a coin toss the processor keeps guessing wrong, and
  // this runs for millions of bucket pairs.
  let total = 0;
  let net = 0;
  const offsetA = a * HISTOGRAM_BINS;
  const offsetB = b * HISTOGRAM_BINS;
  for (let bin = 0; bin < HISTOGRAM_BINS; bin++) {
    const difference = histograms[offsetA + bin] - histograms[offsetB + bin];
    total += Math.abs(difference);
    net += difference;
  }
  return (total + Math.abs(net)) / 2;
}
