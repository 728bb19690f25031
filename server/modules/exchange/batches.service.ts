// Registration batches to BPJS TK: the template that lays out the batch file, the batch list and the export.
import type { BatchList, BatchSummary, Template, TemplateUpdate } from '../../../lib/contracts/exchange.ts';
import { SEGMENTS, type SegmentCode } from '../../../lib/rules/segments.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeLabels } from '../regions/index.ts';
import type { ExchangeAdapter } from './adapter.ts';
import { writeBatchCsv, writeBatchXlsx, type BatchLine } from './exchange.files.ts';
import { regionOf, requireExchangeUser, requireTemplateEditor } from './exchange.policy.ts';
import * as repo from './exchange.repository.ts';
import { dmy, regionLabel, type BatchDownload } from './exchange.shared.ts';
import { word } from '../../../lib/i18n/words.ts';
import { EXCHANGE_WORDS } from './exchange.words.ts';

// ---------------------------------------------------------------------------------------------------------------
// Template

function presentTemplate(row: repo.TemplateRow, label: string, inherited: boolean): Template {
  return {
    id: row.id,
    region: row.region_code,
    regionLabel: label,
    name: row.name,
    columns: row.columns,
    inherited,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The template that applies to a region (the actor's scope by default). */
export async function getTemplate(db: Db, ctx: RequestContext, wanted?: string): Promise<Template> {
  const actor = requireExchangeUser(ctx);
  const region = regionOf(actor, wanted);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.templateFor(tx, region);
    const own = row.region_code === (region === '*' ? null : region);
    return presentTemplate(row, await regionLabel(tx, row.region_code, actor.locale), !own);
  });
}

/** Saves the template of a region (the actor's scope; the national one for the national scope), audited. */
export async function saveTemplate(
  db: Db,
  ctx: RequestContext,
  input: TemplateUpdate,
  wanted?: string,
): Promise<Template> {
  const actor = requireTemplateEditor(ctx);
  const region = regionOf(actor, wanted);
  const code = region === '*' ? null : region;
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.templateFor(tx, region);
    const row = await repo.saveTemplate(tx, {
      region: code,
      name: input.name,
      columns: input.columns,
      by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'exchange.template.save',
      entity: 'exchange_template',
      entityId: row.id,
      region: code,
      before: { region: before.region_code, name: before.name, columns: before.columns },
      after: { region: code, name: row.name, columns: row.columns },
    });
    return presentTemplate(row, await regionLabel(tx, code, actor.locale), false);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Batches

function presentBatch(row: repo.BatchRow, labels: Map<string, string>): BatchSummary {
  const state = row.waiting === 0 ? 'answered' : row.waiting === row.persons ? 'waiting' : 'partly_answered';
  return {
    id: row.id,
    programId: row.program_id,
    programName: row.program_name,
    region: row.region_code,
    regionLabel: labels.get(row.region_code) ?? row.region_code,
    persons: row.persons,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at.toISOString(),
    state,
    waiting: row.waiting,
    active: row.active,
    rejected: row.rejected,
    ended: row.ended,
    lastExportAt: row.last_export_at?.toISOString() ?? null,
    lastResponseAt: row.last_response_at?.toISOString() ?? null,
  };
}

export async function listBatches(
  db: Db,
  ctx: RequestContext,
  q: { state?: BatchSummary['state'] | undefined; page: number; pageSize: number },
  adapter: ExchangeAdapter,
): Promise<BatchList> {
  const actor = requireExchangeUser(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listBatches(tx, actor.scope, q);
    const labels = await scopeLabels(
      tx,
      items.map((i) => i.region_code),
      actor.locale,
    );
    return {
      items: items.map((i) => presentBatch(i, labels)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      simulator: adapter.kind === 'simulator',
    };
  });
}

export async function loadBatch(tx: Tx, actor: Actor, id: string): Promise<repo.BatchRow> {
  const batch = await repo.findBatch(tx, actor.scope, id);
  if (!batch) throw new AppError('NOT_FOUND', { entity: word(EXCHANGE_WORDS.batch, actor.locale, { id }) });
  return batch;
}

const FUNDER_WORDS: Readonly<Record<string, string>> = {
  apbd_regency: 'APBD Kabupaten/Kota',
  apbd_province: 'APBD Provinsi',
  apbdes: 'APBDes',
  apbn: 'APBN',
  csr: 'CSR',
  baznas: 'BAZNAS',
  self: 'Mandiri',
};

const my = (iso: string) => `${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** Every template field of one person, as text. */
function batchLine(batchId: string, m: repo.MemberRow, labels: Map<string, string>): BatchLine {
  const place = (labels.get(m.village_code) ?? '').split(', ');
  const funderRegion = m.funder_region_code ? labels.get(m.funder_region_code) : null;
  const funding = [FUNDER_WORDS[m.funder] ?? m.funder, funderRegion].filter(Boolean).join(' ');
  return {
    nik: m.nik,
    full_name: m.full_name,
    birth_place: m.birth_place ?? '',
    birth_date: dmy(m.birth_date),
    sex: m.sex,
    address: m.address ?? '',
    rt: m.rt ?? '',
    rw: m.rw ?? '',
    village_code: m.village_code,
    village_name: place[0] ?? '',
    district_name: place[1] ?? '',
    regency_name: place[2] ?? '',
    phone: m.phone ? m.phone.replace(/^\+62/, '0') : '',
    occupation: SEGMENTS[m.segment as SegmentCode]?.label.id ?? m.segment,
    // Lindung records no separate workplace: informal workers work where they live.
    work_location: labels.get(m.village_code) ?? m.village_code,
    income: String(Number(m.declared_income)),
    programs: m.package === 'jkk_jkm_jht' ? 'JKK, JKM, JHT' : 'JKK, JKM',
    contribution_period: `${my(m.first_month)} s.d. ${my(m.last_month)}`,
    funding_source: m.dpa_reference ? `${funding} — ${m.dpa_reference}` : funding,
    category: m.category,
    batch_number: batchId,
    enrollment_reference: m.enrollment_id,
  };
}

/**
 * The registration batch as a file laid out by the template of the batch's region. Carries personal data, so each
 * download is logged and audited (in the same transaction that read the rows).
 */
export async function exportBatch(
  db: Db,
  ctx: RequestContext,
  id: string,
  format: 'xlsx' | 'csv',
  adapter: ExchangeAdapter,
): Promise<BatchDownload> {
  const actor = requireExchangeUser(ctx);
  const { template, lines, batch } = await withScope(db, actor.scope, async (tx) => {
    const batch = await loadBatch(tx, actor, id);
    const template = await repo.templateFor(tx, batch.region_code);
    const members = (await repo.batchMembers(tx, actor.scope, batch.id)).filter((m) => m.status === 'submitted');
    const labels = await scopeLabels(
      tx,
      [
        ...members.map((m) => m.village_code),
        ...members.flatMap((m) => (m.funder_region_code ? [m.funder_region_code] : [])),
      ],
      'id',
    );
    const lines = members.map((m) => batchLine(batch.id, m, labels));
    const receipt = await adapter.submitBatch({
      id: batch.id,
      submittedAt: batch.submitted_at,
      niks: members.map((m) => m.nik),
    });
    await repo.insertLog(tx, {
      batchId: batch.id,
      region: batch.region_code,
      kind: 'export',
      source: adapter.kind,
      format,
      fileName: `batch-${batch.id}.${format}`,
      sha256: null,
      templateId: template.id,
      rows: lines.length,
      accepted: 0,
      rejected: 0,
      unchanged: 0,
      actor: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'exchange.batch.export',
      entity: 'enrollment_batch',
      entityId: batch.id,
      region: batch.region_code,
      after: { format, persons: lines.length, templateId: template.id, receipt: receipt.receipt },
    });
    return { template, lines, batch };
  });
  const content =
    format === 'xlsx' ? await writeBatchXlsx(template.columns, lines) : writeBatchCsv(template.columns, lines);
  const safeName = batch.program_name
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return {
    fileName: `batch-${batch.id}-${safeName}.${format}`,
    contentType:
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
    content,
  };
}
