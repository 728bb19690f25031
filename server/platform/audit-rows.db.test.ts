// The set-based audit (issue 14 §1): one audit row per row of the caller's SELECT, actor and request from the
// source, secrets dropped as writeAudit drops them; and the trail read back within a scope.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';
import { auditTrail, writeAuditRows } from './audit.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('audit_rows');
});
afterAll(async () => {
  await db.drop();
});

describe('writeAuditRows', () => {
  it('writes one row per selected row, with the source and without secret fields', async () => {
    const written = await db.owner.transaction().execute(async (tx) => {
      await sql`CREATE TEMP TABLE t_changes (id text, region text, old text, new text) ON COMMIT DROP`.execute(tx);
      await sql`INSERT INTO t_changes VALUES ('1', '34.02.08.2004', 'a', 'b'), ('2', '34.03.01.2001', 'c', 'd')`.execute(
        tx,
      );
      return writeAuditRows(
        tx,
        { actor: { username: 'uji', role: 'admin' }, requestId: 'req-1', ip: '10.0.0.1' },
        sql`SELECT 'worker.import_update' AS action, 'worker' AS entity, id AS entity_id, region AS region_code,
              jsonb_build_object('value', old, 'password', 'x') AS before,
              jsonb_build_object('value', new, 'token_hash', 'y') AS after
            FROM t_changes`,
      );
    });
    expect(written).toBe(2);
    const rows = await db.owner
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', 'req-1')
      .orderBy('entity_id')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({
        actor_username: 'uji',
        actor_role: 'admin',
        ip: '10.0.0.1',
        entity_id: '1',
        before: { value: 'a' },
        after: { value: 'b' },
      }),
      expect.objectContaining({ entity_id: '2', before: { value: 'c' }, after: { value: 'd' } }),
    ]);

    const trail = (scope: string) =>
      db.owner.transaction().execute((tx) => auditTrail(tx, { entity: 'worker', entityId: '1', scope }));
    expect((await trail('34.02')).map((r) => r.action)).toEqual(['worker.import_update']);
    expect(await trail('34.03')).toEqual([]);
  });
});
