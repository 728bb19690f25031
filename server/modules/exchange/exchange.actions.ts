// Actions on a reconciliation row (issue 12 §5): "Ambil KPJ BPJS" writes the branch's KPJ onto the enrollment
// through the programmes module; "Minta desa cek" asks the person's village operator to check, who answers it.
// ("Tandai berakhir" is the programmes module's own end of an enrollment, called by the page with the row's ids.)
import { systemClock } from '../../platform/clock.ts';
import type {
  TakeKpjResult,
  VillageCheck,
  VillageCheckCreate,
  VillageCheckList,
} from '../../../lib/contracts/exchange.ts';
import { VILLAGE_CHECK_ANSWERERS, VILLAGE_CHECK_READERS } from '../../../lib/contracts/exchange.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';
import { takeBranchKpj as writeBranchKpj } from '../programs/index.ts';
import { scopeLabels } from '../regions/index.ts';
import { regionOf, requireExchangeUser } from './exchange.policy.ts';
import * as repo from './reconciliation.repository.ts';
import { currentSnapshotFor } from './snapshots.repository.ts';
import { EXCHANGE_WORDS, REQUEST_REASON_WORDS } from './exchange.words.ts';
import { word } from '../../../lib/i18n/words.ts';

const DIFFERENCES = REQUEST_REASON_WORDS;

/** Why the village is asked, in Indonesian (the village reads it), from the row's differences. */
function reasonOf(r: repo.ReconciliationRow): string {
  if (r.kind === 'missing') return DIFFERENCES.missing.id;
  if (r.kind === 'outside') return DIFFERENCES.outside.id;
  const parts: string[] = [];
  if (r.kpj_differs) parts.push(DIFFERENCES.kpj.id);
  if (r.category_differs) parts.push(DIFFERENCES.category.id);
  if (r.start_differs) parts.push(DIFFERENCES.start.id);
  if (r.ends_early) parts.push(DIFFERENCES.early.id);
  return parts.length > 0 ? parts.join('; ') : 'data Lindung dan BPJS perlu dicek';
}

function stale(locale: 'id' | 'en', action: string, detail: { id: string; en: string }): AppError {
  return new AppError('RECONCILIATION_ACTION_STALE', { action, detail: detail[locale] });
}

/**
 * "Ambil KPJ BPJS": the KPJ of the current snapshot (read again here, never taken from the client) onto the active
 * enrollment whose KPJ differs from it. One transaction with its audit row.
 */
export async function takeBranchKpj(
  db: Db,
  ctx: RequestContext,
  input: { enrollmentId: string; region?: string | undefined },
  now = systemClock(),
): Promise<TakeKpjResult> {
  const actor = requireExchangeUser(ctx);
  const region = regionOf(actor, input.region);
  const action = word(EXCHANGE_WORDS.takeKpj, actor.locale);
  return withScope(db, actor.scope, async (tx) => {
    const snapshot = await currentSnapshotFor(tx, region);
    const row = await repo.reconciliationRowOf(tx, {
      region,
      snapshotId: snapshot?.id ?? null,
      today: todayWib(now),
      enrollmentId: input.enrollmentId,
    });
    if (!row || !row.kpj_differs || row.bpjs_kpj === null) {
      throw stale(actor.locale, action, {
        id: 'KPJ Lindung dan BPJS tidak (lagi) berbeda, atau kepesertaan tidak aktif',
        en: 'the Lindung and BPJS KPJ no longer differ, or the enrollment is not active',
      });
    }
    const changed = await writeBranchKpj(tx, actor, input.enrollmentId, row.bpjs_kpj);
    if (!changed) {
      throw stale(actor.locale, action, { id: 'kepesertaan tidak aktif', en: 'the enrollment is not active' });
    }
    await writeAudit(tx, ctx, {
      action: 'enrollment.kpj_from_bpjs',
      entity: 'enrollment',
      entityId: changed.enrollmentId,
      region: changed.village,
      before: { kpj: changed.before },
      after: { kpj: row.bpjs_kpj, snapshot: snapshot?.id ?? null, program: changed.programId },
    });
    return { enrollmentId: changed.enrollmentId, before: changed.before, after: row.bpjs_kpj };
  });
}

