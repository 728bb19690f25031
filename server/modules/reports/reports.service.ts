import { createHash } from 'node:crypto';
import { inScope, levelOfCode } from '../../../lib/access/roles.ts';
import {
  REPORT_READERS,
  type ReportCreate,
  type ReportFormat,
  type ReportListQuery,
  type ReportRow,
} from '../../../lib/contracts/reports.ts';
import { addMonths, currentMonthWib } from '../../../lib/rules/eligibility.ts';
import { word } from '../../../lib/i18n/words.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError, errorText } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';
import { findRegion, scopeLabels } from '../regions/index.ts';
import { collectFigures } from './reports.figures.ts';
import { renderPdf } from './reports.pdf.ts';
import * as repo from './reports.repository.ts';
import { renderXlsx } from './reports.xlsx.ts';

import { systemClock, type Clock } from '../../platform/clock.ts';
import { REPORTS_WORDS } from './reports.words.ts';
export { systemClock, type Clock };

/** Starts the generation of a queued report in the background (the runner). */
export type Enqueue = (id: string, ctx: RequestContext) => void;

const requireReader = (ctx: RequestContext) => requireRole(ctx, REPORT_READERS);
export const FIRST_MONTH = '2015-01';

const CONTENT_TYPE: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function present(row: repo.ReportListRow, labels: Map<string, string>, files: repo.FileMeta[]): ReportRow {
  return {
    id: String(row.id),
    region: row.region_code,
    regionLabel: labels.get(row.region_code) ?? row.region_code,
    month: row.month.slice(0, 7),
    trigger: row.trigger,
    status: row.status,
    progress: row.progress,
    stage: row.stage,
    error: row.error,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    files: files
      .filter((f) => f.report_id === String(row.id))
      .map((f) => ({
        format: f.format,
        fileName: f.file_name,
        size: f.size,
        sha256: f.sha256,
        url: `/api/reports/${row.id}/files/${f.format}`,
      })),
  };
}

export async function listReports(db: Db, ctx: RequestContext, q: ReportListQuery) {
  const actor = requireReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listReports(tx, actor.scope, q);
    const [labels, files] = await Promise.all([
      scopeLabels(
        tx,
        items.map((r) => r.region_code),
        actor.locale,
      ),
      repo.filesOf(
        tx,
        items.map((r) => String(r.id)),
      ),
    ]);
    return { items: items.map((r) => present(r, labels, files)), total, page: q.page, pageSize: q.pageSize };
  });
}

export async function getReport(db: Db, ctx: RequestContext, id: string): Promise<ReportRow> {
  const actor = requireReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.findReport(tx, actor.scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: word(REPORTS_WORDS.report, actor.locale) });
    const [labels, files] = await Promise.all([
      scopeLabels(tx, [row.region_code], actor.locale),
      repo.filesOf(tx, [String(row.id)]),
    ]);
    return present(row, labels, files);
  });
}

/** Queues a report for a region and month (audited) and starts it in the background. */
export async function createReport(
  db: Db,
  ctx: RequestContext,
  input: ReportCreate,
  enqueue: Enqueue,
  clock: Clock = systemClock,
): Promise<ReportRow> {
  const actor = requireReader(ctx);
  if (!inScope(actor.scope, input.region)) throw new AppError('OUT_OF_SCOPE', { region: input.region });
  const current = currentMonthWib(clock());
  if (input.month > current || input.month < FIRST_MONTH) {
    throw new AppError('VALIDATION_FAILED', {
      detail:
        actor.locale === 'en'
          ? `month ${input.month} must be between ${FIRST_MONTH} and this month ${current}`
          : `bulan ${input.month} harus antara ${FIRST_MONTH} dan bulan ini ${current}`,
    });
  }
  const id = await withScope(db, actor.scope, async (tx) => {
    if (!levelOfCode(input.region) || !(await findRegion(tx, input.region))) {
      throw new AppError('REGION_UNKNOWN', { region: input.region });
    }
    const row = await repo.insertReport(tx, {
      region_code: input.region,
      month: `${input.month}-01`,
      trigger: 'manual',
      requested_by: actor.username,
    });
    if (!row) throw new Error('report row not inserted');
    await writeAudit(tx, ctx, {
      action: 'monthly_report.create',
      entity: 'monthly_report',
      entityId: String(row.id),
      region: input.region,
      after: { month: input.month, trigger: 'manual' },
    });
    return String(row.id);
  });
  enqueue(id, ctx);
  return getReport(db, ctx, id);
}

