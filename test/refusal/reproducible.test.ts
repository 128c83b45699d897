import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFUSAL_ARTIFACT_URL } from '../../pipeline/refusal/classify.ts';
import { buildRefusalArtifact } from '../../scripts/refusal/build-artifact.ts';

describe('refusal classifier training', () => {
  // Seven leave-one-model-out trainings and the final one: about 18 s of one core, more on a busy machine.
  it('retrains to exactly the committed artifact', async () => {
    const { json } = await buildRefusalArtifact();
    const committed = readFileSync(REFUSAL_ARTIFACT_URL, 'utf8');
    // Values first, so a failure names the weights or settings that differ; then the bytes, formatting included.
    expect(JSON.parse(json)).toEqual(JSON.parse(committed));
    expect(json.length).toBe(committed.length);
    expect(json).toBe(committed);
  }, 120_000);
});
