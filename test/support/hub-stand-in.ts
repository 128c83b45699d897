import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file in a stand-in repository: its content, and whether it went through LFS. */
export interface StoredFile {
  content: Buffer;
  lfs: boolean;
}

export interface StandInCommit {
  oid: string;
  title: string;
  description: string;
  /** Paths added or updated, and deleted. */
  changed: string[];
  deleted: string[];
}

export interface StandInRepo {
  id: string;
  /** The commit main points at; a new repository starts with one, as on the Hub. */
  head: string;
  private: boolean;
  gated: string | false;
  files: Map<string, StoredFile>;
  commits: StandInCommit[];
}

export interface LoggedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

/** Endpoints that can be made to fail, with the status they answer. */
export type Fault = 'commit' | 'lfs-upload' | 'preupload' | 'create' | 'settings';

export interface HubStandIn {
  url: string;
  token: string;
  requests: LoggedRequest[];
  repo(id: string): StandInRepo | undefined;
  fail(fault: Fault, status: number): void;
  /** Lands a commit of someone else's just before the next commit request is handled, as a concurrent push would. */
  commitFirstFromElsewhere(path: string, content: string): void;
  close(): Promise<void>;
}

const USER = 'tester';
const LFS_PREFIX = 'data/';

/**
 * A local Hugging Face Hub for tests: the endpoints @huggingface/hub calls to check,
 * create, list and commit to a dataset repository, with LFS uploads checked against
 * their sha256 and commits applied all at once or not at all.
 */
