import { listFiles } from '@huggingface/hub';
import { gitBlobOid, sha256Hex } from './content-hashes.ts';
import type { PublishFile } from './publish-files.ts';

/** A file on the Hub as the tree listing gives it: git blob id, and the LFS sha256 for LFS files. */
export interface RemoteFile {
  oid: string | undefined;
  lfsOid: string | undefined;
}

export async function listRemoteFiles(options: { repo: string; accessToken: string; hubUrl: string; fetch: typeof fetch }): Promise<Map<string, RemoteFile>> {
  const files = new Map<string, RemoteFile>();
  for await (const entry of listFiles({ repo: { type: 'dataset', name: options.repo }, recursive: true, accessToken: options.accessToken, hubUrl: options.hubUrl, fetch: options.fetch })) {
    if (entry.type === 'file') files.set(entry.path, { oid: entry.oid, lfsOid: entry.lfs?.oid });
  }
  return files;
}

/** Whether the remote already holds exactly this content at this path. */
export function isUnchanged(local: PublishFile, remote: RemoteFile | undefined): boolean {
  if (!remote) return false;
  if (remote.lfsOid) return remote.lfsOid === sha256Hex(local.content);
  return remote.oid === gitBlobOid(local.content);
}
