import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRefusal } from '../../pipeline/refusal/classify.ts';
import { readAllLabelledRows } from '../../pipeline/refusal/labelled-rows.ts';
import { binaryReport } from '../../pipeline/refusal/metrics.ts';
import { HELD_OUT_SOURCES, REFUSAL_DATA_DIR } from '../../scripts/refusal/splits.ts';
import { stringMatchIsRefusal } from '../../scripts/refusal/string-match.ts';

describe('committed refusal classifier on the held-out models', () => {
  // The committed refusal-lr-v3 measures 0.924 here (zephyr 0.931, mistral 0.871; string match
  // 0.904). The 0.95 target is not reached; the floor is the measured figure less a small margin
  // and guards against a retrain that transfers worse to unseen models.
  it('beats the string match on models it never saw, at 91.5% or better', async () => {
    const scored = [];
    const baseline = [];
    for (const source of HELD_OUT_SOURCES) {
      for (const row of await readAllLabelledRows(path.join(REFUSAL_DATA_DIR, `${source}.csv`))) {
        const result = classifyRefusal({ response: row.response, prompt: row.prompt });
        scored.push({ source, gold: row.gold.label, predicted: result.label, confidence: result.confidence });
        baseline.push({ source, gold: row.gold.label, predicted: stringMatchIsRefusal(row.response) ? ('refusal' as const) : ('compliance' as const), confidence: 1 });
      }
    }
    const report = binaryReport(scored);
    expect(report.count).toBe(3710);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.915);
    expect(report.accuracy).toBeGreaterThan(binaryReport(baseline).accuracy);
    // Above the cascade threshold the classifier is trusted without a judge, so it must be right there.
    expect(report.cascade.accuracyAbove).toBeGreaterThanOrEqual(0.96);
  });
});
