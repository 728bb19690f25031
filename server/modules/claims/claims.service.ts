// Claim intake, list, detail and the protection-gap ledger (issue 15 §2, §6).
//
// At intake the coverage check runs at the event date (billing's checkCoverage, audited there as coverage.check),
// the estimate is made by the same rules as POST /api/claims/estimate, and the claim is saved with both, as they
// were that day, with its audit row in the same transaction. A claim whose event date was not covered is an entry
// of the gap ledger: the reason and the benefit the family missed.
import type {
  ClaimCreate,
  ClaimDetail,
  ClaimList,
  ClaimListQuery,
  ClaimSummary,
  EstimateItem,
  GapLedger,
  GapQuery,
  GapReason,
  GapTotal,
} from '../../../lib/contracts/claims.ts';
import type { JkkOutcome } from '../../../lib/rules/benefits-entitlement.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { checkCoverage } from '../billing/index.ts';
import { scopeLabels } from '../regions/index.ts';
import { findWorkersInScope, workerNotFound } from '../registry/index.ts';
import { contributionMonthsAt, entitlementFromRules, gapOf, speakingParticipation } from './claims.estimate.ts';
import { requireClaimReader, requireClaimReporter } from './claims.policy.ts';
import * as repo from './claims.repository.ts';
import * as gaps from './gap.repository.ts';
import { ENTITY_WORDS } from './claims.words.ts';
import { deadlineRule } from './workflow.service.ts';
import { JKK_REPORT_RULE, deadlineFrom } from '../../../lib/rules/claim-workflow.ts';
import { word } from '../../../lib/i18n/words.ts';

/** Most rows one export writes. */
export const CLAIM_EXPORT_LIMIT = 50_000;

const FUNDER = {
  program: { id: 'APBD (program Pemda)', en: 'APBD (local government programme)' },
  bpjs: { id: 'Mandiri/lainnya', en: 'Self-paid/other' },
  project: { id: 'APBD (proyek konstruksi, Jakon)', en: 'APBD (construction project, Jakon)' },
} as const;

/** `POST /api/claims`: report a death or accident of a worker in scope. */
export async function reportClaim(db: Db, ctx: RequestContext, input: ClaimCreate): Promise<ClaimDetail> {
  const actor = requireClaimReporter(ctx);
  const worker = await withScope(db, actor.scope, async (tx) =>
    (await findWorkersInScope(tx, actor.scope, [input.workerId])).get(input.workerId),
  );
  if (!worker || worker.merged_into !== null) throw workerNotFound(actor.locale);
  const check = await checkCoverage(db, ctx, { nik: worker.nik, date: input.eventDate });
  const contributionMonths = contributionMonthsAt(check.programs, input.eventDate);
  const wage = worker.monthly_income == null ? null : Number(worker.monthly_income);
  const e = await entitlementFromRules(
    db,
    {
      type: input.type,
      date: input.eventDate,
      wage,
      contributionMonths,
      outcome: input.outcome ?? null,
      percent: input.percent ?? null,
      months: input.months ?? null,
    },
    actor.locale,
  );
  const gap = gapOf(check, worker.death_date, input.eventDate);
  const speaking = speakingParticipation(check);
  const id = await withScope(db, actor.scope, async (tx) => {
    // JKK: the stage-I accident report is due 2 × 24 h after the event (the rule row in force on the event date).
    const report = input.type === 'jkk' ? await deadlineRule(tx, JKK_REPORT_RULE, input.eventDate) : null;
    const claimId = await repo.insertClaim(tx, {
      kabkota_code: worker.kabkota_code,
      village_code: worker.village_code,
      worker_id: worker.id,
      type: input.type,
      outcome: input.outcome ?? null,
      disability_percent: input.percent === undefined ? null : String(input.percent),
      stmb_months: input.months ?? null,
      event_date: input.eventDate,
      place: input.place,
      chronology: input.chronology,
      witnesses: JSON.stringify(input.witnesses),
      covered: check.covered,
      coverage_reason: check.reason,
      gap_reason: gap?.reason ?? null,
      gap_since: gap?.since ?? null,
      program_name: speaking?.program ?? null,
      funder: speaking ? FUNDER[speaking.source][actor.locale] : null,
      kpj_number: speaking?.kpj ?? null,
      segment: worker.segment,
      wage,
      contribution_months: contributionMonths,
      estimate: JSON.stringify(e.items),
      estimate_total: e.total,
      created_by: actor.username,
      report_due_on: report && deadlineFrom(input.eventDate, report, new Set()),
    });
    await writeAudit(tx, ctx, {
      action: 'claim.create',
      entity: 'claim',
      entityId: claimId,
      region: worker.village_code,
      after: {
        worker_id: worker.id,
        nik: maskNik(worker.nik),
        type: input.type,
        outcome: input.outcome ?? null,
        event_date: input.eventDate,
        covered: check.covered,
        gap_reason: gap?.reason ?? null,
        estimate_total: e.total,
      },
    });
    return claimId;
  });
  return getClaim(db, ctx, id);
}

