// Issue 13 point 2: per-address and per-account sign-in limits that a forged X-Forwarded-For cannot walk around,
// security events for refusals, and the admin's alert on a burst. Real PostgreSQL, the real HTTP stack.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/http.ts';
import { loadConfig } from '../../config.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';

let db: TestDatabase;
let admin: Awaited<ReturnType<typeof makeUser>>;
const apps: App[] = [];

const randomAddress = () => `${randomInt(1, 223)}.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;

async function app(overrides: Record<string, string> = {}) {
  const a = await testApp(db, overrides);
  apps.push(a);
  return a;
}

beforeAll(async () => {
  db = await createTestDatabase('security');
  admin = await makeUser(db, 'admin', '*', 'admin.nasional');
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await db?.drop();
});

const events = (kind: string) =>
  db.owner.selectFrom('security_event').selectAll().where('kind', '=', kind).orderBy('id').execute();

describe('sign-in limits', () => {
  it('answers 60 wrong sign-ins with random X-Forwarded-For from one client with 429s, logged with the real address', async () => {
    const a = await app({ LOGIN_RATE_LIMIT_PER_MINUTE: '30' });
    const codes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await a.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.7',
        headers: { 'x-forwarded-for': randomAddress() },
        payload: { username: `tamu${i}`, password: 'tebak-tebak-saja' },
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes.slice(30).every((c) => c === 429)).toBe(true);
    // The audit trail and the security events carry the address that connected, never the forged one.
    const audit = await db.owner
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.login_failed')
      .where('after', '@>', JSON.stringify({ username: 'tamu0' }))
      .execute();
    expect(audit.map((r) => r.ip)).toEqual(['203.0.113.7']);
    const failed = (await events('login_failed')).filter((e) => e.username?.startsWith('tamu'));
    expect(failed).toHaveLength(30);
    expect(new Set(failed.map((e) => e.ip))).toEqual(new Set(['203.0.113.7']));
    const limited = await events('rate_limited');
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0]).toMatchObject({ ip: '203.0.113.7', path: '/api/auth/login', method: 'POST' });
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const a = await app({ LOGIN_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '10.0.0.1' });
    const attempt = (remoteAddress: string, forwarded: string) =>
      a.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        headers: { 'x-forwarded-for': forwarded },
        payload: { username: 'tidak.ada', password: 'tebak-tebak-saja' },
      });
    // Behind the proxy, each client has its own budget of 2.
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect((await attempt('10.0.0.1', client)).statusCode).toBe(401);
      expect((await attempt('10.0.0.1', client)).statusCode).toBe(401);
      expect((await attempt('10.0.0.1', client)).statusCode).toBe(429);
    }
    const ips = (await events('login_failed')).map((e) => e.ip);
    expect(ips).toContain('198.51.100.3');
    // Anyone else naming an address is counted as themselves.
    expect((await attempt('192.0.2.50', '198.51.100.9')).statusCode).toBe(401);
    expect((await attempt('192.0.2.50', '198.51.100.10')).statusCode).toBe(401);
    expect((await attempt('192.0.2.50', '198.51.100.11')).statusCode).toBe(429);
  });

  it('holds back one account attacked from many addresses (per-account limit), with security events', async () => {
    const victim = await makeUser(db, 'operator', '34.02.08.2004', 'sasaran.bantul');
    const a = await app({ TRUST_PROXY: '10.0.0.1', LOGIN_MAX_FAILURES: '5' });
    const codes: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await a.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': randomAddress() },
        payload: { username: victim.username, password: `salah-${i}-tebakan` },
      });
      codes.push(r.statusCode === 429 ? r.json().error.code : String(r.statusCode));
    }
    expect(codes.slice(0, 5)).toEqual(['401', '401', '401', '401', '401']);
    expect(codes.filter((c) => c === 'LOGIN_DELAYED').length).toBeGreaterThanOrEqual(30);
    expect(codes.every((c) => c === '401' || c === 'LOGIN_DELAYED')).toBe(true);
    const delayed = (await events('login_delayed')).filter((e) => e.username === victim.username);
    expect(delayed.length).toBe(codes.filter((c) => c === 'LOGIN_DELAYED').length);
    expect(delayed[0]).toMatchObject({ region_code: '34.02.08.2004' });
  });
});

describe('security events and alerts', () => {
  it('records CSRF failures and out-of-scope or forbidden attempts, lists them for the admin and alerts on bursts', async () => {
    const a = await app({ SECURITY_ALERT_EVENTS: '3', SECURITY_ALERT_MINUTES: '15' });
    const disnaker = await makeUser(db, 'disnaker', '34.02', 'disnaker.penguji');
    const headers = await signIn(a, disnaker.username, disnaker.password);
    const noCsrf = await a.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: { cookie: headers.cookie },
      payload: { locale: 'en' },
    });
    expect(noCsrf.statusCode).toBe(403);
    const outside = await a.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: {
        username: 'penyusup.sleman',
        displayName: 'Penyusup',
        password: 'kopi-hujan-sawah-lebar',
        role: 'operator',
        region: '34.04.01.2001',
      },
    });
    expect(outside.json().error.code).toBe('OUT_OF_SCOPE');
    const forbidden = await a.inject({ method: 'GET', url: '/api/security/events', headers });
    expect(forbidden.statusCode).toBe(403);
    for (const kind of ['csrf_rejected', 'out_of_scope', 'forbidden']) {
      const rows = (await events(kind)).filter((e) => e.username === disnaker.username);
      expect(rows, kind).toHaveLength(1);
      expect(rows[0]).toMatchObject({ region_code: '34.02', ip: '127.0.0.1' });
    }

    const adminHeaders = await signIn(a, admin.username, admin.password);
    const list = await a.inject({
      method: 'GET',
      url: `/api/security/events?username=${disnaker.username}`,
      headers: adminHeaders,
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((e: { kind: string }) => e.kind)).toEqual([
      'forbidden',
      'out_of_scope',
      'csrf_rejected',
    ]);
    expect(list.json().items[1]).toMatchObject({ path: '/api/users', method: 'POST', region: '34.02' });

    const alerts = await a.inject({ method: 'GET', url: '/api/security/alerts', headers: adminHeaders });
    expect(alerts.statusCode).toBe(200);
    const body = alerts.json();
    expect(body).toMatchObject({ threshold: 3, windowMinutes: 15 });
    // 203.0.113.7 sent 30 refused sign-ins in the first test: far more than 3 in 15 minutes.
    expect(body.alerts).toContainEqual(expect.objectContaining({ by: 'ip', value: '203.0.113.7' }));
    expect(body.alerts).toContainEqual(expect.objectContaining({ by: 'username', value: 'sasaran.bantul' }));
    // A regional admin sees the events of their region's accounts and the unattributed ones, not Bantul's.
    const regional = await makeUser(db, 'admin', '34.04', 'admin.sleman');
    const regionalHeaders = await signIn(a, regional.username, regional.password);
    const theirs = await a.inject({
      method: 'GET',
      url: '/api/security/events?pageSize=200',
      headers: regionalHeaders,
    });
    const regions = new Set(theirs.json().items.map((e: { region: string | null }) => e.region));
    expect(regions).toEqual(new Set([null]));
    const bursts = await a.inject({ method: 'GET', url: '/api/security/alerts', headers: regionalHeaders });
    expect(bursts.json().alerts).not.toContainEqual(expect.objectContaining({ value: 'sasaran.bantul' }));
    expect(bursts.json().alerts).toContainEqual(expect.objectContaining({ by: 'ip', value: '203.0.113.7' }));
  });

  it('keeps security events append-only', async () => {
    await expect(db.owner.deleteFrom('security_event').execute()).rejects.toThrow(/append-only/);
  });
});

describe('passwords', () => {
  it('refuses common passwords, patterns and the username, and takes a passphrase', async () => {
    const a = await app();
    const headers = await signIn(a, admin.username, admin.password);
    const create = (username: string, password: string) =>
      a.inject({
        method: 'POST',
        url: '/api/users',
        headers,
        payload: { username, displayName: 'Sari Wulandari', password, role: 'operator', region: '34.02.08.2004' },
      });
    for (const [username, password] of [
      ['sari.satu', '1234567890'],
      ['sari.dua', 'password123456'],
      ['sari.tiga', 'qwertyuiop12'],
      ['sari.wulandari', 'sari.wulandari2026'],
    ] as const) {
      const r = await create(username, password);
      expect(r.statusCode, password).toBe(400);
      expect(r.json().error.code).toBe('PASSWORD_WEAK');
      expect(r.json().error.issues[0].path).toBe('body.password');
    }
    expect((await create('sari.satu', '1234567890')).json().error.message).toContain('paling umum');
    expect((await create('sari.wulandari', 'sari.wulandari2026')).json().error.message).toContain('nama pengguna');
    const ok = await create('sari.baru', 'kopi-hujan-sawah-lebar');
    expect(ok.statusCode, ok.body).toBe(201);
    const patch = await a.inject({
      method: 'PATCH',
      url: `/api/users/${ok.json().id}`,
      headers,
      payload: { password: 'sari.baru.123' },
    });
    expect(patch.json().error.code).toBe('PASSWORD_WEAK');
  });
});

describe('configuration', () => {
  it('listens on loopback and trusts no proxy by default; takes a list of proxies; refuses a malformed one', () => {
    const plain = loadConfig({});
    expect(plain.host).toBe('127.0.0.1');
    expect(plain.trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});
