import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDataset } from '../dataset/read-dataset.ts';
import { recordedSimulation } from '../dataset/recorded-simulation.ts';
import { writeFileAtomically } from '../dataset/write-atomically.ts';
import { UserError } from '../errors/user-error.ts';
import { EvaluationFile } from '../evaluation/evaluation-result.ts';
import { describeIssue } from '../input/describe-issue.ts';
import { buildReport } from './build-report.ts';

/** Writes `report.html` into the dataset folder, with the evaluation when eval.json exists. */
export async function writeReport(options: { dataset: string }): Promise<{ file: string; evaluated: boolean; simulated: boolean; simulation: ReturnType<typeof recordedSimulation> }> {
  const dataset = await readDataset(options.dataset);
  const evaluation = await readEvaluation(join(dataset.dir, 'eval.json'));
  const file = join(dataset.dir, 'report.html');
  await writeFileAtomically(file, buildReport({ dataset, evaluation }));
  return { file, evaluated: evaluation !== null, simulated: dataset.manifest.simulated || (evaluation?.simulated ?? false), simulation: recordedSimulation(dataset.manifest) };
}

async function readEvaluation(file: string): Promise<EvaluationFile | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError(`${file}: not valid JSON; run \`scarecrow eval\` again to rewrite it`, { file });
  }
  const parsed = EvaluationFile.safeParse(value);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error.issues[0]!);
    throw new UserError(`${file}: ${field}: ${message}`, { file, field });
  }
  return parsed.data;
}
