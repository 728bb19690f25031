import type { Role } from './roles.ts';

// The menu of each role (ui.md). `path` is set for pages that exist; the others are shown as "segera hadir"
// so each role already sees where its work will live, without pretending the page works.
export type NavKey =
  | 'home'
  | 'workers'
  | 'proposals'
  | 'lapseWarnings'
  | 'claims'
  | 'programs'
  | 'verification'
  | 'exchange'
  | 'billing'
  | 'coverage'
  | 'governance'
  | 'paritrana'
  | 'reports'
  | 'membership'
  | 'snapshots'
  | 'reconciliation'
  | 'villageChecks'
  | 'leaderDashboard'
  | 'budget'
  | 'assessment'
  | 'ranking'
  | 'users'
  | 'regions'
  | 'contributionRules'
  | 'audit'
  | 'security'
  | 'system'
  | 'calculator'
  | 'employers'
  | 'employerCheck'
  | 'field'
  | 'collection'
  | 'devices';

export type NavItem = { key: NavKey; path: string | null };

const P = (key: NavKey, path: string | null = null): NavItem => ({ key, path });

export const NAVIGATION: Readonly<Record<Role, readonly NavItem[]>> = {
  operator: [
    P('home', '/'),
    P('workers', '/pekerja'),
    P('proposals', '/usulan'),
    P('lapseWarnings', '/peringatan-iuran'),
    P('villageChecks', '/cek-desa'),
    P('claims', '/klaim'),
    P('field', '/lapangan'),
  ],
  disnaker: [
    P('home', '/'),
    P('workers', '/pekerja'),
    P('programs', '/program'),
    P('verification', '/verifikasi'),
    P('exchange', '/pertukaran'),
    P('billing', '/tagihan'),
    P('coverage', '/cakupan'),
    P('claims', '/klaim'),
    P('governance', '/tata-kelola'),
    P('paritrana', '/paritrana'),
    P('reports', '/laporan'),
    P('users', '/admin/users'),
    P('audit', '/admin/audit'),
    P('employers', '/pemberi-kerja'),
    P('collection', '/pengumpulan'),
  ],
  bpjs: [
    P('home', '/'),
    P('membership', '/pertukaran'),
    P('snapshots', '/pertukaran/snapshot'),
    P('claims', '/klaim'),
    P('reconciliation', '/pertukaran/rekonsiliasi'),
    P('governance', '/tata-kelola'),
    P('employers', '/pemberi-kerja'),
  ],
  pimpinan: [
    P('leaderDashboard', '/'),
    P('coverage', '/cakupan'),
    P('budget', '/program'),
    P('reports', '/laporan'),
    P('governance', '/tata-kelola'),
    P('employerCheck', '/pemberi-kerja/cek'),
    P('paritrana', '/paritrana'),
  ],
  asesor: [P('assessment', '/paritrana'), P('ranking', '/paritrana/provinsi'), P('governance', '/tata-kelola')],
  admin: [
    P('home', '/'),
    P('users', '/admin/users'),
    P('regions', '/admin/regions'),
    P('contributionRules', '/admin/aturan-iuran'),
    P('audit', '/admin/audit'),
    P('security', '/keamanan'),
    P('system', '/admin/system'),
    P('claims', '/klaim/aturan-manfaat'),
    P('paritrana', '/paritrana'),
    P('devices', '/pengumpulan/perangkat'),
  ],
};
