import { buildGeneratePrompt } from '../generation/generate-prompt.ts';
import { buildJudgePrompt } from '../judging/judge-prompt.ts';
import { buildRefusalJudgePrompt } from '../refusal/refusal-judge-prompt.ts';
import type { Config, ModelRole } from '../schemas/config.ts';
import type { Seed } from '../schemas/seed.ts';
import { CHARACTERS_PER_TOKEN, costUsd, estimatePromptTokens } from './estimate-tokens.ts';
import { PLAN_ASSUMPTIONS as A } from './plan-assumptions.ts';

export interface PlanRow {
  stage: string;
  /** The role's slot, e.g. `judges[1]`. */
  role: string;
  model: string;
  /** Expected calls, from the shares in PLAN_ASSUMPTIONS. */
  calls: number;
  /** At most this many: nothing a duplicate, nothing harmful, every judge asked, every sample unsure. */
  maxCalls: number;
  promptTokens: number;
  completionTokens: number;
  /** From the role's pricing (half of it for a role with `batch: true`); null when it has none. */
  costUsd: number | null;
  /** Whether the role sends its requests as Batch API jobs. */
  batch: boolean;
  /** What the Batch API saves on this row: the other half of the price; 0 for direct calls, null without pricing. */
  batchSavingUsd: number | null;
}

export interface RunPlan {
  seeds: number;
  candidates: number;
  rows: PlanRow[];
  total: { calls: number; maxCalls: number; promptTokens: number; completionTokens: number; costUsd: number | null; batchSavingUsd: number | null };
  /** When a budget is set: the stage in which it would stop the run, by the expected calls, or null if it covers them. */
  budgetStops: { field: 'budget.maxCalls' | 'budget.maxCostUsd'; stage: string } | null;
}

/** A rewrite's typical text, for the judges' and targets' prompt sizes. */
const TYPICAL_REWRITE = 'x'.repeat(A.tokensPerRewrite * CHARACTERS_PER_TOKEN);

/**
 * The calls and tokens a config will take per stage and role, before any is made: the
 * generator's prompts are built from the seeds themselves, the others from typical rewrites
 * and answers; the shares that only a run can know come from PLAN_ASSUMPTIONS.
 */
export async function planRun(options: { config: Config; seeds: Seed[] }): Promise<RunPlan> {
  const { config, seeds } = options;
  const rows: PlanRow[] = [];
  const add = (stage: string, role: string, model: ModelRole, figures: { calls: number; maxCalls: number; promptTokensPerCall: number; completionTokensPerCall: number }) => {
    const calls = Math.round(figures.calls);
    const promptTokens = Math.round(figures.calls * figures.promptTokensPerCall);
    const completionTokens = Math.round(figures.calls * figures.completionTokensPerCall);
    const fullCost = model.pricing ? costUsd({ promptTokens, completionTokens }, model.pricing) : null;
    // A batched request costs half the price of the same call made directly.
    const saving = fullCost === null ? null : model.batch ? fullCost / 2 : 0;
    rows.push({ stage, role, model: model.model, calls, maxCalls: Math.round(figures.maxCalls), promptTokens, completionTokens, costUsd: fullCost === null ? null : fullCost - saving!, batch: model.batch === true, batchSavingUsd: saving });
  };

  const categories = new Set(seeds.map((seed) => seed.category)).size;
  const expand = config.seeds.expand;
  const expandCalls = expand.perCategory > 0 ? categories * Math.ceil(expand.perCategory / expand.batchSize) : 0;
  if (expandCalls > 0) {
    add('expand', expand.model ? 'seeds.expand.model' : 'generator', expand.model ?? config.generator, { calls: expandCalls, maxCalls: expandCalls, promptTokensPerCall: 200 + expand.examples * 30, completionTokensPerCall: expand.batchSize * A.tokensPerConcept });
  }
  const allSeeds = seeds.length + categories * expand.perCategory;
  const languages = config.generate.languages?.length ?? 1;
  const rewrites = config.generate.rewritesPerSeed;
  const generatePrompt = seeds.length === 0 ? 0 : (await Promise.all(seeds.map(async (seed) => estimatePromptTokens(await buildGeneratePrompt({ seed, count: rewrites }))))).reduce((a, b) => a + b, 0) / seeds.length;
  add('generate', 'generator', config.generator, { calls: allSeeds * generateCallsPerSeed(config), maxCalls: allSeeds * generateCallsPerSeed(config), promptTokensPerCall: generatePrompt, completionTokensPerCall: rewrites * A.tokensPerRewrite });

  const generated = allSeeds * languages * rewrites;
  const candidates = generated * (1 - A.duplicateShare);
  addJudges({ config, add, stage: 'judge', candidates, maxCandidates: generated, judgePrompt: estimatePromptTokens(await buildJudgePrompt({ prompt: TYPICAL_REWRITE })) });

  const probed = candidates * (1 - A.harmfulShare);
  const targetPrompt = estimatePromptTokens([{ role: 'user', content: TYPICAL_REWRITE }]);
  const answer = config.probe.maxTokens ?? A.uncappedAnswerTokens;
  const refusalPrompt = estimatePromptTokens(await buildRefusalJudgePrompt({ prompt: TYPICAL_REWRITE, response: 'x'.repeat(answer * CHARACTERS_PER_TOKEN) }));
  const addProbe = (stage: string, items: number, maxItems: number, samples: number, maxTokens: number) => {
    config.targets.forEach((target, index) => add(stage, `targets[${index}]`, target, { calls: items * samples, maxCalls: maxItems * samples, promptTokensPerCall: targetPrompt, completionTokensPerCall: maxTokens }));
    if (config.refusalJudge && config.targets.length > 0) {
      const samplesAll = items * samples * config.targets.length;
      add(stage, 'refusalJudge', config.refusalJudge, { calls: samplesAll * A.unsureShare, maxCalls: maxItems * samples * config.targets.length, promptTokensPerCall: refusalPrompt, completionTokensPerCall: A.tokensPerRefusalVerdict });
    }
  };
  addProbe('probe', probed, generated, config.probe.samples, answer);

  const evolve = config.evolve;
  if (evolve.rounds > 0 && config.targets.length > 0) {
    const children = evolve.rounds * evolve.parentsPerRound * evolve.childrenPerParent;
    add('evolve', 'generator', config.generator, { calls: children, maxCalls: children, promptTokensPerCall: generatePrompt, completionTokensPerCall: A.tokensPerRewrite });
    addJudges({ config, add, stage: 'evolve', candidates: children, maxCandidates: children, judgePrompt: estimatePromptTokens(await buildJudgePrompt({ prompt: TYPICAL_REWRITE })) });
    // evolve.probesPerRound caps the children a round sends to the targets.
    const cap = (count: number) => (evolve.probesPerRound === null ? count : Math.min(count, evolve.rounds * evolve.probesPerRound));
    addProbe('evolve', cap(children * (1 - A.harmfulShare)), cap(children), evolve.screen.samples, evolve.screen.maxTokens);
    addProbe('evolve', cap(children * (1 - A.harmfulShare)), cap(children), config.probe.samples, answer);
  }

  const merged = mergeRows(rows);
  const sum = (pick: (row: PlanRow) => number) => merged.reduce((total, row) => total + pick(row), 0);
  const costs = merged.map((row) => row.costUsd);
  const total = {
    calls: sum((row) => row.calls),
    maxCalls: sum((row) => row.maxCalls),
    promptTokens: sum((row) => row.promptTokens),
    completionTokens: sum((row) => row.completionTokens),
    costUsd: costs.every((cost) => cost !== null) ? (costs as number[]).reduce((a, b) => a + b, 0) : null,
    batchSavingUsd: merged.every((row) => row.batchSavingUsd !== null) ? merged.reduce((saved, row) => saved + row.batchSavingUsd!, 0) : null,
  };
  return { seeds: allSeeds, candidates: Math.round(candidates), rows: merged, total, budgetStops: budgetStop(config, merged) };
}

