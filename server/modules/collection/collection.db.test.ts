// The collection loop against the real database: a quota split across every village of Kab. Bantul with progress
// per village, a poverty list imported all-or-nothing into candidates, the worklist, and the offline queue's sync —
// the same queue sent twice changes nothing the second time; conflicts and errors answered per entry.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEntry } from '../../../lib/contracts/collection.ts';
import type { AppError } from '../../platform/errors.ts';
import { nikFor } from '../../testing/nik.ts';
import { actorContext, BANTUL_PROGRAM, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { createProgram } from '../programs/index.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { registerWorker } from '../registry/index.ts';
import {
  createTarget,
  importCandidates,
  recordVisit,
  registerDevice,
  revokeDevice,
  syncQueue,
  targetDetail,
  worklist,
} from './index.ts';

const operator = { ...actorContext('operator', TRIRENGGO, 'operator.trirenggo') };
operator.actor = { ...operator.actor!, userId: '7' };
const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const admin = actorContext('admin', '34.02', 'admin.bantul');

let db: TestDatabase;
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};
const count = async (table: 'worker' | 'collection_visit' | 'audit_log' | 'enrollment' | 'collection_receipt') =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db.owner)).rows[0]!.n);

const NIK = {
  a: nikFor('1985-02-03', 'P', 21),
  b: nikFor('1979-11-30', 'L', 22),
  c: nikFor('1990-05-05', 'P', 23),
  d: nikFor('1972-08-17', 'L', 24),
  registered: nikFor('1988-01-01', 'L', 25),
};
const csv = (rows: string[]) =>
  Buffer.from(['NIK;Nama;Alamat;Kode Desa;Desil;Miskin Ekstrem;Pekerjaan', ...rows].join('\n'), 'utf8');

beforeAll(async () => {
  db = await createTestDatabase('collection');
});
afterAll(async () => {
  await db?.drop();
});

