// The bytes of assessment evidence: the platform's file store under <data dir>/assessment-evidence/<assessment id>/,
// never in the database (which keeps their SHA-256, size and sniffed type).
import { fileStore, type FileStore, type FileStoreConfig } from '../../platform/file-store.ts';

export type EvidenceStore = FileStore;

export function fileEvidenceStore(files: string | FileStoreConfig): EvidenceStore {
  return fileStore(files, 'assessment-evidence');
}

/** The type of an evidence file judged by its first bytes, not its name: PDF, JPEG or PNG. */
export function sniffEvidenceType(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}
