// Words of the programme pages added with issue 12 (budget preview, proposal preview, the send confirmation),
// Indonesian first, English second with the same keys. The older programme words stay in app/i18n.ts.
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'budget.title': 'Biaya kuota',
  'budget.loading': 'Menghitung biaya kuota dari aturan iuran…',
  'budget.cost':
    'Iuran {perPerson} per orang selama {months} bulan. Kuota {quota} orang selama seluruh periode: {total}.',
  'budget.enough': 'Pagu {ceiling} cukup untuk seluruh kuota selama seluruh periode.',
  'budget.shortTitle': 'Pagu tidak cukup untuk kuota',
  'budget.short':
    'Pagu {ceiling} hanya membiayai {persons} dari {quota} orang selama {months} bulan, atau seluruh {quota} orang selama {monthsCovered} bulan pertama. Kekurangan {shortfall}.',
  'budget.shortAction': 'Naikkan pagu atau kurangi kuota. Program tetap dapat disimpan; usulan di atas pagu ditolak.',
  'budget.unavailable': 'Biaya kuota belum dapat dihitung: {message}',
};

export type ProgramsKey = keyof typeof id;

const en: Record<ProgramsKey, string> = {
  'budget.title': 'Cost of the quota',
  'budget.loading': 'Pricing the quota with the contribution rules…',
  'budget.cost':
    'Contribution {perPerson} per person over {months} months. The quota of {quota} persons for the whole period: {total}.',
  'budget.enough': 'The ceiling of {ceiling} covers the whole quota for the whole period.',
  'budget.shortTitle': 'The ceiling does not cover the quota',
  'budget.short':
    'The ceiling of {ceiling} pays for only {persons} of {quota} persons over {months} months, or for all {quota} persons during the first {monthsCovered} months. Short by {shortfall}.',
  'budget.shortAction':
    'Raise the ceiling or lower the quota. The programme can still be saved; proposals beyond the ceiling are refused.',
  'budget.unavailable': 'The cost of the quota cannot be computed yet: {message}',
};

export type PT = ModuleT<ProgramsKey>;

export const usePT = moduleText<ProgramsKey>({ id, en });
