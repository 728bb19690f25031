// "Lanjutkan mandiri" (issue 18 §5): persons whose funded enrollment ended — the period is over, they left the
// OPD (withdrawn, moved, replaced) or the election they served is over — and who are not covered today (the one
// definition, `lindung_nik_covered`) nor enrolled again. Each is priced as a self-paid BPU participant at their
// income with the contribution engine on today's rules, so the PP 50/2025 treatment in force is the engine's.
import { sql } from 'kysely';
import type { ContinuationPerson } from '../../../lib/contracts/programs.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { word } from '../../../lib/i18n/words.ts';
import { incomeForEarnings } from '../../../lib/rules/contributions.ts';
import { firstDay, monthOf, todayWib } from '../../../lib/rules/eligibility.ts';
import { formatRupiah } from '../../../lib/rules/money.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { loadRules, quote } from '../contributions/index.ts';
import { scopeLabels } from '../regions/index.ts';
import type { Scope } from '../../../lib/access/roles.ts';
import { requireEnrollmentReader } from './programs.policy.ts';
import { systemClock, type Clock } from './programs.service.ts';
import { CONTINUATION_WORDS } from './pu.words.ts';

type Row = {
  enrollment_id: string;
  worker_id: string;
  program_id: string;
  village_code: string;
  last_month: string;
  end_reason: string | null;
  earnings: string;
  program_name: string;
  election: boolean;
  full_name: string;
  nik: string;
  segment: string;
  total: string;
};

