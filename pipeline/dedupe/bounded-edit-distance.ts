import type { WorkSlicer } from './work-slicer.ts';

/** Cells of the edit-distance table one pair may cost (a second or so); past that the pair is left undecided. */
export const PAIR_BUDGET_CELLS = 250_000_000;

export type BoundedDistance =
  | { kind: 'within'; distance: number }
  | { kind: 'beyond' }
  /** The budget ran out before the distance could be told apart from maxDistance. */
  | { kind: 'undecided' };

/**
 * The edit distance of two long texts when it is at most `maxDistance`, computed in a
 * diagonal band (Ukkonen): a path of cost d never strays more than d cells off the
 * diagonal. The common prefix and suffix are cut first, and the band starts narrow and
 * widens only while the texts keep differing, so near-identical long prompts are cheap.
 * Rows are computed in slices that pause for the event loop, and a pair stops after
 * `budgetCells` cells: two 10 MB prompts cannot hold a dedupe for hours.
 */
export async function boundedEditDistance(options: {
  a: string;
  b: string;
  maxDistance: number;
  slicer: WorkSlicer;
  budgetCells?: number;
}): Promise<BoundedDistance> {
  const { a, b, maxDistance, slicer } = options;
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) {
    start++;
    if (slicer.due()) await slicer.pause();
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
    if (slicer.due()) await slicer.pause();
  }
  const rows = endA - start;
  const columns = endB - start;
  const lengthGap = Math.abs(rows - columns);
  if (lengthGap > maxDistance) return { kind: 'beyond' };
  if (rows === 0 || columns === 0) return { kind: 'within', distance: Math.max(rows, columns) };

  const codesA = await codesOf({ text: a, start, end: endA, slicer });
  const codesB = await codesOf({ text: b, start, end: endB, slicer });
  let band = Math.min(maxDistance, Math.max(64, lengthGap));
  const budget = { cellsLeft: options.budgetCells ?? PAIR_BUDGET_CELLS };
  for (;;) {
    const distance = await bandedDistance({ a: codesA, b: codesB, band, slicer, budget });
    if (distance === null) return { kind: 'undecided' };
    if (distance <= band) return { kind: 'within', distance };
    if (band >= maxDistance) return { kind: 'beyond' };
    band = Math.min(maxDistance, band * 4);
  }
}

/**
 * The distance within a band of `band` cells either side of the diagonal, band + 1 when
 * it is larger, or null when the budget runs out first.
 */
async function bandedDistance(options: { a: Uint16Array; b: Uint16Array; band: number; slicer: WorkSlicer; budget: { cellsLeft: number } }): Promise<number | null> {
  const { a, b, band, slicer, budget } = options;
  const rows = a.length;
  const columns = b.length;
  const over = band + 1;
  // Cell (i, j) lives at j - i + band + 1; slots 0 and 2 * band + 2 stay `over` as the band's edges.
  const width = 2 * band + 3;
  let previous = new Int32Array(width).fill(over);
  let current = new Int32Array(width).fill(over);
  for (let j = 0; j <= Math.min(columns, band); j++) previous[j + band + 1] = j;
  for (let i = 1; i <= rows; i++) {
    const low = Math.max(0, i - band);
    const high = Math.min(columns, i + band);
    const codeA = a[i - 1];
    let rowMinimum = over;
    if (low > 0) current[low - i + band] = over;
    for (let j = low; j <= high; j++) {
      const slot = j - i + band + 1;
      let value: number;
      if (j === 0) value = i > band ? over : i;
      else {
        value = previous[slot] + (codeA === b[j - 1] ? 0 : 1);
        const deletion = previous[slot + 1] + 1;
        const insertion = current[slot - 1] + 1;
        if (deletion < value) value = deletion;
        if (insertion < value) value = insertion;
        if (value > over) value = over;
      }
      current[slot] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum >= over) return over;
    budget.cellsLeft -= high - low + 1;
    if (budget.cellsLeft < 0) return null;
    [previous, current] = [current, previous];
    if (slicer.due(1 + ((high - low) >> 4))) await slicer.pause();
  }
  return previous[columns - rows + band + 1];
}

/** The UTF-16 code units of text[start, end), read once: typed-array reads keep the inner loop tight. */
async function codesOf(options: { text: string; start: number; end: number; slicer: WorkSlicer }): Promise<Uint16Array> {
  const { text, start, end, slicer } = options;
  const codes = new Uint16Array(end - start);
  for (let k = 0; k < codes.length; k++) {
    codes[k] = text.charCodeAt(start + k);
    if (slicer.due()) await slicer.pause();
  }
  return codes;
}
