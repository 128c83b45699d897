import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFUSAL_ARTIFACT_URL } from '../../pipeline/refusal/classify.ts';
import { buildRefusalArtifact } from '../../scripts/refusal/build-artifact.ts';

describe('refusal classifier training', () => {
  it('retrains to exactly the committed artifact', async () => {
    const { json } = await buildRefusalArtifact();
    expect(json === readFileSync(REFUSAL_ARTIFACT_URL, 'utf8')).toBe(true);
  });
});
