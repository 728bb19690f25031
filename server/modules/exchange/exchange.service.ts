import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import copyStreams from 'pg-copy-streams';
import ExcelJS from 'exceljs';
import type {
  BatchList,
  BatchSummary,
  Reconciliation,
  ReconciliationKind,
  ReconciliationQuery,
  ResponseResult,
  SnapshotResult,
  SnapshotSummary,
  Template,
  TemplateUpdate,
} from '../../../lib/contracts/exchange.ts';
import { RECONCILIATION_KINDS } from '../../../lib/contracts/exchange.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { NATIONAL_LABEL } from '../../../lib/regions/label.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { SEGMENTS, type ParticipationCategory, type SegmentCode } from '../../../lib/rules/segments.ts';
import { systemClock } from '../../platform/clock.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { copyText } from '../../platform/copy-text.ts';
import { withScope, type Database, type Db, type Tx } from '../../platform/db.ts';
import { withScopedCopy } from '../../platform/copy.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import { recordBatchAnswer } from '../programs/index.ts';
import { scopeLabels } from '../regions/index.ts';
import type { ExchangeAdapter, ExchangeFile, Participant } from './adapter.ts';
import {
  cellText,
  IssueList,
  readCategory,
  readDate,
  readFile,
  readKpj,
  readMonth,
  readNik,
  readStatus,
  readVillage,
  RESPONSE_FIELDS,
  SNAPSHOT_FIELDS,
  writeBatchCsv,
  writeBatchXlsx,
  type BatchLine,
} from './exchange.files.ts';
import { regionOf, requireExchangeUser, requireTemplateEditor } from './exchange.policy.ts';
import * as repo from './exchange.repository.ts';
import { fileLimits } from '../../platform/spreadsheet/index.ts';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const PREVIEW_ROWS = 200;

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

import { todayWib } from '../../../lib/rules/eligibility.ts';
import { addSafeRow, safeColumns } from '../../platform/spreadsheet-writer.ts';

async function regionLabel(tx: Tx, region: string | null, locale: Locale): Promise<string> {
  if (region === null || region === '*') return NATIONAL_LABEL[locale];
  return (await scopeLabels(tx, [region], locale)).get(region) ?? region;
}

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

async function loadBatch(tx: Tx, actor: Actor, id: string): Promise<repo.BatchRow> {
  const batch = await repo.findBatch(tx, actor.scope, id);
  if (!batch) throw new AppError('NOT_FOUND', { entity: actor.locale === 'en' ? `Batch ${id}` : `Batch ${id}` });
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

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '');
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

export type BatchDownload = { fileName: string; contentType: string; content: Buffer };

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

// ---------------------------------------------------------------------------------------------------------------
// The branch's response

type Decision = {
  row: number;
  member: repo.MemberRow;
  outcome: 'accepted' | 'rejected';
  kpj: string | null;
  start: string | null;
  reason: string | null;
  change: 'new' | 'unchanged';
};

const STATUS_LABEL: Readonly<Record<string, { id: string; en: string }>> = {
  active: { id: 'aktif', en: 'active' },
  rejected: { id: 'ditolak', en: 'rejected' },
  ended: { id: 'berakhir', en: 'ended' },
  submitted: { id: 'dikirim', en: 'submitted' },
};

