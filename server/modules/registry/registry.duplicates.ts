// Probable duplicates (domain.md §5.1): the pairs in scope, merging a pair into one record, or marking it
// "bukan duplikat". A merge keeps the duplicate row (history, reserved NIK) pointing at the worker it became.
import type {
  DuplicateDismiss,
  DuplicateListQuery,
  DuplicateMerge,
  DuplicatePair,
  DuplicateReason,
  MergeField,
  WorkerSaved,
} from '../../../lib/contracts/workers.ts';
import { nikDigitDistance } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeLabels } from '../regions/index.ts';
import { requireWorkerEditor, requireWorkerMerger } from './registry.policy.ts';
import { auditView, present, presentOne, workerNotFound } from './registry.present.ts';
import * as repo from './registry.repository.ts';
import { checkLife, checkNik, mergedConflict, valuesFrom, type Merged } from './registry.service.ts';

/** The same rules as the SQL that finds the pairs (and as the import's PROBABLE_DUPLICATE warning). */
export function pairReasons(a: repo.WorkerRow, b: repo.WorkerRow): DuplicateReason[] {
  if (a.name_key === null || a.name_key !== b.name_key) return [];
  const reasons: DuplicateReason[] = [];
  if (a.birth_date === b.birth_date) reasons.push('SAME_NAME_BIRTHDATE');
  if (nikDigitDistance(a.nik, b.nik) === 1) reasons.push('NIK_ONE_DIGIT');
  return reasons;
}

function nikDiffPosition(a: string, b: string): number | null {
  if (nikDigitDistance(a, b) !== 1) return null;
  return [...a].findIndex((digit, i) => digit !== b[i]) + 1;
}

/** `GET /api/workers/duplicates`: operators see their village's pairs; Disnaker and admin also decide them. */
export async function listDuplicates(db: Db, ctx: RequestContext, query: DuplicateListQuery) {
  const actor = requireWorkerEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { pairs, total } = await repo.duplicatePairsInScope(tx, actor.scope, query);
    const rows = await repo.findWorkersInScope(
      tx,
      actor.scope,
      pairs.flatMap((p) => [p.a, p.b]),
    );
    const labels = await scopeLabels(
      tx,
      [...rows.values()].map((r) => r.village_code),
      actor.locale,
    );
    const items: DuplicatePair[] = [];
    for (const pair of pairs) {
      const [a, b] = [rows.get(pair.a), rows.get(pair.b)];
      if (!a || !b) continue; // changed between the two reads of this transaction: shown again next time
      items.push({
        reasons: pairReasons(a, b),
        a: present(a, labels),
        b: present(b, labels),
        nikDiffPosition: nikDiffPosition(a.nik, b.nik),
      });
    }
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
}

function notAPair(actor: Actor): AppError {
  return new AppError('CONFLICT', {
    detail:
      actor.locale === 'en'
        ? 'These two workers are not probable duplicates (neither the same name and birth date nor the same name with NIKs one digit apart). Nothing was changed.'
        : 'Kedua pekerja ini bukan kemungkinan duplikat (nama dan tanggal lahir tidak sama, dan NIK tidak hanya beda satu angka dengan nama sama). Tidak ada yang diubah.',
  });
}

/**
 * Both workers of a pair, locked, in the actor's scope (else 404 without saying where), neither merged already,
 * and still a probable pair.
 */
async function lockPair(tx: Tx, actor: Actor, firstId: string, secondId: string) {
  const rows = await repo.lockWorkersInScope(tx, actor.scope, [firstId, secondId]);
  const [first, second] = [rows.get(firstId), rows.get(secondId)];
  if (!first || !second) throw workerNotFound(actor.locale);
  for (const w of [first, second]) if (w.merged_into !== null) throw mergedConflict(actor, String(w.merged_into));
  const reasons = pairReasons(first, second);
  if (reasons.length === 0) throw notAPair(actor);
  return { first, second, reasons };
}

