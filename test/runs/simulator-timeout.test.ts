import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { ENDPOINT_TIMEOUT_MS, SIMULATOR_TIMEOUT_MS, timeoutFor } from '../../pipeline/models/role-timeout.ts';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

describe('request timeouts', () => {
  it('a simulated role gets a few seconds, a real endpoint a minute, and an explicit timeoutMs is kept', () => {
    const config = Config.parse({
      generator: { model: 'sim-generator' },
      judges: [{ model: 'gpt-4o', baseURL: 'https://api.openai.com/v1' }, { model: 'sim-judge', timeoutMs: 90_000 }],
      targets: [{ model: 'my-model', baseURL: 'http://localhost:8000/v1', timeoutMs: 1_500 }],
      simulator: { latencyMs: 250 },
    });
    expect(timeoutFor(config.generator, config)).toBe(SIMULATOR_TIMEOUT_MS + 250);
    expect(SIMULATOR_TIMEOUT_MS).toBeLessThanOrEqual(5_000);
    expect(timeoutFor(config.judges[0]!, config)).toBe(ENDPOINT_TIMEOUT_MS);
    expect(timeoutFor(config.judges[1]!, config)).toBe(90_000);
    expect(timeoutFor(config.targets[0]!, config)).toBe(1_500);
  });

  it('a run with 20% simulated faults (hangs among them) and no timeouts configured takes seconds, not minutes', async () => {
    const dir = await temp.make();
    const config = Config.parse({
      name: 'hangs',
      seeds: { paths: ['seeds'], categories: ['violence', 'privacy', 'self-harm'], limit: 3 },
      generate: { rewritesPerSeed: 4 },
      simulator: { faultRate: 0.2 },
    });
    const started = Date.now();
    const result = await runInProcess({ loaded: { config, file: null, baseDir: PROJECT_ROOT }, outputDir: dir });
    const seconds = (Date.now() - started) / 1000;
    const failedCalls = Object.values(result.exported.manifest.usage).reduce((sum, usage) => sum + usage.failedCalls, 0);
    expect(failedCalls).toBeGreaterThan(0);
    expect(result.outcome.records.length).toBeGreaterThan(0);
    // A hung call is cut after 5 s and retried; with the old 60 s default one hang alone took a minute.
    expect(seconds).toBeLessThan(40);
  }, 150_000);
});
