import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { isoMonth, paging, pageOf, regionCode } from './common.ts';

// Coverage facts, dashboards and open data (issue 6). Months are 'YYYY-MM'; percentages are numbers with up to two
// decimals (null when the denominator is unknown).

/** Who reads coverage figures (aggregates only). */
export const COVERAGE_READERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs', 'pimpinan'];
/** Who sees the people behind a figure (names, masked NIKs): the roles that read worker records. */
export const COVERAGE_PEOPLE_READERS: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs'];
/** Who may ask for a refresh of the rollups now (the job runs by itself as well). */
export const COVERAGE_REFRESHERS: readonly Role[] = ['admin', 'disnaker'];
/**
 * Who gets the data-quality counts with the dashboard: the roles shown the Disnaker dashboard (pimpinan and
 * operators have their own), all of them readers of worker records.
 */
export const COVERAGE_QUALITY_READERS: readonly Role[] = ['admin', 'disnaker', 'bpjs'];

/** Rows at most in one XLSX of the people behind a figure; the file and the audit row say when it was cut. */
export const PEOPLE_EXPORT_MAX_ROWS = 100_000;

/**
 * Data-quality counts (migration 0014), in display order. Probable duplicates follow the review page's
 * "same name and birth date" rule; the two enrollment counts wait more than 30 days.
 */
export const QUALITY_METRICS = [
  'workers_registered',
  'workers_without_phone',
  'nik_district_not_current',
  'probable_duplicates',
  'segment_other',
  'enrollment_not_sent_30d',
  'enrollment_no_kpj_30d',
  'bpjs_not_in_registry',
  'bpjs_village_unknown',
] as const;
export type QualityMetric = (typeof QUALITY_METRICS)[number];

export const month = isoMonth;

export const COVERAGE_GROUPINGS = ['total', 'child', 'segment', 'category'] as const;
export type CoverageGrouping = (typeof COVERAGE_GROUPINGS)[number];

export const activeCountsQuery = z.strictObject({
  region: regionCode,
  fromMonth: month,
  toMonth: month,
  by: z.enum(COVERAGE_GROUPINGS).default('total'),
});
export type ActiveCountsQuery = z.infer<typeof activeCountsQuery>;

export const activeCount = z.object({ month, key: z.string(), persons: z.number().int() });
export type ActiveCount = z.infer<typeof activeCount>;
export const activeCountList = z.object({ items: z.array(activeCount) });

export const summaryQuery = z.strictObject({ region: regionCode.optional(), month: month.optional() });

export const coverageSummary = z.object({
  region: z.string(),
  regionLabel: z.string(),
  level: z.string(),
  month,
  active: z.number().int(),
  activeBpu: z.number().int(),
  denominators: z.object({ employed: z.number().int().nullable(), bpuUniverse: z.number().int().nullable() }),
  coveragePercent: z.number().nullable(),
  bpuCoveragePercent: z.number().nullable(),
  formulas: z.object({ total: z.string(), bpu: z.string() }),
  asOf: z.string().nullable().describe('Tanggal data terakhir dihitung ulang (YYYY-MM-DD)'),
});
export type CoverageSummary = z.infer<typeof coverageSummary>;

export const dashboardQuery = z.strictObject({ region: regionCode.optional(), month: month.optional() });

export const childFigure = z.object({
  code: z.string(),
  label: z.string(),
  active: z.number().int(),
  employed: z.number().int().nullable(),
  coveragePercent: z.number().nullable(),
  drillable: z.boolean(),
});

