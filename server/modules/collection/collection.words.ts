// The collection module's server words ({id, en}, Indonesian first): the target export, visit outcomes, split
// problems and the candidate file's column problems. The web has its own words in collection-text.ts.
import type { VisitOutcome } from '../../../lib/contracts/collection.ts';
import type { Words } from '../../../lib/i18n/words.ts';

export const OUTCOME_WORDS: Readonly<Record<VisitOutcome, Words>> = {
  registered: { id: 'didaftarkan', en: 'registered' },
  not_found: { id: 'tidak ditemukan', en: 'not found' },
  refused: { id: 'menolak', en: 'refused' },
  moved: { id: 'pindah', en: 'moved' },
  already_covered: { id: 'sudah terlindungi', en: 'already covered' },
};

export const SPLIT_WORDS = {
  no_villages: { id: 'wilayah ini tidak punya desa/kelurahan', en: 'this region has no villages' },
  bad_total: { id: 'kuota harus bilangan bulat ≥ 0', en: 'the quota must be a whole number ≥ 0' },
  bad_value: { id: 'angka tiap desa harus bilangan bulat ≥ 0', en: "each village's figure must be a whole number ≥ 0" },
  manual_sum: {
    id: 'jumlah kuota desa {sum}, bukan {quota}',
    en: "the villages' quotas add up to {sum}, not {quota}",
  },
  unknown_village: {
    id: '{village} bukan desa di wilayah ini',
    en: '{village} is not a village of this region',
  },
} as const satisfies Record<string, Words>;

export const EXPORT_WORDS = {
  sheet: { id: 'Target pengumpulan', en: 'Collection target' },
  village: { id: 'Desa/Kelurahan', en: 'Village' },
  code: { id: 'Kode', en: 'Code' },
  quota: { id: 'Kuota', en: 'Quota' },
  registered: { id: 'Terdaftar', en: 'Registered' },
  proposed: { id: 'Diusulkan', en: 'Proposed' },
  active: { id: 'Terlindungi', en: 'Active' },
  left: { id: 'Sisa', en: 'Left' },
  overdue: { id: 'Lewat tenggat', en: 'Overdue' },
  yes: { id: 'Ya', en: 'Yes' },
  due: { id: 'Tenggat', en: 'Due' },
} as const satisfies Record<string, Words>;

/** Column names of the candidate file, as the problems name them when the header is missing. */
export const CANDIDATE_COLUMNS = {
  nik: { id: 'NIK', en: 'NIK' },
  name: { id: 'Nama', en: 'Name' },
  village: { id: 'Kode Desa', en: 'Village code' },
  decile: { id: 'Desil', en: 'Decile' },
} as const satisfies Record<string, Words>;
