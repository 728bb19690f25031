import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkDefinition } from '../../../lib/contracts/assessment.ts';
import { FRAMEWORK_2025, FRAMEWORK_2025_NAME } from '../../../lib/rules/paritrana-framework.seed.ts';
import type { AppError } from '../../platform/errors.ts';
import { createInstrument, governanceFiles, uploadInstrumentFile } from '../governance/index.ts';
import { actorContext, addWorkers, BANTUL_PROGRAM } from '../../testing/programs-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import {
  createProgram,
  listEnrollments,
  proposeWorkers,
  rejectEnrollments,
  submitBatch,
  verifyEnrollments,
} from '../programs/index.ts';
import {
  addComment,
  attachInstrument,
  compute,
  copyFramework,
  fileEvidenceStore,
  getAssessment,
  openAssessment,
  openEvidence,
  prepareFigures,
  provinceView,
  publishFramework,
  registerCandidates,
  scoreIndicator,
  setManualValue,
  setNarrative,
  snapshotSha256,
  submitAssessment,
  updateFramework,
  uploadEvidence,
} from './index.ts';

let db: TestDatabase;
let dataDir: string;
let frameworkId: string;
const disnaker = actorContext('disnaker', '34.02');
const pimpinan = actorContext('pimpinan', '34.02');
const disnakerSleman = actorContext('disnaker', '34.04');
const pimpinanSleman = actorContext('pimpinan', '34.04');
const admin = actorContext('admin', '*', 'admin.nasional');
const asesorA = actorContext('asesor', '34', 'asesor.diy.a');
const asesorB = actorContext('asesor', '34', 'asesor.diy.b');
const CUTOFF = '2026-06-30';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};
const audits = async (action: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE action = ${action}`.execute(db.owner)).rows[0]
      ?.n,
  );

/** Proposes the named workers into a programme from its first month, verifies them and hands the batch to BPJS. */
async function enrol(programId: string, workerIds: string[], reject: string[] = []) {
  await proposeWorkers(db.app, disnaker, programId, { workerIds: [...workerIds, ...reject], fromMonth: '2026-01' });
  const listed = await listEnrollments(db.app, disnaker, programId, { page: 1, pageSize: 50 });
  const byWorker = new Map(listed.items.map((e) => [e.workerId, e.id]));
  const rejected = reject.map((w) => byWorker.get(w)!);
  if (rejected.length) await rejectEnrollments(db.app, disnaker, programId, { ids: rejected, reason: 'duplicate' });
  const pending = listed.items.filter((e) => e.status === 'proposed' && !rejected.includes(e.id)).map((e) => e.id);
  await verifyEnrollments(db.app, disnaker, programId, pending);
  await submitBatch(db.app, disnaker, programId);
}

let nonAsnProgram: string;
let lateWorker: string;
let perbupId: string;
let pksId: string;
const SIGNED_PERBUP = Buffer.from('%PDF-1.4\n% Perbup Bantul 12 bertanda tangan\n%%EOF\n');

const bytesOf = async (stream: AsyncIterable<unknown>) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  db = await createTestDatabase('assessment');
  dataDir = mkdtempSync(path.join(tmpdir(), 'lindung-assessment-'));
  frameworkId = String(
    (await db.owner.selectFrom('assessment_framework').select('id').where('year', '=', 2025).executeTakeFirstOrThrow())
      .id,
  );
  const workers = await addWorkers(db, [
    { name: 'Honorer Satu', segment: 'non_civil_servant' },
    { name: 'Honorer Dua', segment: 'non_civil_servant' },
    { name: 'Honorer Tiga', segment: 'non_civil_servant' },
    { name: 'Petani Satu', segment: 'farmer' },
    { name: 'Petani Dua', segment: 'farmer' },
    { name: 'Petani Tiga', segment: 'farmer' },
    { name: 'Petani Ditolak', segment: 'farmer' },
    { name: 'Perangkat Desa', segment: 'village_official' },
  ]);
  const id = (name: string) => workers.get(name)!;
  lateWorker = id('Honorer Tiga');
  const base = { ...BANTUL_PROGRAM, startMonth: '2026-01', months: 12 };
  nonAsnProgram = (
    await createProgram(db.app, disnaker, {
      ...base,
      name: 'Non-ASN Pemkab Bantul',
      targetSegments: ['non_civil_servant'],
      budgetCeiling: 50_000_000,
    })
  ).id;
  const vulnerable = (await createProgram(db.app, disnaker, { ...base, name: 'Pekerja Rentan Bantul' })).id;
  // Paid from a village budget (APBDes), not the regency's APBD: counted in no APBD indicator.
  const village = (
    await createProgram(db.app, disnaker, {
      ...base,
      name: 'Perangkat Desa Trirenggo',
      funder: 'apbdes',
      funderRegion: '34.02.08.2004',
      region: '34.02.08.2004',
      targetSegments: ['village_official'],
      budgetCeiling: 9_000_000,
    })
  ).id;
  await enrol(nonAsnProgram, [id('Honorer Satu'), id('Honorer Dua')]);
  await enrol(vulnerable, [id('Petani Satu'), id('Petani Dua'), id('Petani Tiga')], [id('Petani Ditolak')]);
  await enrol(village, [id('Perangkat Desa')]);
});
afterAll(async () => {
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('frameworks', () => {
  it('seeds the 2025 example framework, published, equal to the seed file', async () => {
    const row = await db.owner
      .selectFrom('assessment_framework')
      .selectAll()
      .where('id', '=', frameworkId)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe(FRAMEWORK_2025_NAME);
    expect(row.status).toBe('published');
    expect(frameworkDefinition.parse(row.definition)).toEqual(FRAMEWORK_2025);
  });

  it('lets the national administrator copy, edit and publish a draft; a published one stays frozen', async () => {
    expect((await fails(updateFramework(db.app, admin, frameworkId, { note: 'x' }))).code).toBe('FRAMEWORK_FROZEN');
    expect(
      (await fails(copyFramework(db.app, actorContext('admin', '34.02'), frameworkId, { year: 2026, name: 'X 2026' })))
        .code,
    ).toBe('FORBIDDEN');
    const copy = await copyFramework(db.app, admin, frameworkId, { year: 2026, name: 'Paritrana 2026 (draf)' });
    expect(copy).toMatchObject({ status: 'draft', year: 2026, copiedFrom: frameworkId });
    const def = structuredClone(copy.definition);
    def.aspects[0]!.criteria[0]!.indicators[0]!.weight = 20;
    const edited = await updateFramework(db.app, admin, copy.id, { definition: def });
    expect(edited.definition.aspects[0]!.criteria[0]!.indicators[0]!.weight).toBe(20);
    const bad = structuredClone(def);
    bad.tieBreak = ['tidak_ada'];
    expect((await fails(updateFramework(db.app, admin, copy.id, { definition: bad }))).code).toBe('FRAMEWORK_INVALID');
    const falling = structuredClone(def);
    const rule = falling.aspects[0]!.criteria[0]!.indicators[0]!.rule;
    if (rule.kind === 'thresholds') rule.steps.reverse();
    const refused = await fails(updateFramework(db.app, admin, copy.id, { definition: falling }));
    expect(refused.params.problems).toBe(
      'indikator reg_in_force: ambang harus naik berurutan dan nilainya tidak boleh turun',
    );
    // Weights 20 + the example's other 99: saved as a draft, refused at publishing until they add up to 100.
    const unpublishable = await fails(publishFramework(db.app, admin, copy.id));
    expect(unpublishable).toMatchObject({
      code: 'FRAMEWORK_INVALID',
      params: { problems: 'bobot indikator berjumlah 119; harus 100' },
    });
    def.aspects[0]!.criteria[0]!.indicators[0]!.weight = 1;
    await updateFramework(db.app, admin, copy.id, { definition: def });
    await publishFramework(db.app, admin, copy.id);
    expect((await fails(updateFramework(db.app, admin, copy.id, { name: 'Ubah' }))).code).toBe('FRAMEWORK_FROZEN');
    // The database refuses it too, even to the owner.
    await expect(
      sql`UPDATE assessment_framework SET note = 'x' WHERE id = ${copy.id}`.execute(db.owner),
    ).rejects.toThrow(/frozen/);
    expect(await audits('assessment.framework.copy')).toBe(1);
    expect(await audits('assessment.framework.update')).toBe(2);
    expect(await audits('assessment.framework.publish')).toBe(1);
  });
});

describe('computed indicators', () => {
  it('equal a hand count of the fixture: APBD persons and Rupiah by group, with the rows behind them', async () => {
    const c = { db: db.app, ctx: disnaker, region: '34.02', cutoff: CUTOFF, year: 2026, locale: 'id' as const };
    // Hand count: 2 non-ASN enrolled; 3 farmers (the fourth rejected); the APBDes programme counts nowhere.
    const nonAsn = await compute('apbd.non_asn.persons', c);
    expect(nonAsn.value).toBe(2);
    expect(nonAsn.rows.map((r) => [r.label, r.value])).toEqual([['Non-ASN Pemkab Bantul', 2]]);
    expect((await compute('apbd.vulnerable.persons', c)).value).toBe(3);
    expect((await compute('apbd.village_official.persons', c)).value).toBe(0);
    expect((await compute('apbd.all.rupiah', c)).value).toBe(50_000_000 + BANTUL_PROGRAM.budgetCeiling);
    expect((await compute('apbd.all.persons', c)).value).toBe(5);
    // Before the programmes' year: nothing.
    expect((await compute('apbd.all.persons', { ...c, cutoff: '2025-12-31', year: 2025 })).value).toBe(0);
  });

  it('count the governance register and the claims figures by hand: in force on the cut-off, paid in the year', async () => {
    const c = { db: db.app, ctx: disnaker, region: '34.02', cutoff: CUTOFF, year: 2026, locale: 'id' as const };
    const base = {
      region: '34.02',
      stage: null,
      counterparty: null,
      regionsCovered: [],
      subjectTags: [],
      programIds: [],
      targetIds: [],
      issuer: 'Bupati Bantul',
    };
    // Hand count: the Perbup in force counts; a PKS that ended before the cut-off and a draft do not.
    perbupId = (
      await createInstrument(db.app, disnaker, {
        ...base,
        kind: 'perbup',
        number: '12',
        title: 'Perbup Bantul Perlindungan Pekerja Rentan',
        signedOn: '2026-01-05',
        effectiveFrom: '2026-01-05',
        effectiveUntil: null,
        status: 'enacted',
      })
    ).id;
    pksId = (
      await createInstrument(db.app, disnaker, {
        ...base,
        kind: 'pks',
        number: '3',
        title: 'PKS lama',
        signedOn: '2025-01-01',
        effectiveFrom: '2025-01-01',
        effectiveUntil: '2026-03-31',
        status: 'enacted',
      })
    ).id;
    await createInstrument(db.app, disnaker, {
      ...base,
      kind: 'raperda',
      stage: 'pembahasan',
      number: null,
      title: 'Raperda Jaminan Sosial',
      signedOn: null,
      effectiveFrom: null,
      effectiveUntil: null,
      status: 'draft',
    });
    const regulations = await compute('governance.regulations_in_force', c);
    expect(regulations).toMatchObject({ value: 1, available: true });
    expect(regulations.rows.map((r) => r.label)).toEqual(['PERBUP 12 Perbup Bantul Perlindungan Pekerja Rentan']);
    // No action item is due and no village was briefed: nothing to divide, said as such (never a made-up zero).
    expect(await compute('governance.workplan_on_time_percent', c)).toMatchObject({ value: null, available: true });
    // No claim was paid in the fixture: zero Rupiah delivered.
    expect(await compute('claims.benefits_rupiah', c)).toMatchObject({ value: 0, available: true, rows: [] });
  });
});

describe('self-assessment', () => {
  let assessmentId: string;

  it('is prepared by Disnaker from live figures and submitted by the pimpinan as a frozen snapshot', async () => {
    expect((await fails(openAssessment(db.app, disnaker, { frameworkId, region: '34.04', cutoff: CUTOFF }))).code).toBe(
      'OUT_OF_SCOPE',
    );
    const opened = await openAssessment(db.app, disnaker, { frameworkId, region: '34.02', cutoff: CUTOFF });
    assessmentId = opened.id;
    expect((await fails(submitAssessment(db.app, pimpinan, assessmentId))).code).toBe('CONFLICT'); // no figures yet
    const prepared = await prepareFigures(db.app, disnaker, assessmentId);
    expect(prepared.figures.find((f) => f.code === 'apbd_non_asn')?.value).toBe(2);
    await setManualValue(db.app, disnaker, assessmentId, { indicatorCode: 'pks_bpjs', value: 1, note: 'PKS 2025' });
    await setNarrative(db.app, disnaker, assessmentId, { aspectCode: 'kebijakan', text: 'Perbup 12/2024 berlaku.' });
    const deps = { db: db.app, store: fileEvidenceStore(dataDir), maxBytes: 1_000_000 };
    expect(
      (
        await fails(
          uploadEvidence(
            deps,
            disnaker,
            assessmentId,
            { indicatorCode: 'reg_in_force', fileName: 'a.txt' },
            Buffer.from('teks'),
          ),
        )
      ).code,
    ).toBe('EVIDENCE_TYPE');
    const ev = await uploadEvidence(
      deps,
      disnaker,
      assessmentId,
      { indicatorCode: 'reg_in_force', fileName: 'perbup.pdf' },
      PDF,
    );
    expect(ev.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The Perbup from the governance register: in force on the cut-off, with its signed PDF; the PKS ended before.
    const register = governanceFiles(db.app, dataDir);
    const perbup = await uploadInstrumentFile(register, disnaker, perbupId, 'perbup-12.pdf', SIGNED_PERBUP);
    await uploadInstrumentFile(register, disnaker, pksId, 'pks-lama.pdf', PDF);
    const candidates = await registerCandidates(db.app, disnaker, assessmentId);
    expect(candidates.items).toEqual([
      {
        id: perbupId,
        label: 'PERBUP 12 Perbup Bantul Perlindungan Pekerja Rentan',
        kind: 'perbup',
        signedOn: '2026-01-05',
        fileName: 'perbup-12.pdf',
        sha256: perbup.file!.sha256,
      },
    ]);
    const withRegister = { ...deps, register };
    const cite = { indicatorCode: 'reg_in_force', instrumentId: perbupId };
    const cited = await attachInstrument(withRegister, disnaker, assessmentId, cite);
    expect(cited).toMatchObject({
      fileName: 'perbup-12.pdf',
      contentType: 'application/pdf',
      sha256: perbup.file!.sha256,
      instrument: { id: perbupId, label: 'PERBUP 12 Perbup Bantul Perlindungan Pekerja Rentan' },
    });
    expect((await fails(attachInstrument(withRegister, disnaker, assessmentId, cite))).code).toBe('CONFLICT');
    expect(
      (await fails(attachInstrument(withRegister, disnaker, assessmentId, { ...cite, instrumentId: pksId }))).code,
    ).toBe('CONFLICT'); // not in force on the cut-off
    expect((await fails(attachInstrument(withRegister, pimpinan, assessmentId, cite))).code).toBe('FORBIDDEN');
    expect((await fails(submitAssessment(db.app, disnaker, assessmentId))).code).toBe('FORBIDDEN');
    const submitted = await submitAssessment(db.app, pimpinan, assessmentId);
    expect(submitted.status).toBe('submitted');
    expect(submitted.scores.indicators.find((i) => i.code === 'pks_bpjs')?.score).toBe(100);
    expect(submitted.evidence.map((e) => [e.sha256, e.instrument?.id ?? null])).toEqual([
      [ev.sha256, null],
      [perbup.file!.sha256, perbupId],
    ]);
    const stored = await db.owner
      .selectFrom('assessment')
      .select(['snapshot', 'snapshot_sha256'])
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(snapshotSha256(stored.snapshot)).toBe(stored.snapshot_sha256);
    expect((await bytesOf((await openEvidence(deps, pimpinan, assessmentId, ev.id)).stream)).equals(PDF)).toBe(true);
    for (const action of [
      'assessment.open',
      'assessment.prepare',
      'assessment.manual',
      'assessment.narrative',
      'assessment.evidence.upload',
      'assessment.submit',
      'assessment.evidence.download',
      'assessment.evidence.register',
    ]) {
      expect(await audits(action), action).toBe(1);
    }
  });

  it('does not change when the underlying data changes afterwards', async () => {
    const before = await getAssessment(db.app, disnaker, assessmentId);
    await enrol(nonAsnProgram, [lateWorker]);
    const live = await compute('apbd.non_asn.persons', {
      db: db.app,
      ctx: disnaker,
      region: '34.02',
      cutoff: CUTOFF,
      year: 2026,
      locale: 'id',
    });
    expect(live.value).toBe(3); // the data did change
    expect((await fails(prepareFigures(db.app, disnaker, assessmentId))).code).toBe('ASSESSMENT_SUBMITTED');
    expect(
      (await fails(setManualValue(db.app, disnaker, assessmentId, { indicatorCode: 'pks_bpjs', value: 0, note: '' })))
        .code,
    ).toBe('ASSESSMENT_SUBMITTED');
    await expect(
      sql`UPDATE assessment SET narratives = '{}' WHERE id = ${assessmentId}`.execute(db.owner),
    ).rejects.toThrow(/frozen/);
    await expect(
      sql`DELETE FROM assessment_evidence WHERE assessment_id = ${assessmentId}`.execute(db.owner),
    ).rejects.toThrow(/frozen/);
    // The register's Perbup gets a new scan: the submitted evidence keeps the file and hash it cited.
    const cited = before.evidence.find((e) => e.instrument !== null)!;
    const rescanned = Buffer.from('%PDF-1.4\n% pindaian ulang\n%%EOF\n');
    await uploadInstrumentFile(governanceFiles(db.app, dataDir), disnaker, perbupId, 'perbup-ulang.pdf', rescanned);
    const deps = { db: db.app, store: fileEvidenceStore(dataDir), maxBytes: 1_000_000 };
    const kept = await bytesOf((await openEvidence(deps, pimpinan, assessmentId, cited.id)).stream);
    expect(kept.equals(SIGNED_PERBUP)).toBe(true);
    const after = await getAssessment(db.app, disnaker, assessmentId);
    expect(after).toEqual(before);
    expect(after.figures.find((f) => f.code === 'apbd_non_asn')?.value).toBe(2);
  });

  it('is scored by each provincial assessor separately and ranked with the framework rule', async () => {
    const sleman = await openAssessment(db.app, disnakerSleman, { frameworkId, region: '34.04', cutoff: CUTOFF });
    await prepareFigures(db.app, disnakerSleman, sleman.id);
    await submitAssessment(db.app, pimpinanSleman, sleman.id);
    expect(
      (await fails(scoreIndicator(db.app, asesorA, assessmentId, { indicatorCode: 'pks_bpjs', score: 5, comment: '' })))
        .code,
    ).toBe('INDICATOR_UNKNOWN');
    expect(
      (
        await fails(
          scoreIndicator(db.app, disnaker, assessmentId, { indicatorCode: 'interview', score: 5, comment: '' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    await scoreIndicator(db.app, asesorA, assessmentId, {
      indicatorCode: 'interview',
      score: 80,
      comment: 'Bupati hadir',
    });
    await scoreIndicator(db.app, asesorB, assessmentId, { indicatorCode: 'interview', score: 60, comment: '' });
    await scoreIndicator(db.app, asesorA, sleman.id, { indicatorCode: 'interview', score: 90, comment: '' });
    await addComment(db.app, asesorA, sleman.id, 'Lengkapi Perbup.');
    const view = await provinceView(db.app, asesorA, { frameworkId, province: '34' });
    const bantul = view.entries.find((e) => e.region === '34.02')!;
    expect(bantul.scores.indicators.find((i) => i.code === 'interview')?.score).toBe(70); // mean of 80 and 60
    expect(bantul.myScores).toEqual({ interview: 80 });
    expect(bantul.assessorCount).toBe(2);
    expect(view.entries.map((e) => e.rank)).toEqual([1, 2]);
    expect(view.entries.find((e) => e.region === '34.04')!.comments.map((c) => c.body)).toEqual(['Lengkapi Perbup.']);
    // The regency's own snapshot is unchanged by the assessors' scores.
    expect(
      (await getAssessment(db.app, pimpinan, assessmentId)).scores.indicators.find((i) => i.code === 'interview')
        ?.score,
    ).toBeNull();
    // An assessor of the regency only may not read the province's ranking.
    expect(
      (await fails(provinceView(db.app, actorContext('asesor', '34.02'), { frameworkId, province: '34' }))).code,
    ).toBe('OUT_OF_SCOPE');
    expect(await audits('assessment.score')).toBe(3);
    expect(await audits('assessment.comment')).toBe(1);
  });
});
