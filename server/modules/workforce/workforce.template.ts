// "Unduh templat" of the workforce import: the headers the BPS-table reader finds (workforce.file.ts), the region code
// as text, and one example district of the user's area with both figures, a year and a source.
import { systemClock } from '../../platform/clock.ts';
import { TARGET_EDITORS } from '../../../lib/contracts/targets.ts';
import { currentMonthWib } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadTemplate } from '../../platform/xlsx-template.ts';
import { requireRole } from '../access/index.ts';
import { findRegion, firstVillageIn } from '../regions/index.ts';
import { TEMPLATE_SHEET } from './workforce.words.ts';

export async function workforceTemplate(db: Db, ctx: RequestContext, now = systemClock()): Promise<UploadTemplate> {
  const actor = requireRole(ctx, TARGET_EDITORS);
  const village = await firstVillageIn(db, actor.scope);
  const district = village && (await findRegion(db, village.code.split('.').slice(0, 3).join('.')));
  if (!district) throw new AppError('NOT_FOUND', { entity: actor.scope });
  const id = actor.locale === 'id';
  const year = Number(currentMonthWib(now).slice(0, 4)) - 1;
  return {
    fileName: 'templat-angkatan-kerja.xlsx',
    sheetName: TEMPLATE_SHEET,
    locale: actor.locale,
    columns: [
      {
        header: 'Kode wilayah',
        text: true,
        required: true,
        help: id
          ? `Kode Kemendagri kecamatan atau kabupaten/kota, misalnya ${district.code}. Boleh diganti kolom Wilayah (nama).`
          : `Kemendagri code of the district or regency, e.g. ${district.code}. A Wilayah (name) column may replace it.`,
      },
      { header: 'Wilayah', help: id ? 'Nama wilayah, untuk dibaca.' : 'Region name, for reading.' },
      {
        header: 'Tahun',
        required: true,
        help: id ? 'Tahun angka BPS, misalnya 2025.' : 'Year of the BPS figure, e.g. 2025.',
      },
      {
        header: 'Penduduk bekerja',
        help: id
          ? 'Jumlah penduduk bekerja (orang), tanpa desimal. Isi ini atau Semesta PBPU, atau keduanya.'
          : 'Employed persons, whole number. Fill this or Semesta PBPU, or both.',
      },
      {
        header: 'Semesta PBPU',
        help: id
          ? 'Jumlah pekerja bukan penerima upah (orang), tanpa desimal.'
          : 'Non-wage (BPU) workers, whole number.',
      },
      {
        header: 'Sumber',
        required: true,
        help: id
          ? 'Sumber angka, misalnya BPS, Sakernas Agustus 2025.'
          : 'Source of the figure, e.g. BPS, Sakernas Agustus 2025.',
      },
    ],
    example: [district.code, district.label, year, 41234, 25678, `BPS, Sakernas Agustus ${year}`],
  };
}
