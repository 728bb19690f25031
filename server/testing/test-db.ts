import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../platform/db.ts';
import { buildApp } from '../app.ts';
import { createLogger } from '../platform/logger.ts';
import type { App } from '../platform/http.ts';
import { databaseUrl, templateName, withServerClient } from './pg-server.ts';
import { systemContext } from '../platform/context.ts';
import { createUser } from '../modules/access/index.ts';
import type { Role } from '../../lib/access/roles.ts';

export type TestDatabase = Database & { name: string; url: string; drop(): Promise<void> };

/** A database of its own for one test file, copied from the migrated template. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `lindung_t_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withServerClient((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`));
  const url = databaseUrl(name);
  const database = openDatabase(url, { appPoolSize: 5 });
  return {
    ...database,
    name,
    url,
    async drop() {
      await database.close();
      await withServerClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    WEB_DIST_DIR: '.tmp/no-web',
    ...overrides,
  });
}

export async function testApp(db: Database, overrides: Record<string, string> = {}): Promise<App> {
  const config = testConfig(overrides);
  return buildApp(config, createLogger('silent'), db);
}

/** Creates a user through the real service (audited as "test"), returning its credentials. */
export async function makeUser(db: Database, role: Role, region: string, username?: string) {
  const name = username ?? `${role}.${region.replace(/\W/g, '')}.${randomBytes(2).toString('hex')}`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const user = await createUser(db.app, systemContext('test'), {
    username: name,
    displayName: `Uji ${role}`,
    password,
    role,
    region,
    locale: 'id',
  });
  return { ...user, password };
}

/** Signs in through the HTTP API and returns headers that carry the session cookie and the CSRF token. */
export async function signIn(app: App, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode}: ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'lindung_session');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie: `lindung_session=${session?.value}; lindung_csrf=${csrf}`, 'x-csrf-token': csrf };
}
