import type { EvaluationResult } from './evaluate-files.ts';
import type { BinaryReport } from './metrics.ts';

function percent(value: number | null): string {
  return value === null ? '   n/a' : `${(value * 100).toFixed(1).padStart(5)}%`;
}

/** Human-readable lines for one report: accuracy, per-class precision/recall, confusion, cascade share, reliability. */
export function formatBinaryReport(name: string, report: BinaryReport): string {
  const { confusion, cascade } = report;
  return [
    `${name}: n=${report.count} accuracy=${percent(report.accuracy)}`,
    `  refusal    precision=${percent(report.precision.refusal)} recall=${percent(report.recall.refusal)}`,
    `  compliance precision=${percent(report.precision.compliance)} recall=${percent(report.recall.compliance)}`,
    `  confusion (gold -> predicted): refusal->refusal=${confusion.refusal.refusal} refusal->compliance=${confusion.refusal.compliance} compliance->refusal=${confusion.compliance.refusal} compliance->compliance=${confusion.compliance.compliance}`,
    `  cascade: ${percent(cascade.shareBelow)} not confident at ${cascade.threshold} (sent to a judge); accuracy of the confident rest=${percent(cascade.accuracyAbove)}`,
    `  reliability (confidence: rows, accuracy): ${report.reliability
      .filter((bucket) => bucket.count > 0)
      .map((bucket) => `${bucket.from.toFixed(2)}-${bucket.to.toFixed(2)}: ${bucket.count}, ${percent(bucket.accuracy).trim()}`)
      .join('; ')}`,
  ].join('\n');
}

export function formatReportBySource(title: string, result: { overall: BinaryReport; sources: Record<string, BinaryReport> }): string {
  const lines = [formatBinaryReport(`${title} overall`, result.overall)];
  for (const [source, report] of Object.entries(result.sources)) lines.push(formatBinaryReport(`${title} ${source}`, report));
  return lines.join('\n');
}

/** The eval command's report: the classifier per source, then one accuracy line per source for each string-match baseline beside it. */
export function formatEvaluation(result: EvaluationResult): string {
  const sources = Object.keys(result.sources);
  const rows = [
    ['', 'all', ...sources],
    [`classifier ${result.classifierVersion}`, result.overall, ...sources.map((source) => result.sources[source])],
    ...result.baselines.map((baseline) => [baseline.name, baseline.overall, ...sources.map((source) => baseline.sources[source])]),
  ].map((cells) => cells.map((cell) => (typeof cell === 'string' ? cell : percent(cell.accuracy).trim())));
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const table = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  return [`classifier ${result.classifierVersion}`, formatReportBySource('', result), '', 'accuracy beside the string-match baselines:', ...table].join('\n');
}
