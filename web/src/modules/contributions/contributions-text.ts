// Words of the contribution pages added with citations and the full BPU income table, Indonesian first, English
// second (the older calculator words stay in app/i18n.ts). Shared with the programme form's income choice.
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'income.earnings': 'Penghasilan sebenarnya sebulan (boleh kosong)',
  'income.earningsHint': 'Isi penghasilan sebenarnya; Lindung memilih baris PP 44/2015 Lampiran II yang sesuai.',
  'income.earningsRow': 'Masuk baris {row}: penghasilan yang dilaporkan {amount}.',
  'income.earningsNoRow': 'Tabel penghasilan pada tanggal itu belum memuat rentang penghasilan; pilih barisnya.',
  'income.option': '{amount} (penghasilan {from}–{to})',
  'income.optionOpen': '{amount} (penghasilan {from} ke atas)',
  'income.optionFirst': '{amount} (penghasilan sampai {to})',
  'income.optionPlain': '{amount}',
  'rules.col.citation': 'Sitasi hukum',
  'rules.col.note': 'Catatan internal (admin)',
  'rules.noteHidden': 'Catatan internal hanya tampil untuk admin.',
  'rules.form.citation': 'Sitasi hukum',
  'rules.form.citationHint':
    'Nomor peraturan dan pasalnya saja, misalnya PP 45/2015 Pasal 29. Inilah yang dicetak di laporan dan tampil di kalkulator.',
  'rules.form.note': 'Catatan internal (boleh kosong)',
  'rules.form.noteHint':
    'Sumber, tingkat kepastian dan yang masih menunggu verifikasi. Hanya terlihat oleh admin, tidak pernah dicetak.',
  'rules.form.earningsFrom': 'Penghasilan sebenarnya terendah untuk baris ini (boleh kosong)',
} as const;

type Key = keyof typeof id;

const en: Record<Key, string> = {
  'income.earnings': 'Actual monthly income (optional)',
  'income.earningsHint': 'Enter the actual income; Lindung picks the matching row of PP 44/2015 Annex II.',
  'income.earningsRow': 'Falls in row {row}: declared income {amount}.',
  'income.earningsNoRow': 'The income table on that date has no income ranges yet; pick the row.',
  'income.option': '{amount} (income {from}–{to})',
  'income.optionOpen': '{amount} (income {from} and above)',
  'income.optionFirst': '{amount} (income up to {to})',
  'income.optionPlain': '{amount}',
  'rules.col.citation': 'Legal citation',
  'rules.col.note': 'Internal note (admin)',
  'rules.noteHidden': 'Internal notes are shown to administrators only.',
  'rules.form.citation': 'Legal citation',
  'rules.form.citationHint':
    'The regulation number and article only, for example PP 45/2015 Pasal 29. This is what reports print and the calculator shows.',
  'rules.form.note': 'Internal note (optional)',
  'rules.form.noteHint':
    'Sources, confidence and what still awaits verification. Seen by administrators only, never printed.',
  'rules.form.earningsFrom': 'Lowest actual income for this row (optional)',
};

export const useContributionText = moduleText<Key>({ id, en });
export type ContributionT = ModuleT<Key>;
