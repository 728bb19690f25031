import { sql } from 'kysely';
import { levelOfCode } from '../../../lib/access/roles.ts';
import type {
  NikWarning,
  Worker,
  WorkerCreate,
  WorkerList,
  WorkerListQuery,
  WorkerSaved,
  WorkerUpdate,
} from '../../../lib/contracts/workers.ts';
import { parsePhone, normaliseName } from '../../../lib/rules/import-values.ts';
import { maskNik, validateNik, type NikIssue } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { RateWindow } from '../../platform/rate-window.ts';
import { findRegion, regionCodeSets } from '../regions/index.ts';
import { auditView, presentAll, presentOne, workerNotFound } from './registry.present.ts';
import * as repo from './registry.repository.ts';
import {
  assertVillageInScope,
  requireNikRevealer,
  requireWorkerEditor,
  requireWorkerReader,
} from './registry.policy.ts';
import { word } from '../../../lib/i18n/words.ts';
import { REGISTRY_WORDS } from './registry.words.ts';

/**
 * The same NIK rules as the import: errors block (400 NIK_INVALID, each issue under `nik`), warnings come back with
 * the saved record. The region prefix is only checked against the region table, never used as domicile.
 */
export async function checkNik(
  db: Db,
  actor: Actor,
  nik: string,
  birthDate: string,
  sex: 'L' | 'P',
): Promise<{ nik: string; warnings: NikWarning[] }> {
  const sets = await regionCodeSets(db);
  const result = validateNik(nik, {
    provinceExists: (c) => sets.provinces.has(c),
    districtExists: (c) => sets.districts.has(c),
    birthDate,
    sex,
  });
  const text = (i: NikIssue) => i.message[actor.locale];
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (result.nik === null || errors.length > 0) {
    throw new AppError(
      'NIK_INVALID',
      { detail: errors.map(text).join(' ') },
      errors.map((i) => ({ path: 'body.nik', message: text(i) })),
    );
  }
  const warnings = result.issues
    .filter((i) => i.severity === 'warning')
    .map((i) => ({ code: i.code, message: text(i), ...(i.suggestion !== undefined && { suggestion: i.suggestion }) }));
  return { nik: result.nik, warnings };
}

function checkPhone(actor: Actor, phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined || phone.trim() === '') return null;
  const parsed = parsePhone(phone);
  if (parsed.ok) return parsed.value;
  const detail = parsed.message[actor.locale];
  throw new AppError('PHONE_INVALID', { detail }, [{ path: 'body.phone', message: detail }]);
}

export function checkLife(actor: Actor, status: string, deathDate: string | null, birthDate: string): void {
  let message: string | null = null;
  if (status === 'deceased' && !deathDate) {
    message = word(REGISTRY_WORDS.deathDateMissing, actor.locale);
  } else if (status === 'alive' && deathDate) {
    message = word(REGISTRY_WORDS.deathDateAlive, actor.locale);
  } else if (deathDate && deathDate < birthDate) {
    message = word(REGISTRY_WORDS.deathBeforeBirth, actor.locale);
  }
  if (message) {
    throw new AppError('VALIDATION_FAILED', { detail: `deathDate: ${message}` }, [{ path: 'body.deathDate', message }]);
  }
}

async function assertVillageExists(tx: Tx, village: string): Promise<void> {
  const region = await findRegion(tx, village);
  if (!region || levelOfCode(village) !== 'village') throw new AppError('REGION_UNKNOWN', { region: village });
}

function nikConflict(actor: Actor): AppError {
  // Deliberately silent about where: the other record may lie outside the actor's scope.
  return new AppError('CONFLICT', {
    detail:
      actor.locale === 'en'
        ? 'This NIK is already registered in Lindung; one NIK belongs to one worker. Search the worker list for it; if it is not in your region, ask your Disnaker to check the record. Nothing was saved.'
        : 'NIK ini sudah terdaftar di Lindung; satu NIK hanya untuk satu pekerja. Cari NIK itu di daftar pekerja; bila tidak ada di wilayah Anda, minta Disnaker memeriksa datanya. Data belum disimpan.',
  });
}

/** A merged duplicate is kept for its history only; changes go to the worker it was merged into. */
export function mergedConflict(actor: Actor, into: string): AppError {
  return new AppError('CONFLICT', {
    detail:
      actor.locale === 'en'
        ? `This record was merged as a duplicate into worker no. ${into} and is kept for its history only. Make changes on that worker. Nothing was saved.`
        : `Data ini sudah digabung sebagai duplikat ke pekerja nomor ${into} dan disimpan hanya untuk riwayat. Ubah data pada pekerja itu. Data belum disimpan.`,
  });
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export type Merged = Omit<repo.WorkerValues, 'nik'>;

export function valuesFrom(input: Partial<WorkerCreate>, base?: repo.WorkerRow): Merged {
  const pick = <T>(v: T | undefined, fallback: T): T => (v === undefined ? fallback : v);
  const blank = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v === '' ? null : v);
  return {
    full_name: normaliseName(pick(input.fullName, base?.full_name ?? '')),
    birth_place: pick(blank(input.birthPlace), base?.birth_place ?? null),
    birth_date: pick(input.birthDate, base?.birth_date ?? ''),
    sex: pick(input.sex, base?.sex ?? 'L'),
    village_code: pick(input.village, base?.village_code ?? ''),
    address: pick(blank(input.address), base?.address ?? null),
    rt: pick(blank(input.rt), base?.rt ?? null),
    rw: pick(blank(input.rw), base?.rw ?? null),
    phone: base?.phone ?? null,
    segment: pick(input.segment, base?.segment ?? 'other'),
    category: pick(input.category, base?.category ?? 'BPU'),
    monthly_income: pick(
      input.monthlyIncome,
      base?.monthly_income === undefined || base.monthly_income === null ? null : Number(base.monthly_income),
    ),
    vulnerability: [...new Set(pick(input.vulnerability, base?.vulnerability ?? []))],
    kpj_number: pick(blank(input.kpjNumber), base?.kpj_number ?? null),
    life_status: pick(input.lifeStatus, base?.life_status ?? 'alive'),
    death_date: pick(input.deathDate, base?.death_date ?? null),
  };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The registry's "NIK already registered" answer is a documented trade-off (one NIK, one worker, in the whole
 * country): it tells a scoped user that a NIK exists somewhere. Such answers are counted per user; once a user has
 * had `limits.nikAnswers.max` of them in the window, further NIK checks are refused (429) until the window moves.
 */
