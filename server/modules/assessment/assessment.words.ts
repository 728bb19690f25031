// The assessment module's server words ({id, en}, Indonesian first): figure notes, entity names, the evidence pack's
// PDF and XLSX words. The web has its own words in assessment-text.ts.
import type { Words } from '../../../lib/i18n/words.ts';

export { word } from '../../../lib/i18n/words.ts';

export const W = {
  coverageNote: {
    id: 'Peserta aktif (sekali per NIK) dibagi penduduk bekerja, bulan',
    en: 'Active members (once per NIK) divided by the employed population, month',
  },
  targetNote: { id: 'Capaian terhadap target cakupan', en: 'Achievement against the coverage target' },
  noTarget: { id: 'Belum ada target cakupan untuk tahun ini.', en: 'No coverage target for this year yet.' },
  growthNote: {
    id: 'Perubahan peserta aktif dari Desember tahun sebelumnya sampai bulan batas data, persen.',
    en: 'Change in active members from the previous December to the cut-off month, per cent.',
  },
  apbdPersonsNote: {
    id: 'Orang yang didaftarkan program APBD kabupaten/kota dalam tahun penilaian sampai tanggal batas (diajukan ke BPJS, aktif atau selesai).',
    en: 'Persons enrolled by regency APBD programmes in the award year up to the cut-off (submitted to BPJS, active or ended).',
  },
  apbdRupiahNote: {
    id: 'Pagu anggaran (DPA) program APBD kabupaten/kota yang berjalan dalam tahun penilaian.',
    en: 'Budget ceiling (DPA) of regency APBD programmes running in the award year.',
  },
  employersNote: {
    id: 'Pemberi kerja dalam daftar perizinan yang terdaftar dan membayar iuran menurut snapshot pemberi kerja cabang terakhir (tanggal snapshot).',
    en: 'Employers on the licensing list registered and paying contributions per the branch’s latest employer snapshot (snapshot date).',
  },
  projectsNote: {
    id: 'Proyek konstruksi APBD yang pekerjanya didaftarkan program Jakon (sertifikat tercatat).',
    en: 'APBD construction projects whose workers are registered under Jakon (certificate recorded).',
  },
  claimsNote: {
    id: 'Klaim JKK/JKM yang dicatat dan difasilitasi di Lindung dengan tanggal kejadian dalam tahun penilaian sampai tanggal batas.',
    en: 'JKK/JKM claims recorded and facilitated in Lindung with an event date in the award year up to the cut-off.',
  },
  benefitsNote: {
    id: 'Manfaat JKK/JKM yang dibayar BPJS dalam tahun penilaian sampai tanggal batas (Rupiah), dari angka klaim Lindung.',
    en: 'JKK/JKM benefits paid by BPJS in the award year up to the cut-off (Rupiah), from Lindung’s claims figures.',
  },
  regulationsNote: {
    id: 'Produk hukum dan perjanjian yang ditetapkan dan berlaku pada tanggal batas, menurut register tata kelola.',
    en: 'Legal instruments and agreements enacted and in force on the cut-off date, from the governance register.',
  },
  workplanNote: {
    id: 'Rencana aksi yang jatuh tempo dalam tahun penilaian dan selesai tepat waktu (persen dari yang jatuh tempo).',
    en: 'Action items due in the award year and done on time (percent of those due).',
  },
  briefedNote: {
    id: 'Desa/kelurahan yang hadir dalam sosialisasi yang dicatat dalam tahun penilaian (persen dari semua desa/kelurahan).',
    en: 'Villages that attended a briefing recorded in the award year (percent of all villages).',
  },
  nothingDue: {
    id: 'Tidak ada yang dapat dihitung pada periode ini (penyebut nol).',
    en: 'Nothing to compute in this period (the denominator is zero).',
  },
  unknownComputation: { id: 'Perhitungan tidak dikenal.', en: 'Unknown computation.' },
  notReadable: {
    id: 'Peran Anda tidak dapat membaca sumber angka ini; minta Disnaker menyiapkan angka.',
    en: 'Your role cannot read this figure’s source; ask Disnaker to prepare the figures.',
  },
  notInForce: {
    id: 'Instrumen {id} tidak berlaku pada tanggal batas data atau belum ada PDF bertanda tangan di register tata kelola. Pilih instrumen dari daftar, atau unggah PDF-nya di register dulu.',
    en: 'Instrument {id} is not in force on the data cut-off date or has no signed PDF in the governance register. Pick an instrument from the list, or upload its PDF to the register first.',
  },
  alreadyAttached: {
    id: '{label} sudah dilampirkan pada indikator ini.',
    en: '{label} is already attached to this indicator.',
  },
  manualNote: { id: 'Diisi manual', en: 'Entered by hand' },
  assessorNote: { id: 'Dinilai tim penilai provinsi', en: 'Scored by the provincial assessment team' },
} as const satisfies Record<string, Words>;

