// Trains the refusal classifier from ../shared/data/refusal and writes the committed artifact.
// usage: node bin/run-script.js scripts/train-refusal.ts [--out FILE]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatReportBySource } from '../pipeline/refusal/format-report.ts';
import { buildRefusalArtifact } from './refusal/build-artifact.ts';
import { PROJECT_ROOT } from './refusal/splits.ts';

const outFlag = process.argv.indexOf('--out');
const out = outFlag >= 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(PROJECT_ROOT, 'pipeline/refusal/refusal-classifier.json');

const started = performance.now();
const { artifact, json, report } = await buildRefusalArtifact();
writeFileSync(out, json);
console.log(`wrote ${path.relative(process.cwd(), out)} (${artifact.version}, ${(json.length / 1024).toFixed(0)} KiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(formatReportBySource('leave-one-model-out', report));
