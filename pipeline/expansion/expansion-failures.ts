import type { Failure } from '../schemas/candidate.ts';
import { CATEGORIES, type Category } from '../schemas/category.ts';
import type { ExpansionSummary } from './expand-output.ts';

const asCategory = (name: string): Category | undefined => (CATEGORIES as readonly string[]).includes(name) ? (name as Category) : undefined;

/**
 * What seed expansion did not deliver, as failures.jsonl records it: every call that failed
 * after its retries (or answered in a form that would not parse), and every category left
 * short of `perCategory`, with what took its concepts. Nothing asked of the model vanishes
 * into a count on the card alone.
 */
export function expansionFailures(summary: ExpansionSummary): Failure[] {
  const failures: Failure[] = summary.failures.map((failure, index) => ({
    stage: 'expand',
    kind: 'concepts',
    id: `expand/${failure.category}/request-${failure.request ?? index + 1}`,
    seed_id: null,
    category: asCategory(failure.category),
    prompt: null,
    reason: `the call for ${failure.count ?? 'its'} new ${failure.category} concepts failed: ${failure.reason}`,
  }));
  for (const [category, counts] of Object.entries(summary.categories)) {
    const missing = summary.per_category - counts.kept;
    if (missing <= 0) continue;
    failures.push({
      stage: 'expand',
      kind: 'concepts',
      id: `expand/${category}/short`,
      seed_id: null,
      category: asCategory(category),
      prompt: null,
      reason: `${category} got ${counts.kept} of the ${summary.per_category} new concepts asked (seeds.expand.perCategory), ${missing} short: of ${counts.asked} asked in ${counts.calls} calls, ${counts.returned} came back; ${counts.duplicates_of_seeds} were duplicates of existing seeds, ${counts.duplicates_of_new} of other new concepts, ${counts.invalid} invalid, and ${counts.failed_calls} calls failed`,
    });
  }
  return failures;
}