export const ENTITY_WORDS = {
  framework: { id: 'Kerangka penilaian', en: 'Assessment framework' },
  assessment: { id: 'Penilaian mandiri', en: 'Self-assessment' },
  evidence: { id: 'Bukti', en: 'Evidence' },
} as const satisfies Record<string, Words>;

/** Words of the evidence pack (PDF) and the figures workbook (XLSX). */
export const PACK_WORDS = {
  title: { id: 'Paritrana Award {year}: Penilaian Mandiri', en: 'Paritrana Award {year}: Self-Assessment' },
  framework: { id: 'Kerangka', en: 'Framework' },
  cutoff: { id: 'Tanggal batas data', en: 'Data cut-off date' },
  submitted: { id: 'Dikirim', en: 'Submitted' },
  draft: { id: 'DRAF: belum dikirim', en: 'DRAFT: not submitted' },
  snapshot: { id: 'SHA-256 snapshot', en: 'Snapshot SHA-256' },
  summary: { id: 'Ringkasan nilai', en: 'Score summary' },
  total: { id: 'Nilai total', en: 'Total score' },
  aspect: { id: 'Aspek', en: 'Aspect' },
  indicator: { id: 'Indikator', en: 'Indicator' },
  figure: { id: 'Angka', en: 'Figure' },
  score: { id: 'Nilai', en: 'Score' },
  weight: { id: 'Bobot', en: 'Weight' },
  source: { id: 'Sumber', en: 'Source' },
  note: { id: 'Keterangan', en: 'Note' },
  pendingScore: { id: 'menunggu asesor', en: 'awaiting assessors' },
  missing: { id: 'tidak ada data', en: 'no data' },
  evidence: { id: 'Dokumen bukti', en: 'Evidence documents' },
  noEvidence: { id: 'Tidak ada dokumen bukti.', en: 'No evidence documents.' },
  fromRegister: { id: 'Register tata kelola', en: 'Governance register' },
  narrative: { id: 'Narasi', en: 'Narrative' },
  rows: { id: 'Rincian', en: 'Details' },
  sheetFigures: { id: 'Angka', en: 'Figures' },
  sheetRows: { id: 'Rincian', en: 'Details' },
  sheetEvidence: { id: 'Bukti', en: 'Evidence' },
  sheetRanking: { id: 'Peringkat', en: 'Ranking' },
  rank: { id: 'Peringkat', en: 'Rank' },
  region: { id: 'Wilayah', en: 'Region' },
  tieBrokenBy: { id: 'Seri dipisah oleh', en: 'Tie broken by' },
  assessors: { id: 'Jumlah asesor', en: 'Assessors' },
  footer: {
    id: 'Dibuat oleh Lindung dari data yang tercatat. Bobot mengikuti kerangka penilaian yang diterbitkan.',
    en: 'Produced by Lindung from its recorded data. Weights follow the published assessment framework.',
  },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
} as const satisfies Record<string, Words>;
