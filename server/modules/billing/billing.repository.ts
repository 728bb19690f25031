// Billing's SQL. Bills, lines and payments are billing's own tables. Everything else it reads through the views
// their owners publish (server/db/ownership.ts): the programmes' prices and periods (program_directory) and
// participations (enrollment_coverage), the registry's worker names and NIKs (worker_directory) and the members
// of the current BPJS snapshots (bpjs_member_current, exchange). An enrollment's paid_through is written by the
// programmes module (advancePaidThrough), given the paid months listed here.
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type {
  BillListQuery,
  BillStatus,
  LapseListQuery,
  LapseSource,
  PaymentListQuery,
} from '../../../lib/contracts/billing.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope, regionOverlapsScope } from '../../platform/scope-sql.ts';
import type { PaidMonth } from '../programs/index.ts';

const inRegion = regionInScope;
const col = (name: string) => sql.ref(name);

/** A programme (and its bills) is visible inside its region, above it and below it (policy program_read). */
const overlaps = regionOverlapsScope;

/** The lapse_rule category of a programme's bills: PU programmes' contributions fall due as PU, the others as BPU. */
const billCategory = (a: string) => sql<string>`CASE WHEN ${sql.ref(`${a}.category`)} = 'pu' THEN 'PU' ELSE 'BPU' END`;

// ---------------------------------------------------------------------------------------------------------------
// Bills

/**
 * Brings the bills of the programmes managed in `scope` up to date through month `through` (first day), in five
 * set-based statements: creates the missing bills of months that have billable enrollments, then, for bills with
 * no payment yet (locked), refreshes price and due date, drops lines no longer billable, adds new ones and sums
 * them. A bill with a payment is frozen. Returns how many bills were created and how many changed.
 */
