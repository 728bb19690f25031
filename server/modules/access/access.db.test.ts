import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import type { App } from '../../platform/http.ts';

let db: TestDatabase;
let app: App;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  db = await createTestDatabase('access');
  app = await testApp(db, { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_DELAY_SECONDS: '60' });
  admin = await makeUser(db, 'admin', '34.02', 'admin.uji');
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function auditRows(action: string) {
  return db.owner.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

describe('sign-in and sessions', () => {
  it('signs in with a HttpOnly SameSite cookie, answers /api/me and signs out', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin.uji', password: admin.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lindung_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const csrf = res.json().csrfToken as string;
    const headers = { cookie: `lindung_session=${cookie?.value}`, 'x-csrf-token': csrf };

    const me = await app.inject({ method: 'GET', url: '/api/me', headers });
    expect(me.json()).toMatchObject({
      username: 'admin.uji',
      role: 'admin',
      region: '34.02',
      regionLabel: 'Kab. Bantul',
    });

    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/api/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    expect((await auditRows('auth.login')).length).toBeGreaterThan(0);
    expect((await auditRows('auth.logout')).length).toBeGreaterThan(0);
  });

  it('stores only scrypt hashes and never a password or token in the database', async () => {
    const users = await db.owner.selectFrom('app_user').select(['username', 'password_hash']).execute();
    for (const u of users) expect(u.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const dump = await sql<{ t: string }>`SELECT string_agg(t::text, ' ') AS t FROM (
        SELECT row_to_json(u)::text AS t FROM app_user u UNION ALL SELECT row_to_json(a)::text FROM audit_log a
        UNION ALL SELECT row_to_json(s)::text FROM session s) x`.execute(db.owner);
    expect(dump.rows[0]?.t).not.toContain(admin.password);
  });

  it('expires sessions', async () => {
    const headers = await signIn(app, 'admin.uji', admin.password);
    await db.owner
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const res = await app.inject({ method: 'GET', url: '/api/me', headers });
    expect(res.statusCode).toBe(401);
  });

  it('holds back an account after repeated failures with growing delays, never a lockout', async () => {
    const victim = await makeUser(db, 'operator', '34.02.08.2004', 'korban.kunci');
    const wrong = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'korban.kunci', password: 'salah-salah-salah' },
      });
    const account = () =>
      db.owner
        .selectFrom('app_user')
        .select(['failed_attempts', 'locked_until'])
        .where('username', '=', 'korban.kunci')
        .executeTakeFirstOrThrow();
    const elapse = () =>
      db.owner
        .updateTable('app_user')
        .set({ locked_until: new Date(Date.now() - 1000) })
        .where('username', '=', 'korban.kunci')
        .execute();
    for (let i = 0; i < 2; i++) {
      const r = await wrong();
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message).toBe('Nama pengguna atau kata sandi salah.');
      expect((await account()).locked_until).toBeNull();
    }
    // The third failure (LOGIN_MAX_FAILURES) starts the delays: 1 s, then 2 s, 4 s … capped.
    expect((await wrong()).statusCode).toBe(401);
    expect((await account()).locked_until).not.toBeNull();
    await db.owner
      .updateTable('app_user')
      .set({ locked_until: new Date(Date.now() + 3_600_000) })
      .where('username', '=', 'korban.kunci')
      .execute();
    const held = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-lindung-locale': 'en' },
      payload: { username: 'korban.kunci', password: victim.password },
    });
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('LOGIN_DELAYED');
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(held.json().error.message).toMatch(/Wait \d+ seconds/);
    expect((await account()).failed_attempts).toBe(3); // a held-back attempt is not even tried
    await elapse();
    expect((await wrong()).statusCode).toBe(401);
    const delays = (await auditRows('auth.login_failed'))
      .map((r) => (r.after as { delay_seconds?: number } | null)?.delay_seconds)
      .filter((d) => d !== undefined);
    expect(delays.slice(-4)).toEqual([0, 0, 1, 2]);
    expect((await auditRows('auth.login_delayed')).length).toBe(1);
    // Once the delay has passed, the right password works: an attacker cannot keep the owner out for long.
    await elapse();
    await signIn(app, 'korban.kunci', victim.password);
    expect((await account()).failed_attempts).toBe(0);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const strict = await testApp(db, { LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await strict.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'x' },
        });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 2)).toEqual([401, 401]);
      expect(codes[3]).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('rejects a cookie-authenticated change without the CSRF token', async () => {
    const headers = await signIn(app, 'admin.uji', admin.password);
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: headers.cookie },
      payload: {
        username: 'tanpa.csrf',
        displayName: 'Tanpa',
        password: 'kopi-hujan-sawah-lebar',
        role: 'operator',
        region: '34.02.08.2004',
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
    const exists = await db.owner
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'tanpa.csrf')
      .executeTakeFirst();
    expect(exists).toBeUndefined();
  });
});

