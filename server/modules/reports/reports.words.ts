// The reports module's server words (see lib/i18n/words.ts). The monthly report is an official document made in
// the background (scheduled or queued), so its PDF, its XLSX and the progress texts stored for the page use the
// Indonesian words; the English ones are kept beside them for when a report follows a reader's language.
import type { Words } from '../../../lib/i18n/words.ts';

export const REPORTS_WORDS = {
  runner: {
    collecting: {
      id: 'Mengumpulkan angka cakupan, target dan anggaran',
      en: 'Collecting the coverage, target and budget figures',
    },
    pdf: { id: 'Menyusun PDF (grafik dan tabel)', en: 'Making the PDF (charts and tables)' },
    xlsx: { id: 'Menyusun XLSX', en: 'Making the XLSX' },
    saving: { id: 'Menyimpan berkas', en: 'Saving the files' },
    failed: {
      id: 'Terjadi kesalahan saat menyusun laporan. Buat ulang; bila gagal lagi, sampaikan kepada admin.',
      en: 'Something went wrong while making the report. Make it again; if it fails again, tell the administrator.',
    },
  },
  report: { id: 'Laporan', en: 'Report' },
  reportFile: { id: 'Berkas laporan', en: 'Report file' },
  sheets: {
    summary: { id: 'Ringkasan', en: 'Summary' },
    trend: { id: 'Tren', en: 'Trend' },
    targets: { id: 'Target', en: 'Targets' },
    programs: { id: 'Program', en: 'Programmes' },
    claims: { id: 'Klaim', en: 'Claims' },
  },
} as const satisfies Record<string, Words | Record<string, Words>>;

/** The indicator of a target, as the report names it. */
export const KIND_WORDS: Readonly<Record<string, Words>> = {
  employed: {
    id: 'Cakupan pekerja (peserta aktif / penduduk bekerja)',
    en: 'Worker coverage (active members / employed population)',
  },
  bpu_universe: { id: 'Cakupan PBPU JKK & JKM (SDI 06.02.021)', en: 'PBPU JKK & JKM coverage (SDI 06.02.021)' },
};

/** Who pays for a programme (funder words). */
export const FUNDER_WORDS: Readonly<Record<string, Words>> = {
  apbd_regency: { id: 'APBD kabupaten/kota', en: 'Regency/city budget (APBD)' },
  apbd_province: { id: 'APBD provinsi', en: 'Provincial budget (APBD)' },
  apbdes: { id: 'APBDes', en: 'Village budget (APBDes/Dana Desa)' },
  apbn: { id: 'APBN', en: 'National budget (APBN)' },
  csr: { id: 'CSR', en: 'Company CSR' },
  baznas: { id: 'BAZNAS', en: 'BAZNAS (zakat)' },
  self: { id: 'Mandiri', en: 'Self-paid' },
};

/** A programme's category (issue 18 §6): how its money is priced. */
export const CATEGORY_WORDS: Readonly<Record<string, Words>> = {
  bpu: { id: 'BPU', en: 'BPU' },
  pu: { id: 'PU', en: 'PU' },
};

/** The budget split by category, as the report explains it. */
export const CATEGORY_BUDGET_WORDS = {
  bpu: {
    id: 'BPU (bukan penerima upah, orang x iuran paket)',
    en: 'BPU (non-wage earners, persons x package contribution)',
  },
  pu: {
    id: 'PU (penerima upah, iuran pemberi kerja dan pekerja dari upah masing-masing)',
    en: "PU (wage earners, employer's and worker's contributions on each person's wage)",
  },
} as const satisfies Record<string, Words>;
