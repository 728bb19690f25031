// The offline queue's sync (issue 19 §3): entries applied in order, each once. Every entry's client-generated id is
// claimed in collection_receipt before it is applied and answered there after, so the same queue sent twice gets
// the same answers and changes nothing the second time. One entry's failure never stops the next: each is applied
// in its own transaction (the registry and the programmes open theirs), and answered accepted, error (the server's
// own words, Indonesian first) or conflict (the NIK registered meanwhile, the candidate already visited).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Device, SyncAnswer, SyncEntry, SyncRequest, SyncResult } from '../../../lib/contracts/collection.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError, errorText } from '../../platform/errors.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { proposeWorkers } from '../programs/index.ts';
import { registerWorker } from '../registry/index.ts';
import { recordVisit } from './collection.candidates.ts';
import { requireCollector, requireDeviceAdmin } from './collection.policy.ts';

type Outcome = Omit<SyncAnswer, 'clientId' | 'replayed'>;

const accepted = (workerId: string | null = null, message: string | null = null): Outcome => ({
  status: 'accepted',
  message,
  conflict: null,
  workerId,
});

function answerOf(err: unknown, actor: Actor): Outcome {
  if (err instanceof AppError) {
    const message = errorText(err, actor.locale);
    const conflict =
      err.code === 'CONFLICT'
        ? ('nik_registered' as const)
        : err.code === 'CANDIDATE_VISITED'
          ? ('already_visited' as const)
          : null;
    return {
      status: conflict ? 'conflict' : 'error',
      message,
      ...(err.issues ? { details: err.issues } : {}),
      conflict,
      workerId: null,
    };
  }
  return {
    status: 'error',
    message:
      actor.locale === 'en'
        ? 'The server could not apply this entry. It stays in the queue; send it again later.'
        : 'Server tidak dapat menerapkan entri ini. Entri tetap di antrean; kirim ulang nanti.',
    conflict: null,
    workerId: null,
  };
}

