import { z } from 'zod';
import { INELIGIBILITY_REASONS } from '../rules/eligibility.ts';
import { isoDate, regionCode } from './common.ts';

// Payroll-style rosters of a PU programme (issue 18 §2): the file read with the importer's cell rules, the persons
// it registers, and the diff against the current cohort (joiners, leavers, wage changes) with its budget effect.
// Money is whole rupiah; months are 'YYYY-MM'. Shared words so the election-officer roster (§3) can reuse them.

export const rosterQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(200).describe('Nama berkas (CSV/XLSX) seperti di komputer pengirim'),
});

/** One usable roster row as read from the file (and as sent back on acceptance, checked again). */
export const rosterRow = z.strictObject({
  row: z.int().min(1).describe('Baris di berkas'),
  nik: z.string().regex(/^[0-9]{16}$/, '16 angka'),
  fullName: z.string().trim().min(2).max(200),
  position: z.string().trim().max(200).nullable().describe('Jabatan'),
  unit: z.string().trim().max(200).nullable().describe('OPD/unit kerja'),
  wage: z
    .int()
    .positive()
    .max(1_000_000_000)
    .nullable()
    .describe('Upah sebulan (Rp); null: baris tidak terbaca utuh, orangnya tetap dan tidak diubah'),
  startDate: isoDate.nullable().describe('Tanggal mulai'),
  endDate: isoDate.nullable().describe('Tanggal selesai'),
  villageCode: regionCode.nullable().describe('Kode desa domisili (perlu untuk orang yang belum terdaftar)'),
});
export type RosterRow = z.infer<typeof rosterRow>;

const issue = z.object({ row: z.int().nullable(), column: z.string().nullable(), message: z.string() });
const reason = z.object({ code: z.enum(INELIGIBILITY_REASONS), message: z.string() });

export const rosterJoiner = z.object({
  row: z.int(),
  fullName: z.string(),
  nikMasked: z.string(),
  position: z.string().nullable(),
  unit: z.string().nullable(),
  wage: z.int(),
  firstMonth: z.string(),
  lastMonth: z.string(),
  cost: z.int().describe('Iuran yang ditahan selama bulan-bulannya'),
  newWorker: z.boolean().describe('Belum ada di daftar pekerja: didaftarkan saat diterima'),
  reasons: z.array(reason).describe('Kosong: dapat diusulkan; selain itu alasan tidak dapat diusulkan'),
});

export const rosterLeaver = z.object({
  enrollmentId: z.string(),
  fullName: z.string(),
  nikMasked: z.string(),
  status: z.string(),
  wage: z.int().nullable(),
  lastMonth: z.string().describe('Bulan terakhir yang dilindungi'),
  release: z.int().describe('Iuran yang dilepas sesudah bulan terakhir'),
  why: z.enum(['not_in_roster', 'end_date_passed']),
  row: z.int().nullable(),
});

export const rosterWageChange = z.object({
  enrollmentId: z.string(),
  row: z.int(),
  fullName: z.string(),
  nikMasked: z.string(),
  oldWage: z.int(),
  newWage: z.int(),
  fromMonth: z.string().describe('Upah baru berlaku mulai bulan ini'),
  delta: z.int().describe('Perubahan iuran yang ditahan (Rp; negatif bila turun)'),
});

export const rosterView = z.object({
  rows: z.int().describe('Baris data di berkas'),
  issues: z.array(issue),
  roster: z.array(rosterRow).describe('Baris yang dapat dipakai; dikirim kembali saat menerima'),
  joiners: z.array(rosterJoiner),
  leavers: z.array(rosterLeaver),
  wageChanges: z.array(rosterWageChange),
  unchanged: z.int().describe('Orang di daftar gaji yang sudah ada di kelompok dengan upah yang sama'),
  budget: z.object({
    ceiling: z.int(),
    committed: z.int().describe('Iuran yang sudah ditahan program'),
    joiners: z.int(),
    leavers: z.int().describe('Iuran yang dilepas (negatif)'),
    wageChanges: z.int(),
    after: z.int(),
    fits: z.boolean(),
  }),
  applied: z
    .object({ registered: z.int(), proposed: z.int(), ended: z.int(), rejected: z.int(), repriced: z.int() })
    .nullable()
    .describe('null pada pratinjau'),
});
export type RosterView = z.infer<typeof rosterView>;

const ids = z.array(z.string().regex(/^\d{1,18}$/)).max(100_000);

export const rosterAcceptRequest = z.strictObject({
  roster: z.array(rosterRow).min(1).max(20_000),
  joiners: z.array(z.int().min(1)).max(100_000).optional().describe('Baris pendatang yang diterima; bawaan semua'),
  leavers: ids.optional().describe('Kepesertaan yang diakhiri; bawaan semua'),
  wageChanges: ids.optional().describe('Kepesertaan yang upahnya diubah; bawaan semua'),
});
export type RosterAcceptRequest = z.infer<typeof rosterAcceptRequest>;
