import type { EarlierIndex } from './earlier-index.ts';
import { findDuplicates, type Removal } from './find-duplicates.ts';
import { DEFAULT_LANGUAGE } from '../schemas/language-code.ts';
import type { Candidate, DuplicateRecord } from '../schemas/candidate.ts';
import type { StageContext } from '../models/stage-context.ts';

export interface DedupeInput {
  candidates: Candidate[];
  /** Earlier data (previous versions, named datasets) that new prompts must not repeat. */
  against?: EarlierIndex;
}

export interface DedupeOutput {
  /** Survivors, in ascending id order. */
  kept: Candidate[];
  duplicates: DuplicateRecord[];
}

const byIdThenSeed = (a: Candidate, b: Candidate) => compare(a.id, b.id) || compare(a.seed.id, b.seed.id) || compare(a.prompt, b.prompt);

/**
 * Removes exact and near duplicates before judging, so none is paid for twice. The
 * same set of candidates keeps the same survivors in any order: candidates with one
 * id (the same normalised prompt) keep the one of the smallest seed id, and near
 * duplicates keep the smallest id of each group. Exact duplicates are one prompt id whatever the
 * language (ids are unique in a dataset); near duplicates are compared within a language. A long dedupe pauses for the event loop
 * every few milliseconds and stops when the context's signal aborts.
 */
export async function dedupe(input: DedupeInput, context: StageContext): Promise<DedupeOutput> {
  const sorted = [...input.candidates].sort(byIdThenSeed);
  const unique: Candidate[] = [];
  const duplicates: DuplicateRecord[] = [];
  for (const candidate of sorted) {
    const previous = unique[unique.length - 1];
    if (previous && previous.id === candidate.id) {
      duplicates.push({ removed_id: candidate.id, seed_id: candidate.seed.id, kept_id: previous.id, similarity: 1, kind: 'exact', against: null });
    } else unique.push(candidate);
  }

  // Near duplicates are looked for within a language: a prompt and its counterpart in another language are two test cases.
  const removals: Removal[] = [];
  for (const group of byLanguage(unique)) {
    const result = await findDuplicates({ items: group, threshold: context.config.dedupe.threshold, against: input.against, signal: context.signal });
    removals.push(...result.removals);
  }
  const removed = new Map(removals.map((removal) => [removal.removed_id, removal]));
  const seedOf = new Map(unique.map((candidate) => [candidate.id, candidate.seed.id]));
  for (const removal of removals) {
    const { removed_id, kept_id, similarity, kind, against } = removal;
    duplicates.push({ removed_id, seed_id: seedOf.get(removed_id)!, kept_id, similarity, kind, against });
  }
  duplicates.sort((a, b) => compare(a.removed_id, b.removed_id) || compare(a.seed_id, b.seed_id));
  return { kept: unique.filter((candidate) => !removed.has(candidate.id)), duplicates };
}

/** Candidates per language, in their order, the languages in first-seen order. */
function byLanguage(candidates: Candidate[]): Candidate[][] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const language = candidate.language ?? DEFAULT_LANGUAGE;
    let group = groups.get(language);
    if (!group) groups.set(language, (group = []));
    group.push(candidate);
  }
  return [...groups.values()];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
