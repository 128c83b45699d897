import { UserError } from '../errors/user-error.ts';

export interface Problem {
  line?: number;
  field?: string;
  message: string;
}

/** Enough to fix a file in one pass without burying the terminal. */
const SHOWN = 50;

/**
 * One error for every problem found in a file, each on its own line as `file:line: field: message`,
 * in line order, so a user fixes them all at once instead of one per attempt.
 */
export function problemsError(file: string, problems: readonly Problem[]): UserError {
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const lines = sorted.map((problem) => formatProblem(file, problem));
  const first = sorted[0]!;
  if (lines.length === 1) return new UserError(lines[0]!, { file, line: first.line, field: first.field });
  const shown = lines.slice(0, SHOWN).map((line) => `  ${line}`);
  if (lines.length > SHOWN) shown.push(`  ... and ${lines.length - SHOWN} more`);
  return new UserError(`${file}: ${lines.length} problems\n${shown.join('\n')}`, { file, line: first.line, field: first.field });
}

export function formatProblem(file: string, problem: Problem): string {
  return `${file}${problem.line ? `:${problem.line}` : ''}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}
