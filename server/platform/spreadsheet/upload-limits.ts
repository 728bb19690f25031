// What an uploaded spreadsheet may hold, per upload route and role: the one place these numbers live (documented in
// docs/operations.md). The upload limit bounds the bytes sent, not what they unpack to: an 11 MB XLSX can unpack to
// gigabytes. The readers (tabular.ts, csv.ts, xlsx.ts) check every limit while streaming, and parse in a worker thread whose heap is
// capped by `workerHeapMb`, so a file that slips past a limit costs its own worker, never the server.
import type { Role } from '../../../lib/access/roles.ts';

export type FileLimits = {
  /** Bytes all ZIP entries of an XLSX may unpack to together, counted while inflating (declared sizes are not trusted). */
  unpackedBytes: number;
  /** Entries in the ZIP (Excel writes ~10 for one sheet; pictures and many sheets add some). */
  entries: number;
  /** Unpacked ÷ packed bytes for an entry larger than 1 MiB unpacked. Spreadsheet XML packs 5–30×; bombs 1000×. */
  compressionRatio: number;
  /** Distinct texts in the XLSX shared-strings table (Excel stores each distinct cell text once). */
  sharedStrings: number;
  /** Characters in one cell: as long as the CSV reader's longest record (Excel itself stops at 32,767). */
  cellChars: number;
  /** Data rows (non-empty rows below the header). */
  rows: number;
  /** Columns of any row (the last filled cell's column). */
  columns: number;
  /**
   * The parsing worker's old-generation heap; beyond it the worker alone is stopped. One value for every route, so
   * one started worker can wait for the next file of any route (worker-task.ts).
   */
  workerHeapMb: number;
};

export type UploadRoute = 'imports' | 'proposal' | 'exchange' | 'workforce' | 'gaps';

const MB = 1024 * 1024;

const BASE: FileLimits = {
  unpackedBytes: 200 * MB,
  entries: 500,
  compressionRatio: 400,
  sharedStrings: 1_000_000,
  cellChars: 1_048_576,
  rows: 100_000,
  columns: 200,
  workerHeapMb: 512,
};

/**
 * A village or district operator sends one area's workers (thousands of rows); Disnaker and the national admin send a
 * regency's or province's list, which the import benchmark runs at a million rows (a CSV; an XLSX stops at Excel's
 * 1,048,576 rows anyway).
 */
const ROUTES: Record<UploadRoute, { all: Partial<FileLimits>; roles?: Partial<Record<Role, Partial<FileLimits>>> }> = {
  imports: {
    all: { rows: 100_000 },
    roles: {
      admin: { unpackedBytes: 600 * MB, sharedStrings: 6_000_000, rows: 1_100_000 },
      disnaker: { unpackedBytes: 600 * MB, sharedStrings: 6_000_000, rows: 1_100_000 },
    },
  },
  // A proposal list is one village's or regency's people (the service refuses more than 20,000 data rows itself).
  proposal: { all: { unpackedBytes: 50 * MB, sharedStrings: 200_000, rows: 50_000, columns: 100 } },
  // BPJS answers to one batch, or one region's participant snapshot: up to a few hundred thousand rows.
  exchange: { all: { unpackedBytes: 300 * MB, sharedStrings: 2_000_000, rows: 500_000, columns: 100 } },
  // BPS figures: one row per district or village.
  workforce: { all: { unpackedBytes: 20 * MB, sharedStrings: 100_000, rows: 10_000, columns: 100 } },
  // A list of deaths and accidents for the protection-gap ledger (the claims service stops at 5,000 rows itself).
  gaps: { all: { unpackedBytes: 20 * MB, sharedStrings: 100_000, rows: 10_000, columns: 100 } },
};

export function fileLimits(route: UploadRoute, role?: Role | undefined): FileLimits {
  const { all, roles } = ROUTES[route];
  return { ...BASE, ...all, ...(role !== undefined ? roles?.[role] : undefined) };
}

/** Files Lindung itself stored (an import job read again for its report, the server's own CLI): the largest limits. */
export const TRUSTED_LIMITS: FileLimits = fileLimits('imports', 'admin');

/** "600 MB" for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}
