import OpenAI from 'openai';
import { onTestFinished } from 'vitest';
import { startSimulator } from '../../simulator/start-simulator.ts';
import type { SimulatorOptions } from '../../simulator/simulator-options.ts';

/** A simulator on a free port, closed after the test, and an SDK client pointed at it. */
export async function simulatorWithClient(options: SimulatorOptions & { clientOptions?: ConstructorParameters<typeof OpenAI>[0] } = {}) {
  const { clientOptions, ...simulatorOptions } = options;
  const simulator = await startSimulator({ port: 0, ...simulatorOptions });
  // Closed when the test that asked for it ends (per test, so it holds however files share modules).
  onTestFinished(() => simulator.close());
  const client = new OpenAI({ baseURL: simulator.url, apiKey: 'any-key-works', maxRetries: 0, ...clientOptions });
  return { simulator, client };
}

export { generatorMessage, judgeMessage, PLAIN_PROMPTS } from './fixtures.ts';
