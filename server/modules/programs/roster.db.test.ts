// Payroll rosters of a PU programme (issue 18 §2), through the HTTP API: a CSV (';') and an XLSX roster give the
// same diff against the cohort and their problems by row and column; accepting registers the unknown person,
// proposes joiners at their wages, ends leavers and re-prices wage changes in one transaction with audit rows; a
// roster that would overrun the ceiling is refused whole.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramCreate } from '../../../lib/contracts/programs.ts';
import type { RosterView } from '../../../lib/contracts/roster.ts';
import { composeNik } from '../../../lib/rules/nik.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { actorContext, addWorkers, BALECATUR, BANTUL_PROGRAM, START } from '../../testing/programs-fixtures.ts';
import { tableDigest } from '../../testing/unchanged.ts';
import { quote } from '../contributions/index.ts';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import { proposeWages, verifyEnrollments } from './index.ts';

const PU_PROGRAM: ProgramCreate = {
  ...BANTUL_PROGRAM,
  name: 'Pegawai non ASN Setda Bantul',
  targetSegments: ['non_civil_servant'],
  declaredIncome: 2_500_000,
  quota: 10,
  budgetCeiling: 100_000_000,
  category: 'pu',
  pu: {
    employerName: 'Sekretariat Daerah Kab. Bantul',
    employerKind: 'opd',
    programs: ['jkk', 'jkm', 'jht', 'jp'],
    riskClass: 1,
    employerSize: 'medium',
  },
};
const TABLES = ['worker', 'enrollment', 'program', 'audit_log'];
const STAFF = ['Ani', 'Budi', 'Citra', 'Dewi', 'Zaki', 'Fajar', 'Gita'];
/** Each cohort has its own staff (a person is covered by one programme at a time) and its own new person. */
const person = (k: number, name: string) => (k === 0 ? name : `${name} ${'ABC'[k]}`);
const newNik = (k: number) => composeNik('34.02.08', '1990-05-17', 'L', 77 + k);
const NO_VILLAGE_NIK = composeNik('34.02.08', '1991-06-18', 'P', 70);

let db: TestDatabase;
let app: App;
let headers: Record<string, string>;
let nik: Map<string, string>;
let channelId: string;
const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');

async function makeCohort(k: number, name: string, ceiling = PU_PROGRAM.budgetCeiling) {
  const r = await app.inject({ method: 'POST', url: '/api/programs', headers, payload: { ...PU_PROGRAM, name } });
  expect(r.statusCode, r.body).toBe(201);
  const programId = (r.json() as { id: string }).id;
  const ids = await db.owner.selectFrom('worker').select(['id', 'full_name']).execute();
  const id = (n: string) => ids.find((w) => w.full_name === person(k, n))!.id;
  const wages = { Ani: 2_500_000, Budi: 3_000_000, Citra: 3_500_000, Zaki: 2_800_000 } as const;
  const out = await proposeWages(db.app, disnaker, programId, {
    rows: Object.entries(wages).map(([n, wage]) => ({ workerId: id(n), wage })),
    fromMonth: START,
  });
  expect(out.notProposed).toEqual([]);
  const verify = out.proposed.filter((p) => p.workerId !== id('Budi')).map((p) => p.enrollmentId);
  expect((await verifyEnrollments(db.app, disnaker, programId, verify)).verified).toBe(3);
  if (ceiling !== PU_PROGRAM.budgetCeiling)
    await sql`UPDATE program SET budget_ceiling = ${ceiling} WHERE id = ${programId}::bigint`.execute(db.owner);
  return programId;
}

