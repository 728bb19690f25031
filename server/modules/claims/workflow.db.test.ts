// Claim documents and workflow against the real database and a temporary data directory: the checklist, uploads
// judged by their bytes and kept outside the database, audited downloads, region scope, the state machine with its
// 409s, the cover letter, the decision by BPJS, the heir's receipt and the timeline.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { nikFor } from '../../testing/nik.ts';
import { actorContext, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { registerWorker } from '../registry/index.ts';
import {
  addHoliday,
  listHolidays,
  claimsFigures,
  getClaimFigures,
  assign,
  markSlaBreaches,
  coverLetter,
  fileDocumentStore,
  getChecklist,
  getWorkflow,
  listClaims,
  openDocument,
  recordReceipt,
  removeDocument,
  reportClaim,
  transition,
  uploadDocument,
} from './index.ts';
import { addWorkingDays, type DocumentItem } from '../../../lib/rules/claim-workflow.ts';
import type { DocumentDeps } from './documents.service.ts';

const op = actorContext('operator', TRIRENGGO, 'operator.trirenggo');
const opElsewhere = actorContext('operator', PALBAPANG, 'operator.palbapang');
const bpjs = actorContext('bpjs', '34.02', 'bpjs.bantul');
const NIK = nikFor('1980-07-01', 'P', 21);
const MAX = 4096;

const PDF = Buffer.from('%PDF-1.4\n% claim document\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);

let db: TestDatabase;
let app: App;
let dataDir: string;
let deps: DocumentDeps;
let claimId: string;
let headers: Record<string, string>;

const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};
const auditCount = async (action: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE action = ${action}`.execute(db.owner)).rows[0]!
      .n,
  );
const storedFiles = async () => {
  try {
    return await readdir(path.join(dataDir, 'claim-documents', claimId));
  } catch {
    return [];
  }
};

beforeAll(async () => {
  db = await createTestDatabase('claims_workflow');
  dataDir = await mkdtemp(path.join(tmpdir(), 'lindung-claims-'));
  app = await testApp(db, { LINDUNG_DATA_DIR: dataDir, CLAIM_DOCUMENT_MAX_BYTES: String(MAX) });
  deps = { db: db.app, store: fileDocumentStore(dataDir), maxBytes: MAX };
  const worker = await registerWorker(db.app, op, {
    nik: NIK,
    fullName: 'Sri Dokumen',
    birthDate: '1980-07-01',
    sex: 'P',
    village: TRIRENGGO,
    segment: 'farmer',
    category: 'BPU',
    monthlyIncome: 1_000_000,
  });
  const snapshot = await db.owner
    .insertInto('membership_snapshot')
    .values({ region_code: '34.02', as_of: '2026-06-30', source: 'file', imported_by: 'test', persons: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.owner
    .insertInto('bpjs_member')
    .values({
      snapshot_id: snapshot.id,
      region_code: '34.02',
      nik: NIK,
      kpj_number: '99000000021',
      category: 'BPU',
      coverage_start: '2022-06-01',
      paid_through: '2026-06-01',
      village_code: TRIRENGGO,
    })
    .execute();
  claimId = (
    await reportClaim(db.app, op, {
      workerId: worker.id,
      type: 'jkm',
      eventDate: '2026-06-20',
      place: 'Rumah',
      chronology: 'Meninggal dunia di rumah.',
      witnesses: [],
    })
  ).id;
  const user = await makeUser(db, 'operator', TRIRENGGO, 'operator.trirenggo');
  headers = await signIn(app, user.username, user.password);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const upload = (item: string, body: Buffer, fileName = `${item}.pdf`) =>
  app.inject({
    method: 'POST',
    url: `/api/claims/${claimId}/documents?item=${item}&fileName=${encodeURIComponent(fileName)}`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: body,
  });

describe('the document checklist of a JKM claim', () => {
  it('lists what BPJS asks for a death (domain.md §4.6) and is not complete while anything is missing', async () => {
    const list = await getChecklist(deps, op, claimId);
    expect(list.items.filter((i) => i.required).map((i) => i.item)).toEqual([
      'kpj_card',
      'ktp_participant',
      'ktp_heirs',
      'death_certificate',
      'family_card',
      'heir_statement',
      'bank_book',
    ]);
    expect(list.items.filter((i) => !i.required).map((i) => i.item)).toEqual(['marriage_book', 'other']);
    expect(list.complete).toBe(false);
    expect(list.editable).toBe(true);
  });

  it('refuses a file that is not PDF, JPEG or PNG by its bytes, whatever its name, and keeps nothing', async () => {
    const r = await upload('kpj_card', Buffer.from('MZ\x90\x00 not a pdf at all'), 'kartu.pdf');
    expect(r.statusCode).toBe(415);
    expect(r.json()).toMatchObject({ error: { code: 'CLAIM_DOCUMENT_TYPE' } });
    expect(await storedFiles()).toEqual([]);
    expect(await db.owner.selectFrom('claim_document').select('id').execute()).toEqual([]);
  });

  it('refuses a file over the configured size', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX, 0x20)]);
    const r = await upload('kpj_card', big);
    expect(r.statusCode).toBe(413);
    expect(await storedFiles()).toEqual([]);
  });

  it('stores an upload outside the database with its SHA-256, size and sniffed type, audited', async () => {
    const r = await upload('kpj_card', PNG, 'kartu.pdf');
    expect(r.statusCode).toBe(201);
    const row = await db.owner.selectFrom('claim_document').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      item: 'kpj_card',
      file_name: 'kartu.pdf',
      content_type: 'image/png',
      size_bytes: String(PNG.length),
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });
    expect(await readFile(path.join(dataDir, 'claim-documents', row.storage_key))).toEqual(PNG);
    expect(await auditCount('claim.document.upload')).toBe(1);
  });

  it('serves a document only in scope, and only after its audit row is written', async () => {
    const doc = await db.owner.selectFrom('claim_document').select('id').executeTakeFirstOrThrow();
    expect((await fails(openDocument(deps, opElsewhere, doc.id))).code).toBe('NOT_FOUND');
    expect((await fails(getChecklist(deps, opElsewhere, claimId))).code).toBe('NOT_FOUND');
    expect(await auditCount('claim.document.download')).toBe(0);
    const { stream } = await openDocument(deps, op, doc.id);
    // The stream has not been read yet: the audit row is already committed.
    expect(await auditCount('claim.document.download')).toBe(1);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(PNG);
    const r = await app.inject({ method: 'GET', url: `/api/claims/documents/${doc.id}/file`, headers });
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.rawPayload).toEqual(PNG);
    expect(await auditCount('claim.document.download')).toBe(2);
  });

  it('an operator elsewhere cannot upload to or remove from the claim', async () => {
    const doc = await db.owner.selectFrom('claim_document').select('id').executeTakeFirstOrThrow();
    const before = await storedFiles();
    expect(
      (await fails(uploadDocument(deps, opElsewhere, claimId, { item: 'other', fileName: 'x.pdf' }, PDF))).code,
    ).toBe('NOT_FOUND');
    expect((await fails(removeDocument(deps, opElsewhere, doc.id))).code).toBe('NOT_FOUND');
    expect(await storedFiles()).toEqual(before);
  });
});

describe('the workflow', () => {
  it('refuses steps out of order with a 409 that names the current stage', async () => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/claims/${claimId}/transitions`,
      headers,
      payload: { action: 'hand' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('Dilaporkan');
    expect((await fails(transition(db.app, bpjs, claimId, { action: 'pay', amount: 1 }, MAX))).code).toBe(
      'CLAIM_STAGE_CONFLICT',
    );
    expect((await fails(transition(db.app, op, claimId, { action: 'pay', amount: 1 }, MAX))).code).toBe('FORBIDDEN');
  });

  it('"berkas lengkap" only with every required document', async () => {
    const err = await fails(transition(db.app, op, claimId, { action: 'complete' }, MAX));
    expect(err.code).toBe('CLAIM_DOCUMENTS_INCOMPLETE');
    expect(String(err.params.missingId)).toContain('Akta/surat keterangan kematian');
    for (const item of ['ktp_participant', 'ktp_heirs', 'death_certificate', 'family_card', 'heir_statement']) {
      expect((await upload(item, PDF)).statusCode).toBe(201);
    }
    expect((await getChecklist(deps, op, claimId)).missing).toEqual(['bank_book']);
    expect((await upload('bank_book', JPEG, 'buku.jpg')).statusCode).toBe(201);
    const list = await getChecklist(deps, op, claimId);
    expect(list.complete).toBe(true);
    const wf = await transition(db.app, op, claimId, { action: 'complete' }, MAX);
    expect(wf.stage).toBe('complete');
    // Once complete, the documents are frozen until the file is returned.
    expect((await upload('other', PDF)).statusCode).toBe(409);
  });

  it('hands the file to BPJS with a cover letter, takes it back for correction and hands it again', async () => {
    const handed = await transition(db.app, op, claimId, { action: 'hand' }, MAX);
    expect(handed.stage).toBe('handed');
    const pdf = await app.inject({ method: 'GET', url: `/api/claims/${claimId}/cover-letter.pdf`, headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await auditCount('claim.cover_letter')).toBe(1);
    const returned = await transition(db.app, bpjs, claimId, { action: 'return', reason: 'document_unreadable' }, MAX);
    expect(returned).toMatchObject({ stage: 'returned', returnedReason: 'document_unreadable' });
    expect((await upload('other', PDF)).statusCode).toBe(201);
    await transition(db.app, op, claimId, { action: 'complete' }, MAX);
    const again = await transition(db.app, op, claimId, { action: 'hand' }, MAX);
    expect(again).toMatchObject({ stage: 'handed', returnedReason: null });
  });

  it('one assignee at a time; an unknown user is refused', async () => {
    expect((await assign(db.app, bpjs, claimId, { assignee: 'operator.trirenggo' })).assignee).toBe(
      'operator.trirenggo',
    );
    expect((await fails(assign(db.app, op, claimId, { assignee: 'nobody.here' }))).code).toBe('NOT_FOUND');
    expect((await getWorkflow(db.app, op, claimId)).assignee).toBe('operator.trirenggo');
  });

  it('BPJS records the payment; the operator records the receipt once; the claim closes; all on the timeline', async () => {
    expect((await fails(recordReceipt(db.app, op, claimId, { received: true, feeAsked: false }))).code).toBe(
      'CLAIM_RECEIPT_NOT_ALLOWED',
    );
    const paid = await transition(db.app, bpjs, claimId, { action: 'pay', amount: 42_000_000 }, MAX);
    expect(paid).toMatchObject({ stage: 'paid', paidAmount: 42_000_000, decidedOn: '2026-07-15' });
    expect(paid.canRecordReceipt).toBe(false); // BPJS does not record the family's receipt
    expect((await getWorkflow(db.app, op, claimId)).canRecordReceipt).toBe(true);
    const receipt = await recordReceipt(db.app, op, claimId, {
      received: true,
      feeAsked: true,
      note: 'Diminta Rp500.000',
    });
    expect(receipt.receipt).toMatchObject({ received: true, feeAsked: true, by: 'operator.trirenggo' });
    expect((await fails(recordReceipt(db.app, op, claimId, { received: true, feeAsked: false }))).code).toBe(
      'CLAIM_RECEIPT_NOT_ALLOWED',
    );
    const closed = await transition(db.app, op, claimId, { action: 'close' }, MAX);
    expect(closed.stage).toBe('closed');
    expect(closed.actions).toEqual([]);
    expect(closed.events.map((e) => `${e.action}:${e.toStage}`)).toEqual([
      'complete:complete',
      'hand:handed',
      'return:returned',
      'complete:complete',
      'hand:handed',
      'assign:handed',
      'pay:paid',
      'receipt:paid',
      'close:closed',
    ]);
    expect(await auditCount('claim.stage')).toBe(7);
    expect(await auditCount('claim.receipt')).toBe(1);
    // The timeline is the claim's region's: invisible elsewhere.
    expect((await fails(getWorkflow(db.app, opElsewhere, claimId))).code).toBe('NOT_FOUND');
    expect((await fails(coverLetter(db.app, opElsewhere, claimId, MAX))).code).toBe('NOT_FOUND');
  });
});

