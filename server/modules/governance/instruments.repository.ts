// Queries of the register of legal instruments and agreements; every one inside withScope with the region in its
// WHERE (row-level security filters again).
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { GovInstrumentTable } from '../../db/schema.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

export type InstrumentRow = Selectable<GovInstrumentTable>;

export async function insertInstrument(tx: Tx, values: Insertable<GovInstrumentTable>) {
  return tx.insertInto('gov_instrument').values(values).returningAll().executeTakeFirstOrThrow();
}

export function instrumentById(tx: Tx, scope: Scope, id: string, lock = false) {
  let q = tx
    .selectFrom('gov_instrument')
    .selectAll()
    .where('id', '=', id)
    .where(() => regionInScope('region_code', scope));
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listInstruments(
  tx: Tx,
  scope: Scope,
  q: { kinds?: readonly string[]; status?: string; page: number; pageSize: number },
) {
  let base = tx.selectFrom('gov_instrument').where(() => regionInScope('region_code', scope));
  if (q.kinds) base = base.where('kind', 'in', [...q.kinds]);
  if (q.status) base = base.where('status', '=', q.status);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('signed_on', (ob) => ob.desc().nullsFirst())
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Agreements (PKS/MoU) in force whose end falls within 90 days of `today`, with the alerts already raised. */
export async function expiring(tx: Tx, scope: Scope, kinds: readonly string[], today: string) {
  const rows = await tx
    .selectFrom('gov_instrument as i')
    .selectAll('i')
    .select((eb) =>
      eb
        .selectFrom('gov_expiry_alert as a')
        .select((a) => a.fn.min('a.raised_on').as('r'))
        .whereRef('a.instrument_id', '=', 'i.id')
        .whereRef('a.effective_until', '=', 'i.effective_until')
        .as('raised_on'),
    )
    .where(() => regionInScope('i.region_code', scope))
    .where('i.kind', 'in', [...kinds])
    .where('i.status', '=', 'enacted')
    .where('i.effective_until', '>=', today)
    .where(sql<boolean>`i.effective_until <= ${today}::date + 90`)
    .orderBy('i.effective_until')
    .execute();
  return rows;
}

/**
 * Raises the alerts due on `today` for every agreement in scope: the 90-day alert once the end is 90 days away or
 * less, the 30-day alert at 30 days; each once per end date. Returns the new alerts.
 */
export async function raiseAlerts(tx: Tx, scope: Scope, kinds: readonly string[], today: string) {
  const r = await sql<{ instrument_id: string; threshold_days: number; effective_until: string; region_code: string }>`
    INSERT INTO gov_expiry_alert (instrument_id, threshold_days, effective_until, region_code, raised_on)
    SELECT i.id, t.days, i.effective_until, i.region_code, ${today}::date
      FROM gov_instrument i
      CROSS JOIN (VALUES (90::smallint), (30::smallint)) AS t (days)
     WHERE ${regionInScope('i.region_code', scope)}
       AND i.kind = ANY (${[...kinds]}::text[])
       AND i.status = 'enacted'
       AND i.effective_until >= ${today}::date
       AND i.effective_until <= ${today}::date + t.days
    ON CONFLICT DO NOTHING
    RETURNING instrument_id, threshold_days, effective_until::text, region_code`.execute(tx);
  return r.rows;
}

/** Enacted regional regulations for open data (no scope: the SECURITY DEFINER function shows public columns only). */
export async function openRegulations(tx: Tx) {
  const r = await sql<{
    id: string;
    region_code: string;
    kind: string;
    number: string | null;
    title: string;
    signed_on: string | null;
    effective_from: string | null;
    effective_until: string | null;
    issuer: string;
    subject_tags: string[];
    sha256: string | null;
  }>`SELECT id::text, region_code, kind, number, title, signed_on::text, effective_from::text,
            effective_until::text, issuer, subject_tags, sha256
       FROM lindung_open_regulations()`.execute(tx);
  return r.rows;
}

/**
 * Instruments in force at `at` in `region` (recorded there or above, or covering it), by kind: the rows behind the
 * Paritrana count.
 */
export async function inForceAt(tx: Tx, scope: Scope, region: string, at: string, kinds?: readonly string[]) {
  let q = tx
    .selectFrom('gov_instrument')
    .selectAll()
    .where(() => regionInScope('region_code', scope))
    .where('status', '=', 'enacted')
    .where((eb) =>
      eb.or([
        eb('region_code', '=', region),
        sql<boolean>`starts_with(${region}, region_code || '.')`,
        sql<boolean>`starts_with(region_code, ${`${region}.`})`,
        sql<boolean>`${region} = ANY (regions_covered)`,
      ]),
    )
    .where((eb) => eb.or([eb('effective_from', 'is', null), eb('effective_from', '<=', at)]))
    .where((eb) => eb.or([eb('effective_until', 'is', null), eb('effective_until', '>=', at)]))
    .where((eb) => eb.or([eb('signed_on', 'is', null), eb('signed_on', '<=', at)]));
  if (kinds) q = q.where('kind', 'in', [...kinds]);
  return q.orderBy('kind').orderBy('signed_on').orderBy('id').execute();
}
