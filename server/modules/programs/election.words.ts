// Server words of the election roster guard (issue 18 §3; see lib/i18n/words.ts).
import type { Words } from '../../../lib/i18n/words.ts';

export const ELECTION_WORDS = {
  notElection: {
    id: 'program "{program}" bukan program PU penyelenggara pemilu (pemberi kerja Sekretariat KPU atau Bawaslu); pilih program petugas pemilu',
    en: 'programme "{program}" is not an election officers\' PU programme (employer KPU or Bawaslu secretariat); choose an election officers\' programme',
  },
  noServiceMonths: {
    id: 'program "{program}" belum punya bulan masa tugas; isi bulan masa tugas pada formulir program dulu',
    en: 'programme "{program}" has no service months yet; fill in the service months on the programme form first',
  },
  serviceOver: {
    id: 'masa tugas program "{program}" sudah selesai ({last}); tidak ada bulan yang bisa diusulkan lagi',
    en: 'the service months of programme "{program}" are over ({last}); no month is left to propose',
  },
  villageOutside: {
    id: 'Desa {village} berada di luar wilayah program atau wilayah kerja Anda ({region}). Perbaiki kodenya atau hapus barisnya.',
    en: "Village {village} lies outside the programme's region or your area ({region}). Correct the code or delete the row.",
  },
  villageUnknown: {
    id: 'Kode desa {village} tidak ada di data wilayah Kemendagri. Periksa kodenya.',
    en: 'Village code {village} is not in the Kemendagri region data. Check the code.',
  },
  nikElsewhere: {
    id: 'NIK ini sudah terdaftar di luar wilayah kerja Anda. Minta wilayah asalnya mencatat kepindahan, lalu unggah lagi.',
    en: 'This NIK is registered outside your area. Ask its region to record the move, then upload again.',
  },
  nikTwice: {
    id: 'NIK ini sudah ada di baris {first}. Satu petugas satu baris: hapus salah satunya.',
    en: 'This NIK is already on row {first}. One officer, one row: delete one of them.',
  },
} as const satisfies Record<string, Words>;
