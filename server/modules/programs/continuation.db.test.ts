import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramCreate } from '../../../lib/contracts/programs.ts';
import { incomeForEarnings } from '../../../lib/rules/contributions.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import {
  acceptedByBranch,
  actorContext,
  addWorkers,
  BANTUL_PROGRAM,
  markDeceased,
  TRIRENGGO,
} from '../../testing/programs-fixtures.ts';
import { loadRules, quote } from '../contributions/index.ts';
import { continuationList } from './continuation.ts';
import { createProgram, proposeWages, proposeWorkers } from './index.ts';

// "Lanjutkan mandiri" (issue 18 §5): after a funded period ends, the persons who are neither dead nor enrolled or
// covered again are listed with the self-paid BPU price at their income (the engine's quote, so the PP 50/2025
// discount in force is applied), exported as XLSX, and each gets a letter (PDF) whose making is audited.

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const ELECTION: ProgramCreate = {
  ...BANTUL_PROGRAM,
  name: 'Badan ad hoc Pilkada Bantul 2024',
  targetSegments: ['non_civil_servant'],
  declaredIncome: 1_500_000,
  quota: 10,
  startMonth: '2026-01',
  months: 3,
  budgetCeiling: 1_000_000_000,
  category: 'pu',
  pu: {
    employerName: 'Sekretariat KPU Kab. Bantul',
    employerKind: 'kpu',
    programs: ['jkk', 'jkm'],
    riskClass: 1,
    employerSize: 'micro',
  },
};
const NAMES = ['Ketua KPPS', 'Anggota PPS', 'Pengemudi Logistik', 'Almarhum', 'Mundur', 'Lanjut Lagi'];

let db: TestDatabase;
let id: Map<string, string>;
let electionId: string;
const w = (n: string) => id.get(n)!;
const julyClock = () => new Date('2026-07-15T03:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase('programs_continuation');
  id = await addWorkers(
    db,
    NAMES.map((name) => ({
      name,
      village: TRIRENGGO,
      segment: name === 'Pengemudi Logistik' ? ('driver' as const) : ('non_civil_servant' as const),
    })),
  );
  const election = await createProgram(db.app, disnaker, {
    ...ELECTION,
    targetSegments: ['non_civil_servant', 'driver'],
  });
  electionId = election.id;
  await proposeWages(db.app, disnaker, election.id, {
    rows: NAMES.map((n, i) => ({ workerId: w(n), wage: 1_500_000 + i * 250_000 })),
    fromMonth: '2026-01',
  });
  // The branch accepted everyone; one died, one withdrew in February; one is enrolled again from July.
  await acceptedByBranch(db, election.id, '2026-01-01');
  await markDeceased(db, w('Almarhum'), '2026-05-02');
  await db.owner
    .updateTable('enrollment')
    .set({ status: 'ended', end_reason: 'withdrawn', last_month: '2026-02-01' })
    .where('worker_id', '=', w('Mundur'))
    .execute();
  const next = await createProgram(db.app, disnaker, {
    ...BANTUL_PROGRAM,
    name: 'Non ASN Juli',
    targetSegments: ['non_civil_servant'],
    startMonth: '2026-07',
  });
  await proposeWorkers(db.app, disnaker, next.id, { workerIds: [w('Lanjut Lagi')], fromMonth: '2026-07' });
});
afterAll(async () => {
  await db?.drop();
});

describe('lanjutkan mandiri', () => {
  it('lists who left a funded cohort, priced as self-paid BPU at their income with today’s PP 50/2025 treatment', async () => {
    const list = await continuationList(db.app, disnaker, { page: 1, pageSize: 50 }, julyClock);
    const byName = new Map(list.items.map((p) => [p.fullName, p]));
    expect([...byName.keys()].sort()).toEqual(['Anggota PPS', 'Ketua KPPS', 'Mundur', 'Pengemudi Logistik']);
    expect(list.total).toBe(4);
    const other = await continuationList(db.app, disnaker, { page: 1, pageSize: 50, program: '999999' }, julyClock);
    expect(other.total).toBe(0);
    const own = await continuationList(db.app, disnaker, { page: 1, pageSize: 50, program: electionId }, julyClock);
    expect(own.total).toBe(4);
    expect(byName.get('Ketua KPPS')).toMatchObject({
      reason: 'election_over',
      lastMonth: '2026-03',
      earnings: 1_500_000,
    });
    expect(byName.get('Mundur')).toMatchObject({ reason: 'left', lastMonth: '2026-02', earnings: 2_500_000 });

    // Each price is the engine's BPU quote at the income row for the wage, on the list's day.
    const rules = await loadRules(db.app);
    for (const p of list.items) {
      const income = incomeForEarnings(p.earnings, '2026-07-15', rules).income;
      const sector = p.fullName === 'Pengemudi Logistik' ? 'transport' : 'other';
      const q = await quote(db.app, { category: 'bpu', income, programs: ['jkk', 'jkm'], sector, date: '2026-07-15' });
      expect(p).toMatchObject({ bpuIncome: income, monthly: q.total });
      // PP 50/2025 is in force for both sectors in July 2026: a discount, named with its article.
      expect(p.grossMonthly).toBeGreaterThan(p.monthly);
      expect(p.treatment).toMatch(/PP 50\/2025 Pasal 4/);
    }
  });

  it('exports the list as XLSX and makes one letter per person, audited', async () => {
    const app = await testApp(db);
    try {
      const user = await makeUser(db, 'disnaker', '34.02', 'disnaker.letters');
      const headers = await signIn(app, user.username, user.password);
      const xlsx = await app.inject({ method: 'GET', url: '/api/programs/continuation.xlsx', headers });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const letter = await app.inject({
        method: 'GET',
        url: `/api/programs/continuation/${w('Ketua KPPS')}/letter.pdf`,
        headers,
      });
      expect(letter.statusCode, letter.body).toBe(200);
      expect(letter.headers['content-type']).toBe('application/pdf');
      expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const audit = await db.owner
        .selectFrom('audit_log')
        .select(['actor_username', 'entity_id'])
        .where('action', '=', 'continuation.letter')
        .execute();
      expect(audit).toEqual([{ actor_username: 'disnaker.letters', entity_id: w('Ketua KPPS') }]);
      // The dead and the re-enrolled get no letter.
      const none = await app.inject({
        method: 'GET',
        url: `/api/programs/continuation/${w('Almarhum')}/letter.pdf`,
        headers,
      });
      expect(none.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
