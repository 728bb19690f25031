// Probes of the every-route scope test (access/region-scope.db.test.ts) for the employers routes: a Disnaker of
// Kab. Bantul must neither see nor change Kab. Sleman's employers, snapshot and projects. Kept here so the shared
// test gains one line. Test support only: imported by that test, never by the application.
import { expect } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { probeCaller, type ProbeCtx } from '../../testing/probe-call.ts';
import { tableDigest } from '../../testing/unchanged.ts';
import { importEmployerSnapshot, importLicensingList } from './employers.import.ts';
import { registerProject } from './projects.service.ts';

const SLEMAN_VILLAGE = '34.04.01.2001';
const SLEMAN_NIB = '9140001000011';
const TABLES = [
  'employer',
  'employer_snapshot',
  'employer_snapshot_row',
  'employer_warning',
  'construction_project',
  'project_worker',
];

type Ctx = ProbeCtx;

export function employerScopeProbes(ctx: () => Ctx): Map<string, () => Promise<void>> {
  let seeded: { employer: string; project: string } | null = null;
  const sleman = async () => {
    if (seeded) return seeded;
    const { db } = ctx();
    const system = systemContext('test');
    await importLicensingList(db, system, {
      fileName: 'sleman.csv',
      content: Buffer.from(`NIB;NAMA USAHA;KODE DESA\n${SLEMAN_NIB};PT Sleman Makmur;${SLEMAN_VILLAGE}\n`),
    });
    await importEmployerSnapshot(db, system, {
      fileName: 'sleman.csv',
      region: '34.04',
      asOf: '2026-07-10',
      content: Buffer.from(`NPP;NIB;NAMA;STATUS;TK AKTIF\n15079999;${SLEMAN_NIB};PT Sleman Makmur;NONAKTIF;3\n`),
    });
    const employer = await db.owner
      .selectFrom('employer')
      .select('id')
      .where('nib', '=', SLEMAN_NIB)
      .executeTakeFirstOrThrow();
    const project = await registerProject(db.app, system, {
      village: SLEMAN_VILLAGE,
      dpaReference: 'DPA Sleman',
      name: 'Jalan Sleman',
      contractor: 'PT Sleman Makmur',
      contractValue: 500_000_000,
      startDate: '2026-07-20',
      endDate: '2026-09-30',
    });
    seeded = { employer: employer.id, project: project.id };
    return seeded;
  };
  const untouched = () => tableDigest(ctx().db.owner, TABLES);
  const call = probeCaller(ctx);
  const refused =
    (method: string, url: (s: { employer: string; project: string }) => string, payload?: unknown) => async () => {
      const s = await sleman();
      const before = await untouched();
      const r = await call(method, url(s), payload);
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain('Sleman');
      expect(await untouched()).toEqual(before);
    };
  return new Map<string, () => Promise<void>>([
    [
      'GET /api/employers',
      async () => {
        await sleman();
        const r = await call('GET', '/api/employers?pageSize=200');
        expect(r.statusCode).toBe(200);
        expect(r.body).not.toContain(SLEMAN_NIB);
        expect(r.json().unmatchedSnapshotRows).toBe(0);
      },
    ],
    [
      'GET /api/employers/compliance',
      async () => {
        await sleman();
        const r = await call('GET', `/api/employers/compliance?nib=${SLEMAN_NIB}`);
        expect(r.statusCode).toBe(200);
        expect(r.json()).toMatchObject({ found: false, name: null, status: null });
      },
    ],
    [
      'GET /api/employers/projects',
      async () => {
        await sleman();
        const r = await call('GET', '/api/employers/projects?pageSize=200');
        expect(r.statusCode).toBe(200);
        expect(r.body).not.toContain('Sleman');
      },
    ],
    [
      'POST /api/employers/projects',
      async () => {
        const before = await untouched();
        const r = await call('POST', '/api/employers/projects', {
          village: SLEMAN_VILLAGE,
          dpaReference: 'x',
          name: 'x',
          contractor: 'x',
          contractValue: 100_000_000,
          startDate: '2026-08-01',
          endDate: '2026-09-01',
        });
        expect(r.statusCode).toBe(400);
        expect(await untouched()).toEqual(before);
      },
    ],
    ['GET /api/employers/projects/{id}', refused('GET', (s) => `/api/employers/projects/${s.project}`)],
    [
      'PUT /api/employers/projects/{id}/certificate',
      refused('PUT', (s) => `/api/employers/projects/${s.project}/certificate`, {
        certificateNumber: '2300001078094',
        paidOn: '2026-07-16',
      }),
    ],
    ['POST /api/employers/projects/{id}/ready', refused('POST', (s) => `/api/employers/projects/${s.project}/ready`)],
    [
      'POST /api/employers/projects/{id}/workers',
      refused('POST', (s) => `/api/employers/projects/${s.project}/workers`, { nik: '3404014107900001' }),
    ],
    [
      'PUT /api/employers/projects/{id}/jakon-basis',
      refused('PUT', (s) => `/api/employers/projects/${s.project}/jakon-basis`, { basis: 'contract_value' }),
    ],
    ['GET /api/employers/{id}', refused('GET', (s) => `/api/employers/${s.employer}`)],
    [
      'POST /api/employers/{id}/warnings',
      refused('POST', (s) => `/api/employers/${s.employer}/warnings`, { issuedOn: '2026-06-01', reference: '1' }),
    ],
    [
      'GET /api/employers/{id}/sanction-letter.pdf',
      refused(
        'GET',
        (s) => `/api/employers/${s.employer}/sanction-letter.pdf?branchReference=B%2F1&branchDate=2026-07-12`,
      ),
    ],
    [
      'POST /api/employers/licensing',
      async () => {
        await sleman();
        const before = await untouched();
        const r = await call(
          'POST',
          '/api/employers/licensing?fileName=x.csv',
          `NIB;NAMA USAHA;KODE DESA\n${SLEMAN_NIB};Diubah;${SLEMAN_VILLAGE}\n`,
          'text/csv',
        );
        expect(r.statusCode).toBe(200);
        expect(r.json().imported).toBe(false);
        expect(await untouched()).toEqual(before);
      },
    ],
    [
      'POST /api/employers/snapshots',
      async () => {
        const before = await untouched();
        const r = await call(
          'POST',
          '/api/employers/snapshots?fileName=x.csv&region=34.04',
          'NPP;NAMA;STATUS;TK AKTIF\n15078888;PT X;AKTIF;1\n',
          'text/csv',
        );
        expect(r.statusCode).toBe(403);
        expect(await untouched()).toEqual(before);
      },
    ],
  ]);
}
