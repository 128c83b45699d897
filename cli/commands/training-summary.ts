import type { ConfigTally } from '../../pipeline/training-export/training-rows.ts';
import type { ExportTrainingCommandResult } from './export-training.ts';

/** What `export --format sft|dpo` prints: rows and where, what was left out and why, calls made, and whether a simulator answered. */
export function trainingSummary(result: ExportTrainingCommandResult): { stdout: string; stderr: string } {
  const tally = (name: string, figures: ConfigTally) => {
    const skipped = Object.entries(figures.skipped).sort(([a], [b]) => a.localeCompare(b)).map(([reason, count]) => `${count} ${reason}`);
    return `  ${name}: ${figures.prompts} prompts, ${figures.rows} rows${skipped.length > 0 ? `; left out: ${skipped.join(', ')}` : ''}`;
  };
  const calls = Object.entries(result.usage).sort(([a], [b]) => a.localeCompare(b)).map(([role, usage]) => `${role} ${usage.calls}`);
  const stdout = [
    result.file === null ? `${result.format}: nothing written` : `${result.format}: ${result.rows} rows written to ${result.file}`,
    tally('hard', result.hard),
    ...(result.toxic ? [tally('toxic', result.toxic)] : []),
    `  model calls: ${calls.length > 0 ? calls.join(', ') : 'none'}; ${result.cacheHits} answers from the response cache`,
  ].join('\n') + '\n';
  const stderr = [
    ...(result.failed > 0 ? [`${result.file === null ? 'error' : 'warning'}: ${result.failed} prompts left out because a call failed after its retries (first: ${result.firstError}); run the same command again to retry them`] : []),
    ...(result.simulatedRoles.length > 0 ? [`SIMULATED: ${result.simulatedRoles.join(', ')} answered by the built-in simulator; these rows test the tooling only, they are no training data for a real model`] : []),
  ].map((line) => `${line}\n`).join('');
  return { stdout, stderr };
}