export async function generateBills(
  tx: Tx,
  scope: Scope,
  p: { programId: string | null; through: string; by: string },
): Promise<{ created: string[]; refreshed: string[] }> {
  const programFilter = p.programId === null ? sql<boolean>`true` : sql<boolean>`pr.id = ${p.programId}::bigint`;
  // Enrollments registered with BPJS (KPJ and coverage start) that cover a month of their programme.
  const billable = sql`
    SELECT pr.id AS program_id, pr.region_code, pr.category, m.month, pr.price_by_month[m.i] AS price, e.id AS enrollment_id,
           e.kabkota_code, e.worker_id, e.village_code, coalesce(e.price_by_month[m.i], pr.price_by_month[m.i]) AS line_price
    FROM program_directory pr
    CROSS JOIN LATERAL (
      SELECT (pr.start_month + make_interval(months => i - 1))::date AS month, i
      FROM generate_series(1, pr.months) AS i
    ) AS m
    JOIN enrollment_coverage e ON e.program_id = pr.id
    WHERE ${inRegion(col('pr.region_code'), scope)} AND ${programFilter}
      AND m.month <= ${p.through}::date
      AND m.month BETWEEN date_trunc('month', e.coverage_start)::date AND e.coverage_end`;

  const created = await sql<{ id: string }>`
    INSERT INTO bill (program_id, region_code, month, persons, price_per_person, amount, due_date, generated_by)
    SELECT DISTINCT b.program_id, b.region_code, b.month, 0, b.price, 0, lindung_due_date(${billCategory('b')}, b.month),
           ${p.by}
    FROM (${billable}) AS b
    ORDER BY 1, 3
    ON CONFLICT (program_id, month) DO NOTHING
    RETURNING id`.execute(tx);

  // The unpaid bills in reach, locked: a payment arriving meanwhile waits, and a bill paid meanwhile is skipped.
  const open = await sql<{ id: string }>`
    SELECT b.id
    FROM bill b JOIN program_directory pr ON pr.id = b.program_id
    WHERE ${inRegion(col('pr.region_code'), scope)} AND ${programFilter}
      AND b.month <= ${p.through}::date AND b.paid = 0
    ORDER BY b.id
    FOR UPDATE OF b`.execute(tx);
  const ids = open.rows.map((r) => r.id);
  if (ids.length === 0) return { created: created.rows.map((r) => r.id), refreshed: [] };

  await sql`
    UPDATE bill b
    SET price_per_person = pr.price_by_month[lindung_month_number(b.month) - lindung_month_number(pr.start_month) + 1],
        due_date = lindung_due_date(${billCategory('pr')}, b.month)
    FROM program_directory pr
    WHERE pr.id = b.program_id AND b.id = ANY (${ids}::bigint[])
      AND (b.price_per_person, b.due_date) IS DISTINCT FROM
          (pr.price_by_month[lindung_month_number(b.month) - lindung_month_number(pr.start_month) + 1],
           lindung_due_date(${billCategory('pr')}, b.month))`.execute(tx);

  const desired = sql`
    SELECT b.id AS bill_id, x.enrollment_id, x.kabkota_code, x.worker_id, x.village_code, x.line_price AS amount
    FROM bill b JOIN (${billable}) AS x ON x.program_id = b.program_id AND x.month = b.month
    WHERE b.id = ANY (${ids}::bigint[])`;

  const dropped = await sql<{ bill_id: string }>`
    DELETE FROM bill_line l
    WHERE l.bill_id = ANY (${ids}::bigint[])
      AND NOT EXISTS (SELECT 1 FROM (${desired}) AS d
                      WHERE d.bill_id = l.bill_id AND d.enrollment_id = l.enrollment_id AND d.amount = l.amount)
    RETURNING l.bill_id`.execute(tx);
  const added = await sql<{ bill_id: string }>`
    INSERT INTO bill_line (bill_id, enrollment_id, kabkota_code, worker_id, village_code, amount)
    SELECT d.bill_id, d.enrollment_id, d.kabkota_code, d.worker_id, d.village_code, d.amount FROM (${desired}) AS d
    ON CONFLICT (bill_id, enrollment_id) DO NOTHING
    RETURNING bill_id`.execute(tx);

  const touched = [...new Set([...dropped.rows, ...added.rows].map((r) => r.bill_id))];
  if (touched.length > 0) {
    await sql`
      UPDATE bill b
      SET persons = s.persons, amount = s.amount, updated_at = now()
      FROM (
        SELECT b2.id, count(l.enrollment_id)::integer AS persons, coalesce(sum(l.amount), 0)::bigint AS amount
        FROM bill b2 LEFT JOIN bill_line l ON l.bill_id = b2.id
        WHERE b2.id = ANY (${touched}::bigint[])
        GROUP BY b2.id
      ) AS s
      WHERE b.id = s.id`.execute(tx);
  }
  const createdIds = new Set(created.rows.map((r) => r.id));
  return { created: [...createdIds], refreshed: touched.filter((id) => !createdIds.has(id)) };
}

export type BillRow = {
  id: string;
  program_id: string;
  program_name: string;
  region_code: string;
  month: string;
  persons: number;
  price_per_person: string;
  amount: string;
  paid: string;
  due_date: string;
};

const BILL_SELECT = sql`
  SELECT b.id, b.program_id, pr.name AS program_name, b.region_code, b.month, b.persons, b.price_per_person,
         b.amount, b.paid, b.due_date
  FROM bill b JOIN program_directory pr ON pr.id = b.program_id`;

function statusCondition(status: BillStatus): RawBuilder<boolean> {
  if (status === 'paid') return sql<boolean>`b.paid >= b.amount`;
  if (status === 'partial') return sql<boolean>`(b.paid > 0 AND b.paid < b.amount)`;
  return sql<boolean>`(b.paid = 0 AND b.amount > 0)`;
}

function billWhere(scope: Scope, q: Omit<BillListQuery, 'page' | 'pageSize'>): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [overlaps(col('b.region_code'), scope)];
  if (q.programId) parts.push(sql<boolean>`b.program_id = ${q.programId}::bigint`);
  if (q.month) parts.push(sql<boolean>`b.month = ${`${q.month}-01`}::date`);
  if (q.status) parts.push(statusCondition(q.status));
  return sql<boolean>`${sql.join(parts, sql` AND `)}`;
}

