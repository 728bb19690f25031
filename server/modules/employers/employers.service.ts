// The register read with statuses, the compliance answer for other offices (audited), written warnings, the
// sanction request letter, and the compliance figures the assessment module reads.
import type {
  ComplianceAnswer,
  EmployerDetail,
  EmployerItem,
  EmployerList,
  EmployerListQuery,
  WarningInput,
} from '../../../lib/contracts/employers.ts';
import type { Scope } from '../../../lib/access/roles.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { word } from '../../../lib/i18n/words.ts';
import {
  EMPLOYER_STATUSES,
  judgeEmployer,
  judgementReason,
  readNib,
  type BranchFacts,
  type EmployerStatus,
} from '../../../lib/rules/employers.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import { scopeLabels } from '../regions/index.ts';
import { requireEmployerEditor, requireEmployerReader, requireLetterWriter } from './employers.policy.ts';
import * as repo from './employers.repository.ts';
import { sanctionLetterPdf } from './employers.letter.ts';
import { EMPLOYER_WORDS } from './employers.words.ts';

function branchOf(r: repo.EmployerRow): BranchFacts {
  if (!r.snapshot_as_of || !r.npp) return null;
  return {
    snapshotAsOf: r.snapshot_as_of,
    npp: r.npp,
    active: !!r.active,
    activeWorkers: r.active_workers ?? 0,
    paidThrough: r.paid_through,
  };
}

function judged(r: repo.EmployerRow, labels: Map<string, string>, locale: Locale): EmployerItem {
  const branch = branchOf(r);
  const j = judgeEmployer(r.reported_workers, branch);
  return {
    id: r.id,
    nib: r.nib,
    npwp: r.npwp,
    name: r.name,
    sector: r.sector,
    size: r.size,
    village: r.village_code,
    villageLabel: labels.get(r.village_code) ?? r.village_code,
    reportedWorkers: r.reported_workers,
    npp: r.npp,
    matchBy: r.match_by,
    activeWorkers: r.active_workers,
    paidThrough: r.paid_through,
    status: j.status,
    compliant: j.compliant,
    arrearsSince: j.arrearsSince,
    reason: r.snapshot_as_of
      ? judgementReason(j, { reportedWorkers: r.reported_workers, branch }, locale)
      : word(EMPLOYER_WORDS.noSnapshot, locale),
    warnings: r.warnings,
  };
}

export async function listEmployers(db: Db, ctx: RequestContext, q: EmployerListQuery): Promise<EmployerList> {
  const actor = requireEmployerReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const rows = await repo.employersInScope(tx, actor.scope, q.q);
    const labels = await scopeLabels(tx, [...new Set(rows.map((r) => r.village_code))], actor.locale);
    const all = rows.map((r) => judged(r, labels, actor.locale));
    const counts = Object.fromEntries(EMPLOYER_STATUSES.map((s) => [s, 0])) as Record<EmployerStatus, number>;
    for (const e of all) counts[e.status] += 1;
    const filtered = all.filter(
      (e) => (!q.status || e.status === q.status) && (!q.compliant || String(e.compliant) === q.compliant),
    );
    return {
      items: filtered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      total: filtered.length,
      page: q.page,
      pageSize: q.pageSize,
      counts,
      snapshotAsOf: await repo.latestSnapshotAsOf(tx, actor.scope),
      unmatchedSnapshotRows: (await repo.unmatchedSnapshotRows(tx, actor.scope)).length,
    };
  });
}

async function detailIn(tx: Tx, scope: Scope, id: string, locale: Locale): Promise<EmployerDetail> {
  const row = await repo.employerById(tx, scope, id);
  if (!row) throw new AppError('NOT_FOUND', { entity: word(EMPLOYER_WORDS.employer, locale) });
  const labels = await scopeLabels(tx, [row.village_code], locale);
  const history = await repo.warnings(tx, id);
  return {
    ...judged(row, labels, locale),
    address: row.address,
    contact: row.contact,
    snapshotAsOf: row.snapshot_as_of,
    warningHistory: history.map((w) => ({
      seq: w.seq,
      issuedOn: w.issued_on,
      reference: w.reference,
      recordedBy: w.recorded_by,
    })),
  };
}

export async function getEmployer(db: Db, ctx: RequestContext, id: string): Promise<EmployerDetail> {
  const actor = requireEmployerReader(ctx);
  return withScope(db, actor.scope, (tx) => detailIn(tx, actor.scope, id, actor.locale));
}

/**
 * "Is this business compliant?" for the licensing office and procurement: by NIB, as of the latest branch snapshot,
 * with the reason. Every question is audited (who asked about which business, and the answer given).
 */
