// Throughput of the embedded refusal classifier on one core, over every response of the shared data.
// usage: node bin/run-script.js bench/refusal.ts
// Accuracy on models the classifier never saw is leave-one-model-out: npm run train:refusal prints it.
import { classifyRefusal, loadRefusalModel, REFUSAL_CLASSIFIER_VERSION } from '../pipeline/refusal/classify.ts';
import { readAllLabelledRows, type LabelledRow } from '../pipeline/refusal/labelled-rows.ts';
import { refusalDataFiles } from '../scripts/refusal/splits.ts';

const rows: LabelledRow[] = [];
for (const file of refusalDataFiles()) rows.push(...(await readAllLabelledRows(file)));
const responses = rows.map((row) => row.response);
const meanChars = responses.reduce((sum, response) => sum + response.length, 0) / responses.length;

const loadStart = performance.now();
loadRefusalModel();
const loadMs = performance.now() - loadStart;

for (const response of responses) classifyRefusal({ response });
let classified = 0;
const start = performance.now();
while (performance.now() - start < 3000) {
  for (const response of responses) classifyRefusal({ response });
  classified += responses.length;
}
const seconds = (performance.now() - start) / 1000;
const perSecond = classified / seconds;
console.log(`${REFUSAL_CLASSIFIER_VERSION}: ${Math.round(perSecond).toLocaleString('en-US')} responses/s on one core (${classified} classified in ${seconds.toFixed(1)} s; mean response ${Math.round(meanChars)} chars; model load ${loadMs.toFixed(0)} ms)`);
console.log(perSecond >= 20_000 ? 'ok: at least 20,000 responses/s' : 'SLOW: below 20,000 responses/s');
