// Read functions for other modules (the Paritrana assessment, issue 17): stable signatures, plain data, the rows
// behind every count. The caller decides who may ask (its own policy); these check only that the region lies within
// the caller's scope and read inside withScope, so row-level security filters again.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { inScope } from '../../../lib/access/roles.ts';
import type { Instrument, InstrumentKind } from '../../../lib/contracts/governance.ts';
import { interpolate } from '../../../lib/i18n/locale.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import * as repo from './instruments.repository.ts';
import { getInstrument, openInstrumentFile, toInstrument, type FileDeps } from './instruments.service.ts';
import { CONFLICT_WORDS, ENTITY_WORDS } from './governance.words.ts';

function scopeOf(ctx: RequestContext, region: string) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  if (!inScope(ctx.actor.scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
  return ctx.actor.scope;
}

export type InstrumentsInForce = {
  region: string;
  at: string;
  /** Count per kind (kinds with none are absent). */
  counts: { kind: InstrumentKind; count: number }[];
  /** The instruments behind the counts. */
  rows: Instrument[];
};

/**
 * Instruments enacted and in force on `at` for `region`: recorded for the region, for a region above it, for one of
 * its parts, or naming it among the regions covered; signed on or before `at`, effective on `at`. `kinds` narrows.
 */
export async function instrumentsInForce(
  db: Db,
  ctx: RequestContext,
  q: { region: string; at: string; kinds?: readonly InstrumentKind[] },
): Promise<InstrumentsInForce> {
  const scope = scopeOf(ctx, q.region);
  const rows = await withScope(db, scope, (tx) => repo.inForceAt(tx, scope, q.region, q.at, q.kinds));
  const counts = new Map<InstrumentKind, number>();
  for (const r of rows) counts.set(r.kind as InstrumentKind, (counts.get(r.kind as InstrumentKind) ?? 0) + 1);
  return {
    region: q.region,
    at: q.at,
    counts: [...counts].map(([kind, count]) => ({ kind, count })),
    rows: rows.map((r) => toInstrument(r, q.at)),
  };
}

export type WorkItemOnTime = {
  itemId: string;
  planId: string;
  planTitle: string;
  title: string;
  dueOn: string;
  measureKind: string;
  /** Manual: done with its date on or before the due date. Computed: a computation on or before the due date
   *  reached the target. */
  doneOnTime: boolean;
  doneOn: string | null;
};

export type WorkItemsOnTime = {
  region: string;
  from: string;
  to: string;
  due: number;
  doneOnTime: number;
  rows: WorkItemOnTime[];
};

/** Action items of the region's joint work plans due in [from, to], and which of them were done on time. */
export async function workItemsDoneOnTime(
  db: Db,
  ctx: RequestContext,
  q: { region: string; from: string; to: string },
): Promise<WorkItemsOnTime> {
  const scope = scopeOf(ctx, q.region);
  const rows = await withScope(db, scope, async (tx) => {
    const r = await sql<{
      id: string;
      plan_id: string;
      plan_title: string;
      title: string;
      due_on: string;
      measure_kind: string;
      done_on: string | null;
    }>`
      SELECT i.id::text, i.plan_id::text, p.title AS plan_title, i.title, i.due_on::text, i.measure_kind,
             CASE WHEN i.measure_kind = 'manual' THEN (CASE WHEN i.done THEN i.done_on END)::text
                  ELSE (SELECT min(g.computed_on)::text FROM gov_item_progress g
                         WHERE g.item_id = i.id AND g.value >= g.target) END AS done_on
        FROM gov_action_item i JOIN gov_plan p ON p.id = i.plan_id
       WHERE ${regionInScope('i.region_code', scope)}
         AND (i.region_code = ${q.region} OR starts_with(i.region_code, ${`${q.region}.`}))
         AND i.due_on BETWEEN ${q.from}::date AND ${q.to}::date
       ORDER BY i.due_on, i.id`.execute(tx);
    return r.rows;
  });
  const out = rows.map((r) => ({
    itemId: r.id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    title: r.title,
    dueOn: r.due_on,
    measureKind: r.measure_kind,
    doneOn: r.done_on,
    doneOnTime: r.done_on !== null && r.done_on <= r.due_on,
  }));
  return {
    region: q.region,
    from: q.from,
    to: q.to,
    due: out.length,
    doneOnTime: out.filter((r) => r.doneOnTime).length,
    rows: out,
  };
}

export type VillageBriefing = {
  villageCode: string;
  villageName: string;
  /** Meetings held in the period with attendance recorded for this village. */
  meetings: number;
  attendees: number;
  lastHeldOn: string | null;
};

export type VillagesBriefed = {
  region: string;
  from: string;
  to: string;
  villages: number;
  briefed: number;
  /** Every village of the region, briefed or not (meetings = 0: not yet briefed). */
  rows: VillageBriefing[];
};

/** Villages of `region` with attendance in a meeting (any kind) held in [from, to]. */
export async function villagesBriefed(
  db: Db,
  ctx: RequestContext,
  q: { region: string; from: string; to: string },
): Promise<VillagesBriefed> {
  const scope = scopeOf(ctx, q.region);
  const rows = await withScope(db, scope, async (tx) => {
    const r = await sql<{
      code: string;
      name: string;
      meetings: number;
      attendees: number;
      last_held_on: string | null;
    }>`
      SELECT v.code, v.name,
             count(DISTINCT m.id)::int AS meetings,
             coalesce(sum(a.attendees) FILTER (WHERE m.id IS NOT NULL), 0)::int AS attendees,
             max(m.held_on)::text AS last_held_on
        FROM region_directory v
        LEFT JOIN gov_meeting_attendance a ON a.village_code = v.code AND ${regionInScope('a.region_code', scope)}
        LEFT JOIN gov_meeting m ON m.id = a.meeting_id AND m.held_on BETWEEN ${q.from}::date AND ${q.to}::date
       WHERE v.level = 'village'
         AND (v.code = ${q.region} OR starts_with(v.code, ${`${q.region}.`}))
       GROUP BY v.code, v.name
       ORDER BY v.code`.execute(tx);
    return r.rows;
  });
  const out = rows.map((r) => ({
    villageCode: r.code,
    villageName: r.name,
    meetings: r.meetings,
    attendees: r.attendees,
    lastHeldOn: r.last_held_on,
  }));
  return {
    region: q.region,
    from: q.from,
    to: q.to,
    villages: out.length,
    briefed: out.filter((r) => r.meetings > 0).length,
    rows: out,
  };
}

/**
 * An instrument with the bytes of its signed PDF, checked against the register's SHA-256: what another module copies
 * when it cites the instrument as evidence (the Paritrana self-assessment). Read with the governance reader's policy
 * and audited as a download of the register's file.
 */
export async function instrumentWithFile(
  deps: FileDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ instrument: Instrument; bytes: Buffer }> {
  const instrument = await getInstrument(deps.db, ctx, id);
  const locale = ctx.actor?.locale ?? 'id';
  if (!instrument.file) throw new AppError('NOT_FOUND', { entity: ENTITY_WORDS.file[locale] });
  const { stream } = await openInstrumentFile(deps, ctx, id);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  // Replaced between the two reads, or damaged on disk: never hand out bytes under a hash they do not have.
  if (createHash('sha256').update(bytes).digest('hex') !== instrument.file.sha256) {
    throw new AppError('CONFLICT', { detail: interpolate(CONFLICT_WORDS.fileChanged[locale], { id }) });
  }
  return { instrument, bytes };
}
