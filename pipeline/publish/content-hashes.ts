import { createHash } from 'node:crypto';

/** The id git gives a file's content: what the Hub lists as `oid` for a file kept in git. */
export function gitBlobOid(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** The id LFS gives a file's content: what the Hub lists as `lfs.oid`. */
export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
