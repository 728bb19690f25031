// Claims figures (issue 15 §8): benefits delivered per programme, funder and region ("manfaat yang sudah
// dirasakan"), claims by stage and service-level compliance, and the protection-gap totals; for the dashboards, the
// monthly report and the open data. Aggregates only: no person leaves through these contracts.
import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { isoMonth, regionCode } from './common.ts';

/** Who reads the aggregates in their scope: the claim readers and the leaders (pimpinan sees no person). */
export const CLAIM_FIGURE_READERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs', 'pimpinan'];

export const claimFiguresQuery = z.strictObject({
  region: regionCode.optional(),
  from: isoMonth.optional().describe('Bulan pertama (YYYY-MM); tanpa ini: awal tahun berjalan'),
  to: isoMonth.optional().describe('Bulan terakhir (YYYY-MM); tanpa ini: bulan berjalan'),
});
export type ClaimFiguresQuery = z.infer<typeof claimFiguresQuery>;

export const figureGroup = z.object({
  key: z.string(),
  label: z.string(),
  claims: z.number().int(),
  amount: z.number().int().describe('Rupiah'),
});
export type FigureGroup = z.infer<typeof figureGroup>;

export const claimFigures = z.object({
  region: z.string(),
  from: z.string().describe('Hari pertama (YYYY-MM-DD)'),
  to: z.string().describe('Hari terakhir (YYYY-MM-DD)'),
  reported: z.number().int().describe('Klaim yang dilaporkan dalam periode (tertanggung dan tidak)'),
  facilitated: z.number().int().describe('Klaim peserta tertanggung yang dilaporkan dalam periode'),
  delivered: z.object({
    claims: z.number().int().describe('Klaim yang dibayar BPJS dalam periode'),
    amount: z.number().int().describe('Rupiah yang dibayarkan'),
    words: z.string().describe('Terbilang'),
  }),
  byProgram: z.array(figureGroup),
  byFunder: z.array(figureGroup),
  byRegion: z.array(figureGroup),
  byStage: z.array(z.object({ stage: z.string(), claims: z.number().int() })),
  sla: z.object({
    decided: z.number().int().describe('Klaim dengan batas layanan yang diputus dalam periode'),
    onTime: z.number().int(),
    late: z.number().int(),
    overdue: z.number().int().describe('Sekarang lewat batas dan masih menunggu'),
    percentOnTime: z.number().nullable(),
  }),
  gaps: z.object({
    events: z.number().int(),
    missed: z.number().int().describe('Manfaat tunai yang tidak diterima keluarga (Rupiah)'),
    words: z.string(),
    byReason: z.array(figureGroup),
  }),
});
export type ClaimFigures = z.infer<typeof claimFigures>;

export const openClaimsQuery = z.strictObject({ year: z.coerce.number().int().min(2015).max(2100).optional() });
export const openClaims = z.object({
  year: z.number().int(),
  note: z.string(),
  districts: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      reported: z.number().int().nullable(),
      paid: z.number().int().nullable(),
      gaps: z.number().int().nullable(),
    }),
  ),
});
export type OpenClaims = z.infer<typeof openClaims>;