/** Checks every row against the batch; problems are collected, never thrown one at a time. */
function checkResponse(
  file: Awaited<ReturnType<typeof readFile<keyof typeof RESPONSE_FIELDS>>>,
  batch: repo.BatchRow,
  members: readonly repo.MemberRow[],
  issues: IssueList,
): Decision[] {
  const byNik = new Map(members.map((m) => [m.nik, m]));
  const seenNik = new Map<string, number>();
  const seenKpj = new Map<string, number>();
  const h = file.headers;
  const decisions: Decision[] = [];
  for (const { row, values } of file.rows) {
    const nik = readNik(values.nik);
    if (!nik.ok) {
      issues.add(row, h.nik, nik.message);
      continue;
    }
    const member = byNik.get(nik.value);
    if (!member) {
      issues.add(row, h.nik, {
        id: `NIK ${maskNik(nik.value)} tidak ada di batch ${batch.id}. Periksa apakah berkas ini jawaban untuk batch ${batch.id} (${batch.program_name}).`,
        en: `NIK ${maskNik(nik.value)} is not in batch ${batch.id}. Check that this file answers batch ${batch.id} (${batch.program_name}).`,
      });
      continue;
    }
    const first = seenNik.get(nik.value);
    if (first !== undefined) {
      issues.add(row, h.nik, {
        id: `NIK ini sudah ada di baris ${first}. Hapus salah satu baris.`,
        en: `This NIK is already on row ${first}. Delete one of the rows.`,
      });
      continue;
    }
    seenNik.set(nik.value, row);
    const status = readStatus(values.status);
    if (!status.ok) {
      issues.add(row, h.status, status.message);
      continue;
    }
    let kpj: string | null = null;
    let start: string | null = null;
    let reason: string | null = null;
    if (status.value === 'accepted') {
      const k = readKpj(values.kpj, true);
      if (!k.ok) issues.add(row, h.kpj, k.message);
      else kpj = k.value;
      const d = readDate(values.coverageStart, true);
      if (!d.ok) issues.add(row, h.coverageStart, d.message);
      else start = d.value;
      if (!k.ok || !d.ok) continue;
      const other = seenKpj.get(kpj!);
      if (other !== undefined) {
        issues.add(row, h.kpj, {
          id: `Nomor KPJ ini sama dengan baris ${other}; setiap peserta punya KPJ sendiri. Periksa nomor dari BPJS.`,
          en: `This KPJ number is the same as on row ${other}; every participant has their own. Check the numbers from BPJS.`,
        });
        continue;
      }
      seenKpj.set(kpj!, row);
    } else {
      reason = cellText(values.reason).trim();
      if (!reason) {
        issues.add(row, h.reason ?? RESPONSE_FIELDS.reason.label, {
          id: 'Alasan penolakan kosong. Tulis alasan dari BPJS, misalnya "NIK tidak ditemukan di Dukcapil".',
          en: 'The rejection reason is empty. Write the reason BPJS gave, e.g. "NIK not found at Dukcapil".',
        });
        continue;
      }
      reason = reason.slice(0, 500);
    }
    // Already answered: the same answer again changes nothing; a different one is not written over.
    let change: Decision['change'] = 'new';
    if (member.status !== 'submitted') {
      const same =
        (status.value === 'accepted' &&
          member.kpj_number === kpj &&
          member.coverage_start === start &&
          (member.status === 'active' || member.status === 'ended')) ||
        (status.value === 'rejected' && member.status === 'rejected');
      if (!same) {
        const label = STATUS_LABEL[member.status] ?? { id: member.status, en: member.status };
        issues.add(row, h.status, {
          id: `Kepesertaan ${member.full_name} sudah tercatat ${label.id}${member.kpj_number ? ` (KPJ ${member.kpj_number})` : ''}; jawaban yang berbeda tidak ditimpa. Hapus baris ini atau hubungi Disnaker.`,
          en: `The enrollment of ${member.full_name} is already recorded as ${label.en}${member.kpj_number ? ` (KPJ ${member.kpj_number})` : ''}; a different answer is not written over it. Delete this row or contact Disnaker.`,
        });
        continue;
      }
      change = 'unchanged';
    }
    decisions.push({ row, member, outcome: status.value, kpj, start, reason, change });
  }
  return decisions;
}

export type ResponseInput = { fileName: string; content: Buffer; dryRun: boolean };

/**
 * Reads the branch's response to a batch (KPJ per NIK, accepted or rejected with a reason). A dry run answers
 * what would change; applying changes all rows or none, and the same file twice changes nothing the second time.
 */
