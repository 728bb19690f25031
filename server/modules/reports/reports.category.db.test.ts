import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramCreate } from '../../../lib/contracts/programs.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import {
  acceptedByBranch,
  actorContext,
  addWorkers,
  BANTUL_PROGRAM,
  TRIRENGGO,
} from '../../testing/programs-fixtures.ts';
import { generateBills } from '../billing/index.ts';
import { createProgram, proposeWages, proposeWorkers, spendingInRegion } from '../programs/index.ts';
import { collectFigures, renderPdf, renderXlsx } from './index.ts';
import { pdfText } from './reports.pdf-text.ts';

// The monthly report's money by programme category (issue 18 §6): a BPU programme spends persons × its package
// price, a PU programme the sum of each person's price on their own wage. The figures below are worked out by hand
// from the rates in force (PP 44/2015 Lampiran II and Pasal 16, 18; PP 45/2015 is not involved: JKK+JKM only):
//   BPU JKK+JKM at a declared Rp1.000.000: JKK 1% = 10.000 + JKM 6.800 = Rp16.800 a person a month;
//       4 persons × 3 months × 16.800 = Rp201.600.
//   PU JKK (risk class 1, 0,24%) + JKM (0,30%) = 0,54% of the wage a month:
//       Rp3.000.000 → 16.200; Rp4.500.000 → 24.300; Rp2.100.000 → 11.340;
//       2 × 16.200 + 2 × 24.300 + 11.340 = 92.340 a month; 3 months = Rp277.020.
// Persons × the PU programme's reference price (Rp2.500.000 → 13.500) would say 5 × 3 × 13.500 = Rp202.500: wrong.

const REGENCY = '34.02';
const disnaker = actorContext('disnaker', REGENCY, 'disnaker.bantul');
const NOW = new Date('2026-12-07T03:00:00Z');
const PERIOD = { startMonth: '2026-09', months: 3 };
const BPU_MONEY = 201_600;
const PU_MONTH = 92_340;
const PU_MONEY = 277_020;
const WAGES = [3_000_000, 3_000_000, 4_500_000, 4_500_000, 2_100_000];

const BPU: ProgramCreate = { ...BANTUL_PROGRAM, ...PERIOD, name: 'Pekerja rentan Bantul', budgetCeiling: 1_000_000 };
const PU: ProgramCreate = {
  ...BANTUL_PROGRAM,
  ...PERIOD,
  name: 'Pegawai non ASN Bantul',
  targetSegments: ['non_civil_servant'],
  declaredIncome: 2_500_000,
  budgetCeiling: 2_000_000,
  category: 'pu',
  pu: {
    employerName: 'Sekretariat Daerah Kab. Bantul',
    employerKind: 'opd',
    programs: ['jkk', 'jkm'],
    riskClass: 1,
    employerSize: 'micro',
  },
};

let db: TestDatabase;
let puId: string;
let bpuId: string;

beforeAll(async () => {
  db = await createTestDatabase('reports_category');
  const farmers = Array.from({ length: 4 }, (_, i) => ({ name: `Petani ${i}`, village: TRIRENGGO }));
  const staff = WAGES.map((_, i) => ({
    name: `Pegawai ${i}`,
    village: TRIRENGGO,
    segment: 'non_civil_servant' as const,
  }));
  const ids = await addWorkers(db, [...farmers, ...staff]);
  const bpu = await createProgram(db.app, disnaker, BPU);
  const pu = await createProgram(db.app, disnaker, PU);
  [bpuId, puId] = [bpu.id, pu.id];
  await proposeWorkers(db.app, disnaker, bpu.id, {
    workerIds: farmers.map((f) => ids.get(f.name)!),
    fromMonth: PERIOD.startMonth,
  });
  const rows = staff.map((s, i) => ({ workerId: ids.get(s.name)!, wage: WAGES[i]! }));
  const outcome = await proposeWages(db.app, disnaker, pu.id, { rows, fromMonth: PERIOD.startMonth });
  expect(outcome.proposed).toHaveLength(5);
  await acceptedByBranch(db, bpu.id, '2026-09-01');
  await acceptedByBranch(db, pu.id, '2026-09-01');
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

describe('programme money by category', () => {
  it('bills each PU person at their own price, and the region spending follows it', async () => {
    await generateBills(db.app, disnaker, {}, () => NOW);
    const bills = await db.owner
      .selectFrom('bill')
      .select(['program_id', 'month', 'persons', 'amount'])
      .orderBy('program_id')
      .orderBy('month')
      .execute();
    const of = (id: string) => bills.filter((b) => b.program_id === id).map((b) => [b.persons, Number(b.amount)]);
    expect(of(bpuId)).toEqual(Array(3).fill([4, 4 * 16_800]));
    expect(of(puId)).toEqual(Array(3).fill([5, PU_MONTH]));
    expect(await spendingInRegion(db.app, disnaker, TRIRENGGO, [puId])).toEqual({ committed: PU_MONEY, persons: 5 });
    expect(await spendingInRegion(db.app, disnaker, TRIRENGGO, [bpuId])).toEqual({ committed: BPU_MONEY, persons: 4 });
  });

  it('splits the committed money into BPU and PU in the figures, the PDF and the XLSX', async () => {
    const f = await collectFigures(db.app, disnaker, REGENCY, '2026-11', NOW);
    expect(f.programs.map((p) => [p.name, p.category, p.committed]).sort()).toEqual([
      ['Pegawai non ASN Bantul', 'pu', PU_MONEY],
      ['Pekerja rentan Bantul', 'bpu', BPU_MONEY],
    ]);
    expect(f.budget).toEqual({
      ceiling: 3_000_000,
      committed: BPU_MONEY + PU_MONEY,
      billed: BPU_MONEY + PU_MONEY,
      paid: 0,
      byCategory: {
        bpu: { programs: 1, ceiling: 1_000_000, committed: BPU_MONEY },
        pu: { programs: 1, ceiling: 2_000_000, committed: PU_MONEY },
      },
    });

    const text = pdfText(await renderPdf(f, { compress: false })).replace(/\s+/g, ' ');
    expect(text).toContain('Jumlah anggaran terikat: Rp478.620');
    expect(text).toContain('BPU (bukan penerima upah, orang x iuran paket): Rp201.600 dari pagu Rp1.000.000');
    expect(text).toContain(
      'PU (penerima upah, iuran pemberi kerja dan pekerja dari upah masing-masing): Rp277.020 dari pagu Rp2.000.000',
    );

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(f)) as unknown as ArrayBuffer);
    const summary: [unknown, unknown][] = [];
    wb.getWorksheet('Ringkasan')!.eachRow((r) => summary.push([r.getCell(1).value, r.getCell(2).value]));
    expect(summary).toContainEqual(['Anggaran terikat BPU', BPU_MONEY]);
    expect(summary).toContainEqual(['Anggaran terikat PU', PU_MONEY]);
    expect(summary).toContainEqual(['Anggaran program terikat', BPU_MONEY + PU_MONEY]);
    const programs = wb.getWorksheet('Program')!;
    expect(programs.getRow(1).getCell(2).value).toBe('Jenis');
    const rows = [2, 3].map((n) => [programs.getRow(n).getCell(2).value, programs.getRow(n).getCell(8).value]);
    expect(rows.sort()).toEqual([
      ['BPU', BPU_MONEY],
      ['PU', PU_MONEY],
    ]);
  });
});
