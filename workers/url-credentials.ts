import { readFile } from 'node:fs/promises';
import { UserError } from '../pipeline/errors/user-error.ts';
import { lineOfPath } from '../pipeline/loading/json-positions.ts';
import type { LoadedConfig } from '../pipeline/loading/load-config.ts';
import { allRoles } from '../pipeline/models/create-models.ts';
import { redactUrl } from '../pipeline/models/openai-model.ts';

/**
 * A queued run's config is stored in Redis for workers on any machine to read, and secrets
 * never go there. A baseURL with a user, a password or a query string (`?api-key=...`) may
 * carry one, and there is no telling which part, so a queued run refuses it before anything
 * is written: the key belongs in the environment variable `apiKeyEnv` names, which each
 * worker reads from its own environment.
 */
export async function refuseUrlCredentials(loaded: LoadedConfig): Promise<void> {
  for (const { name, role } of allRoles(loaded.config)) {
    if (!role.baseURL || !carriesCredentials(role.baseURL)) continue;
    const file = loaded.file ?? 'config';
    const path = [...name.split(/[[\].]+/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), 'baseURL'];
    const text = loaded.file ? await readFile(loaded.file, 'utf8').catch(() => null) : null;
    const line = text === null ? undefined : lineOfPath(text, path);
    throw new UserError(
      `${file}${line ? `:${line}` : ''}: ${name}.baseURL: ${redactUrl(role.baseURL)} carries credentials (a user:password@ or a query string such as ?api-key=); ` +
        'a queued run keeps its config in Redis for the workers, and secrets never go there. Give the URL without them and put the key ' +
        'in an environment variable named by apiKeyEnv, set for the submitter and every worker.',
      { file: loaded.file ?? undefined, line, field: `${name}.baseURL` },
    );
  }
}

function carriesCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '' || parsed.search !== '';
  } catch {
    return false; // the config schema has already refused a URL that does not parse
  }
}
