import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { runCli } from '../../testing/run-cli.ts';
import type { App } from '../../platform/http.ts';
import { CONTRIBUTION_RULE_SEED } from '../../../lib/rules/contribution-rules.seed.ts';

let db: TestDatabase;
let app: App;
let adminHeaders: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase('contributions');
  app = await testApp(db);
  const admin = await makeUser(db, 'admin', '*', 'admin.nasional');
  adminHeaders = await signIn(app, admin.username, admin.password);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const quote = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/contributions/quote', payload: payload as object, headers });

const bpu = (extra: Record<string, unknown> = {}) => ({
  category: 'bpu',
  income: 1_000_000,
  programs: ['jkk', 'jkm'],
  date: '2025-06-01',
  ...extra,
});

const puMedium = (date: string) => ({
  category: 'pu',
  wage: 5_000_000,
  riskClass: 1,
  employerSize: 'medium',
  programs: ['jkk', 'jkm', 'jht', 'jp'],
  date,
});

const ruleCount = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM contribution_rule`.execute(db.owner)).rows[0]?.n);

const auditRows = (action: string) =>
  db.owner.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

describe('the rule table', () => {
  it('is seeded set-based from CONTRIBUTION_RULE_SEED, once, and audited', async () => {
    expect(await ruleCount()).toBe(CONTRIBUTION_RULE_SEED.length);
    const seed = await auditRows('contribution_rule.seed');
    expect(seed).toHaveLength(1);
    expect(seed[0]?.after).toMatchObject({ rows: CONTRIBUTION_RULE_SEED.length });
  });

  it('lists rows publicly with their citation and validity, filtered by key and date; notes for admins only', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/contributions/rules?key=bpu.income.row&date=2026-05-01' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { scope: string; value: { rupiah: number }; note?: string }[];
    expect(items).toHaveLength(33);
    expect(items.find((r) => r.scope === '8')).toEqual(
      expect.objectContaining({
        key: 'bpu.income.row',
        validFrom: '2015-07-01',
        validTo: null,
        value: { kind: 'income', rupiah: 2_400_000, earningsFrom: 2_300_000 },
        citation: 'PP 44/2015 Lampiran II',
        unconfirmed: true,
      }),
    );
    for (const r of items) expect(r).not.toHaveProperty('note');
    const all = (await app.inject({ method: 'GET', url: '/api/contributions/rules' })).body;
    expect(all).not.toMatch(/§|\.md\b|\[[SVM]\]|⚠/);
    const asAdmin = await app.inject({
      method: 'GET',
      url: '/api/contributions/rules?key=bpu.income.row',
      headers: adminHeaders,
    });
    const row8 = (asAdmin.json().items as { scope: string; note?: string; citation: string }[]).find(
      (r) => r.scope === '8',
    );
    expect(row8?.citation).toBe('PP 44/2015 Lampiran II');
    expect(row8?.note).toContain('menunggu verifikasi');
    const caps = await app.inject({ method: 'GET', url: '/api/contributions/rules?prefix=pu.jp.' });
    expect(caps.json().items.map((r: { key: string }) => r.key)).toContain('pu.jp.wage_cap');
    const bad = await app.inject({ method: 'GET', url: '/api/contributions/rules?date=2025-02-30' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses any edit of history, even by the owner', async () => {
    const update = await sql`UPDATE contribution_rule SET value = '{"kind":"rate","bp":1}' WHERE key = 'pu.jkm.rate'`
      .execute(db.owner)
      .then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect(update).toMatch(/never edited/);
    const citation = await sql`UPDATE contribution_rule SET citation = 'PP 1/2099' WHERE key = 'pu.jkm.rate'`
      .execute(db.owner)
      .then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect(citation).toMatch(/never edited/);
    // The database itself refuses research notes in a citation.
    const marked = await sql`INSERT INTO contribution_rule (key, valid_from, citation, legal_basis, value, created_by)
      VALUES ('x.y', '2030-01-01', 'PP 44/2015 [S] kaltimkita.com', 'uji', '{"kind":"rate","bp":1}', 'uji')`
      .execute(db.owner)
      .then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect(marked).toMatch(/contribution_rule_citation_for_print/);
    const del = await sql`DELETE FROM contribution_rule`.execute(db.owner).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    expect(del).toMatch(/never edited/);
    const appDelete = await sql`DELETE FROM contribution_rule`.execute(db.app).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    expect(appDelete).toMatch(/permission denied/);
  });
});

describe('POST /api/contributions/quote (public)', () => {
  it('BPU Rp1,000,000 with JKK + JKM costs Rp16,800 and cites its rows', async () => {
    const res = await quote(bpu());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(16_800);
    expect(body.byPayer).toEqual({ employer: 0, worker: 0, participant: 16_800, government: 0 });
    expect(body.items.map((i: { program: string; amount: number }) => [i.program, i.amount])).toEqual([
      ['jkk', 10_000],
      ['jkm', 6_800],
    ]);
    expect(body.items[0].basis).toBe('PP 44/2015 Lampiran II; Permenaker 5/2021');
    expect(res.body).not.toMatch(/§|\.md\b|\[[SVM]\]|⚠/);
    const used = body.rulesUsed.map((r: { key: string }) => r.key);
    expect(used).toEqual(
      expect.arrayContaining(['bpu.mandatory_programs', 'bpu.income.row', 'bpu.jkk.rate', 'bpu.jkm.flat']),
    );
    for (const r of body.rulesUsed) {
      expect(r.id).toMatch(/^\d+$/);
      expect(r.citation).not.toBe('');
      expect(r).not.toHaveProperty('note');
      expect(r.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('BPU with JHT costs Rp36,800', async () => {
    const res = await quote(bpu({ programs: ['jkk', 'jkm', 'jht'] }));
    expect(res.json().total).toBe(36_800);
  });

  it('Jakon contract Rp2,000,000,000 costs Rp2,950,000 once, paid by the contractor', async () => {
    const res = await quote({ category: 'jakon', contractValue: 2_000_000_000, date: '2025-06-01' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { program: string; amount: number }) => [i.program, i.amount])).toEqual([
      ['jkk', 2_640_000],
      ['jkm', 310_000],
    ]);
    expect(body.total).toBe(2_950_000);
    expect(body.byPayer.employer).toBe(2_950_000);
  });

  it('PU worked example: Rp5,000,000, class 1, medium employer → employer Rp312,000, worker Rp150,000', async () => {
    const res = await quote(puMedium('2025-06-01'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.byPayer).toEqual({ employer: 312_000, worker: 150_000, participant: 0, government: 0 });
    expect(body.total).toBe(462_000);
    const cap = body.rulesUsed.find((r: { key: string }) => r.key === 'pu.jp.wage_cap');
    expect(cap).toMatchObject({ validFrom: '2025-03-01', validTo: '2026-02-28', value: { rupiah: 10_547_400 } });
    expect(cap.citation).toBe('PP 45/2015 Pasal 29 ayat (3) dan (4)');
    // With JKP (PP 6/2025): labels move, the employer pays the same, central government adds 0.22 %.
    const jkp = (await quote({ ...puMedium('2025-06-01'), programs: ['jkk', 'jkm', 'jht', 'jp', 'jkp'] })).json();
    expect(jkp.byPayer).toEqual({ employer: 312_000, worker: 150_000, participant: 0, government: 11_000 });
    expect(jkp.recomposition).toMatchObject({ wageBase: 5_000_000, fromJkk: 7_000, fromJkm: 0, jkpTotal: 18_000 });
  });

  it('PP 50/2025 on 2026-05-01: withheld from APBD (Rp16,800), applied to self-paid (Rp8,400)', async () => {
    const apbd = (await quote(bpu({ date: '2026-05-01', funding: 'apbd' }))).json();
    expect(apbd.total).toBe(16_800);
    expect(apbd.byPayer.government).toBe(16_800);
    const self = (await quote(bpu({ date: '2026-05-01', funding: 'self' }))).json();
    expect(self.total).toBe(8_400);
    expect(self.items.map((i: { amount: number; grossAmount?: number }) => [i.amount, i.grossAmount])).toEqual([
      [5_000, 10_000],
      [3_400, 6_800],
    ]);
    expect(self.rulesUsed.map((r: { key: string }) => r.key)).toContain('discount.pp50_2025.bpu');
  });

  it('answers a date without rules with a 422 RULE_GAP in Indonesian (English on request), never a zero', async () => {
    const res = await quote(bpu({ date: '2015-01-01' }));
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('RULE_GAP');
    expect(error.message).toBe(
      'Belum ada aturan iuran bpu.mandatory_programs yang berlaku pada 2015-01-01, jadi iuran tidak dapat dihitung ' +
        '(tidak dianggap nol). Administrator Lindung harus menambahkan baris aturan itu beserta dasar hukumnya.',
    );
    const en = await quote(bpu({ date: '2015-01-01' }), { 'x-lindung-locale': 'en' });
    expect(en.json().error.message).toMatch(/^No contribution rule bpu\.mandatory_programs is in force on 2015-01-01/);
  });

  it('refuses an income that is not a row of the BPU table, listing the incomes available', async () => {
    const res = await quote(bpu({ income: 1_500_000 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'INCOME_NOT_IN_TABLE',
      message:
        'Penghasilan Rp1.500.000 tidak ada dalam tabel penghasilan BPU (PP 44/2015 Lampiran II) pada 2025-06-01. ' +
        'Pilih salah satu: Rp1.000.000, Rp1.200.000, Rp1.400.000, Rp1.600.000, Rp1.800.000, Rp2.000.000, ' +
        'Rp2.200.000, Rp2.400.000, Rp2.600.000, Rp2.950.000, Rp3.450.000, Rp3.950.000, Rp4.450.000, Rp4.950.000, ' +
        'Rp5.450.000, Rp5.950.000, Rp6.450.000, Rp6.950.000, Rp7.450.000, Rp7.950.000, Rp8.700.000, Rp9.700.000, ' +
        'Rp10.700.000, Rp11.700.000, Rp12.700.000, Rp13.700.000, Rp14.700.000, Rp15.700.000, Rp16.700.000, ' +
        'Rp17.700.000, Rp18.700.000, Rp19.700.000, Rp20.700.000.',
    });
    // A row of the full table quotes: Rp2,400,000 (real income Rp2,300,000–Rp2,499,999) → JKK Rp24,000.
    const row8 = (await quote(bpu({ income: 2_400_000 }))).json();
    expect(row8.total).toBe(24_000 + 6_800);
    expect(row8.rulesUsed).toContainEqual(expect.objectContaining({ key: 'bpu.income.row', scope: '8' }));
  });

  it('names programmes that are not available or missing', async () => {
    const jp = await quote(bpu({ programs: ['jkk', 'jkm', 'jp'] }));
    expect(jp.statusCode).toBe(422);
    expect(jp.json().error).toMatchObject({ code: 'PROGRAM_NOT_AVAILABLE' });
    expect(jp.json().error.message).toContain('Program JP tidak tersedia untuk kategori BPU');
    const noJp = await quote({ ...puMedium('2025-06-01'), programs: ['jkk', 'jkm', 'jht'] });
    expect(noJp.statusCode).toBe(422);
    expect(noJp.json().error.code).toBe('PROGRAM_REQUIRED');
    expect(noJp.json().error.message).toContain('Program wajib belum dipilih: JP (Perpres 109/2013');
  });

  it('prices PMI packages', async () => {
    const res = await quote({ category: 'pmi', package: 24, date: '2025-06-01' });
    expect(res.json()).toMatchObject({ total: 370_000, byPayer: { participant: 370_000 } });
    expect(res.json().items[0].program).toBe('jkk_jkm');
  });

  it('answers unknown fields, wrong types, bad dates and bad JSON with a 400', async () => {
    const unknown = await quote(bpu({ discount: 100 }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    expect(unknown.json().error.message).toContain('discount');
    expect((await quote(bpu({ income: '1000000' }))).statusCode).toBe(400);
    expect((await quote(bpu({ date: '2025-02-30' }))).statusCode).toBe(400);
    expect((await quote(bpu({ programs: ['jkk', 'jkk'] }))).statusCode).toBe(400);
    expect((await quote({ ...bpu(), category: 'asn' })).statusCode).toBe(400);
    expect((await quote({ category: 'jakon', date: '2025-06-01' })).statusCode).toBe(400);
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/contributions/quote',
      headers: { 'content-type': 'application/json' },
      payload: '{"category": "bpu",',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('BAD_JSON');
  });
});

describe('POST /api/contributions/cost (public)', () => {
  it('Penajam Paser Utara: 15,000 persons × Rp16,800 × 12 months = Rp3,024,000,000', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/contributions/cost',
      payload: {
        input: { category: 'bpu', income: 1_000_000, programs: ['jkk', 'jkm'], funding: 'apbd' },
        persons: 15_000,
        months: 12,
        startMonth: '2025-01',
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3_024_000_000);
    expect(body.byPayer.government).toBe(3_024_000_000);
    expect(body.months).toHaveLength(12);
    expect(body.months[0]).toMatchObject({ month: '2025-01', perPerson: 16_800, amount: 252_000_000 });
  });

  it('refuses one-off payments and a gap month with clear errors', async () => {
    const pmi = await app.inject({
      method: 'POST',
      url: '/api/contributions/cost',
      payload: { input: { category: 'pmi', package: 24 }, persons: 1, months: 12, startMonth: '2025-01' },
    });
    expect(pmi.statusCode).toBe(400);
    expect(pmi.json().error.message).toContain('dibayar sekali');
    const gap = await app.inject({
      method: 'POST',
      url: '/api/contributions/cost',
      payload: {
        input: { category: 'bpu', income: 1_000_000, programs: ['jkk', 'jkm'] },
        persons: 10,
        months: 12,
        startMonth: '2015-01',
      },
    });
    expect(gap.statusCode).toBe(422);
    expect(gap.json().error.code).toBe('RULE_GAP');
  });
});

describe('GET /api/contributions/benefits (public)', () => {
  it('summarises JKM and JKK with legal basis, and prices wage-based benefits for a wage', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/contributions/benefits?wage=1000000' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const jkm = body.programs.find((p: { program: string }) => p.program === 'jkm');
    expect(jkm.cashTotal).toBe(42_000_000);
    expect(jkm.citation).toContain('PP 82/2019');
    expect(res.body).not.toMatch(/§|\.md\b|\[[SVM]\]|⚠/);
    expect(res.body).not.toContain('"note"');
    const jkk = body.programs.find((p: { program: string }) => p.program === 'jkk');
    expect(jkk.items.find((i: { key: string }) => i.key === 'jkk.death').amountForWage).toBe(70_000_000);
    expect(body.scholarship.maxTotal).toBe(174_000_000);
    expect((await app.inject({ method: 'GET', url: '/api/contributions/benefits?wage=-5' })).statusCode).toBe(400);
  });
});

describe('POST /api/contributions/rules (national admin)', () => {
  const jpCap2027 = {
    key: 'pu.jp.wage_cap',
    validFrom: '2027-03-01',
    citation: 'PP 45/2015 Pasal 29 ayat (3) dan (4)',
    note: 'batas upah JP Maret 2027 (angka uji) [M] ⚠ belum diumumkan',
    value: { kind: 'cap', rupiah: 11_600_000 },
  };
  const jpWorkerOn = async (date: string) => {
    const body = (await quote({ ...puMedium(date), wage: 20_000_000 })).json();
    return body.items.find((i: { program: string; payer: string }) => i.program === 'jp' && i.payer === 'worker')
      .amount as number;
  };

  it('quotes PU after March 2026 with the seeded 2026 cap, then ends it with the 2027 cap a national admin adds', async () => {
    const april2026 = await quote(puMedium('2026-04-01'));
    expect(april2026.statusCode).toBe(200);
    expect(april2026.json().byPayer).toMatchObject({ employer: 312_000, worker: 150_000 });
    expect(await jpWorkerOn('2026-04-01')).toBe(110_863); // 1 % of Rp11,086,300, half up

    const res = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: jpCap2027,
    });
    expect(res.statusCode).toBe(201);
    const { rule, closed } = res.json();
    expect(closed).toMatchObject({ validFrom: '2026-03-01', validTo: '2027-02-28', value: { rupiah: 11_086_300 } });
    expect(rule).toMatchObject({
      key: 'pu.jp.wage_cap',
      scope: '',
      validFrom: '2027-03-01',
      validTo: null,
      citation: jpCap2027.citation,
      note: jpCap2027.note,
      unconfirmed: true,
    });

    expect(await jpWorkerOn('2027-02-28')).toBe(110_863);
    expect(await jpWorkerOn('2027-04-01')).toBe(116_000);
    const after = (await quote(puMedium('2027-04-01'))).json();
    expect(after.rulesUsed).toContainEqual(expect.objectContaining({ id: rule.id, value: jpCap2027.value }));
    expect(after.rulesUsed.find((r: { id: string }) => r.id === rule.id)).not.toHaveProperty('note');

    const audit = (await auditRows('contribution_rule.create')).find((a) => a.entity_id === rule.id);
    expect(audit).toMatchObject({ actor_username: 'admin.nasional', actor_role: 'admin', entity: 'contribution_rule' });
    expect(audit?.after).toMatchObject({
      key: 'pu.jp.wage_cap',
      valid_from: '2027-03-01',
      citation: jpCap2027.citation,
      legal_basis: jpCap2027.note,
      value: jpCap2027.value,
    });
  });

  it('refuses research notes in the citation (they belong in the note)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: { ...jpCap2027, validFrom: '2029-03-01', citation: 'PP 45/2015 Pasal 29 (domain.md §11.3)' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('citation');
  });

  it('ends an open row the day before its successor, audited, and prices each side of the change', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: {
        key: 'pmi.extra_month',
        validFrom: '2030-01-01',
        citation: 'Permenaker 4/2023 Pasal 18',
        value: { kind: 'amount', rupiah: 14_000 },
      },
    });
    expect(res.statusCode).toBe(201);
    const { rule, closed } = res.json();
    expect(closed).toMatchObject({ key: 'pmi.extra_month', validFrom: '2023-03-01', validTo: '2029-12-31' });
    const pmi = (date: string) =>
      quote({ category: 'pmi', package: 6, extraMonths: 2, preEmployment: false, date }).then((r) => r.json().total);
    expect(await pmi('2029-12-31')).toBe(108_000 + 2 * 13_500);
    expect(await pmi('2030-01-01')).toBe(108_000 + 2 * 14_000);
    const close = (await auditRows('contribution_rule.close')).find((a) => a.entity_id === closed.id);
    expect(close?.before).toEqual({ valid_to: null });
    expect(close?.after).toEqual({ valid_to: '2029-12-31', superseded_by: rule.id });
    expect(close?.request_id).toBe(
      (await auditRows('contribution_rule.create')).find((a) => a.entity_id === rule.id)?.request_id,
    );
  });

  it('refuses an overlapping row with a 409 and writes nothing', async () => {
    const rows = await ruleCount();
    const audits = (await auditRows('contribution_rule.create')).length;
    const res = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: { ...jpCap2027, validFrom: '2025-06-01', validTo: '2025-12-31' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RULE_OVERLAP');
    expect(res.json().error.message).toMatch(
      /^Baris aturan pu\.jp\.wage_cap \(2025-06-01 – 2025-12-31\) tumpang tindih dengan baris yang sudah ada: #\d+ 2025-03-01 – 2026-02-28\./,
    );
    // An open row may only be ended by a successor that starts after it, never replaced from before its start.
    const earlier = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: { ...jpCap2027, validFrom: '2026-01-01', validTo: null },
    });
    expect(earlier.statusCode).toBe(409);
    const duplicateIncome = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: {
        key: 'bpu.income.row',
        scope: '1',
        validFrom: '2026-01-01',
        citation: 'PP 44/2015 Lampiran II',
        note: 'baris ganda, uji',
        value: { kind: 'income', rupiah: 1_000_000, earningsFrom: 0 },
      },
    });
    expect(duplicateIncome.statusCode).toBe(409);
    expect(await ruleCount()).toBe(rows);
    expect((await auditRows('contribution_rule.create')).length).toBe(audits);
  });

  it('adds another income row beside the existing one (a table under one key)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: {
        key: 'bpu.income.row',
        validFrom: '2015-07-01',
        citation: 'PP 44/2015 Lampiran II',
        note: 'baris Rp1.300.000, uji',
        value: { kind: 'income', rupiah: 1_300_000 },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().closed).toBeNull();
    const q = (await quote(bpu({ income: 1_300_000 }))).json();
    expect(q.total).toBe(13_000 + 6_800);
  });

  it('refuses a value of the wrong kind for the key, and malformed rows', async () => {
    const wrongKind = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: { ...jpCap2027, validFrom: '2027-03-01', value: { kind: 'rate', bp: 100 } },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toContain('value.kind untuk aturan pu.jp.wage_cap harus cap');
    const reversed = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: { ...jpCap2027, validFrom: '2027-03-01', validTo: '2027-02-01' },
    });
    expect(reversed.statusCode).toBe(400);
    const extra = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: adminHeaders,
      payload: { ...jpCap2027, validFrom: '2027-03-01', id: 1 },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('is for national admins only: 401 without sign-in, 403 for other roles and for a regency admin', async () => {
    const payload = { ...jpCap2027, validFrom: '2028-03-01' };
    const rows = await ruleCount();
    const anonymous = await app.inject({ method: 'POST', url: '/api/contributions/rules', payload });
    expect(anonymous.statusCode).toBe(401);
    const disnaker = await makeUser(db, 'disnaker', '34.02', 'disnaker.tarif');
    const asDisnaker = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: await signIn(app, disnaker.username, disnaker.password),
      payload,
    });
    expect(asDisnaker.statusCode).toBe(403);
    expect(asDisnaker.json().error.code).toBe('FORBIDDEN');
    const regency = await makeUser(db, 'admin', '34.02', 'admin.bantul.tarif');
    const asRegency = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: await signIn(app, regency.username, regency.password),
      payload,
    });
    expect(asRegency.statusCode).toBe(403);
    expect(asRegency.json().error).toMatchObject({
      code: 'OUT_OF_SCOPE',
      message: 'Wilayah Seluruh Indonesia (*) berada di luar wilayah kerja Anda.',
    });
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/contributions/rules',
      headers: { cookie: adminHeaders.cookie ?? '' },
      payload,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_REJECTED');
    expect(await ruleCount()).toBe(rows);
  });
});

describe('OpenAPI', () => {
  it('documents every contributions route', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = spec.paths as Record<string, Record<string, { description?: string }>>;
    expect(Object.keys(paths['/api/contributions/quote'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/api/contributions/cost'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/api/contributions/rules'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/contributions/benefits'] ?? {})).toEqual(['get']);
    expect(paths['/api/contributions/quote']?.post?.description).toContain('RULE_GAP');
  });
});

describe('lindung contribution (CLI)', () => {
  it('prints the BPU example as JSON in the documented shape', async () => {
    const r = await runCli(
      [
        'contribution',
        '--category',
        'bpu',
        '--income',
        '1000000',
        '--programs',
        'jkk,jkm',
        '--date',
        '2025-06-01',
        '--json',
      ],
      { DATABASE_URL: db.url },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      items: [
        {
          program: 'jkk',
          payer: 'participant',
          amount: 10_000,
          basis: 'PP 44/2015 Lampiran II; Permenaker 5/2021',
        },
        {
          program: 'jkm',
          payer: 'participant',
          amount: 6_800,
          basis: 'PP 44/2015; Permenaker 5/2021',
        },
      ],
      total: 16_800,
      byPayer: { employer: 0, worker: 0, participant: 16_800, government: 0 },
    });
  });

  it('prints a readable Indonesian table, and names a bad argument with exit code 1', async () => {
    const table = await runCli(
      ['contribution', '--category', 'jakon', '--contract-value', '2.000.000.000', '--date', '2025-06-01'],
      { DATABASE_URL: db.url },
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Iuran JAKON sekali bayar');
    expect(table.stdout).toMatch(/Total\s+Rp2\.950\.000/);
    expect(table.stdout).toContain('1. JKK (Pemberi kerja): PP 44/2015; Permenakertrans 44/2015');
    expect(table.stdout).not.toMatch(/§|\.md\b|\[[SVM]\]|⚠/);
    const bad = await runCli(['contribution', '--category', 'bpu', '--income', 'sejuta', '--programs', 'jkk,jkm'], {
      DATABASE_URL: db.url,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--income');
    const missing = await runCli(['contribution', '--category', 'pu', '--wage', '5000000', '--programs', 'jkk,jkm'], {
      DATABASE_URL: db.url,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--risk-class');
    const gap = await runCli(
      ['contribution', '--category', 'bpu', '--income', '1000000', '--programs', 'jkk,jkm', '--date', '2015-01-01'],
      { DATABASE_URL: db.url },
    );
    expect(gap.code).toBe(1);
    expect(gap.stderr).toContain('Belum ada aturan iuran bpu.mandatory_programs yang berlaku pada 2015-01-01');
  });
});
