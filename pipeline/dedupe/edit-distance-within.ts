/**
 * The Levenshtein distance of two prompts (UTF-16 code units, as fast-levenshtein counts)
 * when it is at most `maxDistance`, else maxDistance + 1. Diagonal transition (Ukkonen,
 * Landau-Vishkin): for each cost d it keeps, per diagonal, how far along `a` a path of that
 * cost reaches, and slides along equal characters for free. The work is about
 * (maxDistance + 1)^2 steps plus the slides, so a pair that is far apart stops after a few
 * hundred steps, where a full distance of two prompts costs their whole table: most of the
 * pairs a large, template-heavy set verifies are such pairs. Only what decides a removal is
 * computed, and it is computed exactly.
 */
export function editDistanceWithin(a: string, b: string, maxDistance: number): number {
  const n = a.length;
  const m = b.length;
  const beyond = maxDistance + 1;
  if (Math.abs(n - m) > maxDistance) return beyond;
  const target = m - n;
  // Diagonal e (= j - i) of cost d lives at slot e + maxDistance + 1; slots beyond the band stay unreachable.
  const offset = maxDistance + 1;
  const width = 2 * maxDistance + 3;
  let previous = scratch(0, width);
  let current = scratch(1, width);
  previous.fill(UNREACHED, 0, width);
  current.fill(UNREACHED, 0, width);
  let start = 0;
  const shorter = n < m ? n : m;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  previous[offset] = start;
  if (target === 0 && previous[offset] >= n) return 0;
  for (let d = 1; d <= maxDistance; d++) {
    const low = Math.max(-d, -n);
    const high = Math.min(d, m);
    for (let diagonal = low; diagonal <= high; diagonal++) {
      const slot = diagonal + offset;
      // Substitution stays on the diagonal, a deletion from `a` comes from the one above, an insertion from the one below.
      let i = previous[slot] + 1;
      const deletion = previous[slot + 1] + 1;
      const insertion = previous[slot - 1];
      if (deletion > i) i = deletion;
      if (insertion > i) i = insertion;
      const limit = n < m - diagonal ? n : m - diagonal;
      if (i > limit) i = limit;
      // Equal characters on the diagonal cost nothing.
      while (i < limit && a.charCodeAt(i) === b.charCodeAt(i + diagonal)) i++;
      current[slot] = i;
    }
    if (target >= low && target <= high && current[target + offset] >= n) return d;
    [previous, current] = [current, previous];
  }
  return beyond;
}

/** Far below any row, so that adding one stays unreachable and the maximum always picks a real path. */
const UNREACHED = -(2 ** 30);

// Two rows reused from call to call: a dedupe verifies hundreds of thousands of pairs.
const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64)];
function scratch(index: number, width: number): Int32Array {
  if (rows[index].length < width) rows[index] = new Int32Array(width * 2);
  return rows[index];
}
