import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../lib/access/roles.ts';
import type { Tx } from './db.ts';
import { regionInScope } from './scope-sql.ts';
import type { RequestContext } from './context.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  region?: string | null;
  before?: unknown;
  after?: unknown;
};

// Fields that never enter the audit trail, even hashed.
const SECRET_FIELDS = new Set(['password', 'password_hash', 'passwordHash', 'token', 'token_hash', 'csrf_token']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_FIELDS.has(k))
        .map(([k, v]) => [k, scrub(v)]),
    );
  }
  return value;
}

/** Appends one audit row inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      actor_username: ctx.actor?.username ?? null,
      actor_role: ctx.actor?.role ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      region_code: entry.region ?? null,
      before: entry.before === undefined ? null : JSON.stringify(scrub(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(scrub(entry.after)),
      request_id: ctx.requestId,
      ip: ctx.ip,
    })
    .execute();
}

/** Who wrote a set of audit rows: the request's actor, its id and address (a RequestContext fits). */
export type AuditSource = {
  actor: { username: string; role: string } | null;
  requestId: string | null;
  ip: string | null;
};

/**
 * Set-based variant for bulk work: appends one audit row per row of `rows`, a SELECT (typically from a staging or
 * temporary relation of the caller's transaction) yielding the columns `action`, `entity`, `entity_id`,
 * `region_code`, `before` and `after` (jsonb or NULL). Actor, request and address come from `source`; the secret
 * fields are dropped from the top level of `before` and `after`, as writeAudit does. Returns the rows written.
 */
export async function writeAuditRows(tx: Tx, source: AuditSource, rows: RawBuilder<unknown>): Promise<number> {
  const secrets = sql`${[...SECRET_FIELDS]}::text[]`;
  const result = await sql`
    INSERT INTO audit_log (actor_username, actor_role, action, entity, entity_id, region_code, before, after, request_id, ip)
    SELECT ${source.actor?.username ?? null}::text, ${source.actor?.role ?? null}::text, r.action, r.entity,
      r.entity_id::text, r.region_code, r.before::jsonb - ${secrets}, r.after::jsonb - ${secrets},
      ${source.requestId}::text, ${source.ip}::text
    FROM (${rows}) r`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The audit rows of one entity, oldest first, within `scope` (row-level security and this WHERE keep them to the
 * reader's scope, so rows written while the entity lay in another region stay hidden). Reading the trail lives
 * here, beside its writing, so no module names audit_log itself.
 */
export async function auditTrail(tx: Tx, q: { entity: string; entityId: string; scope: Scope; limit?: number }) {
  return tx
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_username', 'action', 'before', 'after'])
    .where('entity', '=', q.entity)
    .where('entity_id', '=', q.entityId)
    .where(() => regionInScope('region_code', q.scope))
    .orderBy('id')
    .limit(q.limit ?? 1000)
    .execute();
}
