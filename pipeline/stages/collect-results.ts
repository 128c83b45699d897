import { describeError } from '../errors/retryable.ts';
import { languageName } from '../schemas/language-code.ts';
import type { Candidate, DatasetRecord, Failure, JudgedCandidate } from '../schemas/candidate.ts';
import type { Seed } from '../schemas/seed.ts';
import type { GenerateOutput } from '../generation/generate-stage.ts';
import { toRecord } from '../refusal/probe-stage.ts';
import type { Settled } from '../models/stage-context.ts';
import { isProbed } from './routing-rules.ts';

/**
 * Turns each stage's settled results into the next stage's input plus failures, so
 * the in-process and queue runners account for every seed and candidate the same way.
 */
export function collectGenerated(results: Settled<Seed, GenerateOutput>[]): { candidates: Candidate[]; failures: Failure[] } {
  const candidates: Candidate[] = [];
  const failures: Failure[] = [];
  for (const result of results) {
    const seed = result.item;
    if (!result.ok) {
      failures.push({ stage: 'generate', kind: 'seed', id: seed.id, seed_id: seed.id, prompt: null, reason: describeError(result.error) });
      continue;
    }
    candidates.push(...result.value.candidates);
    for (let index = 0; index < result.value.emptyRewrites; index += 1) {
      failures.push({ stage: 'generate', kind: 'candidate', id: `${seed.id}#empty-${index + 1}`, seed_id: seed.id, prompt: null, reason: 'the generator returned an empty rewrite' });
    }
    for (const missing of result.value.untranslated ?? []) {
      failures.push({ stage: 'generate', kind: 'candidate', id: `${missing.source_id}#untranslated-${missing.language}`, seed_id: seed.id, prompt: null, reason: `the generator gave no ${languageName(missing.language) ?? missing.language} translation of the English rewrite "${missing.source_prompt}"` });
    }
  }
  return { candidates, failures };
}

export function collectJudged(results: Settled<Candidate, JudgedCandidate>[], failures: Failure[]): JudgedCandidate[] {
  const judged: JudgedCandidate[] = [];
  for (const result of results) {
    if (result.ok) judged.push(result.value);
    else failures.push(candidateFailure('judge', result.item, result.error));
  }
  return judged;
}

export function collectProbed(results: Settled<JudgedCandidate, DatasetRecord>[], failures: Failure[]): DatasetRecord[] {
  const records: DatasetRecord[] = [];
  for (const result of results) {
    if (result.ok) records.push(result.value);
    else failures.push(candidateFailure('probe', result.item, result.error));
  }
  return records;
}

/** The judged candidates that are not probed, as records of the toxic set. */
export function harmfulRecords(judged: JudgedCandidate[]): DatasetRecord[] {
  return judged.filter((candidate) => !isProbed(candidate)).map((candidate) => toRecord(candidate, { probes: [], hard: false }));
}

function candidateFailure(stage: Failure['stage'], candidate: Candidate, error: unknown): Failure {
  return { stage, kind: 'candidate', id: candidate.id, seed_id: candidate.seed.id, prompt: candidate.prompt, reason: describeError(error) };
}
