import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { createModels } from '../../pipeline/models/create-models.ts';
import { selectSeeds } from '../../pipeline/runs/select-seeds.ts';
import { mapWithProgress } from '../../pipeline/runs/map-with-progress.ts';
import { Candidate } from '../../pipeline/schemas/candidate.ts';
import { startRunState } from '../../pipeline/stages/run-state.ts';
import { stageNamed, type BarrierStageDeclaration, type ItemStageDeclaration } from '../../pipeline/stages/stage-graph.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { scaleConfig } from '../support/scale-config.ts';



/**
 * The candidates the dedupe barrier of bench:scale's run of `candidates` sees: the same seeds,
 * expansion and rewrites, made in this process against the simulator with no latency. Kept in a
 * file under the temp folder, so a second measurement of the same size skips the model calls.
 */
export async function simulatedRewrites(candidates: number): Promise<Candidate[]> {
  const file = join(tmpdir(), 'scarecrow-bench-rewrites', `rewrites-${candidates}.jsonl`);
  if (existsSync(file)) return readCandidates(file);
  const config = scaleConfig({ candidates, latencyMs: 0, concurrency: 64 });
  const simulator = await startSimulator({ port: 0, ...config.simulator });
  try {
    const models = createModels({ config, simulatorUrl: simulator.url });
    const context = { config, models };
    const state = startRunState({ seeds: await selectSeeds({ config, file: null, baseDir: PROJECT_ROOT }) });
    const expand = stageNamed('expand') as BarrierStageDeclaration;
    expand.collect(await expand.run(state, context), state);
    const generate = stageNamed('generate') as ItemStageDeclaration;
    generate.collect(await mapWithProgress({ stage: 'generate', items: generate.items(state), work: (seed) => generate.run(seed, context) }), state);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(`${file}.partial`, state.candidates.map((candidate) => JSON.stringify(candidate) + '\n').join(''));
    await rename(`${file}.partial`, file);
    return state.candidates;
  } finally {
    await simulator.close();
  }
}

async function readCandidates(file: string): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line !== '') candidates.push(Candidate.parse(JSON.parse(line)));
  }
  return candidates;
}
