import type { RefusalLabel } from './labels.ts';

/** The confidence below which the probe's cascade hands a response to an LLM judge. */
export const CASCADE_THRESHOLD = 0.8;

export interface ScoredRow {
  source: string;
  gold: RefusalLabel;
  predicted: RefusalLabel;
  confidence: number;
}

export interface BinaryReport {
  count: number;
  accuracy: number;
  /** confusion[gold][predicted] */
  confusion: Record<RefusalLabel, Record<RefusalLabel, number>>;
  precision: Record<RefusalLabel, number | null>;
  recall: Record<RefusalLabel, number | null>;
  cascade: { threshold: number; shareBelow: number; accuracyAbove: number | null; countAbove: number };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function binaryReport(rows: readonly ScoredRow[]): BinaryReport {
  const confusion: BinaryReport['confusion'] = { refusal: { refusal: 0, compliance: 0 }, compliance: { refusal: 0, compliance: 0 } };
  let correct = 0;
  let countAbove = 0;
  let correctAbove = 0;
  for (const row of rows) {
    confusion[row.gold][row.predicted] += 1;
    const hit = row.gold === row.predicted ? 1 : 0;
    correct += hit;
    if (row.confidence >= CASCADE_THRESHOLD) {
      countAbove += 1;
      correctAbove += hit;
    }
  }
  const labels: RefusalLabel[] = ['refusal', 'compliance'];
  const precision = {} as BinaryReport['precision'];
  const recall = {} as BinaryReport['recall'];
  for (const label of labels) {
    const other = label === 'refusal' ? 'compliance' : 'refusal';
    precision[label] = ratio(confusion[label][label], confusion[label][label] + confusion[other][label]);
    recall[label] = ratio(confusion[label][label], confusion[label][label] + confusion[label][other]);
  }
  return {
    count: rows.length,
    accuracy: rows.length === 0 ? 0 : correct / rows.length,
    confusion,
    precision,
    recall,
    cascade: {
      threshold: CASCADE_THRESHOLD,
      shareBelow: rows.length === 0 ? 0 : (rows.length - countAbove) / rows.length,
      accuracyAbove: ratio(correctAbove, countAbove),
      countAbove,
    },
  };
}

/** Overall report plus one per source, sources in first-seen order. */
export function reportBySource(rows: readonly ScoredRow[]): { overall: BinaryReport; sources: Record<string, BinaryReport> } {
  const groups = new Map<string, ScoredRow[]>();
  for (const row of rows) {
    const group = groups.get(row.source) ?? [];
    group.push(row);
    groups.set(row.source, group);
  }
  const sources: Record<string, BinaryReport> = {};
  for (const [source, group] of groups) sources[source] = binaryReport(group);
  return { overall: binaryReport(rows), sources };
}
