import { z } from 'zod';
import {
  auditList,
  auditQuery,
  loginRequest,
  loginResponse,
  me,
  preferencesUpdate,
  securityAlerts,
  securityEventList,
  securityEventQuery,
  user,
  userCreate,
  userList,
  userListQuery,
  userUpdate,
} from '../../../lib/contracts/access.ts';
import { okResponse } from '../../../lib/contracts/common.ts';
import { AUDIT_READERS, SECURITY_READERS, USER_MANAGERS } from '../../../lib/access/roles.ts';
import type { Db } from '../../platform/db.ts';
import { CSRF_COOKIE, SESSION_COOKIE, type App } from '../../platform/http.ts';
import * as access from './access.service.ts';

const idParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'angka') });

export function registerAccessRoutes(
  app: App,
  deps: { db: Db; settings: access.AccessSettings; loginRateLimitPerMinute: number; cookieSecure: boolean },
) {
  const { db, settings } = deps;
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: deps.cookieSecure };

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['access'], summary: 'Masuk (sign in)', body: loginRequest, response: { 200: loginResponse } },
      config: { access: { public: true }, rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const outcome = await access.login(db, settings, req.body, req.ctx);
      reply.setCookie(SESSION_COOKIE, outcome.token, { ...cookieBase, httpOnly: true, expires: outcome.expiresAt });
      reply.setCookie(CSRF_COOKIE, outcome.csrfToken, { ...cookieBase, httpOnly: false, expires: outcome.expiresAt });
      return { ...outcome.me, csrfToken: outcome.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['access'], summary: 'Keluar (sign out)', response: { 200: okResponse } },
      config: { access: {} },
    },
    async (req, reply) => {
      await access.logout(db, req.sessionToken ?? '', req.ctx);
      reply.clearCookie(SESSION_COOKIE, cookieBase);
      reply.clearCookie(CSRF_COOKIE, cookieBase);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    {
      schema: { tags: ['access'], summary: 'Pengguna yang sedang masuk', response: { 200: me } },
      config: { access: {} },
    },
    async (req) => access.currentUser(db, req.ctx),
  );

  app.patch(
    '/api/me/preferences',
    {
      schema: { tags: ['access'], summary: 'Ubah bahasa', body: preferencesUpdate, response: { 200: me } },
      config: { access: {} },
    },
    async (req) => access.setPreferences(db, req.ctx, req.body),
  );

  const managers = { access: { roles: USER_MANAGERS } };

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['access'],
        summary: 'Daftar pengguna di wilayah Anda',
        querystring: userListQuery,
        response: { 200: userList },
      },
      config: managers,
    },
    async (req) => access.listUsers(db, req.ctx, req.query),
  );

  app.post(
    '/api/users',
    {
      schema: { tags: ['access'], summary: 'Tambah pengguna', body: userCreate, response: { 201: user } },
      config: managers,
    },
    async (req, reply) => reply.status(201).send(await access.createUser(db, req.ctx, req.body)),
  );

  app.get(
    '/api/users/:id',
    {
      schema: { tags: ['access'], summary: 'Satu pengguna', params: idParam, response: { 200: user } },
      config: managers,
    },
    async (req) => access.getUser(db, req.ctx, req.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['access'],
        summary: 'Ubah pengguna',
        params: idParam,
        body: userUpdate,
        response: { 200: user },
      },
      config: managers,
    },
    async (req) => access.updateUser(db, req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/users/:id',
    {
      schema: { tags: ['access'], summary: 'Nonaktifkan pengguna', params: idParam, response: { 200: user } },
      config: managers,
    },
    async (req) => access.deactivateUser(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['access'],
        summary: 'Jejak audit di wilayah Anda',
        querystring: auditQuery,
        response: { 200: auditList },
      },
      config: { access: { roles: AUDIT_READERS } },
    },
    async (req) => access.listAudit(db, req.ctx, req.query),
  );

  app.get(
    '/api/security/events',
    {
      schema: {
        tags: ['access'],
        summary: 'Kejadian keamanan (masuk ditolak, CSRF, di luar wewenang/wilayah, batas laju) di wilayah Anda',
        querystring: securityEventQuery,
        response: { 200: securityEventList },
      },
      config: { access: { roles: SECURITY_READERS } },
    },
    async (req) => access.listSecurityEvents(db, req.ctx, req.query),
  );

  app.get(
    '/api/security/alerts',
    {
      schema: {
        tags: ['access'],
        summary: 'Alamat atau akun dengan kejadian keamanan melebihi ambang dalam jendela waktu',
        response: { 200: securityAlerts },
      },
      config: { access: { roles: SECURITY_READERS } },
    },
    async (req) => access.securityAlerts(db, settings, req.ctx),
  );
}
