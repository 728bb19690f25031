import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramCreate } from '../../../lib/contracts/programs.ts';
import { composeNik } from '../../../lib/rules/nik.ts';
import { withScope } from '../../platform/db.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import {
  acceptedByBranch,
  actorContext,
  addWorkers,
  BALECATUR,
  BANTUL_PROGRAM,
  PALBAPANG,
  TRIRENGGO,
} from '../../testing/programs-fixtures.ts';
import { createProgram, proposeWages } from './index.ts';
import { electionCountdowns, electionRoster, proposeAllUncovered } from './election.guard.ts';
import { importRoster } from './election.import.ts';

// The election roster guard (issue 18 §3) on the 2024 Pilkada of Kab. Bantul, with the clock before polling day
// (27 November 2024): a roster with mistakes is refused with each row and column and writes nothing; the good roster
// registers the officers new to the registry; who is not yet covered per village and TPS equals a hand count, one
// officer being covered by another programme (the one definition); "Usulkan semua" proposes exactly the service
// months and names who does not fit the quota; the countdown falls to zero as the branch accepts them.

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const TODAY = new Date('2024-10-10T05:00:00Z');
const clock = () => TODAY;
const SERVICE = ['2024-11', '2024-12'];

const ELECTION: ProgramCreate = {
  ...BANTUL_PROGRAM,
  name: 'Badan Ad Hoc Pilkada 2024 Kab. Bantul',
  targetSegments: ['election_worker'],
  declaredIncome: 1_500_000,
  quota: 4,
  startMonth: '2024-10',
  months: 3,
  budgetCeiling: 50_000_000,
  dpaReference: 'NPHD Pilkada 2024',
  category: 'pu',
  pu: {
    employerName: 'Sekretariat KPU Kab. Bantul',
    employerKind: 'kpu',
    programs: ['jkk', 'jkm'],
    riskClass: 1,
    employerSize: 'micro',
    serviceMonths: SERVICE,
    pollingDay: '2024-11-27',
  },
};

const nik = (serial: number, sex: 'L' | 'P' = 'L') => composeNik('34.02.08', '1990-03-12', sex, serial);

let db: TestDatabase;
let programId: string;
let knownNik: string;
let coveredNik: string;

beforeAll(async () => {
  db = await createTestDatabase('programs_election');
  const ids = await addWorkers(db, [
    { name: 'Sri Lestari', village: TRIRENGGO, segment: 'election_worker' },
    { name: 'Bambang Wibowo', village: PALBAPANG, segment: 'election_worker' },
  ]);
  const rows = await db.owner.selectFrom('worker').select(['id', 'nik']).execute();
  knownNik = rows.find((r) => r.id === ids.get('Sri Lestari'))!.nik;
  coveredNik = rows.find((r) => r.id === ids.get('Bambang Wibowo'))!.nik;
  // Bambang is already protected for November–December by another PU programme, accepted by the branch.
  const other = await createProgram(
    db.app,
    disnaker,
    { ...ELECTION, name: 'Pegawai Desa Palbapang', pu: { ...ELECTION.pu!, employerKind: 'desa' } },
    clock,
  );
  await proposeWages(
    db.app,
    disnaker,
    other.id,
    { rows: [{ workerId: ids.get('Bambang Wibowo')!, wage: 2_000_000 }], fromMonth: '2024-11' },
    clock,
  );
  await acceptedByBranch(db, other.id, '2024-11-01');
  programId = (await createProgram(db.app, disnaker, ELECTION, clock)).id;
});
afterAll(async () => {
  await db?.drop();
});

const csv = (lines: string[]) =>
  Buffer.from(['NIK;Nama;Jabatan;Kode Desa;TPS;Honorarium', ...lines].join('\n'), 'utf8');

const countdown = () => withScope(db.app, '34.02', (tx) => electionCountdowns(tx, '34.02', TODAY));

