// Words and dates for coverage answers and lapse warnings. Pure display helpers: WHETHER a participation is
// covered, lapsed, not started or ended on a date is decided only by the SQL function lindung_coverage_state
// (migration 0008), and when it lapses by lindung_lapse_date (migration 0010); this file only phrases the answer.
import type { Locale } from '../i18n/locale.ts';
import { MONTH_NAMES as MONTHS } from '../i18n/months.ts';
import { addMonths, monthIndex, type Month } from './eligibility.ts';

/** Whole days from date `a` to date `b` (both 'YYYY-MM-DD'). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** '2026-03' → 'Maret 2026' (en: 'March 2026'). */
export function monthName(month: Month, locale: Locale = 'id'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[locale][m - 1]} ${y}`;
}

/** '2026-04-16' → '16 April 2026'. */
export function dateName(date: string, locale: Locale = 'id'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[locale][m - 1]} ${y}`;
}

export type CoverageStateName = 'covered' | 'lapsed' | 'not_started' | 'ended';

/** One participation as the SQL functions judged it on the date asked. */
export type JudgedParticipation = {
  program: string;
  state: CoverageStateName;
  /** 'YYYY-MM' of the last fully paid month, or null. */
  paidThrough: Month | null;
  /** 'YYYY-MM-DD'. */
  coverageStart: string;
  /** 'YYYY-MM', or null when open-ended. */
  coverageEnd: Month | null;
  /** 'YYYY-MM-DD' from lindung_lapse_date, or null. */
  lapseDate: string | null;
};

export type CoverageFacts = {
  /** The date asked, 'YYYY-MM-DD'. */
  date: string;
  nikMasked: string;
  /** A registry worker with this NIK exists (anywhere). */
  registered: boolean;
  /** Death date when the worker is recorded as deceased. */
  deathDate: string | null;
  participations: JudgedParticipation[];
};

const RANK: Record<CoverageStateName, number> = { covered: 3, lapsed: 2, ended: 1, not_started: 0 };

/** The participation that explains the answer: a covered one if any (latest lapse first), else the closest miss. */
export function decisive(parts: readonly JudgedParticipation[]): JudgedParticipation | null {
  let best: JudgedParticipation | null = null;
  for (const p of parts) {
    if (best === null || RANK[p.state] > RANK[best.state]) best = p;
    else if (RANK[p.state] === RANK[best.state] && (p.lapseDate ?? '9999') > (best.lapseDate ?? '9999')) best = p;
  }
  return best;
}

/** The months after paid_through (or from the coverage start) whose contributions are unpaid, up to `month`. */
function firstUnpaid(p: JudgedParticipation): Month {
  return p.paidThrough ? addMonths(p.paidThrough, 1) : p.coverageStart.slice(0, 7);
}

/**
 * The Indonesian (or English) sentence that explains `covered` — e.g. "Tertanggung: Program X, iuran lunas sampai
 * Maret 2026." or "Tidak tertanggung: iuran Program X menunggak sejak Februari 2026 (dibayar sampai Januari 2026);
 * nonaktif sejak 16 April 2026."
 */
export function coverageReason(f: CoverageFacts, covered: boolean, locale: Locale = 'id'): string {
  const en = locale === 'en';
  const M = (m: Month) => monthName(m, locale);
  const D = (d: string) => dateName(d, locale);
  if (f.deathDate !== null && f.deathDate < f.date) {
    return en
      ? `Not covered: the participant died on ${D(f.deathDate)}.`
      : `Tidak tertanggung: peserta meninggal dunia pada ${D(f.deathDate)}.`;
  }
  const p = decisive(f.participations);
  if (p === null) {
    if (f.registered) {
      return en
        ? `Not covered: NIK ${f.nikMasked} is in the worker registry of your region, without a programme membership or a BPJS snapshot row there, and is not covered elsewhere on this date.`
        : `Tidak tertanggung: NIK ${f.nikMasked} terdaftar di registri pekerja wilayah Anda, tanpa kepesertaan program atau baris snapshot BPJS di sana, dan tidak tertanggung di tempat lain pada tanggal ini.`;
    }
    return en
      ? `Not covered: NIK ${f.nikMasked} is neither in the worker registry nor in the BPJS membership snapshot of your region, and is not covered elsewhere on this date.`
      : `Tidak tertanggung: NIK ${f.nikMasked} tidak ditemukan di registri pekerja maupun di snapshot kepesertaan BPJS wilayah Anda, dan tidak tertanggung di tempat lain pada tanggal ini.`;
  }
  const month = f.date.slice(0, 7);
  const paid = p.paidThrough
    ? en
      ? `paid through ${M(p.paidThrough)}`
      : `dibayar sampai ${M(p.paidThrough)}`
    : en
      ? 'never paid'
      : 'belum pernah dibayar';
  if (covered && p.state === 'covered') {
    if (p.paidThrough && monthIndex(p.paidThrough) >= monthIndex(month)) {
      return en
        ? `Covered: ${p.program}, contributions paid through ${M(p.paidThrough)}.`
        : `Tertanggung: ${p.program}, iuran lunas sampai ${M(p.paidThrough)}.`;
    }
    const lapse = p.lapseDate
      ? en
        ? ` — inactive from ${D(p.lapseDate)} unless paid`
        : ` — nonaktif mulai ${D(p.lapseDate)} bila belum dibayar`
      : '';
    return en
      ? `Covered: ${p.program}; contributions ${paid}, unpaid since ${M(firstUnpaid(p))}${lapse}.`
      : `Tertanggung: ${p.program}; iuran ${paid}, belum dibayar sejak ${M(firstUnpaid(p))}${lapse}.`;
  }
  if (p.state === 'lapsed') {
    const since = firstUnpaid(p);
    const inactive = p.lapseDate
      ? en
        ? `; inactive since ${D(p.lapseDate)}`
        : `; nonaktif sejak ${D(p.lapseDate)}`
      : '';
    return en
      ? `Not covered: contributions of ${p.program} are in arrears since ${M(since)} (${paid})${inactive}.`
      : `Tidak tertanggung: iuran ${p.program} menunggak sejak ${M(since)} (${paid})${inactive}.`;
  }
  if (p.state === 'not_started') {
    return en
      ? `Not covered: the membership in ${p.program} starts in ${M(p.coverageStart.slice(0, 7))}.`
      : `Tidak tertanggung: kepesertaan ${p.program} baru mulai ${M(p.coverageStart.slice(0, 7))}.`;
  }
  const end = p.coverageEnd ? M(p.coverageEnd) : '';
  return en
    ? `Not covered: the membership in ${p.program} ended after ${end}.`
    : `Tidak tertanggung: kepesertaan ${p.program} berakhir pada ${end}.`;
}
