import type { Command } from 'commander';
import { allRoles, checkApiKeys, usesSimulator } from '../../models/create-models.ts';
import { redactUrl } from '../../models/openai-model.ts';
import { selectSeeds } from '../../run/select-seeds.ts';
import { loadConfigOption } from './load-config-option.ts';

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('Check a config and its seeds without calling any model.')
    .option('-c, --config <file>', 'config file (JSON); the embedded defaults when omitted')
    .action(async (flags: { config?: string }) => {
      const loaded = await loadConfigOption(flags.config);
      checkApiKeys(loaded.config, process.env, loaded.file ?? 'config');
      const seeds = await selectSeeds(loaded);
      const perCategory = new Map<string, number>();
      for (const seed of seeds) perCategory.set(seed.category, (perCategory.get(seed.category) ?? 0) + 1);
      const lines = [
        `config ${loaded.file ?? '(embedded defaults)'} is valid`,
        `seeds: ${seeds.length} (${[...perCategory].map(([category, count]) => `${category} ${count}`).join(', ')})`,
        ...allRoles(loaded.config).map(({ name, role }) => `${name}: ${role.model} at ${role.baseURL ? redactUrl(role.baseURL) : 'the built-in simulator'}`),
        `each seed asks for ${loaded.config.generate.rewritesPerSeed} rewrites: up to ${seeds.length * loaded.config.generate.rewritesPerSeed} candidates`,
      ];
      if (usesSimulator(loaded.config)) lines.push('note: roles without baseURL run on the built-in SIMULATOR, which makes simulated data');
      process.stdout.write(lines.join('\n') + '\n');
    });
}
