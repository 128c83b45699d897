import { EarlierIndex } from '../dedupe/earlier-index.ts';
import { dedupe, type DedupeOutput } from '../dedupe/dedupe-stage.ts';
import type { Candidate } from '../schemas/candidate.ts';
import type { StageContext } from '../models/stage-context.ts';

/** Source name of the run's own prompts in the index children are deduped against; recorded as `against: null`, like any in-run duplicate. */
const THIS_RUN = '\u0000this run';

/**
 * Children are deduped among themselves and against every prompt the run has seen (every
 * record and every failed candidate's prompt, of every earlier round) and `dedupe.against`,
 * so a round never pays the judges for a prompt the run already has.
 */
export async function dedupeChildren(input: { children: Candidate[]; seen: { id: string; prompt: string }[]; against?: EarlierIndex }, context: StageContext): Promise<DedupeOutput> {
  const index = await EarlierIndex.build({ items: input.seen, source: THIS_RUN, signal: context.signal });
  if (input.against) {
    for (const source of input.against.sources) {
      const items = input.against.ids.flatMap((id, position) => (input.against!.sourceName(position) === source.name ? [{ id, prompt: input.against!.normalised[position] }] : []));
      await index.add({ items, source: source.name, signal: context.signal });
    }
  }
  const result = await dedupe({ candidates: input.children, against: index }, context);
  return { kept: result.kept, duplicates: result.duplicates.map((duplicate) => (duplicate.against === THIS_RUN ? { ...duplicate, against: null } : duplicate)) };
}
