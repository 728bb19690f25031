// APBD construction projects: registered with the Jakon contribution the contribution engine quotes for the
// contract value (the calculator's own function, so the two figures cannot differ), the branch's certificate, the
// "siap mulai" mark (refused without the certificate, here and by a CHECK in the table), and workers attached by NIK.
import type {
  CertificateInput,
  ProjectDetail,
  ProjectInput,
  ProjectItem,
  ProjectList,
} from '../../../lib/contracts/employers.ts';
import { inScope, levelOfCode } from '../../../lib/access/roles.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { word } from '../../../lib/i18n/words.ts';
import { monthIndex, todayWib } from '../../../lib/rules/eligibility.ts';
import { projectMayStart } from '../../../lib/rules/employers.ts';
import { addDays } from '../../../lib/rules/lapse.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import { cost, quote } from '../contributions/index.ts';
import { scopeLabels } from '../regions/index.ts';
import { requireEmployerEditor, requireEmployerReader } from './employers.policy.ts';
import * as repo from './projects.repository.ts';
import { EMPLOYER_WORDS } from './employers.words.ts';

function present(r: repo.ProjectRow, labels: Map<string, string>): ProjectItem {
  return {
    id: r.id,
    village: r.village_code,
    villageLabel: labels.get(r.village_code) ?? r.village_code,
    dpaReference: r.dpa_reference,
    name: r.name,
    contractor: r.contractor,
    contractorNib: r.contractor_nib,
    contractValue: Number(r.contract_value),
    startDate: r.start_date,
    endDate: r.end_date,
    jakonContribution: Number(r.jakon_contribution),
    jakonQuotedOn: r.jakon_quoted_on,
    jakonBasis: r.jakon_basis,
    certificateNumber: r.certificate_number,
    paidOn: r.paid_on,
    status: r.status,
    workers: r.workers,
  };
}

const notFound = (locale: Locale) => new AppError('NOT_FOUND', { entity: word(EMPLOYER_WORDS.project, locale) });

async function detailIn(tx: Tx, scope: string, id: string, locale: Locale): Promise<ProjectDetail> {
  const row = await repo.projectById(tx, scope, id);
  if (!row) throw notFound(locale);
  const labels = await scopeLabels(tx, [row.village_code], locale);
  const workers = await repo.projectWorkers(tx, id);
  return {
    ...present(row, labels),
    workerList: workers.map((w) => ({
      workerId: w.worker_id,
      name: w.full_name,
      nikMasked: maskNik(w.nik),
      wage: w.wage === null ? null : Number(w.wage),
      attachedAt: w.attached_at.toISOString(),
    })),
  };
}

export async function listProjects(
  db: Db,
  ctx: RequestContext,
  q: {
    page: number;
    pageSize: number;
    startingWithinDays?: number | undefined;
    withoutJakon?: 'true' | 'false' | undefined;
  },
): Promise<ProjectList> {
  const actor = requireEmployerReader(ctx);
  const today = todayWib();
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listProjects(tx, actor.scope, {
      ...q,
      startsBy: q.startingWithinDays === undefined ? undefined : addDays(today, q.startingWithinDays),
      today,
    });
    const labels = await scopeLabels(tx, [...new Set(items.map((i) => i.village_code))], actor.locale);
    return { items: items.map((i) => present(i, labels)), total, page: q.page, pageSize: q.pageSize };
  });
}

export async function getProject(db: Db, ctx: RequestContext, id: string): Promise<ProjectDetail> {
  const actor = requireEmployerReader(ctx);
  return withScope(db, actor.scope, (tx) => detailIn(tx, actor.scope, id, actor.locale));
}

/** Registers a project; its Jakon contribution is the contribution engine's quote for the contract value today. */
export async function registerProject(db: Db, ctx: RequestContext, input: ProjectInput): Promise<ProjectDetail> {
  const actor = requireEmployerEditor(ctx);
  if (levelOfCode(input.village) !== 'village' || !inScope(actor.scope, input.village))
    throw invalidField('village', word(EMPLOYER_WORDS.villageOnly, actor.locale), actor.locale);
  if (input.endDate < input.startDate)
    throw invalidField('endDate', word(EMPLOYER_WORDS.endBeforeStart, actor.locale), actor.locale);
  const quotedOn = todayWib();
  const jakon = await quote(db, { category: 'jakon', contractValue: input.contractValue, date: quotedOn });
  return withScope(db, actor.scope, async (tx) => {
    const id = await repo.insertProject(tx, {
      village_code: input.village,
      dpa_reference: input.dpaReference,
      name: input.name,
      contractor: input.contractor,
      contractor_nib: input.contractorNib ?? null,
      contract_value: input.contractValue,
      start_date: input.startDate,
      end_date: input.endDate,
      jakon_contribution: jakon.total,
      jakon_quoted_on: quotedOn,
      created_by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'project.create',
      entity: 'construction_project',
      entityId: id,
      region: input.village,
      after: { ...input, jakonContribution: jakon.total, jakonQuotedOn: quotedOn },
    });
    return detailIn(tx, actor.scope, id, actor.locale);
  });
}

export async function recordCertificate(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: CertificateInput,
): Promise<ProjectDetail> {
  const actor = requireEmployerEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.projectById(tx, actor.scope, id, true);
    if (!before) throw notFound(actor.locale);
    await repo.updateProject(tx, id, { certificate_number: input.certificateNumber, paid_on: input.paidOn });
    await writeAudit(tx, ctx, {
      action: 'project.certificate',
      entity: 'construction_project',
      entityId: id,
      region: before.village_code,
      before: { certificateNumber: before.certificate_number, paidOn: before.paid_on },
      after: input,
    });
    return detailIn(tx, actor.scope, id, actor.locale);
  });
}

