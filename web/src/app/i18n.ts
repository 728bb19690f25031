// The UI dictionary: Indonesian first (the default), English second. Every visible string goes through `t()`.
// Server messages arrive already localised (x-lindung-locale) and are shown verbatim, never through here.
import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { NavKey } from '../../../lib/access/navigation.ts';
import type { Role } from '../../../lib/access/roles.ts';
import { DEFAULT_LOCALE, interpolate, LOCALES, type Locale } from '../../../lib/i18n/locale.ts';
import { setApiLocale } from './api.ts';

const id = {
  'app.name': 'Lindung',
  'app.tagline':
    'Jaminan sosial ketenagakerjaan untuk pekerja rentan, dikelola bersama Pemda dan BPJS Ketenagakerjaan.',
  'app.loading': 'Memuat…',
  'app.skipToContent': 'Langsung ke isi',
  'app.retry': 'Coba lagi',
  'app.cancel': 'Batal',
  'app.close': 'Tutup',
  'app.back': 'Kembali',
  'app.unknownError': 'Terjadi kesalahan yang tidak terduga. Muat ulang halaman lalu coba lagi.',
  'app.networkError': 'Server Lindung tidak dapat dihubungi. Periksa sambungan internet Anda lalu coba lagi.',
  'app.notFound.title': 'Halaman tidak ditemukan',
  'app.notFound.body': 'Alamat ini tidak ada di Lindung. Periksa alamatnya atau kembali ke Beranda.',
  'app.notFound.home': 'Ke Beranda',
  'app.forbidden.title': 'Tidak ada akses',
  'app.forbidden.body': 'Peran Anda tidak dapat membuka halaman ini. Hubungi admin Lindung bila Anda memerlukannya.',

  'lang.group': 'Pilih bahasa',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',
  'lang.saveFailed': 'Pilihan bahasa belum tersimpan di akun Anda',

  'footer.regionData': 'Data wilayah: idn-area-data (Kemendagri),',
  'footer.license': 'lisensi ODbL',
  'footer.apiDocs': 'Dokumentasi API',
  'footer.nav': 'Tautan kaki halaman',

  'header.menu': 'Buka atau tutup menu',
  'header.signOut': 'Keluar',
  'header.signedInAs': 'Masuk sebagai',
  'header.home': 'Lindung, ke Beranda',
  'nav.label': 'Menu utama',
  'nav.soon': 'segera',
  'nav.soonHint': 'Modul ini sedang disiapkan dan segera hadir.',

  'nav.home': 'Beranda',
  'nav.workers': 'Pekerja',
  'nav.proposals': 'Usulan Kepesertaan',
  'nav.lapseWarnings': 'Peringatan Iuran',
  'nav.claims': 'Klaim',
  'nav.programs': 'Program Perlindungan',
  'nav.verification': 'Verifikasi',
  'nav.exchange': 'Pertukaran Data BPJS',
  'nav.billing': 'Tagihan & Pembayaran',
  'nav.coverage': 'Cakupan',
  'nav.governance': 'Regulasi & Rencana Kerja',
  'nav.paritrana': 'Paritrana',
  'nav.reports': 'Laporan',
  'nav.membership': 'Kepesertaan',
  'nav.snapshots': 'Snapshot Peserta',
  'nav.reconciliation': 'Rekonsiliasi',
  'nav.leaderDashboard': 'Dasbor Pimpinan',
  'nav.budget': 'Anggaran',
  'nav.assessment': 'Penilaian Paritrana',
  'nav.ranking': 'Peringkat Kab/Kota',
  'nav.users': 'Pengguna',
  'nav.regions': 'Wilayah',
  'nav.contributionRules': 'Aturan Iuran',
  'nav.audit': 'Audit',
  'nav.system': 'Sistem',
  'nav.calculator': 'Kalkulator Iuran',

  'role.admin': 'Admin',
  'role.disnaker': 'Disnaker',
  'role.operator': 'Operator Desa/Kelurahan',
  'role.bpjs': 'BPJS Ketenagakerjaan',
  'role.pimpinan': 'Pimpinan Daerah',
  'role.asesor': 'Asesor Paritrana',

  'level.province': 'Provinsi',
  'level.regency': 'Kabupaten/Kota',
  'level.district': 'Kecamatan',
  'level.village': 'Desa/Kelurahan',

  'signIn.title': 'Masuk ke Lindung',
  'signIn.username': 'Nama pengguna',
  'signIn.password': 'Kata sandi',
  'signIn.submit': 'Masuk',
  'signIn.required': 'Isi nama pengguna dan kata sandi.',
  'signIn.help': 'Lupa kata sandi? Hubungi admin Lindung di Disnaker kabupaten/kota Anda.',
  'signIn.errorTitle': 'Belum bisa masuk',

  'home.title': 'Beranda',
  'home.welcome': 'Selamat datang, {name}',
  'home.role': 'Peran',
  'home.region': 'Wilayah kerja',
  'home.intro': 'Lindung membantu Pemda dan BPJS Ketenagakerjaan melindungi pekerja rentan di wilayah Anda.',
  'home.soon': 'Modul lain di menu (ditandai “segera”) sedang disiapkan dan akan muncul di sini.',
  'home.quickLinks': 'Pintasan',
  'home.usersLink': 'Kelola akun petugas di wilayah Anda.',
  'home.auditLink': 'Lihat siapa mengubah apa, dan kapan.',

  'ui.loading': 'Memuat data…',
  'ui.showing': 'Menampilkan {from}–{to} dari {total}',
  'ui.pagination': 'Halaman',
  'ui.page': 'Halaman {page}',
  'ui.firstPage': 'Halaman pertama',
  'ui.prevPage': 'Halaman sebelumnya',
  'ui.nextPage': 'Halaman berikutnya',
  'ui.lastPage': 'Halaman terakhir',
  'ui.errorTitle': 'Terjadi kesalahan',
  'ui.requestId': 'Kode permintaan: {id}',
  'ui.expand': 'Lihat rincian',
  'ui.collapse': 'Tutup rincian',
  'ui.clearFilters': 'Hapus filter',
  'ui.noMatch': 'Tidak ada yang cocok',
  'ui.none': '—',

  'users.title': 'Pengguna',
  'users.description': 'Akun petugas di wilayah kerja Anda: {region}.',
  'users.add': 'Tambah pengguna',
  'users.search': 'Cari pengguna',
  'users.searchPlaceholder': 'Nama atau nama pengguna',
  'users.filterRole': 'Filter peran',
  'users.filterStatus': 'Filter status',
  'users.allRoles': 'Semua peran',
  'users.allStatuses': 'Semua status',
  'users.table': 'Daftar pengguna',
  'users.col.username': 'Nama pengguna',
  'users.col.name': 'Nama',
  'users.col.role': 'Peran',
  'users.col.region': 'Wilayah',
  'users.col.status': 'Status',
  'users.col.actions': 'Tindakan',
  'users.status.active': 'Aktif',
  'users.status.inactive': 'Nonaktif',
  'users.status.locked': 'Terkunci',
  'users.lockedUntil': 'Terkunci sampai {time}',
  'users.edit': 'Ubah',
  'users.editAria': 'Ubah {username}',
  'users.deactivate': 'Nonaktifkan',
  'users.deactivateAria': 'Nonaktifkan {username}',
  'users.activate': 'Aktifkan',
  'users.activateAria': 'Aktifkan {username}',
  'users.you': 'Anda',
  'users.notYours': 'Peran pengguna ini lebih tinggi dari peran Anda.',
  'users.empty.title': 'Belum ada pengguna',
  'users.empty.body': 'Belum ada pengguna lain di wilayah ini. Tambah petugas dengan tombol “Tambah pengguna”.',
  'users.emptyFiltered.title': 'Tidak ada yang cocok',
  'users.emptyFiltered.body':
    'Tidak ada pengguna yang cocok dengan pencarian atau filter. Ubah kata kunci atau hapus filter.',
  'users.confirm.title': 'Nonaktifkan pengguna?',
  'users.confirm.body':
    '{name} ({username}) tidak akan bisa masuk lagi sampai akunnya diaktifkan kembali. Riwayat dan jejak auditnya tetap tersimpan.',
  'users.confirm.submit': 'Nonaktifkan',
  'users.deactivated': 'Pengguna {username} dinonaktifkan',
  'users.activated': 'Pengguna {username} diaktifkan kembali',
  'users.created': 'Pengguna {username} dibuat',
  'users.updated': 'Perubahan pada {username} disimpan',

  'userForm.createTitle': 'Tambah pengguna',
  'userForm.createDescription':
    'Buat akun untuk petugas di wilayah kerja Anda. Semua isian wajib diisi. Sampaikan kata sandi awal secara langsung, bukan lewat grup obrolan.',
  'userForm.editTitle': 'Ubah pengguna {username}',
  'userForm.editDescription': 'Perubahan peran, wilayah, atau kata sandi membuat pengguna ini harus masuk ulang.',
  'userForm.account': 'Akun',
  'userForm.access': 'Peran dan wilayah kerja',
  'userForm.username': 'Nama pengguna',
  'userForm.usernameHint': '3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung, misalnya operator.trirenggo',
  'userForm.displayName': 'Nama lengkap',
  'userForm.password': 'Kata sandi',
  'userForm.passwordHint': 'Minimal 10 karakter. Kalimat pendek yang mudah diingat lebih aman daripada simbol acak.',
  'userForm.newPassword': 'Kata sandi baru',
  'userForm.newPasswordHint': 'Kosongkan bila tidak diganti. Minimal 10 karakter; pengguna harus masuk ulang.',
  'userForm.role': 'Peran',
  'userForm.roleHint': 'Hanya peran yang setara atau di bawah peran Anda.',
  'userForm.language': 'Bahasa pengguna',
  'userForm.active': 'Akun aktif',
  'userForm.activeHint': 'Akun nonaktif tidak dapat masuk. Mengaktifkan kembali juga membuka akun yang terkunci.',
  'userForm.create': 'Buat pengguna',
  'userForm.save': 'Simpan perubahan',
  'userForm.errorTitle': 'Pengguna belum tersimpan',
  'userForm.noChanges': 'Belum ada yang diubah.',
  'userForm.required': 'Wajib diisi',
  'userForm.createdAt': 'Dibuat {date}',

  'region.legend': 'Wilayah kerja',
  'region.hint':
    'Pilih sampai tingkat wilayah kerja pengguna. Berhenti di Kabupaten/Kota untuk petugas tingkat kabupaten, di Desa/Kelurahan untuk operator desa.',
  'region.selected': 'Wilayah terpilih: {label}',
  'region.national': 'Seluruh Indonesia',
  'region.choose': 'Pilih {level}',
  'region.all': 'Semua {level}',
  'region.none': 'Tidak ada data',
  'region.clear': 'Kosongkan pilihan',
  'region.quickFind': 'Cari wilayah',
  'region.quickFindHint': 'Ketik minimal 2 huruf nama desa, kecamatan, atau kabupaten.',
  'region.quickFindPlaceholder': 'Misalnya Trirenggo',
  'region.noMatch': 'Tidak ada wilayah dengan nama itu di wilayah kerja Anda.',

  'regions.title': 'Wilayah',
  'regions.description': 'Kode dan nama wilayah Kemendagri yang dipakai Lindung, dari provinsi sampai desa/kelurahan.',
  'regions.breadcrumbs': 'Lokasi dalam daftar wilayah',
  'regions.root': 'Indonesia',
  'regions.stats': 'Jumlah wilayah',
  'regions.search': 'Cari wilayah',
  'regions.searchPlaceholder': 'Nama wilayah, minimal 2 huruf',
  'regions.searchResults': 'Hasil pencarian “{q}”',
  'regions.children': 'Daftar {level}',
  'regions.col.code': 'Kode',
  'regions.col.name': 'Nama',
  'regions.col.level': 'Tingkat',
  'regions.col.validFrom': 'Berlaku sejak',
  'regions.open': 'Buka {name}',
  'regions.emptyChildren': 'Wilayah ini tidak memiliki wilayah di bawahnya.',
  'regions.emptySearch': 'Tidak ada wilayah yang cocok. Periksa ejaan atau coba sebagian nama saja.',
  'regions.villageLeaf': 'Desa/kelurahan adalah tingkat terendah.',

  'audit.title': 'Audit',
  'audit.description':
    'Jejak setiap perubahan data di wilayah kerja Anda. Jejak audit tidak dapat diubah atau dihapus.',
  'audit.filterActor': 'Pelaku',
  'audit.filterActorPlaceholder': 'Nama pengguna, misalnya admin.bantul',
  'audit.filterAction': 'Awalan tindakan',
  'audit.filterActionPlaceholder': 'Misalnya user. atau auth.',
  'audit.filterFrom': 'Dari tanggal',
  'audit.filterTo': 'Sampai tanggal',
  'audit.table': 'Jejak audit',
  'audit.col.at': 'Waktu (WIB)',
  'audit.col.actor': 'Pelaku',
  'audit.col.role': 'Peran',
  'audit.col.action': 'Tindakan',
  'audit.col.entity': 'Entitas',
  'audit.col.entityId': 'ID entitas',
  'audit.col.region': 'Wilayah',
  'audit.before': 'Sebelum',
  'audit.after': 'Sesudah',
  'audit.requestId': 'Kode permintaan',
  'audit.ip': 'Alamat IP',
  'audit.system': 'sistem',
  'audit.empty.title': 'Belum ada catatan audit',
  'audit.empty.body':
    'Catatan muncul di sini setiap kali ada yang masuk, menambah, atau mengubah data di wilayah Anda.',
  'audit.emptyFiltered.body': 'Tidak ada catatan yang cocok dengan filter. Perluas rentang tanggal atau hapus filter.',

  'system.title': 'Sistem',
  'system.description': 'Keadaan layanan Lindung dan data acuannya.',
  'system.health': 'Status layanan',
  'system.service': 'Layanan web',
  'system.database': 'Basis data',
  'system.ok': 'Baik',
  'system.down': 'Bermasalah',
  'system.checkedAt': 'Diperiksa {time}',
  'system.check': 'Periksa lagi',
  'system.regions': 'Data wilayah',
  'system.apiDocs': 'Dokumentasi API',
  'system.apiDocsBody': 'Daftar lengkap layanan API Lindung (OpenAPI) untuk integrasi dengan sistem lain.',
  'system.openDocs': 'Buka dokumentasi API',
  'system.openapi': 'Unduh openapi.json',
} as const;