export const dashboard = z.object({
  summary: coverageSummary,
  path: z.array(z.object({ code: z.string(), label: z.string() })),
  trend: z.array(z.object({ month, active: z.number().int(), coveragePercent: z.number().nullable() })),
  children: z.array(childFigure),
  childLevel: z.string().nullable(),
  bySegment: z.array(
    z.object({
      segment: z.string(),
      label: z.string(),
      active: z.number().int(),
      employed: z.number().int().nullable().describe('Penduduk bekerja segmen ini (BPS), bila ada untuk tahun itu'),
      coveragePercent: z.number().nullable(),
    }),
  ),
  byCategory: z.array(z.object({ category: z.string(), active: z.number().int() })),
  budget: z
    .object({
      source: z.enum(['billing', 'programs']),
      ceiling: z.number().int(),
      committed: z.number().int(),
      paid: z.number().int().nullable(),
      absorptionPercent: z.number().nullable(),
    })
    .nullable()
    .describe('Anggaran program milik wilayah ini (wilayah program di dalamnya); null bila tidak ada'),
  budgetShare: z
    .object({
      committed: z.number().int().describe('Iuran terikat untuk peserta yang desanya di wilayah ini'),
      persons: z.number().int(),
      programmesCommitted: z.number().int().describe('Seluruh iuran terikat program-program itu'),
      sharePercent: z.number().nullable(),
      programmes: z.array(z.string()).describe('Nama program wilayah di atasnya'),
    })
    .nullable()
    .describe('Bagian wilayah ini dari program wilayah di atasnya (kabupaten, provinsi); null bila tidak ada'),
  quota: z.array(z.object({ id: z.string(), name: z.string(), quota: z.number().int(), filled: z.number().int() })),
  lapseRisk: z.number().int().nullable().describe('Peserta aktif bulan lalu yang tidak aktif bulan ini'),
  registered: z
    .number()
    .int()
    .nullable()
    .describe('Pekerja terdaftar di Lindung (hanya untuk desa: dibanding penduduk bekerja sebagai potensi)'),
  canSeePeople: z.boolean(),
  quality: z
    .object({
      computedAt: z.string().nullable().describe('Waktu hitung terakhir (ISO 8601); null bila belum pernah'),
      items: z.array(z.object({ metric: z.enum(QUALITY_METRICS), count: z.number().int() })),
    })
    .nullable()
    .describe('Hitungan kualitas data wilayah ini (hanya untuk peran dasbor Disnaker)'),
});
export type Dashboard = z.infer<typeof dashboard>;

export const peopleQuery = z.strictObject({
  region: regionCode,
  month: month.optional(),
  segment: z.string().max(40).optional(),
  category: z.enum(['PU', 'BPU', 'JAKON', 'PMI']).optional(),
  ...paging,
});
export type PeopleQuery = z.infer<typeof peopleQuery>;

/** The people list's filters without paging, for its XLSX. */
export const peopleExportQuery = peopleQuery
  .omit({ page: true, pageSize: true })
  .extend({ leavers: z.enum(['true', 'false']).optional() });
export type PeopleExportQuery = Omit<z.infer<typeof peopleExportQuery>, 'leavers'> & { leavers?: boolean };

export const personRow = z.object({
  nik: z.string().describe('NIK disamarkan'),
  name: z.string().nullable(),
  regionCode: z.string(),
  regionLabel: z.string(),
  segment: z.string(),
  category: z.string(),
  source: z.enum(['registry', 'bpjs']),
  workerId: z.string().nullable(),
});
export const peopleList = pageOf(personRow);
export type PeopleList = z.infer<typeof peopleList>;

export const refreshResult = z.object({ persons: z.number().int(), asOf: z.string().nullable() });

export const openQuery = z.strictObject({ month: month.optional(), format: z.enum(['json', 'csv']).default('json') });
export const openData = z.object({
  month,
  note: z.string(),
  districts: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      active: z.number().int().nullable(),
      employed: z.number().int().nullable(),
      coveragePercent: z.number().nullable(),
    }),
  ),
  segments: z.array(z.object({ districtCode: z.string(), segment: z.string(), active: z.number().int().nullable() })),
});
export type OpenData = z.infer<typeof openData>;

/** The two coverage formulas as the dashboard and the reports print them, Indonesian first. */
export const FORMULAS = {
  total: {
    id: 'Cakupan total = peserta aktif (PU + BPU + Jakon + PMI, dihitung sekali per NIK) ÷ penduduk bekerja (BPS Sakernas Agustus) × 100',
    en: 'Total coverage = active participants (PU + BPU + Jakon + PMI, counted once per NIK) ÷ employed persons (BPS Sakernas, August) × 100',
  },
  bpu: {
    id: 'SDI 06.02.021 = peserta JKK & JKM segmen PBPU ÷ semesta PBPU × 100',
    en: 'SDI 06.02.021 = JKK & JKM participants of the PBPU segment ÷ all PBPU workers × 100',
  },
} as const;