/** "Siap mulai": only with the branch's Jakon certificate number and payment date recorded. */
export async function markReady(db: Db, ctx: RequestContext, id: string): Promise<ProjectDetail> {
  const actor = requireEmployerEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const p = await repo.projectById(tx, actor.scope, id, true);
    if (!p) throw notFound(actor.locale);
    if (!projectMayStart({ certificateNumber: p.certificate_number, paidOn: p.paid_on }))
      throw new AppError('PROJECT_JAKON_MISSING');
    if (p.status !== 'ready') {
      await repo.updateProject(tx, id, { status: 'ready' });
      await writeAudit(tx, ctx, {
        action: 'project.ready',
        entity: 'construction_project',
        entityId: id,
        region: p.village_code,
        before: { status: p.status },
        after: { status: 'ready', certificateNumber: p.certificate_number },
      });
    }
    return detailIn(tx, actor.scope, id, actor.locale);
  });
}

/**
 * The Jakon contribution of a project by its basis (Permenakertrans 44/2015), from the contribution engine the
 * calculator uses: the contract value's slices quoted on `quotedOn`, or, by known wages, every worker's monthly Jakon
 * contribution for each calendar month of the project (`cost`, each month priced by the rules in force on its first
 * day; workers with the same wage priced together).
 */
async function jakonFor(
  db: Db,
  p: { contract_value: string; start_date: string; end_date: string },
  basis: 'contract_value' | 'wages',
  wages: readonly (number | null)[],
  quotedOn: string,
): Promise<number> {
  if (basis === 'contract_value') {
    return (await quote(db, { category: 'jakon', contractValue: Number(p.contract_value), date: quotedOn })).total;
  }
  const missing = wages.filter((w) => w === null).length;
  if (wages.length === 0 || missing > 0)
    throw new AppError('PROJECT_WAGES_MISSING', { missing: wages.length === 0 ? 0 : missing, workers: wages.length });
  const startMonth = p.start_date.slice(0, 7);
  const months = monthIndex(p.end_date.slice(0, 7)) - monthIndex(startMonth) + 1;
  const persons = new Map<number, number>();
  for (const w of wages) persons.set(w!, (persons.get(w!) ?? 0) + 1);
  let total = 0;
  for (const [wage, n] of persons) {
    total += (await cost(db, { input: { category: 'jakon', wage }, persons: n, months, startMonth })).total;
  }
  return total;
}

/** Re-prices the project on its basis while no certificate fixes the paid amount; returns the new figure. */
async function repriceIn(db: Db, tx: Tx, p: repo.ProjectRow, basis: 'contract_value' | 'wages') {
  const quotedOn = todayWib();
  const wages = (await repo.projectWorkers(tx, p.id)).map((w) => (w.wage === null ? null : Number(w.wage)));
  const total = await jakonFor(db, p, basis, wages, quotedOn);
  await repo.updateProject(tx, p.id, { jakon_basis: basis, jakon_contribution: total, jakon_quoted_on: quotedOn });
  return { jakonBasis: basis, jakonContribution: total, jakonQuotedOn: quotedOn };
}

/** Chooses the basis of the project's Jakon contribution and prices it again; refused once the certificate is in. */
export async function chooseJakonBasis(
  db: Db,
  ctx: RequestContext,
  id: string,
  basis: 'contract_value' | 'wages',
): Promise<ProjectDetail> {
  const actor = requireEmployerEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const p = await repo.projectById(tx, actor.scope, id, true);
    if (!p) throw notFound(actor.locale);
    if (p.certificate_number !== null) throw new AppError('PROJECT_JAKON_FIXED', { certificate: p.certificate_number });
    const after = await repriceIn(db, tx, p, basis);
    await writeAudit(tx, ctx, {
      action: 'project.jakon_basis',
      entity: 'construction_project',
      entityId: id,
      region: p.village_code,
      before: { jakonBasis: p.jakon_basis, jakonContribution: Number(p.jakon_contribution) },
      after,
    });
    return detailIn(tx, actor.scope, id, actor.locale);
  });
}

/**
 * Attaches a registered worker (found by NIK in the actor's scope) to the project, for claims, with the monthly wage
 * when known. A project priced by wages and not yet paid is priced again with the new worker.
 */
export async function attachWorker(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { nik: string; wage?: number | undefined },
): Promise<ProjectDetail> {
  const actor = requireEmployerEditor(ctx);
  const nik = input.nik.replace(/\D/g, '');
  return withScope(db, actor.scope, async (tx) => {
    const p = await repo.projectById(tx, actor.scope, id, true);
    if (!p) throw notFound(actor.locale);
    const worker = /^\d{16}$/.test(nik) ? await repo.workerByNik(tx, actor.scope, nik) : undefined;
    if (!worker) throw new AppError('NOT_FOUND', { entity: word(EMPLOYER_WORDS.worker, actor.locale) });
    const wage = input.wage ?? null;
    if (
      !(await repo.insertProjectWorker(tx, {
        id,
        workerId: worker.id,
        village: p.village_code,
        by: actor.username,
        wage,
      }))
    )
      throw new AppError('PROJECT_WORKER_TAKEN');
    const repriced =
      p.jakon_basis === 'wages' && p.certificate_number === null ? await repriceIn(db, tx, p, 'wages') : undefined;
    await writeAudit(tx, ctx, {
      action: 'project.worker.attach',
      entity: 'construction_project',
      entityId: id,
      region: p.village_code,
      after: { workerId: worker.id, wage, ...repriced },
    });
    return detailIn(tx, actor.scope, id, actor.locale);
  });
}
