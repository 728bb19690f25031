// The billing module's server words (see lib/i18n/words.ts): the sheets, titles, column headers and status words
// of the bill and lapse-list exports, which follow the locale of the user who downloads them, and the words of the
// payment check and the coverage check.
import type { Words } from '../../../lib/i18n/words.ts';

export const BILLING_WORDS = {
  bills: {
    sheet: { id: 'Tagihan', en: 'Bills' },
    title: { id: 'Tagihan iuran program perlindungan', en: 'Programme contribution bills' },
    programme: { id: 'Program', en: 'Programme' },
    region: { id: 'Wilayah', en: 'Region' },
    month: { id: 'Bulan', en: 'Month' },
    persons: { id: 'Peserta', en: 'Persons' },
    perPerson: { id: 'Iuran per orang', en: 'Per person' },
    amount: { id: 'Jumlah tagihan', en: 'Amount' },
    paid: { id: 'Dibayar', en: 'Paid' },
    outstanding: { id: 'Sisa', en: 'Outstanding' },
    dueDate: { id: 'Jatuh tempo', en: 'Due date' },
    status: { id: 'Status', en: 'Status' },
    overdue: { id: ' (menunggak)', en: ' (overdue)' },
  },
  billStatus: {
    unpaid: { id: 'Belum dibayar', en: 'Unpaid' },
    partial: { id: 'Dibayar sebagian', en: 'Partly paid' },
    paid: { id: 'Lunas', en: 'Paid' },
  },
  lapse: {
    sheet: { id: 'Peringatan iuran', en: 'Lapse warnings' },
    title: {
      id: 'Perlindungan nonaktif atau akan nonaktif dalam 30 hari',
      en: 'Protection lapsed or lapsing within 30 days',
    },
    nik: { id: 'NIK', en: 'NIK' },
    name: { id: 'Nama', en: 'Name' },
    phone: { id: 'Telepon', en: 'Phone' },
    source: { id: 'Sumber', en: 'Source' },
    kpj: { id: 'KPJ', en: 'KPJ' },
    paidThrough: { id: 'Lunas sampai', en: 'Paid through' },
    neverPaid: { id: 'belum pernah', en: 'never paid' },
    inactiveFrom: { id: 'Nonaktif mulai', en: 'Inactive from' },
    status: { id: 'Status', en: 'Status' },
    lapsed: { id: 'Sudah nonaktif', en: 'Inactive' },
    lapsesIn: { id: 'Nonaktif dalam {days} hari', en: 'Lapses in {days} days' },
    village: { id: 'Desa/Kelurahan', en: 'Village' },
  },
  bill: { id: 'Tagihan', en: 'Bill' },
  futurePayment: {
    id: 'tanggal bayar tidak boleh di masa depan',
    en: 'a payment date cannot be in the future',
  },
  nikInvalid: { id: 'NIK tidak valid.', en: 'the NIK is not valid.' },
  coveredElsewhere: {
    id: 'Tertanggung: NIK {nik} tertanggung pada tanggal ini melalui kepesertaan di luar wilayah Anda. Program dan wilayahnya tidak ditampilkan; tanyakan rinciannya kepada Disnaker atau cabang BPJS.',
    en: 'Covered: NIK {nik} is covered on this date through a participation outside your region. Its programme and region are not shown; ask the Disnaker or the BPJS branch for details.',
  },
  notCovered: {
    id: 'Tidak tertanggung: menurut data semua wilayah, NIK {nik} tidak tertanggung pada tanggal ini. Tanyakan rinciannya kepada Disnaker.',
    en: 'Not covered: by the data of every region, NIK {nik} is not covered on this date. Ask the Disnaker for details.',
  },
} as const satisfies Record<string, Words | Record<string, Words>>;
