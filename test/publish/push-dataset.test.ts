import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pushDataset } from '../../pipeline/publish/push-dataset.ts';
import { makeDataset } from '../harness-export/make-dataset.ts';
import { startHubStandIn, type HubStandIn } from '../support/hub-stand-in.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
let hub: HubStandIn;
beforeEach(async () => {
  hub = await startHubStandIn();
});
afterEach(async () => {
  await hub.close();
});

const frontMatter = (card: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(card)![1]!) as Record<string, unknown>;
const text = (id: string, path: string) => hub.repo(id)!.files.get(path)!.content.toString('utf8');

describe('push', () => {
  it('creates the repository and uploads card, manifest, prompts and data in one commit, without the toxic config', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const result = await pushDataset({ dataset: dir, hubUrl: hub.url, env: { HF_TOKEN: hub.token } });

    expect(result).toMatchObject({ repo: 'tester/fixture-set', created: true, simulated: true });
    const repo = hub.repo('tester/fixture-set')!;
    expect(repo.commits).toHaveLength(1);
    expect(repo.commits[0]!.title).toBe('Publish fixture-set (all 4, hard 2) [SIMULATED]');
    expect([...repo.files.keys()].sort()).toEqual(['README.md', 'data/all.jsonl', 'data/hard.jsonl', 'manifest.json', 'prompts.md']);
    expect(text('tester/fixture-set', 'prompts.md')).toContain('## Harmfulness judging (`judge-v1`)');
    expect(repo.files.get('data/all.jsonl')!.lfs).toBe(true);
    expect(text('tester/fixture-set', 'data/all.jsonl').trim().split('\n')).toHaveLength(4);

    const card = text('tester/fixture-set', 'README.md');
    const front = frontMatter(card);
    expect((front.configs as { config_name: string }[]).map((config) => config.config_name)).toEqual(['all', 'hard']);
    expect(front.extra_gated_prompt).toBeUndefined();
    expect(card).not.toContain('data/toxic.jsonl');
    expect(card).not.toMatch(/^\| `toxic` \|/m);
    expect(card).toContain('are not published here');
    expect(repo.gated).toBe(false);
    // Every request but the LFS storage upload carries the token.
    const apiRequests = hub.requests.filter((request) => !request.path.startsWith('/lfs-upload/'));
    expect(apiRequests.map((request) => request.authorization)).toEqual(apiRequests.map(() => `Bearer ${hub.token}`));
    expect(hub.requests.map((request) => `${request.method} ${request.path.replace(/[0-9a-f]{64}/, 'OID')}`)).toEqual(
      expect.arrayContaining(['POST /api/repos/create', 'POST /api/datasets/tester/fixture-set/preupload/main', 'POST /datasets/tester/fixture-set.git/info/lfs/objects/batch', 'PUT /lfs-upload/OID', 'POST /api/datasets/tester/fixture-set/commit/main']),
    );
  });

  it('makes no new commit when the dataset has not changed, and one when it has', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const options = { dataset: dir, repo: 'lab/or-set', hubUrl: hub.url, env: { HF_TOKEN: hub.token } };
    await pushDataset(options);
    const again = await pushDataset(options);
    expect(again.commit).toBeNull();
    expect(again.unchanged).toHaveLength(5);
    expect(hub.repo('lab/or-set')!.commits).toHaveLength(1);

    await writeFile(join(dir, 'eval.json'), '{"models":[]}\n');
    const third = await pushDataset(options);
    expect(third.uploaded).toEqual(['eval.json']);
    expect(hub.repo('lab/or-set')!.commits).toHaveLength(2);

    // --private on a repository that exists makes it private, without a commit.
    expect(hub.repo('lab/or-set')!.private).toBe(false);
    await pushDataset({ ...options, private: true });
    expect(hub.repo('lab/or-set')!.private).toBe(true);
    expect(hub.repo('lab/or-set')!.commits).toHaveLength(2);
  });

  it('publishes the toxic config only when asked, gates the repository and says why; dropping it later deletes it', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const options = { dataset: dir, repo: 'lab/gated', hubUrl: hub.url, env: { HF_TOKEN: hub.token } };
    await pushDataset({ ...options, includeToxic: true, private: true });
    const repo = hub.repo('lab/gated')!;
    expect(repo.private).toBe(true);
    expect(repo.gated).toBe('auto');
    expect(repo.files.has('data/toxic.jsonl')).toBe(true);
    const card = text('lab/gated', 'README.md');
    const front = frontMatter(card);
    expect(front.extra_gated_prompt).toMatch(/harmful/);
    expect(Object.values(front.extra_gated_fields as object)).toContain('checkbox');
    expect((front.configs as { config_name: string }[]).map((config) => config.config_name)).toEqual(['all', 'hard', 'toxic']);
    expect(card).toContain('## Access to the toxic config');

    const withdrawn = await pushDataset(options);
    expect(withdrawn.deleted).toEqual(['data/toxic.jsonl']);
    expect(repo.files.has('data/toxic.jsonl')).toBe(false);
    expect(repo.commits.at(-1)!.deleted).toEqual(['data/toxic.jsonl']);
  });

  it('leaves the remote unchanged when the upload or the commit fails, with a clear message', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const options = { dataset: dir, repo: 'lab/fragile', hubUrl: hub.url, env: { HF_TOKEN: hub.token } };
    hub.fail('lfs-upload', 503);
    await expect(pushDataset(options)).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/hub error while committing to lab\/fragile: 503/) });
    expect(hub.repo('lab/fragile')!.commits).toHaveLength(0);
    expect(hub.repo('lab/fragile')!.files.size).toBe(0);

    const fresh = await startHubStandIn({ token: hub.token });
    try {
      fresh.fail('commit', 500);
      await expect(pushDataset({ ...options, hubUrl: fresh.url })).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/500.*commit rejected/) });
      expect(fresh.repo('lab/fragile')!.files.size).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('fails without committing when another push lands in between, and keeps that push', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const options = { dataset: dir, repo: 'lab/contested', hubUrl: hub.url, env: { HF_TOKEN: hub.token } };
    await pushDataset(options);
    await writeFile(join(dir, 'eval.json'), '{"models":[]}\n');
    hub.commitFirstFromElsewhere('NOTES.md', 'pushed by a colleague\n');
    await expect(pushDataset(options)).rejects.toMatchObject({
      name: 'UserError',
      message: expect.stringMatching(/committing to lab\/contested: 412 \(the repository changed while this push ran.*run push again\)/),
    });
    const repo = hub.repo('lab/contested')!;
    expect(repo.commits.map((commit) => commit.title)).toEqual([expect.stringMatching(/^Publish /), 'A commit from elsewhere']);
    expect(repo.files.has('eval.json')).toBe(false);
    // Run again, it commits on top of the other push.
    expect((await pushDataset(options)).uploaded).toEqual(['eval.json']);
    expect(repo.files.get('NOTES.md')!.content.toString()).toBe('pushed by a colleague\n');
  });

  it('refuses a missing or malformed token and reports a rejected one, never printing it', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    const base = { dataset: dir, repo: 'lab/x', hubUrl: hub.url };
    await expect(pushDataset({ ...base, env: {} })).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/HF_TOKEN is not set/) });
    await expect(pushDataset({ ...base, env: { HF_TOKEN: 'abc' } })).rejects.toMatchObject({ message: expect.stringMatching(/must start with hf_/) });
    const wrong = 'hf_wrongwrongwrong';
    const error = await pushDataset({ ...base, env: { HF_TOKEN: wrong } }).catch((caught: Error) => caught);
    expect(error).toMatchObject({ name: 'UserError', message: expect.stringMatching(/401.*HF_TOKEN was rejected/) });
    expect((error as Error).message).not.toContain(wrong);
    expect(hub.repo('lab/x')).toBeUndefined();
  });

  it('reports an unreachable hub and a missing dataset folder as user errors', async () => {
    const dir = await makeDataset({ outputDir: await temp.make() });
    await expect(pushDataset({ dataset: dir, repo: 'lab/x', hubUrl: 'http://127.0.0.1:9', env: { HF_TOKEN: hub.token } })).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/cannot reach http:\/\/127\.0\.0\.1:9/) });
    await expect(pushDataset({ dataset: join(dir, 'missing'), hubUrl: hub.url, env: { HF_TOKEN: hub.token } })).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/no such dataset folder/) });
    await expect(pushDataset({ dataset: dir, repo: 'no-owner', hubUrl: hub.url, env: { HF_TOKEN: hub.token } })).rejects.toMatchObject({ message: expect.stringMatching(/owner\/name/) });
  });
});
