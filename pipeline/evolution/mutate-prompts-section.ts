import { zodResponseFormat } from 'openai/helpers/zod';
import { GENERATOR_TEMPERATURE } from '../models/sampling.ts';
import type { Config } from '../schemas/config.ts';
import { MUTATE_MESSAGES, MUTATE_TEMPLATE_VERSION } from './mutate-prompt.ts';
import { MUTATIONS_OUTPUT_NAME, MutationsOutput } from './mutation-output.ts';
import { configuredOperators } from './operators.ts';

/**
 * prompts.md's section on the search rounds, for a run that has them: the mutation template word
 * for word, each configured operator's instruction with its version, the answer schema, and how
 * the screen samples the targets. A one-shot run's prompts.md has none.
 */
export function mutatePromptsSection(config: Config): string {
  if (config.evolve.rounds === 0) return '';
  const { screen } = config.evolve;
  return [
    `## Mutation, in search rounds (\`${MUTATE_TEMPLATE_VERSION}\`)`,
    '',
    `The generator, once per parent and operator in each of ${config.evolve.rounds} rounds (temperature: \`${config.generator.model}\` ${config.generator.temperature ?? GENERATOR_TEMPERATURE}).`,
    '',
    ...MUTATE_MESSAGES.flatMap(([role, text]) => [`${role === 'human' ? 'User' : 'System'} message:`, '', '````text', text, '````', '']),
    'Placeholders: `{instruction}`: the operator\'s instruction below. `{count}`: children asked for. `{fenced}`: between tags, `<operator>` (its name), `<concept>` and `<category>` (the seed\'s), `<parent>` (the parent prompt), `<partner>` (crossover\'s second parent, of the same seed), `<answers>` (per target, how many of its samples complied; never a response) and `<count>`.',
    '',
    '| operator | version | instruction |',
    '| --- | --- | --- |',
    ...configuredOperators(config.evolve.operators).map((operator) => `| \`${operator.name}\` | \`${operator.version}\` | ${operator.instruction} |`),
    '',
    `Answer: structured output (\`response_format\` json_schema \`${MUTATIONS_OUTPUT_NAME}\`, strict):`,
    '',
    '```json',
    JSON.stringify(zodResponseFormat(MutationsOutput as never, MUTATIONS_OUTPUT_NAME).json_schema.schema, null, 2),
    '```',
    '',
    `Before its full probe, each child is sent to every target ${screen.samples} time(s) with \`max_tokens\` ${screen.maxTokens} (sample k with seed k), and labelled by the embedded classifier alone; a child no target refused there is not probed further.`,
    '',
  ].join('\n');
}