export async function startHubStandIn(options: { token?: string; publicHost?: string } = {}): Promise<HubStandIn> {
  const token = options.token ?? `hf_${randomBytes(12).toString('hex')}`;
  const repos = new Map<string, StandInRepo>();
  const lfsStore = new Map<string, Buffer>();
  const faults = new Map<Fault, number>();
  const requests: LoggedRequest[] = [];
  let foreign: { path: string; content: string } | null = null;
  let url = '';

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => send(response, 500, { error: error.message }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? '/', 'http://stand-in');
    const method = request.method ?? 'GET';
    requests.push({ method, path: pathname, authorization: request.headers.authorization });
    const body = await readBody(request);

    const upload = /^\/lfs-upload\/([0-9a-f]{64})$/.exec(pathname);
    if (method === 'PUT' && upload) {
      if (faults.has('lfs-upload')) return send(response, faults.get('lfs-upload')!, { error: 'storage unavailable' });
      const oid = upload[1]!;
      if (createHash('sha256').update(body).digest('hex') !== oid) return send(response, 400, { error: 'content does not match its oid' });
      lfsStore.set(oid, body);
      return send(response, 200, {});
    }
    if (request.headers.authorization !== `Bearer ${token}`) return send(response, 401, { error: 'Invalid credentials in Authorization header' });

    if (method === 'GET' && pathname === '/api/whoami-v2') return send(response, 200, { type: 'user', name: USER, auth: { type: 'access_token', accessToken: { role: 'write' } } });
    if (method === 'POST' && pathname === '/api/repos/create') {
      if (faults.has('create')) return send(response, faults.get('create')!, { error: 'cannot create' });
      const payload = JSON.parse(body.toString('utf8')) as { name: string; organization?: string; type: string; visibility?: string; private?: boolean };
      const id = `${payload.organization ?? USER}/${payload.name}`;
      if (payload.type !== 'dataset') return send(response, 400, { error: 'stand-in holds datasets only' });
      if (repos.has(id)) return send(response, 409, { error: 'You already created this dataset repo' });
      repos.set(id, { id, private: payload.visibility === 'private' || payload.private === true, gated: false, head: randomBytes(20).toString('hex'), files: new Map(), commits: [] });
      return send(response, 200, { url: `${url}/datasets/${id}`, id });
    }

    const lfsBatch = /^\/datasets\/([^/]+\/[^/]+)\.git\/info\/lfs\/objects\/batch$/.exec(pathname);
    const api = /^\/api\/datasets\/([^/]+\/[^/]+?)(\/.*)?$/.exec(pathname);
    const id = lfsBatch?.[1] ?? api?.[1];
    const rest = api?.[2] ?? '';
    if (!id) return send(response, 404, { error: `no route ${method} ${pathname}` });
    const repo = repos.get(id);
    if (!repo) return send(response, 404, { error: 'Repository not found' }, { 'X-Error-Code': 'RepoNotFound' });

    if (lfsBatch && method === 'POST') {
      const payload = JSON.parse(body.toString('utf8')) as { objects: { oid: string; size: number }[] };
      return send(response, 200, {
        transfer: 'basic',
        objects: payload.objects.map((object) => ({
          oid: object.oid,
          size: object.size,
          ...(lfsStore.has(object.oid) ? {} : { actions: { upload: { href: `${url}/lfs-upload/${object.oid}` } } }),
        })),
      });
    }
    if (method === 'GET' && rest === '') return send(response, 200, { id: repo.id, private: repo.private, gated: repo.gated });
    if (method === 'GET' && rest === '/revision/HEAD') return send(response, 200, { _id: repo.id, id: repo.id, private: repo.private, gated: repo.gated, sha: repo.head, lastModified: new Date().toISOString() });
    if (method === 'PUT' && rest === '/settings') {
      if (faults.has('settings')) return send(response, faults.get('settings')!, { error: 'cannot change settings' });
      const payload = JSON.parse(body.toString('utf8')) as { gated?: string | false; private?: boolean };
      if (payload.gated !== undefined) repo.gated = payload.gated;
      if (payload.private !== undefined) repo.private = payload.private;
      return send(response, 200, {});
    }
    if (method === 'GET' && rest.startsWith('/tree/main')) return send(response, 200, treeListing(repo));
    if (method === 'POST' && rest === '/preupload/main') {
      if (faults.has('preupload')) return send(response, faults.get('preupload')!, { error: 'preupload failed' });
      const payload = JSON.parse(body.toString('utf8')) as { files: { path: string }[] };
      return send(response, 200, { files: payload.files.map((file) => ({ path: file.path, uploadMode: file.path.startsWith(LFS_PREFIX) ? 'lfs' : 'regular', shouldIgnore: false })) });
    }
    if (method === 'POST' && rest === '/commit/main') {
      if (faults.has('commit')) return send(response, faults.get('commit')!, { error: 'commit rejected' });
      if (foreign) {
        const { path, content } = foreign;
        foreign = null;
        repo.files.set(path, { content: Buffer.from(content), lfs: false });
        recordCommit(repo, { title: 'A commit from elsewhere', description: '', changed: [path], deleted: [] });
      }
      return applyCommit(repo, body.toString('utf8'), response);
    }
    return send(response, 404, { error: `no route ${method} ${pathname}` });
  }

  function applyCommit(repo: StandInRepo, ndjson: string, response: ServerResponse): void {
    const lines = ndjson.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { key: string; value: Record<string, unknown> });
    const header = lines.find((line) => line.key === 'header')?.value as { summary?: string; description?: string; parentCommit?: string } | undefined;
    if (!header?.summary) return send(response, 400, { error: 'commit needs a header with a summary' });
    if (header.parentCommit && header.parentCommit !== repo.head) return send(response, 412, { error: 'A commit has happened since. Please refresh and try again.' });
    // Everything is checked before anything changes, so a bad commit leaves the repo as it was.
    const staged = new Map(repo.files);
    const changed: string[] = [];
    const deleted: string[] = [];
    for (const { key, value } of lines) {
      if (key === 'file') {
        staged.set(String(value.path), { content: Buffer.from(String(value.content), 'base64'), lfs: false });
        changed.push(String(value.path));
      } else if (key === 'lfsFile') {
        const content = lfsStore.get(String(value.oid));
        if (!content) return send(response, 422, { error: `LFS object ${String(value.oid)} for ${String(value.path)} was never uploaded` });
        staged.set(String(value.path), { content, lfs: true });
        changed.push(String(value.path));
      } else if (key === 'deletedFile') {
        if (!staged.delete(String(value.path))) return send(response, 404, { error: `cannot delete ${String(value.path)}: no such file` });
        deleted.push(String(value.path));
      }
    }
    repo.files = staged;
    const oid = recordCommit(repo, { title: header.summary, description: header.description ?? '', changed, deleted });
    send(response, 200, { commitOid: oid, commitUrl: `${url}/datasets/${repo.id}/commit/${oid}` });
  }

  function recordCommit(repo: StandInRepo, commit: Omit<StandInCommit, 'oid'>): string {
    const oid = randomBytes(20).toString('hex');
    repo.commits.push({ oid, ...commit });
    repo.head = oid;
    return oid;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The name clients use, in its own URLs too (LFS upload links): a proxy test gives one only its proxy resolves.
  url = `http://${options.publicHost ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token,
    requests,
    repo: (id) => repos.get(id),
    fail: (fault, status) => faults.set(fault, status),
    commitFirstFromElsewhere: (path, content) => (foreign = { path, content }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The tree listing the Hub gives: folders, then files with their git blob id (and LFS sha256). */
function treeListing(repo: StandInRepo): unknown[] {
  const folders = new Set<string>();
  const files = [...repo.files].sort(([a], [b]) => a.localeCompare(b)).map(([path, file]) => {
    const parts = path.split('/');
    for (let index = 1; index < parts.length; index += 1) folders.add(parts.slice(0, index).join('/'));
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const stored = file.lfs ? Buffer.from(`version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${file.content.length}\n`) : file.content;
    const oid = createHash('sha1').update(`blob ${stored.length}\0`).update(stored).digest('hex');
    return { type: 'file', path, oid, size: file.content.length, ...(file.lfs ? { lfs: { oid: sha256, size: file.content.length, pointerSize: stored.length } } : {}) };
  });
  return [...[...folders].sort().map((path) => ({ type: 'directory', path, oid: '0'.repeat(40), size: 0 })), ...files];
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
