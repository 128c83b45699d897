import type { Command } from 'commander';
import { DEFAULT_HUB_URL, pushDataset } from '../../pipeline/publish/push-dataset.ts';

interface PushFlags {
  dataset: string;
  repo?: string;
  private?: boolean;
  includeToxic?: boolean;
  hubUrl: string;
}

export function registerPushCommand(program: Command): void {
  program
    .command('push')
    .description('Publish a dataset to the Hugging Face Hub in one commit (token from HF_TOKEN). The toxic config stays local unless --include-toxic, which gates access.')
    .requiredOption('-d, --dataset <dir>', 'dataset folder, e.g. output/scarecrow-sim')
    .option('-r, --repo <owner/name>', 'dataset repository (default: your namespace / the dataset name)')
    .option('--private', 'make the repository private (a new one is created private; an existing one is switched)')
    .option('--include-toxic', 'also publish the toxic config, behind an access request')
    .option('--hub-url <url>', 'Hub endpoint', DEFAULT_HUB_URL)
    .action(async (flags: PushFlags) => {
      const result = await pushDataset({ dataset: flags.dataset, repo: flags.repo, private: flags.private, includeToxic: flags.includeToxic, hubUrl: flags.hubUrl });
      if (result.simulation) process.stderr.write(`warning: ${result.simulation.warning}\n`);
      const lines = result.commit
        ? [
            `${result.created ? 'created and pushed' : 'pushed'} ${result.url} in commit ${result.commit.oid.slice(0, 12)}`,
            `  uploaded: ${result.uploaded.join(', ') || 'none'}`,
            ...(result.deleted.length > 0 ? [`  deleted: ${result.deleted.join(', ')}`] : []),
            ...(result.unchanged.length > 0 ? [`  unchanged: ${result.unchanged.join(', ')}`] : []),
          ]
        : [`${result.url} already holds this dataset: nothing to commit`];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
