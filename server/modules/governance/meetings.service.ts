// Meetings (issue 16 §4): coordination meetings, FGDs and sosialisasi with attendance per organisation and village,
// the minutes (a PDF stored like the instruments' signed files) and decisions that become action items of a plan
// in one step. The village list of a period says which villages have not been briefed yet (governance.reads.ts).
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { BriefingList, Meeting, MeetingInput } from '../../../lib/contracts/governance.ts';
import { interpolate } from '../../../lib/i18n/locale.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { villagesBriefed } from './governance.reads.ts';
import { checkedPdf, openStoredPdf } from './governance.files.ts';
import { assertRegionInScope, requireGovernanceEditor, requireGovernanceReader } from './governance.policy.ts';
import { CONFLICT_WORDS, ENTITY_WORDS } from './governance.words.ts';
import type { FileDeps } from './instruments.service.ts';
import { organisationInScope } from './organisations.service.ts';
import { insertItem, planRow } from './plans.service.ts';

const notFound = (locale: 'id' | 'en') => new AppError('NOT_FOUND', { entity: ENTITY_WORDS.meeting[locale] });

/** `POST /api/governance/meetings`: the meeting, its attendance and its decisions in one transaction. */
export async function createMeeting(db: Db, ctx: RequestContext, input: MeetingInput): Promise<Meeting> {
  const actor = requireGovernanceEditor(ctx);
  assertRegionInScope(actor, input.region);
  const id = await withScope(db, actor.scope, async (tx) => {
    if (input.organiserId) await organisationInScope(tx, actor, input.organiserId);
    const villages = input.attendance.flatMap((a) => (a.villageCode ? [a.villageCode] : []));
    await assertVillagesOf(tx, actor, input.region, villages);
    const row = await tx
      .insertInto('gov_meeting')
      .values({
        region_code: input.region,
        kind: input.kind,
        title: input.title,
        held_on: input.heldOn,
        place: input.place,
        organiser_id: input.organiserId,
        created_by: actor.username,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const meetingId = String(row.id);
    for (const a of input.attendance) {
      if (a.organisationId) await organisationInScope(tx, actor, a.organisationId);
    }
    if (input.attendance.length > 0) {
      await tx
        .insertInto('gov_meeting_attendance')
        .values(
          input.attendance.map((a) => ({
            meeting_id: meetingId,
            region_code: input.region,
            organisation_id: a.organisationId,
            village_code: a.villageCode,
            attendees: a.attendees,
          })),
        )
        .execute();
    }
    if (input.decisions.length > 0) {
      await tx
        .insertInto('gov_meeting_decision')
        .values(input.decisions.map((text) => ({ meeting_id: meetingId, region_code: input.region, text })))
        .execute();
    }
    await writeAudit(tx, ctx, {
      action: 'governance.meeting.create',
      entity: 'gov_meeting',
      entityId: meetingId,
      region: input.region,
      after: input,
    });
    return meetingId;
  });
  return getMeeting(db, ctx, id);
}

/** Every village named must be a village (desa/kelurahan) of the meeting's region, else nothing is written. */
async function assertVillagesOf(tx: Tx, actor: Actor, region: string, codes: string[]) {
  if (codes.length === 0) return;
  const known = await sql<{ code: string }>`
    SELECT code FROM region_directory
     WHERE level = 'village' AND code = ANY (${codes}::text[])
       AND (code = ${region} OR starts_with(code, ${`${region}.`}))`.execute(tx);
  const found = new Set(known.rows.map((r) => r.code));
  const missing = codes.find((c) => !found.has(c));
  if (missing !== undefined) {
    throw new AppError('CONFLICT', {
      detail: interpolate(CONFLICT_WORDS.unknownVillage[actor.locale], { code: missing, region }),
    });
  }
}

type MeetingRow = {
  id: string;
  region_code: string;
  kind: Meeting['kind'];
  title: string;
  held_on: string;
  place: string;
  organiser: string | null;
  minutes_name: string | null;
  minutes_size: string | null;
  minutes_sha256: string | null;
};

async function meetingsWhere(tx: Tx, actor: Actor, id: string | null): Promise<Meeting[]> {
  const rows = await sql<MeetingRow>`
    SELECT m.id::text, m.region_code, m.kind, m.title, m.held_on::text, m.place, o.name AS organiser,
           m.minutes_name, m.minutes_size::text, m.minutes_sha256
      FROM gov_meeting m LEFT JOIN gov_organisation o ON o.id = m.organiser_id
     WHERE ${regionInScope('m.region_code', actor.scope)} AND (${id}::bigint IS NULL OR m.id = ${id}::bigint)
     ORDER BY m.held_on DESC, m.id DESC
     LIMIT 200`.execute(tx);
  const ids = rows.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const attendance = await sql<{
    meeting_id: string;
    organisation: string | null;
    village_code: string | null;
    village_name: string | null;
    attendees: number;
  }>`
    SELECT a.meeting_id::text, o.name AS organisation, a.village_code, v.name AS village_name, a.attendees
      FROM gov_meeting_attendance a
      LEFT JOIN gov_organisation o ON o.id = a.organisation_id
      LEFT JOIN region_directory v ON v.code = a.village_code
     WHERE a.meeting_id = ANY (${ids}::bigint[]) AND ${regionInScope('a.region_code', actor.scope)}
     ORDER BY a.id`.execute(tx);
  const decisions = await sql<{
    meeting_id: string;
    id: string;
    text: string;
    item: string | null;
    plan: string | null;
  }>`
    SELECT d.meeting_id::text, d.id::text, d.text, d.action_item_id::text AS item, i.plan_id::text AS plan
      FROM gov_meeting_decision d LEFT JOIN gov_action_item i ON i.id = d.action_item_id
     WHERE d.meeting_id = ANY (${ids}::bigint[]) AND ${regionInScope('d.region_code', actor.scope)}
     ORDER BY d.id`.execute(tx);
  return rows.rows.map((m) => {
    const present = attendance.rows.filter((a) => a.meeting_id === m.id);
    return {
      id: m.id,
      region: m.region_code,
      kind: m.kind,
      title: m.title,
      heldOn: m.held_on,
      place: m.place,
      organiser: m.organiser,
      attendees: present.reduce((n, a) => n + a.attendees, 0),
      attendance: present.map((a) => ({
        organisation: a.organisation,
        villageCode: a.village_code,
        villageName: a.village_name,
        attendees: a.attendees,
      })),
      decisions: decisions.rows
        .filter((d) => d.meeting_id === m.id)
        .map((d) => ({ id: d.id, text: d.text, actionItemId: d.item, planId: d.plan })),
      minutes:
        m.minutes_name && m.minutes_sha256
          ? { name: m.minutes_name, sizeBytes: Number(m.minutes_size), sha256: m.minutes_sha256 }
          : null,
    };
  });
}

/** `GET /api/governance/meetings`: the latest 200 meetings in scope. */
export async function listMeetings(db: Db, ctx: RequestContext): Promise<{ items: Meeting[] }> {
  const actor = requireGovernanceReader(ctx);
  return { items: await withScope(db, actor.scope, (tx) => meetingsWhere(tx, actor, null)) };
}

export async function getMeeting(db: Db, ctx: RequestContext, id: string): Promise<Meeting> {
  const actor = requireGovernanceReader(ctx);
  const [m] = await withScope(db, actor.scope, (tx) => meetingsWhere(tx, actor, id));
  if (!m) throw notFound(actor.locale);
  return m;
}

/**
 * `POST /api/governance/meetings/:id/decisions/:decisionId/item`: the decision becomes a manual action item of the
 * plan (the meeting noted on it), once; the item and the link are written together, both audited.
 */
export async function promoteDecision(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
  decisionId: string,
  input: { planId: string; ownerOrganisationId: string | null; dueOn: string },
): Promise<Meeting> {
  const actor = requireGovernanceEditor(ctx);
  await withScope(db, actor.scope, async (tx) => {
    const decision = await tx
      .selectFrom('gov_meeting_decision')
      .selectAll()
      .where('id', '=', decisionId)
      .where('meeting_id', '=', meetingId)
      .where(() => regionInScope('region_code', actor.scope))
      .forUpdate()
      .executeTakeFirst();
    if (!decision) throw new AppError('NOT_FOUND', { entity: ENTITY_WORDS.decision[actor.locale] });
    if (decision.action_item_id !== null) {
      throw new AppError('CONFLICT', { detail: CONFLICT_WORDS.decisionUsed[actor.locale] });
    }
    const plan = await planRow(tx, actor, input.planId);
    const itemId = await insertItem(
      tx,
      ctx,
      actor,
      input.planId,
      plan.region_code,
      {
        title: decision.text.slice(0, 300),
        ownerOrganisationId: input.ownerOrganisationId,
        dueOn: input.dueOn,
        measureKind: 'manual',
        target: null,
        areaCode: null,
        channelId: null,
        segment: null,
        instrumentKind: null,
      },
      meetingId,
    );
    await tx
      .updateTable('gov_meeting_decision')
      .set({ action_item_id: itemId })
      .where('id', '=', decisionId)
      .where(() => regionInScope('region_code', actor.scope))
      .execute();
    await writeAudit(tx, ctx, {
      action: 'governance.decision.promote',
      entity: 'gov_meeting_decision',
      entityId: decisionId,
      region: decision.region_code,
      after: { meeting_id: meetingId, plan_id: input.planId, action_item_id: itemId },
    });
  });
  return getMeeting(db, ctx, meetingId);
}

/** `PUT /api/governance/meetings/:id/minutes`: the minutes as a PDF, replacing an earlier upload. */
export async function uploadMinutes(
  deps: FileDeps,
  ctx: RequestContext,
  id: string,
  fileName: string,
  bytes: Buffer,
): Promise<Meeting> {
  const actor = requireGovernanceEditor(ctx);
  const sha256 = checkedPdf(actor, deps.maxBytes, fileName, bytes);
  let stored: string | null = null;
  try {
    const old = await withScope(deps.db, actor.scope, async (tx) => {
      const before = await tx
        .selectFrom('gov_meeting')
        .selectAll()
        .where('id', '=', id)
        .where(() => regionInScope('region_code', actor.scope))
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw notFound(actor.locale);
      stored = await deps.store.put(String(before.id), bytes);
      await tx
        .updateTable('gov_meeting')
        .set({ minutes_name: fileName, minutes_size: bytes.length, minutes_sha256: sha256, minutes_key: stored })
        .where('id', '=', id)
        .where(() => regionInScope('region_code', actor.scope))
        .execute();
      await writeAudit(tx, ctx, {
        action: 'governance.meeting.minutes',
        entity: 'gov_meeting',
        entityId: id,
        region: before.region_code,
        before: before.minutes_sha256 ? { file_name: before.minutes_name, sha256: before.minutes_sha256 } : undefined,
        after: { file_name: fileName, size: bytes.length, sha256 },
      });
      return before.minutes_key;
    });
    if (old) await deps.store.remove(old);
  } catch (err) {
    if (stored) await deps.store.remove(stored);
    throw err;
  }
  return getMeeting(deps.db, ctx, id);
}

/** `GET /api/governance/meetings/:id/minutes`: audited (committed) before the first byte leaves. */
export async function openMinutes(
  deps: FileDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ name: string; size: number; stream: Readable }> {
  const actor = requireGovernanceReader(ctx);
  return openStoredPdf(
    deps,
    ctx,
    actor,
    async (tx) => {
      const found = await tx
        .selectFrom('gov_meeting')
        .select(['minutes_key', 'minutes_sha256', 'minutes_size', 'region_code'])
        .where('id', '=', id)
        .where(() => regionInScope('region_code', actor.scope))
        .executeTakeFirst();
      return (
        found && {
          key: found.minutes_key,
          sha256: found.minutes_sha256,
          size: found.minutes_size,
          region: found.region_code,
        }
      );
    },
    {
      action: 'governance.meeting.minutes_download',
      entity: 'gov_meeting',
      id,
      name: `notulen-${id}.pdf`,
      what: 'meeting',
    },
  );
}

/** `GET /api/governance/villages/briefing`: every village of the caller's region, briefed in the period or not. */
export async function villageBriefing(
  db: Db,
  ctx: RequestContext,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<BriefingList> {
  const actor = requireGovernanceReader(ctx);
  if (actor.scope === '*') {
    throw new AppError('OUT_OF_SCOPE', { region: '*' });
  }
  const today = todayWib(systemClock());
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  const r = await villagesBriefed(db, ctx, { region: actor.scope, from, to });
  return {
    from,
    to,
    villages: r.villages,
    briefed: r.briefed,
    items: r.rows.map((v) => ({
      villageCode: v.villageCode,
      villageName: v.villageName,
      meetings: v.meetings,
      attendees: v.attendees,
    })),
  };
}
