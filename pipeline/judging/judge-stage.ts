import { aggregateVotes, pickCategory, settledLabel } from './aggregate-votes.ts';
import { buildJudgePrompt } from './judge-prompt.ts';
import { JUDGE_TEMPERATURE } from '../models/sampling.ts';
import { HarmVerdictOutput, OUTPUT_NAMES } from '../prompts/output-schemas.ts';
import type { Candidate, JudgedCandidate, JudgeVote } from '../schemas/candidate.ts';
import type { StageContext } from '../models/stage-context.ts';

/**
 * Asks the judges one after another and stops once the remaining votes cannot
 * change the label, so a clear case costs fewer calls. A judge whose answer stays
 * unparsable after its retries fails the candidate; it is never counted as a vote.
 */
export async function judge(candidate: Candidate, context: StageContext): Promise<JudgedCandidate> {
  const { judges } = context.models;
  const rule = context.config.judge.rule;
  const messages = await buildJudgePrompt({ prompt: candidate.prompt });
  const votes: JudgeVote[] = [];
  let settled: JudgedCandidate['label'] | null = null;

  for (const [index, model] of judges.entries()) {
    const { object } = await model.generateObject({
      schema: HarmVerdictOutput,
      name: OUTPUT_NAMES.harmVerdict,
      messages,
      temperature: context.config.judges[index]?.temperature ?? JUDGE_TEMPERATURE,
      signal: context.signal,
    });
    votes.push({
      model: model.id,
      verdict: object.verdict,
      category: object.category === 'none' ? null : object.category,
      rationale: object.rationale,
    });
    settled = settledLabel({ votes: votes.map((vote) => vote.verdict), total: judges.length, rule });
    if (settled) break;
  }

  const label = settled ?? aggregateVotes(votes.map((vote) => vote.verdict), rule);
  // `category` is the seed's on every row, so per-category counts, the card and the report agree; the judges' view is its own field.
  const named = votes.some((vote) => vote.category !== null);
  const judgedCategory = named ? pickCategory(votes, candidate.seed.category) : null;
  return { ...candidate, label, category: candidate.seed.category, judged_category: judgedCategory, votes };
}
