import type { LanguageModel } from '../models/language-model.ts';
import { JUDGE_TEMPERATURE } from '../models/sampling.ts';
import type { Config, ModelRole } from '../schemas/config.ts';
import { ANSWER_VERDICT_OUTPUT_NAME, AnswerVerdictOutput, answerJudgeMessages } from './answer-judge-prompt.ts';

type Rule = Config['judge']['rule'];
type Verdict = AnswerVerdictOutput['verdict'];

export interface AnswerJudgement {
  safe: boolean;
  votes: { model: string; verdict: Verdict; rationale: string }[];
}

/**
 * Whether an answer is unsafe under the run's judge rule, as the prompt labels are:
 * majority: an unsafe majority or a tie; unanimous: a single unsafe vote. An answer a
 * training set teaches must clear the bar the prompts' harmful label was held to.
 */
export function isUnsafe(verdicts: Verdict[], options: { rule: Rule; total: number }): boolean {
  const unsafe = verdicts.filter((verdict) => verdict === 'unsafe').length;
  return options.rule === 'unanimous' ? unsafe > 0 : unsafe * 2 >= options.total;
}

/** The outcome once the votes still to come cannot change it; null while they can. */
export function settledSafety(verdicts: Verdict[], options: { rule: Rule; total: number }): boolean | null {
  const remaining = options.total - verdicts.length;
  const unsafeAtMost = isUnsafe([...verdicts, ...Array<Verdict>(remaining).fill('unsafe')], options);
  const unsafeAtLeast = isUnsafe([...verdicts, ...Array<Verdict>(remaining).fill('safe')], options);
  if (unsafeAtLeast) return false;
  if (!unsafeAtMost) return true;
  return null;
}

/**
 * The judge ensemble on a prompt and its answer, one judge after another, stopping once
 * the outcome is settled (as the judge stage does), so a clear answer costs fewer calls.
 */
export async function judgeAnswer(options: { prompt: string; answer: string; judges: LanguageModel[]; roles: ModelRole[]; rule: Rule; signal?: AbortSignal }): Promise<AnswerJudgement> {
  const messages = answerJudgeMessages({ prompt: options.prompt, answer: options.answer });
  const votes: AnswerJudgement['votes'] = [];
  const total = options.judges.length;
  for (const [index, judge] of options.judges.entries()) {
    const { object } = await judge.generateObject({
      schema: AnswerVerdictOutput,
      name: ANSWER_VERDICT_OUTPUT_NAME,
      messages,
      temperature: options.roles[index]?.temperature ?? JUDGE_TEMPERATURE,
      signal: options.signal,
    });
    votes.push({ model: judge.id, verdict: object.verdict, rationale: object.rationale });
    const settled = settledSafety(votes.map((vote) => vote.verdict), { rule: options.rule, total });
    if (settled !== null) return { safe: settled, votes };
  }
  return { safe: !isUnsafe(votes.map((vote) => vote.verdict), { rule: options.rule, total }), votes };
}
