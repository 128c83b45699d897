import { evaluationRoles } from '../../pipeline/evaluation/evaluation-roles.ts';
import { runEvaluation, type RunEvaluationOptions, type RunEvaluationResult } from '../../pipeline/evaluation/run-evaluation.ts';
import { writeReport } from '../../pipeline/report/write-report.ts';
import type { Config } from '../../pipeline/schemas/config.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';

export interface EvaluateDatasetOptions extends Omit<RunEvaluationOptions, 'simulatorUrl'> {
  /** The built-in simulator's settings, for the roles with no baseURL. */
  simulator?: Partial<Config['simulator']>;
}

/**
 * An evaluation as `scarecrow eval` runs it: the built-in simulator answers the roles that
 * have no baseURL, only while the evaluation runs, and report.html is rewritten with the
 * new figures once eval.json is.
 */
export async function evaluateDataset(options: EvaluateDatasetOptions): Promise<RunEvaluationResult> {
  const { simulator: settings, ...evaluation } = options;
  const needsSimulator = evaluationRoles(options).some(({ role }) => !role.baseURL);
  const simulator = needsSimulator ? await startSimulator({ port: 0, ...settings }) : null;
  let result: RunEvaluationResult;
  try {
    result = await runEvaluation({ ...evaluation, simulatorUrl: simulator?.url ?? null });
  } finally {
    await simulator?.close();
  }
  if (result.file !== null) await writeReport({ dataset: options.dataset });
  return result;
}
