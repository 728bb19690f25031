// What the BPJS branch brings to enrollments, called by the exchange module inside its transaction (the caller
// checks roles and scope and writes the audit row with the change): its answer to a registration batch, and
// corrections from its records (issue 12 §5, reconciliation).
import { sql } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import * as repo from './programs.repository.ts';

export type KpjCorrection = { enrollmentId: string; programId: string; village: string; before: string | null };

/**
 * Writes the branch's KPJ onto an active enrollment in the actor's scope; undefined when there is no such
 * enrollment (ended meanwhile, or out of scope). The row is locked first so two corrections run in turn.
 */
export async function takeBranchKpj(
  tx: Tx,
  actor: Actor,
  enrollmentId: string,
  kpj: string,
): Promise<KpjCorrection | undefined> {
  const row = await tx
    .selectFrom('enrollment')
    .select(['id', 'program_id', 'village_code', 'kpj_number'])
    .where('id', '=', enrollmentId)
    .where('status', '=', 'active')
    .where(() => regionInScope('village_code', actor.scope))
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  await tx
    .updateTable('enrollment')
    .set({ kpj_number: kpj, updated_at: sql`now()` })
    .where('id', '=', enrollmentId)
    .where(() => regionInScope('village_code', actor.scope))
    .execute();
  return {
    enrollmentId: String(row.id),
    programId: String(row.program_id),
    village: row.village_code,
    before: row.kpj_number,
  };
}

/**
 * Records the branch's answer to a registration batch inside the caller's transaction (the exchange module's log
 * row and audit commit with it): accepted → active with KPJ and coverage start, rejected → rejected with the
 * branch's reason, which frees the slot. The caller checks roles and scope; the programme row is locked first so
 * the slot counters change in turn with proposals.
 */
export async function recordBatchAnswer(
  tx: Tx,
  actor: Actor,
  batch: { id: string; programId: string },
  answer: Parameters<typeof repo.recordBatchAnswer>[4],
): Promise<{ activated: string[]; rejected: string[] }> {
  await repo.lockProgram(tx, batch.programId);
  return repo.recordBatchAnswer(tx, actor.scope, batch.id, actor.username, answer);
}
