import { z } from 'zod';
import { isoDate, isoMonth, regionCode } from './common.ts';
import { fileIssue } from './exchange.ts';
import { reasonCode } from './programs.ts';

// Election roster guard (issue 18 §3): the KPU/Bawaslu roster of an election officers' PU programme, who of it is
// not yet covered for the service months per village and TPS, "Usulkan semua", and the home page's countdown.

export const ELECTION_ROLES = ['ppk', 'pps', 'kpps', 'pantarlih', 'panwascam', 'ppl', 'ketertiban_tps'] as const;
export type ElectionRole = (typeof ELECTION_ROLES)[number];
/** Roles that serve at one TPS: their roster row names the TPS number. */
export const TPS_ROLES: readonly ElectionRole[] = ['kpps', 'ketertiban_tps'];

const id = z.string().regex(/^\d{1,18}$/, 'angka');
export const electionParams = z.strictObject({ id });

export const rosterUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(300).default('daftar-petugas.csv'),
});

export const rosterImportResult = z.object({
  imported: z.boolean().describe('false: nothing written; the issues say what to correct'),
  rows: z.int(),
  officers: z.int().describe('Petugas pada daftar setelah impor'),
  registered: z.int().describe('Petugas yang belum ada di daftar pekerja dan didaftarkan dari daftar ini'),
  issues: z.array(fileIssue),
});
export type RosterImportResult = z.infer<typeof rosterImportResult>;

const counts = {
  officers: z.int(),
  covered: z.int().describe('Terlindungi pada setiap bulan masa tugas yang tersisa (definisi tunggal)'),
  inProcess: z.int().describe('Belum terlindungi, sudah diusulkan/diverifikasi/dikirim ke BPJS di program ini'),
  uncovered: z.int().describe('Belum terlindungi dan belum diusulkan'),
};

export const electionOfficer = z.object({
  workerId: z.string(),
  fullName: z.string(),
  nikMasked: z.string(),
  role: z.enum(ELECTION_ROLES),
  village: regionCode,
  villageLabel: z.string(),
  tps: z.int().nullable(),
  honorarium: z.int(),
  inProcess: z.boolean(),
});
export type ElectionOfficer = z.infer<typeof electionOfficer>;

export const electionRoster = z.object({
  programId: z.string(),
  programName: z.string(),
  pollingDay: isoDate.nullable(),
  serviceMonths: z.array(isoMonth),
  guardMonths: z.array(isoMonth).describe('Bulan masa tugas yang dijaga: dari bulan ini (atau bulan pertama) ke akhir'),
  totals: z.object(counts),
  villages: z.array(
    z.object({
      village: regionCode,
      villageLabel: z.string(),
      ...counts,
      tps: z.array(z.object({ tps: z.int().nullable(), ...counts })),
    }),
  ),
  notCovered: z.array(electionOfficer).describe('Petugas yang belum terlindungi (paling banyak 1.000), urut desa/TPS'),
});
export type ElectionRoster = z.infer<typeof electionRoster>;

export const proposeAllInput = z.strictObject({
  dryRun: z.boolean().default(false).describe('true: pratinjau, tidak ada yang disimpan'),
});

export const proposeAllResult = z.object({
  firstMonth: isoMonth,
  lastMonth: isoMonth,
  proposed: z.int(),
  cost: z.int(),
  notProposed: z.array(
    z.object({
      workerId: z.string(),
      fullName: z.string(),
      reasons: z.array(z.object({ code: reasonCode, message: z.string() })),
    }),
  ),
});
export type ProposeAllResult = z.infer<typeof proposeAllResult>;

export const electionCountdown = z.object({
  today: isoDate,
  items: z.array(
    z.object({
      programId: z.string(),
      programName: z.string(),
      pollingDay: isoDate.nullable(),
      daysLeft: z.int().nullable().describe('Hari menuju pemungutan suara; null bila hari itu belum diisi'),
      officers: z.int(),
      uncovered: z.int().describe('Petugas yang belum terlindungi untuk bulan masa tugas yang tersisa'),
    }),
  ),
});
export type ElectionCountdown = z.infer<typeof electionCountdown>;
