import { sql, type Selectable } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { MonthlyReportTable } from '../../db/schema.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

export type ReportDbRow = Selectable<MonthlyReportTable>;
export type FileMeta = { report_id: string; format: 'pdf' | 'xlsx'; file_name: string; size: number; sha256: string };

const COLUMNS = [
  'id',
  'region_code',
  'month',
  'trigger',
  'status',
  'progress',
  'stage',
  'error',
  'requested_by',
  'requested_at',
  'started_at',
  'finished_at',
] as const;

export type ReportListRow = Omit<ReportDbRow, 'figures'>;

export async function listReports(
  tx: Tx,
  scope: Scope,
  q: { region?: string | undefined; page: number; pageSize: number },
) {
  let base = tx.selectFrom('monthly_report').where(() => regionInScope('region_code', scope));
  if (q.region) {
    const region = q.region;
    base = base.where((eb) => eb.or([eb('region_code', '=', region), eb('region_code', 'like', `${region}.%`)]));
  }
  const [items, total] = await Promise.all([
    base
      .select(COLUMNS)
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as ReportListRow[], total: Number(total.n) };
}

export async function findReport(tx: Tx, scope: Scope, id: string): Promise<ReportListRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  return (await tx
    .selectFrom('monthly_report')
    .select(COLUMNS)
    .where('id', '=', id)
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirst()) as ReportListRow | undefined;
}

export async function filesOf(tx: Tx, ids: string[]): Promise<FileMeta[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('monthly_report_file')
    .select(['report_id', 'format', 'file_name', 'size', 'sha256'])
    .where('report_id', 'in', ids)
    .orderBy('format', 'asc')
    .execute();
  return rows.map((r) => ({ ...r, report_id: String(r.report_id) }));
}

export async function fileContent(tx: Tx, id: string, format: 'pdf' | 'xlsx') {
  return tx
    .selectFrom('monthly_report_file')
    .select(['file_name', 'content', 'size', 'sha256'])
    .where('report_id', '=', id)
    .where('format', '=', format)
    .executeTakeFirst();
}

export async function insertReport(
  tx: Tx,
  values: { region_code: string; month: string; trigger: 'manual' | 'schedule'; requested_by: string },
  options: { onceScheduled?: boolean } = {},
): Promise<ReportListRow | undefined> {
  let q = tx.insertInto('monthly_report').values(values);
  // The partial unique index keeps one scheduled report per region and month; a second insert is a no-op.
  if (options.onceScheduled) {
    q = q.onConflict((oc) => oc.columns(['region_code', 'month']).where('trigger', '=', 'schedule').doNothing());
  }
  return (await q.returning(COLUMNS).executeTakeFirst()) as ReportListRow | undefined;
}

export async function setProgress(
  tx: Tx,
  id: string,
  patch: {
    status?: 'running' | 'done' | 'failed';
    progress?: number;
    stage?: string | null;
    error?: string | null;
    started?: boolean;
    finished?: boolean;
    figures?: unknown;
  },
) {
  await tx
    .updateTable('monthly_report')
    .set({
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.progress !== undefined && { progress: patch.progress }),
      ...(patch.stage !== undefined && { stage: patch.stage }),
      ...(patch.error !== undefined && { error: patch.error }),
      ...(patch.figures !== undefined && { figures: JSON.stringify(patch.figures) }),
      ...(patch.started && { started_at: sql`now()` }),
      ...(patch.finished && { finished_at: sql`now()` }),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertFile(
  tx: Tx,
  values: {
    report_id: string;
    region_code: string;
    format: 'pdf' | 'xlsx';
    file_name: string;
    size: number;
    sha256: string;
    content: Buffer;
  },
) {
  await tx.insertInto('monthly_report_file').values(values).execute();
}

/** Reports left queued or running by a process that stopped. */
export async function unfinished(tx: Tx): Promise<ReportListRow[]> {
  return (await tx
    .selectFrom('monthly_report')
    .select(COLUMNS)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('id')
    .execute()) as ReportListRow[];
}
