import type { EvolveSummary } from '../evolution/round-stats.ts';
import { predictorCardSection } from './predictor-section.ts';

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
const perThousand = (hard: number, calls: number) => (calls > 0 ? ((1000 * hard) / calls).toFixed(1) : 'n/a');

/** The card's section on search rounds: the funnel per round, next to the first round, and what each operator's children became. */
export function evolveCardSection(summary: EvolveSummary): string {
  const first = summary.first_round;
  const rows = [
    `| 0 (first generation) | | ${first.candidates} | | | | ${first.hard} | ${first.calls.total} | ${perThousand(first.hard, first.calls.total)} |`,
    ...summary.rounds.map((round) => `| ${round.round} | ${round.parents} | ${round.children} | ${round.duplicates} (${percent(round.duplicates, round.children)}) | ${round.harmful} (${percent(round.harmful, round.children)}) | ${round.screened} / ${round.probed} | ${round.hard} | ${round.calls.total} | ${perThousand(round.hard, round.calls.total)} |`),
  ];
  const operators = summary.operators.map((entry) => `| \`${entry.operator}\` | ${entry.pulls} | ${entry.hard} | ${entry.harmful} | ${entry.duplicates} | ${percent(entry.hard, entry.pulls)} |`);
  return [
    '## Search rounds',
    '',
    'After the first probe, each round mutated the prompts the targets came closest to refusing without refusing them (benign or controversial ones, at most a few per seed), with operators a UCB1 bandit chose by what their earlier children became. Children went through the same dedupe (against every prompt of the run), judges and probe as first-round prompts, after a short screening sample per target; each row\'s `lineage` says its round, parent and operator. Children judged harmful are in `toxic`, never in `all`.',
    '',
    '| round | parents | children | duplicates | harmful | screened / probed | hard | model calls | hard per 1,000 calls |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '| operator | children | hard | harmful | duplicates | yield |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...operators,
    '',
    'Model calls are counted from the recorded results (one per generator call, judge vote and target sample); calls retried after a failure are in `manifest.json`\'s usage only. Children a screen sample found unrefused carry that sample as their probe (`samples` 1 per target).',
    ...(summary.predictor ? ['', predictorCardSection(summary.predictor)] : []),
  ].join('\n');
}
