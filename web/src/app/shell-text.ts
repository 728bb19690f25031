// Words of the shell added with the layout, accessibility and home pages issue, Indonesian first, English second;
// kept apart from the shared dictionary (i18n.ts) so that parallel work does not collide in one large file.
import { moduleText, type ModuleT } from './module-text.ts';

const id = {
  'input.clear': 'Kosongkan isian',
  'scroll.hint': 'Tabel ini lebih lebar dari layar: geser ke samping untuk melihat semua kolom.',
  'scroll.region': '{label} (dapat digeser ke samping dengan tombol panah)',

  'todo.title': 'Yang menunggu Anda',
  'todo.loadFailed': 'Daftar tugas tidak dapat dimuat.',
  'todo.none': 'Tidak ada',
  'todo.allClear': 'Tidak ada yang menunggu Anda saat ini. Pekerjaan baru akan muncul di sini.',
  'todo.open': 'Buka',
  'todo.proposalsToVerify': 'Usulan kepesertaan menunggu verifikasi',
  'todo.proposalsToVerify.body': 'Periksa dan setujui atau tolak usulan dari desa/kelurahan.',
  'todo.enrollmentsToSend': 'Peserta terverifikasi belum dikirim ke BPJS',
  'todo.enrollmentsToSend.body': 'Kirim sebagai batch pendaftaran ke BPJS Ketenagakerjaan.',
  'todo.batchesWaiting': 'Batch menunggu jawaban BPJS',
  'todo.batchesWaiting.body': 'Batch pendaftaran yang belum dijawab (KPJ per NIK, diterima atau ditolak).',
  'todo.batchesWaiting.bpjs': 'Batch pendaftaran menunggu jawaban Anda',
  'todo.batchesWaiting.bpjs.body':
    'Unduh berkas batch, lalu unggah jawaban cabang: KPJ per NIK, diterima atau ditolak.',
  'todo.proposalsWaiting': 'Usulan Anda menunggu verifikasi Disnaker',
  'todo.proposalsWaiting.body': 'Tidak perlu tindakan; Disnaker memeriksa usulan ini.',
  'todo.proposalsRejected': 'Usulan ditolak (30 hari terakhir)',
  'todo.proposalsRejected.body': 'Baca alasan penolakan, perbaiki data pekerja, lalu usulkan lagi.',
  'todo.lapseWarnings': 'Pekerja yang iurannya menunggak atau segera nonaktif',
  'todo.lapseWarnings.body': 'Hubungi mereka sebelum perlindungannya berhenti.',
  'todo.snapshotDue': 'Snapshot peserta bulan ini belum diunggah',
  'todo.snapshotDue.body': 'Unggah daftar peserta BPJS terbaru agar cakupan dan peringatan iuran tetap benar.',
  'todo.snapshotDue.last': 'Snapshot terakhir: {date}.',
  'todo.snapshotDue.never': 'Belum pernah ada snapshot.',
  'todo.snapshotDue.done': 'Snapshot peserta bulan ini sudah diunggah',
  'todo.snapshotDue.done.body': 'Snapshot terakhir: {date}. Snapshot berikutnya ditunggu awal bulan depan.',
  'todo.lockedUsers': 'Akun terkunci',
  'todo.lockedUsers.body': 'Terlalu banyak kata sandi salah; buka kunci atau atur ulang kata sandinya.',
  'todo.failedImports': 'Impor pekerja gagal (30 hari terakhir)',
  'todo.failedImports.body': 'Lihat sebabnya dan unggah ulang berkas yang sudah diperbaiki.',
  'todo.failedReports': 'Laporan bulanan gagal dibuat (30 hari terakhir)',
  'todo.failedReports.body': 'Buat ulang laporan; bila gagal lagi, hubungi admin sistem.',

  'assessor.title': 'Penilaian Paritrana',
  'assessor.emptyTitle': 'Penilaian Paritrana belum tersedia',
  'assessor.emptyBody':
    'Modul penilaian Paritrana Award sedang disiapkan. Setelah tersedia, formulir penilaian kabupaten/kota di wilayah Anda dan peringkatnya akan muncul di halaman ini.',
} as const;

const en: Readonly<Record<keyof typeof id, string>> = {
  'input.clear': 'Clear the field',
  'scroll.hint': 'This table is wider than the screen: scroll sideways to see every column.',
  'scroll.region': '{label} (scrolls sideways with the arrow keys)',

  'todo.title': 'Waiting for you',
  'todo.loadFailed': 'The to-do list could not be loaded.',
  'todo.none': 'None',
  'todo.allClear': 'Nothing is waiting for you right now. New work will appear here.',
  'todo.open': 'Open',
  'todo.proposalsToVerify': 'Membership proposals waiting for verification',
  'todo.proposalsToVerify.body': 'Check the villages’ proposals and approve or reject them.',
  'todo.enrollmentsToSend': 'Verified participants not yet sent to BPJS',
  'todo.enrollmentsToSend.body': 'Send them as a registration batch to BPJS Ketenagakerjaan.',
  'todo.batchesWaiting': 'Batches waiting for the BPJS answer',
  'todo.batchesWaiting.body': 'Registration batches not yet answered (KPJ per NIK, accepted or rejected).',
  'todo.batchesWaiting.bpjs': 'Registration batches waiting for your answer',
  'todo.batchesWaiting.bpjs.body':
    'Download the batch file, then upload the branch’s answer: KPJ per NIK, accepted or rejected.',
  'todo.proposalsWaiting': 'Your proposals waiting for Disnaker’s verification',
  'todo.proposalsWaiting.body': 'Nothing to do; Disnaker is checking these proposals.',
  'todo.proposalsRejected': 'Rejected proposals (last 30 days)',
  'todo.proposalsRejected.body': 'Read the reason, correct the worker’s data, then propose again.',
  'todo.lapseWarnings': 'Workers in arrears or about to lose protection',
  'todo.lapseWarnings.body': 'Contact them before their protection stops.',
  'todo.snapshotDue': 'This month’s participant snapshot is not uploaded yet',
  'todo.snapshotDue.body': 'Upload the latest BPJS participant list so coverage and lapse warnings stay right.',
  'todo.snapshotDue.last': 'Latest snapshot: {date}.',
  'todo.snapshotDue.never': 'No snapshot yet.',
  'todo.snapshotDue.done': 'This month’s participant snapshot is uploaded',
  'todo.snapshotDue.done.body': 'Latest snapshot: {date}. The next one is due early next month.',
  'todo.lockedUsers': 'Locked accounts',
  'todo.lockedUsers.body': 'Too many wrong passwords; unlock them or reset the password.',
  'todo.failedImports': 'Failed worker imports (last 30 days)',
  'todo.failedImports.body': 'See why and upload the corrected file again.',
  'todo.failedReports': 'Monthly reports that failed (last 30 days)',
  'todo.failedReports.body': 'Make the report again; if it fails again, contact the system admin.',

  'assessor.title': 'Paritrana assessment',
  'assessor.emptyTitle': 'The Paritrana assessment is not available yet',
  'assessor.emptyBody':
    'The Paritrana Award assessment module is being prepared. Once available, the assessment forms of the regencies and cities in your region and their ranking will appear on this page.',
};

export type ShellKey = keyof typeof id;
export type ShellT = ModuleT<ShellKey>;
export const useShellT = moduleText<ShellKey>({ id, en });
