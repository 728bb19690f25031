// The exchange module's server words (see lib/i18n/words.ts): the reconciliation page and its XLSX export (which
// follows the locale of the user who downloads it), the reasons sent to a village, and the sheet names that are
// part of a file format.
import type { Words } from '../../../lib/i18n/words.ts';

/**
 * Sheet names that are part of a file format, not translated: the upload templates' sheets ("Jawaban" for the
 * branch's answers, "Snapshot" for the membership snapshot) are the sheets our readers are pointed at, and
 * "Pendaftaran" is the sheet of the registration batch handed to the BPJS branch. The same for every user.
 */
export const RESPONSE_TEMPLATE_SHEET = 'Jawaban';
export const SNAPSHOT_TEMPLATE_SHEET = 'Snapshot';
export const BATCH_SHEET = 'Pendaftaran';

/** What differs between Lindung and the BPJS snapshot, on the reconciliation page and in its export. */
export const DIFFERENCE_WORDS = {
  kpj: { id: 'KPJ berbeda', en: 'KPJ differs' },
  category: { id: 'kategori berbeda', en: 'category differs' },
  start: { id: 'bulan mulai berbeda', en: 'start month differs' },
  early: {
    id: 'BPJS: berakhir atau menunggak sebelum periode Lindung selesai',
    en: 'BPJS: ended or in arrears before Lindung’s period ends',
  },
} as const satisfies Record<string, Words>;

/** Why a village is asked to check a participant (sent to the village, which reads Indonesian). */
export const REQUEST_REASON_WORDS = {
  kpj: { id: 'KPJ berbeda', en: 'KPJ differs' },
  category: { id: 'kategori berbeda', en: 'category differs' },
  start: { id: 'bulan mulai berbeda', en: 'start month differs' },
  early: { id: 'BPJS: berakhir atau menunggak', en: 'BPJS: ended or in arrears' },
  missing: { id: 'aktif di Lindung, tidak ada di snapshot BPJS', en: 'active in Lindung, not in the BPJS snapshot' },
  outside: { id: 'ada di snapshot BPJS, tanpa kepesertaan Lindung', en: 'in the BPJS snapshot, no Lindung enrollment' },
} as const satisfies Record<string, Words>;

/** The branch's state of a member, as the office reads it (the page and the XLSX export). */
export const BPJS_STATE_WORDS = {
  covered: { id: 'Terlindungi', en: 'Covered' },
  lapsed: { id: 'Nonaktif (menunggak)', en: 'Inactive (in arrears)' },
  not_started: { id: 'Belum mulai', en: 'Not started' },
  ended: { id: 'Berakhir', en: 'Ended' },
} as const satisfies Record<string, Words>;

/** The reconciliation export: one sheet per list, the same columns on each. */
export const RECONCILIATION_WORDS = {
  sheets: {
    matched: { id: 'Cocok', en: 'Matched' },
    mismatched: { id: 'Selisih', en: 'Mismatched' },
    missing: { id: 'Tidak ada di BPJS', en: 'Not at BPJS' },
    outside: { id: 'Di luar Lindung', en: 'Outside Lindung' },
  },
  headers: {
    nik: { id: 'NIK (disamarkan)', en: 'NIK (masked)' },
    name: { id: 'Nama', en: 'Name' },
    program: { id: 'Program', en: 'Programme' },
    lk: { id: 'KPJ Lindung', en: 'Lindung KPJ' },
    bk: { id: 'KPJ BPJS', en: 'BPJS KPJ' },
    cat: { id: 'Kategori BPJS', en: 'BPJS category' },
    ls: { id: 'Mulai (Lindung)', en: 'Start (Lindung)' },
    bs: { id: 'Mulai (BPJS)', en: 'Start (BPJS)' },
    paid: { id: 'Dibayar sampai (BPJS)', en: 'Paid through (BPJS)' },
    state: { id: 'Status BPJS', en: 'BPJS status' },
    diff: { id: 'Perbedaan', en: 'Differences' },
    place: { id: 'Wilayah', en: 'Region' },
  },
} as const satisfies Record<string, Record<string, Words>>;

/** Names in messages: the action refused, the thing not found, the field to fill. */
export const EXCHANGE_WORDS = {
  takeKpj: { id: 'Ambil KPJ BPJS', en: 'Take the BPJS KPJ' },
  askVillage: { id: 'Minta desa cek', en: 'Ask the village to check' },
  checkRequest: { id: 'Permintaan cek', en: 'Check request' },
  batch: { id: 'Batch {id}', en: 'Batch {id}' },
  snapshotRegion: { id: 'pilih wilayah snapshot', en: 'choose the region the snapshot covers' },
} as const satisfies Record<string, Words>;

/**
 * The help lines under the columns of the response and snapshot upload templates, in the downloader's language. The
 * headers themselves are the file format and stay Indonesian.
 */
export const TEMPLATE_HELP = {
  nik: {
    id: 'NIK 16 angka sesuai KTP. Kolom ini berformat Teks: jangan diubah menjadi Angka.',
    en: 'The 16-digit NIK on the KTP. The column is formatted as text: do not change it to a number.',
  },
  kpj: { id: 'Nomor KPJ 8–16 angka.', en: 'KPJ number, 8–16 digits.' },
  responseKpj: {
    id: 'Nomor KPJ 8–16 angka. Kosong bila ditolak.',
    en: 'KPJ number, 8–16 digits. Empty when rejected.',
  },
  responseStatus: {
    id: 'DITERIMA atau DITOLAK.',
    en: 'DITERIMA (accepted) or DITOLAK (rejected).',
  },
  responseAlasan: {
    id: 'Alasan penolakan, wajib bila DITOLAK.',
    en: 'Reason for a rejection; required with DITOLAK.',
  },
  responseMulaiPerlindungan: {
    id: 'Tanggal mulai kepesertaan, dd-mm-yyyy.',
    en: 'Start of membership, dd-mm-yyyy.',
  },
  snapshotKategori: {
    id: 'PU, BPU, Jakon atau PMI.',
    en: 'PU, BPU, Jakon or PMI.',
  },
  snapshotMulai: {
    id: 'Mulai kepesertaan, dd-mm-yyyy.',
    en: 'Start of membership, dd-mm-yyyy.',
  },
  snapshotAkhir: {
    id: 'Akhir kepesertaan bila sudah berakhir, dd-mm-yyyy.',
    en: 'End of membership if it ended, dd-mm-yyyy.',
  },
  snapshotDibayarSampai: {
    id: 'Bulan terakhir yang lunas, mm-yyyy.',
    en: 'Last month paid, mm-yyyy.',
  },
  snapshotKodeDesa: {
    id: 'Kode Kemendagri desa/kelurahan peserta, misalnya {code}.',
    en: "The Kemendagri code of the member's village, e.g. {code}.",
  },
} as const satisfies Record<string, Words>;
