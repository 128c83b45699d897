import type { Command } from 'commander';
import { PLAN_ASSUMPTIONS } from '../../pipeline/cost/plan-assumptions.ts';
import { planRun, type RunPlan } from '../../pipeline/cost/plan-run.ts';
import { selectSeeds } from '../../pipeline/runs/select-seeds.ts';
import { loadConfigOption } from './load-config-option.ts';

/** `scarecrow plan`: what a run of a config will cost, before it is started; calls no model. */
export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('Estimate the calls, tokens and cost (where roles have pricing) of a run, per stage and role, from the config and its seeds; calls no model.')
    .option('-c, --config <file>', 'config file (JSON); the embedded defaults when omitted')
    .option('--json', 'print the plan as JSON')
    .action(async (flags: { config?: string; json?: boolean }) => {
      const loaded = await loadConfigOption(flags.config);
      const plan = await planRun({ config: loaded.config, seeds: await selectSeeds(loaded) });
      process.stdout.write(flags.json ? JSON.stringify({ ...plan, assumptions: PLAN_ASSUMPTIONS }, null, 2) + '\n' : planLines(plan).join('\n') + '\n');
    });
}

/** What the roles with `batch: true` save: half the price of their calls, which the cost column already counts. */
function batchLines(plan: RunPlan, money: (value: number | null) => string): string[] {
  const batched = plan.rows.filter((row) => row.batch);
  if (batched.length === 0) return [];
  const roles = [...new Set(batched.map((row) => row.role))].join(', ');
  const calls = batched.reduce((total, row) => total + row.calls, 0).toLocaleString('en-US');
  const saving = batched.every((row) => row.batchSavingUsd !== null) ? batched.reduce((total, row) => total + row.batchSavingUsd!, 0) : null;
  const total = plan.total.costUsd;
  return [
    saving === null
      ? `Batch API: ${roles} send their ${calls} calls as batches, at half the price of direct calls (no pricing on them to say how much that is)`
      : `Batch API: ${roles} send their ${calls} calls as batches, at half price: the cost column counts that, saving ${money(saving)}${total === null ? '' : ` (${money(total + saving)} with every call direct)`}`,
  ];
}

function planLines(plan: RunPlan): string[] {
  const number = (value: number) => value.toLocaleString('en-US');
  const money = (value: number | null) => (value === null ? '-' : `$${value.toFixed(value < 1 ? 4 : 2)}`);
  const table = [
    ['stage', 'role', 'model', 'calls', 'at most', 'prompt tokens', 'completion tokens', 'cost'],
    ...plan.rows.map((row) => [row.stage, row.batch ? `${row.role} (batch)` : row.role, row.model, number(row.calls), number(row.maxCalls), number(row.promptTokens), number(row.completionTokens), money(row.costUsd)]),
    ['total', '', '', number(plan.total.calls), number(plan.total.maxCalls), number(plan.total.promptTokens), number(plan.total.completionTokens), money(plan.total.costUsd)],
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
  const numeric = (column: number) => column >= 3;
  const lines = table.map((cells) => cells.map((cell, column) => (numeric(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd());
  return [
    `plan: ${number(plan.seeds)} seeds, about ${number(plan.candidates)} candidates after dedupe`,
    ...lines,
    `estimated: ${Math.round(PLAN_ASSUMPTIONS.duplicateShare * 100)}% duplicates, ${Math.round(PLAN_ASSUMPTIONS.harmfulShare * 100)}% judged harmful (not probed), later judges asked on ${Math.round(PLAN_ASSUMPTIONS.laterJudgeShare * 100)}% under majority, ${Math.round(PLAN_ASSUMPTIONS.unsureShare * 100)}% of samples to the refusal judge, about 4 characters a token; "at most" assumes none of these savings. The response cache can make a rerun cost nothing.`,
    ...batchLines(plan, money),
    ...(plan.budgetStops ? [`${plan.budgetStops.field} would stop this run during ${plan.budgetStops.stage}, by the expected calls`] : []),
  ];
}
