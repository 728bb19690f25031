// Synthetic but realistic workers for demos and benchmarks. Pure: the same options give the same rows, so a second
// run with the same seed adds nothing (the NIKs repeat and the load skips them).
import { SEGMENTS, type SegmentCode, type VulnerabilityFlag } from '../../../lib/rules/segments.ts';
import type { Sex } from '../../../lib/rules/nik.ts';
import {
  BIRTH_PLACES,
  FEMALE_GIVEN_NAMES,
  FEMALE_SECOND_NAMES,
  HAMLET_NAMES,
  HAMLET_PREFIXES,
  MALE_GIVEN_NAMES,
  MALE_SECOND_NAMES,
} from './names.ts';

export type GeneratedWorker = {
  nik: string;
  full_name: string;
  birth_place: string | null;
  birth_date: string;
  sex: Sex;
  village_code: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  phone: string | null;
  segment: SegmentCode;
  category: string;
  monthly_income: number | null;
  vulnerability: VulnerabilityFlag[];
  kpj_number: null;
  life_status: 'alive';
  death_date: null;
};

export type GenerateOptions = {
  count: number;
  seed: number;
  /** Dotted district codes of the regency ('34.02.08'): NIK prefixes. */
  districts: readonly string[];
  /** Dotted village codes of the regency ('34.02.08.2004'): domiciles. */
  villages: readonly string[];
  /** Ages are counted from this ISO date; fixed (not today) so that a seed gives the same rows next year too. */
  referenceDate?: string;
};

export const DEMO_REFERENCE_DATE = '2026-07-01';

// Bantul's informal workforce: farmers, traders and day labourers first (weights, not percentages).
const SEGMENT_WEIGHTS: readonly (readonly [SegmentCode, number])[] = [
  ['farmer', 22],
  ['small_trader', 15],
  ['day_labourer', 14],
  ['livestock_farmer', 6],
  ['construction_worker', 6],
  ['driver', 6],
  ['fisher', 5],
  ['domestic_worker', 5],
  ['planter', 4],
  ['other', 4],
  ['artist', 2],
  ['religious_worker', 2],
  ['neighbourhood_head', 2],
  ['non_civil_servant', 2],
  ['volunteer', 2],
  ['village_official', 1],
  ['election_worker', 1],
  ['migrant_worker', 1],
];

const OTHER_INCOMES = [500_000, 750_000, 1_200_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000] as const;
const DECILE_WEIGHTS: readonly (readonly [VulnerabilityFlag, number])[] = [
  ['extreme_poor', 10],
  ['decile_1', 25],
  ['decile_2', 25],
  ['decile_3', 20],
  ['decile_4', 20],
];
const MOBILE_PREFIXES = ['811', '812', '813', '821', '822', '852', '853', '857', '878', '881', '895', '896'] as const;

/** mulberry32: small, fast and good enough for synthetic data; not for anything secret. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;

/** The workers, one at a time (a million rows need not sit in memory before the COPY). */
export function* generateWorkers(options: GenerateOptions): Generator<GeneratedWorker> {
  const { count, districts, villages } = options;
  if (districts.length === 0 || villages.length === 0) throw new Error('the regency has no districts or villages');
  const random = rng(options.seed);
  const villagesByDistrict = new Map<string, string[]>();
  for (const v of villages) {
    const d = v.slice(0, 8);
    villagesByDistrict.set(d, [...(villagesByDistrict.get(d) ?? []), v]);
  }
  const reference = Date.parse(`${options.referenceDate ?? DEMO_REFERENCE_DATE}T00:00:00Z`);
  const serials = new Map<string, number>();

  for (let i = 0; i < count; i++) {
    const sex: Sex = random() < 0.5 ? 'L' : 'P';
    let district: string;
    let birth: Date;
    let serial: number;
    let key: string;
    // A prefix+date holds 9,999 serials; draw another district and date in the (rare) case one is full.
    do {
      district = pick(random, districts);
      // Ages 18–70, more of them young and middle-aged than old (a gentle skew, as in the labour force).
      const ageDays = Math.floor((18 + 52 * random() ** 1.25) * 365.25);
      birth = new Date(reference - ageDays * DAY_MS);
      key = `${district}|${birth.toISOString().slice(0, 10)}|${sex}`;
      serial = (serials.get(key) ?? 0) + 1;
    } while (serial > 9999);
    serials.set(key, serial);

    const day = birth.getUTCDate() + (sex === 'P' ? 40 : 0);
    const nik =
      district.replace(/\./g, '') +
      pad(day, 2) +
      pad(birth.getUTCMonth() + 1, 2) +
      pad(birth.getUTCFullYear() % 100, 2) +
      pad(serial, 4);

    // Domicile is chosen on its own: most people still live in the district of first registration, some moved.
    const home = villagesByDistrict.get(district);
    const village = home && random() < 0.75 ? pick(random, home) : pick(random, villages);

    const given = pick(random, sex === 'L' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
    const second = random() < 0.6 ? pick(random, sex === 'L' ? MALE_SECOND_NAMES : FEMALE_SECOND_NAMES) : null;
    const segment = weighted(random, SEGMENT_WEIGHTS);

    const vulnerability: VulnerabilityFlag[] = [];
    if (random() < 0.4) {
      if (random() < 0.9) vulnerability.push(weighted(random, DECILE_WEIGHTS));
      if (vulnerability.length === 0 || random() < 0.08) vulnerability.push('disability');
    }

    const incomeDraw = random();
    yield {
      nik,
      full_name: second && second !== given ? `${given} ${second}` : given,
      birth_place: random() < 0.95 ? weighted(random, BIRTH_PLACES) : null,
      birth_date: birth.toISOString().slice(0, 10),
      sex,
      village_code: village,
      address: `${pick(random, HAMLET_PREFIXES)} ${pick(random, HAMLET_NAMES)}`,
      rt: pad(1 + Math.floor(random() * 12), 3),
      rw: pad(1 + Math.floor(random() * 20), 3),
      phone: random() < 0.85 ? `+62${pick(random, MOBILE_PREFIXES)}${pad(Math.floor(random() * 1e8), 8)}` : null,
      segment,
      category: SEGMENTS[segment].defaultCategory,
      monthly_income: incomeDraw < 0.7 ? 1_000_000 : incomeDraw < 0.95 ? pick(random, OTHER_INCOMES) : null,
      vulnerability,
      kpj_number: null,
      life_status: 'alive',
      death_date: null,
    };
  }
}
