import { z } from 'zod';

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
