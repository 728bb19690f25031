// The two writes of a roster acceptance that no other programme path makes (issue 18 §2), each set-based inside the
// caller's transaction: registering persons not yet in the registry (through the registry's own staged write, as
// the worker import does, with the user's channel), and re-pricing enrollments whose wage changed.
import { sql } from 'kysely';
import type { RosterRow } from '../../../lib/contracts/roster.ts';
import { nameKey } from '../../../lib/rules/import-values.ts';
import { nikPrefill } from '../../../lib/rules/nik.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import { WORKER_FILE_COLUMNS, writeWorkerStage } from '../registry/index.ts';
import type * as repo from './programs.repository.ts';
import * as workers from './programs.workers.ts';
import type { WagePrice } from './pu.pricing.ts';
import type { WageChange } from './roster.diff.ts';

const STAGE = 'roster_worker_stage';

/**
 * Registers the roster's persons not yet in the registry: born and sexed as their NIK says, living in the village
 * the roster gives, of the programme's first target segment, category PU, the roster's wage as income. One staged
 * write (the registry's rules and row-level security hold), one audit row. Returns NIK → new worker id.
 */
export async function registerRosterWorkers(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  program: repo.ProgramRow,
  rows: readonly RosterRow[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const segment = program.target_segments[0] ?? 'other';
  const staged = rows.map((r) => {
    const implied = nikPrefill(r.nik);
    if (!implied || !r.villageCode) throw new Error(`roster row ${r.row} cannot be registered`);
    return {
      nik: r.nik,
      full_name: r.fullName,
      birth_date: implied.birthDate,
      sex: implied.sex,
      village_code: r.villageCode,
      segment,
      category: 'PU',
      monthly_income: r.wage,
      name_key: nameKey(r.fullName),
    };
  });
  await sql`CREATE TEMP TABLE ${sql.table(STAGE)} (
      nik text, full_name text, birth_place text, birth_date date, sex text, village_code text, address text,
      rt text, rw text, phone text, segment text, category text, monthly_income bigint, vulnerability text[],
      kpj_number text, name_key text, action text NOT NULL DEFAULT 'insert', worker_id bigint
    ) ON COMMIT DROP`.execute(tx);
  await sql`
    INSERT INTO ${sql.table(STAGE)} (nik, full_name, birth_date, sex, village_code, segment, category, monthly_income,
                                     name_key)
    SELECT nik, full_name, birth_date, sex, village_code, segment, category, monthly_income, name_key
    FROM jsonb_to_recordset(${JSON.stringify(staged)}::jsonb)
      AS r(nik text, full_name text, birth_date date, sex text, village_code text, segment text, category text,
           monthly_income bigint, name_key text)`.execute(tx);
  // The user's organisation as the channel, exactly as a registration by form or an import records it.
  const channel = await sql<{ id: string | null }>`SELECT lindung_channel_for(NULL, ${actor.username}) AS id`.execute(
    tx,
  );
  const source = `roster:${program.id}`;
  await writeWorkerStage(tx, ctx, {
    stage: STAGE,
    columns: WORKER_FILE_COLUMNS,
    source,
    channelId: channel.rows[0]?.id ?? null,
    onConflict: 'fail',
  });
  await sql`DROP TABLE ${sql.table(STAGE)}`.execute(tx);
  const found = await workers.workersByNik(
    tx,
    actor.scope,
    rows.map((r) => r.nik),
  );
  await writeAudit(tx, ctx, {
    action: 'worker.roster_register',
    entity: 'worker',
    region: program.region_code,
    after: { programId: program.id, source, registered: found.map((w) => w.id) },
  });
  return new Map(found.map((w) => [w.nik, w.id]));
}

/**
 * Gives the changed enrollments their new wage: the months before `fromIndex` keep their price (they may be paid),
 * the months from it on take the new wage's price. The money trigger moves the programme's held money and the
 * budget guard refuses a ceiling overrun. In a preview the refusal is caught (savepoint) and reported as not fitting.
 */
export async function repriceWages(
  tx: Tx,
  ctx: RequestContext,
  program: repo.ProgramRow,
  changes: readonly WageChange[],
  prices: ReadonlyMap<number, WagePrice>,
  dryRun: boolean,
): Promise<{ count: number; fits: boolean }> {
  if (changes.length === 0) return { count: 0, fits: true };
  const payload = changes.map((w) => {
    const p = prices.get(w.newWage)!;
    const old = (w.member.price_by_month ?? []).map(Number);
    const oldWorker = (w.member.worker_by_month ?? []).map(Number);
    return {
      id: w.member.enrollment_id,
      wage: w.newWage,
      prices: old.map((v, i) => (i < w.fromIndex ? v : p.prices[i]!)),
      worker: oldWorker.map((v, i) => (i < w.fromIndex ? v : p.worker[i]!)),
    };
  });
  if (dryRun) await sql`SAVEPOINT roster_wages`.execute(tx);
  let count: number;
  try {
    const r = await sql`
      UPDATE enrollment e
      SET wage = r.wage, price_by_month = r.prices, worker_by_month = r.worker, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
        AS r(id bigint, wage bigint, prices bigint[], worker bigint[])
      WHERE e.id = r.id AND e.program_id = ${program.id}::bigint`.execute(tx);
    count = Number(r.numAffectedRows ?? 0);
  } catch (err) {
    const e = err as { code?: string; constraint?: string };
    if (!dryRun || e.code !== '23514' || e.constraint !== 'program_budget_held') throw err;
    await sql`ROLLBACK TO SAVEPOINT roster_wages`.execute(tx);
    return { count: 0, fits: false };
  }
  if (!dryRun)
    await writeAudit(tx, ctx, {
      action: 'enrollment.wage_change',
      entity: 'program',
      entityId: program.id,
      region: program.region_code,
      after: {
        changed: changes.map((w) => ({
          enrollmentId: w.member.enrollment_id,
          from: Number(w.member.wage),
          to: w.newWage,
          fromIndex: w.fromIndex,
        })),
      },
    });
  return { count, fits: true };
}
