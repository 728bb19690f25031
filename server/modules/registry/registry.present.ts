// How workers leave the registry: the API shape (NIK masked) and the audit shape (every field, NIK masked).
import type { Worker } from '../../../lib/contracts/workers.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeLabels } from '../regions/index.ts';
import type { WorkerRow } from './registry.repository.ts';
import { word } from '../../../lib/i18n/words.ts';
import { REGISTRY_WORDS } from './registry.words.ts';

/** 404 without saying where: the worker may exist outside the reader's scope. */
export function workerNotFound(locale: Locale): AppError {
  return new AppError('NOT_FOUND', { entity: word(REGISTRY_WORDS.worker, locale) });
}

export function present(row: WorkerRow, labels: Map<string, string>): Worker {
  return {
    id: String(row.id),
    nikMasked: maskNik(row.nik),
    fullName: row.full_name,
    birthPlace: row.birth_place,
    birthDate: row.birth_date,
    sex: row.sex as Worker['sex'],
    village: row.village_code,
    villageLabel: labels.get(row.village_code) ?? row.village_code,
    address: row.address,
    rt: row.rt,
    rw: row.rw,
    phone: row.phone,
    segment: row.segment as Worker['segment'],
    category: row.category as Worker['category'],
    monthlyIncome: row.monthly_income === null ? null : Number(row.monthly_income),
    vulnerability: row.vulnerability as Worker['vulnerability'],
    kpjNumber: row.kpj_number,
    lifeStatus: row.life_status as Worker['lifeStatus'],
    deathDate: row.death_date,
    source: row.source,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    mergedInto: row.merged_into === null ? null : String(row.merged_into),
  };
}

/** Rows with their village names, in one region query. */
export async function presentAll(tx: Tx, rows: WorkerRow[], locale: Locale): Promise<Worker[]> {
  const labels = await scopeLabels(
    tx,
    rows.map((w) => w.village_code),
    locale,
  );
  return rows.map((w) => present(w, labels));
}

export async function presentOne(tx: Tx, row: WorkerRow, locale: Locale): Promise<Worker> {
  return present(row, await scopeLabels(tx, [row.village_code], locale));
}

/**
 * The audit view of a worker: every field, but the NIK masked (the audit trail is read more widely than NIKs) and
 * without what is derived or bookkeeping (name key, timestamps).
 */
export function auditView(row: WorkerRow) {
  const { nik, created_at: _c, updated_at: _u, name_key: _k, ...rest } = row;
  return { ...rest, id: String(row.id), nik: maskNik(nik) };
}
