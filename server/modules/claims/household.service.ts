// Heirs (ahli waris) and the KK number of a worker (issue 15 §1): kept by the claims module in its own tables, keyed
// by the registry's worker id. NIKs, KK numbers and account numbers leave the server masked; every change audited.
import { RELATION_ORDER, type HeirInput, type Household, type KkUpdate } from '../../../lib/contracts/claims.ts';
import { maskNik, validateNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionCodeSets } from '../regions/index.ts';
import { findWorkersInScope, workerNotFound } from '../registry/index.ts';
import { requireClaimReader, requireHeirEditor } from './claims.policy.ts';
import * as repo from './claims.repository.ts';
import { HOUSEHOLD_WORDS } from './claims.words.ts';
import { word } from '../../../lib/i18n/words.ts';
import type { Actor } from '../../platform/context.ts';

const maskAccount = (n: string) => `••••${n.slice(-4)}`;

async function workerInScope(tx: Tx, actor: Actor, workerId: string) {
  const w = (await findWorkersInScope(tx, actor.scope, [workerId])).get(workerId);
  if (!w || w.merged_into !== null) throw workerNotFound(actor.locale);
  return w;
}

async function read(tx: Tx, actor: Actor, workerId: string): Promise<Household> {
  const [hh, heirs] = await Promise.all([
    repo.householdOf(tx, actor.scope, workerId),
    repo.heirsOf(tx, actor.scope, workerId),
  ]);
  const missing: Household['missing'] = [];
  if (!hh?.kk_number) missing.push('kk_number');
  if (heirs.length === 0) missing.push('heir');
  else {
    if (heirs.some((h) => h.nik === null)) missing.push('heir_nik');
    if (!heirs.some((h) => h.account_number !== null)) missing.push('bank_account');
  }
  return {
    workerId,
    kkMasked: hh?.kk_number ? maskNik(hh.kk_number) : null,
    heirs: heirs.map((h) => ({
      id: String(h.id),
      name: h.full_name,
      nikMasked: h.nik ? maskNik(h.nik) : null,
      relation: h.relation as Household['heirs'][number]['relation'],
      priority: h.priority,
      bankName: h.bank_name,
      accountMasked: h.account_number ? maskAccount(h.account_number) : null,
      accountHolder: h.account_holder,
    })),
    missing,
    updatedAt: hh?.updated_at.toISOString() ?? null,
  };
}

/** `GET /api/claims/household/:workerId`: KK number and heirs (masked), and what a future claim still lacks. */
export async function getHousehold(db: Db, ctx: RequestContext, workerId: string): Promise<Household> {
  const actor = requireClaimReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    await workerInScope(tx, actor, workerId);
    return read(tx, actor, workerId);
  });
}

/** A NIK with its checks; a KK number (16 digits by the contract) with the one that applies: its province exists. */
async function checkedNumber(db: Db, actor: Actor, value: string, field: 'nik' | 'kk'): Promise<string> {
  const sets = await regionCodeSets(db);
  if (field === 'kk') {
    if (sets.provinces.has(value.slice(0, 2))) return value;
    throw new AppError('VALIDATION_FAILED', {
      detail: word(HOUSEHOLD_WORDS.kkProvince, actor.locale, { code: value.slice(0, 2) }),
    });
  }
  const checked = validateNik(value, {
    provinceExists: (c) => sets.provinces.has(c),
    districtExists: (c) => sets.districts.has(c),
  });
  const error = checked.issues.find((i) => i.severity === 'error');
  if (checked.nik === null || error) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `${word(HOUSEHOLD_WORDS.heirNik, actor.locale)}: ${error?.message[actor.locale] ?? word(HOUSEHOLD_WORDS.notValid, actor.locale)}`,
    });
  }
  return checked.nik;
}

/** `PUT /api/claims/household/:workerId`: set or clear the KK number. */
export async function setKkNumber(db: Db, ctx: RequestContext, workerId: string, input: KkUpdate): Promise<Household> {
  const actor = requireHeirEditor(ctx);
  const kk = input.kkNumber === null ? null : await checkedNumber(db, actor, input.kkNumber, 'kk');
  return withScope(db, actor.scope, async (tx) => {
    const w = await workerInScope(tx, actor, workerId);
    const before = await repo.householdOf(tx, actor.scope, workerId);
    await repo.upsertKk(tx, {
      worker_id: workerId,
      village_code: w.village_code,
      kk_number: kk,
      updated_by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'worker.household.update',
      entity: 'worker',
      entityId: workerId,
      region: w.village_code,
      before: { kk_number: before?.kk_number ? maskNik(before.kk_number) : null },
      after: { kk_number: kk ? maskNik(kk) : null },
    });
    return read(tx, actor, workerId);
  });
}

/** `POST /api/claims/household/:workerId/heirs`: add an heir; priority follows the usual order of relations. */
export async function addHeir(db: Db, ctx: RequestContext, workerId: string, input: HeirInput): Promise<Household> {
  const actor = requireHeirEditor(ctx);
  const nik = input.nik === undefined ? null : await checkedNumber(db, actor, input.nik, 'nik');
  return withScope(db, actor.scope, async (tx) => {
    const w = await workerInScope(tx, actor, workerId);
    const id = await repo.insertHeir(tx, {
      worker_id: workerId,
      village_code: w.village_code,
      full_name: input.name,
      nik,
      relation: input.relation,
      priority: RELATION_ORDER[input.relation],
      bank_name: input.bankName ?? null,
      account_number: input.accountNumber ?? null,
      account_holder: input.accountHolder ?? null,
    });
    await writeAudit(tx, ctx, {
      action: 'worker.heir.add',
      entity: 'worker',
      entityId: workerId,
      region: w.village_code,
      after: {
        heir_id: id,
        name: input.name,
        nik: nik ? maskNik(nik) : null,
        relation: input.relation,
        account: input.accountNumber ? maskAccount(input.accountNumber) : null,
      },
    });
    return read(tx, actor, workerId);
  });
}

/** `DELETE /api/claims/heirs/:id`: remove an heir recorded by mistake (audited with what was removed). */
export async function removeHeir(db: Db, ctx: RequestContext, heirId: string): Promise<Household> {
  const actor = requireHeirEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const heir = await repo.heirById(tx, actor.scope, heirId);
    if (!heir) throw new AppError('NOT_FOUND', { entity: word(HOUSEHOLD_WORDS.heir, actor.locale) });
    await repo.deleteHeir(tx, actor.scope, heirId);
    await writeAudit(tx, ctx, {
      action: 'worker.heir.remove',
      entity: 'worker',
      entityId: heir.worker_id,
      region: heir.village_code,
      before: { heir_id: heir.id, name: heir.full_name, relation: heir.relation },
    });
    return read(tx, actor, heir.worker_id);
  });
}