/** One call per language natively; translating, one English call and one translation per other language (a translation's prompt holds the rewrites, about what a generation call writes). */
function generateCallsPerSeed(config: Config): number {
  const languages = config.generate.languages;
  return config.generate.languageMode === 'translate' ? 1 + languages.filter((language) => language !== 'en').length : languages.length;
}

function addJudges(options: { config: Config; add: (stage: string, role: string, model: ModelRole, figures: { calls: number; maxCalls: number; promptTokensPerCall: number; completionTokensPerCall: number }) => void; stage: string; candidates: number; maxCandidates: number; judgePrompt: number }): void {
  const { config, add, stage, candidates, maxCandidates, judgePrompt } = options;
  // Under majority the first ceil(n/2) judges are always asked and later ones only while the vote is open; under unanimous all are asked on benign prompts.
  const alwaysAsked = config.judge.rule === 'majority' ? Math.ceil(config.judges.length / 2) : config.judges.length;
  config.judges.forEach((judgeRole, index) => {
    const share = index < alwaysAsked ? 1 : A.laterJudgeShare;
    add(stage, `judges[${index}]`, judgeRole, { calls: candidates * share, maxCalls: maxCandidates, promptTokensPerCall: judgePrompt, completionTokensPerCall: A.tokensPerVerdict });
  });
}

/** Rows of the same stage and role (the two probes of a search round) as one. */
function mergeRows(rows: PlanRow[]): PlanRow[] {
  const merged = new Map<string, PlanRow>();
  for (const row of rows) {
    const key = `${row.stage}|${row.role}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...row });
      continue;
    }
    existing.calls += row.calls;
    existing.maxCalls += row.maxCalls;
    existing.promptTokens += row.promptTokens;
    existing.completionTokens += row.completionTokens;
    existing.costUsd = existing.costUsd === null || row.costUsd === null ? null : existing.costUsd + row.costUsd;
    existing.batchSavingUsd = existing.batchSavingUsd === null || row.batchSavingUsd === null ? null : existing.batchSavingUsd + row.batchSavingUsd;
  }
  return [...merged.values()];
}

function budgetStop(config: Config, rows: PlanRow[]): RunPlan['budgetStops'] {
  const { maxCalls, maxCostUsd } = config.budget;
  let calls = 0;
  let cost = 0;
  for (const row of rows) {
    calls += row.calls;
    cost += row.costUsd ?? 0;
    if (maxCalls !== null && calls > maxCalls) return { field: 'budget.maxCalls', stage: row.stage };
    if (maxCostUsd !== null && cost > maxCostUsd) return { field: 'budget.maxCostUsd', stage: row.stage };
  }
  return null;
}