export type MessageKey = keyof typeof id;

// Compile-time checks: every menu item and every role has a label.
const _navComplete: Record<`nav.${NavKey}`, string> = id;
const _rolesComplete: Record<`role.${Role}`, string> = id;
void _navComplete;
void _rolesComplete;

const en: Record<MessageKey, string> = {
  'app.name': 'Lindung',
  'app.tagline':
    'Employment social security for vulnerable workers, run together by local governments and BPJS Ketenagakerjaan.',
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to content',
  'app.retry': 'Try again',
  'app.cancel': 'Cancel',
  'app.close': 'Close',
  'app.back': 'Back',
  'app.unknownError': 'An unexpected error occurred. Reload the page and try again.',
  'app.networkError': 'The Lindung server cannot be reached. Check your internet connection and try again.',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'This address does not exist in Lindung. Check it or go back to Home.',
  'app.notFound.home': 'Go to Home',
  'app.forbidden.title': 'No access',
  'app.forbidden.body': 'Your role cannot open this page. Contact your Lindung administrator if you need it.',

  'lang.group': 'Choose language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',
  'lang.saveFailed': 'The language choice was not saved to your account',

  'footer.regionData': 'Region data: idn-area-data (Kemendagri),',
  'footer.license': 'ODbL licence',
  'footer.apiDocs': 'API documentation',
  'footer.nav': 'Footer links',

  'header.menu': 'Open or close the menu',
  'header.signOut': 'Sign out',
  'header.signedInAs': 'Signed in as',
  'header.home': 'Lindung, go to Home',
  'nav.label': 'Main menu',
  'nav.soon': 'soon',
  'nav.soonHint': 'This module is being prepared and is coming soon.',

  'nav.home': 'Home',
  'nav.workers': 'Workers',
  'nav.proposals': 'Enrolment Proposals',
  'nav.lapseWarnings': 'Contribution Alerts',
  'nav.claims': 'Claims',
  'nav.programs': 'Protection Programmes',
  'nav.verification': 'Verification',
  'nav.exchange': 'BPJS Data Exchange',
  'nav.billing': 'Billing & Payments',
  'nav.coverage': 'Coverage',
  'nav.governance': 'Regulations & Work Plans',
  'nav.paritrana': 'Paritrana',
  'nav.reports': 'Reports',
  'nav.membership': 'Membership',
  'nav.snapshots': 'Participant Snapshots',
  'nav.reconciliation': 'Reconciliation',
  'nav.leaderDashboard': 'Leadership Dashboard',
  'nav.budget': 'Budget',
  'nav.assessment': 'Paritrana Assessment',
  'nav.ranking': 'Regency/City Ranking',
  'nav.users': 'Users',
  'nav.regions': 'Regions',
  'nav.contributionRules': 'Contribution Rules',
  'nav.audit': 'Audit',
  'nav.system': 'System',
  'nav.calculator': 'Contribution Calculator',

  'role.admin': 'Administrator',
  'role.disnaker': 'Manpower Office (Disnaker)',
  'role.operator': 'Village Operator',
  'role.bpjs': 'BPJS Ketenagakerjaan Officer',
  'role.pimpinan': 'Regional Leader',
  'role.asesor': 'Paritrana Assessor',

  'level.province': 'Province',
  'level.regency': 'Regency/City',
  'level.district': 'District',
  'level.village': 'Village',

  'signIn.title': 'Sign in to Lindung',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.required': 'Enter your username and password.',
  'signIn.help': 'Forgot your password? Contact the Lindung administrator at your regency/city manpower office.',
  'signIn.errorTitle': 'Could not sign in',

  'home.title': 'Home',
  'home.welcome': 'Welcome, {name}',
  'home.role': 'Role',
  'home.region': 'Working region',
  'home.intro': 'Lindung helps local governments and BPJS Ketenagakerjaan protect vulnerable workers in your region.',
  'home.soon': 'Other modules in the menu (marked “soon”) are being prepared and will appear here.',
  'home.quickLinks': 'Shortcuts',
  'home.usersLink': 'Manage staff accounts in your region.',
  'home.auditLink': 'See who changed what, and when.',

  'ui.loading': 'Loading data…',
  'ui.showing': 'Showing {from}–{to} of {total}',
  'ui.pagination': 'Pages',
  'ui.page': 'Page {page}',
  'ui.firstPage': 'First page',
  'ui.prevPage': 'Previous page',
  'ui.nextPage': 'Next page',
  'ui.lastPage': 'Last page',
  'ui.errorTitle': 'Something went wrong',
  'ui.requestId': 'Request id: {id}',
  'ui.expand': 'Show details',
  'ui.collapse': 'Hide details',
  'ui.clearFilters': 'Clear filters',
  'ui.noMatch': 'Nothing matches',
  'ui.none': '—',

  'users.title': 'Users',
  'users.description': 'Staff accounts in your working region: {region}.',
  'users.add': 'Add user',
  'users.search': 'Search users',
  'users.searchPlaceholder': 'Name or username',
  'users.filterRole': 'Filter by role',
  'users.filterStatus': 'Filter by status',
  'users.allRoles': 'All roles',
  'users.allStatuses': 'All statuses',
  'users.table': 'Users',
  'users.col.username': 'Username',
  'users.col.name': 'Name',
  'users.col.role': 'Role',
  'users.col.region': 'Region',
  'users.col.status': 'Status',
  'users.col.actions': 'Actions',
  'users.status.active': 'Active',
  'users.status.inactive': 'Inactive',
  'users.status.locked': 'Locked',
  'users.lockedUntil': 'Locked until {time}',
  'users.edit': 'Edit',
  'users.editAria': 'Edit {username}',
  'users.deactivate': 'Deactivate',
  'users.deactivateAria': 'Deactivate {username}',
  'users.activate': 'Activate',
  'users.activateAria': 'Activate {username}',
  'users.you': 'You',
  'users.notYours': 'This user’s role is higher than yours.',
  'users.empty.title': 'No users yet',
  'users.empty.body': 'There are no other users in this region yet. Add staff with the “Add user” button.',
  'users.emptyFiltered.title': 'Nothing matches',
  'users.emptyFiltered.body': 'No user matches the search or filters. Change the search words or clear the filters.',
  'users.confirm.title': 'Deactivate user?',
  'users.confirm.body':
    '{name} ({username}) will not be able to sign in until the account is activated again. Their history and audit trail are kept.',
  'users.confirm.submit': 'Deactivate',
  'users.deactivated': 'User {username} deactivated',
  'users.activated': 'User {username} activated again',
  'users.created': 'User {username} created',
  'users.updated': 'Changes to {username} saved',

  'userForm.createTitle': 'Add user',
  'userForm.createDescription':
    'Create an account for staff in your working region. All fields are required. Hand over the first password in person, not in a chat group.',
  'userForm.editTitle': 'Edit user {username}',
  'userForm.editDescription': 'Changing the role, region or password makes this user sign in again.',
  'userForm.account': 'Account',
  'userForm.access': 'Role and working region',
  'userForm.username': 'Username',
  'userForm.usernameHint': '3–40 lowercase letters, digits, dots, underscores or hyphens, e.g. operator.trirenggo',
  'userForm.displayName': 'Full name',
  'userForm.password': 'Password',
  'userForm.passwordHint': 'At least 10 characters. A short memorable sentence is safer than random symbols.',
  'userForm.newPassword': 'New password',
  'userForm.newPasswordHint': 'Leave empty to keep it. At least 10 characters; the user must sign in again.',
  'userForm.role': 'Role',
  'userForm.roleHint': 'Only roles equal to or below your own.',
  'userForm.language': 'User language',
  'userForm.active': 'Account active',
  'userForm.activeHint': 'An inactive account cannot sign in. Activating again also unlocks a locked account.',
  'userForm.create': 'Create user',
  'userForm.save': 'Save changes',
  'userForm.errorTitle': 'The user was not saved',
  'userForm.noChanges': 'Nothing has been changed yet.',
  'userForm.required': 'Required',
  'userForm.createdAt': 'Created {date}',

  'region.legend': 'Working region',
  'region.hint':
    'Choose down to the user’s working level. Stop at Regency/City for regency staff, at Village for a village operator.',
  'region.selected': 'Selected region: {label}',
  'region.national': 'All of Indonesia',
  'region.choose': 'Choose {level}',
  'region.all': 'All {level}',
  'region.none': 'No data',
  'region.clear': 'Clear the choice',
  'region.quickFind': 'Find a region',
  'region.quickFindHint': 'Type at least 2 letters of a village, district or regency name.',
  'region.quickFindPlaceholder': 'For example Trirenggo',
  'region.noMatch': 'No region with that name in your working region.',

  'regions.title': 'Regions',
  'regions.description': 'Kemendagri region codes and names used by Lindung, from province down to village.',
  'regions.breadcrumbs': 'Position in the region list',
  'regions.root': 'Indonesia',
  'regions.stats': 'Number of regions',
  'regions.search': 'Search regions',
  'regions.searchPlaceholder': 'Region name, at least 2 letters',
  'regions.searchResults': 'Results for “{q}”',
  'regions.children': '{level} list',
  'regions.col.code': 'Code',
  'regions.col.name': 'Name',
  'regions.col.level': 'Level',
  'regions.col.validFrom': 'Valid from',
  'regions.open': 'Open {name}',
  'regions.emptyChildren': 'This region has no regions below it.',
  'regions.emptySearch': 'No region matches. Check the spelling or try part of the name.',
  'regions.villageLeaf': 'Villages are the lowest level.',

  'audit.title': 'Audit',
  'audit.description':
    'The trail of every data change in your working region. Audit entries cannot be changed or deleted.',
  'audit.filterActor': 'Actor',
  'audit.filterActorPlaceholder': 'Username, e.g. admin.bantul',
  'audit.filterAction': 'Action prefix',
  'audit.filterActionPlaceholder': 'E.g. user. or auth.',
  'audit.filterFrom': 'From date',
  'audit.filterTo': 'To date',
  'audit.table': 'Audit trail',
  'audit.col.at': 'Time (WIB)',
  'audit.col.actor': 'Actor',
  'audit.col.role': 'Role',
  'audit.col.action': 'Action',
  'audit.col.entity': 'Entity',
  'audit.col.entityId': 'Entity id',
  'audit.col.region': 'Region',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.requestId': 'Request id',
  'audit.ip': 'IP address',
  'audit.system': 'system',
  'audit.empty.title': 'No audit entries yet',
  'audit.empty.body': 'Entries appear here whenever someone signs in, adds or changes data in your region.',
  'audit.emptyFiltered.body': 'No entry matches the filters. Widen the date range or clear the filters.',

  'system.title': 'System',
  'system.description': 'The state of the Lindung service and its reference data.',
  'system.health': 'Service status',
  'system.service': 'Web service',
  'system.database': 'Database',
  'system.ok': 'OK',
  'system.down': 'Failing',
  'system.checkedAt': 'Checked {time}',
  'system.check': 'Check again',
  'system.regions': 'Region data',
  'system.apiDocs': 'API documentation',
  'system.apiDocsBody': 'The full list of Lindung API services (OpenAPI) for integration with other systems.',
  'system.openDocs': 'Open API documentation',
  'system.openapi': 'Download openapi.json',
};

const DICTIONARIES: Readonly<Record<Locale, Record<MessageKey, string>>> = { id, en };

export type TParams = Readonly<Record<string, string | number>>;
export type T = (key: MessageKey, params?: TParams) => string;

/** Translation outside React (e.g. the api client's network error). */
export function translate(locale: Locale, key: MessageKey, params?: TParams): string {
  return interpolate(DICTIONARIES[locale][key], params);
}

// The choice is kept per browser; its presence means the person chose explicitly (see LocaleSync).
const STORAGE_KEY = 'lindung.locale';

export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
  } catch {
    return null;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

type I18nValue = {
  locale: Locale;
  /** `remember` keeps the choice in localStorage (an explicit choice); false only follows the account's setting. */
  setLocale: (locale: Locale, options?: { remember?: boolean }) => void;
  t: T;
};

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? DEFAULT_LOCALE);

  // Set synchronously so that the very first API calls already carry the header.
  setApiLocale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale, options?: { remember?: boolean }) => {
    if (options?.remember ?? true) storeLocale(next);
    setApiLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() outside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): T {
  return useI18n().t;
}

export function useLocale(): [Locale, I18nValue['setLocale']] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}
