// Governance against the real database (issue 16): the register of instruments with its signed file and audited
// download, expiry alerts on a fixed clock, the public list of enacted regulations, and region scope.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentInput } from '../../../lib/contracts/governance.ts';
import type { AppError } from '../../platform/errors.ts';
import { fileStore } from '../../platform/file-store.ts';
import type { App } from '../../platform/http.ts';
import { actorContext } from '../../testing/programs-fixtures.ts';
import { createTestDatabase, testApp, type TestDatabase } from '../../testing/test-db.ts';
import {
  createInstrument,
  expiringAgreements,
  getInstrument,
  listInstruments,
  openInstrumentFile,
  raiseExpiryAlerts,
  updateInstrument,
  uploadInstrumentFile,
} from './index.ts';

const disnaker = actorContext('disnaker', '34.02', 'disnaker.bantul');
const sleman = actorContext('disnaker', '34.04', 'disnaker.sleman');
const pimpinan = actorContext('pimpinan', '34.02', 'pimpinan.bantul');
const operator = actorContext('operator', '34.02.08.2004', 'operator.trirenggo');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

let db: TestDatabase;
let app: App;
let dir: string;
let files: { db: TestDatabase['app']; store: ReturnType<typeof fileStore>; maxBytes: number };

const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};
const audits = async (action: string) =>
  (
    await sql<{ entity_id: string; after: Record<string, unknown> }>`
      SELECT entity_id, after FROM audit_log WHERE action = ${action} ORDER BY id`.execute(db.owner)
  ).rows;

const base: InstrumentInput = {
  region: '34.02',
  kind: 'perbup',
  stage: null,
  number: '12 Tahun 2026',
  title: 'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan',
  signedOn: '2026-03-02',
  effectiveFrom: '2026-03-02',
  effectiveUntil: null,
  issuer: 'Bupati Bantul',
  counterparty: null,
  regionsCovered: [],
  subjectTags: ['pekerja_rentan'],
  status: 'enacted',
  programIds: [],
  targetIds: [],
};

