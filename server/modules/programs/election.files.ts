// The KPU/Bawaslu roster file of an election officers' programme (issue 18 §3), read by the platform's readFieldFile
// (CSV with ';' or ',', XLSX): header aliases as the secretariats write them and one rule per cell that says what is
// wrong and what to do, Indonesian first. The NIK goes through the importer's rules (number cells, scientific
// notation) and validateNik; the officer's birth date and sex come from the NIK when they are new to the registry.
import { ELECTION_ROLES, TPS_ROLES, type ElectionRole } from '../../../lib/contracts/election.ts';
import { normaliseName, parseNikCell, parseRupiah } from '../../../lib/rules/import-values.ts';
import { nikPrefill, validateNik, type NikContext, type Sex } from '../../../lib/rules/nik.ts';
import { cellText, type Cell } from '../../platform/spreadsheet/index.ts';
import { bad, normal, ok, type FieldSpec, type Outcome } from '../../platform/spreadsheet/fields.ts';

export const ROSTER_FIELDS = {
  nik: { label: 'NIK', aliases: ['nik', 'noktp', 'nomorktp', 'nomorindukkependudukan', 'niktp'], required: true },
  name: {
    label: 'Nama',
    aliases: ['nama', 'namalengkap', 'namapetugas', 'namaanggota', 'name'],
    required: true,
  },
  role: {
    label: 'Jabatan',
    aliases: ['jabatan', 'peran', 'badanadhoc', 'jenispetugas', 'unsur', 'role'],
    required: true,
  },
  village: {
    label: 'Kode desa',
    aliases: ['kodedesa', 'kodewilayah', 'kodekelurahan', 'kodedesakelurahan', 'villagecode'],
    required: true,
  },
  tps: { label: 'TPS', aliases: ['tps', 'notps', 'nomortps', 'nomertps'], required: false },
  honorarium: {
    label: 'Honorarium',
    aliases: ['honorarium', 'honor', 'honorperbulan', 'honorariumperbulan', 'upah', 'wage'],
    required: true,
  },
} as const satisfies FieldSpec<string>;

const ROLE_WORDS: Record<string, ElectionRole> = {
  ppk: 'ppk',
  panitiapemilihankecamatan: 'ppk',
  pps: 'pps',
  panitiapemungutansuara: 'pps',
  kpps: 'kpps',
  kelompokpenyelenggarapemungutansuara: 'kpps',
  pantarlih: 'pantarlih',
  petugaspemutakhirandatapemilih: 'pantarlih',
  panwascam: 'panwascam',
  panwaslukecamatan: 'panwascam',
  pengawaskecamatan: 'panwascam',
  ppl: 'ppl',
  pkd: 'ppl',
  pengawaskelurahandesa: 'ppl',
  pengawasdesa: 'ppl',
  petugasketertibantps: 'ketertiban_tps',
  ketertibantps: 'ketertiban_tps',
  petugasketertiban: 'ketertiban_tps',
  linmastps: 'ketertiban_tps',
  linmas: 'ketertiban_tps',
};

/** "Ketua KPPS", "Anggota PPS", "Petugas Ketertiban TPS", "Panwaslu Kecamatan" → the role code. */
export function readRole(cell: Cell): Outcome<ElectionRole> {
  const text = cellText(cell).trim();
  const key = normal(text).replace(/^(ketua|anggota|sekretaris|wakilketua)/, '');
  const role = ROLE_WORDS[key] ?? (ELECTION_ROLES as readonly string[]).find((r) => r === key);
  if (role) return ok(role as ElectionRole);
  return bad(
    `Jabatan "${text}" tidak dikenal. Tulis salah satu: PPK, PPS, KPPS, Pantarlih, Panwascam, PPL/PKD, Petugas Ketertiban TPS.`,
    `Role "${text}" is not known. Write one of: PPK, PPS, KPPS, Pantarlih, Panwascam, PPL/PKD, Petugas Ketertiban TPS.`,
  );
}

