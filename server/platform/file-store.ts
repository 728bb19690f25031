// Uploaded files of a module: under <data dir>/<folder>/<owner id>/<uuid>, never in the database (which keeps
// their SHA-256, size and name). Written to a temporary name and renamed, so a half-written file is never served.
// The same approach as the claims module's document store (claims.store.ts), without its domain: any module's
// signed documents and minutes. An S3-compatible store would implement the same three calls.
import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type FileStore = {
  /** Stores the bytes; returns the key to keep in the database (`<ownerId>/<uuid>`). */
  put(ownerId: string, bytes: Buffer): Promise<string>;
  open(key: string): ReadStream;
  /** The whole file (for packing it into an export). */
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
};

const KEY = /^\d+\/[0-9a-f-]{36}$/;
const FOLDER = /^[a-z][a-z0-9-]*$/;

export function fileStore(dataDir: string, folder: string): FileStore {
  if (!FOLDER.test(folder)) throw new Error(`bad store folder ${folder}`);
  const root = path.join(dataDir, folder);
  const full = (key: string) => {
    if (!KEY.test(key)) throw new Error(`bad file key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(ownerId, bytes) {
      if (!/^\d+$/.test(ownerId)) throw new Error(`bad owner id ${ownerId}`);
      const key = `${ownerId}/${randomUUID()}`;
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temp = `${target}.part`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, target);
      return key;
    },
    open: (key) => createReadStream(full(key)),
    read: (key) => readFile(full(key)),
    remove: (key) => rm(full(key), { force: true }),
  };
}

/** True when the bytes are a PDF (its magic number), whatever the name says. */
export function isPdf(bytes: Buffer): boolean {
  return bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}
