// Coverage targets (RPJMD, RKPD, RENSTRA, UCJ) per region, year and indicator: kept, and shown with their progress
// (targets.progress.ts); the monthly report's inputs. The denominators come from the workforce module.
import {
  type TargetCreate,
  type TargetListQuery,
  type TargetProgress,
  type TargetPu,
  type TargetUpdate,
  type WorkforceKind,
} from '../../../lib/contracts/targets.ts';
import { currentMonthWib } from '../../../lib/rules/eligibility.ts';
import { quote } from '../contributions/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { scopeLabels } from '../regions/index.ts';
import { childDenominators, denominatorFor, regionsWithFigures } from '../workforce/index.ts';
import { assertEdits, assertKnownRegion, entity, requireEditor, requireReader } from './targets.policy.ts';
import { percentOf, progressOf, puOfTarget } from './targets.progress.ts';
import * as repo from './targets.repository.ts';
import { TARGET_WORDS } from './targets.words.ts';

/** "This month" for the services: injectable so tests and the demo can pin it. */
export { systemClock, type Clock };

// ---------------------------------------------------------------------------------------------------------------
// Targets

export async function listTargets(db: Db, ctx: RequestContext, q: TargetListQuery, clock: Clock = systemClock) {
  const actor = requireReader(ctx);
  const { items, total, labels, denominators } = await withScope(db, actor.scope, async (tx) => {
    const page = await repo.listTargets(tx, actor.scope, q);
    const labels = await scopeLabels(
      tx,
      page.items.map((r) => r.region_code),
      actor.locale,
    );
    const denominators = await Promise.all(page.items.map((r) => denominatorFor(tx, r.region_code, r.kind, r.year)));
    return { ...page, labels, denominators };
  });
  const out: TargetProgress[] = [];
  for (const [i, row] of items.entries()) {
    out.push(await progressOf(db, ctx, actor, row, labels, denominators[i], clock));
  }
  return { items: out, total, page: q.page, pageSize: q.pageSize };
}

export async function getTarget(db: Db, ctx: RequestContext, id: string, clock: Clock = systemClock) {
  const actor = requireReader(ctx);
  const { row, labels, denominator } = await withScope(db, actor.scope, async (tx) => {
    const row = await repo.findTarget(tx, actor.scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: entity(actor, TARGET_WORDS.target) });
    const labels = await scopeLabels(tx, [row.region_code], actor.locale);
    return { row, labels, denominator: await denominatorFor(tx, row.region_code, row.kind, row.year) };
  });
  return progressOf(db, ctx, actor, row, labels, denominator, clock);
}

const KIND_LABEL: Record<WorkforceKind, string> = { employed: 'cakupan pekerja', bpu_universe: 'cakupan PBPU' };

/** PU terms as columns (all null: the gap is priced as the cheapest BPU package). */
function puColumns(pu: TargetPu | null) {
  return {
    pu_wage: pu?.wage ?? null,
    pu_risk_class: pu?.riskClass ?? null,
    pu_employer_size: pu?.employerSize ?? null,
    pu_programs: pu ? [...pu.programs] : null,
  };
}

/**
 * PU terms are checked before anything is saved: only a worker-coverage target may carry them (the PBPU universe is
 * not wage earners), and the contribution engine must price them this month (e.g. JHT and JP are required of a
 * small, medium or large employer: PROGRAM_REQUIRED names the regulation).
 */
async function checkPu(db: Db, kind: WorkforceKind, pu: TargetPu | null, clock: Clock, en: boolean): Promise<void> {
  if (!pu) return;
  if (kind !== 'employed') {
    const detail = en
      ? 'PU pricing is for the worker coverage (employed) indicator only; the PBPU universe is priced as BPU.'
      : 'Harga PU hanya untuk indikator cakupan pekerja (employed); semesta PBPU dihitung sebagai BPU.';
    throw new AppError('VALIDATION_FAILED', { detail }, [{ path: 'pu', message: detail }]);
  }
  await quote(db, {
    category: 'pu',
    wage: pu.wage,
    riskClass: pu.riskClass,
    employerSize: pu.employerSize,
    programs: [...pu.programs],
    date: `${currentMonthWib(clock())}-01`,
  });
}