export async function checkCompliance(db: Db, ctx: RequestContext, nibText: string): Promise<ComplianceAnswer> {
  const actor = requireEmployerReader(ctx);
  const nib = readNib(nibText);
  if (!nib) throw invalidField('nib', word(EMPLOYER_WORDS.nibInvalid, actor.locale), actor.locale, 'querystring');
  return withScope(db, actor.scope, async (tx) => {
    const checkedAt = systemClock().toISOString();
    const row = await repo.employerByNib(tx, actor.scope, nib);
    let answer: ComplianceAnswer;
    let region: string | null = actor.scope === '*' ? null : actor.scope;
    if (row) {
      const labels = new Map<string, string>();
      const item = judged(row, labels, actor.locale);
      region = row.village_code;
      answer = {
        nib,
        found: true,
        name: row.name,
        compliant: item.compliant,
        status: item.status,
        reason: item.reason,
        snapshotAsOf: row.snapshot_as_of,
        checkedAt,
      };
    } else {
      const b = await repo.branchRowByNib(tx, actor.scope, nib);
      if (b) {
        const branch = {
          snapshotAsOf: b.as_of,
          npp: b.npp,
          active: b.active,
          activeWorkers: b.active_workers,
          paidThrough: b.paid_through,
        };
        const j = judgeEmployer(null, branch);
        region = b.region_code;
        answer = {
          nib,
          found: false,
          name: b.name,
          compliant: j.compliant,
          status: j.status,
          reason: judgementReason(j, { reportedWorkers: null, branch }, actor.locale),
          snapshotAsOf: b.as_of,
          checkedAt,
        };
      } else {
        answer = {
          nib,
          found: false,
          name: null,
          compliant: false,
          status: null,
          reason: word(EMPLOYER_WORDS.notListed, actor.locale),
          snapshotAsOf: await repo.latestSnapshotAsOf(tx, actor.scope),
          checkedAt,
        };
      }
    }
    await writeAudit(tx, ctx, {
      action: 'employer.compliance_check',
      entity: 'employer',
      entityId: row?.id ?? null,
      region,
      after: { nib, compliant: answer.compliant, status: answer.status, snapshotAsOf: answer.snapshotAsOf },
    });
    return answer;
  });
}

/** A written warning sent to the employer (PP 86/2013: at most two), recorded with its letter number and date. */
export async function recordWarning(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: WarningInput,
): Promise<EmployerDetail> {
  const actor = requireEmployerEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.employerById(tx, actor.scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: word(EMPLOYER_WORDS.employer, actor.locale) });
    const history = await repo.warnings(tx, id);
    if (history.length >= 2) throw new AppError('EMPLOYER_WARNINGS_FULL');
    const first = history[0];
    if (first && input.issuedOn <= first.issued_on)
      throw new AppError('EMPLOYER_WARNING_ORDER', { first: first.issued_on });
    const seq = history.length + 1;
    await repo.insertWarning(tx, {
      employerId: id,
      village: row.village_code,
      seq,
      issuedOn: input.issuedOn,
      reference: input.reference,
      by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'employer.warning',
      entity: 'employer',
      entityId: id,
      region: row.village_code,
      after: { seq, issuedOn: input.issuedOn, reference: input.reference },
    });
    return detailIn(tx, actor.scope, id, actor.locale);
  });
}

/**
 * The letter asking the Pemda's licensing and procurement units to withhold certain public services from the
 * employer (PP 86/2013), made when the branch asks for it: needs two recorded warnings and a non-compliant status.
 */
export async function sanctionLetter(
  db: Db,
  ctx: RequestContext,
  id: string,
  q: { branchReference: string; branchDate: string },
): Promise<{ fileName: string; content: Buffer }> {
  const actor = requireLetterWriter(ctx);
  const detail = await withScope(db, actor.scope, async (tx) => {
    const d = await detailIn(tx, actor.scope, id, 'id');
    if (d.warningHistory.length < 2)
      throw new AppError('EMPLOYER_WARNINGS_MISSING', { count: d.warningHistory.length });
    if (d.compliant) throw new AppError('EMPLOYER_COMPLIANT');
    await writeAudit(tx, ctx, {
      action: 'employer.sanction_letter',
      entity: 'employer',
      entityId: id,
      region: d.village,
      after: { branchReference: q.branchReference, branchDate: q.branchDate, status: d.status },
    });
    return d;
  });
  const content = await sanctionLetterPdf({
    employer: detail,
    branchReference: q.branchReference,
    branchDate: q.branchDate,
    madeBy: actor.username,
    madeOn: systemClock().toISOString().slice(0, 10),
  });
  return { fileName: `permintaan-sanksi-${detail.nib}.pdf`, content };
}

/** The employer half of the compliance figures (assessment indicators), for one region. */
export async function employerFigures(tx: Tx, region: string) {
  const rows = await repo.employersInScope(tx, region, undefined);
  const counts = Object.fromEntries(EMPLOYER_STATUSES.map((s) => [s, 0])) as Record<EmployerStatus, number>;
  for (const r of rows) counts[judgeEmployer(r.reported_workers, branchOf(r)).status] += 1;
  return { employers: rows.length, counts, snapshotAsOf: await repo.latestSnapshotAsOf(tx, region) };
}