async function summaries(db: Db, rows: repo.ClaimSummaryRow[], locale: 'id' | 'en'): Promise<ClaimSummary[]> {
  const labels = await scopeLabels(db, [...new Set(rows.map((r) => r.village_code))], locale);
  return rows.map((r) => ({
    id: String(r.id),
    workerId: String(r.worker_id),
    workerName: r.full_name,
    nikMasked: maskNik(r.nik),
    villageCode: r.village_code,
    regionLabel: labels.get(r.village_code) ?? r.village_code,
    type: r.type,
    outcome: (r.outcome as JkkOutcome | null) ?? null,
    eventDate: r.event_date,
    covered: r.covered,
    gapReason: (r.gap_reason as GapReason | null) ?? null,
    gapSince: r.gap_since,
    segment: r.segment,
    programName: r.program_name,
    kpj: r.kpj_number,
    estimateTotal: Number(r.estimate_total),
    status: r.status,
    createdAt: r.created_at.toISOString(),
  }));
}

function assertRegion(scope: string, region: string | undefined) {
  if (region !== undefined && scope !== '*' && !(region === scope || region.startsWith(`${scope}.`))) {
    throw new AppError('OUT_OF_SCOPE', { region });
  }
}

/** `GET /api/claims`: claims in scope, newest first, filtered and paged. */
export async function listClaims(db: Db, ctx: RequestContext, q: ClaimListQuery): Promise<ClaimList> {
  const actor = requireClaimReader(ctx);
  assertRegion(actor.scope, q.region);
  const { rows, total } = await withScope(db, actor.scope, (tx) => repo.listClaims(tx, actor.scope, q));
  return { items: await summaries(db, rows, actor.locale), total, page: q.page, pageSize: q.pageSize };
}

/** Every claim matching the filters, for the XLSX export (audited: names and masked NIKs leave Lindung). */
export async function exportClaims(
  db: Db,
  ctx: RequestContext,
  q: Omit<ClaimListQuery, 'page' | 'pageSize'>,
): Promise<ClaimSummary[]> {
  const actor = requireClaimReader(ctx);
  assertRegion(actor.scope, q.region);
  const rows = await withScope(db, actor.scope, async (tx) => {
    const found = await repo.allClaims(tx, actor.scope, q, CLAIM_EXPORT_LIMIT);
    await writeAudit(tx, ctx, {
      action: 'claim.export',
      entity: 'claim',
      region: q.region ?? (actor.scope === '*' ? null : actor.scope),
      after: { rows: found.length, filters: q },
    });
    return found;
  });
  return summaries(db, rows, actor.locale);
}

/** `GET /api/claims/:id`: one claim in scope (outside it, as if it did not exist). */
export async function getClaim(db: Db, ctx: RequestContext, id: string): Promise<ClaimDetail> {
  const actor = requireClaimReader(ctx);
  const row = await withScope(db, actor.scope, (tx) => repo.claimById(tx, actor.scope, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: word(ENTITY_WORDS.claim, actor.locale) });
  const [summary] = await summaries(db, [row], actor.locale);
  return {
    ...summary!,
    place: row.place,
    chronology: row.chronology,
    witnesses: row.witnesses as ClaimDetail['witnesses'],
    coverageReason: row.coverage_reason,
    funder: row.funder,
    wage: row.wage === null ? null : Number(row.wage),
    contributionMonths: row.contribution_months,
    percent: row.disability_percent === null ? null : Number(row.disability_percent),
    months: row.stmb_months,
    items: row.estimate as EstimateItem[],
    createdBy: row.created_by,
  };
}

/** `GET /api/claims/gaps`: the protection-gap ledger (claims and imported list entries) with its totals. */
export async function gapLedger(db: Db, ctx: RequestContext, q: GapQuery): Promise<GapLedger> {
  const actor = requireClaimReader(ctx);
  assertRegion(actor.scope, q.region);
  const r = await withScope(db, actor.scope, (tx) => gaps.gapLedger(tx, actor.scope, q));
  const villages = await scopeLabels(
    db,
    [...new Set([...r.byVillage.map((v) => v.key), ...r.rows.map((v) => v.village_code)])],
    actor.locale,
  );
  const total = (label: (key: string) => string) => (t: { key: string; events: string; missed: string }) =>
    ({ key: t.key, label: label(t.key), events: Number(t.events), missed: Number(t.missed) }) satisfies GapTotal;
  const events = Number(r.totals.events);
  return {
    items: r.rows.map((g) => ({
      id: `${g.source}-${g.id}`,
      source: g.source,
      claimId: g.source === 'claim' ? g.id : null,
      workerId: g.worker_id,
      name: g.name,
      nikMasked: maskNik(g.nik),
      villageCode: g.village_code,
      regionLabel: villages.get(g.village_code) ?? g.village_code,
      type: g.type,
      outcome: (g.outcome as JkkOutcome | null) ?? null,
      eventDate: g.event_date,
      gapReason: g.gap_reason as GapReason,
      gapSince: g.gap_since,
      segment: g.segment,
      missed: Number(g.missed),
      listName: g.list_name,
    })),
    total: events,
    page: q.page,
    pageSize: q.pageSize,
    events,
    missed: Number(r.totals.missed),
    byVillage: r.byVillage.map(total((k) => villages.get(k) ?? k)),
    bySegment: r.bySegment.map(total((k) => k)),
    byMonth: r.byMonth.map(total((k) => k)),
  };
}
