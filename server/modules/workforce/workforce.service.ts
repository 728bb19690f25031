// Workforce denominators (BPS penduduk bekerja and semesta PBPU per region, year and segment): listed, exported,
// entered and changed by hand. The file import is in workforce.import.ts.
import ExcelJS from 'exceljs';
import {
  WORKFORCE_EXPORT_CAP,
  type WorkforceExportQuery,
  type WorkforceListQuery,
  type WorkforceRow,
  type WorkforceUpdate,
  type WorkforceUpsert,
} from '../../../lib/contracts/targets.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { addSafeRow, safeColumns } from '../../platform/spreadsheet/writer.ts';
import { scopeLabels } from '../regions/index.ts';
import { assertEdits, assertKnownRegion, canEdit, requireEditor, requireReader } from './workforce.policy.ts';
import * as repo from './workforce.repository.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import { WORKFORCE_WORDS } from './workforce.words.ts';

function presentWorkforce(row: repo.WorkforceDbRow, actor: Actor, labels: Map<string, string>): WorkforceRow {
  return {
    id: String(row.id),
    region: row.region_code,
    regionLabel: labels.get(row.region_code) ?? row.region_code,
    year: row.year,
    kind: row.kind,
    segment: row.segment,
    persons: row.persons,
    source: row.source,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
    canEdit: canEdit(actor, row.region_code),
  };
}

export async function listWorkforce(db: Db, ctx: RequestContext, q: WorkforceListQuery) {
  const actor = requireReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listWorkforce(tx, actor.scope, q);
    const labels = await scopeLabels(
      tx,
      items.map((r) => r.region_code),
      actor.locale,
    );
    return { items: items.map((r) => presentWorkforce(r, actor, labels)), total, page: q.page, pageSize: q.pageSize };
  });
}

/** The filtered figures as an XLSX an office can forward (region code and label, year, indicator, source). */
export async function exportWorkforce(db: Db, ctx: RequestContext, q: WorkforceExportQuery): Promise<Buffer> {
  const actor = requireReader(ctx);
  const { items, labels } = await withScope(db, actor.scope, async (tx) => {
    const { items } = await repo.listWorkforce(tx, actor.scope, { ...q, page: 1, pageSize: WORKFORCE_EXPORT_CAP });
    return {
      items,
      labels: await scopeLabels(
        tx,
        items.map((r) => r.region_code),
        actor.locale,
      ),
    };
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const w = WORKFORCE_WORDS.export;
  const t = (x: Words) => word(x, actor.locale);
  const sheet = wb.addWorksheet(t(w.sheet));
  sheet.columns = safeColumns([
    { header: t(w.code), key: 'code', width: 14 },
    { header: t(w.label), key: 'label', width: 34 },
    { header: t(w.year), key: 'year', width: 8 },
    { header: t(w.kind), key: 'kind', width: 18 },
    { header: t(w.segment), key: 'segment', width: 18 },
    { header: t(w.persons), key: 'persons', width: 12 },
    { header: t(w.source), key: 'source', width: 50 },
    { header: t(w.by), key: 'by', width: 18 },
  ]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of items) {
    addSafeRow(sheet, {
      code: r.region_code,
      label: labels.get(r.region_code) ?? r.region_code,
      year: r.year,
      kind: t(WORKFORCE_WORDS.kind[r.kind]),
      segment: r.segment || t(w.allSegments),
      persons: r.persons,
      source: r.source,
      by: r.updated_by,
    });
  }
  sheet.getColumn('persons').numFmt = '#,##0';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One figure entered by hand: inserted, or updated when the region, year, indicator and segment exist. */
export async function saveWorkforce(db: Db, ctx: RequestContext, input: WorkforceUpsert): Promise<WorkforceRow> {
  const actor = requireEditor(ctx);
  assertEdits(actor, input.region);
  return withScope(db, actor.scope, async (tx) => {
    await assertKnownRegion(tx, input.region);
    const value: repo.WorkforceValue = {
      region_code: input.region,
      year: input.year,
      kind: input.kind,
      segment: input.segment,
      persons: input.persons,
      source: input.source,
    };
    const [written] = await repo.upsertWorkforce(tx, [value], actor.username);
    if (written) {
      await writeAudit(tx, ctx, {
        action: written.inserted ? 'workforce.create' : 'workforce.update',
        entity: 'workforce',
        entityId: written.id,
        region: input.region,
        ...(written.before_persons !== null && { before: { persons: written.before_persons } }),
        after: { ...input },
      });
    }
    const { items } = await repo.listWorkforce(tx, actor.scope, {
      region: input.region,
      year: input.year,
      kind: input.kind,
      page: 1,
      pageSize: 200,
    });
    const row = items.find((r) => r.region_code === input.region && r.segment === input.segment);
    if (!row) throw new AppError('NOT_FOUND', { entity: word(WORKFORCE_WORDS.figure, actor.locale) });
    const labels = await scopeLabels(tx, [row.region_code], actor.locale);
    return presentWorkforce(row, actor, labels);
  });
}

export async function updateWorkforce(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: WorkforceUpdate,
): Promise<WorkforceRow> {
  const actor = requireEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.findWorkforce(tx, actor.scope, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: word(WORKFORCE_WORDS.figure, actor.locale) });
    assertEdits(actor, before.region_code);
    const row = await repo.updateWorkforce(tx, id, patch, actor.username);
    await writeAudit(tx, ctx, {
      action: 'workforce.update',
      entity: 'workforce',
      entityId: id,
      region: before.region_code,
      before: { persons: before.persons, source: before.source },
      after: { persons: row.persons, source: row.source },
    });
    const labels = await scopeLabels(tx, [row.region_code], actor.locale);
    return presentWorkforce(row, actor, labels);
  });
}

export async function deleteWorkforce(db: Db, ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const actor = requireEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.findWorkforce(tx, actor.scope, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: word(WORKFORCE_WORDS.figure, actor.locale) });
    assertEdits(actor, before.region_code);
    await repo.deleteWorkforce(tx, id);
    await writeAudit(tx, ctx, {
      action: 'workforce.delete',
      entity: 'workforce',
      entityId: id,
      region: before.region_code,
      before: {
        year: before.year,
        kind: before.kind,
        segment: before.segment,
        persons: before.persons,
        source: before.source,
      },
    });
    return { ok: true as const };
  });
}
