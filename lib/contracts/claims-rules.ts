// Benefit rules as administrators see and extend them (issue 15 §3): effective-dated rows with their legal basis;
// a new row is appended and ends the row in force the day before (the table refuses any other change).
import { z } from 'zod';
import { isoDate } from './common.ts';

export const CERTAINTIES = ['verified', 'secondary', 'uncertain'] as const;

export const benefitRuleValue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rupiah'), rupiah: z.number().int().min(0).max(100_000_000_000) }),
  z.strictObject({ kind: z.literal('multiple'), times: z.number().positive().max(1000) }),
  z.strictObject({ kind: z.literal('months'), months: z.number().int().min(0).max(1200) }),
  z.strictObject({
    kind: z.literal('tiers'),
    tiers: z
      .array(
        z.strictObject({ months: z.number().int().positive().nullable(), bp: z.number().int().min(0).max(10_000) }),
      )
      .min(1)
      .max(12),
  }),
  z.strictObject({ kind: z.literal('care') }),
  z.strictObject({ kind: z.literal('days'), days: z.number().int().min(1).max(365), working: z.boolean() }),
]);

export const benefitRuleInput = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/),
  validFrom: isoDate,
  legalBasis: z.string().trim().min(3).max(200).describe('Peraturan dan pasal, mis. "PP 82/2019 Pasal 34"'),
  note: z.string().trim().max(1000).default(''),
  certainty: z.enum(CERTAINTIES),
  value: benefitRuleValue,
});
export type BenefitRuleInput = z.infer<typeof benefitRuleInput>;

export const benefitRuleRow = z.object({
  id: z.string(),
  key: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  legalBasis: z.string(),
  note: z.string(),
  certainty: z.enum(CERTAINTIES),
  value: benefitRuleValue,
  createdBy: z.string(),
});
export const benefitRuleList = z.object({ items: z.array(benefitRuleRow) });
export type BenefitRuleList = z.infer<typeof benefitRuleList>;
