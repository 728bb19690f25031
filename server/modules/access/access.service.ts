import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../lib/access/roles.ts';
import type {
  AuditEntry,
  AuditQuery,
  Me,
  SecurityAlerts,
  SecurityEvent,
  SecurityEventKind,
  SecurityEventQuery,
  User,
  UserCreate,
  UserListQuery,
  UserUpdate,
} from '../../../lib/contracts/access.ts';
import { pickLocale, type Locale } from '../../../lib/i18n/locale.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { SecurityEventInput } from '../../platform/http.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../platform/password.ts';
import { findRegion, scopeLabel, scopeLabels } from '../regions/index.ts';
import * as repo from './access.repository.ts';
import {
  assertMayAssign,
  requireActor,
  requireAuditReader,
  requireSecurityReader,
  requireUserManager,
} from './access.policy.ts';
import { assertStrongPassword } from './password-policy.ts';
import { word } from '../../../lib/i18n/words.ts';
import { ACCESS_WORDS } from './access.words.ts';

export type AccessSettings = {
  sessionTtlMinutes: number;
  /** Failed sign-ins of one account before each further attempt waits 1 s, 2 s, 4 s … */
  loginMaxFailures: number;
  /** … up to this many seconds: a delay, never a lockout an attacker could keep up for a whole shift. */
  loginMaxDelaySeconds: number;
  securityAlertEvents: number;
  securityAlertMinutes: number;
};

