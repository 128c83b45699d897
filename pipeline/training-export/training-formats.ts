/** The training exports: chat-messages JSONL for supervised fine-tuning, preference triples for DPO. */
export const TRAINING_FORMATS = ['sft', 'dpo'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

export const TRAINING_FILES: Record<TrainingFormat, string> = { sft: 'sft.jsonl', dpo: 'dpo.jsonl' };

export function isTrainingFormat(format: string): format is TrainingFormat {
  return (TRAINING_FORMATS as readonly string[]).includes(format);
}

type Turn = { role: 'user' | 'assistant'; content: string };

/** One supervised example, as OpenAI fine-tuning, TRL's SFTTrainer and axolotl's chat_template read it. */
export interface SftRow {
  messages: [Turn, Turn];
}

/** One preference triple in TRL's conversational form (explicit prompt), as DPOTrainer reads it. */
export interface DpoRow {
  prompt: [Turn];
  chosen: [Turn];
  rejected: [Turn];
}

export function sftRow(prompt: string, answer: string): SftRow {
  return { messages: [{ role: 'user', content: prompt }, { role: 'assistant', content: answer }] };
}

export function dpoRow(options: { prompt: string; chosen: string; rejected: string }): DpoRow {
  return { prompt: [{ role: 'user', content: options.prompt }], chosen: [{ role: 'assistant', content: options.chosen }], rejected: [{ role: 'assistant', content: options.rejected }] };
}