describe('collection targets', () => {
  it('splits 1,000 across every village of the regency and lists each, with or without workers', async () => {
    const base = { name: 'Pengumpulan PBPU 2026', region: '34.02', quota: 1_000, startsOn: '2026-07-01' } as const;
    const even = await createTarget(db.app, disnaker, { ...base, method: 'even', basis: 'none', dueOn: '2026-07-10' });
    const detail = await targetDetail(db.app, disnaker, even.id);
    const villages = await db.owner
      .selectFrom('region')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('level', '=', 'village')
      .where('code', 'like', '34.02.%')
      .executeTakeFirstOrThrow();
    expect(detail.villages).toHaveLength(villages.n);
    expect(detail.totals.quota).toBe(1_000);
    expect(detail.villages.every((v) => v.registered === 0 && v.overdue)).toBe(true); // due 10 July, today 15 July
    // The operator sees the target of the regency, with their own village only.
    const own = await targetDetail(db.app, operator, even.id);
    expect(own.villages.map((v) => v.village)).toEqual([TRIRENGGO]);
    // Progress moves with a worker registered in the village since the start.
    await registerWorker(db.app, operator, {
      nik: NIK.registered,
      fullName: 'Wahyu Nugroho',
      birthDate: '1988-01-01',
      sex: 'L',
      village: TRIRENGGO,
      segment: 'farmer',
      category: 'BPU',
    });
    const after = await targetDetail(db.app, operator, even.id);
    expect(after.villages[0]).toMatchObject({ registered: 1, left: after.villages[0]!.quota - 1 });
  });

  it('refuses a hand split that does not add up, and a region outside the scope', async () => {
    const err = await fails(
      createTarget(db.app, disnaker, {
        name: 'Manual',
        region: '34.02.08',
        quota: 10,
        method: 'manual',
        basis: 'none',
        startsOn: '2026-07-01',
        dueOn: '2026-12-31',
        manual: [{ village: TRIRENGGO, quota: 4 }],
      }),
    );
    expect(err.code).toBe('COLLECTION_SPLIT_INVALID');
    expect(err.params.detailId).toContain('4, bukan 10');
    expect(
      (
        await fails(
          createTarget(db.app, operator, {
            name: 'x',
            region: '34.02',
            quota: 1,
            method: 'even',
            basis: 'none',
            startsOn: '2026-07-01',
            dueOn: '2026-07-02',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('candidate lists and the worklist', () => {
  it('imports nothing when any row is wrong, naming row and column', async () => {
    const before = await count('audit_log');
    const err = await fails(
      importCandidates(db, disnaker, {
        fileName: 'dtsen.csv',
        source: 'DTSEN',
        content: csv([`${NIK.a};Siti Aminah;Jl. Samas;${TRIRENGGO};1;Ya;Petani`, `12345;Budi;;${TRIRENGGO};11;x;`]),
      }),
    );
    expect(err.code).toBe('CANDIDATE_FILE_INVALID');
    expect(err.issues?.map((i) => i.path)).toEqual([
      'Baris 3, kolom NIK',
      'Baris 3, kolom Desil',
      'Baris 3, kolom Miskin Ekstrem',
    ]);
    expect(await count('audit_log')).toBe(before);
  });

  it('resolves village names within the region, and names the row when a name is unknown or ambiguous', async () => {
    const named = (rows: string[]) => Buffer.from(['NIK;Nama;Desa;Kecamatan;Desil', ...rows].join('\n'), 'utf8');
    const diy = actorContext('disnaker', '34', 'disnaker.diy');
    const err = await fails(
      importCandidates(db, diy, {
        fileName: 'p3ke.csv',
        source: 'P3KE',
        content: named([
          `${nikFor('1971-03-03', 'L', 31)};Satu;Desa Trirenggo;Bantul;2`,
          `${nikFor('1971-03-03', 'L', 32)};Dua;Banaran;;2`,
          `${nikFor('1971-03-03', 'L', 33)};Tiga;Trirengo;;2`,
          `${nikFor('1971-03-03', 'L', 34)};Empat;Trirenggo;Sewon;2`,
        ]),
      }),
    );
    expect(err.code).toBe('CANDIDATE_FILE_INVALID');
    expect(err.issues?.map((i) => i.path)).toEqual([
      'Baris 3, kolom Desa',
      'Baris 4, kolom Desa',
      'Baris 5, kolom Kecamatan',
    ]);
    expect(err.issues?.[0]!.message).toMatch(/2 desa\/kelurahan bernama "Banaran".*34\.01\.04\.2001.*34\.03\.03\.2012/);
    expect(err.issues?.[1]!.message).toContain('tidak dikenal di wilayah Anda (34)');
    const ok = await importCandidates(db, diy, {
      fileName: 'p3ke.csv',
      source: 'P3KE',
      content: named([
        `${nikFor('1971-03-03', 'L', 31)};Satu;Desa Trirenggo;Kec. Bantul;2`,
        `${nikFor('1971-03-03', 'L', 32)};Dua;Banaran;Galur;2`,
      ]),
    });
    expect(ok).toMatchObject({ persons: 2, villages: 2 });
    const stored = await sql<{ village_code: string }>`
      SELECT village_code FROM collection_candidate WHERE list_id = ${ok.id} ORDER BY village_code`.execute(db.owner);
    expect(stored.rows.map((r) => r.village_code)).toEqual(['34.01.04.2001', TRIRENGGO]);
    await sql`DELETE FROM collection_candidate WHERE list_id = ${ok.id}`.execute(db.owner);
  });

  it('imports a list as candidates (not workers) and orders the worklist by decile, without the covered', async () => {
    const workers = await count('worker');
    const result = await importCandidates(db, disnaker, {
      fileName: 'dtsen.csv',
      source: 'DTSEN',
      content: csv([
        `${NIK.a};Siti Aminah;Jl. Samas 1;${TRIRENGGO};3;Tidak;Petani`,
        `${NIK.b};Budi Santoso;Jl. Samas 2;${TRIRENGGO};1;Ya;Nelayan`,
        `${NIK.c};Ani Rahayu;;${TRIRENGGO};2;Tidak;Pedagang`,
        `${NIK.d};Joko Susilo;;${TRIRENGGO};4;Tidak;Buruh`,
        `${NIK.registered};Wahyu Nugroho;;${TRIRENGGO};5;Tidak;Petani`,
        `${nikFor('1970-01-01', 'L', 26)};Orang Palbapang;;${PALBAPANG};1;Tidak;Petani`,
      ]),
    });
    expect(result).toMatchObject({ persons: 6, villages: 2 });
    expect(await count('worker')).toBe(workers);
    const list = await worklist(db.app, operator, {});
    expect(list.items.map((c) => c.fullName)).toEqual([
      'Budi Santoso',
      'Ani Rahayu',
      'Siti Aminah',
      'Joko Susilo',
      'Wahyu Nugroho',
    ]);
    expect(list.items[0]!.nikMasked).toMatch(/^340208••••••\d{4}$/);
    expect(list.items.at(-1)).toMatchObject({ state: 'not_enrolled' });
    expect(list.items[0]).toMatchObject({ state: 'not_registered', extremePoor: true });
    const audited = await sql<{ after: { nik: string } }>`
      SELECT after FROM audit_log WHERE action = 'collection_candidate.create' LIMIT 1`.execute(db.owner);
    expect(audited.rows[0]!.after.nik).toMatch(/••••••/);
  });
});

describe('the offline queue', () => {
  it('applies a queue in order, once: the same queue sent twice changes nothing the second time', async () => {
    const deviceId = randomUUID();
    await registerDevice(db.app, operator, { id: deviceId, label: 'HP Operator' });
    const candidates = (await worklist(db.app, operator, {})).items;
    const byName = new Map(candidates.map((c) => [c.fullName, c.id]));
    const registerOf = (nik: string, name: string, birthDate: string, sex: 'L' | 'P'): SyncEntry['payload'] => ({
      nik,
      fullName: name,
      birthDate,
      sex,
      village: TRIRENGGO,
      segment: 'farmer',
      category: 'BPU',
    });
    // Disnaker registers Siti Aminah meanwhile (another user, online).
    await registerWorker(db.app, disnaker, registerOf(NIK.a, 'Siti Aminah', '1985-02-03', 'P') as never);
    // Ani's candidate is visited by someone else first.
    await recordVisit(db.app, disnaker, {
      candidateId: byName.get('Ani Rahayu')!,
      outcome: 'moved',
      visitedOn: '2026-07-14',
    });
    const entries: SyncEntry[] = [
      {
        clientId: randomUUID(),
        kind: 'register',
        candidateId: byName.get('Budi Santoso')!,
        payload: registerOf(NIK.b, 'Budi Santoso', '1979-11-30', 'L'),
      } as SyncEntry,
      {
        clientId: randomUUID(),
        kind: 'register',
        candidateId: byName.get('Siti Aminah')!,
        payload: registerOf(NIK.a, 'Siti Aminah', '1985-02-03', 'P'),
      } as SyncEntry,
      {
        clientId: randomUUID(),
        kind: 'register',
        payload: registerOf('3402081234', 'Salah NIK', '1979-11-30', 'L'),
      } as SyncEntry,
      {
        clientId: randomUUID(),
        kind: 'visit',
        payload: { candidateId: byName.get('Joko Susilo')!, outcome: 'refused', visitedOn: '2026-07-15' },
      },
      {
        clientId: randomUUID(),
        kind: 'visit',
        payload: { candidateId: byName.get('Ani Rahayu')!, outcome: 'not_found', visitedOn: '2026-07-15' },
      },
    ];
    const first = await syncQueue(db.app, operator, { deviceId, entries });
    expect(first.answers.map((a) => [a.status, a.conflict, a.replayed])).toEqual([
      ['accepted', null, false],
      ['conflict', 'nik_registered', false],
      ['error', null, false],
      ['accepted', null, false],
      ['conflict', 'already_visited', false],
    ]);
    expect(first.answers[1]!.workerId).toBe(
      (await db.owner.selectFrom('worker').select('id').where('nik', '=', NIK.a).executeTakeFirstOrThrow()).id,
    );
    expect(first.answers[2]!.message).toMatch(/NIK/);
    expect(first.answers[4]!.message).toContain('disnaker.bantul');

    const tables = ['worker', 'collection_visit', 'audit_log', 'enrollment', 'collection_receipt'] as const;
    const before = await Promise.all(tables.map(count));
    const again = await syncQueue(db.app, operator, { deviceId, entries });
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect(again.answers.map((a) => ({ ...a, replayed: false }))).toEqual(first.answers);
    expect(again.answers.every((a) => a.replayed)).toBe(true);

    // The conflict resolved by editing the entry (same id, new content): applied again, and only then.
    const fixed = { ...entries[2]!, payload: registerOf(NIK.c, 'Ani Rahayu', '1990-05-05', 'P') } as SyncEntry;
    const third = await syncQueue(db.app, operator, { deviceId, entries: [fixed] });
    expect(third.answers[0]).toMatchObject({ status: 'accepted', replayed: false });
  });

  it('proposes a worker registered earlier in the same queue, by the registration client id', async () => {
    const deviceId = randomUUID();
    await registerDevice(db.app, operator, { id: deviceId, label: 'HP usulan' });
    const program = await createProgram(db.app, disnaker, { ...BANTUL_PROGRAM, name: 'Program usulan lapangan' });
    const worker = (nik: string, birthDate: string) =>
      ({
        nik,
        fullName: 'Sutrisno',
        birthDate,
        sex: 'L',
        village: TRIRENGGO,
        segment: 'farmer',
        category: 'BPU',
      }) as const;
    const good = randomUUID();
    const bad = randomUUID();
    const entries: SyncEntry[] = [
      { clientId: good, kind: 'register', payload: worker(NIK.d, '1972-08-17') },
      { clientId: randomUUID(), kind: 'propose', payload: { programId: program.id, registerClientId: good } },
      { clientId: bad, kind: 'register', payload: worker('3402081234', '1972-08-17') },
      { clientId: randomUUID(), kind: 'propose', payload: { programId: program.id, registerClientId: bad } },
    ];
    const enrollments = await count('enrollment');
    const sent = await syncQueue(db.app, operator, { deviceId, entries });
    expect(sent.answers.map((a) => a.status)).toEqual(['accepted', 'accepted', 'error', 'error']);
    expect(sent.answers[1]!.workerId).toBe(sent.answers[0]!.workerId);
    expect(sent.answers[3]!.message).toContain('menunggu pendaftaran pekerjanya');
    expect(await count('enrollment')).toBe(enrollments + 1);
    const enrolled = await db.owner
      .selectFrom('enrollment')
      .select(['worker_id', 'status'])
      .where('program_id', '=', program.id)
      .execute();
    expect(enrolled).toEqual([{ worker_id: sent.answers[0]!.workerId, status: 'proposed' }]);
  });

  it('refuses the queue of a revoked device, and of an unknown one', async () => {
    const deviceId = randomUUID();
    await registerDevice(db.app, operator, { id: deviceId, label: 'HP lama' });
    await revokeDevice(db.app, admin, deviceId);
    const entry: SyncEntry = {
      clientId: randomUUID(),
      kind: 'visit',
      payload: { candidateId: '1', outcome: 'refused', visitedOn: '2026-07-15' },
    };
    expect((await fails(syncQueue(db.app, operator, { deviceId, entries: [entry] }))).code).toBe('DEVICE_REVOKED');
    expect((await fails(syncQueue(db.app, operator, { deviceId: randomUUID(), entries: [entry] }))).code).toBe(
      'DEVICE_UNKNOWN',
    );
  });
});
