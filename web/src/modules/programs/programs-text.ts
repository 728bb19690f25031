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
  'people.title': 'Yang akan diusulkan ({n} orang)',
  'people.table': 'Daftar orang yang akan diusulkan',
  'people.col.name': 'Nama',
  'people.col.nik': 'NIK',
  'people.col.village': 'Desa/Kelurahan',
  'people.more': '… dan {n} orang lainnya (urut nama).',
  'people.check': 'Periksa daftar ini sebelum mengonfirmasi usulan.',
  'send.title': 'Kirim data peserta ke BPJS Ketenagakerjaan',
  'send.question': 'Kirim data pribadi {n} orang program "{program}" ke BPJS Ketenagakerjaan?',
  'send.data':
    'Batch berisi NIK, nama sesuai KTP, tempat dan tanggal lahir, jenis kelamin, alamat, nomor HP, pekerjaan dan penghasilan setiap orang yang sudah diverifikasi, untuk pendaftaran kepesertaan. Pengiriman tercatat di jejak audit.',
  'send.after': 'Sesudah dikirim, status mereka menjadi "Dikirim" sampai cabang BPJS menjawab dengan nomor KPJ.',
  'send.confirm': 'Kirim {n} orang ke BPJS',
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
  'people.title': 'To be proposed ({n} persons)',
  'people.table': 'Persons to be proposed',
  'people.col.name': 'Name',
  'people.col.nik': 'NIK',
  'people.col.village': 'Village',
  'people.more': '… and {n} more persons (in name order).',
  'people.check': 'Check this list before you confirm the proposal.',
  'send.title': 'Send participant data to BPJS Ketenagakerjaan',
  'send.question': 'Send the personal data of {n} persons of the programme "{program}" to BPJS Ketenagakerjaan?',
  'send.data':
    'The batch holds the NIK, name as on the ID card, place and date of birth, sex, address, mobile number, occupation and income of every verified person, for their registration. The sending is recorded in the audit trail.',
  'send.after': 'Once sent, their status becomes "Submitted" until the BPJS branch answers with KPJ numbers.',
  'send.confirm': 'Send {n} persons to BPJS',
};

export type PT = ModuleT<ProgramsKey>;

export const usePT = moduleText<ProgramsKey>({ id, en });
