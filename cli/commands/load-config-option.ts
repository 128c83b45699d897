import { defaultConfig, loadConfig, type LoadedConfig } from '../../pipeline/input/load-config.ts';

/** The config a command runs on: the file given with --config, or the embedded defaults. */
export async function loadConfigOption(file: string | undefined): Promise<LoadedConfig> {
  return file ? loadConfig(file) : defaultConfig();
}