/** The wait before the next attempt after `failures` failed sign-ins in a row (0: none). */
export function loginDelaySeconds(failures: number, settings: AccessSettings): number {
  if (failures < settings.loginMaxFailures) return 0;
  return Math.min(2 ** Math.min(failures - settings.loginMaxFailures, 30), settings.loginMaxDelaySeconds);
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

function presentUser(row: repo.UserRow, labels: Map<string, string>): User {
  return {
    id: String(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    region: row.region_code,
    regionLabel: labels.get(row.region_code) ?? row.region_code,
    locale: pickLocale(row.locale),
    active: row.active,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The audit view of a user: what changed, never a password or its hash. */
function auditView(row: repo.UserRow) {
  return {
    username: row.username,
    display_name: row.display_name,
    role: row.role,
    region_code: row.region_code,
    locale: row.locale,
    active: row.active,
  };
}

async function assertRegionExists(tx: Tx, region: string): Promise<void> {
  if (region !== '*' && !(await findRegion(tx, region))) throw new AppError('REGION_UNKNOWN', { region });
}

// ---------------------------------------------------------------------------------------------------------------
// Sign-in, sessions, sign-out

export type LoginOutcome = { token: string; csrfToken: string; me: Me; expiresAt: Date };

export async function login(
  db: Db,
  settings: AccessSettings,
  input: { username: string; password: string },
  ctx: RequestContext,
): Promise<LoginOutcome> {
  // Authentication runs before any scope is known; it reads the one user by name across the country.
  const result = await withScope(db, '*', async (tx) => {
    const user = await repo.findUserForLogin(tx, input.username);
    const failureCtx: RequestContext = { ...ctx, actor: null };
    const securityEvent = (kind: string, region: string | null, detail: Record<string, unknown> | null = null) =>
      repo.insertSecurityEvent(tx, {
        kind,
        username: input.username.slice(0, 200),
        ip: ctx.ip,
        region_code: region,
        method: 'POST',
        path: '/api/auth/login',
        request_id: ctx.requestId,
        detail,
      });
    if (!user) {
      await verifyPassword(input.password, await DUMMY_HASH_PROMISE); // same time as a wrong password
      await writeAudit(tx, failureCtx, {
        action: 'auth.login_failed',
        entity: 'session',
        after: { username: input.username },
      });
      await securityEvent('login_failed', null, { reason: 'unknown_user' });
      return { error: new AppError('INVALID_CREDENTIALS') };
    }
    const now = new Date();
    if (user.locked_until && user.locked_until > now) {
      // Held back without looking at the password: guesses during the delay teach nothing.
      const seconds = Math.max(1, Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000));
      await writeAudit(tx, failureCtx, {
        action: 'auth.login_delayed',
        entity: 'user',
        entityId: String(user.id),
        region: user.region_code,
        after: { failed_attempts: user.failed_attempts, wait_seconds: seconds },
      });
      await securityEvent('login_delayed', regionOf(user.region_code), { wait_seconds: seconds });
      return { error: new AppError('LOGIN_DELAYED', { seconds }) };
    }
    if (!user.active) {
      await securityEvent('login_failed', regionOf(user.region_code), { reason: 'disabled' });
      return { error: new AppError('ACCOUNT_DISABLED') };
    }
    if (!(await verifyPassword(input.password, user.password_hash))) {
      const failures = user.failed_attempts + 1;
      const delay = loginDelaySeconds(failures, settings);
      const holdUntil = delay > 0 ? new Date(now.getTime() + delay * 1000) : null;
      await repo.recordFailedLogin(tx, String(user.id), holdUntil);
      await writeAudit(tx, failureCtx, {
        action: 'auth.login_failed',
        entity: 'user',
        entityId: String(user.id),
        region: user.region_code,
        after: { failed_attempts: failures, delay_seconds: delay },
      });
      await securityEvent('login_failed', regionOf(user.region_code), {
        reason: 'wrong_password',
        failed_attempts: failures,
        delay_seconds: delay,
      });
      return { error: new AppError('INVALID_CREDENTIALS') };
    }
    await repo.updateUserInScope(tx, '*', String(user.id), { failed_attempts: 0, locked_until: null });
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + settings.sessionTtlMinutes * 60_000);
    await repo.insertSession(tx, {
      token_hash: tokenHash(token),
      user_id: String(user.id),
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: ctx.ip,
    });
    const actor: Actor = {
      userId: String(user.id),
      username: user.username,
      role: user.role as Role,
      scope: user.region_code,
      locale: pickLocale(user.locale),
    };
    await writeAudit(
      tx,
      { ...ctx, actor },
      { action: 'auth.login', entity: 'session', entityId: String(user.id), region: user.region_code },
    );
    const me: Me = {
      username: user.username,
      role: actor.role,
      region: user.region_code,
      regionLabel: await scopeLabel(tx, user.region_code, actor.locale),
      displayName: user.display_name,
      locale: actor.locale,
    };
    return { ok: { token, csrfToken, me, expiresAt } };
  });
  if ('error' in result && result.error) throw result.error; // thrown after commit: failed attempts are kept
  return (result as { ok: LoginOutcome }).ok;
}

const regionOf = (code: string) => (code === '*' ? null : code);

export type ResolvedSession = { actor: Actor; csrfToken: string; expiresAt: Date };

/** Sliding expiry: each use extends the session, written at most once a minute. */
export async function resolveSession(db: Db, settings: AccessSettings, token: string): Promise<ResolvedSession | null> {
  const hash = tokenHash(token);
  return withScope(db, '*', async (tx) => {
    const s = await repo.findSession(tx, hash);
    if (!s) return null;
    const now = Date.now();
    if (s.expires_at.getTime() <= now || !s.active) {
      await repo.deleteSession(tx, hash);
      return null;
    }
    let expiresAt = s.expires_at;
    if (now - s.last_seen_at.getTime() > 60_000) {
      expiresAt = new Date(now + settings.sessionTtlMinutes * 60_000);
      await repo.touchSession(tx, hash, expiresAt);
    }
    return {
      actor: {
        userId: String(s.user_id),
        username: s.username,
        role: s.role as Role,
        scope: s.region_code,
        locale: pickLocale(s.locale),
      },
      csrfToken: s.csrf_token,
      expiresAt,
    };
  });
}

export async function logout(db: Db, token: string, ctx: RequestContext): Promise<void> {
  const actor = requireActor(ctx);
  await withScope(db, actor.scope, async (tx) => {
    await repo.deleteSession(tx, tokenHash(token));
    await writeAudit(tx, ctx, {
      action: 'auth.logout',
      entity: 'session',
      entityId: actor.userId,
      region: actor.scope === '*' ? null : actor.scope,
    });
  });
}

export async function currentUser(db: Db, ctx: RequestContext): Promise<Me> {
  const actor = requireActor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.findUserInScope(tx, actor.scope, actor.userId);
    if (!row) throw new AppError('UNAUTHENTICATED');
    return {
      username: row.username,
      role: row.role as Role,
      region: row.region_code,
      regionLabel: await scopeLabel(tx, row.region_code, actor.locale),
      displayName: row.display_name,
      locale: pickLocale(row.locale),
    };
  });
}