export async function importResponse(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: ResponseInput,
  source: 'file' | 'simulator' = 'file',
): Promise<ResponseResult> {
  const actor = requireExchangeUser(ctx);
  const file = await readFile(input.content, input.fileName, RESPONSE_FIELDS, fileLimits('exchange', actor.role));
  return withScope(db, actor.scope, async (tx) => {
    const batch = await loadBatch(tx, actor, id);
    const members = await repo.batchMembers(tx, actor.scope, batch.id);
    const issues = new IssueList(actor.locale);
    if (file.rows.length === 0) {
      throw new AppError('FILE_EMPTY', { fileName: input.fileName });
    }
    const decisions = checkResponse(file, batch, members, issues);
    const fresh = decisions.filter((d) => d.change === 'new');
    const accepted = fresh.filter((d) => d.outcome === 'accepted');
    const rejected = fresh.filter((d) => d.outcome === 'rejected');
    const answered = new Set(decisions.map((d) => d.member.enrollment_id));
    const result: ResponseResult = {
      batchId: batch.id,
      applied: false,
      rows: file.rows.length,
      accepted: accepted.length,
      rejected: rejected.length,
      unchanged: decisions.length - fresh.length,
      notInFile: members.filter((m) => m.status === 'submitted' && !answered.has(m.enrollment_id)).length,
      issues: issues.items.slice(0, 1000),
      items: decisions.slice(0, PREVIEW_ROWS).map((d) => ({
        row: d.row,
        fullName: d.member.full_name,
        nikMasked: maskNik(d.member.nik),
        outcome: d.outcome,
        kpjNumber: d.kpj,
        coverageStart: d.start,
        reason: d.reason,
        change: d.change,
      })),
    };
    if (issues.items.length > 0 && !input.dryRun) {
      throw new AppError(
        'EXCHANGE_FILE_REJECTED',
        { fileName: input.fileName, count: issues.items.length, first: issues.first() },
        issues.items
          .slice(0, 100)
          .map((i) => ({ path: `row ${i.row ?? '-'} / ${i.column ?? '-'}`, message: i.message })),
      );
    }
    if (input.dryRun || issues.items.length > 0) return result;
    const moved = await recordBatchAnswer(
      tx,
      actor,
      { id: batch.id, programId: batch.program_id },
      {
        accepted: accepted.map((d) => ({
          enrollmentId: d.member.enrollment_id,
          kpjNumber: d.kpj!,
          coverageStart: d.start!,
        })),
        rejected: rejected.map((d) => ({ enrollmentId: d.member.enrollment_id, reason: `BPJS: ${d.reason!}` })),
      },
    );
    if (moved.activated.length !== accepted.length || moved.rejected.length !== rejected.length) {
      // Someone changed the batch between the check and the write (an enrollment ended meanwhile).
      throw new AppError('CONFLICT', {
        detail:
          actor.locale === 'en'
            ? 'The batch changed while the file was being applied. Nothing was saved; upload the file again.'
            : 'Batch berubah saat berkas diterapkan. Tidak ada yang disimpan; unggah ulang berkasnya.',
      });
    }
    const sha = sha256(input.content);
    await repo.insertLog(tx, {
      batchId: batch.id,
      region: batch.region_code,
      kind: 'response',
      source,
      format: null,
      fileName: input.fileName.slice(0, 300),
      sha256: sha,
      templateId: null,
      rows: file.rows.length,
      accepted: accepted.length,
      rejected: rejected.length,
      unchanged: result.unchanged,
      actor: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'exchange.response.apply',
      entity: 'enrollment_batch',
      entityId: batch.id,
      region: batch.region_code,
      after: {
        source,
        fileName: input.fileName,
        sha256: sha,
        activated: moved.activated,
        rejected: moved.rejected,
        unchanged: result.unchanged,
      },
    });
    return { ...result, applied: true };
  });
}

async function batchForAdapter(db: Db, actor: Actor, id: string) {
  return withScope(db, actor.scope, async (tx) => {
    const batch = await loadBatch(tx, actor, id);
    const members = await repo.batchMembers(tx, actor.scope, batch.id);
    return { id: batch.id, submittedAt: batch.submitted_at, niks: members.map((m) => m.nik) };
  });
}

/** The branch's response file from the adapter (the simulator in the demo), for the user to check and upload. */
export async function fetchResponseFile(
  db: Db,
  ctx: RequestContext,
  id: string,
  adapter: ExchangeAdapter,
): Promise<ExchangeFile> {
  const actor = requireExchangeUser(ctx);
  if (adapter.kind !== 'simulator') throw new AppError('EXCHANGE_SIMULATOR_OFF');
  const fetched = await adapter.fetchResponse(await batchForAdapter(db, actor, id));
  if (fetched.status === 'pending')
    throw new AppError('EXCHANGE_PENDING', { batch: id, seconds: fetched.retryAfterSeconds });
  // Full NIKs and KPJ numbers leave Lindung: recorded before the first byte is sent.
  await withScope(db, actor.scope, async (tx) => {
    const batch = await loadBatch(tx, actor, id);
    await writeAudit(tx, ctx, {
      action: 'exchange.simulator.response.export',
      entity: 'enrollment_batch',
      entityId: batch.id,
      region: batch.region_code,
      after: { fileName: fetched.file.name, bytes: fetched.file.content.length },
    });
  });
  return fetched.file;
}

