// Bills, payments, lapse warnings and the coverage check (issue 5, part 4) against the real database. The clock is
// pinned to 20 May 2026 (WIB); the programme runs January–December 2026 and bills BPU contributions, due the 15th.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageCheckResult, LapseList } from '../../../lib/contracts/billing.ts';
import type { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import {
  activateEnrollments,
  createProgram,
  endEnrollments,
  listEnrollments,
  proposeWorkers,
  submitBatch,
  verifyEnrollments,
} from '../programs/index.ts';
import { actorContext, addWorkers, BANTUL_PROGRAM, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import {
  billingByMonth,
  checkCoverage,
  generateBills,
  listBills,
  listLapseWarnings,
  listPayments,
  recordPayment,
} from './index.ts';
import { tableDigest } from '../../testing/unchanged.ts';

const NOW = new Date('2026-05-20T05:00:00Z'); // 12:00 WIB
const clock = () => NOW;
const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const sleman = actorContext('disnaker', '34.04', 'disnaker.sleman');
const opTrirenggo = actorContext('operator', TRIRENGGO, 'operator.trirenggo');
const bpjs = actorContext('bpjs', '34.02', 'bpjs.bantul');
const PRICE = 16_800;

let db: TestDatabase;
let programId: string;
let programName: string;
const ids = new Map<string, string>(); // worker name → enrollment id
const niks = new Map<string, string>(); // worker name → NIK
const SNAPSHOT_ONLY_NIK = '3402084107800009'; // in the BPJS snapshot only, self-paid, lapsed
const OLD_SNAPSHOT_NIK = '3402084107800010'; // only in a superseded snapshot

const bills = async () =>
  (await listBills(db.app, disnaker, { programId, page: 1, pageSize: 50 }, clock)).items.sort((a, b) =>
    a.month.localeCompare(b.month),
  );
const billOf = async (month: string) => (await bills()).find((b) => b.month === month)!;
const paidThrough = async (name: string) =>
  (
    await db.owner
      .selectFrom('enrollment')
      .select('paid_through')
      .where('id', '=', ids.get(name)!)
      .executeTakeFirstOrThrow()
  ).paid_through;
const audits = async (action: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE action = ${action}`.execute(db.owner)).rows[0]
      ?.n,
  );
const pay = (month: string, amount: number, extra: Partial<{ paidOn: string; reference: string }> = {}) =>
  billOf(month).then((b) =>
    recordPayment(
      db.app,
      disnaker,
      b.id,
      { paidOn: '2026-05-19', amount, reference: `SP2D-${month}`, ...extra },
      clock,
    ),
  );
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};

beforeAll(async () => {
  db = await createTestDatabase('billing');
  const names = ['Ani', 'Budi', 'Citra', 'Dewi', 'Fajar', 'Eka'];
  const workers = await addWorkers(
    db,
    names.map((name) => ({ name, village: name === 'Eka' ? PALBAPANG : TRIRENGGO })),
  );
  for (const w of await db.owner.selectFrom('worker').select(['full_name', 'nik']).execute()) {
    niks.set(w.full_name, w.nik);
  }
  const program = await createProgram(db.app, disnaker, { ...BANTUL_PROGRAM, startMonth: '2026-01', months: 12 });
  programId = program.id;
  programName = program.name;
  await proposeWorkers(db.app, disnaker, programId, { workerIds: [...workers.values()], fromMonth: '2026-01' });
  const proposed = await listEnrollments(db.app, disnaker, programId, { page: 1, pageSize: 50 });
  for (const e of proposed.items) ids.set(e.fullName, e.id);
  await verifyEnrollments(db.app, disnaker, programId, [...ids.values()]);
  await submitBatch(db.app, disnaker, programId);
  await activateEnrollments(
    db.app,
    disnaker,
    programId,
    [...ids.values()].map((id, i) => ({ enrollmentId: id, kpjNumber: `2601000${i}000`, coverageStart: '2026-01-01' })),
  );
  // The BPJS branch's snapshots of the regency: an old one, then the current one.
  const snap = async (asOf: string) =>
    (
      await db.owner
        .insertInto('membership_snapshot')
        .values({ region_code: '34.02', as_of: asOf, source: 'file', imported_by: 'test', persons: 2 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const old = await snap('2026-03-31');
  const current = await snap('2026-04-30');
  const member = (snapshot: string, nik: string, paid: string, village: string | null) => ({
    snapshot_id: snapshot,
    region_code: '34.02',
    nik,
    kpj_number: `99${nik.slice(-8)}`,
    category: 'BPU',
    coverage_start: '2025-06-01',
    coverage_end: null,
    paid_through: paid,
    worker_id: null,
    village_code: village,
    segment: null,
  });
  await db.owner
    .insertInto('bpjs_member')
    .values([
      member(old, OLD_SNAPSHOT_NIK, '2025-08-01', TRIRENGGO),
      member(current, SNAPSHOT_ONLY_NIK, '2026-01-01', TRIRENGGO),
      // Ani also pays herself, far ahead: her programme arrears do not put her at risk.
      member(current, niks.get('Ani')!, '2026-12-01', TRIRENGGO),
    ])
    .execute();
});
afterAll(async () => {
  await db?.drop();
});

describe('bill generation', () => {
  it('makes one bill per month up to the current one: persons × the programme price, due the 15th', async () => {
    const r = await generateBills(db.app, disnaker, {}, clock);
    expect(r).toEqual({ created: 5, refreshed: 0, throughMonth: '2026-05' });
    const list = await bills();
    expect(list.map((b) => b.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    for (const b of list) {
      expect(b).toMatchObject({ persons: 6, pricePerPerson: PRICE, amount: 6 * PRICE, paid: 0, status: 'unpaid' });
      expect(b.dueDate).toBe(`${b.month}-15`);
      expect(b.overdue).toBe(true); // 20 May is after every due date up to 15 May
    }
    const lines = await sql<{ n: string }>`SELECT count(*) AS n FROM bill_line`.execute(db.owner);
    expect(Number(lines.rows[0]?.n)).toBe(30);
  });

  it('is idempotent, and refreshes unpaid bills when enrollments change', async () => {
    expect(await generateBills(db.app, disnaker, {}, clock)).toMatchObject({ created: 0, refreshed: 0 });
    expect(await audits('bill.generate')).toBe(1);
    // Dewi withdraws after March: April and May are billed for five persons.
    await endEnrollments(db.app, disnaker, programId, {
      ids: [ids.get('Dewi')!],
      reason: 'withdrawn',
      lastMonth: '2026-03',
    });
    expect(await generateBills(db.app, disnaker, { programId }, clock)).toMatchObject({ created: 0, refreshed: 2 });
    expect((await bills()).map((b) => b.persons)).toEqual([6, 6, 6, 5, 5]);
    expect((await billOf('2026-04')).amount).toBe(5 * PRICE);
    expect(await audits('bill.generate')).toBe(2);
  });

  it('is for managers in scope: operators and BPJS may not generate, Sleman sees no Bantul bill', async () => {
    const before = await tableDigest(db.owner, ['bill', 'bill_line']);
    expect((await fails(generateBills(db.app, opTrirenggo, {}, clock))).code).toBe('FORBIDDEN');
    expect((await fails(generateBills(db.app, bpjs, {}, clock))).code).toBe('FORBIDDEN');
    expect(await tableDigest(db.owner, ['bill', 'bill_line'])).toEqual(before);
    expect(await generateBills(db.app, sleman, {}, clock)).toMatchObject({ created: 0, refreshed: 0 });
    expect((await listBills(db.app, sleman, { page: 1, pageSize: 50 }, clock)).total).toBe(0);
    expect((await listBills(db.app, bpjs, { programId, page: 1, pageSize: 50 }, clock)).total).toBe(5);
  });
});

describe('payments', () => {
  it('a partial payment leaves the rest in arrears; the remainder pays the bill and moves paid_through', async () => {
    const before = await listBills(db.app, disnaker, { programId, page: 1, pageSize: 50 }, clock);
    expect(before.totals.arrears).toBe(6 * PRICE * 3 + 5 * PRICE * 2);

    const partial = await pay('2026-01', 50_000);
    expect(partial.bill).toMatchObject({ status: 'partial', paid: 50_000, outstanding: 6 * PRICE - 50_000 });
    expect(partial.paidThroughAdvanced).toBe(0);
    expect(await paidThrough('Budi')).toBeNull();

    const rest = await pay('2026-01', 6 * PRICE - 50_000, { reference: 'SP2D-2026-01-B' });
    expect(rest.bill).toMatchObject({ status: 'paid', outstanding: 0, overdue: false, frozen: true });
    expect(rest.paidThroughAdvanced).toBe(6);
    expect(await paidThrough('Budi')).toBe('2026-01-01');
    const after = await listBills(db.app, disnaker, { programId, page: 1, pageSize: 50 }, clock);
    expect(after.totals.arrears).toBe(before.totals.arrears - 6 * PRICE);
    expect(await audits('bill.payment')).toBe(2);
    const payments = await listPayments(db.app, bpjs, { programId, page: 1, pageSize: 50 });
    expect(payments.items.map((p) => p.reference).sort()).toEqual(['SP2D-2026-01', 'SP2D-2026-01-B']);
  });

  it('keeps paid_through contiguous: March paid before February waits for February', async () => {
    await pay('2026-03', 6 * PRICE);
    expect(await paidThrough('Budi')).toBe('2026-01-01');
    await pay('2026-02', 6 * PRICE);
    expect(await paidThrough('Budi')).toBe('2026-03-01');
    expect(await paidThrough('Dewi')).toBe('2026-03-01');
  });

  it('a paid bill is frozen: later changes do not touch it', async () => {
    await endEnrollments(db.app, disnaker, programId, {
      ids: [ids.get('Fajar')!],
      reason: 'death',
      lastMonth: '2026-02',
    });
    await sql`UPDATE worker SET life_status = 'deceased', death_date = '2026-02-10' WHERE nik = ${niks.get('Fajar')!}`.execute(
      db.owner,
    );
    expect(await generateBills(db.app, disnaker, { programId }, clock)).toMatchObject({ refreshed: 2 });
    expect((await bills()).map((b) => b.persons)).toEqual([6, 6, 6, 4, 4]);
  });

  it('refuses bad payments with a clear reason and writes nothing', async () => {
    const april = await billOf('2026-04');
    const before = await tableDigest(db.owner, ['bill', 'payment']);
    const over = await fails(pay('2026-04', april.amount + 1));
    expect(over.code).toBe('PAYMENT_EXCEEDS_BALANCE');
    expect(over.params).toMatchObject({ remaining: 'Rp67.200', month: 'April 2026', program: programName });
    expect((await fails(pay('2026-01', 1))).code).toBe('BILL_ALREADY_PAID');
    expect((await fails(pay('2026-04', 100, { paidOn: '2026-05-21' }))).code).toBe('VALIDATION_FAILED');
    expect(
      (await fails(recordPayment(db.app, bpjs, april.id, { paidOn: '2026-05-01', amount: 1, reference: 'X-1' }, clock)))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await fails(
          recordPayment(db.app, sleman, april.id, { paidOn: '2026-05-01', amount: 1, reference: 'X-1' }, clock),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await billOf('2026-04')).toMatchObject({ paid: 0, status: 'unpaid' });
    expect(await tableDigest(db.owner, ['bill', 'payment'])).toEqual(before);
    expect(await audits('bill.payment')).toBe(4);
  });

  it('records a payment reference once per programme, whatever its case and spaces', async () => {
    for (const reference of ['SP2D-2026-01', '  sp2d-2026-01-b ']) {
      const again = await fails(pay('2026-04', 100, { reference }));
      expect(again.code).toBe('PAYMENT_REFERENCE_TAKEN');
      expect(again.params).toMatchObject({ program: programName, paidOn: '19 Mei 2026', month: 'Januari 2026' });
    }
    expect(await billOf('2026-04')).toMatchObject({ paid: 0 });
    await expect(
      db.owner
        .insertInto('payment')
        .values({
          bill_id: (await billOf('2026-04')).id,
          program_id: programId,
          region_code: '34.02',
          paid_on: '2026-05-01',
          amount: 1,
          reference: 'Sp2d-2026-01 ',
          recorded_by: 'test',
        })
        .execute(),
    ).rejects.toThrow(/payment_reference_uq/);
  });
});

describe('the lapse list', () => {
  it('lists who lapsed and who lapses within 30 days, one row per NIK, soonest first', async () => {
    const list = await listLapseWarnings(db.app, disnaker, { page: 1, pageSize: 50 }, clock);
    // Paid through March: April and May overdue on 20 May; June's due date passes on 15 June → inactive 16 June.
    const soon = list.items.filter((i) => i.kind === 'soon');
    expect(soon.map((i) => i.fullName).sort()).toEqual(['Budi', 'Citra', 'Eka']);
    for (const s of soon) {
      expect(s).toMatchObject({ source: 'program', programName, paidThrough: '2026-03', lapseDate: '2026-06-16' });
      expect(s.daysLeft).toBe(27);
      expect(s.nikMasked).toMatch(/^\d{6}•{6}\d{4}$/);
    }
    // Self-paid through January 2026: February–April overdue → inactive since 16 April.
    expect(list.items[0]).toMatchObject({
      kind: 'lapsed',
      source: 'bpjs',
      programName: 'BPJS (mandiri)',
      paidThrough: '2026-01',
      lapseDate: '2026-04-16',
      daysLeft: -34,
      village: TRIRENGGO,
    });
    expect(list.counts).toEqual({ lapsed: 1, soon: 3 });
    // Ani pays herself ahead; Dewi and Fajar ended; the superseded snapshot is not read.
    const names = list.items.map((i) => i.fullName);
    expect(names).not.toContain('Ani');
    expect(list.items.map((i) => i.nikMasked)).not.toContain(
      `${OLD_SNAPSHOT_NIK.slice(0, 6)}••••••${OLD_SNAPSHOT_NIK.slice(-4)}`,
    );
  });

  it('gives the registry phone with a wa.me link for a mobile, and the worker to open', async () => {
    await sql`UPDATE worker SET phone = CASE full_name WHEN 'Budi' THEN '+6281234567890' ELSE '+62274123456' END
      WHERE full_name IN ('Budi', 'Citra')`.execute(db.owner);
    const list = await listLapseWarnings(db.app, disnaker, { page: 1, pageSize: 50 }, clock);
    const by = (name: string) => list.items.find((i) => i.fullName === name)!;
    expect(by('Budi')).toMatchObject({ phone: '+6281234567890', whatsapp: 'https://wa.me/6281234567890' });
    expect(by('Citra')).toMatchObject({ phone: '+62274123456', whatsapp: null });
    expect(by('Eka')).toMatchObject({ phone: null, whatsapp: null });
    const budi = await db.owner.selectFrom('worker').select('id').where('full_name', '=', 'Budi').executeTakeFirst();
    expect(by('Budi').workerId).toBe(String(budi!.id));
    // Every row of the list tells apart: the masked NIKs of one list differ.
    const masks = list.items.map((i) => i.nikMasked);
    expect(new Set(masks).size).toBe(masks.length);
  });

  it('filters (source, kind) and keeps operators to their villages', async () => {
    const op = await listLapseWarnings(db.app, opTrirenggo, { page: 1, pageSize: 50 }, clock);
    expect(op.items.map((i) => i.fullName ?? i.nikMasked).sort()).toEqual(
      ['Budi', 'Citra', `${SNAPSHOT_ONLY_NIK.slice(0, 6)}••••••${SNAPSHOT_ONLY_NIK.slice(-4)}`].sort(),
    );
    const lapsed = await listLapseWarnings(db.app, disnaker, { kind: 'lapsed', page: 1, pageSize: 50 }, clock);
    expect(lapsed.total).toBe(1);
    const programmes = await listLapseWarnings(db.app, disnaker, { source: 'program', page: 1, pageSize: 50 }, clock);
    expect(programmes.items.every((i) => i.source === 'program')).toBe(true);
    const palbapang = await listLapseWarnings(db.app, disnaker, { region: PALBAPANG, page: 1, pageSize: 50 }, clock);
    expect(palbapang.items.map((i) => i.fullName)).toEqual(['Eka']);
    expect(
      (await fails(listLapseWarnings(db.app, opTrirenggo, { region: PALBAPANG, page: 1, pageSize: 5 }, clock))).code,
    ).toBe('OUT_OF_SCOPE');
    expect((await listLapseWarnings(db.app, sleman, { page: 1, pageSize: 50 }, clock)).total).toBe(0);
  });

  it("paying April takes the programme's people off the list", async () => {
    await pay('2026-04', 4 * PRICE);
    const list = await listLapseWarnings(db.app, disnaker, { page: 1, pageSize: 50 }, clock);
    expect(list.counts).toEqual({ lapsed: 1, soon: 0 });
    expect(await paidThrough('Budi')).toBe('2026-04-01');
  });
});

describe('the coverage check', () => {
  const check = (nik: string, date: string, ctx = disnaker) => checkCoverage(db.app, ctx, { nik, date });

  it('answers covered before the lapse and not covered after it, with the reason', async () => {
    const nik = niks.get('Budi')!;
    const before = await check(nik, '2026-03-10');
    expect(Object.keys(before)).toEqual(['covered', 'programs', 'reason']);
    expect(before.covered).toBe(true);
    expect(before.reason).toBe(`Tertanggung: ${programName}, iuran lunas sampai April 2026.`);
    expect(before.programs).toEqual([
      {
        program: programName,
        source: 'program',
        kpj: expect.stringMatching(/^2601/),
        state: 'covered',
        paidThrough: '2026-04',
        coverageStart: '2026-01-01',
        coverageEnd: '2026-12',
        lapseDate: '2026-07-16',
      },
    ]);
    // Paid through April: May, June, July overdue once 15 July passes.
    expect((await check(nik, '2026-07-15')).covered).toBe(true);
    const after = await check(nik, '2026-07-16');
    expect(after.covered).toBe(false);
    expect(after.programs[0]!.state).toBe('lapsed');
    expect(after.reason).toBe(
      `Tidak tertanggung: iuran ${programName} menunggak sejak Mei 2026 (dibayar sampai April 2026); nonaktif sejak 16 Juli 2026.`,
    );
  });

  it('reads the current BPJS snapshot for a person Lindung does not enroll', async () => {
    const early = await check(SNAPSHOT_ONLY_NIK, '2026-03-01');
    expect(early.covered).toBe(true);
    expect(early.programs).toMatchObject([{ program: 'BPJS mandiri/lainnya', source: 'bpjs', state: 'covered' }]);
    const late = await check(SNAPSHOT_ONLY_NIK, '2026-05-20', opTrirenggo);
    expect(late.covered).toBe(false);
    expect(late.reason).toContain('nonaktif sejak 16 April 2026');
  });

  it('is covered by any source: Ani is covered by her own payments', async () => {
    const r = await check(niks.get('Ani')!, '2026-09-20');
    expect(r.covered).toBe(true);
    expect(r.programs.map((p) => [p.source, p.state])).toEqual([
      ['program', 'lapsed'],
      ['bpjs', 'covered'],
    ]);
  });

  it('ended and deceased participants, and unknown or invalid NIKs', async () => {
    const dewi = await check(niks.get('Dewi')!, '2026-04-10');
    expect(dewi).toMatchObject({ covered: false, programs: [{ state: 'ended', coverageEnd: '2026-03' }] });
    expect(dewi.reason).toBe(`Tidak tertanggung: kepesertaan ${programName} berakhir pada Maret 2026.`);
    expect((await check(niks.get('Dewi')!, '2026-03-31')).covered).toBe(true);

    const fajar = await check(niks.get('Fajar')!, '2026-02-20');
    expect(fajar.covered).toBe(false);
    expect(fajar.reason).toBe('Tidak tertanggung: peserta meninggal dunia pada 10 Februari 2026.');
    expect((await check(niks.get('Fajar')!, '2026-02-09')).covered).toBe(true);

    const unknown = await check('3402084107800099', '2026-05-20');
    expect(unknown).toEqual({ covered: false, programs: [], reason: expect.stringContaining('tidak ditemukan') });

    const invalid = await fails(check('3402089907800001', '2026-05-20'));
    expect(invalid.code).toBe('COVERAGE_NIK_INVALID');
    expect((await fails(check(niks.get('Budi')!, '2026-05-20', actorContext('pimpinan', '34.02')))).code).toBe(
      'FORBIDDEN',
    );
    expect(await audits('coverage.check')).toBeGreaterThanOrEqual(10);
  });

  it('answers operators with their villages’ details only, and the verdict from every region', async () => {
    const r = await check(niks.get('Eka')!, '2026-05-20', opTrirenggo);
    expect(r.covered).toBe(true); // Eka, of Palbapang, is in the regency's programme and paid through April
    expect(r.programs).toEqual([]);
    expect(r.reason).toContain('di luar wilayah Anda');
  });

  it('answers another regency correctly for a NIK covered by this regency’s programme, naming nothing', async () => {
    const budi = niks.get('Budi')!;
    const outside = await check(budi, '2026-05-20', sleman);
    expect(outside).toEqual({
      covered: true,
      programs: [],
      reason: `Tertanggung: NIK ${budi.slice(0, 6)}••••••${budi.slice(-4)} tertanggung pada tanggal ini melalui kepesertaan di luar wilayah Anda. Program dan wilayahnya tidak ditampilkan; tanyakan rinciannya kepada Disnaker atau cabang BPJS.`,
    });
    expect(outside.reason).not.toMatch(new RegExp(`${programName}|Bantul|Trirenggo|34\\.02|terdaftar`));
    // The same verdict as Bantul's own check, on every date: covered while paid, not after the lapse.
    for (const date of ['2026-03-10', '2026-07-15', '2026-07-16', '2027-02-01']) {
      expect((await check(budi, date, sleman)).covered, date).toBe((await check(budi, date)).covered);
    }
    // Not covered: the answer for a registered worker reads exactly like the one for a NIK nobody has.
    const lapsed = await check(budi, '2026-07-16', sleman);
    const nobody = '3402084107800098';
    const unknown = await check(nobody, '2026-07-16', sleman);
    const mask = (nik: string) => `${nik.slice(0, 6)}••••••${nik.slice(-4)}`;
    expect(lapsed.programs).toEqual([]);
    expect(lapsed.reason.replace(mask(budi), 'NIK')).toBe(unknown.reason.replace(mask(nobody), 'NIK'));
    // A person covered only by a BPJS snapshot of another regency (self-paid) counts as well.
    expect((await check(niks.get('Ani')!, '2026-09-20', sleman)).covered).toBe(true);
    expect((await check(SNAPSHOT_ONLY_NIK, '2026-03-01', sleman)).covered).toBe(true);
    // A death recorded in Bantul holds for Sleman too.
    expect((await check(niks.get('Fajar')!, '2026-02-20', sleman)).covered).toBe(false);
    // Audited for the asking regency, without Bantul's village.
    const rows = await db.owner
      .selectFrom('audit_log')
      .select(['region_code', 'entity_id', 'after'])
      .where('action', '=', 'coverage.check')
      .where('actor_username', '=', 'disnaker.sleman')
      .orderBy('id')
      .execute();
    expect(rows[0]).toMatchObject({
      region_code: '34.04',
      entity_id: null,
      after: { nik: mask(budi), date: '2026-05-20', covered: true, outside_scope: true },
    });
  });
});

describe('billing by month (for the coverage dashboards)', () => {
  it('sums billed and paid rupiah per month for programmes in the region', async () => {
    const rows = await billingByMonth(db.app, actorContext('pimpinan', '34.02'), {
      region: '34.02',
      fromMonth: '2025-12',
      toMonth: '2026-06',
    });
    expect(rows).toEqual([
      { month: '2025-12', billed: 0, paid: 0 },
      { month: '2026-01', billed: 6 * PRICE, paid: 6 * PRICE },
      { month: '2026-02', billed: 6 * PRICE, paid: 6 * PRICE },
      { month: '2026-03', billed: 6 * PRICE, paid: 6 * PRICE },
      { month: '2026-04', billed: 4 * PRICE, paid: 4 * PRICE },
      { month: '2026-05', billed: 4 * PRICE, paid: 0 },
      { month: '2026-06', billed: 0, paid: 0 },
    ]);
    expect(
      await billingByMonth(db.app, actorContext('pimpinan', '34.02'), {
        region: '34.02.08',
        fromMonth: '2026-01',
        toMonth: '2026-01',
      }),
    ).toEqual([{ month: '2026-01', billed: 0, paid: 0 }]);
  });
});

describe('the HTTP API', () => {
  let app: App;
  let headers: Record<string, string>;
  let apiPassword: string;
  beforeAll(async () => {
    app = await testApp(db);
    const user = await makeUser(db, 'disnaker', '34.02', 'disnaker.api');
    apiPassword = user.password;
    headers = await signIn(app, user.username, user.password);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('GET /api/coverage/check answers {covered, programs, reason}', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/coverage/check?nik=${niks.get('Budi')}&date=2026-03-10`,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as CoverageCheckResult;
    expect(body.covered).toBe(true);
    const bad = await app.inject({ method: 'GET', url: '/api/coverage/check?nik=12345&date=2026-02-30', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('16 angka');
  });

  it('limits NIK lookups per user (whatever the address) and records the refusal as a security event', async () => {
    const strict = await testApp(db, { NIK_LOOKUPS_PER_HOUR: '3' });
    try {
      const slemanUser = await makeUser(db, 'disnaker', '34.04', 'disnaker.sleman.api');
      const slemanHeaders = await signIn(strict, slemanUser.username, slemanUser.password);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await strict.inject({
          method: 'GET',
          url: `/api/coverage/check?nik=${niks.get('Budi')}&date=2026-05-20`,
          headers: slemanHeaders,
          remoteAddress: `198.51.100.${i + 1}`,
        });
        codes.push(r.statusCode);
        if (r.statusCode === 200) expect(r.json()).toMatchObject({ covered: true, programs: [] });
        else expect(r.json().error.message).toContain('batas 3 pencarian NIK per jam');
      }
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      // Another user has a budget of their own.
      const own = await strict.inject({
        method: 'GET',
        url: `/api/coverage/check?nik=${niks.get('Budi')}&date=2026-05-20`,
        headers: await signIn(strict, 'disnaker.api', apiPassword),
      });
      expect(own.statusCode).toBe(200);
      const events = await db.owner
        .selectFrom('security_event')
        .selectAll()
        .where('username', '=', slemanUser.username)
        .execute();
      expect(events.length).toBeGreaterThanOrEqual(1);
      expect(events[0]).toMatchObject({ kind: 'rate_limited', path: '/api/coverage/check', region_code: '34.04' });
    } finally {
      await strict.close();
    }
  });

  it('refuses dates outside 1900–2100 with 400 on every route that takes one', async () => {
    const bill = await billOf('2026-05');
    for (const [method, url, payload] of [
      ['GET', `/api/coverage/check?nik=${niks.get('Budi')}&date=0000-01-01`, undefined],
      ['GET', `/api/coverage/check?nik=${niks.get('Budi')}&date=2101-01-01`, undefined],
      ['GET', '/api/audit?from=0000-01-01', undefined],
      ['GET', '/api/bills?month=0000-01', undefined],
      ['POST', `/api/bills/${bill.id}/payments`, { paidOn: '1899-12-31', amount: 1, reference: 'SP2D-X' }],
      [
        'POST',
        '/api/contributions/quote',
        { category: 'bpu', income: 1_000_000, programs: ['jkk'], date: '0000-01-01' },
      ],
    ] as const) {
      const r = await app.inject({ method, url, headers, ...(payload && { payload }) });
      expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses a payment with a zero amount naming the field, and lists warnings', async () => {
    const bill = await billOf('2026-05');
    const res = await app.inject({
      method: 'POST',
      url: `/api/bills/${bill.id}/payments`,
      headers,
      payload: { paidOn: '2026-05-01', amount: 0, reference: 'SP2D-1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('amount');
    const list = await app.inject({ method: 'GET', url: '/api/lapse-warnings?kind=lapsed', headers });
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as LapseList).items.length).toBeGreaterThanOrEqual(1);
    const xlsx = await app.inject({ method: 'GET', url: '/api/bills.xlsx', headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const lapseXlsx = await app.inject({ method: 'GET', url: '/api/lapse-warnings.xlsx?kind=lapsed', headers });
    expect(lapseXlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(lapseXlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(3).values).toContain('Nonaktif mulai');
    expect(sheet.getRow(4).values).toContain('BPJS (mandiri)');
    // Names and KPJ numbers left Lindung: the export is in the audit log.
    const audit = await db.owner
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'billing.lapse.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ filter: { kind: 'lapsed' } });
  });
});