/**
 * "Minta desa cek": an open request to the operator of the person's village, with the differences as the reason.
 * Asking again while one is open adds nothing (and audits nothing).
 */
export async function requestVillageCheck(
  db: Db,
  ctx: RequestContext,
  input: VillageCheckCreate,
  now = systemClock(),
): Promise<{ id: string; created: boolean }> {
  const actor = requireExchangeUser(ctx);
  const region = regionOf(actor, input.region);
  const action = word(EXCHANGE_WORDS.askVillage, actor.locale);
  return withScope(db, actor.scope, async (tx) => {
    const snapshot = await currentSnapshotFor(tx, region);
    const row = await repo.reconciliationRowOf(tx, {
      region,
      snapshotId: snapshot?.id ?? null,
      today: todayWib(now),
      ...(input.enrollmentId !== undefined ? { enrollmentId: input.enrollmentId } : { workerId: input.workerId! }),
    });
    if (!row || row.kind === 'matched') {
      throw stale(actor.locale, action, {
        id: 'peserta ini tidak (lagi) berselisih dengan data BPJS',
        en: 'this participant no longer differs from the BPJS data',
      });
    }
    if (!row.village_code || row.village_code.split('.').length !== 4) {
      throw stale(actor.locale, action, {
        id: 'desa peserta tidak diketahui; lengkapi desanya di daftar pekerja',
        en: "the participant's village is unknown; complete it in the worker registry",
      });
    }
    const saved = await repo.insertVillageCheck(tx, {
      village_code: row.village_code,
      nik: row.nik,
      worker_id: row.worker_id,
      enrollment_id: row.enrollment_id,
      snapshot_id: snapshot?.id ?? null,
      reason: reasonOf(row),
      note: input.note ?? null,
      requested_by: actor.username,
    });
    if (saved.created) {
      await writeAudit(tx, ctx, {
        action: 'exchange.village_check.request',
        entity: 'village_check_request',
        entityId: saved.id,
        region: row.village_code,
        after: { nik: maskNik(row.nik), reason: reasonOf(row), note: input.note ?? null, kind: row.kind },
      });
    }
    return saved;
  });
}

function presentCheck(r: repo.VillageCheckRow, labels: Map<string, string>): VillageCheck {
  return {
    id: r.id,
    village: r.village_code,
    villageLabel: labels.get(r.village_code) ?? r.village_code,
    nikMasked: maskNik(r.nik),
    fullName: r.full_name,
    workerId: r.worker_id,
    reason: r.reason,
    note: r.note,
    status: r.status,
    answer: r.answer,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at.toISOString(),
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
  };
}

/** The check requests about people of the actor's villages, open ones first (at most 500). */
export async function listVillageChecks(
  db: Db,
  ctx: RequestContext,
  q: { status?: 'open' | 'done' | undefined },
): Promise<VillageCheckList> {
  const actor = requireRole(ctx, VILLAGE_CHECK_READERS);
  return withScope(db, actor.scope, async (tx) => {
    const rows = await repo.villageChecks(tx, actor.scope, { ...(q.status && { status: q.status }), limit: 500 });
    const labels = await scopeLabels(
      tx,
      rows.map((r) => r.village_code),
      actor.locale,
    );
    return { items: rows.map((r) => presentCheck(r, labels)) };
  });
}

/** The village's answer: the request is done, with what the operator found. */
export async function answerVillageCheck(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { answer: string },
): Promise<VillageCheck> {
  const actor = requireRole(ctx, VILLAGE_CHECK_ANSWERERS);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.lockVillageCheck(tx, actor.scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: word(EXCHANGE_WORDS.checkRequest, actor.locale) });
    if (row.status === 'done') throw new AppError('VILLAGE_CHECK_CLOSED', { id, by: row.resolved_by ?? '—' });
    await repo.resolveVillageCheck(tx, actor.scope, id, actor.username, input.answer);
    await writeAudit(tx, ctx, {
      action: 'exchange.village_check.answer',
      entity: 'village_check_request',
      entityId: id,
      region: row.village_code,
      before: { status: 'open' },
      after: { status: 'done', answer: input.answer },
    });
    const [fresh] = await repo.villageChecks(tx, actor.scope, { id, limit: 1 });
    const labels = await scopeLabels(tx, [row.village_code], actor.locale);
    return presentCheck(fresh!, labels);
  });
}