/** Fetches the response through the adapter and applies it at once (same checks and log as an upload). */
export async function applyAdapterResponse(
  db: Db,
  ctx: RequestContext,
  id: string,
  adapter: ExchangeAdapter,
): Promise<{ status: 'pending'; retryAfterSeconds: number } | { status: 'ready'; result: ResponseResult }> {
  const actor = requireExchangeUser(ctx);
  if (adapter.kind !== 'simulator') throw new AppError('EXCHANGE_SIMULATOR_OFF');
  const fetched = await adapter.fetchResponse(await batchForAdapter(db, actor, id));
  if (fetched.status === 'pending') return fetched;
  const result = await importResponse(
    db,
    ctx,
    id,
    { fileName: fetched.file.name, content: fetched.file.content, dryRun: false },
    'simulator',
  );
  return { status: 'ready', result };
}

// ---------------------------------------------------------------------------------------------------------------
// Membership snapshots

type StagedMember = {
  row: number;
  nik: string;
  kpj_number: string | null;
  category: ParticipationCategory;
  coverage_start: string;
  coverage_end: string | null;
  paid_through: string | null;
  village_code: string | null;
};

function checkSnapshot(
  file: Awaited<ReturnType<typeof readFile<keyof typeof SNAPSHOT_FIELDS>>>,
  issues: IssueList,
): StagedMember[] {
  const h = file.headers;
  const seen = new Map<string, number>();
  const out: StagedMember[] = [];
  for (const { row, values } of file.rows) {
    const nik = readNik(values.nik);
    const kpj = readKpj(values.kpj, false);
    const category = readCategory(values.category);
    const start = readDate(values.start, true);
    const end = readDate(values.end, false);
    const paid = readMonth(values.paidThrough);
    const village = readVillage(values.village);
    const checks = [
      [nik, h.nik],
      [kpj, h.kpj],
      [category, h.category],
      [start, h.start],
      [end, h.end],
      [paid, h.paidThrough],
      [village, h.village],
    ] as const;
    let good = true;
    for (const [outcome, column] of checks) {
      if (!outcome.ok) {
        issues.add(row, column, outcome.message);
        good = false;
      }
    }
    if (!good || !nik.ok || !kpj.ok || !category.ok || !start.ok || !end.ok || !paid.ok || !village.ok) continue;
    if (end.value && end.value < start.value!) {
      issues.add(row, h.end, {
        id: 'Tanggal akhir sebelum tanggal mulai. Periksa kedua tanggal.',
        en: 'The end date is before the start date. Check both dates.',
      });
      continue;
    }
    const first = seen.get(nik.value);
    if (first !== undefined) {
      issues.add(row, h.nik, {
        id: `NIK ini sudah ada di baris ${first}. Satu orang satu baris: hapus salah satunya.`,
        en: `This NIK is already on row ${first}. One person, one row: delete one of them.`,
      });
      continue;
    }
    seen.set(nik.value, row);
    out.push({
      row,
      nik: nik.value,
      kpj_number: kpj.value,
      category: category.value,
      coverage_start: start.value!,
      // coverage_end and paid_through are first days of months in bpjs_member.
      coverage_end: end.value ? `${end.value.slice(0, 7)}-01` : null,
      paid_through: paid.value,
      village_code: village.value,
    });
  }
  return out;
}

export type SnapshotInput = {
  fileName: string;
  content: Buffer;
  region?: string | undefined;
  asOf?: string | undefined;
};

async function presentSnapshot(tx: Tx, row: repo.SnapshotRow, locale: Locale): Promise<SnapshotSummary> {
  return {
    id: row.id,
    region: row.region_code,
    regionLabel: await regionLabel(tx, row.region_code, locale),
    asOf: row.as_of,
    source: row.source,
    fileName: row.file_name,
    persons: row.persons,
    inRegistry: row.in_registry,
    current: row.current,
    importedBy: row.imported_by,
    importedAt: row.imported_at.toISOString(),
  };
}

/**
 * Imports a membership snapshot of one region: every row checked (problems by row and column, nothing written
 * when there is one), then COPY into a staging table, village codes checked set-based, and one INSERT … SELECT
 * matched to the registry by NIK, in one transaction.
 */
