// UU 27/2022 (data kept no longer than needed): an uploaded worker file and the issue list that quotes its rows are
// deleted UPLOAD_RETENTION_DAYS days after the upload; the job row (who, when, counts) stays as the record.
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { writeAudit } from '../../platform/audit.ts';
import { systemContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';

export type UploadPurge = { files: number; issues: number; tempDirs: number };

/** Temporary copies the import, proposal, exchange and report code write; left behind only by a crash. */
const TEMP_PREFIXES = ['lindung-import-', 'lindung-proposal-', 'lindung-exchange-', 'lindung-report-'];

/** Deletes stored uploads older than `days` days (owner connection, all regions); audited when it deletes any. */
export async function purgeExpiredUploads(owner: Db, days: number, now = new Date()): Promise<UploadPurge> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const result = await owner.transaction().execute(async (tx) => {
    const expired = sql`SELECT id FROM import_job WHERE created_at < ${cutoff} AND status NOT IN ('queued', 'running')`;
    const files = await sql`DELETE FROM import_file WHERE job_id IN (${expired})`.execute(tx);
    const issues = await sql`DELETE FROM import_issue WHERE job_id IN (${expired})`.execute(tx);
    const counts = { files: Number(files.numAffectedRows ?? 0), issues: Number(issues.numAffectedRows ?? 0) };
    if (counts.files + counts.issues > 0)
      await writeAudit(tx, systemContext('retention'), {
        action: 'import.files.purge',
        entity: 'import_file',
        after: { ...counts, olderThanDays: days, before: cutoff.toISOString() },
      });
    return counts;
  });
  let tempDirs = 0;
  for (const name of fs.readdirSync(tmpdir())) {
    if (!TEMP_PREFIXES.some((p) => name.startsWith(p))) continue;
    const full = path.join(tmpdir(), name);
    try {
      if (fs.statSync(full).mtimeMs < cutoff.getTime()) {
        fs.rmSync(full, { recursive: true, force: true });
        tempDirs += 1;
      }
    } catch {
      // another process removed it first
    }
  }
  return { ...result, tempDirs };
}