export async function listBills(tx: Tx, scope: Scope, q: BillListQuery, today: string) {
  const where = billWhere(scope, q);
  const [items, totals] = await Promise.all([
    sql<BillRow>`${BILL_SELECT} WHERE ${where}
      ORDER BY b.month DESC, pr.name, b.id
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(tx),
    sql<{ n: string; amount: string; paid: string; arrears: string; overdue: string }>`
      SELECT count(*) AS n, coalesce(sum(b.amount), 0) AS amount, coalesce(sum(b.paid), 0) AS paid,
             coalesce(sum(b.amount - b.paid) FILTER (WHERE b.due_date < ${today}::date), 0) AS arrears,
             count(*) FILTER (WHERE b.due_date < ${today}::date AND b.paid < b.amount) AS overdue
      FROM bill b WHERE ${where}`.execute(tx),
  ]);
  const t = totals.rows[0]!;
  return {
    items: items.rows,
    total: Number(t.n),
    totals: {
      amount: Number(t.amount),
      paid: Number(t.paid),
      outstanding: Number(t.amount) - Number(t.paid),
      arrears: Number(t.arrears),
      overdueBills: Number(t.overdue),
    },
  };
}

/** Every bill matching the filters (for the XLSX export), newest month first. */
export async function allBills(tx: Tx, scope: Scope, q: Omit<BillListQuery, 'page' | 'pageSize'>) {
  const r = await sql<BillRow>`${BILL_SELECT} WHERE ${billWhere(scope, q)}
    ORDER BY b.month DESC, pr.name, b.id LIMIT 100000`.execute(tx);
  return r.rows;
}

export async function findBill(tx: Tx, scope: Scope, id: string, lock = false): Promise<BillRow | undefined> {
  const r = await sql<BillRow>`${BILL_SELECT}
    WHERE b.id = ${id}::bigint AND ${overlaps(col('b.region_code'), scope)}
    ${lock ? sql`FOR UPDATE OF b` : sql``}`.execute(tx);
  return r.rows[0];
}

export async function addPaid(tx: Tx, billId: string, amount: number): Promise<void> {
  await sql`UPDATE bill SET paid = paid + ${amount}::bigint, updated_at = now() WHERE id = ${billId}::bigint`.execute(
    tx,
  );
}

/**
 * Every fully paid month of the enrollments on this bill (those in scope), as the relation programs'
 * advancePaidThrough takes: it moves their paid_through to the end of the paid run from the coverage start.
 */
export function paidMonthsOfBill(scope: Scope, billId: string): RawBuilder<PaidMonth> {
  return sql<PaidMonth>`
    SELECT l.enrollment_id, b.month
    FROM bill_line l JOIN bill b ON b.id = l.bill_id
    WHERE l.enrollment_id IN (SELECT m.enrollment_id FROM bill_line m
                              WHERE m.bill_id = ${billId}::bigint AND ${inRegion(col('m.village_code'), scope)})
      AND b.amount > 0 AND b.paid >= b.amount`;
}

// ---------------------------------------------------------------------------------------------------------------
// Payments

export type PaymentRow = {
  id: string;
  bill_id: string;
  program_id: string;
  program_name: string;
  month: string;
  paid_on: string;
  amount: string;
  reference: string;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
};

const PAYMENT_SELECT = sql`
  SELECT pa.id, pa.bill_id, pa.program_id, pr.name AS program_name, b.month, pa.paid_on, pa.amount, pa.reference,
         pa.note, pa.recorded_by, pa.recorded_at
  FROM payment pa JOIN bill b ON b.id = pa.bill_id JOIN program_directory pr ON pr.id = pa.program_id`;

export async function insertPayment(
  tx: Tx,
  p: { bill: BillRow; paidOn: string; amount: number; reference: string; note: string | null; by: string },
): Promise<PaymentRow> {
  const row = await tx
    .insertInto('payment')
    .values({
      bill_id: p.bill.id,
      program_id: p.bill.program_id,
      region_code: p.bill.region_code,
      paid_on: p.paidOn,
      amount: p.amount,
      reference: p.reference,
      note: p.note,
      recorded_by: p.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = await sql<PaymentRow>`${PAYMENT_SELECT} WHERE pa.id = ${row.id}::bigint`.execute(tx);
  return r.rows[0]!;
}

/** The payment of this programme already recorded under this reference (case and outer spaces ignored). */
export async function findPaymentByReference(tx: Tx, programId: string, reference: string) {
  const r = await sql<PaymentRow>`${PAYMENT_SELECT}
    WHERE pa.program_id = ${programId}::bigint AND lower(btrim(pa.reference)) = lower(btrim(${reference}))
    LIMIT 1`.execute(tx);
  return r.rows[0];
}

export async function listPayments(tx: Tx, scope: Scope, q: PaymentListQuery) {
  const parts: RawBuilder<boolean>[] = [overlaps(col('pa.region_code'), scope)];
  if (q.programId) parts.push(sql<boolean>`pa.program_id = ${q.programId}::bigint`);
  if (q.billId) parts.push(sql<boolean>`pa.bill_id = ${q.billId}::bigint`);
  const where = sql.join(parts, sql` AND `);
  const [items, total] = await Promise.all([
    sql<PaymentRow>`${PAYMENT_SELECT} WHERE ${where}
      ORDER BY pa.paid_on DESC, pa.id DESC
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(tx),
    sql<{ n: string }>`SELECT count(*) AS n FROM payment pa WHERE ${where}`.execute(tx),
  ]);
  return { items: items.rows, total: Number(total.rows[0]!.n) };
}