export async function importSnapshot(
  database: Database,
  ctx: RequestContext,
  input: SnapshotInput,
  source: 'file' | 'simulator' = 'file',
): Promise<SnapshotResult> {
  const actor = requireExchangeUser(ctx);
  const region = regionOf(actor, input.region);
  if (region === '*') {
    const message = actor.locale === 'en' ? 'choose the region the snapshot covers' : 'pilih wilayah snapshot';
    throw invalidField('region', message, actor.locale, 'query');
  }
  const asOf = input.asOf ?? todayWib();
  const file = await readFile(input.content, input.fileName, SNAPSHOT_FIELDS, fileLimits('exchange', actor.role));
  if (file.rows.length === 0) throw new AppError('FILE_EMPTY', { fileName: input.fileName });
  const issues = new IssueList(actor.locale);
  const staged = checkSnapshot(file, issues);
  if (issues.items.length > 0) {
    return { imported: false, snapshot: null, rows: file.rows.length, issues: issues.items.slice(0, 1000) };
  }
  return withScopedCopy(database, actor.scope, async (tx, client) => {
    await repo.createSnapshotStage(tx);
    const lines = (function* () {
      let chunk = '';
      for (const m of staged) {
        chunk += `${repo.SNAPSHOT_STAGE_COLUMNS.map((c) => copyText(m[c])).join('\t')}\n`;
        if (chunk.length > 1 << 16) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })();
    const copy = client.query(
      copyStreams.from(
        `COPY snapshot_stage (${repo.SNAPSHOT_STAGE_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`,
      ),
    );
    await pipeline(Readable.from(lines), copy);
    const villages = await repo.stagedVillageProblems(tx, region);
    for (const v of villages) {
      issues.add(
        v.row,
        file.headers.village,
        v.known
          ? {
              id: `Desa ${v.village_code} berada di luar wilayah snapshot ${region}. Pilih wilayah yang benar atau perbaiki kodenya.`,
              en: `Village ${v.village_code} lies outside the snapshot's region ${region}. Choose the right region or correct the code.`,
            }
          : {
              id: `Kode desa ${v.village_code} tidak ada di data wilayah Kemendagri. Periksa kodenya.`,
              en: `Village code ${v.village_code} is not in the Kemendagri region data. Check the code.`,
            },
      );
    }
    if (issues.items.length > 0) {
      // Nothing is kept: the staging table goes with the rollback.
      throw new SnapshotRefused(issues.items.length, file.rows.length, issues);
    }
    const sha = sha256(input.content);
    const saved = await repo.insertSnapshot(tx, {
      region,
      asOf,
      source,
      fileName: input.fileName.slice(0, 300),
      sha256: sha,
      by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'exchange.snapshot.import',
      entity: 'membership_snapshot',
      entityId: saved.id,
      region,
      after: {
        source,
        fileName: input.fileName,
        sha256: sha,
        asOf,
        persons: saved.persons,
        inRegistry: saved.inRegistry,
      },
    });
    const row = await repo.findSnapshot(tx, saved.id);
    return {
      imported: true,
      snapshot: await presentSnapshot(tx, row!, actor.locale),
      rows: file.rows.length,
      issues: [],
    };
  }).catch((err: unknown) => {
    if (err instanceof SnapshotRefused)
      return { imported: false, snapshot: null, rows: err.rows, issues: err.issues.items.slice(0, 1000) };
    throw err;
  });
}

class SnapshotRefused extends Error {
  constructor(
    readonly count: number,
    readonly rows: number,
    readonly issues: IssueList,
  ) {
    super(`snapshot refused: ${count} problems`);
  }
}

export async function listSnapshots(db: Db, ctx: RequestContext, q: { page: number; pageSize: number }) {
  const actor = requireExchangeUser(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listSnapshots(tx, actor.scope, q);
    const out: SnapshotSummary[] = [];
    for (const i of items) out.push(await presentSnapshot(tx, i, actor.locale));
    return { items: out, total, page: q.page, pageSize: q.pageSize };
  });
}

/**
 * The simulated branch's snapshot of a region (demo): Lindung's active participants as BPJS would list them, with
 * the simulator's departures, plus `others` the branch knows from other channels; imported like an uploaded file.
 */
