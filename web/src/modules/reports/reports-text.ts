// The words of the reports module, Indonesian first (the default) and English with exactly the same keys. Each web
// module keeps its words here, in `<module>-text.ts`; the shell's own words are in app/shell-text.ts.
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'reports.title': 'Laporan Bulanan',
  'reports.description':
    'Laporan Bulanan Jaminan Sosial Ketenagakerjaan Daerah (PDF dan XLSX): cakupan, target dan capaian, grafik, tabel per kecamatan, program dan anggaran dengan terbilang. Dibuat otomatis tiap tanggal 1 untuk bulan sebelumnya, atau kapan saja di sini.',
  'reports.create.title': 'Buat laporan',
  'reports.month': 'Bulan laporan',
  'reports.monthHelp': 'Format yyyy-mm, mis. 2026-10',
  'reports.submit': 'Buat laporan',
  'reports.running': 'Menyusun laporan {month}: {percent}%',
  'reports.progressLabel': 'Progres penyusunan laporan',
  'reports.timeLeft': 'sekitar {seconds} detik lagi',
  'reports.done': 'Laporan {month} selesai. Unduh di riwayat di bawah.',
  'reports.failed': 'Laporan gagal disusun: {error}',
  'reports.history': 'Riwayat laporan',
  'reports.col.month': 'Bulan',
  'reports.col.region': 'Wilayah',
  'reports.col.trigger': 'Dibuat',
  'reports.col.status': 'Status',
  'reports.col.files': 'Unduh',
  'reports.trigger.manual': 'Atas permintaan {by}',
  'reports.trigger.schedule': 'Terjadwal',
  'reports.status.queued': 'Menunggu',
  'reports.status.running': 'Disusun {percent}%',
  'reports.status.done': 'Selesai',
  'reports.status.failed': 'Gagal',
  'reports.download': 'Unduh {format} laporan {month}',
  'reports.size': '{kb} KB · SHA-256 {sha}',
  'reports.empty.title': 'Belum ada laporan',
  'reports.empty.body':
    'Laporan terjadwal dibuat tiap tanggal 1 bila wilayah punya angka angkatan kerja atau target. Buat laporan pertama dengan formulir di atas.',
} as const;

export type ReportsKey = keyof typeof id;

const en: Readonly<Record<ReportsKey, string>> = {
  'reports.title': 'Monthly Reports',
  'reports.description':
    'The regional monthly employment social security report (PDF and XLSX): coverage, targets and progress, charts, a table per district, programmes and budget with amounts in words. Made automatically on the 1st for the previous month, or any time here.',
  'reports.create.title': 'Make a report',
  'reports.month': 'Report month',
  'reports.monthHelp': 'Format yyyy-mm, e.g. 2026-10',
  'reports.submit': 'Make report',
  'reports.running': 'Making the {month} report: {percent}%',
  'reports.progressLabel': 'Report progress',
  'reports.timeLeft': 'about {seconds} seconds left',
  'reports.done': 'The {month} report is ready. Download it from the history below.',
  'reports.failed': 'The report failed: {error}',
  'reports.history': 'Report history',
  'reports.col.month': 'Month',
  'reports.col.region': 'Region',
  'reports.col.trigger': 'Made',
  'reports.col.status': 'Status',
  'reports.col.files': 'Download',
  'reports.trigger.manual': 'Requested by {by}',
  'reports.trigger.schedule': 'Scheduled',
  'reports.status.queued': 'Waiting',
  'reports.status.running': 'Running {percent}%',
  'reports.status.done': 'Done',
  'reports.status.failed': 'Failed',
  'reports.download': 'Download the {format} of the {month} report',
  'reports.size': '{kb} KB · SHA-256 {sha}',
  'reports.empty.title': 'No reports yet',
  'reports.empty.body':
    'Scheduled reports are made on the 1st when the region has workforce figures or targets. Make the first one with the form above.',
};

export type ReportsT = ModuleT<ReportsKey>;
export const useReportsText = moduleText<ReportsKey>({ id, en });