export async function setPreferences(db: Db, ctx: RequestContext, prefs: { locale: Locale }): Promise<Me> {
  const actor = requireActor(ctx);
  await withScope(db, actor.scope, async (tx) => {
    const before = await repo.findUserInScope(tx, actor.scope, actor.userId);
    const after = await repo.updateUserInScope(tx, actor.scope, actor.userId, { locale: prefs.locale });
    if (!before || !after) throw new AppError('UNAUTHENTICATED');
    await writeAudit(tx, ctx, {
      action: 'user.preferences',
      entity: 'user',
      entityId: actor.userId,
      region: after.region_code,
      before: { locale: before.locale },
      after: { locale: after.locale },
    });
  });
  return currentUser(db, { ...ctx, actor: { ...actor, locale: prefs.locale } });
}

// ---------------------------------------------------------------------------------------------------------------
// Users

export async function listUsers(db: Db, ctx: RequestContext, query: UserListQuery) {
  const actor = requireUserManager(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listUsersInScope(tx, actor.scope, query);
    const labels = await scopeLabels(
      tx,
      items.map((u) => u.region_code),
      actor.locale,
    );
    return { items: items.map((u) => presentUser(u, labels)), total, page: query.page, pageSize: query.pageSize };
  });
}

export async function getUser(db: Db, ctx: RequestContext, id: string): Promise<User> {
  const actor = requireUserManager(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await repo.findUserInScope(tx, actor.scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: word(ACCESS_WORDS.user, actor.locale) });
    return presentUser(row, await scopeLabels(tx, [row.region_code], actor.locale));
  });
}

export async function createUser(db: Db, ctx: RequestContext, input: UserCreate): Promise<User> {
  const actor = requireUserManager(ctx);
  assertMayAssign(actor, input.role, input.region);
  assertStrongPassword(input.password, { username: input.username, displayName: input.displayName }, actor.locale);
  const passwordHash = await hashPassword(input.password);
  return withScope(db, actor.scope, async (tx) => {
    await assertRegionExists(tx, input.region);
    if (await repo.usernameTaken(tx, input.username)) {
      throw new AppError('CONFLICT', {
        detail:
          actor.locale === 'en'
            ? `The username ${input.username} is already used. Choose another.`
            : `Nama pengguna ${input.username} sudah dipakai. Pilih nama lain.`,
      });
    }
    const row = await repo.insertUser(tx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      region_code: input.region,
      locale: input.locale,
      created_by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'user.create',
      entity: 'user',
      entityId: String(row.id),
      region: row.region_code,
      after: auditView(row),
    });
    return presentUser(row, await scopeLabels(tx, [row.region_code], actor.locale));
  });
}