export async function createTarget(db: Db, ctx: RequestContext, input: TargetCreate, clock: Clock = systemClock) {
  const actor = requireEditor(ctx);
  assertEdits(actor, input.region);
  const pu = input.pu ?? null;
  await checkPu(db, input.kind, pu, clock, actor.locale === 'en');
  let id: string;
  try {
    id = await withScope(db, actor.scope, async (tx) => {
      await assertKnownRegion(tx, input.region);
      const row = await repo.insertTarget(tx, {
        region_code: input.region,
        year: input.year,
        kind: input.kind,
        target_percent: input.targetPercent,
        basis: input.basis,
        document: input.document,
        ...puColumns(pu),
        updated_by: actor.username,
      });
      await writeAudit(tx, ctx, {
        action: 'coverage_target.create',
        entity: 'coverage_target',
        entityId: String(row.id),
        region: input.region,
        after: { ...input, pu },
      });
      return String(row.id);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new AppError('CONFLICT', {
        detail:
          actor.locale === 'en'
            ? `A ${input.kind} target for ${input.region} in ${input.year} already exists. Edit that target instead; nothing was saved.`
            : `Target ${KIND_LABEL[input.kind]} ${input.region} tahun ${input.year} sudah ada. Ubah target itu saja; tidak ada yang disimpan.`,
      });
    }
    throw err;
  }
  return getTarget(db, ctx, id, clock);
}

export async function updateTarget(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: TargetUpdate,
  clock: Clock = systemClock,
) {
  const actor = requireEditor(ctx);
  await withScope(db, actor.scope, async (tx) => {
    const before = await repo.findTarget(tx, actor.scope, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: entity(actor, TARGET_WORDS.target) });
    assertEdits(actor, before.region_code);
    if (patch.pu !== undefined) await checkPu(db, before.kind, patch.pu, clock, actor.locale === 'en');
    const row = await repo.updateTarget(
      tx,
      id,
      {
        ...(patch.targetPercent !== undefined && { target_percent: patch.targetPercent }),
        ...(patch.basis !== undefined && { basis: patch.basis }),
        ...(patch.document !== undefined && { document: patch.document }),
        ...(patch.pu !== undefined && puColumns(patch.pu)),
      },
      actor.username,
    );
    await writeAudit(tx, ctx, {
      action: 'coverage_target.update',
      entity: 'coverage_target',
      entityId: id,
      region: before.region_code,
      before: {
        targetPercent: percentOf(before),
        basis: before.basis,
        document: before.document,
        pu: puOfTarget(before),
      },
      after: { targetPercent: percentOf(row), basis: row.basis, document: row.document, pu: puOfTarget(row) },
    });
  });
  return getTarget(db, ctx, id, clock);
}

export async function deleteTarget(db: Db, ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const actor = requireEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.findTarget(tx, actor.scope, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: entity(actor, TARGET_WORDS.target) });
    assertEdits(actor, before.region_code);
    await repo.deleteTarget(tx, id);
    await writeAudit(tx, ctx, {
      action: 'coverage_target.delete',
      entity: 'coverage_target',
      entityId: id,
      region: before.region_code,
      before: { year: before.year, kind: before.kind, targetPercent: percentOf(before), basis: before.basis },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// For the monthly report

export type RegionTargets = {
  denominators: {
    employed: { persons: number; year: number; source: string } | null;
    bpuUniverse: { persons: number; year: number; source: string } | null;
  };
  children: { region: string; employed: number | null; bpuUniverse: number | null }[];
  targets: TargetProgress[];
};

/** Denominators of a region and its children for a year, and its targets with progress: the report's inputs. */
export async function regionTargets(
  db: Db,
  ctx: RequestContext,
  region: string,
  year: number,
  clock: Clock = systemClock,
): Promise<RegionTargets> {
  const actor = requireReader(ctx);
  const { rows, labels, employed, bpu, children } = await withScope(db, actor.scope, async (tx) => {
    const rows = await repo.targetsOfRegionYear(tx, region, year);
    const labels = await scopeLabels(tx, [region], actor.locale);
    const employed = await denominatorFor(tx, region, 'employed', year);
    const bpu = await denominatorFor(tx, region, 'bpu_universe', year);
    const children = await childDenominators(tx, actor.scope, region, year);
    return { rows, labels, employed, bpu, children };
  });
  const byChild = new Map<string, { region: string; employed: number | null; bpuUniverse: number | null }>();
  for (const c of children) {
    const entry = byChild.get(c.region_code) ?? { region: c.region_code, employed: null, bpuUniverse: null };
    // Rows come newest year first: the first figure seen per child and indicator is the one used.
    if (c.kind === 'employed' && entry.employed === null) entry.employed = c.persons;
    if (c.kind === 'bpu_universe' && entry.bpuUniverse === null) entry.bpuUniverse = c.persons;
    byChild.set(c.region_code, entry);
  }
  const targets: TargetProgress[] = [];
  for (const row of rows) {
    targets.push(await progressOf(db, ctx, actor, row, labels, row.kind === 'employed' ? employed : bpu, clock));
  }
  return {
    denominators: { employed: employed ?? null, bpuUniverse: bpu ?? null },
    children: [...byChild.values()],
    targets,
  };
}

/** Regions whose monthly report the schedule makes (system context only). */
export async function planningRegions(db: Db): Promise<string[]> {
  return withScope(db, '*', async (tx) => {
    const [targets, figures] = await Promise.all([repo.targetRegions(tx), regionsWithFigures(tx)]);
    return [...new Set([...targets, ...figures])].sort();
  });
}
