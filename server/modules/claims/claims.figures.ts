// Claims figures (issue 15 §8): what the protection delivered and what not covering cost, as aggregates over the
// module's own `claim` table, in a scope and a period. One function, `claimsFigures`, feeds the dashboards (through
// GET /api/claims/figures), the monthly report (reports calls it through index.ts) and, with its rows, other modules'
// assessments. Open data is a SECURITY DEFINER function (sql/claims-open-data.sql) with counts 1–4 withheld.
//
// Periods: "delivered" counts payments by their decision date, "reported"/"facilitated" and stages by the report
// date, service-level compliance by the decision date, gaps by the event date (as the gap ledger does).
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type {
  ClaimFigures,
  ClaimFiguresQuery,
  FigureGroup,
  OpenClaims,
} from '../../../lib/contracts/claims-figures.ts';
import { CLAIM_FIGURE_READERS } from '../../../lib/contracts/claims-figures.ts';
import { word } from '../../../lib/i18n/words.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { terbilangRupiah } from '../../../lib/rules/terbilang.ts';
import { systemClock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { requireRole } from '../access/index.ts';
import { scopeLabels } from '../regions/index.ts';
import { FIGURE_WORDS, GAP_WORDS, STAGE_WORDS } from './claims.words.ts';

/** One claim behind the figures (no names, no NIK): for other modules' assessments. */
export type ClaimFigureRow = {
  id: string;
  villageCode: string;
  type: 'jkm' | 'jkk';
  eventDate: string;
  reportedOn: string;
  covered: boolean;
  gapReason: string | null;
  stage: string;
  programName: string | null;
  funder: string | null;
  estimateTotal: number;
  paidAmount: number | null;
  decidedOn: string | null;
};

export type ClaimsFiguresResult = ClaimFigures & { rows: ClaimFigureRow[] };

/** Most rows handed out behind the figures. */
export const FIGURE_ROW_LIMIT = 20_000;

const PAID = sql<boolean>`c.status IN ('paid', 'closed') AND c.paid_amount IS NOT NULL`;

/** The region one level below the scope that a village code lies in ("34.02.01.2001" under "34.02" → "34.02.01"). */
function childOf(scope: Scope) {
  const depth = scope === '*' ? 1 : scope.split('.').length + 1;
  return sql<string>`array_to_string((string_to_array(c.village_code, '.'))[1:${sql.lit(depth)}], '.')`;
}

async function query(tx: Tx, scope: Scope, from: string, to: string) {
  const inScope = regionInScope('c.village_code', scope);
  const reportedIn = sql<boolean>`(c.created_at AT TIME ZONE 'Asia/Jakarta')::date BETWEEN ${from}::date AND ${to}::date`;
  const decidedIn = sql<boolean>`c.decided_on BETWEEN ${from}::date AND ${to}::date`;
  const eventIn = sql<boolean>`c.event_date BETWEEN ${from}::date AND ${to}::date`;
  const base = tx.selectFrom('claim as c').where(inScope);
  // Gap events as the ledger counts them: claims not covered on the event date and imported list entries.
  const gapEvents = sql`
    SELECT c.gap_reason, c.estimate_total FROM claim c WHERE NOT c.covered AND ${inScope} AND ${eventIn}
    UNION ALL
    SELECT e.gap_reason, e.estimate_total FROM claim_gap_entry e
    WHERE ${regionInScope(sql.ref('e.village_code'), scope)} AND e.event_date BETWEEN ${from}::date AND ${to}::date`;
  const paid = base.where(PAID).where(decidedIn);
  const group = (key: ReturnType<typeof sql<string>>) =>
    paid
      .select([
        key.as('key'),
        sql<string>`count(*)`.as('claims'),
        sql<string>`coalesce(sum(c.paid_amount), 0)`.as('amount'),
      ])
      .groupBy(key)
      .orderBy(sql`sum(c.paid_amount)`, 'desc')
      .execute();
  const [counts, byProgram, byFunder, byRegion, byStage, sla, gaps, byReason, rows] = await Promise.all([
    base
      .select([
        sql<string>`count(*) FILTER (WHERE ${reportedIn})`.as('reported'),
        sql<string>`count(*) FILTER (WHERE ${reportedIn} AND c.covered)`.as('facilitated'),
        sql<string>`count(*) FILTER (WHERE ${PAID} AND ${decidedIn})`.as('paid'),
        sql<string>`coalesce(sum(c.paid_amount) FILTER (WHERE ${PAID} AND ${decidedIn}), 0)`.as('amount'),
      ])
      .executeTakeFirstOrThrow(),
    group(sql<string>`coalesce(c.program_name, '')`),
    group(sql<string>`coalesce(c.funder, '')`),
    group(childOf(scope)),
    base
      .where(reportedIn)
      .select(['c.status as stage', sql<string>`count(*)`.as('claims')])
      .groupBy('c.status')
      .execute(),
    base
      .select([
        sql<string>`count(*) FILTER (WHERE c.sla_due_on IS NOT NULL AND ${decidedIn})`.as('decided'),
        sql<string>`count(*) FILTER (WHERE c.sla_due_on IS NOT NULL AND ${decidedIn} AND c.decided_on <= c.sla_due_on)`.as(
          'on_time',
        ),
        sql<string>`count(*) FILTER (WHERE c.sla_breached_at IS NOT NULL AND c.status IN ('complete', 'handed'))`.as(
          'overdue',
        ),
      ])
      .executeTakeFirstOrThrow(),
    sql<{ events: string; missed: string }>`SELECT count(*)::text AS events,
        coalesce(sum(g.estimate_total), 0)::text AS missed FROM (${gapEvents}) g`
      .execute(tx)
      .then((r) => r.rows[0]!),
    sql<{ key: string; claims: string; amount: string }>`SELECT g.gap_reason AS key, count(*)::text AS claims,
        coalesce(sum(g.estimate_total), 0)::text AS amount FROM (${gapEvents}) g GROUP BY 1 ORDER BY 1`
      .execute(tx)
      .then((r) => r.rows),
    base
      .where(sql<boolean>`(${reportedIn} OR ${decidedIn} OR (NOT c.covered AND ${eventIn}))`)
      .select([
        'c.id',
        'c.village_code',
        'c.type',
        'c.event_date',
        sql<string>`to_char((c.created_at AT TIME ZONE 'Asia/Jakarta')::date, 'YYYY-MM-DD')`.as('reported_on'),
        'c.covered',
        'c.gap_reason',
        'c.status',
        'c.program_name',
        'c.funder',
        'c.estimate_total',
        'c.paid_amount',
        'c.decided_on',
      ])
      .orderBy('c.id')
      .limit(FIGURE_ROW_LIMIT)
      .execute(),
  ]);
  return { counts, byProgram, byFunder, byRegion, byStage, sla, gaps, byReason, rows };
}

/**
 * The claims figures of a scope between two days (inclusive, 'YYYY-MM-DD'), with the rows behind them. Reads only
 * the claims module's own table, inside `withScope` (row-level security again). For other modules: the caller has
 * already decided that its user may see `scope`.
 */
export async function claimsFigures(
  db: Db,
  scope: Scope,
  period: { from: string; to: string },
  locale: Locale = 'id',
): Promise<ClaimsFiguresResult> {
  const r = await withScope(db, scope, (tx) => query(tx, scope, period.from, period.to));
  const labels = await scopeLabels(
    db,
    r.byRegion.map((g) => g.key),
    locale,
  );
  const none = word(FIGURE_WORDS.none, locale);
  const groups = (rows: { key: string; claims: string; amount: string }[], label: (key: string) => string) =>
    rows.map((g): FigureGroup => ({
      key: g.key,
      label: label(g.key),
      claims: Number(g.claims),
      amount: Number(g.amount),
    }));
  const decided = Number(r.sla.decided);
  const onTime = Number(r.sla.on_time);
  const amount = Number(r.counts.amount);
  const missed = Number(r.gaps.missed);
  return {
    region: scope,
    from: period.from,
    to: period.to,
    reported: Number(r.counts.reported),
    facilitated: Number(r.counts.facilitated),
    delivered: { claims: Number(r.counts.paid), amount, words: terbilangRupiah(amount) },
    byProgram: groups(r.byProgram, (k) => k || none),
    byFunder: groups(r.byFunder, (k) => k || none),
    byRegion: groups(r.byRegion, (k) => labels.get(k) ?? k),
    byStage: r.byStage
      .map((s) => ({ stage: s.stage, claims: Number(s.claims) }))
      .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage)),
    sla: {
      decided,
      onTime,
      late: decided - onTime,
      overdue: Number(r.sla.overdue),
      percentOnTime: decided > 0 ? Math.round((onTime / decided) * 10_000) / 100 : null,
    },
    gaps: {
      events: Number(r.gaps.events),
      missed,
      words: terbilangRupiah(missed),
      byReason: groups(r.byReason, (k) =>
        k in GAP_WORDS ? word(GAP_WORDS[k as keyof typeof GAP_WORDS], locale) : k || none,
      ),
    },
    rows: r.rows.map((c) => ({
      id: String(c.id),
      villageCode: c.village_code,
      type: c.type,
      eventDate: c.event_date,
      reportedOn: c.reported_on,
      covered: c.covered,
      gapReason: c.gap_reason,
      stage: c.status,
      programName: c.program_name,
      funder: c.funder,
      estimateTotal: Number(c.estimate_total),
      paidAmount: c.paid_amount === null ? null : Number(c.paid_amount),
      decidedOn: c.decided_on,
    })),
  };
}

