import { EarlierIndex } from '../dedupe/earlier-index.ts';
import { findDuplicates } from '../dedupe/find-duplicates.ts';
import { GENERATOR_TEMPERATURE } from '../models/sampling.ts';
import type { Category } from '../schemas/category.ts';
import { Seed } from '../schemas/seed.ts';
import type { StageContext } from '../models/stage-context.ts';
import { normalisePrompt, promptId } from '../text/normalise.ts';
import { CONCEPTS_OUTPUT_NAME, ConceptsOutput } from './concepts-output.ts';
import { buildExpandPrompt, EXPAND_TEMPLATE_VERSION } from './expand-prompt.ts';
import { expansionFailures } from './expansion-failures.ts';
import type { CategoryExpansion, ExpandOutput, ExpansionSummary } from './expand-output.ts';
import { describeError } from '../errors/retryable.ts';

/** Rounds of asking before a category that keeps getting duplicates is left short (and says so). */
const MAX_ROUNDS = 4;
/** A round asks this much more than is missing, as some of it will be duplicates. */
const OVERSHOOT = 1.25;
const EXISTING_SOURCE = 'seeds';

interface Asked {
  category: Category;
  concept: string;
  id: string;
  /** When it was asked: the first asked of equal concepts is the one kept. */
  order: number;
}

/**
 * Seed expansion: the generator writes new harmful concepts for each configured category, in
 * batches, each batch shown a few of the category's seeds as examples. New concepts are
 * deduplicated (exact and near, with the prompts' rules and threshold) against every seed of
 * the run and against each other; rounds ask again for what duplicates took, up to a limit.
 * Each call is remembered where the runner keeps results, so a resumed run asks only what is
 * missing. The same seeds and answers give the same new seeds, in any order of calls.
 */
export async function expandSeeds(options: { seeds: Seed[] }, context: StageContext): Promise<ExpandOutput> {
  const { perCategory, batchSize, examples } = context.config.seeds.expand;
  if (perCategory === 0) return { seeds: [], summary: null, failures: [] };
  // Expansion's own model when the config names one (seeds.expand.model), else the generator.
  const generator = context.models.expander ?? context.models.generator;
  const role = context.config.seeds.expand.model ?? context.config.generator;
  const existing = await EarlierIndex.build({ items: options.seeds.map((seed) => ({ id: seed.id, prompt: seed.concept })), source: EXISTING_SOURCE, signal: context.signal });
  const categories = context.config.seeds.categories;
  const stats = new Map<Category, CategoryExpansion>(categories.map((category) => [category, emptyStats()]));
  const failures: ExpansionSummary['failures'] = [];
  const asked: Asked[] = [];
  let kept = new Map<Category, Asked[]>();
  const batches = new Map<Category, number>();

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const short = categories.filter((category) => (kept.get(category)?.length ?? 0) < perCategory);
    if (short.length === 0) break;
    const requests = short.flatMap((category) => {
      const missing = perCategory - (kept.get(category)?.length ?? 0);
      const wanted = round === 0 ? missing : Math.ceil(missing * OVERSHOOT);
      return Array.from({ length: Math.ceil(wanted / batchSize) }, (_, index) => ({ category, count: Math.min(batchSize, wanted - index * batchSize) }));
    });
    const answers = await Promise.all(
      requests.map(async ({ category, count }) => {
        const batch = batches.get(category) ?? 0;
        batches.set(category, batch + 1);
        const shown = exampleConcepts({ seeds: options.seeds, category, count: examples, batch });
        const work = async () => {
          const { object } = await generator.generateObject({
            schema: ConceptsOutput,
            name: CONCEPTS_OUTPUT_NAME,
            messages: await buildExpandPrompt({ category, examples: shown, count, batch }),
            temperature: role.temperature ?? GENERATOR_TEMPERATURE,
            signal: context.signal,
          });
          return object.concepts.slice(0, count).map((item) => item.concept);
        };
        const key = JSON.stringify({ category, batch, count, shown, model: generator.id, template: EXPAND_TEMPLATE_VERSION });
        const counts = stats.get(category)!;
        counts.calls += 1;
        counts.asked += count;
        try {
          return { category, batch, concepts: await (context.remember ? context.remember('expand', key, work) : work()) };
        } catch (error) {
          if (context.signal?.aborted) throw error;
          counts.failed_calls += 1;
          failures.push({ category, reason: describeError(error), request: batch + 1, count });
          return { category, batch, concepts: [] as string[] };
        }
      }),
    );
    // Answers are folded in request order, not arrival order, so the outcome does not depend on timing.
    for (const answer of answers) {
      for (const text of answer.concepts) {
        const counts = stats.get(answer.category)!;
        counts.returned += 1;
        const concept = text.replace(/\s+/g, ' ').trim();
        if (!Seed.shape.concept.safeParse(concept).success || normalisePrompt(concept) === '') {
          counts.invalid += 1;
          continue;
        }
        asked.push({ category: answer.category, concept, id: promptId(concept), order: asked.length });
      }
    }
    kept = await keepDistinct({ asked, existing, threshold: context.config.dedupe.threshold, signal: context.signal });
  }

  const seeds: Seed[] = [];
  for (const category of categories) {
    const counts = stats.get(category)!;
    const chosen = kept.get(category) ?? [];
    counts.kept = Math.min(chosen.length, perCategory);
    counts.surplus = chosen.length - counts.kept;
    for (const item of chosen.slice(0, perCategory)) {
      seeds.push({ id: `${category}-x${item.id.slice(0, 12)}`, concept: item.concept, category, source: 'generated', generatedBy: { model: generator.id, template: EXPAND_TEMPLATE_VERSION } });
    }
  }
  // Duplicates are counted once, against the final set of concepts asked.
  const removals = await duplicateCounts({ asked, existing, threshold: context.config.dedupe.threshold, signal: context.signal });
  for (const [category, counts] of removals) Object.assign(stats.get(category)!, counts);
  const summary: ExpansionSummary = { template: EXPAND_TEMPLATE_VERSION, model: generator.id, per_category: perCategory, categories: Object.fromEntries(stats), failures };
  return { seeds: seeds.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), summary, failures: expansionFailures(summary) };
}

