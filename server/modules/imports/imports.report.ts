// The downloadable report of a job: the operator's own rows with the problem cells marked (report.ts writes it).
import path from 'node:path';
import type { ImportSummary } from '../../../lib/contracts/imports.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import type { RequestContext } from '../../platform/context.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { allIssues, jobFile, materialise } from './imports.service.ts';
import { writeImportReport, type ReportIssue } from './report.ts';

async function* reportIssues(db: Db, scope: string, jobId: string, locale: Locale): AsyncGenerator<ReportIssue[]> {
  for await (const page of allIssues(db, scope, jobId)) {
    yield page.map((i) => ({
      row: i.row,
      columnIndex: i.column_index,
      column: i.column_name,
      code: i.code,
      severity: i.severity as ReportIssue['severity'],
      message: locale === 'en' ? i.message_en : i.message_id,
    }));
  }
}

/** The report's file name: `laporan-impor-<job>-<original name>.xlsx`. */
export function reportFileName(jobId: string, fileName: string): string {
  const base = path.basename(fileName, path.extname(fileName)).replace(/[^\w.-]+/g, '_');
  return `laporan-impor-${jobId}-${base}.xlsx`;
}

/** Writes the report next to a temporary copy of the file; the caller streams it and then disposes of both. */
export async function writeReportFile(opts: {
  db: Db;
  scope: string;
  jobId: string;
  sourcePath: string;
  fileName: string;
  sheet: string | null;
  summary: ImportSummary;
  dryRun: boolean;
  locale: Locale;
  out: string;
}): Promise<void> {
  await writeImportReport({
    sourcePath: opts.sourcePath,
    ...(opts.sheet !== null && { sheet: opts.sheet }),
    fileName: opts.fileName,
    issues: reportIssues(opts.db, opts.scope, opts.jobId, opts.locale),
    summary: opts.summary,
    dryRun: opts.dryRun,
    locale: opts.locale,
    out: opts.out,
  });
}

export async function buildReport(db: Db, ctx: RequestContext, id: string) {
  const { job, content, summary } = await jobFile(db, ctx, id);
  if (!content || !summary || !['validated', 'committed'].includes(job.status)) {
    throw new AppError('IMPORT_NOT_READY', { status: job.status });
  }
  const tmp = await materialise(content, job.file_name);
  const fileName = reportFileName(id, job.file_name);
  const out = path.join(path.dirname(tmp.path), fileName);
  try {
    await writeReportFile({
      db,
      scope: ctx.actor!.scope,
      jobId: id,
      sourcePath: tmp.path,
      fileName: job.file_name,
      sheet: job.sheet,
      summary,
      dryRun: job.status !== 'committed',
      locale: ctx.actor!.locale,
      out,
    });
    // The report repeats the uploaded rows (names, NIKs): recorded before its first byte is sent.
    await withScope(db, ctx.actor!.scope, (tx) =>
      writeAudit(tx, ctx, {
        action: 'import.report.export',
        entity: 'import_job',
        entityId: id,
        region: job.region_code,
        after: { fileName, rows: summary.total },
      }),
    );
  } catch (err) {
    await tmp.dispose();
    throw err;
  }
  return { path: out, fileName, dispose: tmp.dispose };
}