describe('user management', () => {
  it('creates a user inside the scope, audited in the same transaction', async () => {
    const headers = await signIn(app, 'admin.uji', admin.password);
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: 'Operator.Baru',
        displayName: 'Operator Baru',
        password: 'kata-sandi-panjang',
        role: 'operator',
        region: '34.02.08.2004',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'operator.baru',
      regionLabel: 'Desa Trirenggo, Kec. Bantul, Kab. Bantul',
    });
    const audit = await auditRows('user.create');
    const row = audit.find((a) => a.entity_id === res.json().id);
    expect(row).toMatchObject({ actor_username: 'admin.uji', actor_role: 'admin', region_code: '34.02.08.2004' });
    expect(JSON.stringify(row?.after)).not.toContain('password');
  });

  it('refuses a region outside the scope and a role above the creator', async () => {
    const disnaker = await makeUser(db, 'disnaker', '34.02', 'disnaker.uji');
    const headers = await signIn(app, 'disnaker.uji', disnaker.password);
    const outside = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: 'luar.wilayah',
        displayName: 'Luar',
        password: 'kopi-hujan-sawah-lebar',
        role: 'operator',
        region: '34.04.01.2001',
      },
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({
      code: 'OUT_OF_SCOPE',
      message: 'Wilayah 34.04.01.2001 berada di luar wilayah kerja Anda.',
    });
    const higher = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: 'admin.palsu',
        displayName: 'Palsu',
        password: 'kopi-hujan-sawah-lebar',
        role: 'admin',
        region: '34.02',
      },
    });
    expect(higher.statusCode).toBe(403);
    expect(higher.json().error.code).toBe('ROLE_TOO_HIGH');
    const national = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: 'nasional',
        displayName: 'Nasional',
        password: 'kopi-hujan-sawah-lebar',
        role: 'operator',
        region: '*',
      },
    });
    expect(national.json().error.code).toBe('OUT_OF_SCOPE');
    const count = await db.owner
      .selectFrom('app_user')
      .select('id')
      .where('username', 'in', ['luar.wilayah', 'admin.palsu', 'nasional'])
      .execute();
    expect(count).toHaveLength(0);
  });

  it('lets an operator manage nobody', async () => {
    const op = await makeUser(db, 'operator', '34.02.08.2004', 'operator.biasa');
    const headers = await signIn(app, 'operator.biasa', op.password);
    const res = await app.inject({ method: 'GET', url: '/api/users', headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses a duplicate username with a clear conflict and an unknown region code', async () => {
    const headers = await signIn(app, 'admin.uji', admin.password);
    const dup = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: 'admin.uji',
        displayName: 'Dua',
        password: 'kopi-hujan-sawah-lebar',
        role: 'operator',
        region: '34.02',
      },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('sudah dipakai');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: 'wilayah.fiktif',
        displayName: 'Fiktif',
        password: 'kopi-hujan-sawah-lebar',
        role: 'operator',
        region: '34.02.99.2999',
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('REGION_UNKNOWN');
  });

  it('deactivates a user, ends their sessions and records before/after', async () => {
    const target = await makeUser(db, 'bpjs', '34.02', 'bpjs.keluar');
    const targetHeaders = await signIn(app, 'bpjs.keluar', target.password);
    const headers = await signIn(app, 'admin.uji', admin.password);
    const res = await app.inject({ method: 'DELETE', url: `/api/users/${target.id}`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: targetHeaders })).statusCode).toBe(401);
    const audit = (await auditRows('user.update')).find((a) => a.entity_id === target.id);
    expect(audit?.before).toMatchObject({ active: true });
    expect(audit?.after).toMatchObject({ active: false });
  });

  it('filters the audit trail', async () => {
    const headers = await signIn(app, 'admin.uji', admin.password);
    const res = await app.inject({ method: 'GET', url: '/api/audit?action=user.create&pageSize=5', headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    for (const e of body.items) expect(e.action).toBe('user.create');
  });
});

describe('HTTP contract', () => {
  it('answers health and lists every route in OpenAPI', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', db: 'ok' });
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = new Set(
      Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    const routes = app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => l.includes('/api/') && !l.includes('/api/docs'));
    expect(routes.length).toBeGreaterThan(0);
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/me',
      '/api/users',
      '/api/users/{id}',
      '/api/audit',
      '/api/regions',
      '/api/regions/{code}',
      '/api/regions/search',
      '/api/regions/stats',
      '/api/openapi.json',
    ]) {
      expect(
        [...documented].some((d) => d.endsWith(` ${path}`)),
        path,
      ).toBe(true);
    }
    expect(documented.has('DELETE /api/users/{id}')).toBe(true);
  });

  it('answers bad JSON, unknown fields, oversized bodies and wrong content types with a 4xx, never a 500', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_JSON');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    expect(unknown.json().error.message).toContain('admin');
    const big = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('BODY_TOO_LARGE');
    const text = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    const notFound = await app.inject({ method: 'GET', url: '/api/tidak-ada' });
    expect(notFound.statusCode).toBe(404);
    const badParam = await app.inject({ method: 'GET', url: '/api/regions/abc' });
    expect(badParam.statusCode).toBe(400);
  });
});