/** The TPS number (1–999): required for KPPS and petugas ketertiban TPS, empty for the other bodies. */
export function readTps(cell: Cell, role: ElectionRole | null): Outcome<number | null> {
  const text = cellText(cell).trim();
  const needs = role !== null && TPS_ROLES.includes(role);
  if (text === '')
    return needs
      ? bad(
          'Nomor TPS kosong. KPPS dan petugas ketertiban TPS bertugas di satu TPS: tulis nomornya, misalnya 7.',
          'The TPS number is empty. KPPS and TPS order officers serve at one TPS: write its number, e.g. 7.',
        )
      : ok(null);
  const m = /^(?:tps\s*)?0*(\d{1,3})$/i.exec(text);
  if (!m || Number(m[1]) < 1)
    return bad(
      `Nomor TPS "${text}" tidak valid. Tulis angka 1–999, misalnya 7 atau TPS 007.`,
      `TPS number "${text}" is not valid. Write a number 1–999, e.g. 7 or TPS 007.`,
    );
  if (!needs)
    return bad(
      'Nomor TPS hanya untuk KPPS dan petugas ketertiban TPS. Kosongkan kolom TPS untuk jabatan ini.',
      'A TPS number is only for KPPS and TPS order officers. Leave the TPS column empty for this role.',
    );
  return ok(Number(m[1]));
}

export function readHonorarium(cell: Cell): Outcome<number> {
  const text = cellText(cell).trim();
  const parsed = text === '' ? null : parseRupiah(cell.t === 'number' ? cell.v : text);
  if (parsed?.ok && parsed.value > 0) return ok(parsed.value);
  return bad(
    `Honorarium "${text}" tidak valid. Tulis honor per bulan dalam rupiah, misalnya 1.500.000.`,
    `Honorarium "${text}" is not valid. Write the monthly fee in rupiah, e.g. 1.500.000.`,
  );
}

export function readName(cell: Cell): Outcome<string> {
  const name = normaliseName(cellText(cell));
  if (name.length >= 2 && name.length <= 200) return ok(name);
  return bad(
    'Nama kosong atau terlalu pendek. Tulis nama sesuai KTP.',
    'The name is empty or too short. Write it as on the KTP.',
  );
}

export function readVillageCode(cell: Cell): Outcome<string> {
  const text = cellText(cell).trim();
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(text)) return ok(text);
  const digits = text.replace(/\D/g, '');
  if (digits.length === 10 && /^[\d.\s]+$/.test(text))
    return ok(`${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`);
  return bad(
    `Kode desa "${text}" tidak valid. Tulis kode Kemendagri 10 angka, misalnya 34.02.08.2004.`,
    `The village code "${text}" is not valid. Write the 10-digit Kemendagri code, e.g. 34.02.08.2004.`,
  );
}

export type RosterNik = { nik: string; birthDate: string; sex: Sex };

/** The NIK cell: text, 16 digits, a real NIK (validateNik errors refuse it); with the birth date and sex it encodes. */
export function readNik(cell: Cell, context: NikContext): Outcome<RosterNik> {
  if (cell.t === 'empty' || cellText(cell).trim() === '')
    return bad('NIK kosong. Isi NIK 16 digit sesuai KTP.', 'The NIK is empty. Enter the 16-digit NIK from the KTP.');
  const raw = parseNikCell(cell.t === 'number' ? { numeric: cell.v, isNumberCell: true } : { text: cellText(cell) });
  if (!raw.ok) return { ok: false, message: raw.message };
  const checked = validateNik(raw.value.replace(/[\s.-]/g, ''), context);
  const error = checked.issues.find((i) => i.severity === 'error');
  if (checked.nik === null || error) return { ok: false, message: error!.message };
  const implied = nikPrefill(checked.nik, context.today);
  if (!implied)
    return bad(
      'Tanggal lahir atau jenis kelamin pada NIK tidak terbaca. Periksa NIK pada KTP.',
      'The birth date or sex in the NIK cannot be read. Check the NIK on the KTP.',
    );
  return ok(implied);
}
