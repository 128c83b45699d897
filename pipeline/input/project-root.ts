import { fileURLToPath } from 'node:url';

/** The package's own folder, where the bundled seeds live, wherever the CLI is run from. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
