// Protection programmes: who may be enrolled, how many fit, and what it costs. Pure (no database, no clock): the
// server gathers the facts (the worker's record, the programme's counters, other programmes' enrollments) and
// these functions decide, so the same rules serve a single proposal, a bulk proposal and a verification.
//
// Months are 'YYYY-MM' strings; a programme's period is `months` consecutive months from `startMonth`, and its
// prices and slot counters are arrays indexed by month within that period. Money is whole rupiah.

import type { Bilingual } from '../i18n/locale.ts';
import { inScope } from '../access/roles.ts';
import type { Funding, Program } from './contribution-types.ts';
import type { SegmentCode } from './segments.ts';

// ---------------------------------------------------------------------------------------------------------------
// Funders and packages

/** Who pays the contributions of a programme (issue 5). */
export const FUNDERS = ['apbd_regency', 'apbd_province', 'apbdes', 'apbn', 'csr', 'baznas', 'self'] as const;
export type Funder = (typeof FUNDERS)[number];

/** Funders whose budget belongs to a region: the programme names that region (its APBD or APBDes). */
export const REGIONAL_FUNDERS: Readonly<Partial<Record<Funder, 'regency' | 'province' | 'village'>>> = {
  apbd_regency: 'regency',
  apbd_province: 'province',
  apbdes: 'village',
};

const LEVEL_DEPTH = { province: 1, regency: 2, village: 4 } as const;

/**
 * The budget's region for a regional funder, taken from the programme's region: the regency's APBD for a programme
 * in that regency, the province's for its province, a village's APBDes for that village. Null for national and
 * non-governmental funders, and when the region lies above the funder's level (APBDes for a whole regency).
 */
export function funderRegionOf(funder: Funder, region: string): string | null {
  const level = REGIONAL_FUNDERS[funder];
  if (!level || region === '*') return null;
  const parts = region.split('.');
  return parts.length >= LEVEL_DEPTH[level] ? parts.slice(0, LEVEL_DEPTH[level]).join('.') : null;
}

/**
 * The funding the contribution engine prices with. APBD of any level is `apbd` (PP 50/2025 excludes it from the BPU
 * discount). BAZNAS (zakat) is not a state budget, so it is priced like a third party (`csr`, which keeps the
 * discount). ⚠ to confirm with the BPJS branch.
 */
export const ENGINE_FUNDING: Readonly<Record<Funder, Funding>> = {
  apbd_regency: 'apbd',
  apbd_province: 'apbd',
  apbdes: 'apbdes',
  apbn: 'apbn',
  csr: 'csr',
  baznas: 'csr',
  self: 'self',
};

/** The packages Pemda buy for BPU workers: JKK+JKM, or with JHT (domain.md §3.2). */
export const PACKAGES = ['jkk_jkm', 'jkk_jkm_jht'] as const;
export type Package = (typeof PACKAGES)[number];

export const PACKAGE_PROGRAMS: Readonly<Record<Package, Program[]>> = {
  jkk_jkm: ['jkk', 'jkm'],
  jkk_jkm_jht: ['jkk', 'jkm', 'jht'],
};

/**
 * Suggested age range for a new programme. domain.md gives no registration age limit for BPU participants; 18–65
 * is the bracket BPJS TK branches commonly apply ⚠ [M]. Each programme stores its own range (set by Disnaker with
 * the programme's legal basis), so a Pemda corrects it per programme without a code change.
 */
export const DEFAULT_AGE_RANGE = { min: 18, max: 65 } as const;

// ---------------------------------------------------------------------------------------------------------------
// Months

export type Month = string;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** Months since year 0: makes month arithmetic plain integer arithmetic. */
export function monthIndex(month: Month): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

