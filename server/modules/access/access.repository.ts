import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { AuditQuery, SecurityEventQuery, UserListQuery } from '../../../lib/contracts/access.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';

const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'region_code',
  'locale',
  'active',
  'failed_attempts',
  'locked_until',
  'created_at',
] as const;

export type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  region_code: string;
  locale: string;
  active: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  created_at: Date;
};

export async function findUserForLogin(tx: Tx, username: string) {
  return tx
    .selectFrom('app_user')
    .select([...USER_COLUMNS, 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function findUserInScope(tx: Tx, scope: Scope, id: string): Promise<UserRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  return tx
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where('id', '=', id)
    .where(() => regionInScope('region_code', scope))
    .executeTakeFirst();
}

export async function usernameTaken(tx: Tx, username: string): Promise<boolean> {
  // Usernames are unique across the country; a check outside the caller's scope needs the SQL helper.
  const row = await sql<{ taken: boolean }>`SELECT lindung_username_taken(${username}) AS taken`.execute(tx);
  return row.rows[0]?.taken ?? false;
}

export async function listUsersInScope(tx: Tx, scope: Scope, q: UserListQuery) {
  let base = tx.selectFrom('app_user').where(() => regionInScope('region_code', scope));
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    base = base.where((eb) => eb.or([eb('username', 'like', like), eb(sql`lower(display_name)`, 'like', like)]));
  }
  if (q.role) base = base.where('role', '=', q.role);
  if (q.region) base = base.where(() => regionInScope('region_code', q.region as Scope));
  if (q.active) base = base.where('active', '=', q.active === 'true');
  const [items, total] = await Promise.all([
    base
      .select(USER_COLUMNS)
      .orderBy('region_code')
      .orderBy('username')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function insertUser(
  tx: Tx,
  values: {
    username: string;
    display_name: string;
    password_hash: string;
    role: string;
    region_code: string;
    locale: string;
    created_by: string | null;
  },
): Promise<UserRow> {
  return tx.insertInto('app_user').values(values).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

export async function updateUserInScope(
  tx: Tx,
  scope: Scope,
  id: string,
  patch: Partial<{
    display_name: string;
    role: string;
    region_code: string;
    active: boolean;
    password_hash: string;
    locale: string;
    failed_attempts: number;
    locked_until: Date | null;
  }>,
): Promise<UserRow | undefined> {
  return tx
    .updateTable('app_user')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .where(() => regionInScope('region_code', scope))
    .returning(USER_COLUMNS)
    .executeTakeFirst();
}

export async function recordFailedLogin(tx: Tx, id: string, lockUntil: Date | null): Promise<void> {
  await tx
    .updateTable('app_user')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), locked_until: lockUntil }))
    .where('id', '=', id)
    .execute();
}

export async function insertSession(
  tx: Tx,
  values: { token_hash: string; user_id: string; csrf_token: string; expires_at: Date; ip: string | null },
): Promise<void> {
  await tx.insertInto('session').values(values).execute();
}

export async function findSession(tx: Tx, tokenHash: string) {
  return tx
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.token_hash',
      'session.csrf_token',
      'session.expires_at',
      'session.last_seen_at',
      'app_user.id as user_id',
      'app_user.username',
      'app_user.display_name',
      'app_user.role',
      'app_user.region_code',
      'app_user.locale',
      'app_user.active',
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(tx: Tx, tokenHash: string, expiresAt: Date): Promise<void> {
  await tx
    .updateTable('session')
    .set({ last_seen_at: sql`now()`, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(tx: Tx, userId: string): Promise<void> {
  await tx.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(tx: Tx): Promise<number> {
  const r = await tx
    .deleteFrom('session')
    .where('expires_at', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listAuditInScope(tx: Tx, scope: Scope, q: AuditQuery) {
  let base = tx.selectFrom('audit_log').where(() => regionInScope('region_code', scope));
  if (q.actor) base = base.where('actor_username', '=', q.actor.toLowerCase());
  if (q.action) base = base.where('action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (q.entity) base = base.where('entity', '=', q.entity);
  if (q.region) base = base.where(() => regionInScope('region_code', q.region as Scope));
  if (q.from) base = base.where('at', '>=', new Date(`${q.from}T00:00:00+07:00`));
  if (q.to) base = base.where('at', '<', sql<Date>`${q.to}::date + interval '1 day' - interval '7 hours'`);
  const [items, total] = await Promise.all([
    base
      .select([
        'id',
        'at',
        'actor_username',
        'actor_role',
        'action',
        'entity',
        'entity_id',
        'region_code',
        'before',
        'after',
        'request_id',
        'ip',
      ])
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

// ---------------------------------------------------------------------------------------------------------------
// Security events (migration 0023): append-only; readers see their region's accounts' events and the unattributed
// ones (unknown usernames, requests without a session).

export type SecurityEventValues = {
  kind: string;
  username: string | null;
  ip: string | null;
  region_code: string | null;
  method: string | null;
  path: string | null;
  request_id: string | null;
  detail: Record<string, unknown> | null;
};

export async function insertSecurityEvent(tx: Tx, e: SecurityEventValues): Promise<void> {
  await tx
    .insertInto('security_event')
    .values({ ...e, detail: e.detail === null ? null : JSON.stringify(e.detail) })
    .execute();
}

export async function listSecurityEventsInScope(tx: Tx, scope: Scope, q: SecurityEventQuery) {
  let base = tx
    .selectFrom('security_event')
    .where((eb) => eb.or([eb('region_code', 'is', null), regionInScope('region_code', scope)]));
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.username) base = base.where('username', '=', q.username.toLowerCase());
  if (q.ip) base = base.where('ip', '=', q.ip);
  const [items, total] = await Promise.all([
    base
      .select(['id', 'at', 'kind', 'username', 'ip', 'region_code', 'method', 'path', 'request_id', 'detail'])
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Addresses and accounts with more than `threshold` events since `minutes` ago, the busiest first. */
export async function securityBursts(tx: Tx, scope: Scope, threshold: number, minutes: number) {
  const inScope = sql<boolean>`(region_code IS NULL OR ${regionInScope('region_code', scope)})`;
  const r = await sql<{ by: 'ip' | 'username'; value: string; events: string; first: Date; last: Date }>`
    WITH recent AS (
      SELECT ip, username, at FROM security_event
      WHERE at > now() - make_interval(mins => ${minutes}::integer) AND ${inScope}
    )
    SELECT 'ip' AS by, ip AS value, count(*) AS events, min(at) AS first, max(at) AS last
    FROM recent WHERE ip IS NOT NULL GROUP BY ip HAVING count(*) > ${threshold}::integer
    UNION ALL
    SELECT 'username', username, count(*), min(at), max(at)
    FROM recent WHERE username IS NOT NULL GROUP BY username HAVING count(*) > ${threshold}::integer
    ORDER BY events DESC, value
    LIMIT 50`.execute(tx);
  return r.rows;
}

/** Whether any user exists at all (a fresh database has none: the first start offers the demo). */
export async function anyUser(tx: Tx): Promise<boolean> {
  const r = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM app_user) AS any`.execute(tx);
  return r.rows[0]?.any ?? false;
}