export async function updateUser(db: Db, ctx: RequestContext, id: string, patch: UserUpdate): Promise<User> {
  const actor = requireUserManager(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.findUserInScope(tx, actor.scope, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: word(ACCESS_WORDS.user, actor.locale) });
    if (patch.password) {
      const displayName = patch.displayName ?? before.display_name;
      assertStrongPassword(patch.password, { username: before.username, displayName }, actor.locale);
    }
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    // A user above the actor's own rank is not theirs to change, even inside their region.
    assertMayAssign(actor, before.role as Role, before.region_code);
    const role = patch.role ?? (before.role as Role);
    const region = patch.region ?? before.region_code;
    assertMayAssign(actor, role, region);
    if (patch.region) await assertRegionExists(tx, patch.region);
    const after = await repo.updateUserInScope(tx, actor.scope, id, {
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.region !== undefined && { region_code: patch.region }),
      ...(patch.active !== undefined && { active: patch.active }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(passwordHash !== undefined && { password_hash: passwordHash, failed_attempts: 0, locked_until: null }),
      ...(patch.active === true && { failed_attempts: 0, locked_until: null }),
    });
    if (!after) throw new AppError('NOT_FOUND', { entity: word(ACCESS_WORDS.user, actor.locale) });
    if (passwordHash || patch.active === false || patch.role || patch.region) {
      await repo.deleteSessionsOfUser(tx, id); // new rights or credentials: sign in again
    }
    await writeAudit(tx, ctx, {
      action: patch.password ? 'user.update_password' : 'user.update',
      entity: 'user',
      entityId: id,
      region: after.region_code,
      before: auditView(before),
      after: auditView(after),
    });
    return presentUser(after, await scopeLabels(tx, [after.region_code], actor.locale));
  });
}

/** Users are deactivated, never erased: the audit trail keeps naming them. */
export async function deactivateUser(db: Db, ctx: RequestContext, id: string): Promise<User> {
  const actor = requireActor(ctx);
  if (actor.userId === id) {
    throw new AppError('CONFLICT', {
      detail:
        actor.locale === 'en'
          ? 'You cannot deactivate your own account.'
          : 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    });
  }
  return updateUser(db, ctx, id, { active: false });
}

// ---------------------------------------------------------------------------------------------------------------
// Audit trail

export async function listAudit(db: Db, ctx: RequestContext, query: AuditQuery) {
  const actor = requireAuditReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listAuditInScope(tx, actor.scope, query);
    const entries: AuditEntry[] = items.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorUsername: r.actor_username,
      actorRole: r.actor_role,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      region: r.region_code,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
      ip: r.ip,
    }));
    return { items: entries, total, page: query.page, pageSize: query.pageSize };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Security events: refusals the platform reports (CSRF, role, region, rate limits) and sign-in failures

/** Stores one refusal reported by the HTTP layer (its own short transaction: the request itself is refused). */
export async function recordSecurityEvent(db: Db, event: SecurityEventInput): Promise<void> {
  await withScope(db, '*', (tx) =>
    repo.insertSecurityEvent(tx, {
      kind: event.kind,
      username: event.username,
      ip: event.ip,
      region_code: event.region,
      method: event.method,
      path: event.path,
      request_id: event.requestId,
      detail: event.detail ?? null,
    }),
  );
}

export async function listSecurityEvents(db: Db, ctx: RequestContext, query: SecurityEventQuery) {
  const actor = requireSecurityReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listSecurityEventsInScope(tx, actor.scope, query);
    const events: SecurityEvent[] = items.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      kind: r.kind as SecurityEventKind,
      username: r.username,
      ip: r.ip,
      region: r.region_code,
      method: r.method,
      path: r.path,
      requestId: r.request_id,
      detail: r.detail,
    }));
    return { items: events, total, page: query.page, pageSize: query.pageSize };
  });
}

/** The bursts the admin is alerted to: more than N events from one address or account within M minutes. */
export async function securityAlerts(db: Db, settings: AccessSettings, ctx: RequestContext): Promise<SecurityAlerts> {
  const actor = requireSecurityReader(ctx);
  const rows = await withScope(db, actor.scope, (tx) =>
    repo.securityBursts(tx, actor.scope, settings.securityAlertEvents, settings.securityAlertMinutes),
  );
  return {
    threshold: settings.securityAlertEvents,
    windowMinutes: settings.securityAlertMinutes,
    alerts: rows.map((r) => ({
      by: r.by,
      value: r.value,
      events: Number(r.events),
      first: new Date(r.first).toISOString(),
      last: new Date(r.last).toISOString(),
    })),
  };
}

export async function purgeExpiredSessions(db: Db): Promise<number> {
  return withScope(db, '*', (tx) => repo.deleteExpiredSessions(tx));
}
