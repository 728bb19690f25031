// "Unduh templat" of the workforce import: the headers the BPS-table reader finds (workforce.file.ts), the region code
// as text, and one example district of the user's area with both figures, a year and a source.
import { systemClock } from '../../platform/clock.ts';
import { TARGET_EDITORS } from '../../../lib/contracts/targets.ts';
import { currentMonthWib } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadTemplate } from '../../platform/xlsx-template.ts';
import { requireRole } from '../access/index.ts';
import { findRegion, firstVillageIn } from '../regions/index.ts';
import { TEMPLATE_HELP, TEMPLATE_SHEET } from './workforce.words.ts';

export async function workforceTemplate(db: Db, ctx: RequestContext, now = systemClock()): Promise<UploadTemplate> {
  const actor = requireRole(ctx, TARGET_EDITORS);
  const village = await firstVillageIn(db, actor.scope);
  const district = village && (await findRegion(db, village.code.split('.').slice(0, 3).join('.')));
  if (!district) throw new AppError('NOT_FOUND', { entity: actor.scope });
  const t = (w: Words, params?: Record<string, string>) => word(w, actor.locale, params);
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
        help: t(TEMPLATE_HELP.kodeWilayah, { code: district.code }),
      },
      { header: 'Wilayah', help: t(TEMPLATE_HELP.wilayah) },
      {
        header: 'Tahun',
        required: true,
        help: t(TEMPLATE_HELP.tahun),
      },
      {
        header: 'Penduduk bekerja',
        help: t(TEMPLATE_HELP.pendudukBekerja),
      },
      {
        header: 'Semesta PBPU',
        help: t(TEMPLATE_HELP.semestaPbpu),
      },
      {
        header: 'Sumber',
        required: true,
        help: t(TEMPLATE_HELP.sumber),
      },
    ],
    example: [district.code, district.label, year, 41234, 25678, `BPS, Sakernas Agustus ${year}`],
  };
}
