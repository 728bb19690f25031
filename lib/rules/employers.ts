// Employers (issue 21): the name key that matches a licensing-office list to the branch's employer snapshot, and
// an employer's compliance status from what the branch reported. Pure: the server and the web use the same rules.
import type { Locale } from '../i18n/locale.ts';
import type { Month } from './eligibility.ts';
import { monthName } from './lapse.ts';

/** Legal-form words that licensing lists and BPJS lists write differently (or not at all). */
const LEGAL_FORMS = new Set(['pt', 'cv', 'ud', 'tbk', 'persero', 'koperasi', 'kop', 'pd', 'fa', 'firma', 'perum']);

/**
 * The name without legal form, punctuation, case and spaces: "PT. Maju Jaya, Tbk" and "MAJU JAYA (PT)" both give
 * "majujaya". Only whole words are dropped ("Cvita" stays).
 */
export function employerNameKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w));
  return words.join('');
}

/** NIB (OSS): 13 digits. */
export function readNib(text: string): string | null {
  const digits = text.replace(/[\s.-]/g, '');
  return /^\d{13}$/.test(digits) ? digits : null;
}

/** NPWP: 15 digits (old form 01.234.567.8-901.000) or 16 (NIK-based, from 2024). */
export function readNpwp(text: string): string | null {
  const digits = text.replace(/[\s.\-/]/g, '');
  return /^\d{15,16}$/.test(digits) ? digits : null;
}

export const EMPLOYER_STATUSES = ['paying', 'arrears', 'partial', 'not_registered'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];

/** What the branch's snapshot says of one employer (null: not in the snapshot). */
export type BranchFacts = {
  snapshotAsOf: string;
  npp: string;
  active: boolean;
  activeWorkers: number;
  paidThrough: string | null;
} | null;

/**
 * The last month whose PU contribution was due by `asOf`: contributions are due on the 15th of the following month
 * (the branch's payment calendar for PU employers), so on 10 July June is not yet due and May is the last due month.
 */
export function lastDueMonth(asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const back = d > 15 ? 1 : 2;
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export type EmployerJudgement = {
  status: EmployerStatus;
  compliant: boolean;
  /** First unpaid month when in arrears. */
  arrearsSince: string | null;
};

/**
 * The status of one employer: not in the branch's snapshot → not registered; inactive or paid through a month before
 * the last due one → in arrears since the month after; fewer active workers than the licensing list reports →
 * registered partially; else registered and paying (the only compliant status).
 */
export function judgeEmployer(reportedWorkers: number | null, branch: BranchFacts): EmployerJudgement {
  if (!branch) return { status: 'not_registered', compliant: false, arrearsSince: null };
  const due = lastDueMonth(branch.snapshotAsOf);
  const paid = branch.paidThrough ? `${branch.paidThrough.slice(0, 7)}-01` : null;
  if (!branch.active || paid === null || paid < due) {
    return { status: 'arrears', compliant: false, arrearsSince: paid ? nextMonth(paid) : null };
  }
  if (reportedWorkers !== null && branch.activeWorkers < reportedWorkers) {
    return { status: 'partial', compliant: false, arrearsSince: null };
  }
  return { status: 'paying', compliant: true, arrearsSince: null };
}

/** Why, in one sentence, for the compliance answer and the list. */
export function judgementReason(
  j: EmployerJudgement,
  facts: { reportedWorkers: number | null; branch: BranchFacts },
  locale: Locale,
): string {
  const b = facts.branch;
  const id = locale === 'id';
  switch (j.status) {
    case 'not_registered':
      return id
        ? 'Tidak terdaftar sebagai pemberi kerja di BPJS Ketenagakerjaan menurut snapshot cabang.'
        : 'Not registered as an employer with BPJS Ketenagakerjaan according to the branch snapshot.';
    case 'arrears':
      if (!b?.active)
        return id
          ? `Terdaftar (NPP ${b?.npp ?? '-'}) tetapi berstatus nonaktif di BPJS Ketenagakerjaan.`
          : `Registered (NPP ${b?.npp ?? '-'}) but inactive at BPJS Ketenagakerjaan.`;
      return j.arrearsSince
        ? id
          ? `Menunggak iuran sejak ${monthName(j.arrearsSince.slice(0, 7) as Month, 'id')} (NPP ${b.npp}).`
          : `In arrears since ${monthName(j.arrearsSince.slice(0, 7) as Month, 'en')} (NPP ${b.npp}).`
        : id
          ? `Terdaftar (NPP ${b.npp}) tetapi belum ada iuran yang dibayar.`
          : `Registered (NPP ${b.npp}) but no contribution paid yet.`;
    case 'partial':
      return id
        ? `Terdaftar sebagian: ${b?.activeWorkers ?? 0} pekerja aktif di BPJS dari ${facts.reportedWorkers ?? 0} yang dilaporkan ke perizinan.`
        : `Registered partially: ${b?.activeWorkers ?? 0} active workers at BPJS of ${facts.reportedWorkers ?? 0} reported to the licensing office.`;
    case 'paying':
      return id
        ? `Terdaftar dan membayar iuran (NPP ${b?.npp ?? '-'}).`
        : `Registered and paying contributions (NPP ${b?.npp ?? '-'}).`;
  }
}

/** A project may be marked "siap mulai" only with the branch's Jakon certificate number and payment date. */
export function projectMayStart(p: { certificateNumber: string | null; paidOn: string | null }): boolean {
  return !!p.certificateNumber && !!p.paidOn;
}
