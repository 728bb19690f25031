// A database seeded before the full Lampiran II table and the 2026 JP cap were known gets the new seed rows
// appended at start-up, never its history edited; the rows an administrator added win over the seed.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRIBUTION_RULE_SEED } from '../../../lib/rules/contribution-rules.seed.ts';
import { hasResearchMarkers } from '../../../lib/rules/contributions.ts';
import { createTestDatabase, testApp, type TestDatabase } from '../../testing/test-db.ts';
import type { App } from '../../platform/http.ts';
import { ensureContributionRulesSeeded } from './contributions.loader.ts';

let db: TestDatabase;
let app: App;

beforeAll(async () => {
  db = await createTestDatabase('contributions_upgrade');
  // Back to the table of an older release: one Rp1,000,000 income row without a number or bracket, no JP cap from
  // March 2026, and a 2026 cap an administrator had added himself. Only a test may pause the history guard.
  await sql`ALTER TABLE contribution_rule DISABLE TRIGGER contribution_rule_no_edit`.execute(db.owner);
  await sql`DELETE FROM contribution_rule
            WHERE key = 'bpu.income.row' OR (key = 'pu.jp.wage_cap' AND valid_from = '2026-03-01')`.execute(db.owner);
  await sql`ALTER TABLE contribution_rule ENABLE TRIGGER contribution_rule_no_edit`.execute(db.owner);
  await sql`INSERT INTO contribution_rule (key, scope, valid_from, citation, legal_basis, value, created_by) VALUES
    ('bpu.income.row', '', '2015-07-01', 'PP 44/2015 Lampiran II',
     'PP 44/2015 Lampiran II (penghasilan Rp1.000.000, terendah) [S] kaltimkita.com, star.grid.id',
     '{"kind":"income","rupiah":1000000}', 'seed'),
    ('pu.jp.wage_cap', '', '2026-03-01', 'PP 45/2015 Pasal 29', 'angka admin (uji)',
     '{"kind":"cap","rupiah":11000000}', 'admin.nasional')`.execute(db.owner);
  app = await testApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const rows = (key: string) =>
  db.owner
    .selectFrom('contribution_rule')
    .select(['scope', 'valid_from', 'value', 'created_by', 'citation'])
    .where('key', '=', key)
    .orderBy('id')
    .execute();

describe('seed rows of a later release', () => {
  it('are appended once and audited; nothing is edited; an administrator’s overlapping row is kept', async () => {
    const first = await ensureContributionRulesSeeded(db.ownerPool);
    expect(first.seeded).toBe(33);
    const income = await rows('bpu.income.row');
    expect(income).toHaveLength(34);
    expect(income[0]).toMatchObject({ scope: '', value: { kind: 'income', rupiah: 1_000_000 } });
    expect(income.slice(1).map((r) => r.scope)).toEqual(Array.from({ length: 33 }, (_, i) => String(i + 1)));
    const caps = (await rows('pu.jp.wage_cap')).filter((r) => r.valid_from === '2026-03-01');
    expect(caps).toEqual([
      expect.objectContaining({ created_by: 'admin.nasional', value: { kind: 'cap', rupiah: 11_000_000 } }),
    ]);

    const audit = await db.owner
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'contribution_rule.seed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 33, appended: true });

    expect((await ensureContributionRulesSeeded(db.ownerPool)).seeded).toBe(0);
  });

  it('quote the numbered row of the income and map a real income in the upgraded table', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/contributions/quote',
      payload: { category: 'bpu', income: 1_000_000, programs: ['jkk', 'jkm'], date: '2026-05-01', funding: 'apbd' },
    });
    expect(res.json().total).toBe(16_800);
    expect(res.json().rulesUsed).toContainEqual(expect.objectContaining({ key: 'bpu.income.row', scope: '1' }));
  });
});

describe('migration 0017', () => {
  it('gives the lapse rules a citation fit for print beside their research note', async () => {
    const lapse = await db.owner.selectFrom('lapse_rule').select(['category', 'citation', 'legal_basis']).execute();
    expect(lapse.length).toBeGreaterThanOrEqual(4);
    for (const r of lapse) {
      expect(r.citation, r.category).toMatch(/^(PP|Permenaker|Permenakertrans) \d+\/\d{4}$/);
      expect(hasResearchMarkers(r.citation ?? '')).toBe(false);
    }
    expect(lapse.find((r) => r.category === 'BPU')?.legal_basis).toContain('§3.6');
    const refused = await sql`UPDATE lapse_rule SET citation = 'domain.md §3.6' WHERE category = 'BPU'`
      .execute(db.owner)
      .then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect(refused).toMatch(/lapse_rule_citation_for_print/);
  });

  it('gives every row seeded by an older release the citation the seed now carries', () => {
    // The migration cannot import the seed; its table of citations must say the same for every row it can meet.
    const text = readFileSync(new URL('../../db/migrations/20261207_0017_rule_citations.sql', import.meta.url), 'utf8');
    const mapped = [...text.matchAll(/\('([a-z0-9_.]+)', (NULL|'\d{4}-\d{2}-\d{2}'), '([^']+)'\)/g)].map((m) => ({
      key: m[1]!,
      validFrom: m[2] === 'NULL' ? null : m[2]!.slice(1, -1),
      citation: m[3]!,
    }));
    const citationOf = (key: string, validFrom: string) =>
      mapped.find((m) => m.key === key && (m.validFrom === null || m.validFrom === validFrom))?.citation;
    // Rows that existed before 0017: all but the numbered income rows and the 2026 JP cap.
    const older = CONTRIBUTION_RULE_SEED.filter(
      (r) =>
        !(r.key === 'bpu.income.row' && r.scope !== '') && !(r.key === 'pu.jp.wage_cap' && r.validFrom >= '2026-03-01'),
    );
    expect(older.length).toBeGreaterThan(50);
    for (const r of older) expect(citationOf(r.key, r.validFrom), `${r.key} ${r.validFrom}`).toBe(r.citation);
    expect(citationOf('bpu.income.row', '2015-07-01')).toBe('PP 44/2015 Lampiran II');
  });
});
