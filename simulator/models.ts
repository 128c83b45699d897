import { SIMULATOR_OWNER } from '../pipeline/models/simulator-protocol.ts';

/** The models the simulator answers as, listed by GET /v1/models. Any other name is served by its role's default profile. */
export const SIMULATED_MODELS = [
  'sim-generator',
  'sim-judge',
  'sim-judge-1',
  'sim-judge-2',
  'sim-judge-3',
  'sim-target',
  'sim-target-strict',
  'sim-target-lenient',
  'sim-refusal-judge',
  'sim-helper',
] as const;


/** A fixed timestamp for the model list, so it is byte-identical across runs. */
const LISTED_AT = 1_735_689_600;

export function modelList(): { object: 'list'; data: Array<{ id: string; object: 'model'; created: number; owned_by: string }> } {
  return {
    object: 'list',
    data: SIMULATED_MODELS.map((id) => ({ id, object: 'model', created: LISTED_AT, owned_by: SIMULATOR_OWNER })),
  };
}
