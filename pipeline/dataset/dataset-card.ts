import { stringify } from 'yaml';
import type { Config } from '../schemas/config.ts';
import type { Manifest } from './manifest.ts';
import { SIMULATED_WARNING, simulationWarning } from './simulation-warning.ts';
import { simulatedRoles as simulatedRolesOf } from '../models/create-models.ts';

export interface CardOptions {
  config: Config;
  manifest: Manifest;
  sizes: { all: number; hard: number; toxic: number };
  /** Extra markdown sections (diversity, evaluation results), appended in order. */
  sections?: string[];
}

/** A Hugging Face dataset card: YAML front matter with the three configs, then how the data was made. */
export function buildDatasetCard(options: CardOptions): string {
  const { config, manifest, sizes } = options;
  const counts = manifest.counts;
  const frontMatter = {
    license: config.output.license,
    language: ['en'],
    pretty_name: config.name,
    task_categories: ['text-generation', 'text-classification'],
    size_categories: [sizeCategory(sizes.all + sizes.toxic)],
    tags: ['over-refusal', 'false-refusal', 'safety', 'llm-evaluation', 'synthetic', ...(manifest.simulated ? ['simulated'] : [])],
    configs: (['all', 'hard', 'toxic'] as const).map((name) => ({ config_name: name, data_files: [{ split: 'train', path: `data/${name}.jsonl` }] })),
  };
  // Manifests of older versions have no simulated_roles: there, a role with no baseURL was the simulated one.
  const simulatedRoles = new Set(manifest.simulated_roles ?? simulatedRolesOf(config));
  const role = (name: string, model: { model: string }) => `\`${model.model}\`${simulatedRoles.has(name) ? ' (simulator)' : ''}`;
  const lines = [
    '---',
    stringify(frontMatter).trimEnd(),
    '---',
    '',
    `# ${config.name}`,
    '',
    ...(manifest.simulated ? [`> **${simulationWarning({ config, when: 'after', simulatedRoles: [...simulatedRoles] }) ?? SIMULATED_WARNING}**`, ''] : []),
    'An over-refusal test set: prompts that look harmful but whose honest answers are not, for measuring how often a model refuses what it should answer. Made by scarecrow from seed harmful concepts: a generator model rewrote each concept into benign-but-scary prompts, an ensemble of judge models labelled each prompt, near-duplicates were removed, and target models were probed for refusals.',
    '',
    '## Configs',
    '',
    '| config | rows | what it holds |',
    '| --- | ---: | --- |',
    `| \`all\` | ${sizes.all} | benign and controversial prompts, labelled |`,
    `| \`hard\` | ${sizes.hard} | prompts at least ${config.probe.minTargets} target(s) refused in at least ${Math.round(config.probe.refusalThreshold * 100)}% of ${config.probe.samples} samples |`,
    `| \`toxic\` | ${sizes.toxic} | prompts the judges found harmful: a model should refuse these |`,
    '',
    '```python',
    'from datasets import load_dataset',
    `hard = load_dataset("OWNER/${config.name}", "hard", split="train")`,
    '```',
    '',
    '## How it was made',
    '',
    `- Seeds: ${counts.seeds} harmful concepts in ${Object.keys(manifest.by_category).length} categories (${counts.seeds_failed} failed at generation).`,
    `- Generator: ${role('generator', config.generator)}, ${config.generate.rewritesPerSeed} rewrites per seed, template \`${manifest.templates.generate}\`: ${counts.generated} candidates.`,
    `- Near-duplicates removed before judging (normalised edit similarity >= ${config.dedupe.threshold}): ${counts.duplicates_exact} exact, ${counts.duplicates_near} near.`,
    `- Judges (${config.judge.rule} rule): ${config.judges.map((judge, index) => role(`judges[${index}]`, judge)).join(', ')}: ${counts.benign} benign, ${counts.controversial} controversial, ${counts.harmful} harmful.`,
    `- Targets: ${config.targets.length > 0 ? config.targets.map((target, index) => role(`targets[${index}]`, target)).join(', ') : 'none'}; refusals detected by \`${manifest.refusal_classifier}\`${config.refusalJudge ? ` with ${role('refusalJudge', config.refusalJudge)} deciding unsure cases` : ''}: ${counts.hard} hard.`,
    `- ${counts.failed_candidates} candidates failed (see \`failures.jsonl\`); every seed and candidate is in a data file, \`duplicates.jsonl\` or \`failures.jsonl\`.`,
    '- The exact instructions given to the generator, the judges and the refusal judge, with the output schemas they answered in: `prompts.md`.',
    '',
    '## Per category',
    '',
    '| category | seeds | benign | controversial | harmful | hard |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(manifest.by_category).map(([category, c]) => `| ${category} | ${c.seeds} | ${c.benign} | ${c.controversial} | ${c.harmful} | ${c.hard} |`),
    '',
    '## Fields',
    '',
    '`id` (hash of the normalised prompt), `prompt`, `category` (the seed\'s category, on every row of every config: the per-category table above and the report count by it), `judged_category` (the category the judges named most often, ties to the seed\'s; null when none named one, as on prompts every judge found benign), `label` (benign, controversial or harmful), `hard`, `seed` (id, concept, category), `pattern` (the technique the generator used), `generator` (model, template), `votes` (each judge\'s model, verdict, category, rationale) and `probes` (per target: model, samples, refusals, refusal_rate, and how many samples the classifier or the refusal judge decided).',
    '',
    ...(options.sections ?? []).flatMap((section) => [section.trimEnd(), '']),
    '## Limitations',
    '',
    '- Labels come from model judges, not people; controversial prompts are the ones where the judges disagreed.',
    '- The hard set is specific to the targets it was probed against; re-probe it for other models.',
    '',
    `Generated ${manifest.created_at} by scarecrow ${manifest.versions.scarecrow}. Full configuration, versions, counts and token usage are in \`manifest.json\`.`,
  ];
  return lines.join('\n') + '\n';
}

function sizeCategory(rows: number): string {
  if (rows < 1_000) return 'n<1K';
  if (rows < 10_000) return '1K<n<10K';
  if (rows < 100_000) return '10K<n<100K';
  if (rows < 1_000_000) return '100K<n<1M';
  return '1M<n<10M';
}
