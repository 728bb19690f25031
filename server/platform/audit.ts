import type { Tx } from './db.ts';
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