/** The scheduled report of a region and month, once; null when it already exists. */
export async function scheduleReport(
  db: Db,
  ctx: RequestContext,
  region: string,
  month: string,
): Promise<string | null> {
  const actor = requireReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.insertReport(
      tx,
      { region_code: region, month: `${month}-01`, trigger: 'schedule', requested_by: actor.username },
      { onceScheduled: true },
    );
    if (!row) return null;
    await writeAudit(tx, ctx, {
      action: 'monthly_report.create',
      entity: 'monthly_report',
      entityId: String(row.id),
      region,
      after: { month, trigger: 'schedule' },
    });
    return String(row.id);
  });
}

function fileBase(regionLabel: string, month: string): string {
  const place = regionLabel
    .split(',')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `laporan-bulanan-jamsostek-${place}-${month}`;
}

function failureText(err: unknown): string {
  if (err instanceof AppError) {
    return errorText(err, 'id').slice(0, 2000);
  }
  return word(REPORTS_WORDS.runner.failed, 'id');
}

/**
 * Makes the files of a queued report: figures (through the other modules' APIs, as the requester sees them), the
 * PDF, the XLSX; the files, their digests and the "done" status commit together with the audit row. A failure is
 * recorded on the row with its reason, nothing half-written.
 */
export async function generateReport(
  db: Db,
  ctx: RequestContext,
  id: string,
  options: { clock?: Clock; compressPdf?: boolean } = {},
): Promise<void> {
  const actor = requireReader(ctx);
  const clock = options.clock ?? systemClock;
  const step = (patch: Parameters<typeof repo.setProgress>[2]) =>
    withScope(db, actor.scope, (tx) => repo.setProgress(tx, id, patch));
  const row = await withScope(db, actor.scope, (tx) => repo.findReport(tx, actor.scope, id));
  if (!row || row.status === 'done') return;
  const month = row.month.slice(0, 7);
  try {
    await step({
      status: 'running',
      progress: 5,
      stage: word(REPORTS_WORDS.runner.collecting, 'id'),
      started: true,
    });
    const figures = await collectFigures(db, ctx, row.region_code, month, clock());
    await step({ progress: 40, stage: word(REPORTS_WORDS.runner.pdf, 'id') });
    const pdf = await renderPdf(figures, { compress: options.compressPdf ?? true });
    await step({ progress: 75, stage: word(REPORTS_WORDS.runner.xlsx, 'id') });
    const xlsx = await renderXlsx(figures);
    await step({ progress: 90, stage: word(REPORTS_WORDS.runner.saving, 'id') });
    const base = fileBase(figures.regionLabel, month);
    await withScope(db, actor.scope, async (tx) => {
      const digests: Record<string, string> = {};
      for (const [format, content] of [
        ['pdf', pdf],
        ['xlsx', xlsx],
      ] as const) {
        const sha256 = createHash('sha256').update(content).digest('hex');
        digests[format] = sha256;
        await repo.insertFile(tx, {
          report_id: id,
          region_code: row.region_code,
          format,
          file_name: `${base}.${format}`,
          size: content.length,
          sha256,
          content,
        });
      }
      await repo.setProgress(tx, id, { status: 'done', progress: 100, stage: null, finished: true, figures });
      await writeAudit(tx, ctx, {
        action: 'monthly_report.complete',
        entity: 'monthly_report',
        entityId: id,
        region: row.region_code,
        after: {
          month,
          pdf: { size: pdf.length, sha256: digests.pdf },
          xlsx: { size: xlsx.length, sha256: digests.xlsx },
        },
      });
    });
  } catch (err) {
    await step({ status: 'failed', stage: null, error: failureText(err), finished: true }).catch(() => undefined);
    throw err;
  }
}

/** One file of a finished report; the download is audited (who took which official figures, when). */
export async function downloadReportFile(db: Db, ctx: RequestContext, id: string, format: ReportFormat) {
  const actor = requireReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.findReport(tx, actor.scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: word(REPORTS_WORDS.report, actor.locale) });
    if (row.status !== 'done') throw new AppError('REPORT_NOT_READY', { status: row.status });
    const file = await repo.fileContent(tx, id, format);
    if (!file) throw new AppError('NOT_FOUND', { entity: word(REPORTS_WORDS.reportFile, actor.locale) });
    await writeAudit(tx, ctx, {
      action: 'monthly_report.download',
      entity: 'monthly_report',
      entityId: id,
      region: row.region_code,
      after: { format, sha256: file.sha256 },
    });
    return { fileName: file.file_name, content: file.content, contentType: CONTENT_TYPE[format] };
  });
}

/** The month the schedule reports on at `now`: the previous month, Jakarta time. */
export function scheduledMonth(now: Date): string {
  return addMonths(currentMonthWib(now), -1);
}
