// Column headers of the worker lists villages send, mapped to the importer's fields. Offices name the same column a
// dozen ways ("NIK", "No. KTP", "NIK (16 digit)", "Nomor Induk Kependudukan"); we compare a normalised key, and what
// stays unknown goes to the mapping screen. Pure: shared by the server and the mapping screen.

import type { Bilingual } from '../i18n/locale.ts';

export const IMPORT_FIELDS = [
  'nik',
  'fullName',
  'birthPlace',
  'birthDate',
  'sex',
  'address',
  'rt',
  'rw',
  'village',
  'district',
  'regency',
  'phone',
  'segment',
  'category',
  'monthlyIncome',
  'vulnerability',
  'kpjNumber',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A row cannot become a worker without these. `village` may instead come from the importer's default village. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['nik', 'fullName', 'birthDate', 'sex', 'village'];

export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, Bilingual>> = {
  nik: { id: 'NIK', en: 'NIK (national ID number)' },
  fullName: { id: 'Nama lengkap sesuai KTP', en: 'Full name as on the KTP' },
  birthPlace: { id: 'Tempat lahir', en: 'Place of birth' },
  birthDate: { id: 'Tanggal lahir', en: 'Date of birth' },
  sex: { id: 'Jenis kelamin (L/P)', en: 'Sex (L/P)' },
  address: { id: 'Alamat domisili', en: 'Home address' },
  rt: { id: 'RT', en: 'RT (neighbourhood unit)' },
  rw: { id: 'RW', en: 'RW (community unit)' },
  village: { id: 'Desa/kelurahan (nama atau kode)', en: 'Village (name or code)' },
  district: { id: 'Kecamatan', en: 'District (kecamatan)' },
  regency: { id: 'Kabupaten/kota', en: 'Regency or city' },
  phone: { id: 'Nomor HP', en: 'Phone number' },
  segment: { id: 'Pekerjaan', en: 'Occupation' },
  category: { id: 'Kategori kepesertaan (PU/BPU/Jakon/PMI)', en: 'Participation category (PU/BPU/Jakon/PMI)' },
  monthlyIncome: { id: 'Penghasilan per bulan (Rp)', en: 'Monthly income (Rp)' },
  vulnerability: {
    id: 'Kerentanan (miskin ekstrem, desil, disabilitas)',
    en: 'Vulnerability (extreme poor, decile, disability)',
  },
  kpjNumber: { id: 'Nomor KPJ', en: 'KPJ number' },
};

// Written as offices write them; normalised once below. The field names themselves are accepted too (CLI users).
// DIY calls its kecamatan "kapanewon"/"kemantren" and its desa "kalurahan" (Perdais DIY 1/2018).
// prettier-ignore
const ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  nik: ['NIK', 'No KTP', 'Nomor KTP', 'NIK KTP', 'No NIK', 'Nomor NIK', 'NIK e-KTP', 'Nomor Induk Kependudukan',
    'National ID', 'ID number'],
  fullName: ['Nama', 'Nama Lengkap', 'Nama Sesuai KTP', 'Nama Lengkap Sesuai KTP', 'Nama Pekerja', 'Nama Peserta',
    'Nama Tenaga Kerja', 'Name', 'Full name'],
  birthPlace: ['Tempat Lahir', 'Tmp Lahir', 'Tpt Lahir', 'Place of birth', 'Birth place', 'Birthplace'],
  birthDate: ['Tanggal Lahir', 'Tgl Lahir', 'Tgl Lhr', 'Tanggal Lhr', 'Date of birth', 'Birth date', 'Birthdate',
    'DOB'],
  sex: ['Jenis Kelamin', 'JK', 'L/P', 'P/L', 'Kelamin', 'Jenkel', 'Sex', 'Gender'],
  address: ['Alamat', 'Alamat Domisili', 'Alamat Lengkap', 'Alamat Rumah', 'Address', 'Home address'],
  rt: ['RT', 'RT/RW', 'No RT'],
  rw: ['RW', 'No RW'],
  village: ['Desa', 'Kelurahan', 'Kalurahan', 'Desa/Kelurahan', 'Kelurahan/Desa', 'Desa/Kel', 'Kel/Desa',
    'Nama Desa', 'Kode Desa', 'Kode Kelurahan', 'Kode Wilayah', 'Village', 'Village code'],
  district: ['Kecamatan', 'Kec', 'Kapanewon', 'Kemantren', 'Nama Kecamatan', 'District'],
  regency: ['Kabupaten', 'Kota', 'Kabupaten/Kota', 'Kab/Kota', 'Kab', 'Regency', 'City', 'Regency/City'],
  phone: ['No HP', 'Nomor HP', 'HP', 'No HP/WA', 'HP/WA', 'No Telp', 'No Telepon', 'Nomor Telepon', 'Telepon', 'Telp', 'WA', 'No WA',
    'Nomor WA', 'WhatsApp', 'Handphone', 'Phone', 'Phone number', 'Mobile'],
  segment: ['Pekerjaan', 'Jenis Pekerjaan', 'Profesi', 'Occupation', 'Job'],
  category: ['Kategori', 'Kategori Kepesertaan', 'Segmen', 'Segmen Kepesertaan', 'Category',
    'Participation category'],
  monthlyIncome: ['Penghasilan', 'Penghasilan per Bulan', 'Penghasilan Bulanan', 'Pendapatan',
    'Pendapatan per Bulan', 'Upah', 'Income', 'Monthly income'],
  vulnerability: ['Kerentanan', 'Status Kerentanan', 'Desil', 'Vulnerability'],
  kpjNumber: ['KPJ', 'No KPJ', 'Nomor KPJ', 'No Peserta', 'Nomor Peserta', 'No Kartu Peserta', 'KPJ number'],
};

