// "Unduh templat" of the worker import: the headers the importer recognises without a mapping step, the NIK and the
// other number-like columns as text, and one example person who lives in the first village of the user's area, so
// that the file as downloaded passes the import's checks.
import { WORKER_EDITORS } from '../../../lib/access/roles.ts';
import { EXAMPLE_PERSON, exampleNik } from '../../../lib/imports/example.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadTemplate } from '../../platform/xlsx-template.ts';
import { requireRole } from '../access/index.ts';
import { firstVillageIn } from '../regions/index.ts';
import { TEMPLATE_SHEET } from './imports.words.ts';

export async function workerImportTemplate(db: Db, ctx: RequestContext): Promise<UploadTemplate> {
  const actor = requireRole(ctx, WORKER_EDITORS);
  const village = await firstVillageIn(db, actor.scope);
  if (!village) throw new AppError('NOT_FOUND', { entity: actor.scope });
  const id = actor.locale === 'id';
  return {
    fileName: 'templat-impor-pekerja.xlsx',
    sheetName: TEMPLATE_SHEET,
    locale: actor.locale,
    columns: [
      {
        header: 'NIK',
        text: true,
        required: true,
        help: id
          ? '16 angka sesuai KTP. Kolom ini berformat Teks: jangan diubah menjadi Angka, digit terakhir akan hilang.'
          : 'The 16 digits on the KTP. The column is formatted as text: do not change it to a number, the last digits would be lost.',
      },
      { header: 'Nama Lengkap', required: true, help: id ? 'Nama sesuai KTP.' : 'Name as on the KTP.' },
      { header: 'Tempat Lahir', help: id ? 'Kota atau kabupaten kelahiran.' : 'Town or regency of birth.' },
      {
        header: 'Tanggal Lahir',
        text: true,
        required: true,
        help: id ? 'dd-mm-yyyy, misalnya 12-03-1985.' : 'dd-mm-yyyy, e.g. 12-03-1985.',
      },
      {
        header: 'Jenis Kelamin',
        required: true,
        help: id ? 'L (laki-laki) atau P (perempuan).' : 'L (male) or P (female).',
      },
      { header: 'Alamat', help: id ? 'Alamat domisili.' : 'Home address.' },
      { header: 'RT', text: true, help: id ? '1–3 angka, misalnya 003.' : '1–3 digits, e.g. 003.' },
      { header: 'RW', text: true, help: id ? '1–3 angka, misalnya 012.' : '1–3 digits, e.g. 012.' },
      {
        header: 'Kode Desa',
        text: true,
        required: true,
        help: id
          ? `Kode Kemendagri desa/kelurahan domisili, misalnya ${village.code} (${village.label}).`
          : `The Kemendagri code of the home village, e.g. ${village.code} (${village.label}).`,
      },
      {
        header: 'No HP',
        text: true,
        help: id ? 'Nomor HP, misalnya 081234567890.' : 'Mobile number, e.g. 081234567890.',
      },
      {
        header: 'Pekerjaan',
        help: id
          ? 'Pekerjaan sehari-hari, misalnya Petani, Nelayan, Pedagang.'
          : 'Occupation in Indonesian, e.g. Petani, Nelayan, Pedagang.',
      },
      { header: 'Kategori', help: id ? 'PU, BPU, Jakon atau PMI.' : 'PU, BPU, Jakon or PMI.' },
      {
        header: 'Penghasilan per Bulan',
        help: id ? 'Rupiah tanpa titik atau Rp, misalnya 1500000.' : 'Rupiah without dots or Rp, e.g. 1500000.',
      },
      {
        header: 'Kerentanan',
        help: id
          ? 'Boleh kosong: miskin ekstrem, desil 1–4, disabilitas.'
          : 'May be empty: extreme poor, decile 1–4, disability.',
      },
      {
        header: 'Nomor KPJ',
        text: true,
        help: id ? 'Bila sudah peserta BPJS, 8–16 angka.' : 'If already a BPJS member, 8–16 digits.',
      },
    ],
    example: [
      exampleNik(village.code),
      EXAMPLE_PERSON.fullName,
      village.name,
      EXAMPLE_PERSON.birthDateText,
      EXAMPLE_PERSON.sex,
      'Jl. Contoh No. 1',
      '001',
      '002',
      village.code,
      '081234567890',
      'Petani',
      'BPU',
      1500000,
      '',
      '',
    ],
  };
}
