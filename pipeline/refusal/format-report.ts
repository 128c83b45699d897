import type { BinaryReport } from './metrics.ts';

function percent(value: number | null): string {
  return value === null ? '   n/a' : `${(value * 100).toFixed(1).padStart(5)}%`;
}

/** Human-readable lines for one report: accuracy, per-class precision/recall, confusion, cascade share. */
export function formatBinaryReport(name: string, report: BinaryReport): string {
  const { confusion, cascade } = report;
  return [
    `${name}: n=${report.count} accuracy=${percent(report.accuracy)}`,
    `  refusal    precision=${percent(report.precision.refusal)} recall=${percent(report.recall.refusal)}`,
    `  compliance precision=${percent(report.precision.compliance)} recall=${percent(report.recall.compliance)}`,
    `  confusion (gold -> predicted): refusal->refusal=${confusion.refusal.refusal} refusal->compliance=${confusion.refusal.compliance} compliance->refusal=${confusion.compliance.refusal} compliance->compliance=${confusion.compliance.compliance}`,
    `  cascade: ${percent(cascade.shareBelow)} below confidence ${cascade.threshold} (sent to a judge); accuracy above=${percent(cascade.accuracyAbove)}`,
  ].join('\n');
}

export function formatReportBySource(title: string, result: { overall: BinaryReport; sources: Record<string, BinaryReport> }): string {
  const lines = [formatBinaryReport(`${title} overall`, result.overall)];
  for (const [source, report] of Object.entries(result.sources)) lines.push(formatBinaryReport(`${title} ${source}`, report));
  return lines.join('\n');
}
