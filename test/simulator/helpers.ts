import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../pipeline/simulator/start-simulator.ts';
import type { SimulatorOptions } from '../../pipeline/simulator/simulator-options.ts';

const running: RunningSimulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

/** A simulator on a free port, closed after the test, and an SDK client pointed at it. */
export async function simulatorWithClient(options: SimulatorOptions & { clientOptions?: ConstructorParameters<typeof OpenAI>[0] } = {}) {
  const { clientOptions, ...simulatorOptions } = options;
  const simulator = await startSimulator({ port: 0, ...simulatorOptions });
  running.push(simulator);
  const client = new OpenAI({ baseURL: simulator.url, apiKey: 'any-key-works', maxRetries: 0, ...clientOptions });
  return { simulator, client };
}

export { generatorMessage, judgeMessage, PLAIN_PROMPTS } from './fixtures.ts';
