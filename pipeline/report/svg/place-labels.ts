export interface LabelBox {
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const LABEL_HEIGHT = 14;
/** Rough width of a label character at the report's font size, to tell when two labels would overlap. */
const CHAR_WIDTH = 7;
const DOT_RADIUS = 6;
const GAP = 9;

/**
 * Puts each point's label next to it without covering another label or another point's
 * dot, and inside the plot: it tries right, left, above and below of the point, then
 * the same sides a line further out each time, and takes the first place that is free.
 */
export function placeLabels(options: { points: { text: string; x: number; y: number }[]; plot: Rect }): LabelBox[] {
  const { points, plot } = options;
  const dots: Rect[] = points.map((point) => ({ left: point.x - DOT_RADIUS, right: point.x + DOT_RADIUS, top: point.y - DOT_RADIUS, bottom: point.y + DOT_RADIUS }));
  const placed: Rect[] = [];
  return points.map((point, index) => {
    const width = point.text.length * CHAR_WIDTH;
    const candidates = (distance: number): LabelBox[] => [
      { x: point.x + GAP, y: point.y - 4 - distance, anchor: 'start' },
      { x: point.x - GAP, y: point.y - 4 - distance, anchor: 'end' },
      { x: point.x + GAP, y: point.y + 14 + distance, anchor: 'start' },
      { x: point.x - GAP, y: point.y + 14 + distance, anchor: 'end' },
      { x: point.x - width / 2, y: point.y - GAP - distance, anchor: 'start' },
      { x: point.x - width / 2, y: point.y + GAP + LABEL_HEIGHT + distance, anchor: 'start' },
    ];
    const boxOf = (label: LabelBox): Rect => {
      const left = label.anchor === 'end' ? label.x - width : label.x;
      return { left, right: left + width, top: label.y - LABEL_HEIGHT + 3, bottom: label.y + 3 };
    };
    const inside = (box: Rect) => box.left >= plot.left && box.right <= plot.right && box.top >= plot.top && box.bottom <= plot.bottom;
    const free = (box: Rect) => !placed.some((other) => overlaps(box, other)) && !dots.some((dot, other) => other !== index && overlaps(box, dot));
    let chosen: LabelBox | null = null;
    for (let distance = 0; chosen === null && distance <= 8 * LABEL_HEIGHT; distance += LABEL_HEIGHT) {
      chosen = candidates(distance).find((label) => inside(boxOf(label)) && free(boxOf(label))) ?? null;
    }
    // No free place inside the plot: the first side that at least misses the other labels.
    chosen ??= candidates(0).find((label) => free(boxOf(label))) ?? candidates(0)[0]!;
    placed.push(boxOf(chosen));
    return chosen;
  });
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
