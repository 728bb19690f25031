// "Unduh templat" of the two files the BPJS branch sends back: the answer to a registration batch and the
// membership snapshot. Headers are the first name the readers know (RESPONSE_FIELDS, SNAPSHOT_FIELDS), NIK, KPJ,
// codes and dates are text columns, and the example person (lib/imports/example.ts) fills one row that reads clean.
import { systemClock } from '../../platform/clock.ts';
import { EXAMPLE_PERSON, exampleNik } from '../../../lib/imports/example.ts';
import { currentMonthWib } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadTemplate } from '../../platform/xlsx-template.ts';
import { firstVillageIn } from '../regions/index.ts';
import { requireExchangeUser } from './exchange.policy.ts';
import { RESPONSE_TEMPLATE_SHEET, SNAPSHOT_TEMPLATE_SHEET, TEMPLATE_HELP } from './exchange.words.ts';

async function exampleVillage(db: Db, scope: string) {
  const village = await firstVillageIn(db, scope);
  if (!village) throw new AppError('NOT_FOUND', { entity: scope });
  return village;
}

/** This month as `01-mm-yyyy` and `mm-yyyy` (WIB), the dates of the example rows. */
function thisMonth(now: Date): { firstDay: string; month: string } {
  const [year, month] = currentMonthWib(now).split('-');
  return { firstDay: `01-${month}-${year}`, month: `${month}-${year}` };
}

export async function responseTemplate(db: Db, ctx: RequestContext, now = systemClock()): Promise<UploadTemplate> {
  const actor = requireExchangeUser(ctx);
  const village = await exampleVillage(db, actor.scope);
  const l = actor.locale;
  const t = (w: Words, params?: Record<string, string>) => word(w, l, params);
  return {
    fileName: 'templat-jawaban-bpjs.xlsx',
    sheetName: RESPONSE_TEMPLATE_SHEET,
    locale: l,
    columns: [
      { header: 'NIK', text: true, required: true, help: t(TEMPLATE_HELP.nik) },
      {
        header: 'KPJ',
        text: true,
        required: true,
        help: t(TEMPLATE_HELP.responseKpj),
      },
      {
        header: 'Status',
        required: true,
        help: t(TEMPLATE_HELP.responseStatus),
      },
      {
        header: 'Alasan',
        help: t(TEMPLATE_HELP.responseAlasan),
      },
      {
        header: 'Mulai perlindungan',
        text: true,
        required: true,
        help: t(TEMPLATE_HELP.responseMulaiPerlindungan),
      },
    ],
    example: [exampleNik(village.code), EXAMPLE_PERSON.kpj, 'DITERIMA', '', thisMonth(now).firstDay],
  };
}

export async function snapshotTemplate(db: Db, ctx: RequestContext, now = systemClock()): Promise<UploadTemplate> {
  const actor = requireExchangeUser(ctx);
  const village = await exampleVillage(db, actor.scope);
  const l = actor.locale;
  const t = (w: Words, params?: Record<string, string>) => word(w, l, params);
  const { firstDay, month } = thisMonth(now);
  return {
    fileName: 'templat-snapshot-peserta.xlsx',
    sheetName: SNAPSHOT_TEMPLATE_SHEET,
    locale: l,
    columns: [
      { header: 'NIK', text: true, required: true, help: t(TEMPLATE_HELP.nik) },
      { header: 'KPJ', text: true, required: true, help: t(TEMPLATE_HELP.kpj) },
      { header: 'Kategori', required: true, help: t(TEMPLATE_HELP.snapshotKategori) },
      {
        header: 'Mulai',
        text: true,
        required: true,
        help: t(TEMPLATE_HELP.snapshotMulai),
      },
      {
        header: 'Akhir',
        text: true,
        help: t(TEMPLATE_HELP.snapshotAkhir),
      },
      {
        header: 'Dibayar sampai',
        text: true,
        help: t(TEMPLATE_HELP.snapshotDibayarSampai),
      },
      {
        header: 'Kode desa',
        text: true,
        help: t(TEMPLATE_HELP.snapshotKodeDesa, { code: village.code }),
      },
    ],
    example: [exampleNik(village.code), EXAMPLE_PERSON.kpj, 'BPU', firstDay, '', month, village.code],
  };
}
