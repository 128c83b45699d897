import type { Command } from 'commander';
import { batchEndpointRoles } from '../../pipeline/batch-api/check-batch-support.ts';
import { allRoles, simulatedRoles } from '../../pipeline/models/create-models.ts';
import { redactUrl } from '../../pipeline/models/openai-model.ts';
import { checkRunInputs } from '../../pipeline/runs/check-run-inputs.ts';
import { loadConfigOption } from './load-config-option.ts';

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('Check a config, its seeds, its dedupe.against files and its output folder without calling any model; reports every problem found.')
    .option('-c, --config <file>', 'config file (JSON); the embedded defaults when omitted')
    .option('-o, --output <dir>', 'folder the dataset folder would go in (default: the config\'s output.dir)')
    .action(async (flags: { config?: string; output?: string }) => {
      const loaded = await loadConfigOption(flags.config);
      const seeds = await checkRunInputs({ loaded, outputDir: flags.output, readAgainst: true });
      const perCategory = new Map<string, number>();
      for (const seed of seeds) perCategory.set(seed.category, (perCategory.get(seed.category) ?? 0) + 1);
      const lines = [
        `config ${loaded.file ?? '(embedded defaults)'} is valid`,
        `seeds: ${seeds.length} (${[...perCategory].map(([category, count]) => `${category} ${count}`).join(', ')})`,
        ...allRoles(loaded.config).map(({ name, role }) => `${name}: ${role.model} at ${role.baseURL ? redactUrl(role.baseURL) : 'the built-in simulator'}`),
        `each seed asks for ${loaded.config.generate.rewritesPerSeed} rewrites: up to ${seeds.length * loaded.config.generate.rewritesPerSeed} candidates`,
      ];
      const batchRoles = batchEndpointRoles(loaded.config).map(({ name }) => name);
      if (batchRoles.length > 0) lines.push(`note: ${batchRoles.join(', ')} ${batchRoles.length === 1 ? 'has' : 'have'} batch: true; run checks that ${batchRoles.length === 1 ? 'its endpoint has' : 'their endpoints have'} a Batch API before any work (validate calls no endpoint)`);
      const simulated = simulatedRoles(loaded.config);
      if (simulated.length > 0) lines.push(`note: ${simulated.length === allRoles(loaded.config).length ? 'every role' : simulated.join(', ')} will run on the built-in SIMULATOR, which makes simulated data`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