beforeAll(async () => {
  db = await createTestDatabase('governance');
  app = await testApp(db);
  dir = mkdtempSync(path.join(tmpdir(), 'lindung-gov-'));
  files = { db: db.app, store: fileStore(dir, 'governance-documents'), maxBytes: 1 << 20 };
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the register of legal instruments', () => {
  it('records a Perbup with its signed PDF (SHA-256) and audits the download before it is sent', async () => {
    const perbup = await createInstrument(db.app, disnaker, base);
    expect(perbup).toMatchObject({ kind: 'perbup', status: 'enacted', inForce: true, file: null });
    const withFile = await uploadInstrumentFile(files, disnaker, perbup.id, 'perbup-12-2026.pdf', PDF);
    expect(withFile.file).toMatchObject({
      name: 'perbup-12-2026.pdf',
      sizeBytes: PDF.length,
      sha256: '' + (await import('node:crypto')).createHash('sha256').update(PDF).digest('hex'),
    });
    const opened = await openInstrumentFile(files, pimpinan, perbup.id);
    const chunks: Buffer[] = [];
    for await (const c of opened.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
    expect((await audits('governance.instrument.download')).map((a) => a.entity_id)).toEqual([perbup.id]);
    expect((await audits('governance.instrument.create')).map((a) => a.entity_id)).toContain(perbup.id);
    expect((await audits('governance.instrument.file')).map((a) => a.entity_id)).toEqual([perbup.id]);
  });

  it('refuses a file that is not a PDF, whatever its name', async () => {
    const { items } = await listInstruments(db.app, disnaker, { group: 'regulation', page: 1, pageSize: 10 });
    const err = await fails(
      uploadInstrumentFile(files, disnaker, items[0]!.id, 'scan.pdf', Buffer.from('PK\u0003\u0004 not a pdf')),
    );
    expect(err.code).toBe('CONFLICT');
  });

  it('keeps a Raperda a draft with its stage until it is enacted as a Perda', async () => {
    const raperda = await createInstrument(db.app, disnaker, {
      ...base,
      kind: 'raperda',
      stage: 'pembahasan',
      number: null,
      status: 'draft',
      signedOn: null,
      effectiveFrom: null,
      title: 'Raperda Perlindungan Pekerja',
      issuer: 'DPRD dan Bupati Bantul',
    });
    expect(raperda).toMatchObject({ stage: 'pembahasan', inForce: false });
    const perda = await updateInstrument(db.app, disnaker, raperda.id, {
      ...base,
      kind: 'perda',
      number: '3 Tahun 2026',
      title: 'Perda Perlindungan Pekerja',
      issuer: 'DPRD dan Bupati Bantul',
    });
    expect(perda).toMatchObject({ kind: 'perda', stage: null, status: 'enacted', inForce: true });
  });

  it('is read and written inside the region only; the operator neither reads nor writes it', async () => {
    const { items } = await listInstruments(db.app, disnaker, { group: 'all', page: 1, pageSize: 50 });
    expect((await fails(getInstrument(db.app, sleman, items[0]!.id))).code).toBe('NOT_FOUND');
    expect((await fails(createInstrument(db.app, sleman, base))).code).toBe('OUT_OF_SCOPE');
    expect((await fails(listInstruments(db.app, operator, { group: 'all', page: 1, pageSize: 5 }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await fails(createInstrument(db.app, pimpinan, base))).code).toBe('FORBIDDEN');
    const other = await listInstruments(db.app, sleman, { group: 'all', page: 1, pageSize: 50 });
    expect(other.total).toBe(0);
  });
});

describe('expiry alerts of agreements (clock pinned to 2026-07-15)', () => {
  it('shows an agreement ending within 30 days at level 30, raises the 90- and 30-day alerts once', async () => {
    const agreement = (until: string, title: string) =>
      createInstrument(db.app, disnaker, {
        ...base,
        kind: 'pks',
        number: null,
        title,
        issuer: 'Dinas Tenaga Kerja Kab. Bantul',
        counterparty: 'BPJS Ketenagakerjaan Cabang Bantul',
        effectiveFrom: '2025-08-01',
        effectiveUntil: until,
        subjectTags: [],
      });
    const soon = await agreement('2026-08-10', 'PKS Perlindungan Pekerja Rentan 2025–2026');
    const later = await agreement('2026-09-30', 'PKS Pendataan Pekerja Desa');
    await agreement('2027-06-30', 'PKS Jangka Panjang');
    const before = await expiringAgreements(db.app, pimpinan);
    expect(before.today).toBe('2026-07-15');
    expect(before.items.map((i) => [i.instrument.id, i.level, i.instrument.daysLeft, i.raisedOn])).toEqual([
      [soon.id, 30, 26, null],
      [later.id, 90, 77, null],
    ]);
    expect(await raiseExpiryAlerts(db.app)).toBe(3); // soon: 90 and 30; later: 90
    expect(await raiseExpiryAlerts(db.app)).toBe(0); // once
    const after = await expiringAgreements(db.app, pimpinan);
    expect(after.items.map((i) => i.raisedOn)).toEqual(['2026-07-15', '2026-07-15']);
    const raised = await audits('governance.agreement.expiry_alert');
    expect(raised.map((a) => [a.entity_id, a.after.threshold_days]).sort()).toEqual(
      [
        [soon.id, 30],
        [soon.id, 90],
        [later.id, 90],
      ].sort(),
    );
    // Sleman sees none of Bantul's alerts.
    expect((await expiringAgreements(db.app, sleman)).items).toEqual([]);
  });
});

describe('open data: enacted regional regulations', () => {
  it('lists enacted Perbup and Perda without sign-in, never drafts or agreements', async () => {
    const r = await app.inject({ method: 'GET', url: '/open/regulations' });
    expect(r.statusCode).toBe(200);
    const items = (r.json() as { items: { kind: string; title: string; regionLabel: string; sha256: string }[] }).items;
    expect(items.map((i) => i.kind).sort()).toEqual(['perbup', 'perda']);
    expect(items.find((i) => i.kind === 'perbup')).toMatchObject({ regionLabel: expect.stringContaining('Bantul') });
    expect(JSON.stringify(items)).not.toContain('PKS');
  });
});
