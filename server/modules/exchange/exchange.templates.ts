// "Unduh templat" of the two files the BPJS branch sends back: the answer to a registration batch and the
// membership snapshot. Headers are the first name the readers know (RESPONSE_FIELDS, SNAPSHOT_FIELDS), NIK, KPJ,
// codes and dates are text columns, and the example person (lib/imports/example.ts) fills one row that reads clean.
import { systemClock } from '../../platform/clock.ts';
import { EXAMPLE_PERSON, exampleNik } from '../../../lib/imports/example.ts';
import { currentMonthWib } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadTemplate } from '../../platform/xlsx-template.ts';
import { firstVillageIn } from '../regions/index.ts';
import { requireExchangeUser } from './exchange.policy.ts';
import { RESPONSE_TEMPLATE_SHEET, SNAPSHOT_TEMPLATE_SHEET } from './exchange.words.ts';

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

const NIK_HELP = {
  id: 'NIK 16 angka sesuai KTP. Kolom ini berformat Teks: jangan diubah menjadi Angka.',
  en: 'The 16-digit NIK on the KTP. The column is formatted as text: do not change it to a number.',
};
const KPJ_HELP = { id: 'Nomor KPJ 8–16 angka.', en: 'KPJ number, 8–16 digits.' };

export async function responseTemplate(db: Db, ctx: RequestContext, now = systemClock()): Promise<UploadTemplate> {
  const actor = requireExchangeUser(ctx);
  const village = await exampleVillage(db, actor.scope);
  const l = actor.locale;
  const id = l === 'id';
  return {
    fileName: 'templat-jawaban-bpjs.xlsx',
    sheetName: RESPONSE_TEMPLATE_SHEET,
    locale: l,
    columns: [
      { header: 'NIK', text: true, required: true, help: NIK_HELP[l] },
      {
        header: 'KPJ',
        text: true,
        required: true,
        help: id ? `${KPJ_HELP.id} Kosong bila ditolak.` : `${KPJ_HELP.en} Empty when rejected.`,
      },
      {
        header: 'Status',
        required: true,
        help: id ? 'DITERIMA atau DITOLAK.' : 'DITERIMA (accepted) or DITOLAK (rejected).',
      },
      {
        header: 'Alasan',
        help: id ? 'Alasan penolakan, wajib bila DITOLAK.' : 'Reason for a rejection; required with DITOLAK.',
      },
      {
        header: 'Mulai perlindungan',
        text: true,
        required: true,
        help: id ? 'Tanggal mulai kepesertaan, dd-mm-yyyy.' : 'Start of membership, dd-mm-yyyy.',
      },
    ],
    example: [exampleNik(village.code), EXAMPLE_PERSON.kpj, 'DITERIMA', '', thisMonth(now).firstDay],
  };
}

export async function snapshotTemplate(db: Db, ctx: RequestContext, now = systemClock()): Promise<UploadTemplate> {
  const actor = requireExchangeUser(ctx);
  const village = await exampleVillage(db, actor.scope);
  const l = actor.locale;
  const id = l === 'id';
  const { firstDay, month } = thisMonth(now);
  return {
    fileName: 'templat-snapshot-peserta.xlsx',
    sheetName: SNAPSHOT_TEMPLATE_SHEET,
    locale: l,
    columns: [
      { header: 'NIK', text: true, required: true, help: NIK_HELP[l] },
      { header: 'KPJ', text: true, required: true, help: KPJ_HELP[l] },
      { header: 'Kategori', required: true, help: id ? 'PU, BPU, Jakon atau PMI.' : 'PU, BPU, Jakon or PMI.' },
      {
        header: 'Mulai',
        text: true,
        required: true,
        help: id ? 'Mulai kepesertaan, dd-mm-yyyy.' : 'Start of membership, dd-mm-yyyy.',
      },
      {
        header: 'Akhir',
        text: true,
        help: id ? 'Akhir kepesertaan bila sudah berakhir, dd-mm-yyyy.' : 'End of membership if it ended, dd-mm-yyyy.',
      },
      {
        header: 'Dibayar sampai',
        text: true,
        help: id ? 'Bulan terakhir yang lunas, mm-yyyy.' : 'Last month paid, mm-yyyy.',
      },
      {
        header: 'Kode desa',
        text: true,
        help: id
          ? `Kode Kemendagri desa/kelurahan peserta, misalnya ${village.code}.`
          : `The Kemendagri code of the member's village, e.g. ${village.code}.`,
      },
    ],
    example: [exampleNik(village.code), EXAMPLE_PERSON.kpj, 'BPU', firstDay, '', month, village.code],
  };
}
