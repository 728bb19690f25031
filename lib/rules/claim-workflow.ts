// The claim workflow (issue 15 §5) and the document checklist (§4, domain.md §4.6), in one place: the server
// enforces both, the web shows only the steps this module says are possible. Pure: no database, no clock.
import type { Role } from '../access/roles.ts';

export const CLAIM_STAGES = ['reported', 'complete', 'handed', 'returned', 'paid', 'rejected', 'closed'] as const;
export type ClaimStage = (typeof CLAIM_STAGES)[number];

export const CLAIM_ACTIONS = ['complete', 'hand', 'return', 'pay', 'reject', 'close'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/** Why a file goes back for correction: a fixed list (issue 15 §5). */
export const RETURN_REASONS = [
  'document_missing',
  'document_unreadable',
  'data_mismatch',
  'heir_unclear',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

const HANDLERS: readonly Role[] = ['admin', 'disnaker', 'operator'];
const DECIDERS: readonly Role[] = ['admin', 'bpjs'];
const EVERYONE: readonly Role[] = ['admin', 'disnaker', 'operator', 'bpjs'];

/**
 * The state machine: for each action, the stages it may start from, the stage it leads to, and who may take it.
 * "complete" also needs every required document (checked by the server against the checklist).
 */
export const TRANSITIONS: Readonly<
  Record<ClaimAction, { from: readonly ClaimStage[]; to: ClaimStage; roles: readonly Role[] }>
> = {
  complete: { from: ['reported', 'returned'], to: 'complete', roles: HANDLERS },
  hand: { from: ['complete'], to: 'handed', roles: HANDLERS },
  return: { from: ['complete', 'handed'], to: 'returned', roles: EVERYONE },
  pay: { from: ['handed'], to: 'paid', roles: DECIDERS },
  reject: { from: ['handed'], to: 'rejected', roles: DECIDERS },
  close: { from: ['paid', 'rejected'], to: 'closed', roles: EVERYONE },
};

/** The stage an action leads to from `stage`, or null when the order forbids it. */
export function nextStage(stage: ClaimStage, action: ClaimAction): ClaimStage | null {
  const t = TRANSITIONS[action];
  return t.from.includes(stage) ? t.to : null;
}

/** The actions `role` may take on a claim at `stage` (what the page offers). */
export function possibleActions(stage: ClaimStage, role: Role): ClaimAction[] {
  return CLAIM_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(stage) && TRANSITIONS[a].roles.includes(role));
}

/** Documents may be added or removed only before the file is complete, or after it was returned. */
export const documentsEditable = (stage: ClaimStage) => stage === 'reported' || stage === 'returned';

/** Who records the heir's receipt (after a call or visit): the people who keep the heirs. */
export const RECEIPT_RECORDERS: readonly Role[] = HANDLERS;
/** Who uploads and removes documents, and who assigns. */
export const DOCUMENT_EDITORS: readonly Role[] = EVERYONE;

// ── Checklist ────────────────────────────────────────────────────────────────────────────────────────────────

export const DOCUMENT_ITEMS = [
  'kpj_card',
  'ktp_participant',
  'ktp_heirs',
  'death_certificate',
  'family_card',
  'heir_statement',
  'marriage_book',
  'work_reference',
  'bank_book',
  'npwp',
  'accident_report_1',
  'accident_report_2',
  'chronology_witnesses',
  'medical_certificate',
  'other',
] as const;
export type DocumentItem = (typeof DOCUMENT_ITEMS)[number];

/** Above this payout BPJS asks for the NPWP (domain.md §4.6). */
export const NPWP_THRESHOLD = 50_000_000;

export type ChecklistClaim = {
  type: 'jkm' | 'jkk';
  outcome: string | null;
  category: string | null;
  estimateTotal: number;
};

/**
 * The checklist of a claim (domain.md §4.6): JKM as BPJS TK lists it; JKK with the stage I and II accident reports,
 * the chronology with witnesses and the medical certificates, plus the heirs' papers when the outcome is death.
 * "If the spouse claims" (marriage book) and "other supporting documents" are optional; the work reference is
 * required for wage earners (PU) only; the NPWP when the payout may exceed Rp50.000.000.
 */
export function checklist(c: ChecklistClaim): { item: DocumentItem; required: boolean }[] {
  const death = c.type === 'jkm' || c.outcome === 'death';
  const heirs: DocumentItem[] = death ? ['ktp_heirs', 'death_certificate', 'family_card', 'heir_statement'] : [];
  const accident: DocumentItem[] =
    c.type === 'jkk' ? ['accident_report_1', 'accident_report_2', 'chronology_witnesses', 'medical_certificate'] : [];
  const required: DocumentItem[] = ['kpj_card', 'ktp_participant', ...heirs, ...accident, 'bank_book'];
  if (c.category === 'PU') required.push('work_reference');
  if (c.estimateTotal > NPWP_THRESHOLD) required.push('npwp');
  const optional: DocumentItem[] = [...(death ? (['marriage_book'] as const) : []), 'other'];
  return [
    ...required.map((item) => ({ item, required: true })),
    ...optional.filter((i) => !required.includes(i)).map((item) => ({ item, required: false })),
  ];
}

// ── File types ───────────────────────────────────────────────────────────────────────────────────────────────

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The type of a file from its first bytes (magic numbers); null for anything but PDF, JPEG and PNG. */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

// ── Service level ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Which service level each claim type runs, and the step that starts it; the length is the rule row (benefit_rule
 * `sla.*`, domain.md §4.6). JKM: BPJS pays ≤ 3 working days after the file is complete. JKK: BPJS decides the
 * status of a suspected accident ≤ 30 days after the stage-I report, which reaches it with the file. The JKK
 * stage-I report itself (≤ 2 × 24 h of the event) is clocked from the event date at intake.
 */
export const SLA_CLOCKS: Readonly<Record<'jkm' | 'jkk', { startsAt: 'complete' | 'hand'; rule: string }>> = {
  jkm: { startsAt: 'complete', rule: 'sla.jkm_payment' },
  jkk: { startsAt: 'hand', rule: 'sla.jkk_status' },
};
export const JKK_REPORT_RULE = 'sla.jkk_report_stage1';

/** The last day of a deadline of `days` working or calendar days that starts on `start` (the start not counted). */
export function deadlineFrom(
  start: string,
  deadline: { days: number; working: boolean },
  holidays: ReadonlySet<string>,
): string {
  if (deadline.working) return addWorkingDays(start, deadline.days, holidays);
  return new Date(Date.parse(`${start}T00:00:00Z`) + deadline.days * 86_400_000).toISOString().slice(0, 10);
}

const isWeekend = (iso: string) => {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Whether `iso` (YYYY-MM-DD) is a working day: not Saturday, not Sunday, not in `holidays`. */
export const isWorkingDay = (iso: string, holidays: ReadonlySet<string>) => !isWeekend(iso) && !holidays.has(iso);

/**
 * The last day of a clock of `n` working days that starts on `start`: the start day itself does not count (a file
 * completed on Monday with 3 working days is due on Thursday).
 */
export function addWorkingDays(start: string, n: number, holidays: ReadonlySet<string>): string {
  let day = start;
  for (let left = n; left > 0;) {
    day = nextDay(day);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}