async function endedPersons(
  tx: Tx,
  scope: Scope,
  today: string,
  page: { limit: number; offset: number; workerId?: string; programId?: string },
): Promise<Row[]> {
  const thisMonth = firstDay(monthOf(today));
  const r = await sql<Row>`
    WITH last_funded AS (
      SELECT DISTINCT ON (e.worker_id) e.id, e.worker_id, e.program_id, e.village_code, e.last_month, e.end_reason,
             e.wage
      FROM enrollment e
      WHERE e.status IN ('active', 'ended') AND e.last_month < ${thisMonth}::date
        AND ${regionInScope('e.village_code', scope)}
        ${page.workerId ? sql`AND e.worker_id = ${page.workerId}::bigint` : sql``}
      ORDER BY e.worker_id, e.last_month DESC, e.id DESC
    )
    SELECT x.id::text AS enrollment_id, x.worker_id::text AS worker_id, x.program_id::text AS program_id,
           x.village_code, x.last_month::text AS last_month, x.end_reason,
           coalesce(x.wage, p.declared_income)::text AS earnings, p.name AS program_name,
           (p.service_months IS NOT NULL OR p.employer_kind IN ('kpu', 'bawaslu')) AS election,
           w.full_name, w.nik, w.segment, count(*) OVER ()::text AS total
    FROM last_funded x
    JOIN program p ON p.id = x.program_id
    JOIN worker_directory w ON w.id = x.worker_id
    WHERE p.funder <> 'self'
      ${page.programId ? sql`AND x.program_id = ${page.programId}::bigint` : sql``}
      AND x.end_reason IS DISTINCT FROM 'death'
      AND w.life_status = 'alive' AND w.merged_into IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM enrollment o
        WHERE o.worker_id = x.worker_id AND o.status NOT IN ('rejected', 'ended') AND o.last_month >= ${thisMonth}::date
      )
      AND NOT lindung_nik_covered(w.nik, ${today}::date)
    ORDER BY w.name_key, w.id
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(tx);
  return r.rows;
}

function reasonOf(row: Row): ContinuationPerson['reason'] {
  if (row.end_reason !== null && row.end_reason !== 'period_end') return 'left';
  return row.election ? 'election_over' : 'period_over';
}

/** The self-paid BPU price (JKK+JKM) at each distinct income, with today's PP 50/2025 treatment in words. */
async function bpuPrices(db: Db, rows: Row[], today: string, locale: Locale) {
  const rules = await loadRules(db);
  const prices = new Map<
    string,
    Pick<ContinuationPerson, 'bpuIncome' | 'monthly' | 'grossMonthly' | 'treatment' | 'basis'>
  >();
  for (const row of rows) {
    const sector = row.segment === 'driver' ? 'transport' : 'other';
    const key = `${row.earnings}/${sector}`;
    if (prices.has(key)) continue;
    const bpuIncome = incomeForEarnings(Math.max(Number(row.earnings), 0), today, rules).income;
    const q = await quote(db, { category: 'bpu', income: bpuIncome, programs: ['jkk', 'jkm'], sector, date: today });
    const gross = q.items.reduce((a, i) => a + (i.grossAmount ?? i.amount), 0);
    const discounted = q.items.filter((i) => i.grossAmount !== undefined && i.grossAmount !== i.amount);
    const treatment = discounted.length
      ? word(CONTINUATION_WORDS.discount, locale, { saved: formatRupiah(gross - q.total), basis: discounted[0]!.basis })
      : word(CONTINUATION_WORDS.noDiscount, locale);
    prices.set(key, {
      bpuIncome,
      monthly: q.total,
      grossMonthly: gross,
      treatment,
      basis: [...new Set(q.items.flatMap((i) => i.basis.split('; ')))].join('; '),
    });
  }
  return (row: Row) => prices.get(`${row.earnings}/${row.segment === 'driver' ? 'transport' : 'other'}`)!;
}

async function present(db: Db, tx: Tx, rows: Row[], today: string, locale: Locale): Promise<ContinuationPerson[]> {
  const price = await bpuPrices(db, rows, today, locale);
  const labels = await scopeLabels(tx, [...new Set(rows.map((r) => r.village_code))], locale);
  return rows.map((r) => ({
    workerId: r.worker_id,
    enrollmentId: r.enrollment_id,
    fullName: r.full_name,
    nikMasked: maskNik(r.nik),
    village: r.village_code,
    villageLabel: labels.get(r.village_code) ?? r.village_code,
    programId: r.program_id,
    programName: r.program_name,
    lastMonth: monthOf(r.last_month),
    reason: reasonOf(r),
    earnings: Number(r.earnings),
    ...price(r),
  }));
}

export async function continuationList(
  db: Db,
  ctx: RequestContext,
  query: { page: number; pageSize: number; program?: string },
  clock: Clock = systemClock,
) {
  const actor = requireEnrollmentReader(ctx);
  const today = todayWib(clock());
  return withScope(db, actor.scope, async (tx) => {
    const rows = await endedPersons(tx, actor.scope, today, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      ...(query.program && { programId: query.program }),
    });
    return {
      items: await present(db, tx, rows, today, actor.locale),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

/** Everyone on the list (the export), at most `limit`. */
export async function continuationAll(db: Db, ctx: RequestContext, limit: number, clock: Clock = systemClock) {
  const list = await continuationList(db, ctx, { page: 1, pageSize: limit }, clock);
  return { items: list.items, locale: requireEnrollmentReader(ctx).locale };
}

/** One person of the list, with their full name and NIK for the letter; the letter is audited. */
export async function continuationLetterFacts(
  db: Db,
  ctx: RequestContext,
  workerId: string,
  clock: Clock = systemClock,
) {
  const actor = requireEnrollmentReader(ctx);
  const today = todayWib(clock());
  return withScope(db, actor.scope, async (tx) => {
    const rows = await endedPersons(tx, actor.scope, today, { limit: 1, offset: 0, workerId });
    const row = rows[0];
    if (!row)
      throw new AppError('NOT_FOUND', { entity: word(CONTINUATION_WORDS.person, actor.locale, { id: workerId }) });
    const [person] = await present(db, tx, [row], today, 'id');
    await writeAudit(tx, ctx, {
      action: 'continuation.letter',
      entity: 'worker',
      entityId: workerId,
      region: row.village_code,
      after: { enrollmentId: row.enrollment_id, monthly: person!.monthly },
    });
    return { person: person!, nik: row.nik, today, madeBy: actor.username };
  });
}
