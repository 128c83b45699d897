import { GENERATOR_TEMPERATURE } from '../models/sampling.ts';
import type { Candidate } from '../schemas/candidate.ts';
import type { StageContext } from '../models/stage-context.ts';
import { normalisePrompt, promptId } from '../text/normalise.ts';
import { MUTATE_TEMPLATE_VERSION, buildMutatePrompt } from './mutate-prompt.ts';
import { MUTATIONS_OUTPUT_NAME, MutationsOutput } from './mutation-output.ts';
import { OPERATORS } from './operators.ts';
import type { MutationTask } from './plan-round.ts';

export interface MutateOutput {
  children: Candidate[];
  /** Children that were empty once normalised; counted so nothing vanishes. */
  emptyChildren: number;
}

/** One generator call: `task.count` children of the task's parent by its operator, each carrying its lineage. */
export async function mutate(task: MutationTask, context: StageContext): Promise<MutateOutput> {
  const { generator } = context.models;
  const operator = OPERATORS[task.operator];
  const { object } = await generator.generateObject({
    schema: MutationsOutput,
    name: MUTATIONS_OUTPUT_NAME,
    messages: await buildMutatePrompt({ operator, parent: task.parent, partner: task.partner, count: task.count }),
    temperature: context.config.generator.temperature ?? GENERATOR_TEMPERATURE,
    signal: context.signal,
  });
  const answered = object.children.slice(0, task.count);
  const kept = answered.filter((child) => normalisePrompt(child.prompt) !== '');
  return {
    emptyChildren: answered.length - kept.length,
    children: kept.map((child) => ({
      id: promptId(child.prompt),
      prompt: child.prompt.trim(),
      // A child is written in its parent's language.
      ...(task.parent.language ? { language: task.parent.language } : {}),
      seed: task.parent.seed,
      // The false-refusal pattern stays the parent's; what changed is the operator, in the lineage.
      pattern: task.parent.pattern,
      generator: { model: generator.id, template: `${MUTATE_TEMPLATE_VERSION}/${operator.version}` },
      lineage: { round: task.round, parent_id: task.parent.id, operator: task.operator },
    })),
  };
}
