// The security page's words (issue 13), Indonesian first, English second, kept beside the module.
import { moduleText } from '../../app/module-text.ts';

const id = {
  'security.title': 'Keamanan',
  'security.description':
    'Kejadian keamanan di wilayah Anda: percobaan masuk yang gagal atau ditahan, permintaan yang melewati batas laju, token CSRF yang tidak cocok, dan akses di luar peran atau wilayah.',
  'security.table': 'Daftar kejadian keamanan',
  'security.col.at': 'Waktu',
  'security.col.kind': 'Kejadian',
  'security.col.username': 'Akun',
  'security.col.ip': 'Alamat IP',
  'security.col.request': 'Permintaan',
  'security.col.detail': 'Rincian',
  'security.filterKind': 'Jenis kejadian',
  'security.filterKind.all': 'Semua jenis',
  'security.filterUsername': 'Akun',
  'security.filterUsernamePlaceholder': 'nama pengguna',
  'security.filterIp': 'Alamat IP',
  'security.filterIpPlaceholder': 'mis. 203.0.113.7',
  'security.kind.login_failed': 'Masuk ditolak',
  'security.kind.login_delayed': 'Masuk ditahan (jeda bertahap)',
  'security.kind.rate_limited': 'Batas laju terlampaui',
  'security.kind.csrf_rejected': 'Token CSRF tidak cocok',
  'security.kind.forbidden': 'Di luar wewenang peran',
  'security.kind.out_of_scope': 'Di luar wilayah kerja',
  'security.unknownAccount': 'tidak diketahui',
  'security.empty.title': 'Belum ada kejadian keamanan',
  'security.empty.body': 'Percobaan masuk yang gagal dan akses yang ditolak akan tercatat di sini.',
  'security.emptyFiltered.body': 'Tidak ada kejadian yang cocok dengan filter. Ubah atau hapus filter.',
  'security.alert.title': 'Peringatan keamanan',
  'security.alert.body':
    'Lebih dari {threshold} kejadian keamanan dalam {minutes} menit terakhir dari sumber berikut. Periksa apakah ini serangan, lalu blokir alamatnya di proksi atau ganti kata sandi akun yang disasar.',
  'security.alert.ip': 'Alamat {value}: {events} kejadian',
  'security.alert.username': 'Akun {value}: {events} kejadian',
  'security.alert.open': 'Buka halaman Keamanan',
  'security.alert.none': 'Tidak ada lonjakan kejadian dalam {minutes} menit terakhir (ambang: lebih dari {threshold}).',
};

const en: Record<keyof typeof id, string> = {
  'security.title': 'Security',
  'security.description':
    'Security events in your region: failed or held-back sign-ins, requests over a rate limit, mismatched CSRF tokens, and access outside a role or region.',
  'security.table': 'Security events',
  'security.col.at': 'Time',
  'security.col.kind': 'Event',
  'security.col.username': 'Account',
  'security.col.ip': 'IP address',
  'security.col.request': 'Request',
  'security.col.detail': 'Details',
  'security.filterKind': 'Kind of event',
  'security.filterKind.all': 'All kinds',
  'security.filterUsername': 'Account',
  'security.filterUsernamePlaceholder': 'username',
  'security.filterIp': 'IP address',
  'security.filterIpPlaceholder': 'e.g. 203.0.113.7',
  'security.kind.login_failed': 'Sign-in refused',
  'security.kind.login_delayed': 'Sign-in held back (growing delay)',
  'security.kind.rate_limited': 'Rate limit exceeded',
  'security.kind.csrf_rejected': 'CSRF token mismatch',
  'security.kind.forbidden': 'Outside the role’s rights',
  'security.kind.out_of_scope': 'Outside the working area',
  'security.unknownAccount': 'unknown',
  'security.empty.title': 'No security events yet',
  'security.empty.body': 'Failed sign-ins and refused access will be recorded here.',
  'security.emptyFiltered.body': 'No event matches the filters. Change or clear the filters.',
  'security.alert.title': 'Security alert',
  'security.alert.body':
    'More than {threshold} security events in the last {minutes} minutes from the sources below. Check whether this is an attack, then block the address at the proxy or change the password of the targeted account.',
  'security.alert.ip': 'Address {value}: {events} events',
  'security.alert.username': 'Account {value}: {events} events',
  'security.alert.open': 'Open the Security page',
  'security.alert.none': 'No burst of events in the last {minutes} minutes (threshold: more than {threshold}).',
};

export type SecurityTextKey = keyof typeof id;
export const useSecurityT = moduleText<SecurityTextKey>({ id, en });
