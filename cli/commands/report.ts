import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { writeReport } from '../../pipeline/report/write-report.ts';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Write report.html into a dataset folder: funnel, categories, judge agreement, refusals, usage and, after eval, the over-refusal vs safety chart. Self-contained; opens offline.')
    .requiredOption('-d, --dataset <dir>', 'dataset folder, e.g. output/scarecrow-sim')
    .option('--open', 'open the report in the default browser')
    .action(async (flags: { dataset: string; open?: boolean }) => {
      const result = await writeReport({ dataset: flags.dataset });
      const partly = result.simulation && !result.simulation.full ? `  (PARTLY SIMULATED: ${result.simulation.roles.join(', ')})` : '';
      process.stdout.write(`report written to ${result.file}${result.evaluated ? ' (with evaluation)' : ''}${partly || (result.simulated ? '  (SIMULATED)' : '')}\n`);
      if (result.simulation) process.stderr.write(`warning: ${result.simulation.warning}\n`);
      if (flags.open) openInBrowser(result.file);
    });
}

function openInBrowser(file: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [file], { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stderr.write(`could not start ${command}; open ${file} yourself\n`));
  child.unref();
}
