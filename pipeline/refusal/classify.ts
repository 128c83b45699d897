import { readFileSync } from 'node:fs';
import { RefusalArtifact, modelFromArtifact, type RefusalModel } from './model.ts';
import { REFUSAL_CLASSIFIER_VERSION } from './version.ts';
import { classifyWithModel, type RefusalClassification } from './predict.ts';

export type { RefusalLabel, RefusalLabel3 } from './labels.ts';
export type { RefusalClassification } from './predict.ts';
export { EMPTY_RESPONSE_CLASSIFICATION, isConfident } from './predict.ts';

/** Version of the committed model; a dataset manifest records it next to each refusal label. */
export { REFUSAL_CLASSIFIER_VERSION };

export const REFUSAL_ARTIFACT_URL = new URL('./refusal-classifier.json', import.meta.url);

let model: RefusalModel | undefined;

/** Loads the committed artifact on first use and checks it is the version this code expects. */
export function loadRefusalModel(): RefusalModel {
  if (model === undefined) {
    const artifact = RefusalArtifact.parse(JSON.parse(readFileSync(REFUSAL_ARTIFACT_URL, 'utf8')));
    if (artifact.version !== REFUSAL_CLASSIFIER_VERSION) {
      throw new Error(`refusal artifact is ${artifact.version}, code expects ${REFUSAL_CLASSIFIER_VERSION}; run npm run train:refusal`);
    }
    model = modelFromArtifact(artifact);
  }
  return model;
}

/**
 * Classifies one model response as refusal or compliance, in-process and without network.
 * An empty or whitespace-only response is a full refusal with confidence 1 (the model did
 * not comply). The prompt is accepted for callers' convenience; this version does not use it.
 */
export function classifyRefusal(input: { response: string; prompt?: string | null }): RefusalClassification {
  return classifyWithModel(loadRefusalModel(), input.response);
}
