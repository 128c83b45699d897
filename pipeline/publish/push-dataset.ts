import { commit, createRepo, datasetInfo, repoExists, whoAmI, type CommitOperation } from '@huggingface/hub';
import { readDataset } from '../dataset/read-dataset.ts';
import { recordedSimulation } from '../dataset/recorded-simulation.ts';
import { proxyAwareFetch } from '../models/undici-fetch.ts';
import { UserError } from '../errors/user-error.ts';
import { hubRequestError } from './hub-request-error.ts';
import { isManagedPath, publishFiles } from './publish-files.ts';
import { isUnchanged, listRemoteFiles } from './remote-files.ts';

export const DEFAULT_HUB_URL = 'https://huggingface.co';

export interface PushOptions {
  dataset: string;
  /** owner/name; the token owner's namespace and the dataset's name by default. */
  repo?: string;
  private?: boolean;
  includeToxic?: boolean;
  hubUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export interface PushResult {
  repo: string;
  url: string;
  created: boolean;
  /** null when the remote already held exactly these files. */
  commit: { oid: string; url: string } | null;
  uploaded: string[];
  deleted: string[];
  unchanged: string[];
  simulated: boolean;
  /** What the dataset says of its simulation: every role, or which ones; null for real data. */
  simulation: ReturnType<typeof recordedSimulation>;
}

/**
 * Publishes a dataset folder to a Hub dataset repository in one commit: the card,
 * manifest and data files, compared with what is already there so an unchanged dataset
 * makes no commit. Gating is switched on before a toxic file is committed. A failure
 * before or during the commit leaves the repository as it was.
 */
export async function pushDataset(options: PushOptions): Promise<PushResult> {
  const env = options.env ?? process.env;
  const hubUrl = (options.hubUrl ?? DEFAULT_HUB_URL).replace(/\/$/, '');
  const token = checkToken(env.HF_TOKEN);
  const includeToxic = options.includeToxic ?? false;
  const dataset = await readDataset(options.dataset);
  const files = await publishFiles(dataset, { includeToxic });
  const call = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw hubRequestError({ step, error, hubUrl, token });
    }
  };

  // Every Hub call carries the token and goes through the proxy-aware fetch.
  const hub = { accessToken: token, hubUrl, fetch: proxyAwareFetch };
  const repo = options.repo ?? `${(await call('asking whose token this is', () => whoAmI(hub))).name}/${dataset.manifest.name}`;
  checkRepoName(repo);
  const repoId = { type: 'dataset' as const, name: repo };
  const exists = await call(`checking whether ${repo} exists`, () => repoExists({ repo: repoId, ...hub }));
  if (!exists) await call(`creating ${repo}`, () => createRepo({ repo: repoId, private: options.private ?? false, ...hub }));

  // The commit names the head it was computed against, so a push that lands in between makes
  // this one fail (nothing committed) instead of being silently overwritten or undone.
  const head = (await call(`reading the head commit of ${repo}`, () => datasetInfo({ name: repo, additionalFields: ['sha'], ...hub }))).sha;
  const remote = exists ? await call(`listing the files of ${repo}`, () => listRemoteFiles({ repo, ...hub })) : new Map();
  const changed = files.filter((file) => !isUnchanged(file, remote.get(file.path)));
  const pushed = new Set(files.map((file) => file.path));
  const deleted = [...remote.keys()].filter((path) => isManagedPath(path) && !pushed.has(path)).sort();
  // A new repo is created private when asked; an existing one is switched, so --private always holds after a push.
  const settings = { ...(includeToxic ? { gated: 'auto' as const } : {}), ...(exists && options.private ? { private: true } : {}) };
  if (Object.keys(settings).length > 0) await call(`updating the settings of ${repo}`, () => updateRepoSettings({ repo, token, hubUrl, settings }));

  const url = `${hubUrl}/datasets/${repo}`;
  const simulation = recordedSimulation(dataset.manifest);
  const base = { repo, url, created: !exists, simulated: dataset.manifest.simulated, simulation, deleted, uploaded: changed.map((file) => file.path) };
  const unchanged = files.filter((file) => !changed.includes(file)).map((file) => file.path);
  if (changed.length === 0 && deleted.length === 0) return { ...base, commit: null, unchanged };

  const operations: CommitOperation[] = [
    ...changed.map((file): CommitOperation => ({ operation: 'addOrUpdate', path: file.path, content: new Blob([new Uint8Array(file.content)]) })),
    ...deleted.map((path): CommitOperation => ({ operation: 'delete', path })),
  ];
  const sizes = `all ${dataset.configs.all.length}, hard ${dataset.configs.hard.length}${includeToxic ? `, toxic ${dataset.configs.toxic.length}` : ''}`;
  const result = await call(`committing to ${repo}`, () =>
    commit({
      repo: repoId,
      operations,
      title: `Publish ${dataset.manifest.name} (${sizes})${simulation ? (simulation.full ? ' [SIMULATED]' : ' [PARTLY SIMULATED]') : ''}`,
      description: `Dataset made ${dataset.manifest.created_at} by scarecrow. Files: ${[...changed.map((file) => file.path), ...deleted.map((path) => `-${path}`)].join(', ')}.`,
      useXet: false,
      parentCommit: head,
      ...hub,
    }),
  );
  return { ...base, commit: result ? { oid: result.commit.oid, url: result.commit.url } : null, unchanged };
}

function checkToken(token: string | undefined): string {
  if (!token) throw new UserError('HF_TOKEN is not set: create a write token at https://huggingface.co/settings/tokens and export HF_TOKEN=hf_...', { field: 'HF_TOKEN' });
  if (!token.startsWith('hf_')) throw new UserError('HF_TOKEN does not look like a Hugging Face access token (it must start with hf_)', { field: 'HF_TOKEN' });
  return token;
}

function checkRepoName(repo: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/.test(repo)) {
    throw new UserError(`--repo: "${repo}" is not a repository name of the form owner/name`, { field: 'repo' });
  }
}

/** The Hub's settings endpoint (access requests, visibility); the client library has no call for it. */
async function updateRepoSettings(options: { repo: string; token: string; hubUrl: string; settings: { gated?: 'auto'; private?: boolean } }): Promise<void> {
  const response = await proxyAwareFetch(`${options.hubUrl}/api/datasets/${options.repo}/settings`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(options.settings),
  });
  if (!response.ok) {
    const text = await response.text();
    throw Object.assign(new Error(text.slice(0, 300) || response.statusText), { statusCode: response.status });
  }
}
