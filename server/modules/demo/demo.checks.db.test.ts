import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, makeUser, type TestDatabase } from '../../testing/test-db.ts';
import { DEMO_REGENCY, hasAnyUser, hasDemo } from './index.ts';

// The start command's two questions, answered through the access module (issue 14: demo names no foreign table).

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('demo_checks');
});
afterAll(async () => {
  await db?.drop();
});

describe('the demo checks', () => {
  it('sees no user on a fresh database, then a user, then the demo by its first account', async () => {
    expect(await hasAnyUser(db.app)).toBe(false);
    expect(await hasDemo(db.app)).toBe(false);
    await makeUser(db, 'operator', `${DEMO_REGENCY}.08.2004`);
    expect(await hasAnyUser(db.app)).toBe(true);
    expect(await hasDemo(db.app)).toBe(false);
    await makeUser(db, 'admin', DEMO_REGENCY, 'admin.bantul');
    expect(await hasDemo(db.app)).toBe(true);
  });
});
