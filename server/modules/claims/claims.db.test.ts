// Claims against the real database: the seeded benefit rules, the estimate (hypothetical and by NIK), intake with
// the coverage answer at the event date, the gap ledger, region scope, heirs, and the audit rows.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENEFIT_RULE_SEED } from '../../../lib/rules/benefit-rules.seed.ts';
import { withScope } from '../../platform/db.ts';
import type { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { nikFor } from '../../testing/nik.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { actorContext, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { COVERED_NIK, seedClaimPeople } from '../../testing/claims-fixtures.ts';
import {
  addBenefitRule,
  listBenefitRules,
  addHeir,
  estimate,
  gapLedger,
  getClaim,
  getHousehold,
  listClaims,
  reportClaim,
  setKkNumber,
} from './index.ts';

const opTrirenggo = actorContext('operator', TRIRENGGO, 'operator.trirenggo');
const opPalbapang = actorContext('operator', PALBAPANG, 'operator.palbapang');
const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');

let db: TestDatabase;
let app: App;
const ids: Record<string, string> = {};

const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};
const audits = async (action: string) =>
  (
    await sql<{
      entity_id: string;
      after: Record<string, unknown>;
    }>`SELECT entity_id, after FROM audit_log WHERE action = ${action} ORDER BY id`.execute(db.owner)
  ).rows;

