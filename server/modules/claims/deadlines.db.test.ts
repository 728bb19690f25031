// The JKK deadlines and the hand-over batch file against the real database (issue 15 §5): the deadline rule rows
// (uncertain where domain.md says so), the stage-I report clock from the event date, the 30-day status clock from
// the hand-over, the job marking both breaches once, the overdue list, and the batch file written through the
// exchange module's template writer (full NIK as text, audited).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENEFIT_RULE_SEED } from '../../../lib/rules/benefit-rules.seed.ts';
import type { App } from '../../platform/http.ts';
import { NEVER_NIK, seedClaimPeople } from '../../testing/claims-fixtures.ts';
import { actorContext, PALBAPANG, TRIRENGGO } from '../../testing/programs-fixtures.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import type { DocumentDeps } from './documents.service.ts';
import {
  fileDocumentStore,
  getWorkflow,
  listClaims,
  markSlaBreaches,
  reportClaim,
  transition,
  uploadDocument,
} from './index.ts';

const op = actorContext('operator', TRIRENGGO, 'operator.trirenggo');
const opElsewhere = actorContext('operator', PALBAPANG, 'operator.palbapang');
const PDF = Buffer.from('%PDF-1.4\n% deadline test\n%%EOF\n');
const MAX = 4096;

let db: TestDatabase;
let app: App;
let dataDir: string;
let deps: DocumentDeps;
let ids: Awaited<ReturnType<typeof seedClaimPeople>>;

const audited = async (action: string) =>
  (
    await sql<{ entity_id: string }>`SELECT entity_id FROM audit_log WHERE action = ${action} ORDER BY id`.execute(
      db.owner,
    )
  ).rows.map((r) => r.entity_id);
const jkk = (workerId: string, eventDate: string) =>
  reportClaim(db.app, op, {
    workerId,
    type: 'jkk',
    outcome: 'treatment',
    eventDate,
    place: 'Jalan desa',
    chronology: 'Jatuh dari motor saat berangkat kerja.',
    witnesses: [{ name: 'Pak RT' }, { name: 'Bu Wati' }],
  });

beforeAll(async () => {
  db = await createTestDatabase('claims_deadlines');
  dataDir = await mkdtemp(path.join(tmpdir(), 'lindung-deadlines-'));
  app = await testApp(db, { LINDUNG_DATA_DIR: dataDir });
  deps = { db: db.app, store: fileDocumentStore(dataDir), maxBytes: MAX };
  ids = await seedClaimPeople(db);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('deadline rule rows', () => {
  it('are benefit rule rows with their legal basis; the JKK ones are marked uncertain', () => {
    const sla = BENEFIT_RULE_SEED.filter((r) => r.key.startsWith('sla.'));
    expect(sla.map((r) => [r.key, r.value, r.certainty])).toEqual([
      ['sla.jkm_payment', { kind: 'days', days: 3, working: true }, 'secondary'],
      ['sla.jkk_report_stage1', { kind: 'days', days: 2, working: false }, 'uncertain'],
      ['sla.jkk_status', { kind: 'days', days: 30, working: false }, 'uncertain'],
    ]);
    for (const r of sla) expect(r.legalBasis).toMatch(/^(PP|Permenaker) /);
  });
});

describe('JKK deadlines', () => {
  it('stage-I report: due 2 days after the event; the job marks a claim without the report once', async () => {
    const late = await jkk(ids.lapsed, '2026-07-10');
    const onTime = await jkk(ids.never, '2026-07-13');
    expect((await getWorkflow(db.app, op, late.id)).reportDueOn).toBe('2026-07-12');
    expect((await getWorkflow(db.app, op, onTime.id)).reportDueOn).toBe('2026-07-15');
    // The second claim's stage-I report is uploaded today (15 July, its last day): on time.
    await uploadDocument(deps, op, onTime.id, { item: 'accident_report_1', fileName: 'lap1.pdf' }, PDF);
    expect(await markSlaBreaches(db.app, '2026-07-15')).toBe(1);
    expect(await markSlaBreaches(db.app, '2026-07-16')).toBe(0);
    expect(await audited('claim.sla.report_breach')).toEqual([late.id]);
    const wf = await getWorkflow(db.app, op, late.id);
    expect(wf).toMatchObject({ reportBreached: true });
    expect((await getWorkflow(db.app, op, onTime.id)).reportBreached).toBe(false);
    // Overdue while the file is not complete; only in its own region.
    const overdue = await listClaims(db.app, op, { stage: 'overdue', page: 1, pageSize: 25 });
    expect(overdue.items.map((c) => c.id)).toEqual([late.id]);
    expect((await listClaims(db.app, opElsewhere, { stage: 'overdue', page: 1, pageSize: 25 })).total).toBe(0);
  });

  it('status of the accident: 30 days from the hand-over to BPJS; the job marks it past due once', async () => {
    const claim = await jkk(ids.covered, '2026-07-14');
    const items = [
      'kpj_card',
      'ktp_participant',
      'accident_report_1',
      'accident_report_2',
      'chronology_witnesses',
      'medical_certificate',
      'bank_book',
    ] as const;
    for (const item of items) await uploadDocument(deps, op, claim.id, { item, fileName: `${item}.pdf` }, PDF);
    const complete = await transition(db.app, op, claim.id, { action: 'complete' }, MAX);
    expect(complete.slaDueOn).toBeNull();
    // Pinned today: 15 July 2026; 30 calendar days later.
    const handed = await transition(db.app, op, claim.id, { action: 'hand' }, MAX);
    expect(handed.slaDueOn).toBe('2026-08-14');
    expect(await markSlaBreaches(db.app, '2026-08-14')).toBe(0);
    expect(await markSlaBreaches(db.app, '2026-08-15')).toBe(1);
    expect(await audited('claim.sla.breach')).toEqual([claim.id]);
    const overdue = await listClaims(db.app, op, { stage: 'overdue', page: 1, pageSize: 25 });
    expect(overdue.items.map((c) => c.id)).toContain(claim.id);
  });
});

describe('hand-over batch file', () => {
  it('lists every handed claim with full NIK as text and its documents, audited; CSV with ";"', async () => {
    const user = await makeUser(db, 'operator', TRIRENGGO);
    const headers = await signIn(app, user.username, user.password);
    const res = await app.inject({ method: 'GET', url: '/api/claims/handover-file', headers });
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Serah klaim')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Nomor klaim Lindung');
    expect(sheet.rowCount).toBe(2);
    const nik = sheet.getRow(2).getCell(5);
    expect(nik.value).toBe(
      (await db.owner.selectFrom('worker').select('nik').where('id', '=', ids.covered).executeTakeFirstOrThrow()).nik,
    );
    expect(nik.numFmt).toBe('@');
    expect(sheet.getRow(2).getCell(11).value).toBe('7');
    expect(String(sheet.getRow(2).getCell(12).value).split(' ')).toHaveLength(7);
    const csv = await app.inject({ method: 'GET', url: '/api/claims/handover-file?format=csv', headers });
    expect(csv.body.split('\n')[0]).toContain('Nomor klaim Lindung;Program;Akibat');
    expect(csv.body).not.toContain(NEVER_NIK);
    expect(await audited('claim.handover_file')).toHaveLength(2);
    const elsewhere = await makeUser(db, 'operator', PALBAPANG);
    const other = await app.inject({
      method: 'GET',
      url: '/api/claims/handover-file?format=csv',
      headers: await signIn(app, elsewhere.username, elsewhere.password),
    });
    expect(other.body.trim().split('\n')).toHaveLength(1);
  });
});