describe('the service level', () => {
  it('counts 3 working days from the complete file, skipping weekends and holidays; the job marks a breach once', async () => {
    const admin = actorContext('admin', '*', 'admin');
    expect((await fails(addHoliday(db.app, op, { day: '2026-07-16', name: 'Libur' }))).code).toBe('FORBIDDEN');
    await addHoliday(db.app, admin, { day: '2026-07-16', name: 'Cuti bersama (uji)' });
    const twice = await fails(addHoliday(db.app, admin, { day: '2026-07-16', name: 'Lagi' }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.params.detail).toBe('2026-07-16 sudah tercatat sebagai hari libur.');
    const claim = await db.owner.selectFrom('claim').select('worker_id').executeTakeFirstOrThrow();
    const second = await reportClaim(db.app, op, {
      workerId: String(claim.worker_id),
      type: 'jkm',
      eventDate: '2026-06-21',
      place: 'Rumah',
      chronology: 'Laporan kedua untuk uji batas layanan.',
      witnesses: [],
    });
    const items: DocumentItem[] = ['kpj_card', 'ktp_participant', 'ktp_heirs', 'death_certificate', 'family_card'];
    for (const item of [...items, 'heir_statement', 'bank_book'] as const) {
      await uploadDocument(deps, op, second.id, { item, fileName: `${item}.pdf` }, PDF);
    }
    // Today is pinned to Wednesday 15 July 2026: Thursday is a holiday, so Fri 17, Mon 20, Tue 21.
    const complete = await transition(db.app, op, second.id, { action: 'complete' }, MAX);
    expect(complete).toMatchObject({ slaDueOn: '2026-07-21', slaBreached: false });
    expect(await markSlaBreaches(db.app, '2026-07-21')).toBe(0);
    expect(await markSlaBreaches(db.app, '2026-07-22')).toBe(1);
    expect(await markSlaBreaches(db.app, '2026-07-23')).toBe(0);
    expect((await getWorkflow(db.app, op, second.id)).slaBreached).toBe(true);
    expect(await auditCount('claim.sla.breach')).toBe(1);
    // The overdue list: in scope only.
    const overdue = await listClaims(db.app, op, { stage: 'overdue', page: 1, pageSize: 25 });
    expect(overdue.items.map((c) => c.id)).toEqual([second.id]);
    expect((await listClaims(db.app, opElsewhere, { stage: 'overdue', page: 1, pageSize: 25 })).total).toBe(0);
    expect((await listClaims(db.app, op, { stage: 'closed', page: 1, pageSize: 25 })).items.map((c) => c.id)).toEqual([
      claimId,
    ]);
    // Back with the family: the clock is paused (no due date), so the job leaves it alone.
    const returned = await transition(db.app, bpjs, second.id, { action: 'return', reason: 'data_mismatch' }, MAX);
    expect(returned.slaDueOn).toBeNull();
  });
});

describe('the national holidays of 2026', () => {
  it('are seeded so the clock skips them from the first start (Independence Day moves a due date)', async () => {
    const listed = await listHolidays(db.app, op);
    const days = new Set(listed.items.map((h) => h.day));
    for (const day of ['2026-01-01', '2026-05-01', '2026-06-01', '2026-08-17', '2026-12-25'])
      expect(days).toContain(day);
    expect(listed.items.find((h) => h.day === '2026-08-17')?.name).toBe(
      'Hari Proklamasi Kemerdekaan Republik Indonesia',
    );
    // Complete on Friday 14 August 2026: Monday 17 is a holiday, so Tue 18, Wed 19, Thu 20.
    expect(addWorkingDays('2026-08-14', 3, days)).toBe('2026-08-20');
  });
});

describe('the claims figures (issue 15 §8)', () => {
  it('benefits delivered, stages, service level and the gap, per scope; the leader sees aggregates only', async () => {
    const uncovered = await registerWorker(db.app, op, {
      nik: nikFor('1975-03-02', 'L', 22),
      fullName: 'Budi Tanpa Kepesertaan',
      birthDate: '1975-03-02',
      sex: 'L',
      village: TRIRENGGO,
      segment: 'farmer',
      category: 'BPU',
      monthlyIncome: 1_500_000,
    });
    await reportClaim(db.app, op, {
      workerId: uncovered.id,
      type: 'jkm',
      eventDate: '2026-07-01',
      place: 'Sawah',
      chronology: 'Meninggal dunia di sawah.',
      witnesses: [],
    });
    const f = await claimsFigures(db.app, '34.02', { from: '2026-01-01', to: '2026-12-31' });
    expect(f.delivered).toEqual({ claims: 1, amount: 42_000_000, words: 'empat puluh dua juta rupiah' });
    expect(f).toMatchObject({ reported: 3, facilitated: 2 });
    expect(f.byRegion).toEqual([
      { key: '34.02.08', label: expect.stringContaining('Bantul'), claims: 1, amount: 42_000_000 },
    ]);
    expect(f.byProgram.reduce((s, g) => s + g.amount, 0)).toBe(42_000_000);
    expect(f.byStage).toEqual([
      { stage: 'reported', claims: 1 },
      { stage: 'returned', claims: 1 },
      { stage: 'closed', claims: 1 },
    ]);
    expect(f.sla).toEqual({ decided: 1, onTime: 1, late: 0, overdue: 0, percentOnTime: 100 });
    expect(f.gaps).toMatchObject({ events: 1, missed: 42_000_000 });
    expect(f.gaps.byReason.map((g) => g.key)).toEqual(['not_enrolled']);
    expect(f.rows).toHaveLength(3);
    expect(f.rows.find((r) => r.id === claimId)).toMatchObject({ stage: 'closed', paidAmount: 42_000_000 });
    // Another regency, or a period before the payment, sees nothing of it.
    expect((await claimsFigures(db.app, '34.04', { from: '2026-01-01', to: '2026-12-31' })).delivered.claims).toBe(0);
    expect((await claimsFigures(db.app, '34.02', { from: '2026-01-01', to: '2026-07-14' })).delivered.claims).toBe(0);
    // The leader's aggregates: no rows, and nothing outside the leader's regency.
    const leader = await getClaimFigures(db.app, actorContext('pimpinan', '34.02', 'bupati.bantul'), {
      from: '2026-01',
      to: '2026-12',
    });
    expect(leader.delivered.amount).toBe(42_000_000);
    expect('rows' in leader).toBe(false);
    const sleman = actorContext('pimpinan', '34.04', 'bupati.sleman');
    expect((await fails(getClaimFigures(db.app, sleman, { region: '34.02' }))).code).toBe('OUT_OF_SCOPE');
  });

  it('open data: counts per district with 1 to 4 withheld, no sign-in', async () => {
    const r = await app.inject({ method: 'GET', url: '/open/claims?year=2026' });
    expect(r.statusCode).toBe(200);
    const body = r.json<{ districts: { code: string; reported: number | null; paid: number | null }[] }>();
    expect(body.districts).toEqual([
      { code: '34.02.08', label: expect.any(String), reported: null, paid: null, gaps: null },
    ]);
    const figures = await app.inject({ method: 'GET', url: '/api/claims/figures', headers });
    expect(figures.statusCode).toBe(200);
    expect(figures.json<{ delivered: { amount: number } }>().delivered.amount).toBe(42_000_000);
  });
});
