// Organisations (channels) and joint work plans with action items whose progress is computed by a job (issue 16
// §2, §3). A computed item counts from Lindung's own data: active participants brought by a channel (the one
// coverage definition, lindung_nik_covered over every source), programme quotas, or an instrument enacted.
import { sql } from 'kysely';
import type { ItemInput, Plan, PlanInput, PlanItem } from '../../../lib/contracts/governance.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { standing, trend } from '../../../lib/rules/work-plan.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import { systemContext, type Actor, type RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { assertRegionInScope, requireGovernanceEditor, requireGovernanceReader } from './governance.policy.ts';
import { ENTITY_WORDS } from './governance.words.ts';
import { organisationInScope } from './organisations.service.ts';

const itemColumns = (i: ItemInput) => ({
  title: i.title,
  owner_organisation_id: i.ownerOrganisationId,
  due_on: i.dueOn,
  measure_kind: i.measureKind,
  target: i.measureKind === 'manual' ? null : i.measureKind === 'instrument_enacted' ? 1 : i.target,
  area_code: i.measureKind === 'manual' ? null : i.areaCode,
  channel_id: i.measureKind === 'participants' ? i.channelId : null,
  segment: i.measureKind === 'participants' || i.measureKind === 'programme_quota' ? i.segment : null,
  instrument_kind: i.measureKind === 'instrument_enacted' ? i.instrumentKind : null,
});

export async function insertItem(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  planId: string,
  region: string,
  i: ItemInput,
  meetingId: string | null = null,
) {
  for (const org of [i.ownerOrganisationId, i.channelId]) if (org) await organisationInScope(tx, actor, org);
  if (i.areaCode) assertRegionInScope(actor, i.areaCode);
  const row = await tx
    .insertInto('gov_action_item')
    .values({
      plan_id: planId,
      region_code: region,
      created_by: actor.username,
      meeting_id: meetingId,
      ...itemColumns(i),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(tx, ctx, {
    action: 'governance.item.create',
    entity: 'gov_action_item',
    entityId: String(row.id),
    region,
    after: { plan_id: planId, meeting_id: meetingId, ...itemColumns(i) },
  });
  return String(row.id);
}

/** `POST /api/governance/plans`: a plan with its signatories and first action items. */
export async function createPlan(db: Db, ctx: RequestContext, input: PlanInput): Promise<Plan> {
  const actor = requireGovernanceEditor(ctx);
  assertRegionInScope(actor, input.region);
  const id = await withScope(db, actor.scope, async (tx) => {
    const row = await tx
      .insertInto('gov_plan')
      .values({
        region_code: input.region,
        title: input.title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        signed_on: input.signedOn,
        created_by: actor.username,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const planId = String(row.id);
    for (const s of input.signatories) {
      if (s.organisationId) await organisationInScope(tx, actor, s.organisationId);
      await tx
        .insertInto('gov_plan_signatory')
        .values({
          plan_id: planId,
          region_code: input.region,
          organisation_id: s.organisationId,
          person_name: s.personName,
          position: s.position,
        })
        .execute();
    }
    await writeAudit(tx, ctx, {
      action: 'governance.plan.create',
      entity: 'gov_plan',
      entityId: planId,
      region: input.region,
      after: { ...input, items: input.items.length },
    });
    for (const i of input.items) await insertItem(tx, ctx, actor, planId, input.region, i);
    return planId;
  });
  return getPlan(db, ctx, id);
}

/** `POST /api/governance/plans/:id/items`. */
export async function addItem(db: Db, ctx: RequestContext, planId: string, input: ItemInput): Promise<Plan> {
  const actor = requireGovernanceEditor(ctx);
  await withScope(db, actor.scope, async (tx) => {
    const p = await planRow(tx, actor, planId);
    await insertItem(tx, ctx, actor, planId, p.region_code, input);
  });
  return getPlan(db, ctx, planId);
}

/** `PUT /api/governance/plans/:id/items/:itemId/done`: a manual item done (with evidence) or not. */
export async function setItemDone(
  db: Db,
  ctx: RequestContext,
  planId: string,
  itemId: string,
  input: { done: boolean; doneOn: string | null; evidence: string | null },
): Promise<Plan> {
  const actor = requireGovernanceEditor(ctx);
  await withScope(db, actor.scope, async (tx) => {
    const p = await planRow(tx, actor, planId);
    const values = input.done
      ? { done: true, done_on: input.doneOn ?? todayWib(systemClock()), evidence: input.evidence }
      : { done: false, done_on: null, evidence: null };
    const r = await tx
      .updateTable('gov_action_item')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', itemId)
      .where('plan_id', '=', planId)
      .where('measure_kind', '=', 'manual')
      .where(() => regionInScope('region_code', actor.scope))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND', { entity: ENTITY_WORDS.item[actor.locale] });
    await writeAudit(tx, ctx, {
      action: 'governance.item.update',
      entity: 'gov_action_item',
      entityId: itemId,
      region: p.region_code,
      after: values,
    });
  });
  return getPlan(db, ctx, planId);
}

export async function planRow(tx: Tx, actor: Actor, id: string) {
  const p = await tx
    .selectFrom('gov_plan')
    .selectAll()
    .where('id', '=', id)
    .where(() => regionInScope('region_code', actor.scope))
    .executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', { entity: ENTITY_WORDS.plan[actor.locale] });
  return p;
}

/** `GET /api/governance/plans`. */
export async function listPlans(db: Db, ctx: RequestContext) {
  const actor = requireGovernanceReader(ctx);
  const rows = await withScope(db, actor.scope, (tx) =>
    tx
      .selectFrom('gov_plan')
      .select(['id', 'region_code', 'title', 'period_start', 'period_end'])
      .where(() => regionInScope('region_code', actor.scope))
      .orderBy('period_start', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute(),
  );
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      region: r.region_code,
      title: r.title,
      periodStart: r.period_start,
      periodEnd: r.period_end,
    })),
  };
}

/** `GET /api/governance/plans/:id`: the items with their latest computation, standing and trend (no computing). */
export async function getPlan(db: Db, ctx: RequestContext, id: string): Promise<Plan> {
  const actor = requireGovernanceReader(ctx);
  const today = todayWib(systemClock());
  return withScope(db, actor.scope, async (tx) => {
    const p = await planRow(tx, actor, id);
    const signatories = await tx
      .selectFrom('gov_plan_signatory as s')
      .leftJoin('gov_organisation as o', 'o.id', 's.organisation_id')
      .select(['s.person_name', 's.position', 'o.name as organisation'])
      .where('s.plan_id', '=', id)
      .where(() => regionInScope('s.region_code', actor.scope))
      .orderBy('s.id')
      .execute();
    const items = await sql<{
      id: string;
      title: string;
      owner: string | null;
      due_on: string;
      measure_kind: PlanItem['measureKind'];
      target: number | null;
      area_code: string | null;
      channel: string | null;
      segment: string | null;
      instrument_kind: string | null;
      done: boolean;
      evidence: string | null;
      latest: number | null;
      latest_at: Date | null;
      previous: number | null;
    }>`
      SELECT i.id::text, i.title, o.name AS owner, i.due_on::text, i.measure_kind, i.target, i.area_code,
             c.name AS channel, i.segment, i.instrument_kind, i.done, i.evidence,
             g1.value AS latest, g1.computed_at AS latest_at, g2.value AS previous
        FROM gov_action_item i
        LEFT JOIN gov_organisation o ON o.id = i.owner_organisation_id
        LEFT JOIN gov_organisation c ON c.id = i.channel_id
        LEFT JOIN LATERAL (SELECT g.value, g.computed_at FROM gov_item_progress g WHERE g.item_id = i.id
                            ORDER BY g.id DESC LIMIT 1) g1 ON true
        LEFT JOIN LATERAL (SELECT g.value FROM gov_item_progress g WHERE g.item_id = i.id
                            ORDER BY g.id DESC OFFSET 1 LIMIT 1) g2 ON true
       WHERE i.plan_id = ${id} AND ${regionInScope('i.region_code', actor.scope)}
       ORDER BY i.due_on, i.id`.execute(tx);
    return {
      id: String(p.id),
      region: p.region_code,
      title: p.title,
      periodStart: p.period_start,
      periodEnd: p.period_end,
      signedOn: p.signed_on,
      signatories: signatories.map((s) => ({
        organisation: s.organisation,
        personName: s.person_name,
        position: s.position,
      })),
      items: items.rows.map((i) => {
        const manual = i.measure_kind === 'manual';
        const target = manual ? 1 : (i.target ?? 1);
        const value = manual ? (i.done ? 1 : 0) : i.latest;
        return {
          id: i.id,
          title: i.title,
          ownerOrganisation: i.owner,
          dueOn: i.due_on,
          measureKind: i.measure_kind,
          target,
          areaCode: i.area_code,
          channel: i.channel,
          segment: i.segment,
          instrumentKind: i.instrument_kind,
          done: manual ? i.done : value !== null && value >= target,
          evidence: i.evidence,
          value,
          computedAt: i.latest_at ? i.latest_at.toISOString() : null,
          previousValue: manual ? null : i.previous,
          standing: standing({ value: value ?? 0, target, start: p.period_start, due: i.due_on, today }),
          trend: manual ? null : trend(i.latest, i.previous),
        } satisfies PlanItem;
      }),
    };
  });
}

export const PROGRESS_JOB = 'governance.progress';

/**
 * `POST /api/governance/progress/recompute` ("hitung ulang"): queues the progress job now instead of waiting for
 * its hour; the request is audited, the computation is the job's (one queued at a time).
 */
export async function requestProgress(db: Db, ctx: RequestContext, jobs: JobQueue | undefined) {
  const actor = requireGovernanceEditor(ctx);
  await withScope(db, actor.scope, (tx) =>
    writeAudit(tx, ctx, {
      action: 'governance.progress.request',
      entity: 'gov_action_item',
      region: actor.scope === '*' ? null : actor.scope,
      after: { job: PROGRESS_JOB },
    }),
  );
  const id = jobs ? await jobs.enqueue(PROGRESS_JOB, {}, { key: 'requested' }) : null;
  return { queued: id !== null };
}

/**
 * The progress job: computes every computed item in scope on `today` and stores each value with its time (the
 * plan page shows the stored values; nothing is computed on page load). Participants: distinct workers within the
 * item's area (and segment) brought by the channel (their registration or an enrollment proposed through it) who
 * are covered on `today` by lindung_nik_covered, the one coverage definition over every source.
 */
export async function computeProgress(
  db: Db,
  today: string = todayWib(systemClock()),
  scope = '*',
): Promise<{ items: number }> {
  const ctx = systemContext(PROGRESS_JOB);
  return withScope(db, scope, async (tx) => {
    const r = await sql<{ item_id: string; region_code: string; value: number }>`
      WITH item AS (
        SELECT * FROM gov_action_item
         WHERE measure_kind <> 'manual' AND ${regionInScope('region_code', scope)}
      ),
      value AS (
        SELECT i.id, i.region_code, i.target,
               CASE i.measure_kind
                 WHEN 'participants' THEN (
                   SELECT count(*) FROM worker_directory w
                    WHERE (w.village_code = i.area_code OR starts_with(w.village_code, i.area_code || '.'))
                      AND w.merged_into IS NULL
                      AND (i.segment IS NULL OR w.segment = i.segment)
                      AND (w.channel_id = i.channel_id
                           OR EXISTS (SELECT 1 FROM enrollment_directory d
                                       WHERE d.worker_id = w.id AND d.channel_id = i.channel_id))
                      AND lindung_nik_covered(w.nik, ${today}::date))
                 WHEN 'programme_quota' THEN (
                   SELECT coalesce(sum(p.quota), 0) FROM program_directory p
                    WHERE (p.region_code = i.area_code OR starts_with(p.region_code, i.area_code || '.'))
                      AND p.start_month <= i.due_on
                      AND (i.segment IS NULL OR i.segment = ANY (p.target_segments)))
                 WHEN 'instrument_enacted' THEN (
                   SELECT least(count(*), 1) FROM gov_instrument g
                    WHERE (g.region_code = i.area_code OR starts_with(g.region_code, i.area_code || '.'))
                      AND g.kind = i.instrument_kind AND g.status = 'enacted')
               END::int AS value
          FROM item i
      )
      INSERT INTO gov_item_progress (item_id, region_code, value, target, computed_on)
      SELECT v.id, v.region_code, v.value, coalesce(v.target, 1), ${today}::date FROM value v
      RETURNING item_id::text, region_code, value`.execute(tx);
    if (r.rows.length > 0) {
      await writeAudit(tx, ctx, {
        action: 'governance.progress.compute',
        entity: 'gov_action_item',
        region: scope === '*' ? null : scope,
        after: { today, items: r.rows.length },
      });
    }
    return { items: r.rows.length };
  });
}
