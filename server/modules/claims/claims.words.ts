// The claims module's server words ({id, en}, Indonesian first): stage and step names in error messages, entity
// names, document names in the cover letter. The web has its own words in claims-text.ts.
import type { Words } from '../../../lib/i18n/words.ts';
import type { ClaimAction, ClaimStage, DocumentItem, ReturnReason } from '../../../lib/rules/claim-workflow.ts';

/** Entity names in "… not found" answers. */
export const ENTITY_WORDS = {
  claim: { id: 'Klaim', en: 'Claim' },
  document: { id: 'Dokumen', en: 'Document' },
  user: { id: 'Pengguna', en: 'User' },
} as const satisfies Record<string, Words>;

/** The answer when a holiday is added twice. */
export const HOLIDAY_TAKEN: Words = {
  id: '{day} sudah tercatat sebagai hari libur.',
  en: '{day} is already a holiday.',
};

export const STAGE_WORDS: Readonly<Record<ClaimStage, Words>> = {
  reported: { id: 'Dilaporkan', en: 'Reported' },
  complete: { id: 'Berkas lengkap', en: 'File complete' },
  handed: { id: 'Diserahkan ke BPJS', en: 'Handed to BPJS' },
  returned: { id: 'Dikembalikan untuk perbaikan', en: 'Returned for correction' },
  paid: { id: 'Dibayar', en: 'Paid' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  closed: { id: 'Selesai', en: 'Closed' },
};

export const ACTION_WORDS: Readonly<Record<ClaimAction | 'upload' | 'remove', Words>> = {
  complete: { id: 'nyatakan berkas lengkap', en: 'mark the file complete' },
  hand: { id: 'serahkan ke BPJS', en: 'hand to BPJS' },
  return: { id: 'kembalikan untuk perbaikan', en: 'return for correction' },
  pay: { id: 'catat pembayaran', en: 'record the payment' },
  reject: { id: 'catat penolakan', en: 'record the rejection' },
  close: { id: 'tutup klaim', en: 'close the claim' },
  upload: { id: 'unggah dokumen', en: 'upload a document' },
  remove: { id: 'hapus dokumen', en: 'remove a document' },
};

export const ITEM_WORDS: Readonly<Record<DocumentItem, Words>> = {
  kpj_card: { id: 'Kartu peserta BPJS Ketenagakerjaan (KPJ)', en: 'BPJS Ketenagakerjaan card (KPJ)' },
  ktp_participant: { id: 'e-KTP peserta', en: "Participant's e-KTP" },
  ktp_heirs: { id: 'e-KTP ahli waris', en: "Heirs' e-KTP" },
  death_certificate: { id: 'Akta/surat keterangan kematian', en: 'Death certificate' },
  family_card: { id: 'Kartu Keluarga', en: 'Family card (KK)' },
  heir_statement: { id: 'Surat keterangan ahli waris', en: 'Heirship statement' },
  marriage_book: { id: 'Buku nikah (bila pasangan yang mengajukan)', en: 'Marriage book (if the spouse claims)' },
  work_reference: { id: 'Surat keterangan kerja (PU)', en: 'Work reference (wage earners)' },
  bank_book: { id: 'Buku tabungan', en: 'Bank book' },
  npwp: { id: 'NPWP (manfaat di atas Rp50.000.000)', en: 'NPWP (benefit above Rp50,000,000)' },
  accident_report_1: { id: 'Laporan kecelakaan tahap I', en: 'Accident report, stage I' },
  accident_report_2: { id: 'Laporan kecelakaan tahap II', en: 'Accident report, stage II' },
  chronology_witnesses: { id: 'Kronologi dan 2 saksi', en: 'Chronology and 2 witnesses' },
  medical_certificate: { id: 'Surat keterangan dokter', en: 'Medical certificate' },
  other: { id: 'Dokumen pendukung lain', en: 'Other supporting documents' },
};

export const RETURN_REASON_WORDS: Readonly<Record<ReturnReason, Words>> = {
  document_missing: { id: 'Dokumen kurang', en: 'Document missing' },
  document_unreadable: { id: 'Dokumen tidak terbaca', en: 'Document unreadable' },
  data_mismatch: { id: 'Data tidak sesuai', en: 'Data do not match' },
  heir_unclear: { id: 'Ahli waris belum jelas', en: 'Heir unclear' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** The claim list export (sheet, title, columns, answers), in the downloader's language. */
export const EXPORT_WORDS = {
  sheet: { id: 'Klaim', en: 'Claims' },
  number: { id: 'No.', en: 'No.' },
  worker: { id: 'Pekerja', en: 'Worker' },
  region: { id: 'Wilayah', en: 'Region' },
  type: { id: 'Jenis', en: 'Type' },
  eventDate: { id: 'Tanggal kejadian', en: 'Event date' },
  covered: { id: 'Tertanggung', en: 'Covered' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
  programme: { id: 'Program', en: 'Programme' },
  estimate: { id: 'Perkiraan manfaat', en: 'Estimate' },
} as const satisfies Record<string, Words>;

/** Why a person was not covered on the event date, in the export. */
export const GAP_WORDS = {
  not_registered: { id: 'Tidak pernah terdaftar', en: 'Never registered' },
  not_enrolled: { id: 'Terdaftar tetapi belum menjadi peserta', en: 'Registered but not enrolled' },
  not_started: { id: 'Kepesertaan belum mulai', en: 'Membership not yet started' },
  lapsed: { id: 'Kepesertaan nonaktif (menunggak)', en: 'Membership lapsed (unpaid)' },
  ended: { id: 'Kepesertaan sudah berakhir', en: 'Membership ended' },
  after_death: { id: 'Setelah tanggal kematian tercatat', en: 'After the recorded date of death' },
} as const satisfies Record<string, Words>;

/** Household and heir validation details. */
export const HOUSEHOLD_WORDS = {
  heirNik: { id: 'NIK ahli waris', en: 'heir NIK' },
  notValid: { id: 'tidak valid', en: 'not valid' },
  kkProvince: { id: 'nomor KK: kode provinsi {code} tidak ada', en: 'KK number: province code {code} does not exist' },
  heir: { id: 'Ahli waris', en: 'Heir' },
} as const satisfies Record<string, Words>;

/** Claims figures (dashboards, monthly report). */
export const FIGURE_WORDS = {
  none: { id: '(tidak tercatat)', en: '(not recorded)' },
  period: { id: 'bulan akhir sebelum bulan awal', en: 'the last month is before the first month' },
} as const satisfies Record<string, Words>;

/** Refusals of the benefit-rule admin. */
export const RULE_WORDS = {
  unknownKey: {
    id: 'aturan {key} tidak dikenal; hanya aturan yang sudah ada yang dapat diberi baris baru',
    en: 'rule {key} is unknown; only existing rules can get a new row',
  },
  kind: {
    id: 'aturan {key} berjenis {kind}; isi nilai sejenis',
    en: 'rule {key} is of kind {kind}; give a value of that kind',
  },
  start: {
    id: 'baris baru {key} harus mulai sesudah {from} (riwayat tidak diubah)',
    en: 'the new row of {key} must start after {from} (history is not changed)',
  },
} as const satisfies Record<string, Words>;
