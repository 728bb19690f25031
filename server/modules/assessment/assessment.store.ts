// The bytes of assessment evidence: files under <data dir>/assessment-evidence/<assessment id>/<uuid>, never in the
// database (which keeps their SHA-256, size and sniffed type). Written to a temporary name and renamed, so a
// half-written file is never served (the claims module's document store does the same for claim documents).
import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type EvidenceStore = {
  put(assessmentId: string, bytes: Buffer): Promise<string>;
  open(key: string): ReadStream;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
};

const KEY = /^\d+\/[0-9a-f-]{36}$/;

export function fileEvidenceStore(dataDir: string): EvidenceStore {
  const root = path.join(dataDir, 'assessment-evidence');
  const full = (key: string) => {
    if (!KEY.test(key)) throw new Error(`bad evidence key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(assessmentId, bytes) {
      const key = `${assessmentId}/${randomUUID()}`;
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

/** The type of an evidence file judged by its first bytes, not its name: PDF, JPEG or PNG. */
export function sniffEvidenceType(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}
