// Server words of wage-earner (PU) cohorts (issue 18; see lib/i18n/words.ts).
import type { Words } from '../../../lib/i18n/words.ts';

export const PU_WORDS = {
  notPu: {
    id: 'program "{program}" adalah program BPU (paket penghasilan yang dilaporkan), bukan program PU dengan upah per orang; pilih program PU',
    en: 'programme "{program}" is a BPU programme (declared-income package), not a PU programme with a wage per person; choose a PU programme',
  },
  ENDED_DEATH: {
    id: 'Kepesertaan berakhir karena meninggal dunia; tidak dilanjutkan. Ahli waris dapat mengajukan klaim JKM.',
    en: 'The membership ended by death; it is not carried. The heirs can claim JKM.',
  },
  ENDED_MOVED: {
    id: 'Kepesertaan berakhir karena pindah; tidak dilanjutkan. Usulkan di program wilayah barunya.',
    en: "The membership ended because the person moved; it is not carried. Propose them in their new region's programme.",
  },
  ENDED_REPLACED: {
    id: 'Kepesertaan berakhir karena diganti orang lain; tidak dilanjutkan.',
    en: 'The membership ended because the person was replaced; it is not carried.',
  },
  ENDED_WITHDRAWN: {
    id: 'Kepesertaan berakhir karena mengundurkan diri; tidak dilanjutkan. Tawarkan kepesertaan mandiri (BPU).',
    en: 'The membership ended by withdrawal; it is not carried. Offer self-paid (BPU) membership.',
  },
} as const satisfies Record<string, Words>;

/** The continuation list and its export (issue 18 §5). */
export const CONTINUATION_WORDS = {
  person: {
    id: 'Orang nomor {id} pada daftar lanjutkan mandiri',
    en: 'Person {id} on the continuation list',
  },
  discount: {
    id: 'Potongan iuran {saved} per bulan berlaku hari ini ({basis}).',
    en: 'A contribution discount of {saved} a month applies today ({basis}).',
  },
  noDiscount: {
    id: 'Tidak ada potongan iuran PP 50/2025 yang berlaku hari ini; iuran penuh.',
    en: 'No PP 50/2025 discount applies today; the full contribution is due.',
  },
  period_over: { id: 'Periode program berakhir', en: 'The programme period ended' },
  left: { id: 'Keluar dari OPD/pemberi kerja', en: 'Left the office or employer' },
  election_over: { id: 'Masa tugas pemilu selesai', en: 'The election service ended' },
  sheet: { id: 'Lanjutkan mandiri', en: 'Continue self-paid' },
  title: { id: 'Daftar lanjutkan mandiri (BPU)', en: 'Continuation list (self-paid BPU)' },
  name: { id: 'Nama', en: 'Name' },
  nik: { id: 'NIK', en: 'NIK' },
  village: { id: 'Desa/Kelurahan', en: 'Village' },
  program: { id: 'Program terakhir', en: 'Last programme' },
  lastMonth: { id: 'Bulan terakhir ditanggung', en: 'Last covered month' },
  reason: { id: 'Alasan berakhir', en: 'Why it ended' },
  earnings: { id: 'Upah/penghasilan (Rp)', en: 'Wage/income (Rp)' },
  bpuIncome: { id: 'Baris penghasilan BPU (Rp)', en: 'BPU income row (Rp)' },
  monthly: { id: 'Iuran mandiri per bulan (Rp)', en: 'Self-paid contribution a month (Rp)' },
  treatment: { id: 'Perlakuan PP 50/2025', en: 'PP 50/2025 treatment' },
  basis: { id: 'Dasar hukum', en: 'Legal basis' },
} as const satisfies Record<string, Words>;