/** Up to `count` of the category's seeds, a different window for each batch, so the examples vary. */
function exampleConcepts(options: { seeds: Seed[]; category: Category; count: number; batch: number }): string[] {
  const pool = options.seeds.filter((seed) => seed.category === options.category && seed.source !== 'generated');
  if (pool.length <= options.count) return pool.map((seed) => seed.concept);
  return Array.from({ length: options.count }, (_, index) => pool[(options.batch * options.count + index) % pool.length]!.concept);
}

interface DistinctOptions {
  asked: Asked[];
  existing: EarlierIndex;
  threshold: number;
  signal?: AbortSignal;
}

/** The concepts left once exact and near duplicates of the seeds and of each other are removed, per category in asking order. */
async function keepDistinct(options: DistinctOptions): Promise<Map<Category, Asked[]>> {
  const { unique, removedIds } = await dedupeAsked(options);
  const kept = new Map<Category, Asked[]>();
  for (const item of unique) {
    if (removedIds.has(item.id)) continue;
    let list = kept.get(item.category);
    if (!list) kept.set(item.category, (list = []));
    list.push(item);
  }
  return kept;
}

async function dedupeAsked(options: DistinctOptions) {
  // An exact repeat keeps the first asked; of near duplicates the smallest id is kept, as for prompts, whichever round asked it.
  const first = new Map<string, Asked>();
  const repeats: Asked[] = [];
  for (const item of options.asked) {
    if (first.has(item.id)) repeats.push(item);
    else first.set(item.id, item);
  }
  const unique = [...first.values()];
  const result = await findDuplicates({ items: unique.map((item) => ({ id: item.id, prompt: item.concept })), threshold: options.threshold, against: options.existing, signal: options.signal });
  return { unique, repeats, removals: result.removals, removedIds: new Set(result.removals.map((removal) => removal.removed_id)) };
}

/** Per category, concepts removed as duplicates of existing seeds and of other new concepts. */
async function duplicateCounts(options: DistinctOptions): Promise<Map<Category, Pick<CategoryExpansion, 'duplicates_of_seeds' | 'duplicates_of_new'>>> {
  const { unique, repeats, removals } = await dedupeAsked(options);
  const categoryOf = new Map(unique.map((item) => [item.id, item.category]));
  const counts = new Map<Category, Pick<CategoryExpansion, 'duplicates_of_seeds' | 'duplicates_of_new'>>();
  const bump = (category: Category, field: 'duplicates_of_seeds' | 'duplicates_of_new') => {
    const entry = counts.get(category) ?? { duplicates_of_seeds: 0, duplicates_of_new: 0 };
    entry[field] += 1;
    counts.set(category, entry);
  };
  for (const repeat of repeats) bump(repeat.category, options.existing.findExact(normalisePrompt(repeat.concept)) >= 0 ? 'duplicates_of_seeds' : 'duplicates_of_new');
  for (const removal of removals) bump(categoryOf.get(removal.removed_id)!, removal.against === null ? 'duplicates_of_new' : 'duplicates_of_seeds');
  return counts;
}

function emptyStats(): CategoryExpansion {
  return { asked: 0, returned: 0, invalid: 0, duplicates_of_seeds: 0, duplicates_of_new: 0, surplus: 0, kept: 0, calls: 0, failed_calls: 0 };
}
