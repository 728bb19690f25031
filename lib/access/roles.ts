// Roles and region scope: pure rules shared by the server (policy) and the web (menus, forms).

export const ROLES = ['admin', 'disnaker', 'operator', 'bpjs', 'pimpinan', 'asesor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Rank decides which roles a user may grant: never one ranked above their own.
 * Equal ranks may be granted (a Disnaker head creates Disnaker staff).
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  admin: 100,
  disnaker: 80,
  bpjs: 60,
  pimpinan: 60,
  asesor: 60,
  operator: 20,
};

/** Who may manage users at all (inside their own scope). */
export const USER_MANAGERS: readonly Role[] = ['admin', 'disnaker'];
/** Who may read the audit trail (inside their own scope). */
export const AUDIT_READERS: readonly Role[] = ['admin', 'disnaker'];
/** Security events (refused sign-ins, probes) and their alerts: the administrator. */
export const SECURITY_READERS: readonly Role[] = ['admin'];

/** Who may read worker records (inside their own scope); pimpinan and asesor see aggregates only. */
export const WORKER_READERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs'];
/** Who may add and correct worker records (inside their own scope). */
export const WORKER_EDITORS: readonly Role[] = ['admin', 'disnaker', 'operator'];
/**
 * Who may see a full NIK (UU 27/2022: only where the task needs it), one audited view at a time. Operators enter
 * NIKs but afterwards see them masked; Disnaker and BPJS match records with BPJS and Dukcapil data.
 */
export const NIK_REVEALERS: readonly Role[] = ['admin', 'disnaker', 'bpjs'];
/**
 * Who may merge probable duplicates or mark them "bukan duplikat": worker editors ranked Disnaker or above. A merge
 * hides a record and decides which NIK stands; village operators see the pairs and report them.
 */
export const WORKER_MERGERS: readonly Role[] = ['admin', 'disnaker'];

/** Who may export everything Lindung holds about one person ("Data saya", UU 27/2022 Pasal 7), audited. */
export const PERSONAL_DATA_EXPORTERS: readonly Role[] = ['admin', 'disnaker'];

export function canGrantRole(granter: Role, wanted: Role): boolean {
  return ROLE_RANK[wanted] <= ROLE_RANK[granter];
}

/** The region scope of one user: '*' for the whole country, else a Kemendagri code. */
export type Scope = '*' | string;

/** True when `code` lies inside `scope`: the same rule as the SQL function lindung_in_scope. */
export function inScope(scope: Scope, code: string): boolean {
  return scope === '*' || code === scope || code.startsWith(`${scope}.`);
}

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

export function levelOfCode(code: string): RegionLevel | null {
  if (/^\d{2}$/.test(code)) return 'province';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'regency';
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return 'district';
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return 'village';
  return null;
}