/** Which stored columns each merge choice carries. */
const COLUMNS_OF_FIELD: Readonly<Record<MergeField, readonly (keyof Merged)[]>> = {
  fullName: ['full_name'],
  birthPlace: ['birth_place'],
  birthDate: ['birth_date'],
  sex: ['sex'],
  village: ['village_code'],
  address: ['address'],
  rt: ['rt'],
  rw: ['rw'],
  phone: ['phone'],
  segment: ['segment'],
  category: ['category'],
  monthlyIncome: ['monthly_income'],
  vulnerability: ['vulnerability'],
  kpjNumber: ['kpj_number'],
  lifeStatus: ['life_status', 'death_date'],
};

function mergedValues(keep: repo.WorkerRow, merge: repo.WorkerRow, fields: DuplicateMerge['fields']): Merged {
  const values: Record<string, unknown> = valuesFrom({}, keep);
  const other: Record<string, unknown> = valuesFrom({}, merge);
  for (const [field, side] of Object.entries(fields) as [MergeField, string][]) {
    if (side === 'merge') for (const column of COLUMNS_OF_FIELD[field]) values[column] = other[column];
  }
  return values as Merged;
}

/**
 * `POST /api/workers/duplicates/merge`: the kept worker takes the chosen values (checked with the form's rules;
 * its NIK stays), the other is marked merged into it. One audit row on each, in the same transaction.
 */
export async function mergeDuplicates(db: Db, ctx: RequestContext, input: DuplicateMerge): Promise<WorkerSaved> {
  const actor = requireWorkerMerger(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { first: keep, second: merge } = await lockPair(tx, actor, input.keepId, input.mergeId);
    const values = mergedValues(keep, merge, input.fields);
    checkLife(actor, values.life_status, values.death_date, values.birth_date);
    const checked = await checkNik(db, actor, keep.nik, values.birth_date, values.sex as 'L' | 'P');
    const kept = await repo.updateWorkerInScope(tx, actor.scope, keep.id, { ...values, nik: keep.nik });
    const merged = await repo.markMergedInScope(tx, actor.scope, merge.id, keep.id);
    if (!kept || !merged) throw workerNotFound(actor.locale);
    await writeAudit(tx, ctx, {
      action: 'worker.merge',
      entity: 'worker',
      entityId: String(kept.id),
      region: kept.village_code,
      before: auditView(keep),
      after: { ...auditView(kept), merged_from: String(merge.id) },
    });
    await writeAudit(tx, ctx, {
      action: 'worker.merged',
      entity: 'worker',
      entityId: String(merged.id),
      region: merged.village_code,
      before: auditView(merge),
      after: auditView(merged),
    });
    return { ...(await presentOne(tx, kept, actor.locale)), warnings: checked.warnings };
  });
}

/**
 * `POST /api/workers/duplicates/dismiss`: the pair is "bukan duplikat" and is not offered again. Asking twice
 * changes nothing (and writes nothing) the second time.
 */
export async function dismissDuplicate(db: Db, ctx: RequestContext, input: DuplicateDismiss) {
  const actor = requireWorkerMerger(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { first, second, reasons } = await lockPair(tx, actor, input.aId, input.bId);
    const [low, high] = BigInt(first.id) < BigInt(second.id) ? [first, second] : [second, first];
    if (!(await repo.insertDismissal(tx, String(low.id), String(high.id), actor.username)))
      return { ok: true as const };
    for (const [worker, other] of [
      [low, high],
      [high, low],
    ] as const) {
      await writeAudit(tx, ctx, {
        action: 'worker.duplicate_dismiss',
        entity: 'worker',
        entityId: String(worker.id),
        region: worker.village_code,
        before: { not_duplicate_of: null },
        after: { not_duplicate_of: String(other.id), reasons },
      });
    }
    return { ok: true as const };
  });
}
