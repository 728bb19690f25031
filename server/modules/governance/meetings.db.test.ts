// Issue 16 §4, §5, §2: a meeting with attendance per village says which villages are not briefed yet and turns a
// decision into an action item once; the league table's growth per channel and village equals a hand count over
// the one coverage definition; an unknown channel is refused with a named error and nothing is written.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStore } from '../../platform/file-store.ts';
import { nikFor } from '../../testing/nik.ts';
import { actorContext, BANTUL_PROGRAM, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { errorText, sqlRefusal } from '../../platform/errors.ts';
import {
  activateEnrollments,
  createProgram,
  listEnrollments,
  proposeWorkers,
  submitBatch,
  verifyEnrollments,
} from '../programs/index.ts';
import { registerWorker } from '../registry/index.ts';
import {
  createMeeting,
  createOrganisation,
  createPlan,
  getPlan,
  leagueTable,
  leagueWorkbook,
  listMeetings,
  listOrganisations,
  openMinutes,
  uploadMinutes,
  promoteDecision,
  updateOrganisation,
  villageBriefing,
} from './index.ts';

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const operator = actorContext('operator', TRIRENGGO, 'operator.trirenggo');
const pimpinan = actorContext('pimpinan', '34.02', 'pimpinan.bantul');

let db: TestDatabase;
const org: Record<string, string> = {};
let planId = '';

const register = (name: string, n: number, village: string, channelId: string | null) =>
  registerWorker(db.app, village === TRIRENGGO ? operator : disnaker, {
    nik: nikFor('1990-02-03', 'L', n),
    fullName: name,
    birthDate: '1990-02-03',
    sex: 'L',
    village,
    segment: 'farmer',
    category: 'BPU',
    monthlyIncome: 1_000_000,
    channelId,
  });

beforeAll(async () => {
  db = await createTestDatabase('governance_meetings');
  for (const [key, name] of [
    ['dinsos', 'Dinas Sosial'],
    ['kesra', 'Bagian Kesra'],
    ['dpmd', 'Dinas PMD'],
  ] as const) {
    org[key] = (await createOrganisation(db.app, disnaker, { region: '34.02', kind: 'opd', name, active: true })).id;
  }
  planId = (
    await createPlan(db.app, disnaker, {
      region: '34.02',
      title: 'Rencana Aksi Sosialisasi 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      signedOn: null,
      signatories: [],
      items: [],
    })
  ).id;
});
afterAll(async () => {
  await db?.drop();
});

describe('meetings', () => {
  it('records attendance per village; the village list shows which villages have not been briefed yet', async () => {
    const m = await createMeeting(db.app, disnaker, {
      region: '34.02',
      kind: 'sosialisasi',
      title: 'Sosialisasi Perbup ke desa Kec. Bantul',
      heldOn: '2026-07-02',
      place: 'Pendopo Kecamatan Bantul',
      organiserId: org.dpmd!,
      attendance: [
        { organisationId: null, villageCode: TRIRENGGO, attendees: 4 },
        { organisationId: null, villageCode: PALBAPANG, attendees: 3 },
        { organisationId: org.dinsos!, villageCode: null, attendees: 2 },
      ],
      decisions: ['Setiap desa mendata pekerja rentan paling lambat Agustus', 'Dinsos menyiapkan kuota APBD'],
    });
    expect(m).toMatchObject({ attendees: 9, organiser: 'Dinas PMD' });
    expect(m.attendance.map((a) => a.villageName ?? a.organisation)).toEqual([
      'Trirenggo',
      'Palbapang',
      'Dinas Sosial',
    ]);

    const list = await villageBriefing(db.app, pimpinan, { from: '2026-01-01', to: '2026-12-31' });
    const briefed = list.items.filter((v) => v.meetings > 0).map((v) => v.villageCode);
    expect(briefed.sort()).toEqual([PALBAPANG, TRIRENGGO]);
    expect(list.briefed).toBe(2);
    expect(list.villages - list.briefed).toBe(list.items.filter((v) => v.meetings === 0).length);
    expect(list.villages).toBe(75); // Kab. Bantul's desa and kelurahan
  });

  it('refuses a village outside the meeting’s region and writes nothing', async () => {
    const before = (await villageBriefing(db.app, pimpinan, { from: '2026-01-01', to: '2026-12-31' })).briefed;
    await expect(
      createMeeting(db.app, disnaker, {
        region: '34.02.08',
        kind: 'fgd',
        title: 'FGD',
        heldOn: '2026-07-03',
        place: 'Balai desa',
        organiserId: null,
        attendance: [{ organisationId: null, villageCode: '34.02.01.2001', attendees: 1 }],
        decisions: [],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', params: { detail: expect.stringContaining('34.02.01.2001') } });
    expect((await villageBriefing(db.app, pimpinan, { from: '2026-01-01', to: '2026-12-31' })).briefed).toBe(before);
  });

  it('turns a decision into an action item of a plan in one step, once', async () => {
    const [m] = (await listMeetings(db.app, pimpinan)).items;
    const decision = m!.decisions[0]!;
    const after = await promoteDecision(db.app, disnaker, m!.id, decision.id, {
      planId,
      ownerOrganisationId: org.dpmd!,
      dueOn: '2026-08-31',
    });
    expect(after.decisions[0]).toMatchObject({ planId, actionItemId: expect.any(String) });
    const plan = await getPlan(db.app, pimpinan, planId);
    expect(plan.items).toEqual([
      expect.objectContaining({ title: decision.text, ownerOrganisation: 'Dinas PMD', measureKind: 'manual' }),
    ]);
    await expect(
      promoteDecision(db.app, disnaker, m!.id, decision.id, { planId, ownerOrganisationId: null, dueOn: '2026-08-31' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getPlan(db.app, pimpinan, planId)).items).toHaveLength(1);
    await expect(
      promoteDecision(db.app, pimpinan, m!.id, m!.decisions[1]!.id, {
        planId,
        ownerOrganisationId: null,
        dueOn: '2026-08-31',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('minutes', () => {
  it('stores the minutes as a PDF with its SHA-256; anything else is refused and nothing changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lindung-minutes-'));
    try {
      const files = { db: db.app, store: fileStore(dir, 'governance-minutes'), maxBytes: 1 << 20 };
      const [m] = (await listMeetings(db.app, pimpinan)).items;
      await expect(
        uploadMinutes(files, disnaker, m!.id, 'notulen.docx', Buffer.from('PK\x03\x04')),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        params: { detail: expect.stringContaining('bukan PDF') },
      });
      const pdf = Buffer.from('%PDF-1.4\nNotulen sosialisasi\n%%EOF\n');
      const after = await uploadMinutes(files, disnaker, m!.id, 'notulen.pdf', pdf);
      expect(after.minutes).toEqual({
        name: 'notulen.pdf',
        sizeBytes: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      });
      const opened = await openMinutes(files, pimpinan, m!.id);
      const chunks: Buffer[] = [];
      for await (const c of opened.stream) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('channels', () => {
  it('an unknown or out-of-area channel is a named error (UNKNOWN_CHANNEL), nothing written', async () => {
    const sleman = await createOrganisation(db.app, actorContext('disnaker', '34.04', 'disnaker.sleman'), {
      region: '34.04',
      kind: 'opd',
      name: 'Dinas Sosial Sleman',
      active: true,
    });
    for (const channel of ['999999', sleman.id]) {
      const err = await register('Tono Salah Saluran', 90, TRIRENGGO, channel).catch((e: unknown) => e);
      const named = sqlRefusal(err);
      expect(named?.code).toBe('UNKNOWN_CHANNEL');
      expect(errorText(named!, 'id')).toContain(`Saluran ${channel} tidak dikenal`);
    }
    const rows = await db.owner
      .selectFrom('worker_directory')
      .select('id')
      .where('full_name', '=', 'Tono Salah Saluran');
    expect(await rows.execute()).toEqual([]);
  });

  it('Disnaker edits an organisation; an inactive one is no longer a channel; the user’s own is offered', async () => {
    const dpmd = await updateOrganisation(db.app, disnaker, org.dpmd!, {
      kind: 'opd',
      name: 'Dinas PMD',
      active: false,
    });
    expect(dpmd.active).toBe(false);
    const err = await register('Umar Nonaktif', 91, TRIRENGGO, org.dpmd!).catch((e: unknown) => e);
    expect(sqlRefusal(err)?.code).toBe('UNKNOWN_CHANNEL');
    await updateOrganisation(db.app, disnaker, org.dpmd!, { kind: 'opd', name: 'Dinas PMD', active: true });
    expect((await listOrganisations(db.app, operator)).mine).toBeNull();
    await expect(
      updateOrganisation(db.app, operator, org.dpmd!, { kind: 'opd', name: 'X', active: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('league table (clock pinned to 2026-07-15)', () => {
  it('growth of active participants per channel and per village equals a hand count', async () => {
    const a = await register('Agus Dinsos', 31, TRIRENGGO, org.dinsos!);
    const b = await register('Bayu Dinsos', 32, PALBAPANG, org.dinsos!);
    const c = await register('Cahyo Kesra', 33, TRIRENGGO, org.kesra!);
    await register('Dodi Tanpa Program', 34, TRIRENGGO, org.dinsos!);
    const program = await createProgram(db.app, disnaker, { ...BANTUL_PROGRAM, startMonth: '2026-07', months: 12 });
    await proposeWorkers(db.app, disnaker, program.id, { workerIds: [a.id, b.id, c.id], fromMonth: '2026-07' });
    const listed = await listEnrollments(db.app, disnaker, program.id, { page: 1, pageSize: 50 });
    await verifyEnrollments(
      db.app,
      disnaker,
      program.id,
      listed.items.map((e) => e.id),
    );
    await submitBatch(db.app, disnaker, program.id);
    const id = (name: string) => listed.items.find((e) => e.fullName === name)!.id;
    // Agus and Cahyo active from 1 July; Bayu only from 1 August (after the period's end).
    await activateEnrollments(db.app, disnaker, program.id, [
      { enrollmentId: id('Agus Dinsos'), kpjNumber: '78000000001', coverageStart: '2026-07-01' },
      { enrollmentId: id('Cahyo Kesra'), kpjNumber: '78000000002', coverageStart: '2026-07-01' },
      { enrollmentId: id('Bayu Dinsos'), kpjNumber: '78000000003', coverageStart: '2026-08-01' },
    ]);

    const byChannel = await leagueTable(db.app, pimpinan, { by: 'channel', from: '2026-06-30', to: '2026-07-15' });
    const growth = Object.fromEntries(byChannel.rows.map((r) => [r.name, [r.activeFrom, r.activeTo, r.growth]]));
    // By hand: Dinsos brought Agus (active), Bayu (not yet) and Dodi (never enrolled) → 0 → 1; Kesra: Cahyo → 1.
    expect(growth['Dinas Sosial']).toEqual([0, 1, 1]);
    expect(growth['Bagian Kesra']).toEqual([0, 1, 1]);
    expect(growth['Dinas PMD']).toEqual([0, 0, 0]);
    expect(byChannel.zeroGrowth).toBe(byChannel.rows.filter((r) => r.growth <= 0).length);
    expect(byChannel.zeroGrowth).toBeGreaterThan(0);

    const byVillage = await leagueTable(db.app, pimpinan, { by: 'village', from: '2026-06-30', to: '2026-07-15' });
    const village = (code: string) => byVillage.rows.find((r) => r.key === code)!;
    expect(village(TRIRENGGO)).toMatchObject({ activeFrom: 0, activeTo: 2, growth: 2 });
    expect(village(PALBAPANG)).toMatchObject({ activeFrom: 0, activeTo: 0, growth: 0 });
    expect(byVillage.rows[0]!.key).toBe(TRIRENGGO);
    expect(byVillage.zeroGrowth).toBe(byVillage.rows.length - 1);

    const later = await leagueTable(db.app, pimpinan, { by: 'village', from: '2026-06-30', to: '2026-08-15' });
    expect(later.rows.find((r) => r.key === PALBAPANG)).toMatchObject({ growth: 1 });

    const xlsx = await leagueWorkbook(db.app, pimpinan, { by: 'channel', from: '2026-06-30', to: '2026-07-15' });
    expect(xlsx.fileName).toBe('peringkat-saluran-2026-06-30-2026-07-15.xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
