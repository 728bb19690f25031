// Every audit action code written by the server, as a sentence in Indonesian and English, for the admin audit page
// and a worker's trail. server/platform/audit-actions.test.ts fails when the server writes a code missing here.
import type { Locale } from './locale.ts';

type Words = Readonly<Record<Locale, string>>;

export const AUDIT_ACTIONS = {
  // Sign-in and users
  'auth.login': { id: 'Masuk ke Lindung', en: 'Signed in to Lindung' },
  'auth.login_failed': {
    id: 'Gagal masuk: nama pengguna atau kata sandi salah',
    en: 'Sign-in failed: wrong username or password',
  },
  'auth.login_refused_locked': {
    id: 'Masuk ditolak karena akun sedang terkunci',
    en: 'Sign-in refused because the account is locked',
  },
  'auth.locked': {
    id: 'Akun dikunci sementara setelah terlalu banyak percobaan gagal',
    en: 'Account locked for a while after too many failed attempts',
  },
  'auth.logout': { id: 'Keluar dari Lindung', en: 'Signed out of Lindung' },
  'auth.login_delayed': {
    id: 'Masuk ditahan sebentar setelah beberapa kali gagal',
    en: 'Sign-in held back for a moment after several failures',
  },
  'user.create': { id: 'Akun pengguna dibuat', en: 'User account created' },
  'user.update': { id: 'Akun pengguna diubah', en: 'User account changed' },
  'user.update_password': { id: 'Kata sandi pengguna diganti', en: 'User password changed' },
  'user.preferences': { id: 'Preferensi pengguna (bahasa) diubah', en: 'User preferences (language) changed' },

  // Workers
  'worker.create': { id: 'Data pekerja dicatat', en: 'Worker recorded' },
  'worker.update': { id: 'Data diubah lewat formulir', en: 'Data changed through the form' },
  'worker.import': { id: 'Berkas pekerja diimpor', en: 'Worker file imported' },
  'worker.import_update': { id: 'Data pekerja diperbarui dari impor berkas', en: 'Worker updated by a file import' },
  'worker.generate': { id: 'Data contoh pekerja dibuat', en: 'Sample workers generated' },
  'worker.name_key_fill': {
    id: 'Kunci pencarian nama pekerja dilengkapi',
    en: 'Workers’ name search keys filled in',
  },
  'worker.merge': { id: 'Digabung dengan data duplikat', en: 'Merged with a duplicate' },
  'worker.merged': {
    id: 'Data ini digabung ke data lain sebagai duplikat',
    en: 'This record merged into another as a duplicate',
  },
  'worker.duplicate_dismiss': { id: 'Ditandai bukan duplikat', en: 'Marked as not a duplicate' },
  'worker.reveal_nik': { id: 'NIK lengkap dilihat', en: 'Full NIK viewed' },

  // Worker file imports
  'import.upload': { id: 'Berkas impor pekerja diunggah', en: 'Worker import file uploaded' },
  'import.mapping': { id: 'Pemetaan kolom berkas impor disimpan', en: 'Column mapping of an import file saved' },
  'import.dry_run': { id: 'Berkas impor diperiksa tanpa menyimpan', en: 'Import file checked without saving' },
  'import.commit_requested': { id: 'Impor berkas diminta untuk disimpan', en: 'Import file requested to be saved' },
  'import.cancel': { id: 'Impor berkas dibatalkan', en: 'Import file cancelled' },
  'import.report.export': { id: 'Laporan masalah impor diunduh', en: 'Import problem report downloaded' },
  'import.files.purge': {
    id: 'Berkas unggahan lama dihapus sesuai masa simpan',
    en: 'Old uploaded files deleted after their retention period',
  },
  'billing.lapse.export': {
    id: 'Daftar peringatan iuran diunduh (Excel)',
    en: 'Contribution warning list downloaded (Excel)',
  },
  'enrollment.kpj_from_bpjs': {
    id: 'KPJ dari snapshot BPJS diambil ke kepesertaan',
    en: 'KPJ taken from the BPJS snapshot onto the enrollment',
  },
  'exchange.village_check.request': {
    id: 'Desa diminta mengecek data peserta',
    en: 'Village asked to check a participant',
  },
  'exchange.village_check.answer': { id: 'Desa menjawab permintaan cek', en: 'Village answered a check request' },
  'exchange.simulator.response.export': {
    id: 'Berkas jawaban simulator BPJS diunduh',
    en: 'BPJS simulator answer file downloaded',
  },
  'worker.personal_data.export': {
    id: 'Data pribadi pekerja diunduh ("Data saya")',
    en: 'Worker\'s personal data downloaded ("Data saya")',
  },

  // Programmes and enrollment
  'program.create': { id: 'Program perlindungan dibuat', en: 'Protection programme created' },
  'program.update': { id: 'Program perlindungan diubah', en: 'Protection programme changed' },
  'enrollment.propose': { id: 'Pekerja diusulkan menjadi peserta program', en: 'Workers proposed for a programme' },
  'enrollment.verify': { id: 'Usulan kepesertaan diverifikasi', en: 'Enrollment proposals verified' },
  'enrollment.reject': { id: 'Usulan kepesertaan ditolak', en: 'Enrollment proposals rejected' },
  'enrollment.submit': { id: 'Kepesertaan dikirim ke BPJS dalam batch', en: 'Enrollments sent to BPJS in a batch' },
  'continuation.letter': {
    id: 'Surat ajakan melanjutkan kepesertaan mandiri dibuat',
    en: 'Letter inviting a person to continue self-paid membership made',
  },
  'election.roster_import': {
    id: 'Daftar petugas pemilu KPU/Bawaslu diunggah',
    en: 'Election officer roster from KPU/Bawaslu uploaded',
  },
  'enrollment.activate': { id: 'Kepesertaan diaktifkan dengan KPJ', en: 'Enrollments activated with a KPJ' },
  'enrollment.end': { id: 'Kepesertaan diakhiri', en: 'Enrollments ended' },
  'enrollment.wage_change': { id: 'Upah peserta PU diubah dari daftar gaji', en: 'PU wages changed from a roster' },
  'program.roster_accept': { id: 'Daftar gaji program PU diterima', en: 'PU programme payroll roster accepted' },
  'worker.roster_register': {
    id: 'Pekerja didaftarkan dari daftar gaji program PU',
    en: 'Workers registered from a PU programme payroll roster',
  },

  // Exchange with BPJS
  'exchange.template.save': { id: 'Templat kolom berkas BPJS disimpan', en: 'BPJS file column template saved' },
  'exchange.batch.export': {
    id: 'Berkas batch pendaftaran BPJS diunduh',
    en: 'BPJS registration batch file downloaded',
  },
  'exchange.response.apply': {
    id: 'Jawaban cabang BPJS diterapkan (KPJ dan tanggal mulai)',
    en: 'BPJS branch answer applied (KPJ and start date)',
  },
  'exchange.snapshot.import': { id: 'Snapshot peserta BPJS diimpor', en: 'BPJS membership snapshot imported' },
  'exchange.reconciliation.export': { id: 'Hasil rekonsiliasi diunduh', en: 'Reconciliation downloaded' },

  // Bills, payments, coverage
  'bill.generate': { id: 'Tagihan iuran program dibuat', en: 'Programme contribution bills generated' },
  'bill.payment': { id: 'Pembayaran tagihan dicatat', en: 'Bill payment recorded' },
  'coverage.check': { id: 'Status perlindungan seseorang diperiksa', en: 'A person’s protection checked' },
  'coverage.people.export': { id: 'Daftar peserta cakupan diunduh', en: 'Coverage participant list downloaded' },
  'coverage.refresh': { id: 'Angka cakupan dihitung ulang', en: 'Coverage figures recalculated' },

  // Rules, targets, reports
  'contribution_rule.seed': { id: 'Aturan iuran bawaan dimuat', en: 'Built-in contribution rules loaded' },
  'contribution_rule.create': { id: 'Aturan iuran ditambahkan', en: 'Contribution rule added' },
  'contribution_rule.close': { id: 'Aturan iuran ditutup masa berlakunya', en: 'Contribution rule closed' },
  'workforce.create': { id: 'Angka angkatan kerja ditambahkan', en: 'Workforce figure added' },
  'workforce.update': { id: 'Angka angkatan kerja diubah', en: 'Workforce figure changed' },
  'workforce.delete': { id: 'Angka angkatan kerja dihapus', en: 'Workforce figure deleted' },
  'workforce.import': { id: 'Berkas angka angkatan kerja diimpor', en: 'Workforce figures file imported' },
  'coverage_target.create': { id: 'Target cakupan ditambahkan', en: 'Coverage target added' },
  'coverage_target.update': { id: 'Target cakupan diubah', en: 'Coverage target changed' },
  'coverage_target.delete': { id: 'Target cakupan dihapus', en: 'Coverage target deleted' },
  'monthly_report.create': { id: 'Laporan bulanan diminta', en: 'Monthly report requested' },
  'monthly_report.complete': { id: 'Laporan bulanan selesai dibuat', en: 'Monthly report finished' },
  'monthly_report.download': { id: 'Laporan bulanan diunduh', en: 'Monthly report downloaded' },

  // Claims, heirs
  'claim.create': {
    id: 'Kematian/kecelakaan pekerja dilaporkan (klaim)',
    en: 'Worker death/accident reported (claim)',
  },
  'claim.export': { id: 'Daftar klaim diunduh', en: 'Claim list downloaded' },
  'claim.document.upload': { id: 'Dokumen klaim diunggah', en: 'Claim document uploaded' },
  'claim.document.download': { id: 'Dokumen klaim dibuka/diunduh', en: 'Claim document opened/downloaded' },
  'claim.document.remove': { id: 'Dokumen klaim dihapus', en: 'Claim document removed' },
  'claim.stage': { id: 'Tahap klaim diubah', en: 'Claim stage changed' },
  'claim.assign': { id: 'Penanggung jawab klaim diubah', en: 'Claim assignee changed' },
  'claim.receipt': { id: 'Konfirmasi penerimaan manfaat dicatat', en: 'Benefit receipt confirmation recorded' },
  'claim.holiday.add': { id: 'Hari libur layanan klaim ditambahkan', en: 'Claim service holiday added' },
  'claim.holiday.remove': { id: 'Hari libur layanan klaim dihapus', en: 'Claim service holiday removed' },
  'claim.sla.breach': { id: 'Klaim melewati batas layanan', en: 'Claim past its service level' },
  'claim.cover_letter': { id: 'Surat pengantar klaim ke BPJS diunduh', en: 'Claim cover letter to BPJS downloaded' },
  'claim.gap_list.check': { id: 'Daftar kejadian diperiksa kepesertaannya', en: 'Event list checked for coverage' },
  'claim.gap_list.import': {
    id: 'Daftar kejadian diimpor ke buku tak terlindungi',
    en: 'Event list imported to the gap ledger',
  },
  'claim.gap_entry.create': {
    id: 'Kejadian tak terlindungi dicatat dari daftar',
    en: 'Unprotected event entered from a list',
  },
  'claim.sla.report_breach': { id: 'Laporan tahap I JKK terlambat', en: 'JKK stage-I report late' },
  'claim.handover_file': { id: 'Berkas serah klaim ke BPJS diunduh', en: 'Claim hand-over file to BPJS downloaded' },
  'worker.household.update': { id: 'Nomor KK pekerja diubah', en: 'Worker family card number changed' },
  'worker.heir.add': { id: 'Ahli waris pekerja ditambahkan', en: 'Worker heir added' },
  'worker.heir.remove': { id: 'Ahli waris pekerja dihapus', en: 'Worker heir removed' },
  // Governance (issue 16).
  'governance.instrument.create': { id: 'Produk hukum/perjanjian dicatat', en: 'Legal instrument/agreement recorded' },
  'governance.instrument.update': { id: 'Produk hukum/perjanjian diubah', en: 'Legal instrument/agreement changed' },
  'governance.instrument.file': {
    id: 'Berkas bertanda tangan produk hukum diunggah',
    en: 'Signed file of a legal instrument uploaded',
  },
  'governance.instrument.download': {
    id: 'Berkas produk hukum dibuka/diunduh',
    en: 'Legal instrument file opened/downloaded',
  },
  'governance.agreement.expiry_alert': {
    id: 'Peringatan perjanjian segera berakhir',
    en: 'Agreement expiry alert raised',
  },
  'governance.organisation.create': { id: 'Organisasi/saluran ditambahkan', en: 'Organisation/channel added' },
  'governance.organisation.update': { id: 'Organisasi/saluran diubah', en: 'Organisation/channel changed' },
  'governance.member.set': { id: 'Organisasi pengguna ditetapkan', en: 'User organisation set' },
  'governance.plan.create': { id: 'Rencana kerja bersama dicatat', en: 'Joint work plan recorded' },
  'governance.item.create': { id: 'Rencana aksi ditambahkan', en: 'Action item added' },
  'governance.item.update': { id: 'Rencana aksi diubah', en: 'Action item changed' },
  'governance.progress.compute': { id: 'Kemajuan rencana aksi dihitung', en: 'Action item progress computed' },
  'governance.progress.request': { id: 'Hitung ulang kemajuan diminta', en: 'Progress recomputation requested' },
  'governance.meeting.create': { id: 'Rapat dicatat', en: 'Meeting recorded' },
  'governance.meeting.minutes': { id: 'Notulen rapat diunggah', en: 'Meeting minutes uploaded' },
  'governance.meeting.minutes_download': {
    id: 'Notulen rapat dibuka/diunduh',
    en: 'Meeting minutes opened/downloaded',
  },
  'governance.decision.promote': {
    id: 'Keputusan rapat dijadikan rencana aksi',
    en: 'Meeting decision turned into an action item',
  },
  'governance.league.export': { id: 'Peringkat saluran diunduh', en: 'Channel league table downloaded' },
  'employer.import': {
    id: 'Daftar pemberi kerja dari perizinan diimpor',
    en: 'Licensing-office employer list imported',
  },
  'employer.snapshot.import': {
    id: 'Snapshot pemberi kerja cabang BPJS diimpor',
    en: 'BPJS branch employer snapshot imported',
  },
  'employer.compliance_check': { id: 'Kepatuhan pemberi kerja diperiksa', en: 'Employer compliance checked' },
  'employer.warning': { id: 'Peringatan tertulis pemberi kerja dicatat', en: 'Employer written warning recorded' },
  'employer.sanction_letter': {
    id: 'Surat permintaan sanksi pemberi kerja dibuat',
    en: 'Employer sanction request letter made',
  },
  'project.create': { id: 'Proyek konstruksi APBD didaftarkan', en: 'APBD construction project registered' },
  'project.certificate': { id: 'Sertifikat Jakon proyek dicatat', en: 'Project Jakon certificate recorded' },
  'project.ready': { id: 'Proyek ditandai siap mulai', en: 'Project marked ready to start' },
  'project.worker.attach': { id: 'Pekerja ditambahkan ke proyek', en: 'Worker added to project' },
  'project.jakon_basis': { id: 'Dasar iuran Jakon proyek dipilih', en: 'Project Jakon contribution basis chosen' },
  // Village collection loop (issue 19)
  'collection_target.create': {
    id: 'Target pengumpulan dibuat dan kuotanya dibagi ke desa',
    en: 'Collection target created and its quota split across villages',
  },
  'collection_list.import': {
    id: 'Daftar calon dari data kemiskinan diimpor',
    en: 'Candidate list imported from poverty data',
  },
  'collection_candidate.create': {
    id: 'Calon dari daftar kemiskinan dicatat',
    en: 'Candidate from a poverty list recorded',
  },
  'collection_visit.create': { id: 'Hasil kunjungan calon dicatat', en: 'Candidate visit outcome recorded' },
  'collection_device.register': { id: 'Perangkat lapangan didaftarkan', en: 'Field device registered' },
  'collection_device.revoke': { id: 'Perangkat lapangan dicabut', en: 'Field device revoked' },
  'claim.benefit_rule.add': { id: 'Baris aturan manfaat ditambahkan', en: 'Benefit rule row added' },
  'assessment.framework.update': { id: 'Draf kerangka Paritrana diubah', en: 'Paritrana framework draft changed' },
  'assessment.framework.publish': { id: 'Kerangka Paritrana diterbitkan', en: 'Paritrana framework published' },
  'assessment.framework.copy': { id: 'Kerangka Paritrana disalin', en: 'Paritrana framework copied' },
  'assessment.open': { id: 'Penilaian mandiri Paritrana dibuka', en: 'Paritrana self-assessment opened' },
  'assessment.prepare': { id: 'Angka penilaian mandiri disiapkan', en: 'Self-assessment figures prepared' },
  'assessment.manual': { id: 'Angka manual penilaian mandiri diisi', en: 'Self-assessment manual figure entered' },
  'assessment.narrative': { id: 'Narasi penilaian mandiri diubah', en: 'Self-assessment narrative changed' },
  'assessment.evidence.upload': { id: 'Bukti penilaian diunggah', en: 'Assessment evidence uploaded' },
  'assessment.evidence.download': { id: 'Bukti penilaian diunduh', en: 'Assessment evidence downloaded' },
  'assessment.evidence.register': {
    id: 'Instrumen dari register dilampirkan sebagai bukti penilaian',
    en: 'Register instrument attached as assessment evidence',
  },
  'assessment.evidence.remove': { id: 'Bukti penilaian dihapus', en: 'Assessment evidence removed' },
  'assessment.submit': { id: 'Penilaian mandiri disetujui dan dikirim', en: 'Self-assessment approved and submitted' },
  'assessment.export': { id: 'Paket bukti penilaian diunduh', en: 'Assessment evidence pack downloaded' },
  'assessment.score': { id: 'Nilai asesor dicatat', en: 'Assessor score recorded' },
  'assessment.comment': { id: 'Komentar tim penilai ditambahkan', en: 'Assessment team comment added' },
  'assessment.ranking_export': {
    id: 'Peringkat Paritrana provinsi diunduh',
    en: 'Provincial Paritrana ranking downloaded',
  },
} as const satisfies Readonly<Record<string, Words>>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isKnownAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, code);
}

/** The sentence for an audit action; an unknown code (written by a newer version) is shown as it is. */
export function auditActionWords(code: string, locale: Locale): string {
  return isKnownAuditAction(code) ? AUDIT_ACTIONS[code][locale] : code;
}
