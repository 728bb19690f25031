// Claims, second slice (issue 15 §4, §5, §7): the document checklist, the workflow with its timeline, the
// assignee and the heir's receipt.
import { z } from 'zod';
import { regionCode } from './common.ts';
import {
  CLAIM_ACTIONS,
  CLAIM_STAGES,
  DOCUMENT_ITEMS,
  DOCUMENT_TYPES,
  RETURN_REASONS,
} from '../rules/claim-workflow.ts';

export { CLAIM_ACTIONS, CLAIM_STAGES, DOCUMENT_ITEMS, DOCUMENT_TYPES, RETURN_REASONS };

const id = z.string().regex(/^\d{1,18}$/, 'angka');
const rupiah = z.number().int().positive().max(1_000_000_000_000);

export const documentIdParam = z.strictObject({ id });

export const documentUploadQuery = z.strictObject({
  item: z.enum(DOCUMENT_ITEMS),
  fileName: z.string().trim().min(1).max(200),
});
export type DocumentUploadQuery = z.infer<typeof documentUploadQuery>;

export const claimDocument = z.object({
  id: z.string(),
  item: z.enum(DOCUMENT_ITEMS),
  fileName: z.string(),
  contentType: z.enum(DOCUMENT_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type ClaimDocument = z.infer<typeof claimDocument>;

export const checklistEntry = z.object({
  item: z.enum(DOCUMENT_ITEMS),
  required: z.boolean(),
  documents: z.array(claimDocument),
});

export const documentChecklist = z.object({
  claimId: z.string(),
  /** "Berkas lengkap": every required item has at least one document. */
  complete: z.boolean(),
  missing: z.array(z.enum(DOCUMENT_ITEMS)),
  editable: z.boolean(),
  maxBytes: z.number().int(),
  items: z.array(checklistEntry),
});
export type DocumentChecklist = z.infer<typeof documentChecklist>;

export const transitionInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('complete'), note: z.string().trim().max(500).optional() }),
  z.strictObject({ action: z.literal('hand'), note: z.string().trim().max(500).optional() }),
  z.strictObject({
    action: z.literal('return'),
    reason: z.enum(RETURN_REASONS),
    note: z.string().trim().max(500).optional(),
  }),
  z.strictObject({ action: z.literal('pay'), amount: rupiah, note: z.string().trim().max(500).optional() }),
  z.strictObject({ action: z.literal('reject'), reason: z.string().trim().min(3).max(500) }),
  z.strictObject({ action: z.literal('close'), note: z.string().trim().max(500).optional() }),
]);
export type TransitionInput = z.infer<typeof transitionInput>;

export const assigneeInput = z.strictObject({
  assignee: z.string().trim().min(1).max(100).nullable(),
});
export type AssigneeInput = z.infer<typeof assigneeInput>;

export const receiptInput = z.strictObject({
  received: z.boolean(),
  feeAsked: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type ReceiptInput = z.infer<typeof receiptInput>;

export const claimEvent = z.object({
  id: z.string(),
  action: z.enum([...CLAIM_ACTIONS, 'assign', 'receipt']),
  fromStage: z.enum(CLAIM_STAGES),
  toStage: z.enum(CLAIM_STAGES),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  amount: z.number().int().nullable(),
  actor: z.string(),
  at: z.string(),
});
export type ClaimEvent = z.infer<typeof claimEvent>;

export const claimWorkflow = z.object({
  claimId: z.string(),
  stage: z.enum(CLAIM_STAGES),
  stageChangedAt: z.string(),
  assignee: z.string().nullable(),
  returnedReason: z.enum(RETURN_REASONS).nullable(),
  paidAmount: z.number().int().nullable(),
  decidedOn: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  /** Last working day of the service level (JKM: 3 working days from the complete file); null when not running. */
  slaDueOn: z.string().nullable(),
  /** Marked by the service-level job once the last working day passed without a decision. */
  slaBreached: z.boolean(),
  /** JKK: last day of the stage-I accident report (2 × 24 h of the event, rule row); null for JKM. */
  reportDueOn: z.string().nullable(),
  /** JKK: marked by the job when no stage-I report was uploaded by its last day. */
  reportBreached: z.boolean(),
  receipt: z
    .object({
      received: z.boolean(),
      feeAsked: z.boolean(),
      note: z.string().nullable(),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
  /** The steps the caller may take now (the server checks again). */
  actions: z.array(z.enum(CLAIM_ACTIONS)),
  canRecordReceipt: z.boolean(),
  events: z.array(claimEvent),
});
export type ClaimWorkflow = z.infer<typeof claimWorkflow>;

export const holidayInput = z.strictObject({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  name: z.string().trim().min(1).max(100),
});
export type HolidayInput = z.infer<typeof holidayInput>;
export const holidayDayParam = z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD') });
export const holidayList = z.object({
  items: z.array(z.object({ day: z.string(), name: z.string(), createdBy: z.string() })),
});
export type HolidayList = z.infer<typeof holidayList>;

/** The hand-over batch file of the claims waiting at BPJS (XLSX or CSV with ';'). */
export const handoverQuery = z.strictObject({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  region: regionCode.optional(),
});