const STAGE_ORDER: readonly string[] = Object.keys(STAGE_WORDS);

/** `GET /api/claims/figures`: the aggregates of the caller's scope (or a region in it), no rows, no persons. */
export async function getClaimFigures(db: Db, ctx: RequestContext, q: ClaimFiguresQuery): Promise<ClaimFigures> {
  const actor = requireRole(ctx, CLAIM_FIGURE_READERS);
  const region = q.region ?? actor.scope;
  if (actor.scope !== '*' && !(region === actor.scope || region.startsWith(`${actor.scope}.`))) {
    throw new AppError('OUT_OF_SCOPE', { region });
  }
  const today = todayWib(systemClock());
  const fromMonth = q.from ?? `${today.slice(0, 4)}-01`;
  const toMonth = q.to ?? today.slice(0, 7);
  if (toMonth < fromMonth) throw new AppError('VALIDATION_FAILED', { detail: word(FIGURE_WORDS.period, actor.locale) });
  const { rows: _rows, ...figures } = await claimsFigures(
    db,
    region,
    { from: `${fromMonth}-01`, to: lastDayOf(toMonth) },
    actor.locale,
  );
  return figures;
}

/** "2026-02" → "2026-02-28". */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** `GET /open/claims`: per district of a year, claims reported, paid, and gap events; every count 1–4 withheld. */
export async function openClaims(db: Db, q: { year?: number }): Promise<OpenClaims> {
  const year = q.year ?? Number(todayWib(systemClock()).slice(0, 4));
  return withScope(db, '', async (tx) => {
    const { rows } = await sql<{
      district_code: string;
      reported: number | null;
      paid: number | null;
      gaps: number | null;
    }>`
      SELECT district_code, reported, paid, gaps FROM lindung_open_claims(${year}::integer) ORDER BY district_code`.execute(
      tx,
    );
    const labels = await scopeLabels(
      tx,
      rows.map((r) => r.district_code),
      'id',
    );
    return {
      year,
      note:
        'Klaim JKK/JKM yang difasilitasi per kecamatan: dilaporkan (tanggal lapor), dibayar BPJS (tanggal ' +
        'keputusan), dan kejadian orang yang tidak tertanggung (tanggal kejadian). Angka 1–4 disembunyikan (null) ' +
        'untuk melindungi data pribadi.',
      districts: rows.map((r) => ({
        code: r.district_code,
        label: labels.get(r.district_code) ?? r.district_code,
        reported: r.reported,
        paid: r.paid,
        gaps: r.gaps,
      })),
    };
  });
}
