import { classifyRefusal } from './classify.ts';
import { readLabelledRows } from './labelled-rows.ts';
import { reportBySource, type BinaryReport, type ScoredRow } from './metrics.ts';
import { REFUSAL_CLASSIFIER_VERSION } from './version.ts';

export interface EvaluationResult {
  classifierVersion: string;
  files: string[];
  overall: BinaryReport;
  sources: Record<string, BinaryReport>;
}

/** Scores the classifier against gold labels in JSONL or XSTest/PHTest CSV files, overall and per source. */
export async function evaluateFiles(files: readonly string[]): Promise<EvaluationResult> {
  const scored: ScoredRow[] = [];
  for (const file of files) {
    for await (const row of readLabelledRows(file)) {
      const result = classifyRefusal({ response: row.response, prompt: row.prompt });
      scored.push({ source: row.source, gold: row.gold.label, predicted: result.label, confidence: result.confidence });
    }
  }
  return { classifierVersion: REFUSAL_CLASSIFIER_VERSION, files: [...files], ...reportBySource(scored) };
}
