import { STRING_MATCH_BASELINES } from './baselines.ts';
import { classifyRefusal } from './classify.ts';
import { readLabelledRows } from './labelled-rows.ts';
import { reportBySource, type BinaryReport, type ScoredRow } from './metrics.ts';
import { REFUSAL_CLASSIFIER_VERSION } from './version.ts';

export interface BaselineResult {
  key: string;
  name: string;
  overall: BinaryReport;
  sources: Record<string, BinaryReport>;
}

export interface EvaluationResult {
  classifierVersion: string;
  files: string[];
  overall: BinaryReport;
  sources: Record<string, BinaryReport>;
  /** The published string matches on the same rows, so a reader sees what the classifier adds. */
  baselines: BaselineResult[];
}

/**
 * Scores the classifier against gold labels in JSONL or XSTest/PHTest CSV files, overall and
 * per source, with the cascade at `threshold`, beside XSTest's, GCG's and promptfoo's string matches.
 */
export async function evaluateFiles(options: { files: readonly string[]; threshold: number }): Promise<EvaluationResult> {
  const scored: ScoredRow[] = [];
  const baselineRows: ScoredRow[][] = STRING_MATCH_BASELINES.map(() => []);
  for (const file of options.files) {
    for await (const row of readLabelledRows(file)) {
      const result = classifyRefusal({ response: row.response, prompt: row.prompt });
      scored.push({ source: row.source, gold: row.gold.label, predicted: result.label, confidence: result.confidence, readable: result.readable });
      STRING_MATCH_BASELINES.forEach((baseline, index) => {
        baselineRows[index].push({ source: row.source, gold: row.gold.label, predicted: baseline.isRefusal(row.response) ? 'refusal' : 'compliance', confidence: 1 });
      });
    }
  }
  const at = { threshold: options.threshold };
  return {
    classifierVersion: REFUSAL_CLASSIFIER_VERSION,
    files: [...options.files],
    ...reportBySource(scored, at),
    baselines: STRING_MATCH_BASELINES.map((baseline, index) => ({ key: baseline.key, name: baseline.name, ...reportBySource(baselineRows[index], at) })),
  };
}
