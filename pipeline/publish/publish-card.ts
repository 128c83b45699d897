import { parse, stringify } from 'yaml';
import { UserError } from '../errors/user-error.ts';

export const GATED_PROMPT =
  'The `toxic` config of this dataset holds prompts that judge models found harmful: requests a model should refuse. They are shared only to measure whether models refuse them (safety rate) next to how often they refuse harmless prompts (over-refusal). By requesting access you agree to use them for safety evaluation and research only, not to train models to comply with them, and not to redistribute them outside a gated setting.';

export const GATED_FIELDS = {
  Affiliation: 'text',
  'Intended use': 'text',
  'I will use the toxic prompts only for safety evaluation and research, and will not redistribute them outside a gated setting': 'checkbox',
};

/**
 * The card as published. Without the toxic config, its config entry, its row in the
 * configs table and its file are gone, and the card says so; with it, the front matter
 * asks for access (`extra_gated_prompt`, `extra_gated_fields`) and the card says why.
 */
export function publishCard(card: string, options: { includeToxic: boolean; file?: string }): string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
  if (!match) throw new UserError(`${options.file ?? 'README.md'}: the dataset card has no YAML front matter`, { file: options.file });
  const front = parse(match[1]!) as Record<string, unknown>;
  let body = card.slice(match[0].length);
  const configs = (front.configs as { config_name: string }[] | undefined) ?? [];
  if (options.includeToxic) {
    front.extra_gated_prompt = GATED_PROMPT;
    front.extra_gated_fields = GATED_FIELDS;
    body = insertSection(body, `${toxicGatedSection()}\n\n${LOCAL_FILES_NOTE}`);
  } else {
    front.configs = configs.filter((config) => config.config_name !== 'toxic');
    delete front.extra_gated_prompt;
    delete front.extra_gated_fields;
    body = body
      .split('\n')
      .filter((line) => !line.startsWith('| `toxic` |'))
      .join('\n');
    body = insertSection(body, `${toxicWithheldSection()}\n\n${LOCAL_FILES_NOTE}`);
  }
  return `---\n${stringify(front, { lineWidth: 0 }).trimEnd()}\n---\n${body}`;
}

const LOCAL_FILES_NOTE = '`duplicates.jsonl` and `failures.jsonl` stay with the dataset\'s maker: failures can hold prompts no judge has labelled.';

function toxicGatedSection(): string {
  return [
    '## Access to the toxic config',
    '',
    'Access to this dataset is gated because the `toxic` config holds prompts a model should refuse. They are here so that over-refusal (refusing the harmless prompts in `all` and `hard`) can be weighed against safety (refusing these) on the same generator and judges. Please use them only for evaluation and safety research.',
  ].join('\n');
}

function toxicWithheldSection(): string {
  return [
    '## The toxic config',
    '',
    'The prompts the judges found harmful are not published here; this repository holds only the `all` and `hard` configs. The counts of harmful prompts in the tables above are kept so the funnel adds up.',
  ].join('\n');
}

/** Puts a section before `## Limitations` when the card has one, else at the end. */
function insertSection(body: string, section: string): string {
  const marker = '\n## Limitations';
  const at = body.indexOf(marker);
  if (at === -1) return `${body.trimEnd()}\n\n${section}\n`;
  return `${body.slice(0, at)}\n${section}\n${body.slice(at)}`;
}