export async function importSimulatedSnapshot(
  database: Database,
  ctx: RequestContext,
  adapter: ExchangeAdapter,
  input: { region: string; asOf: string; others: readonly Participant[] },
): Promise<SnapshotResult> {
  const actor = requireExchangeUser(ctx);
  if (adapter.kind !== 'simulator') throw new AppError('EXCHANGE_SIMULATOR_OFF');
  const region = regionOf(actor, input.region);
  const registered = await withScope(database.app, actor.scope, async (tx) =>
    (await repo.activeParticipants(tx, region)).map((p): Participant => ({
      nik: p.nik,
      kpj: p.kpj_number,
      category: p.category as ParticipationCategory,
      coverageStart: p.coverage_start,
      coverageEnd: p.last_month,
      paidThrough: p.paid_through ?? `${input.asOf.slice(0, 7)}-01`,
      village: p.village_code,
    })),
  );
  const file = await adapter.fetchSnapshot(region, input.asOf, { registered, others: input.others });
  return importSnapshot(
    database,
    ctx,
    { fileName: file.name, content: file.content, region, asOf: input.asOf },
    'simulator',
  );
}

/** Registered workers of a region with no enrollment (the demo makes some of them self-paid participants). */
export async function unenrolledWorkers(db: Db, ctx: RequestContext, region: string, limit: number) {
  const actor = requireExchangeUser(ctx);
  return withScope(db, actor.scope, (tx) => repo.unenrolledWorkers(tx, regionOf(actor, region), limit));
}

// ---------------------------------------------------------------------------------------------------------------
// Reconciliation

const DIFFERENCE_WORDS = {
  kpj: { id: 'KPJ berbeda', en: 'KPJ differs' },
  category: { id: 'kategori berbeda', en: 'category differs' },
  start: { id: 'bulan mulai berbeda', en: 'start month differs' },
  early: {
    id: 'BPJS: berakhir atau menunggak sebelum periode Lindung selesai',
    en: 'BPJS: ended or in arrears before Lindung’s period ends',
  },
} as const;

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

/** The branch's state of a member, as the office reads it (the page and the XLSX export). */
export const BPJS_STATE_WORDS = {
  covered: { id: 'Terlindungi', en: 'Covered' },
  lapsed: { id: 'Nonaktif (menunggak)', en: 'Inactive (in arrears)' },
  not_started: { id: 'Belum mulai', en: 'Not started' },
  ended: { id: 'Berakhir', en: 'Ended' },
} as const;

export async function reconciliation(
  db: Db,
  ctx: RequestContext,
  q: ReconciliationQuery,
  now = systemClock(),
): Promise<Reconciliation> {
  const actor = requireExchangeUser(ctx);
  const region = regionOf(actor, q.region);
  return withScope(db, actor.scope, async (tx) => {
    const snapshot = await repo.currentSnapshotFor(tx, region);
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

const SHEET_NAMES: Readonly<Record<ReconciliationKind, string>> = {
  matched: 'Cocok',
  mismatched: 'Selisih',
  missing: 'Tidak ada di BPJS',
  outside: 'Di luar Lindung',
};

/** The four lists in one workbook (masked NIKs), for the office to forward; audited as an export. */
export async function reconciliationXlsx(
  db: Db,
  ctx: RequestContext,
  wanted: string | undefined,
  now = systemClock(),
): Promise<BatchDownload> {
  const actor = requireExchangeUser(ctx);
  const region = regionOf(actor, wanted);
  const sheets = await withScope(db, actor.scope, async (tx) => {
    const snapshot = await repo.currentSnapshotFor(tx, region);
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
      out.push({ kind, rows: items.map((i) => presentReconciliation(i, labels, 'id')) });
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
    const sheet = workbook.addWorksheet(SHEET_NAMES[s.kind]);
    sheet.columns = safeColumns([
      { header: 'NIK (disamarkan)', key: 'nik', width: 20 },
      { header: 'Nama', key: 'name', width: 28 },
      { header: 'Program', key: 'program', width: 30 },
      { header: 'KPJ Lindung', key: 'lk', width: 14 },
      { header: 'KPJ BPJS', key: 'bk', width: 14 },
      { header: 'Kategori BPJS', key: 'cat', width: 10 },
      { header: 'Mulai (Lindung)', key: 'ls', width: 12 },
      { header: 'Mulai (BPJS)', key: 'bs', width: 12 },
      { header: 'Dibayar sampai (BPJS)', key: 'paid', width: 12 },
      { header: 'Status BPJS', key: 'state', width: 12 },
      { header: 'Perbedaan', key: 'diff', width: 40 },
      { header: 'Wilayah', key: 'place', width: 40 },
    ]);
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
        state: r.bpjsState ? BPJS_STATE_WORDS[r.bpjsState].id : '',
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
