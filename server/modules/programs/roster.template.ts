// "Unduh templat" of the payroll roster (issue 18 §2): the headers the roster reader recognises and one made-up
// example row for the caller's own area that passes its checks.
import { EXAMPLE_PERSON, exampleNik } from '../../../lib/imports/example.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadTemplate } from '../../platform/xlsx-template.ts';
import { firstVillageIn } from '../regions/index.ts';
import { requireProgramManager } from './programs.policy.ts';
import { ROSTER_FIELDS } from './roster.file.ts';
import { ROSTER_WORDS } from './roster.words.ts';

export async function rosterTemplate(db: Db, ctx: RequestContext): Promise<UploadTemplate> {
  const actor = requireProgramManager(ctx);
  const village = await firstVillageIn(db, actor.scope);
  if (!village) throw new AppError('NOT_FOUND', { entity: actor.scope });
  const t = (w: Words) => word(w, actor.locale);
  const h = ROSTER_WORDS.help;
  const f = ROSTER_FIELDS;
  return {
    fileName: 'templat-daftar-gaji.xlsx',
    sheetName: word(ROSTER_WORDS.templateSheet, actor.locale),
    locale: actor.locale,
    columns: [
      { header: f.nik.label, text: true, required: true, help: t(h.nik) },
      { header: f.name.label, required: true, help: t(h.name) },
      { header: f.position.label, help: t(h.position) },
      { header: f.unit.label, help: t(h.unit) },
      { header: f.wage.label, required: true, help: t(h.wage) },
      { header: f.start.label, text: true, help: t(h.start) },
      { header: f.end.label, text: true, help: t(h.end) },
      { header: f.village.label, text: true, help: t(h.village) },
    ],
    example: [
      exampleNik(village.code),
      EXAMPLE_PERSON.fullName,
      'Staf administrasi',
      'Sekretariat Daerah',
      2_500_000,
      '02-01-2026',
      '',
      village.code,
    ],
  };
}
