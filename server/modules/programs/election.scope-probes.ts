// Probes of the every-route scope test (access/region-scope.db.test.ts) for the election roster guard: a Disnaker
// of Kab. Bantul must neither see nor change Kab. Sleman's election programme, its roster or its countdown. Test
// support only: imported by that test, never by the application.
import { expect } from 'vitest';
import { addMonths, currentMonthWib } from '../../../lib/rules/eligibility.ts';
import { composeNik } from '../../../lib/rules/nik.ts';
import { systemClock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/context.ts';
import { probeCaller, type ProbeCtx } from '../../testing/probe-call.ts';
import { tableDigest } from '../../testing/unchanged.ts';
import { importRoster } from './election.import.ts';
import { createProgram } from './programs.service.ts';

const SLEMAN_VILLAGE = '34.04.01.2001';
const NAME = 'Badan Ad Hoc Pilkada Kab. Sleman';
const TABLES = ['election_officer', 'enrollment', 'program', 'worker'];

type Ctx = ProbeCtx;

export function electionScopeProbes(ctx: () => Ctx): Map<string, () => Promise<void>> {
  let programId: string | null = null;
  const sleman = async () => {
    if (programId) return programId;
    const { db } = ctx();
    const system = systemContext('test');
    const month = currentMonthWib(systemClock());
    const program = await createProgram(db.app, system, {
      name: NAME,
      funder: 'apbd_regency',
      funderRegion: '34.04',
      region: '34.04',
      targetSegments: ['election_worker'],
      package: 'jkk_jkm',
      declaredIncome: 1_500_000,
      quota: 10,
      startMonth: month,
      months: 3,
      budgetCeiling: 50_000_000,
      minAge: 17,
      maxAge: 70,
      category: 'pu',
      pu: {
        employerName: 'Sekretariat KPU Kab. Sleman',
        employerKind: 'kpu',
        programs: ['jkk', 'jkm'],
        riskClass: 1,
        employerSize: 'micro',
        serviceMonths: [addMonths(month, 1), addMonths(month, 2)],
      },
    });
    const nik = composeNik('34.04.01', '1991-04-02', 'L', 77);
    const result = await importRoster(db, system, program.id, {
      fileName: 'sleman.csv',
      content: Buffer.from(
        `NIK;Nama;Jabatan;Kode desa;TPS;Honorarium\n${nik};Petugas Sleman;PPS;${SLEMAN_VILLAGE};;1500000\n`,
      ),
    });
    expect(result.imported).toBe(true);
    programId = program.id;
    return programId;
  };
  const untouched = () => tableDigest(ctx().db.owner, TABLES);
  const call = probeCaller(ctx);
  const refused = (method: string, path: string, payload?: unknown, contentType?: string) => async () => {
    const id = await sleman();
    const before = await untouched();
    const r = await call(method, `/api/programs/${id}${path}`, payload, contentType);
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('Sleman');
    expect(await untouched()).toEqual(before);
  };
  return new Map<string, () => Promise<void>>([
    ['GET /api/programs/{id}/election', refused('GET', '/election')],
    ['POST /api/programs/{id}/election/propose-all', refused('POST', '/election/propose-all', { dryRun: false })],
    [
      'POST /api/programs/{id}/election/roster',
      refused(
        'POST',
        '/election/roster?fileName=x.csv',
        `NIK;Nama;Jabatan;Kode desa;TPS;Honorarium\n${composeNik('34.04.01', '1991-04-02', 'L', 78)};X;PPS;${SLEMAN_VILLAGE};;1\n`,
        'text/csv',
      ),
    ],
    [
      'GET /api/home/elections',
      async () => {
        await sleman();
        const r = await call('GET', '/api/home/elections');
        expect(r.statusCode).toBe(200);
        expect(r.body).not.toContain(NAME);
      },
    ],
  ]);
}