export type RegistryLimits = { nikAnswers?: RateWindow };

async function nikTakenLimited(
  tx: Tx,
  actor: Actor,
  limits: RegistryLimits,
  nik: string,
  exceptId?: string,
): Promise<boolean> {
  const window = limits.nikAnswers;
  if (window?.exhausted(actor.userId)) throw new AppError('NIK_LOOKUP_LIMITED', { max: window.max });
  const taken = await repo.nikTaken(tx, nik, exceptId);
  if (taken) window?.hit(actor.userId);
  return taken;
}

export async function registerWorker(
  db: Db,
  ctx: RequestContext,
  input: WorkerCreate,
  limits: RegistryLimits = {},
): Promise<WorkerSaved> {
  const actor = requireWorkerEditor(ctx);
  assertVillageInScope(actor, input.village);
  const values = valuesFrom(input);
  values.phone = checkPhone(actor, input.phone);
  checkLife(actor, values.life_status, values.death_date, values.birth_date);
  const { nik, warnings } = await checkNik(db, actor, input.nik, values.birth_date, values.sex as 'L' | 'P');
  try {
    return await withScope(db, actor.scope, async (tx) => {
      await assertVillageExists(tx, values.village_code);
      if (await nikTakenLimited(tx, actor, limits, nik)) throw nikConflict(actor);
      const row = await repo.insertWorker(tx, {
        ...values,
        nik,
        source: `form:${actor.username}`,
        channel_id: sql<string | null>`lindung_channel_for(${input.channelId ?? null}::bigint, ${actor.username})`,
      });
      await writeAudit(tx, ctx, {
        action: 'worker.create',
        entity: 'worker',
        entityId: String(row.id),
        region: row.village_code,
        after: auditView(row),
      });
      return { ...(await presentOne(tx, row, actor.locale)), warnings };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nikConflict(actor); // a concurrent registration of the same NIK
    throw err;
  }
}

export async function updateWorker(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: WorkerUpdate,
  limits: RegistryLimits = {},
): Promise<WorkerSaved> {
  const actor = requireWorkerEditor(ctx);
  if (patch.village) assertVillageInScope(actor, patch.village);
  const phone = patch.phone === undefined ? undefined : checkPhone(actor, patch.phone);
  try {
    return await withScope(db, actor.scope, async (tx) => {
      const before = await repo.findWorkerInScope(tx, actor.scope, id);
      if (!before) throw workerNotFound(actor.locale);
      if (before.merged_into !== null) throw mergedConflict(actor, before.merged_into);
      const values = valuesFrom(patch, before);
      if (phone !== undefined) values.phone = phone;
      checkLife(actor, values.life_status, values.death_date, values.birth_date);
      // Birth date and sex feed the NIK's warnings, so the NIK is checked again on every change.
      const checked = await checkNik(db, actor, patch.nik ?? before.nik, values.birth_date, values.sex as 'L' | 'P');
      if (values.village_code !== before.village_code) await assertVillageExists(tx, values.village_code);
      if (checked.nik !== before.nik && (await nikTakenLimited(tx, actor, limits, checked.nik, id))) {
        throw nikConflict(actor);
      }
      const after = await repo.updateWorkerInScope(tx, actor.scope, id, { ...values, nik: checked.nik });
      if (!after) throw workerNotFound(actor.locale);
      await writeAudit(tx, ctx, {
        action: 'worker.update',
        entity: 'worker',
        entityId: id,
        region: after.village_code,
        before: auditView(before),
        after: auditView(after),
      });
      return { ...(await presentOne(tx, after, actor.locale)), warnings: checked.warnings };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nikConflict(actor);
    throw err;
  }
}

export async function listWorkers(db: Db, ctx: RequestContext, query: WorkerListQuery): Promise<WorkerList> {
  const actor = requireWorkerReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total, totalCapped } = await repo.listWorkersInScope(tx, actor.scope, query);
    const workers = await presentAll(tx, items, actor.locale);
    return { items: workers, total, totalCapped, page: query.page, pageSize: query.pageSize };
  });
}

export async function getWorker(db: Db, ctx: RequestContext, id: string): Promise<Worker> {
  const actor = requireWorkerReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.findWorkerInScope(tx, actor.scope, id);
    if (!row) throw workerNotFound(actor.locale);
    return presentOne(tx, row, actor.locale);
  });
}

/** The full NIK, one worker at a time, and every view is in the audit trail (who saw whose NIK, when). */
export async function revealNik(db: Db, ctx: RequestContext, id: string): Promise<{ nik: string }> {
  const actor = requireNikRevealer(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.findWorkerInScope(tx, actor.scope, id);
    if (!row) throw workerNotFound(actor.locale);
    await writeAudit(tx, ctx, {
      action: 'worker.reveal_nik',
      entity: 'worker',
      entityId: String(row.id),
      region: row.village_code,
      after: { nik: maskNik(row.nik) },
    });
    return { nik: row.nik };
  });
}
