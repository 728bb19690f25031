// "Unduh templat" of the worker import: the headers the importer recognises without a mapping step, the NIK and the
// other number-like columns as text, and one example person who lives in the first village of the user's area, so
// that the file as downloaded passes the import's checks.
import { WORKER_EDITORS } from '../../../lib/access/roles.ts';
import { EXAMPLE_PERSON, exampleNik } from '../../../lib/imports/example.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadTemplate } from '../../platform/xlsx-template.ts';
import { requireRole } from '../access/index.ts';
import { firstVillageIn } from '../regions/index.ts';
import { TEMPLATE_HELP, TEMPLATE_SHEET } from './imports.words.ts';

export async function workerImportTemplate(db: Db, ctx: RequestContext): Promise<UploadTemplate> {
  const actor = requireRole(ctx, WORKER_EDITORS);
  const village = await firstVillageIn(db, actor.scope);
  if (!village) throw new AppError('NOT_FOUND', { entity: actor.scope });
  const t = (w: Words, params?: Record<string, string>) => word(w, actor.locale, params);
  return {
    fileName: 'templat-impor-pekerja.xlsx',
    sheetName: TEMPLATE_SHEET,
    locale: actor.locale,
    columns: [
      {
        header: 'NIK',
        text: true,
        required: true,
        help: t(TEMPLATE_HELP.nik),
      },
      { header: 'Nama Lengkap', required: true, help: t(TEMPLATE_HELP.namaLengkap) },
      { header: 'Tempat Lahir', help: t(TEMPLATE_HELP.tempatLahir) },
      {
        header: 'Tanggal Lahir',
        text: true,
        required: true,
        help: t(TEMPLATE_HELP.tanggalLahir),
      },
      {
        header: 'Jenis Kelamin',
        required: true,
        help: t(TEMPLATE_HELP.jenisKelamin),
      },
      { header: 'Alamat', help: t(TEMPLATE_HELP.alamat) },
      { header: 'RT', text: true, help: t(TEMPLATE_HELP.rt) },
      { header: 'RW', text: true, help: t(TEMPLATE_HELP.rw) },
      {
        header: 'Kode Desa',
        text: true,
        required: true,
        help: t(TEMPLATE_HELP.kodeDesa, { code: village.code, label: village.label }),
      },
      {
        header: 'No HP',
        text: true,
        help: t(TEMPLATE_HELP.noHp),
      },
      {
        header: 'Pekerjaan',
        help: t(TEMPLATE_HELP.pekerjaan),
      },
      { header: 'Kategori', help: t(TEMPLATE_HELP.kategori) },
      {
        header: 'Penghasilan per Bulan',
        help: t(TEMPLATE_HELP.penghasilanPerBulan),
      },
      {
        header: 'Kerentanan',
        help: t(TEMPLATE_HELP.kerentanan),
      },
      {
        header: 'Nomor KPJ',
        text: true,
        help: t(TEMPLATE_HELP.nomorKpj),
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