export function monthAt(index: number): Month {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addMonths(month: Month, n: number): Month {
  return monthAt(monthIndex(month) + n);
}

/** 'YYYY-MM' of an ISO date or of a first-of-month date column. */
export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

export function firstDay(month: Month): string {
  return `${month}-01`;
}

/** The month in Asia/Jakarta (UTC+7, no daylight saving): what a Pemda user means by "this month". */
export function currentMonthWib(now: Date): Month {
  return todayWib(now).slice(0, 7);
}

let clockSource: () => Date = () => new Date();

/**
 * Where "now" comes from when a caller gives none: the machine's clock, unless the process points it elsewhere (the
 * server points it at its application clock, platform/clock.ts, so a pinned LINDUNG_TODAY holds for every default).
 */
export function useClock(source: () => Date): void {
  clockSource = source;
}

/** Today's date in Asia/Jakarta (UTC+7, no daylight saving), 'YYYY-MM-DD'. */
export function todayWib(now: Date = clockSource()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function lastMonthOf(period: { startMonth: Month; months: number }): Month {
  return addMonths(period.startMonth, period.months - 1);
}

/** Position of `month` in the period (0 = first month), or -1 outside it. */
export function periodIndex(period: { startMonth: Month; months: number }, month: Month): number {
  const i = monthIndex(month) - monthIndex(period.startMonth);
  return i >= 0 && i < period.months ? i : -1;
}

/**
 * Where a new enrollment starts when no month is given: this month, or the first month if the period has not
 * begun. Null once the period is over. Coverage is never backdated by default: a slot freed in month 5 is refilled
 * for months 6… only, and the budget counts just those months.
 */
export function defaultFirstMonth(period: { startMonth: Month; months: number }, current: Month): Month | null {
  const first = monthIndex(current) < monthIndex(period.startMonth) ? period.startMonth : current;
  return periodIndex(period, first) === -1 ? null : first;
}

// ---------------------------------------------------------------------------------------------------------------
// Age

/** Completed years on `date` (both ISO dates); someone born on 29 February ages on 1 March in common years. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Reasons

/** Why a worker cannot be enrolled (or verified) in a programme: a closed set, each with its message. */
export const INELIGIBILITY_REASONS = [
  'NIK_INVALID',
  'DECEASED',
  'OUTSIDE_REGION',
  'NOT_TARGET_SEGMENT',
  'AGE_OUT_OF_RANGE',
  'ALREADY_ENROLLED',
  'ALREADY_COVERED',
  'ACTIVE_IN_BPJS',
  'QUOTA_FULL',
  'BUDGET_EXCEEDED',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export const REASON_MESSAGES: Readonly<Record<IneligibilityReason, Bilingual>> = {
  NIK_INVALID: {
    id: 'NIK tidak sah menurut aturan NIK. Perbaiki NIK di data pekerja lalu usulkan lagi.',
    en: 'The NIK fails the NIK rules. Correct the NIK in the worker record, then propose again.',
  },
  DECEASED: {
    id: 'Pekerja tercatat meninggal dunia. Periksa data pekerja; orang yang meninggal tidak dapat diikutsertakan.',
    en: 'The worker is recorded as deceased. Check the worker record; a deceased person cannot be enrolled.',
  },
  OUTSIDE_REGION: {
    id: 'Domisili pekerja di luar wilayah program. Usulkan ke program wilayahnya, atau perbarui domisili bila pindah.',
    en: "The worker lives outside the programme's region. Propose them to their region's programme, or update the domicile if they moved.",
  },
  NOT_TARGET_SEGMENT: {
    id: 'Pekerjaan pekerja bukan sasaran program ini. Pilih program dengan sasaran pekerjaan itu, atau perbaiki pekerjaannya di data pekerja.',
    en: "The worker's occupation is not a target of this programme. Choose a programme for that occupation, or correct it in the worker record.",
  },
  AGE_OUT_OF_RANGE: {
    id: 'Usia pekerja pada bulan pertama kepesertaan di luar batas usia program. Periksa tanggal lahir, atau pilih program lain.',
    en: "The worker's age in the first covered month is outside the programme's age range. Check the birth date, or choose another programme.",
  },
  ALREADY_ENROLLED: {
    id: 'Pekerja sudah diusulkan atau terdaftar di program ini. Lihat daftar kepesertaan program.',
    en: 'The worker is already proposed or enrolled in this programme. See the programme’s enrollment list.',
  },
  ALREADY_COVERED: {
    id: 'Pekerja sudah ditanggung program lain pada bulan yang sama. Satu orang hanya ditanggung satu program per bulan; pilih bulan mulai sesudah program lain berakhir.',
    en: 'The worker is already covered by another programme in the same months. One person is covered by one programme per month; start after the other programme ends.',
  },
  ACTIVE_IN_BPJS: {
    id: 'Pekerja sudah peserta aktif BPJS Ketenagakerjaan menurut snapshot peserta terakhir (dibayar sendiri, pemberi kerja, atau pihak lain). Iurannya tidak perlu ditanggung APBD; periksa di halaman Rekonsiliasi bila datanya keliru.',
    en: 'The worker is already an active BPJS Ketenagakerjaan participant according to the latest membership snapshot (self-paid, an employer or another payer). The APBD need not pay; check the Reconciliation page if the data is wrong.',
  },
  QUOTA_FULL: {
    id: 'Kuota program sudah penuh untuk bulan-bulan itu. Tunggu slot kosong (penolakan atau kepesertaan berakhir) atau minta Disnaker menaikkan kuota.',
    en: "The programme's quota is full for those months. Wait for a free slot (a rejection or an ended enrollment) or ask Disnaker to raise the quota.",
  },
  BUDGET_EXCEEDED: {
    id: 'Pagu anggaran program tidak cukup untuk iuran bulan-bulan itu. Minta Disnaker menaikkan pagu, atau mulai kepesertaan lebih lambat.',
    en: "The programme's budget ceiling cannot pay for those months. Ask Disnaker to raise the ceiling, or start later.",
  },
};

/** What the rules need to know about a programme. */
export type ProgramTerms = {
  region: string;
  targetSegments: readonly SegmentCode[] | readonly string[];
  minAge: number;
  maxAge: number;
};

/** What the rules need to know about a worker, gathered by the server. */
export type WorkerFacts = {
  nikValid: boolean;
  deceased: boolean;
  village: string;
  segment: string;
  birthDate: string;
  /** An open enrollment of this worker in this programme. */
  enrolledHere: boolean;
  /** Another programme covers this worker in at least one of the months. */
  coveredElsewhere: boolean;
  /** The current BPJS membership snapshot shows the worker covered through another channel. */
  activeInBpjs?: boolean;
};

/** Every person-level reason that applies (quota and budget are decided for the group, by `allocate`). */
export function personReasons(worker: WorkerFacts, terms: ProgramTerms, firstMonth: Month): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (!worker.nikValid) reasons.push('NIK_INVALID');
  if (worker.deceased) reasons.push('DECEASED');
  if (!inScope(terms.region, worker.village)) reasons.push('OUTSIDE_REGION');
  if (!(terms.targetSegments as readonly string[]).includes(worker.segment)) reasons.push('NOT_TARGET_SEGMENT');
  const age = ageOn(worker.birthDate, firstDay(firstMonth));
  if (age < terms.minAge || age > terms.maxAge) reasons.push('AGE_OUT_OF_RANGE');
  if (worker.enrolledHere) reasons.push('ALREADY_ENROLLED');
  else if (worker.coveredElsewhere) reasons.push('ALREADY_COVERED');
  else if (worker.activeInBpjs) reasons.push('ACTIVE_IN_BPJS');
  return reasons;
}

// ---------------------------------------------------------------------------------------------------------------
// Capacity

export type Counters = {
  quota: number;
  budgetCeiling: number;
  /** Price per person for each month of the period. */
  prices: readonly number[];
  /** Slots held in each month of the period. */
  persons: readonly number[];
  /** PU programmes (issue 18): money held in each month at each person's own price; replaces persons × price. */
  money?: readonly number[];
};

export type Capacity = {
  /** Slots still free in every month of the range. */
  freeSlots: number;
  /** Contributions for one person over the range. */
  costPerPerson: number;
  committed: number;
  budgetRemaining: number;
  /** How many more persons the remaining budget pays for over the range. */
  budgetSlots: number;
};

export function committedOf(counters: Pick<Counters, 'prices' | 'persons' | 'money'>): number {
  if (counters.money) return counters.money.reduce((sum, m) => sum + m, 0);
  return counters.persons.reduce((sum, n, i) => sum + n * (counters.prices[i] ?? 0), 0);
}

/** Room for new enrollments over months `from`..`to` of the period (indexes, inclusive). */
export function capacityFor(counters: Counters, from: number, to: number): Capacity {
  const held = counters.persons.slice(from, to + 1);
  const freeSlots = Math.max(0, counters.quota - Math.max(0, ...held));
  const costPerPerson = counters.prices.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const committed = committedOf(counters);
  const budgetRemaining = counters.budgetCeiling - committed;
  const budgetSlots =
    costPerPerson > 0 ? Math.max(0, Math.floor(budgetRemaining / costPerPerson)) : Number.MAX_SAFE_INTEGER;
  return { freeSlots, costPerPerson, committed, budgetRemaining, budgetSlots };
}

/** Why the `index`-th eligible candidate (0-based, in order) does not fit: no slot first, then no money. */
export function capacityReason(index: number, capacity: Capacity): 'QUOTA_FULL' | 'BUDGET_EXCEEDED' | null {
  if (index >= capacity.freeSlots) return 'QUOTA_FULL';
  if (index >= capacity.budgetSlots) return 'BUDGET_EXCEEDED';
  return null;
}

export type Allocation = {
  /** How many of the eligible are taken, first come first served in the order given. */
  taken: number;
  quotaFull: number;
  budgetExceeded: number;
  /** Eligible and within capacity but beyond the requested limit. */
  overLimit: number;
};

/**
 * Splits `eligible` candidates: the first ones that fit are taken; the rest fail on the quota first (no slot in
 * some month), otherwise on the budget.
 */
export function allocate(eligible: number, capacity: Capacity, limit?: number): Allocation {
  const fit = Math.min(capacity.freeSlots, capacity.budgetSlots);
  const within = Math.min(eligible, fit);
  const taken = limit === undefined ? within : Math.min(within, limit);
  const quotaFull = Math.max(0, eligible - capacity.freeSlots);
  return { taken, quotaFull, budgetExceeded: eligible - within - quotaFull, overLimit: within - taken };
}

// ---------------------------------------------------------------------------------------------------------------
// Figures for the programme page

export type MonthFigure = {
  month: Month;
  pricePerPerson: number;
  persons: number;
  committed: number;
  cumulativeCommitted: number;
};

export type ProgramFigures = {
  /** Price per person in the first month, and whether it differs between months. */
  pricePerPersonMonth: number;
  priceVaries: boolean;
  monthlyCostForQuota: number;
  periodCostForQuota: number;
  committed: number;
  budgetRemaining: number;
  /** The month from which free slots are counted: this month, or the first month before the period starts. */
  slotsFrom: Month;
  quotaFilled: number;
  quotaRemaining: number;
  byMonth: MonthFigure[];
};

export function programFigures(
  program: Counters & { startMonth: Month; months: number },
  current: Month,
): ProgramFigures {
  const { prices, persons, quota } = program;
  let cumulative = 0;
  const byMonth = prices.map((price, i) => {
    const n = persons[i] ?? 0;
    const held = program.money ? (program.money[i] ?? 0) : n * price;
    cumulative += held;
    return {
      month: addMonths(program.startMonth, i),
      pricePerPerson: price,
      persons: n,
      committed: held,
      cumulativeCommitted: cumulative,
    };
  });
  const first = prices[0] ?? 0;
  const from = defaultFirstMonth(program, current) ?? lastMonthOf(program);
  const fromIndex = periodIndex(program, from);
  const quotaFilled = Math.max(0, ...persons.slice(fromIndex));
  return {
    pricePerPersonMonth: first,
    priceVaries: prices.some((p) => p !== first),
    monthlyCostForQuota: quota * first,
    periodCostForQuota: quota * prices.reduce((a, b) => a + b, 0),
    committed: cumulative,
    budgetRemaining: program.budgetCeiling - cumulative,
    slotsFrom: from,
    quotaFilled,
    quotaRemaining: Math.max(0, quota - quotaFilled),
    byMonth,
  };
}