/** Row-number columns ("No", "No. Urut"): present in nearly every office list, never data, never asked about. */
const ROW_NUMBER_HEADERS = ['No', 'Nomor', 'No Urut', 'Nomor Urut', '#'];

const COMBINED_RT_RW = ['RT/RW', 'RT RW'];

/**
 * Lower case without diacritics, explanations in parentheses dropped ("NIK (16 digit)"), and everything that is
 * not a letter or digit removed, so "No. HP", "no_hp", "NoHP" and "NO HP*" are one key. `#` is kept: it is a
 * header of its own. When only a parenthesised part holds letters ("(NIK)"), that part is the header.
 */
export function headerKey(text: string): string {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const outside = plain.replace(/\([^)]*\)/g, ' ');
  const key = (s: string) => s.replace(/[^a-z0-9#]+/g, '');
  return key(outside) || key(plain);
}

const FIELD_BY_KEY: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => [field, ...ALIASES[field]].map((alias) => [headerKey(alias), field] as const)),
);
const ROW_NUMBER_KEYS = new Set(ROW_NUMBER_HEADERS.map(headerKey));
const COMBINED_RT_RW_KEYS = new Set(COMBINED_RT_RW.map(headerKey));

/** The field a header names, or null when unknown (the mapping screen asks). */
export function matchHeader(text: string): ImportField | null {
  return FIELD_BY_KEY.get(headerKey(text)) ?? null;
}

/** "RT/RW" holds both numbers ("003/005"); `matchHeader` maps it to `rt` and the importer splits the value. */
export function isCombinedRtRw(text: string): boolean {
  return COMBINED_RT_RW_KEYS.has(headerKey(text));
}

/** "No", "No.", "No Urut": the list's own row numbers, ignored without asking. */
export function isRowNumberHeader(text: string): boolean {
  return ROW_NUMBER_KEYS.has(headerKey(text));
}

export interface HeaderMapping {
  /** One entry per header column: the field it fills, or null when the column is ignored or unknown. */
  columns: (ImportField | null)[];
  /** Header texts neither recognised nor mapped by hand, in column order, each once. */
  unknown: string[];
  /** Fields that more than one column would fill. */
  duplicated: ImportField[];
  /** Required fields no column fills (`village` may still come from the importer's default village). */
  missingRequired: ImportField[];
}

/**
 * Maps a file's header row. `manual` (from the mapping screen) is keyed by the header text as written and wins over
 * the aliases; mapping a header to null ignores that column. Empty headers and row-number columns are ignored.
 */
export function mapHeaders(header: string[], manual: Record<string, ImportField | null> = {}): HeaderMapping {
  const unknown = new Set<string>();
  const columns = header.map((text): ImportField | null => {
    if (Object.hasOwn(manual, text)) return manual[text] ?? null;
    const field = matchHeader(text);
    if (field === null && text.trim() !== '' && !isRowNumberHeader(text)) unknown.add(text);
    return field;
  });
  const seen = new Set<ImportField>();
  const duplicated = new Set<ImportField>();
  for (const field of columns) {
    if (field === null) continue;
    if (seen.has(field)) duplicated.add(field);
    seen.add(field);
  }
  return {
    columns,
    unknown: [...unknown],
    duplicated: IMPORT_FIELDS.filter((f) => duplicated.has(f)),
    missingRequired: REQUIRED_FIELDS.filter((f) => !seen.has(f)),
  };
}