beforeAll(async () => {
  db = await createTestDatabase('claims');
  app = await testApp(db);
  Object.assign(ids, await seedClaimPeople(db));
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('benefit rules in the database', () => {
  it('are the seed of lib/rules/benefit-rules.seed.ts, row for row', async () => {
    const rows = await db.owner
      .selectFrom('benefit_rule')
      .select(['key', 'valid_from', 'valid_to', 'legal_basis', 'note', 'certainty', 'value'])
      .orderBy('key')
      .orderBy('valid_from')
      .execute();
    const seed = [...BENEFIT_RULE_SEED]
      .sort((a, b) => a.key.localeCompare(b.key) || a.validFrom.localeCompare(b.validFrom))
      .map((r) => ({
        key: r.key,
        valid_from: r.validFrom,
        valid_to: r.validTo,
        legal_basis: r.legalBasis,
        note: r.note,
        certainty: r.certainty,
        value: r.value,
      }));
    expect(rows).toEqual(seed);
  });

  it('are never edited: an UPDATE of an amount or a DELETE is refused even to the owner', async () => {
    await expect(sql`UPDATE benefit_rule SET value = '{"kind":"rupiah","rupiah":1}'`.execute(db.owner)).rejects.toThrow(
      /never edited/,
    );
    await expect(sql`DELETE FROM benefit_rule`.execute(db.owner)).rejects.toThrow(/never edited/);
  });
});

describe('estimate', () => {
  it('hypothetical: JKK death at Rp1,000,000 = Rp70,000,000, covered null', async () => {
    const r = await estimate(db.app, disnaker, {
      type: 'jkk',
      date: '2026-05-01',
      income: 1_000_000,
      outcome: 'death',
    });
    expect(r).toMatchObject({ covered: null, reason: null, total: 70_000_000 });
    expect(r.items.find((i) => i.benefit === 'jkk.scholarship')).toEqual({
      benefit: 'jkk.scholarship',
      amount: 174_000_000,
      basis: 'PP 82/2019',
      inTotal: false,
    });
  });

  it('by NIK: covered on the date, with 36+ months of contributions the JKM scholarship is listed', async () => {
    const r = await estimate(db.app, disnaker, { type: 'jkm', date: '2026-05-10', nik: COVERED_NIK });
    expect(r.covered).toBe(true);
    expect(r.reason).toMatch(/Tertanggung/);
    expect(r.total).toBe(42_000_000);
    expect(r.items.map((i) => i.benefit)).toContain('jkm.scholarship');
  });

  it('refuses a date without rules (not zero) and explains it', async () => {
    const err = await fails(estimate(db.app, disnaker, { type: 'jkm', date: '2015-06-30', income: 1_000_000 }));
    expect(err.code).toBe('BENEFIT_RULE_GAP');
  });

  it('answers the same over HTTP as the service', async () => {
    const user = await makeUser(db, 'operator', TRIRENGGO);
    const headers = await signIn(app, user.username, user.password);
    const body = { type: 'jkk', date: '2026-05-01', income: 1_000_000, outcome: 'partial-disability', percent: 10 };
    const res = await app.inject({ method: 'POST', url: '/api/claims/estimate', headers, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(await estimate(db.app, opTrirenggo, body as never));
    expect(res.json().total).toBe(8_000_000);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/claims/estimate',
      headers,
      payload: { type: 'jkk', date: '2026-05-01', income: 1 },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('intake and the gap ledger', () => {
  const report = { place: 'Sawah Dusun Gunturan', chronology: 'Meninggal dunia di rumah karena sakit.' };

  it('a covered BPU worker: covered at the event date, KPJ and estimate saved, audited', async () => {
    const c = await reportClaim(db.app, opTrirenggo, {
      workerId: ids.covered!,
      type: 'jkm',
      eventDate: '2026-05-10',
      witnesses: [],
      ...report,
    });
    expect(c).toMatchObject({ covered: true, gapReason: null, kpj: '99000000001', estimateTotal: 42_000_000 });
    expect(c.contributionMonths).toBeGreaterThanOrEqual(36);
    expect(c.items.map((i) => i.benefit)).toEqual(['jkm.lump_sum', 'jkm.periodic', 'jkm.funeral', 'jkm.scholarship']);
    expect(c.nikMasked).not.toContain(COVERED_NIK.slice(6, 12));
    const [row] = await audits('claim.create');
    expect(row).toMatchObject({ entity_id: c.id, after: { covered: true, estimate_total: 42_000_000 } });
    ids.claimCovered = c.id;
  });

  it('a lapsed worker and a never-enrolled one land in the ledger with the reason and the missed benefit', async () => {
    const lapsed = await reportClaim(db.app, opTrirenggo, {
      workerId: ids.lapsed!,
      type: 'jkk',
      outcome: 'death',
      eventDate: '2026-05-02',
      witnesses: [{ name: 'Pak RT' }, { name: 'Bu Wati' }],
      ...report,
    });
    expect(lapsed).toMatchObject({ covered: false, gapReason: 'lapsed', gapSince: '2026-04-16' });
    expect(lapsed.estimateTotal).toBe(48 * 1_500_000 + 22_000_000);
    const never = await reportClaim(db.app, opTrirenggo, {
      workerId: ids.never!,
      type: 'jkm',
      eventDate: '2026-04-20',
      witnesses: [],
      ...report,
    });
    expect(never).toMatchObject({ covered: false, gapReason: 'not_enrolled', kpj: null });
    const ledger = await gapLedger(db.app, disnaker, { page: 1, pageSize: 25 });
    expect(ledger.events).toBe(2);
    expect(ledger.missed).toBe(94_000_000 + 42_000_000);
    expect(ledger.items.map((i) => i.name).sort()).toEqual(['Agus Salim', 'Bambang Wijaya']);
    expect(ledger.byMonth).toEqual([
      { key: '2026-05', label: '2026-05', events: 1, missed: 94_000_000 },
      { key: '2026-04', label: '2026-04', events: 1, missed: 42_000_000 },
    ]);
    expect(ledger.bySegment.map((s) => s.key)).toEqual(['farmer', 'fisher']);
    expect(ledger.byVillage).toEqual([
      expect.objectContaining({
        key: TRIRENGGO,
        events: 2,
        missed: 136_000_000,
        label: expect.stringContaining('Trirenggo'),
      }),
    ]);
  });

  it('lists claims with filters; another village sees nothing and cannot open one', async () => {
    const all = await listClaims(db.app, disnaker, { page: 1, pageSize: 25 });
    expect(all.total).toBe(3);
    const gaps = await listClaims(db.app, disnaker, { covered: 'no', page: 1, pageSize: 25 });
    expect(gaps.total).toBe(2);
    const byName = await listClaims(db.app, disnaker, { q: 'sri', page: 1, pageSize: 25 });
    expect(byName.items.map((c) => c.workerName)).toEqual(['Sri Lestari']);
    expect((await listClaims(db.app, opPalbapang, { page: 1, pageSize: 25 })).total).toBe(0);
    expect((await gapLedger(db.app, opPalbapang, { page: 1, pageSize: 25 })).events).toBe(0);
    expect((await fails(getClaim(db.app, opPalbapang, ids.claimCovered!))).code).toBe('NOT_FOUND');
    expect((await fails(listClaims(db.app, opPalbapang, { region: TRIRENGGO, page: 1, pageSize: 25 }))).code).toBe(
      'OUT_OF_SCOPE',
    );
    const err = await fails(
      reportClaim(db.app, opPalbapang, {
        workerId: ids.covered!,
        type: 'jkm',
        eventDate: '2026-05-10',
        witnesses: [],
        ...report,
      }),
    );
    expect(err.code).toBe('NOT_FOUND');
  });

  it('exports the list as XLSX over HTTP (audited)', async () => {
    const user = await makeUser(db, 'disnaker', '34.02');
    const headers = await signIn(app, user.username, user.password);
    const res = await app.inject({ method: 'GET', url: '/api/claims.xlsx?covered=no', headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((await audits('claim.export')).at(-1)?.after).toMatchObject({ rows: 2 });
  });
});

describe('heirs and household', () => {
  it('records the KK number and heirs, masked and audited, and says what is still missing', async () => {
    const empty = await getHousehold(db.app, opTrirenggo, ids.covered!);
    expect(empty.missing).toEqual(['kk_number', 'heir']);
    await setKkNumber(db.app, opTrirenggo, ids.covered!, { kkNumber: '3402080101100001' });
    const hh = await addHeir(db.app, opTrirenggo, ids.covered!, {
      name: 'Joko Susilo',
      nik: nikFor('1978-02-02', 'L', 21),
      relation: 'spouse',
      bankName: 'BPD DIY',
      accountNumber: '0012345678',
      accountHolder: 'Joko Susilo',
    });
    expect(hh.kkMasked).toBe('340208••••••0001');
    expect(hh.heirs).toEqual([
      expect.objectContaining({ name: 'Joko Susilo', relation: 'spouse', priority: 1, accountMasked: '••••5678' }),
    ]);
    expect(hh.missing).toEqual([]);
    expect(JSON.stringify(await audits('worker.heir.add'))).not.toContain('0012345678');
    expect((await audits('worker.household.update'))[0]?.after).toEqual({ kk_number: '340208••••••0001' });
    expect((await fails(getHousehold(db.app, opPalbapang, ids.covered!))).code).toBe('NOT_FOUND');
    const bad = await fails(
      addHeir(db.app, opTrirenggo, ids.covered!, { name: 'X', nik: '9902080101100001', relation: 'child' }),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
  });
});

describe('row-level security on its own', () => {
  it('hides claims, heirs and households of another village even without our WHERE', async () => {
    const counts = await withScope(db.app, PALBAPANG, async (tx) => {
      const n = async (table: string) =>
        Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(tx)).rows[0]!.n);
      return [await n('claim'), await n('worker_heir'), await n('worker_household')];
    });
    expect(counts).toEqual([0, 0, 0]);
    const mine = await withScope(db.app, TRIRENGGO, (tx) =>
      sql<{ n: string }>`SELECT count(*) AS n FROM claim`.execute(tx),
    );
    expect(Number(mine.rows[0]!.n)).toBe(3);
    const heirs = await withScope(db.app, TRIRENGGO, (tx) =>
      sql<{ n: string }>`SELECT count(*) AS n FROM worker_heir`.execute(tx),
    );
    expect(Number(heirs.rows[0]!.n)).toBe(1);
  });
});

describe('the benefit-rule admin (append-only)', () => {
  it('an administrator appends a dated row with its legal basis; the day before keeps the old figure', async () => {
    const admin = actorContext('admin', '*', 'admin');
    const row = {
      key: 'jkm.funeral',
      validFrom: '2027-01-01',
      legalBasis: 'PP 99/2026 Pasal 1 (uji)',
      note: 'uji',
      certainty: 'verified',
      value: { kind: 'rupiah', rupiah: 12_000_000 },
    } as const;
    expect((await fails(addBenefitRule(db.app, disnaker, row))).code).toBe('FORBIDDEN');
    const kind = await fails(addBenefitRule(db.app, admin, { ...row, value: { kind: 'multiple', times: 2 } }));
    expect(kind.code).toBe('VALIDATION_FAILED');
    expect((await fails(addBenefitRule(db.app, admin, { ...row, key: 'jkm.unknown' }))).code).toBe('VALIDATION_FAILED');
    const early = await fails(addBenefitRule(db.app, admin, { ...row, validFrom: '2019-12-02' }));
    expect(early.params.detail).toContain('harus mulai sesudah 2019-12-02');
    const list = await addBenefitRule(db.app, admin, row);
    const funeral = list.items.filter((r) => r.key === 'jkm.funeral');
    expect(funeral.map((r) => [r.validFrom, r.validTo])).toEqual([
      ['2015-07-01', '2019-12-01'],
      ['2019-12-02', '2026-12-31'],
      ['2027-01-01', null],
    ]);
    expect(await audits('claim.benefit_rule.add')).toHaveLength(1);
    const line = async (date: string) =>
      (await estimate(db.app, disnaker, { type: 'jkm', date, income: 1_000_000 })).total;
    expect(await line('2026-12-31')).toBe(42_000_000);
    expect(await line('2027-01-01')).toBe(44_000_000);
    // Readers see the rows; the history itself cannot be edited.
    expect((await listBenefitRules(db.app, opTrirenggo)).items.length).toBe(list.items.length);
    await expect(
      sql`UPDATE benefit_rule SET note = 'x' WHERE key = 'jkm.funeral' AND valid_from = '2019-12-02'`.execute(db.app),
    ).rejects.toThrow();
  });
});
