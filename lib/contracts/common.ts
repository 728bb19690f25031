import { z } from 'zod';
import { todayWib } from '../rules/eligibility.ts';

export const regionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'kode wilayah berbentuk 34, 34.02, 34.02.01 atau 34.02.01.2001');

export const scopeCode = z.union([z.literal('*'), regionCode]);

export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okResponse = z.object({ ok: z.literal(true) });

/** A participation's state on a date, as the SQL function lindung_coverage_state answers it (the one definition). */
export const COVERAGE_STATES = ['covered', 'lapsed', 'not_started', 'ended'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

// Dates and months everywhere: the calendar, and years 1900–2100 (year 0000 or 9999 is a typo, and PostgreSQL would
// take it and fail later). Every date and month field of every contract uses these two.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
const yearInRange = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const YEAR_MESSAGE = `tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}`;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal berbentuk yyyy-mm-dd, misalnya 2026-03-31')
  .refine(yearInRange, YEAR_MESSAGE)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'tanggal itu tidak ada di kalender')
  .describe('Tanggal YYYY-MM-DD');

export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'bulan berbentuk yyyy-mm, misalnya 2026-03')
  .refine(yearInRange, YEAR_MESSAGE)
  .describe('Bulan YYYY-MM');

/** A date that has happened: today (WIB) or earlier. */
export const pastDate = (message: string) => isoDate.refine((s) => s <= todayWib(), message);
