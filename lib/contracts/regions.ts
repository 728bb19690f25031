import { z } from 'zod';
import { regionCode } from './common.ts';

export const regionLevel = z.enum(['province', 'regency', 'district', 'village']);

export const region = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: regionLevel,
  kind: z.string(),
  name: z.string(),
  /** With its level, as people write it: "Desa Trirenggo", "Kab. Bantul". */
  label: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Region = z.infer<typeof region>;

export const regionWithPath = region.extend({
  /** From the province down to this region. */
  path: z.array(region),
  /** "Desa Trirenggo, Kec. Bantul, Kab. Bantul" */
  fullLabel: z.string(),
});
export type RegionWithPath = z.infer<typeof regionWithPath>;

export const regionListQuery = z.strictObject({
  parent: regionCode.optional(),
});

export const regionSearchQuery = z.strictObject({
  q: z.string().trim().min(2).max(80),
  level: regionLevel.optional(),
  within: regionCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const regionList = z.object({ items: z.array(region) });

export const regionStats = z.object({
  provinces: z.number().int(),
  regencies: z.number().int(),
  districts: z.number().int(),
  villages: z.number().int(),
});
export type RegionStats = z.infer<typeof regionStats>;