/** Rupiah billed and paid per billed month for programmes whose region lies in `region` (and in view). */
export async function billingByMonth(
  tx: Tx,
  scope: Scope,
  q: { region: string; from: string; to: string },
): Promise<{ month: string; billed: string; paid: string }[]> {
  const r = await sql<{ month: string; billed: string; paid: string }>`
    SELECT to_char(m, 'YYYY-MM') AS month, coalesce(sum(b.amount), 0) AS billed, coalesce(sum(b.paid), 0) AS paid
    FROM generate_series(${q.from}::date, ${q.to}::date, interval '1 month') AS m
    LEFT JOIN bill b
      ON b.month = m::date AND ${inRegion(col('b.region_code'), q.region)} AND ${overlaps(col('b.region_code'), scope)}
    GROUP BY m
    ORDER BY m`.execute(tx);
  return r.rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Participations: programme enrollments and current BPJS snapshot members, with their state on a date

export type ParticipationRow = {
  source: LapseSource;
  nik: string;
  full_name: string | null;
  worker_id: string | null;
  phone: string | null;
  life_status: string | null;
  death_date: string | null;
  program_id: string | null;
  program_name: string | null;
  kpj_number: string | null;
  category: string;
  coverage_start: string;
  coverage_end: string | null;
  paid_through: string | null;
  village_code: string | null;
  /** The programme enrollment's id; NULL for a snapshot member. */
  enrollment_id: string | null;
  /** The as-of date of the current snapshot the member row belongs to; NULL for an enrollment. */
  snapshot_as_of: string | null;
  state: 'covered' | 'lapsed' | 'not_started' | 'ended';
  lapse_date: string | null;
};

/**
 * Every participation in scope as one relation: active (and, with `withEnded`, ended) enrollments registered with
 * BPJS, members of each region's current snapshot, and workers of certified APBD construction projects (Jakon),
 * with lindung_coverage_state and lindung_lapse_date at `at`.
 */
function participations(scope: Scope, at: string, o: { withEnded: boolean; niks?: readonly string[] }) {
  return sql`
    SELECT x.*,
           lindung_coverage_state(x.category, x.coverage_start, x.coverage_end, x.paid_through, ${at}::date) AS state,
           lindung_lapse_date(x.category, x.coverage_start, x.coverage_end, x.paid_through, ${at}::date) AS lapse_date
    FROM (${participationSources(scope, o)}) AS x`;
}

/**
 * The participations themselves (no state): enrollments registered with BPJS, current snapshot members and the Jakon
 * of certified APBD construction projects.
 */
function participationSources(scope: Scope, o: { withEnded: boolean; niks?: readonly string[] }) {
  const statuses = o.withEnded ? ['active', 'ended'] : ['active'];
  const nikE = o.niks === undefined ? sql`true` : sql`w.nik = ANY (${o.niks}::text[])`;
  const nikM = o.niks === undefined ? sql`true` : sql`m.nik = ANY (${o.niks}::text[])`;
  return sql`
      SELECT 'program'::text AS source, w.nik, w.full_name, w.id::text AS worker_id, w.phone, w.life_status, w.death_date,
             pr.id::text AS program_id, pr.name AS program_name, e.kpj_number, e.category,
             e.coverage_start, e.coverage_end, e.paid_through, e.village_code,
             e.id::text AS enrollment_id, NULL::date AS snapshot_as_of
      FROM enrollment_coverage e
      JOIN worker_directory w ON w.id = e.worker_id
      JOIN program_directory pr ON pr.id = e.program_id
      WHERE e.status = ANY (${statuses}::text[])
        AND ${inRegion(col('e.village_code'), scope)} AND ${nikE}
      UNION ALL
      SELECT 'bpjs', m.nik, w.full_name, coalesce(w.id::text, m.worker_id::text), w.phone, w.life_status, w.death_date,
             NULL, NULL, m.kpj_number, m.category, m.coverage_start, m.coverage_end, m.paid_through,
             coalesce(m.village_code, w.village_code), NULL, m.as_of
      FROM bpjs_member_current m
      LEFT JOIN worker_directory w ON w.nik = m.nik
      WHERE (${inRegion(sql`coalesce(m.village_code, m.region_code)`, scope)}
             OR ${inRegion(col('m.region_code'), scope)}) AND ${nikM}
      UNION ALL
      SELECT 'project', w.nik, w.full_name, w.id::text, w.phone, w.life_status, w.death_date,
             NULL, p.project_name, NULL, p.category, p.coverage_start, p.coverage_end, p.paid_through,
             p.village_code, NULL, NULL
      FROM project_worker_coverage p
      JOIN worker_directory w ON w.id = p.worker_id
      WHERE ${inRegion(col('p.village_code'), scope)} AND ${nikE}`;
}

/** One (NIK, date) question of a list: each is judged at its own date. */
export type NikAt = { nik: string; at: string };

/**
 * The participations of many (NIK, date) pairs in one statement, each judged by lindung_coverage_state at the
 * pair's own date (a list of deaths and accidents), active and ended; `at` says which pair a row answers.
 */
export async function participationsAtDates(
  tx: Tx,
  scope: Scope,
  pairs: readonly NikAt[],
): Promise<(ParticipationRow & { at: string })[]> {
  if (pairs.length === 0) return [];
  const niks = pairs.map((p) => p.nik);
  const r = await sql<ParticipationRow & { at: string }>`
    WITH q AS (SELECT DISTINCT q.nik, q.at FROM unnest(${niks}::text[], ${pairs.map((p) => p.at)}::date[]) AS q (nik, at))
    SELECT to_char(q.at, 'YYYY-MM-DD') AS at, x.*,
           lindung_coverage_state(x.category, x.coverage_start, x.coverage_end, x.paid_through, q.at) AS state,
           lindung_lapse_date(x.category, x.coverage_start, x.coverage_end, x.paid_through, q.at) AS lapse_date
    FROM q JOIN (${participationSources(scope, { withEnded: true, niks })}) AS x ON x.nik = q.nik
    ORDER BY x.source DESC, x.coverage_start DESC`.execute(tx);
  return r.rows;
}

/**
 * Per (NIK, date) pair: whether a registry worker with the NIK is in the caller's scope, and whether the person was
 * covered on the date from every source in every region (lindung_nik_covered), in one statement.
 */
export async function nikFactsAtDates(
  tx: Tx,
  scope: Scope,
  pairs: readonly NikAt[],
): Promise<{ nik: string; at: string; registered: boolean; covered_anywhere: boolean }[]> {
  if (pairs.length === 0) return [];
  const r = await sql<{ nik: string; at: string; registered: boolean; covered_anywhere: boolean }>`
    SELECT q.nik, to_char(q.at, 'YYYY-MM-DD') AS at,
           EXISTS (SELECT 1 FROM worker_directory w WHERE w.nik = q.nik AND ${inRegion(col('w.village_code'), scope)})
             AS registered,
           lindung_nik_covered(q.nik, q.at) AS covered_anywhere
    FROM (SELECT DISTINCT q.nik, q.at
          FROM unnest(${pairs.map((p) => p.nik)}::text[], ${pairs.map((p) => p.at)}::date[]) AS q (nik, at)) AS q`.execute(
    tx,
  );
  return r.rows;
}

export async function participationsOf(tx: Tx, scope: Scope, nik: string, at: string): Promise<ParticipationRow[]> {
  return participationsOfNiks(tx, scope, [nik], at);
}

/** The same for a set of NIKs in one statement (a page of search results), active and ended, on `at`. */
export async function participationsOfNiks(
  tx: Tx,
  scope: Scope,
  niks: readonly string[],
  at: string,
): Promise<ParticipationRow[]> {
  if (niks.length === 0) return [];
  const r = await sql<ParticipationRow>`${participations(scope, at, { withEnded: true, niks })}
    ORDER BY x.source DESC, x.coverage_start DESC`.execute(tx);
  return r.rows;
}

/** Is there a registry worker with this NIK in the caller's scope? */
export async function nikRegisteredInScope(tx: Tx, scope: Scope, nik: string): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM worker_directory w WHERE w.nik = ${nik} AND ${inRegion(col('w.village_code'), scope)})
      AS found`.execute(tx);
  return r.rows[0]?.found ?? false;
}

/**
 * Covered on `at` from every source in every region (migration 0023's SECURITY DEFINER helper): one boolean, never
 * whether or where the person is registered.
 */
export async function nikCoveredAnywhere(tx: Tx, nik: string, at: string): Promise<boolean> {
  const r = await sql<{ covered: boolean }>`SELECT lindung_nik_covered(${nik}, ${at}::date) AS covered`.execute(tx);
  return r.rows[0]?.covered ?? false;
}

export type LapseRow = ParticipationRow & { kind: 'lapsed' | 'soon'; days_left: number; total: string };

/**
 * The "will lapse soon" list: per NIK the participation that protects the person longest (covered before lapsed,
 * later lapse date first, no lapse date best), listed when it is lapsed today or lapses within `horizon` days.
 */
export async function lapseWarnings(
  tx: Tx,
  scope: Scope,
  q: LapseListQuery,
  today: string,
  horizon: number,
): Promise<{ rows: LapseRow[]; total: number; counts: { lapsed: number; soon: number } }> {
  const filters: RawBuilder<boolean>[] = [sql<boolean>`true`];
  if (q.region) filters.push(inRegion(col('v.village_code'), q.region));
  if (q.source) filters.push(sql<boolean>`v.source = ${q.source}`);
  if (q.programId) filters.push(sql<boolean>`v.program_id = ${q.programId}`);
  const base = sql`
    WITH p AS (${participations(scope, today, { withEnded: false })}),
    best AS (
      SELECT DISTINCT ON (p.nik) p.*
      FROM p
      ORDER BY p.nik, CASE p.state WHEN 'covered' THEN 2 WHEN 'lapsed' THEN 1 ELSE 0 END DESC,
               p.lapse_date DESC NULLS FIRST, p.source
    ),
    v AS (
      SELECT best.*, CASE WHEN best.state = 'lapsed' THEN 'lapsed' ELSE 'soon' END AS kind,
             (best.lapse_date - ${today}::date) AS days_left
      FROM best
      WHERE best.state = 'lapsed'
         OR (best.state = 'covered' AND best.lapse_date <= ${today}::date + ${horizon}::integer)
    )`;
  const where = sql.join(filters, sql` AND `);
  const kindFilter = q.kind ? sql`AND v.kind = ${q.kind}` : sql``;
  const [rows, counts] = await Promise.all([
    sql<LapseRow>`${base}
      SELECT v.*, count(*) OVER () AS total FROM v WHERE ${where} ${kindFilter}
      ORDER BY v.lapse_date, v.full_name NULLS LAST, v.nik
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(tx),
    sql<{ kind: string; n: string }>`${base}
      SELECT v.kind, count(*) AS n FROM v WHERE ${where} GROUP BY v.kind`.execute(tx),
  ]);
  const n = (k: string) => Number(counts.rows.find((c) => c.kind === k)?.n ?? 0);
  const total = q.kind ? n(q.kind) : n('lapsed') + n('soon');
  return { rows: rows.rows, total, counts: { lapsed: n('lapsed'), soon: n('soon') } };
}

/** Bills in the scope of the transaction (the demo seeds its bills only on a database without any). */
export async function billCount(tx: Tx): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM bill`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}
