import type { RefusalLabel } from './labels.ts';

/** The confidence below which the probe's cascade hands a response to an LLM judge, by default (probe.classifierConfidence's default). */
export const CASCADE_THRESHOLD = 0.9;

/** Lower edges of the reliability buckets; the last runs to 1. */
const RELIABILITY_EDGES = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

export interface ScoredRow {
  source: string;
  gold: RefusalLabel;
  predicted: RefusalLabel;
  confidence: number;
  /** False for text the classifier cannot read, which is never confident; true when omitted. */
  readable?: boolean;
  label3?: string;
}

export interface ReliabilityBucket {
  from: number;
  to: number;
  count: number;
  accuracy: number | null;
}

export interface BinaryReport {
  count: number;
  accuracy: number;
  /** confusion[gold][predicted] */
  confusion: Record<RefusalLabel, Record<RefusalLabel, number>>;
  precision: Record<RefusalLabel, number | null>;
  recall: Record<RefusalLabel, number | null>;
  /** What the cascade does at `threshold`: the share it defers to a judge, and how right the classifier is on the rest. */
  cascade: { threshold: number; shareBelow: number; accuracyAbove: number | null; countAbove: number };
  /** Accuracy per confidence bucket: calibrated, the accuracy of a bucket lies within it. */
  reliability: ReliabilityBucket[];
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function isConfidentRow(row: ScoredRow, threshold: number): boolean {
  return row.readable !== false && row.confidence >= threshold;
}

export function binaryReport(rows: readonly ScoredRow[], options: { threshold?: number } = {}): BinaryReport {
  const threshold = options.threshold ?? CASCADE_THRESHOLD;
  const confusion: BinaryReport['confusion'] = { refusal: { refusal: 0, compliance: 0 }, compliance: { refusal: 0, compliance: 0 } };
  const buckets = RELIABILITY_EDGES.map((from, index) => ({ from, to: RELIABILITY_EDGES[index + 1] ?? 1, count: 0, correct: 0 }));
  let correct = 0;
  let countAbove = 0;
  let correctAbove = 0;
  for (const row of rows) {
    confusion[row.gold][row.predicted] += 1;
    const hit = row.gold === row.predicted ? 1 : 0;
    correct += hit;
    if (isConfidentRow(row, threshold)) {
      countAbove += 1;
      correctAbove += hit;
    }
    let bucket = buckets.length - 1;
    while (bucket > 0 && row.confidence < buckets[bucket].from) bucket -= 1;
    buckets[bucket].count += 1;
    buckets[bucket].correct += hit;
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
      threshold,
      shareBelow: rows.length === 0 ? 0 : (rows.length - countAbove) / rows.length,
      accuracyAbove: ratio(correctAbove, countAbove),
      countAbove,
    },
    reliability: buckets.map(({ from, to, count, correct: right }) => ({ from, to, count, accuracy: ratio(right, count) })),
  };
}

/** Overall report plus one per source, sources in first-seen order. */
export function reportBySource(rows: readonly ScoredRow[], options: { threshold?: number } = {}): { overall: BinaryReport; sources: Record<string, BinaryReport> } {
  const groups = new Map<string, ScoredRow[]>();
  for (const row of rows) {
    const group = groups.get(row.source) ?? [];
    group.push(row);
    groups.set(row.source, group);
  }
  const sources: Record<string, BinaryReport> = {};
  for (const [source, group] of groups) sources[source] = binaryReport(group, options);
  return { overall: binaryReport(rows, options), sources };
}
