// The branch's response to a batch (KPJ per NIK, accepted or rejected): checked row by row, applied all or nothing
// through the programmes module; from an uploaded file or fetched through the adapter (the simulator).
import type { ResponseResult } from '../../../lib/contracts/exchange.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { fileLimits } from '../../platform/spreadsheet/index.ts';
import { recordBatchAnswer } from '../programs/index.ts';
import type { ExchangeAdapter, ExchangeFile } from './adapter.ts';
import { loadBatch } from './batches.service.ts';
import { cellText, readDate, readKpj, readNik, readStatus, RESPONSE_FIELDS } from './exchange.files.ts';
import { IssueList, readFieldFile, type ParsedFile } from '../../platform/spreadsheet/fields.ts';
import { requireExchangeUser } from './exchange.policy.ts';
import * as repo from './exchange.repository.ts';
import { sha256 } from './exchange.shared.ts';

const PREVIEW_ROWS = 200;

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
  file: ParsedFile<keyof typeof RESPONSE_FIELDS>,
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
  const file = await readFieldFile(input.content, input.fileName, RESPONSE_FIELDS, fileLimits('exchange', actor.role));
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
