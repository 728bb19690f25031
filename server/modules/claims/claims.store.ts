// The bytes of claim documents: files under <data dir>/claim-documents/<claim id>/<uuid>, never in the database
// (which keeps their SHA-256, size and sniffed type). Written to a temporary name and renamed, so a half-written
// file is never served. An S3-compatible store would implement the same three calls.
import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type DocumentStore = {
  /** Stores the bytes; returns the key to keep in the database. */
  put(claimId: string, bytes: Buffer): Promise<string>;
  open(key: string): ReadStream;
  remove(key: string): Promise<void>;
};

const KEY = /^\d+\/[0-9a-f-]{36}$/;

export function fileDocumentStore(dataDir: string): DocumentStore {
  const root = path.join(dataDir, 'claim-documents');
  const full = (key: string) => {
    if (!KEY.test(key)) throw new Error(`bad document key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(claimId, bytes) {
      const key = `${claimId}/${randomUUID()}`;
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temp = `${target}.part`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, target);
      return key;
    },
    open: (key) => createReadStream(full(key)),
    remove: (key) => rm(full(key), { force: true }),
  };
}
