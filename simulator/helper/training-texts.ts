import { readFileSync } from 'node:fs';
import { z } from 'zod';

const texts = z.array(z.string().min(1)).min(1);

/** The phrase banks of the simulated helpful model and answer judges, from data/training-texts.json. */
const TrainingTexts = z.object({ refusals: texts, safeReasons: texts, unsafeReasons: texts }).strict();

function load(): z.infer<typeof TrainingTexts> {
  const url = new URL('../data/training-texts.json', import.meta.url);
  const parsed = TrainingTexts.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`simulator data ${url.pathname}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export const TRAINING_TEXTS = load();