describe('the election roster guard', () => {
  it('refuses a roster with mistakes, naming each row and column, and writes nothing', async () => {
    const result = await importRoster(
      db,
      disnaker,
      programId,
      {
        fileName: 'kpu.csv',
        content: csv([
          `${nik(1)};Ahmad Fauzi;Ketua KPPS;${TRIRENGGO};1;1.200.000`,
          `3.40208E+15;Budi;Anggota KPPS;${TRIRENGGO};1;1.100.000`,
          `${nik(3)};Citra;Bendahara;${TRIRENGGO};;1.000.000`,
          `${nik(4)};Dewi;KPPS;${TRIRENGGO};;1.100.000`,
          `${nik(5)};Eko;PPS;3402082004;;sejuta lebih`,
          `${nik(1)};Ahmad Fauzi lagi;KPPS;${TRIRENGGO};2;1.100.000`,
        ]),
      },
      clock,
    );
    expect(result.imported).toBe(false);
    expect(result.issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'NIK'],
      [4, 'Jabatan'],
      [5, 'TPS'],
      [6, 'Honorarium'],
      [7, 'NIK'],
    ]);
    expect(result.issues[2]!.message).toMatch(/Nomor TPS kosong/);
    // A village outside the regency is found set-based, after the cells are good.
    const outside = await importRoster(
      db,
      disnaker,
      programId,
      { fileName: 'kpu.csv', content: csv([`${nik(9)};Fajar;PPS;${BALECATUR};;1.000.000`]) },
      clock,
    );
    expect(outside.issues).toEqual([
      { row: 2, column: 'Kode Desa', message: expect.stringMatching(/34\.04\.01\.2001/) },
    ]);
    expect(await db.owner.selectFrom('election_officer').selectAll().execute()).toEqual([]);
    expect(await db.owner.selectFrom('worker').select('id').where('nik', '=', nik(9)).execute()).toEqual([]);
  });

  it('imports the roster, registers new officers and shows who is not covered per village and TPS', async () => {
    const result = await importRoster(
      db,
      disnaker,
      programId,
      {
        fileName: 'kpu.csv',
        content: csv([
          `${nik(11)};Ahmad Fauzi;Ketua KPPS;${TRIRENGGO};1;1.200.000`,
          `${nik(12, 'P')};Rina Kartika;Anggota KPPS;${TRIRENGGO};1;1.100.000`,
          `${knownNik};Sri Lestari;Petugas Ketertiban TPS;${TRIRENGGO};2;800.000`,
          `${nik(14)};Joko Susilo;PPS;${TRIRENGGO};;1.500.000`,
          `${coveredNik};Bambang Wibowo;PPS;${PALBAPANG};;1.500.000`,
          `${nik(16, 'P')};Wulan Sari;Pantarlih;3402082001;;1.000.000`,
        ]),
      },
      clock,
    );
    expect(result).toMatchObject({ imported: true, rows: 6, officers: 6, registered: 4, issues: [] });
    const roster = await electionRoster(db.app, disnaker, programId, clock);
    expect(roster.guardMonths).toEqual(SERVICE);
    // The hand count: Bambang (Palbapang, PPS) is covered by his other programme; everyone else is not.
    const byPlace = roster.villages.map((v) => [
      v.village,
      v.officers,
      v.covered,
      v.uncovered,
      v.tps.map((t) => [t.tps, t.officers, t.uncovered]),
    ]);
    expect(byPlace).toEqual([
      [PALBAPANG, 2, 1, 1, [[null, 2, 1]]],
      [
        TRIRENGGO,
        4,
        0,
        4,
        [
          [null, 1, 1],
          [1, 2, 2],
          [2, 1, 1],
        ],
      ],
    ]);
    expect(roster.totals).toEqual({ officers: 6, covered: 1, inProcess: 0, uncovered: 5 });
    expect(roster.notCovered.map((o) => o.fullName).sort()).toEqual(
      ['Ahmad Fauzi', 'Joko Susilo', 'Rina Kartika', 'Sri Lestari', 'Wulan Sari'].sort(),
    );
    const registered = await db.owner
      .selectFrom('worker')
      .select(['segment', 'source', 'village_code'])
      .where('nik', '=', nik(16, 'P'))
      .executeTakeFirstOrThrow();
    expect(registered).toEqual({
      segment: 'election_worker',
      source: `election:${programId}`,
      village_code: PALBAPANG,
    });
    expect(await countdown()).toEqual([
      expect.objectContaining({ programId, pollingDay: '2024-11-27', daysLeft: 48, officers: 6, uncovered: 5 }),
    ]);
  });

  it('"Usulkan semua" proposes exactly the service months; who does not fit the quota is named', async () => {
    const preview = await proposeAllUncovered(db.app, disnaker, programId, { dryRun: true }, clock);
    expect(await db.owner.selectFrom('enrollment').select('id').where('program_id', '=', programId).execute()).toEqual(
      [],
    );
    const done = await proposeAllUncovered(db.app, disnaker, programId, { dryRun: false }, clock);
    expect(done).toEqual(preview);
    expect(done).toMatchObject({ firstMonth: '2024-11', lastMonth: '2024-12', proposed: 4 });
    // Roster order: the fifth uncovered officer (Wulan, row 7) finds the quota of 4 full.
    expect(done.notProposed).toEqual([
      {
        workerId: expect.any(String),
        fullName: 'Wulan Sari',
        reasons: [expect.objectContaining({ code: 'QUOTA_FULL' })],
      },
    ]);
    const enrollments = await db.owner
      .selectFrom('enrollment')
      .select(['first_month', 'last_month', 'wage'])
      .where('program_id', '=', programId)
      .orderBy('wage')
      .execute();
    expect(enrollments).toEqual([
      { first_month: '2024-11-01', last_month: '2024-12-01', wage: '800000' },
      { first_month: '2024-11-01', last_month: '2024-12-01', wage: '1100000' },
      { first_month: '2024-11-01', last_month: '2024-12-01', wage: '1200000' },
      { first_month: '2024-11-01', last_month: '2024-12-01', wage: '1500000' },
    ]);
    const roster = await electionRoster(db.app, disnaker, programId, clock);
    expect(roster.totals).toEqual({ officers: 6, covered: 1, inProcess: 4, uncovered: 1 });
    // Proposed is not covered: the countdown still counts them until the branch accepts them.
    expect((await countdown())[0]).toMatchObject({ uncovered: 5 });
  });

  it('the countdown reaches zero once the branch has accepted every officer', async () => {
    await acceptedByBranch(db, programId, '2024-11-01');
    expect((await countdown())[0]).toMatchObject({ officers: 6, uncovered: 1 });
    await db.owner.updateTable('program').set({ quota: 10 }).where('id', '=', programId).execute();
    const again = await proposeAllUncovered(db.app, disnaker, programId, { dryRun: false }, clock);
    expect(again).toMatchObject({ proposed: 1, notProposed: [] });
    await acceptedByBranch(db, programId, '2024-11-01');
    expect((await countdown())[0]).toMatchObject({ officers: 6, uncovered: 0 });
    const roster = await electionRoster(db.app, disnaker, programId, clock);
    expect(roster.totals).toEqual({ officers: 6, covered: 6, inProcess: 0, uncovered: 0 });
    expect(roster.notCovered).toEqual([]);
  });
});