const HEADER = ['NIK', 'Nama', 'Jabatan', 'OPD/Unit', 'Gaji', 'Tanggal mulai', 'Tanggal selesai', 'Kode desa'];
/** The roster's rows (row 2 on): what the diff is made of, and one problem per kind. */
function rosterRows(k = 0): (string | number)[][] {
  const p = (n: string) => [nik.get(person(k, n))!, person(k, n)];
  return [
    [...p('Ani'), 'Staf', 'Bagian Umum', '2.500.000', '', '', ''],
    [...p('Citra'), 'Staf', 'Bagian Umum', 'Rp 4.000.000', '', '', ''],
    [...p('Dewi'), 'Pengemudi', 'Bagian Umum', '3.000.000', '02/01/2026', '', ''],
    [newNik(k), person(k, 'Eko Baru'), 'Staf', 'Bagian Keuangan', '2.750.000', '', '', '34.02.08.2004'],
    [...p('Zaki'), 'Staf', 'Bagian Umum', '2.800.000', '01-01-2025', '31 Januari 2025', ''],
    [NO_VILLAGE_NIK, 'Tanpa Desa', 'Staf', 'Bagian Umum', '2.600.000', '', '', ''],
    ['12345', 'NIK Pendek', 'Staf', 'Bagian Umum', '2.600.000', '', '', ''],
    ['3.40208E+15', 'NIK Ilmiah', 'Staf', 'Bagian Umum', '2.600.000', '', '', ''],
    [...p('Fajar'), 'Staf', 'Bagian Umum', 'dua juta', '', '', ''],
    [...p('Gita'), 'Staf', 'Bagian Umum', '2.600.000', '31/02/2026', '', ''],
    [nik.get('Warga Sleman')!, 'Warga Sleman', 'Staf', 'Bagian Umum', '2.600.000', '', '', ''],
  ];
}
const csv = (rows: (string | number)[][]) => Buffer.from([HEADER, ...rows].map((r) => r.join(';')).join('\n'));

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar gaji');
  ws.addRow(HEADER);
  for (const r of rosterRows()) {
    const row = [...r] as (string | number | Date)[];
    if (r[0] === '3.40208E+15') row[0] = 3402081203850001; // a NIK typed into a number cell
    if (r[1] === 'Zaki') [row[5], row[6]] = [new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2025, 0, 31))];
    if (r[1] === 'Citra') row[4] = 4_000_000;
    ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function preview(programId: string, content: Buffer, fileName: string) {
  const r = await app.inject({
    method: 'POST',
    url: `/api/programs/${programId}/roster/preview?fileName=${fileName}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: content,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as RosterView;
}

async function accept(programId: string, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: `/api/programs/${programId}/roster/accept`, headers, payload: body });
}

/** The diff as sets a person can check by hand. */
const diffOf = (v: RosterView) => ({
  joiners: v.joiners.map((j) => `${j.fullName}:${j.wage}:${j.newWorker}:${j.firstMonth}`).sort(),
  leavers: v.leavers.map((l) => `${l.fullName}:${l.why}:${l.status}`).sort(),
  wageChanges: v.wageChanges.map((w) => `${w.fullName}:${w.oldWage}->${w.newWage}:${w.fromMonth}`).sort(),
  unchanged: v.unchanged,
});
const EXPECTED = {
  joiners: [`Dewi:3000000:false:${START}`, `Eko Baru:2750000:true:${START}`],
  leavers: ['Budi:not_in_roster:proposed', 'Zaki:end_date_passed:verified'],
  wageChanges: [`Citra:3500000->4000000:${START}`],
  unchanged: 1,
};
const where = (v: RosterView) => v.issues.map((i) => `${i.row}:${i.column}`);

beforeAll(async () => {
  db = await createTestDatabase('programs_roster');
  app = await testApp(db);
  const d = await makeUser(db, 'disnaker', '34.02', 'disnaker.bantul');
  headers = await signIn(app, d.username, d.password);
  const staff = [0, 1, 2].flatMap((k) =>
    STAFF.map((name) => ({ name: person(k, name), segment: 'non_civil_servant' as const })),
  );
  await addWorkers(db, [...staff, { name: 'Warga Sleman', village: BALECATUR, segment: 'non_civil_servant' }]);
  const rows = await db.owner.selectFrom('worker').select(['full_name', 'nik']).execute();
  nik = new Map(rows.map((r) => [r.full_name, r.nik]));
  // Disnaker's user belongs to an OPD: the channel of whatever it registers.
  const org = await sql<{ id: string }>`
    INSERT INTO gov_organisation (region_code, kind, name, created_by)
    VALUES ('34.02', 'opd', 'Disnakertrans Kab. Bantul', 'test') RETURNING id`.execute(db.owner);
  channelId = org.rows[0]!.id;
  await sql`INSERT INTO gov_member (username, organisation_id, region_code, set_by)
    VALUES ('disnaker.bantul', ${channelId}::bigint, '34.02', 'test')`.execute(db.owner);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('a payroll roster of a PU programme', () => {
  let programId: string;

  it('previews a CSV roster: problems by row and column, the diff and its budget effect, nothing written', async () => {
    programId = await makeCohort(0, 'Roster CSV');
    const before = await tableDigest(db.owner, TABLES);
    const view = await preview(programId, csv(rosterRows()), 'daftar-gaji.csv');
    expect(await tableDigest(db.owner, TABLES)).toEqual(before);
    expect(view.rows).toBe(11);
    expect(diffOf(view)).toEqual(EXPECTED);
    expect(where(view)).toEqual([
      '7:Kode desa', // not registered and no village: cannot be registered
      '8:NIK', // 12345
      '9:NIK', // scientific notation
      '10:Gaji', // "dua juta"
      '11:Tanggal mulai', // 31 February
      '12:NIK', // registered outside the area
    ]);
    expect(view.issues.find((i) => i.row === 9)!.message).toMatch(/angka ilmiah/);
    // Fajar and Gita were not in the cohort: their rows are kept without a wage and join nobody.
    expect(view.roster.find((r) => r.fullName === 'Fajar')!.wage).toBeNull();
    expect(view.joiners.every((j) => j.reasons.length === 0)).toBe(true);
    const b = view.budget;
    expect(b.after).toBe(b.committed + b.joiners + b.leavers + b.wageChanges);
    expect(b.leavers).toBeLessThan(0);
    expect(b.wageChanges).toBeGreaterThan(0);
    expect(b.fits).toBe(true);
    // The wage change costs, month by month, exactly the quote of the new wage less the old one.
    let delta = 0;
    for (let i = 0; i < PU_PROGRAM.months; i += 1) {
      const at = async (wage: number) => {
        const q = await quote(db.app, {
          category: 'pu',
          wage,
          riskClass: 1,
          employerSize: 'medium',
          programs: ['jkk', 'jkm', 'jht', 'jp'],
          date: `${addMonths(START, i)}-01`,
        });
        return q.byPayer.employer + q.byPayer.worker;
      };
      delta += (await at(4_000_000)) - (await at(3_500_000));
    }
    expect(b.wageChanges).toBe(delta);
  });

  it('reads the same roster as XLSX (number-cell NIK refused, date cells) into the same diff', async () => {
    const view = await preview(programId, await xlsx(), 'daftar-gaji.xlsx');
    expect(diffOf(view)).toEqual(EXPECTED);
    const nine = view.issues.find((i) => i.row === 9)!;
    expect(nine.column).toBe('NIK');
    expect(nine.message).toMatch(/tersimpan sebagai angka/);
    expect(where(view)).toContain('10:Gaji');
    expect(where(view)).toContain('11:Tanggal mulai');
  });

  it('accepts the whole diff in one transaction, audited', async () => {
    const view = await preview(programId, csv(rosterRows()), 'daftar-gaji.csv');
    const r = await accept(programId, { roster: view.roster });
    expect(r.statusCode, r.body).toBe(200);
    const done = r.json() as RosterView;
    expect(done.applied).toEqual({ registered: 1, proposed: 2, ended: 1, rejected: 1, repriced: 1 });

    const eko = await db.owner
      .selectFrom('worker')
      .select(['source', 'channel_id', 'category', 'segment', 'village_code', 'birth_date', 'sex', 'monthly_income'])
      .where('nik', '=', newNik(0))
      .executeTakeFirstOrThrow();
    expect(eko).toMatchObject({
      source: `roster:${programId}`,
      channel_id: channelId,
      category: 'PU',
      segment: 'non_civil_servant',
      village_code: '34.02.08.2004',
      birth_date: '1990-05-17',
      sex: 'L',
      monthly_income: '2750000',
    });
    const rows = await sql<{ full_name: string; status: string; wage: string; end_reason: string | null }>`
      SELECT w.full_name, e.status, e.wage, e.end_reason FROM enrollment e JOIN worker w ON w.id = e.worker_id
      WHERE e.program_id = ${programId}::bigint ORDER BY w.full_name`.execute(db.owner);
    expect(rows.rows.map((x) => `${x.full_name}:${x.status}:${x.wage}:${x.end_reason ?? ''}`)).toEqual([
      'Ani:verified:2500000:',
      'Budi:rejected:3000000:',
      'Citra:verified:4000000:',
      'Dewi:proposed:3000000:',
      'Eko Baru:proposed:2750000:',
      'Zaki:ended:2800000:withdrawn',
    ]);
    // The programme holds exactly the sum of its enrollments' prices over their months (the money trigger).
    const held = await sql<{ money: string[]; recount: string }>`
      SELECT p.money_by_month AS money,
        (SELECT coalesce(sum(e.price_by_month[k]), 0) FROM enrollment e, generate_subscripts(e.price_by_month, 1) k
          WHERE e.program_id = p.id AND e.status <> 'rejected'
            AND (p.start_month + make_interval(months => k - 1))::date BETWEEN e.first_month AND e.last_month) AS recount
      FROM program p WHERE p.id = ${programId}::bigint`.execute(db.owner);
    const money = held.rows[0]!;
    expect(money.money.reduce((s, m) => s + Number(m), 0)).toBe(Number(money.recount));
    expect(money.money.reduce((s, m) => s + Number(m), 0)).toBe(done.budget.after);

    const audit = await sql<{ action: string }>`
      SELECT action FROM audit_log
      WHERE (entity_id = ${programId} AND after ? 'roster') OR action IN ('program.roster_accept', 'enrollment.wage_change')
         OR (action = 'worker.roster_register' AND after ->> 'programId' = ${programId})`.execute(db.owner);
    expect(new Set(audit.rows.map((a) => a.action))).toEqual(
      new Set([
        'program.roster_accept',
        'worker.roster_register',
        'enrollment.wage_change',
        'enrollment.end',
        'enrollment.reject',
        'enrollment.propose',
      ]),
    );
    // A second look at the same roster finds nothing left to do but the rows it cannot use.
    const again = await preview(programId, csv(rosterRows()), 'daftar-gaji.csv');
    expect(again.joiners).toEqual([]);
    expect(again.leavers).toEqual([]);
    expect(again.wageChanges).toEqual([]);
  });

  it('accepts a chosen part only', async () => {
    const id = await makeCohort(1, 'Roster sebagian');
    const view = await preview(id, csv(rosterRows(1)), 'daftar-gaji.csv');
    const dewi = view.joiners.find((j) => j.fullName === person(1, 'Dewi'))!;
    const r = await accept(id, { roster: view.roster, joiners: [dewi.row], leavers: [], wageChanges: [] });
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as RosterView).applied).toEqual({
      registered: 0,
      proposed: 1,
      ended: 0,
      rejected: 0,
      repriced: 0,
    });
    const after = await preview(id, csv(rosterRows(1)), 'daftar-gaji.csv');
    expect(diffOf(after).joiners).toEqual([`${person(1, 'Eko Baru')}:2750000:true:${START}`]);
    expect(after.leavers).toHaveLength(2);
    expect(after.wageChanges).toHaveLength(1);
  });

  it('is for the programme managers: a village operator may not preview or accept a roster', async () => {
    const o = await makeUser(db, 'operator', '34.02.08.2004', 'operator.trirenggo');
    const op = await signIn(app, o.username, o.password);
    const before = await tableDigest(db.owner, TABLES);
    const r = await app.inject({
      method: 'POST',
      url: `/api/programs/${programId}/roster/preview?fileName=gaji.csv`,
      headers: { ...op, 'content-type': 'application/octet-stream' },
      payload: csv(rosterRows()),
    });
    expect(r.statusCode).toBe(403);
    const view = await preview(programId, csv(rosterRows()), 'daftar-gaji.csv');
    const a = await app.inject({
      method: 'POST',
      url: `/api/programs/${programId}/roster/accept`,
      headers: op,
      payload: { roster: view.roster },
    });
    expect(a.statusCode).toBe(403);
    expect(await tableDigest(db.owner, TABLES)).toEqual(before);
  });

  it('offers a template whose example row reads without a problem', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/programs/roster-template.xlsx', headers });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Daftar gaji');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.getCell('A2').numFmt).toBe('@');
    const view = await preview(programId, r.rawPayload, 'templat-daftar-gaji.xlsx');
    expect(view.issues).toEqual([]);
    expect(view.joiners.map((j) => [j.fullName, j.wage, j.newWorker])).toEqual([['Siti Contoh', 2_500_000, true]]);
  });

  it('refuses a roster that overruns the ceiling whole: nothing written', async () => {
    const id = await makeCohort(2, 'Roster pagu sempit');
    const committed = await sql<{ held: string }>`
      SELECT (SELECT sum(m) FROM unnest(money_by_month) m) AS held FROM program WHERE id = ${id}::bigint`.execute(
      db.owner,
    );
    await sql`UPDATE program SET budget_ceiling = ${Number(committed.rows[0]!.held) + 1000} WHERE id = ${id}::bigint`.execute(
      db.owner,
    );
    // Everyone stays, Citra earns far more: the wage change alone overruns.
    const p = (n: string) => [nik.get(person(2, n))!, person(2, n)];
    const rows = [
      [...p('Ani'), 'Staf', 'Umum', '2.500.000', '', '', ''],
      [...p('Budi'), 'Staf', 'Umum', '3.000.000', '', '', ''],
      [...p('Citra'), 'Staf', 'Umum', '9.000.000', '', '', ''],
      [...p('Zaki'), 'Staf', 'Umum', '2.800.000', '', '', ''],
      [newNik(2), person(2, 'Eko Baru'), 'Staf', 'Umum', '2.750.000', '', '', '34.02.08.2004'],
    ];
    const before = await tableDigest(db.owner, TABLES);
    const view = await preview(id, csv(rows), 'daftar-gaji.csv');
    expect(view.budget.fits).toBe(false);
    expect(view.wageChanges).toHaveLength(1);
    const r = await accept(id, { roster: view.roster });
    expect(r.statusCode, r.body).toBe(409);
    expect((r.json() as { error: { code: string } }).error.code).toBe('BUDGET_EXCEEDED');
    expect(await tableDigest(db.owner, TABLES)).toEqual(before);
    // Without the wage change, the joiner alone still does not fit: refused whole as well.
    const r2 = await accept(id, { roster: view.roster, wageChanges: [] });
    expect(r2.statusCode, r2.body).toBe(409);
    expect(await tableDigest(db.owner, TABLES)).toEqual(before);
  });
});
