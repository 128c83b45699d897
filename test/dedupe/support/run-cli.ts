import { PROJECT_ROOT } from '../../../pipeline/input/project-root.ts';
import { runCliInProcess } from '../../support/run-cli-in-process.ts';

export const projectRoot = PROJECT_ROOT;

/**
 * Runs `scarecrow dedupe ...` as a user would, in `cwd`; in this process, since what is
 * tested is what it writes and says (abort.test.ts sends signals to a real process).
 */
export async function runDedupe(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runCliInProcess(['dedupe', ...args], { cwd });
  return { status: code, stdout, stderr };
}
