// Reconciliation: Lindung's active enrollments against the current BPJS snapshot of the region, on the page and as
// a workbook of the four lists.
import ExcelJS from 'exceljs';
import type { Reconciliation, ReconciliationKind, ReconciliationQuery } from '../../../lib/contracts/exchange.ts';
import { RECONCILIATION_KINDS } from '../../../lib/contracts/exchange.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { addSafeRow, safeColumns } from '../../platform/spreadsheet/writer.ts';
import { scopeLabels } from '../regions/index.ts';
import { regionOf, requireExchangeUser } from './exchange.policy.ts';
import { dmy, regionLabel, type BatchDownload } from './exchange.shared.ts';
import * as repo from './reconciliation.repository.ts';
import { currentSnapshotFor } from './snapshots.repository.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import { BPJS_STATE_WORDS, DIFFERENCE_WORDS, RECONCILIATION_WORDS } from './exchange.words.ts';

function presentReconciliation(r: repo.ReconciliationRow, labels: Map<string, string>, locale: Locale) {
  const differences: string[] = [];
  if (r.kpj_differs) differences.push(DIFFERENCE_WORDS.kpj[locale]);
  if (r.category_differs) differences.push(DIFFERENCE_WORDS.category[locale]);
  if (r.start_differs) differences.push(DIFFERENCE_WORDS.start[locale]);
  if (r.ends_early) differences.push(DIFFERENCE_WORDS.early[locale]);
  return {
    nikMasked: maskNik(r.nik),
    fullName: r.full_name,
    programName: r.program_name,
    lindungKpj: r.lindung_kpj,
    bpjsKpj: r.bpjs_kpj,
    lindungCategory: r.lindung_category,
    bpjsCategory: r.bpjs_category,
    coverageStart: r.coverage_start,
    bpjsCoverageStart: r.bpjs_coverage_start,
    bpjsCoverageEnd: r.bpjs_coverage_end,
    bpjsPaidThrough: r.bpjs_paid_through ? r.bpjs_paid_through.slice(0, 7) : null,
    bpjsState: r.bpjs_state,
    differences,
    villageLabel: r.village_code ? (labels.get(r.village_code) ?? r.village_code) : null,
    enrollmentId: r.enrollment_id,
    programId: r.program_id,
    workerId: r.worker_id,
    kpjDiffers: r.kpj_differs && r.bpjs_kpj !== null,
    checkOpen: r.check_open,
    // A village code has four parts; a request goes to a village's operator, never to a regency.
    village: r.village_code && r.village_code.split('.').length === 4 ? r.village_code : null,
  };
}

export async function reconciliation(
  db: Db,
  ctx: RequestContext,
  q: ReconciliationQuery,
  now = systemClock(),
): Promise<Reconciliation> {
  const actor = requireExchangeUser(ctx);
  const region = regionOf(actor, q.region);
  return withScope(db, actor.scope, async (tx) => {
    const snapshot = await currentSnapshotFor(tx, region);
    const { counts, items } = await repo.reconcile(tx, {
      region,
      snapshotId: snapshot?.id ?? null,
      today: todayWib(now),
      kind: q.kind,
      page: q.page,
      pageSize: q.pageSize,
    });
    const labels = await scopeLabels(
      tx,
      items.flatMap((i) => (i.village_code ? [i.village_code] : [])),
      actor.locale,
    );
    return {
      region,
      regionLabel: await regionLabel(tx, region, actor.locale),
      snapshot: snapshot
        ? { id: snapshot.id, asOf: snapshot.as_of, persons: snapshot.persons, region: snapshot.region_code }
        : null,
      counts,
      kind: q.kind,
      items: items.map((i) => presentReconciliation(i, labels, actor.locale)),
      total: counts[q.kind],
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

const COLUMN_WIDTHS = {
  nik: 20,
  name: 28,
  program: 30,
  lk: 14,
  bk: 14,
  cat: 10,
  ls: 12,
  bs: 12,
  paid: 12,
  state: 12,
  diff: 40,
  place: 40,
} as const satisfies Record<keyof typeof RECONCILIATION_WORDS.headers, number>;

/**
 * The four lists in one workbook (masked NIKs), for the office to forward; audited as an export. Its words follow
 * the locale of the user who downloads it.
 */
export async function reconciliationXlsx(
  db: Db,
  ctx: RequestContext,
  wanted: string | undefined,
  now = systemClock(),
): Promise<BatchDownload> {
  const actor = requireExchangeUser(ctx);
  const region = regionOf(actor, wanted);
  const sheets = await withScope(db, actor.scope, async (tx) => {
    const snapshot = await currentSnapshotFor(tx, region);
    const out: { kind: ReconciliationKind; rows: ReturnType<typeof presentReconciliation>[] }[] = [];
    for (const kind of RECONCILIATION_KINDS) {
      const { items } = await repo.reconcile(tx, {
        region,
        snapshotId: snapshot?.id ?? null,
        today: todayWib(now),
        kind,
        page: 1,
        pageSize: 1_000_000,
      });
      const labels = await scopeLabels(
        tx,
        items.flatMap((i) => (i.village_code ? [i.village_code] : [])),
        'id',
      );
      out.push({ kind, rows: items.map((i) => presentReconciliation(i, labels, actor.locale)) });
    }
    await writeAudit(tx, ctx, {
      action: 'exchange.reconciliation.export',
      entity: 'membership_snapshot',
      entityId: snapshot?.id ?? null,
      region: region === '*' ? null : region,
      after: Object.fromEntries(out.map((s) => [s.kind, s.rows.length])),
    });
    return out;
  });
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(word(RECONCILIATION_WORDS.sheets[s.kind], actor.locale));
    sheet.columns = safeColumns(
      (Object.entries(RECONCILIATION_WORDS.headers) as [string, Words][]).map(([key, w]) => ({
        header: word(w, actor.locale),
        key,
        width: COLUMN_WIDTHS[key as keyof typeof COLUMN_WIDTHS],
      })),
    );
    sheet.getRow(1).font = { bold: true };
    for (const r of s.rows)
      addSafeRow(sheet, {
        nik: r.nikMasked,
        name: r.fullName ?? '',
        program: r.programName ?? '',
        lk: r.lindungKpj ?? '',
        bk: r.bpjsKpj ?? '',
        cat: r.bpjsCategory ?? '',
        ls: dmy(r.coverageStart),
        bs: dmy(r.bpjsCoverageStart),
        paid: r.bpjsPaidThrough ?? '',
        state: r.bpjsState ? word(BPJS_STATE_WORDS[r.bpjsState], actor.locale) : '',
        diff: r.differences.join('; '),
        place: r.villageLabel ?? '',
      });
  }
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `rekonsiliasi-${region === '*' ? 'nasional' : region}-${todayWib(now)}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content,
  };
}
