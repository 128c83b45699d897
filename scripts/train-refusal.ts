// Trains the refusal classifier from ../shared/data/refusal and writes the committed artifact.
// usage: node bin/run-script.js scripts/train-refusal.ts [--out FILE]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { binaryReport } from '../pipeline/refusal/metrics.ts';
import { formatBinaryReport, formatReportBySource } from '../pipeline/refusal/format-report.ts';
import { buildRefusalArtifact, loadSharedRows } from './refusal/build-artifact.ts';
import { PROJECT_ROOT, isHeldOut } from './refusal/splits.ts';
import { stringMatchIsRefusal } from './refusal/string-match.ts';

const outFlag = process.argv.indexOf('--out');
const out = outFlag >= 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(PROJECT_ROOT, 'pipeline/refusal/refusal-classifier.json');

const started = performance.now();
const { artifact, json, reports } = await buildRefusalArtifact();
writeFileSync(out, json);
console.log(`wrote ${path.relative(process.cwd(), out)} (${artifact.version}, ${(json.length / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s; temperature ${artifact.temperature}`);
console.log(formatReportBySource('validation', reports.validation));
console.log(formatReportBySource('held-out', reports.heldOut));

const heldOut = (await loadSharedRows()).filter((row) => isHeldOut(row.source));
const baseline = heldOut.map((row) => ({ source: row.source, gold: row.gold.label, predicted: stringMatchIsRefusal(row.response) ? ('refusal' as const) : ('compliance' as const), confidence: 1 }));
console.log(formatBinaryReport('held-out string-match baseline', binaryReport(baseline)));