function hashOf(entry: SyncEntry): string {
  const { clientId: _ignored, ...rest } = entry;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// Devices

export async function registerDevice(
  db: Db,
  ctx: RequestContext,
  input: { label: string; id: string },
): Promise<Device> {
  const actor = requireCollector(ctx);
  const region = actor.scope;
  return withScope(db, actor.scope, async (tx) => {
    const row = await tx
      .insertInto('collection_device')
      .values({
        id: input.id,
        user_id: actor.userId,
        username: actor.username,
        region_code: region,
        label: input.label,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, {
      action: 'collection_device.register',
      entity: 'collection_device',
      entityId: row.id,
      region,
      after: { label: row.label, user: row.username },
    });
    return presentDevice(row);
  });
}

function presentDevice(row: {
  id: string;
  username: string;
  label: string;
  region_code: string;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
}): Device {
  return {
    id: row.id,
    username: row.username,
    label: row.label,
    region: row.region_code,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export async function listDevices(db: Db, ctx: RequestContext): Promise<{ items: Device[] }> {
  const actor = requireDeviceAdmin(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .selectFrom('collection_device')
      .selectAll()
      .where(() => regionInScope('region_code', actor.scope))
      .orderBy('last_seen_at', 'desc')
      .limit(1000)
      .execute();
    return { items: rows.map(presentDevice) };
  });
}

export async function revokeDevice(db: Db, ctx: RequestContext, id: string): Promise<Device> {
  const actor = requireDeviceAdmin(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await tx
      .updateTable('collection_device')
      .set({ revoked_at: new Date(), revoked_by: actor.username })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where(() => regionInScope('region_code', actor.scope))
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('DEVICE_UNKNOWN');
    await writeAudit(tx, ctx, {
      action: 'collection_device.revoke',
      entity: 'collection_device',
      entityId: row.id,
      region: row.region_code,
      after: { revokedBy: actor.username },
    });
    return presentDevice(row);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sync

type Claim = { fresh: true } | { fresh: false; status: string; hash: string; result: Outcome; mine: boolean };

async function claim(db: Db, actor: Actor, deviceId: string, entry: SyncEntry, hash: string): Promise<Claim> {
  return withScope(db, actor.scope, async (tx) => {
    const inserted = await tx
      .insertInto('collection_receipt')
      .values({
        client_id: entry.clientId,
        user_id: actor.userId,
        device_id: deviceId,
        region_code: actor.scope,
        kind: entry.kind,
        payload_hash: hash,
        status: 'pending',
      })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('client_id')
      .executeTakeFirst();
    if (inserted) return { fresh: true };
    // Row-level security hides another region's receipt: then the id is someone else's and the entry an error.
    const earlier = await tx
      .selectFrom('collection_receipt')
      .select(['status', 'payload_hash', 'result', 'user_id'])
      .where('client_id', '=', entry.clientId)
      .where(() => regionInScope('region_code', actor.scope))
      .executeTakeFirst();
    if (!earlier) return { fresh: false, status: 'error', hash: '', result: accepted(), mine: false };
    return {
      fresh: false,
      status: earlier.status,
      hash: earlier.payload_hash,
      result: earlier.result as Outcome,
      mine: earlier.user_id === actor.userId,
    };
  });
}

async function answer(db: Db, actor: Actor, clientId: string, hash: string, outcome: Outcome): Promise<void> {
  await withScope(db, actor.scope, (tx) =>
    tx
      .updateTable('collection_receipt')
      .set({ status: outcome.status, payload_hash: hash, result: JSON.stringify(outcome), answered_at: new Date() })
      .where('client_id', '=', clientId)
      .where(() => regionInScope('region_code', actor.scope))
      .execute(),
  );
}

async function workerOfEarlierEntry(db: Db, actor: Actor, clientId: string): Promise<string | null> {
  return withScope(db, actor.scope, async (tx) => {
    const row = await tx
      .selectFrom('collection_receipt')
      .select(['status', 'result'])
      .where('client_id', '=', clientId)
      .where('user_id', '=', actor.userId)
      .where(() => regionInScope('region_code', actor.scope))
      .executeTakeFirst();
    if (row?.status !== 'accepted') return null;
    return (row.result as Outcome).workerId;
  });
}

async function workerWithNik(db: Db, actor: Actor, nik: string): Promise<string | null> {
  return withScope(db, actor.scope, async (tx) => {
    const row = await tx
      .selectFrom('worker_directory')
      .select('id')
      .where('nik', '=', nik)
      .where('merged_into', 'is', null)
      .where(() => regionInScope('village_code', actor.scope))
      .executeTakeFirst();
    return row?.id ?? null;
  });
}

async function apply(db: Db, ctx: RequestContext, actor: Actor, entry: SyncEntry): Promise<Outcome> {
  switch (entry.kind) {
    case 'register': {
      let saved;
      try {
        saved = await registerWorker(db, ctx, entry.payload);
      } catch (err) {
        // The NIK registered meanwhile: the conflict names the record when the operator may see it, so resolving
        // it ("use the registered worker") can close the candidate's visit with that worker.
        if (!(err instanceof AppError) || err.code !== 'CONFLICT') throw err;
        return { ...answerOf(err, actor), workerId: await workerWithNik(db, actor, entry.payload.nik) };
      }
      if (entry.candidateId) {
        try {
          await recordVisit(db, ctx, {
            candidateId: entry.candidateId,
            outcome: 'registered',
            visitedOn: todayWib(systemClock()),
            workerId: saved.id,
          });
        } catch (err) {
          // The worker is registered either way; the candidate's other visit stands and is said.
          return accepted(saved.id, answerOf(err, actor).message);
        }
      }
      return accepted(saved.id);
    }
    case 'visit':
      await recordVisit(db, ctx, entry.payload, { clientId: entry.clientId });
      return accepted(entry.payload.workerId ?? null);
    case 'propose': {
      const workerId =
        entry.payload.workerId ??
        (entry.payload.registerClientId ? await workerOfEarlierEntry(db, actor, entry.payload.registerClientId) : null);
      if (!workerId)
        throw entry.payload.registerClientId
          ? new AppError('PROPOSAL_WAITS_FOR_REGISTRATION')
          : new AppError('NOT_FOUND', { entity: actor.locale === 'en' ? 'Worker' : 'Pekerja' });
      const result = await proposeWorkers(db, ctx, entry.payload.programId, { workerIds: [workerId] });
      const person = result.workers[0];
      if (result.proposed === 0) {
        return {
          status: 'error',
          message: person?.reasons.map((r) => r.message).join('; ') || null,
          conflict: null,
          workerId,
        };
      }
      return accepted(workerId);
    }
  }
}

export async function syncQueue(db: Db, ctx: RequestContext, input: SyncRequest): Promise<SyncResult> {
  const actor = requireCollector(ctx);
  await withScope(db, actor.scope, async (tx) => {
    const device = await tx
      .selectFrom('collection_device')
      .select(['id', 'revoked_at'])
      .where('id', '=', input.deviceId)
      .where('user_id', '=', actor.userId)
      .where(() => regionInScope('region_code', actor.scope))
      .executeTakeFirst();
    if (!device) throw new AppError('DEVICE_UNKNOWN');
    if (device.revoked_at) throw new AppError('DEVICE_REVOKED');
    await tx
      .updateTable('collection_device')
      .set({ last_seen_at: sql`now()` })
      .where('id', '=', device.id)
      .execute();
  });
  const answers: SyncAnswer[] = [];
  for (const entry of input.entries) {
    const hash = hashOf(entry);
    const claimed = await claim(db, actor, input.deviceId, entry, hash);
    if (!claimed.fresh) {
      const replay = (o: Outcome) => answers.push({ clientId: entry.clientId, ...o, replayed: true });
      if (!claimed.mine) {
        replay({
          ...answerOf(new AppError('CONFLICT', { detail: 'ID entri sudah dipakai.' }), actor),
          conflict: null,
          status: 'error',
        });
        continue;
      }
      if (claimed.status === 'pending') {
        replay({
          status: 'error',
          message:
            actor.locale === 'en'
              ? 'This entry is still being applied from an earlier send. Send again in a minute.'
              : 'Entri ini masih diproses dari pengiriman sebelumnya. Kirim ulang sebentar lagi.',
          conflict: null,
          workerId: null,
        });
        continue;
      }
      // Accepted stays accepted; an error or conflict sent unchanged gets the same answer. An edited entry (its
      // content changed under the same id) is applied again.
      if (claimed.status === 'accepted' || claimed.hash === hash) {
        replay(claimed.result);
        continue;
      }
    }
    let outcome: Outcome;
    try {
      outcome = await apply(db, ctx, actor, entry);
    } catch (err) {
      outcome = answerOf(err, actor);
    }
    await answer(db, actor, entry.clientId, hash, outcome);
    answers.push({ clientId: entry.clientId, ...outcome, replayed: false });
  }
  return { answers };
}
