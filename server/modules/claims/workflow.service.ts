// The claim workflow (issue 15 §5, §7): reported → documents complete → handed to BPJS → paid/rejected → closed,
// with "returned for correction" (a reason from a fixed list). The order and who may take each step are the state
// machine of lib/rules/claim-workflow.ts; this file applies it under a row lock, writes the timeline row and the
// audit row in the same transaction. One assignee at a time (a column, not a list).
import type {
  AssigneeInput,
  ClaimWorkflow,
  ReceiptInput,
  TransitionInput,
} from '../../../lib/contracts/claims-workflow.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import {
  DOCUMENT_EDITORS,
  RECEIPT_RECORDERS,
  SLA_CLOCKS,
  TRANSITIONS,
  deadlineFrom,
  nextStage,
  possibleActions,
  type ClaimStage,
  type ReturnReason,
} from '../../../lib/rules/claim-workflow.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/context.ts';
import { requireRole, usernameTaken } from '../access/index.ts';
import { scopeLabels } from '../regions/index.ts';
import { renderCoverLetter } from './claims.cover-letter.ts';
import { requireClaimReader } from './claims.policy.ts';
import { checklistOf, claimNotFound, incompleteError, stageConflict } from './documents.service.ts';
import { ENTITY_WORDS } from './claims.words.ts';
import { benefitRules } from './claims.repository.ts';
import * as repo from './workflow.repository.ts';

/** The deadline (`sla.*` benefit rule row) in force on `date`, or null when none is. */
export async function deadlineRule(tx: Tx, key: string, date: string) {
  const rules = await benefitRules(tx);
  const row = rules.find((r) => r.key === key && r.validFrom <= date && (r.validTo === null || date <= r.validTo));
  return row?.value.kind === 'days' ? row.value : null;
}

const receiptOpen = (c: repo.WorkClaim) =>
  c.receipt_at === null && c.paid_amount !== null && (c.status === 'paid' || c.status === 'closed');

async function workflowOf(tx: Tx, actor: Actor, claim: repo.WorkClaim): Promise<ClaimWorkflow> {
  const events = await repo.eventsOf(tx, actor.scope, String(claim.id));
  return {
    claimId: String(claim.id),
    stage: claim.status as ClaimStage,
    stageChangedAt: claim.stage_changed_at.toISOString(),
    assignee: claim.assignee,
    returnedReason: claim.returned_reason as ReturnReason | null,
    paidAmount: claim.paid_amount === null ? null : Number(claim.paid_amount),
    decidedOn: claim.decided_on,
    rejectedReason: claim.rejected_reason,
    slaDueOn: claim.sla_due_on,
    slaBreached: claim.sla_breached_at !== null,
    reportDueOn: claim.report_due_on,
    reportBreached: claim.report_breached_at !== null,
    receipt:
      claim.receipt_at === null
        ? null
        : {
            received: claim.receipt_received ?? false,
            feeAsked: claim.receipt_fee_asked ?? false,
            note: claim.receipt_note,
            by: claim.receipt_by ?? '',
            at: claim.receipt_at.toISOString(),
          },
    actions: possibleActions(claim.status as ClaimStage, actor.role),
    canRecordReceipt: receiptOpen(claim) && RECEIPT_RECORDERS.includes(actor.role),
    events: events.map((e) => ({
      id: String(e.id),
      action: e.action as ClaimWorkflow['events'][number]['action'],
      fromStage: e.from_status as ClaimStage,
      toStage: e.to_status as ClaimStage,
      reason: e.reason,
      note: e.note,
      amount: e.amount === null ? null : Number(e.amount),
      actor: e.actor,
      at: e.at.toISOString(),
    })),
  };
}

/** Runs `work` on the locked claim in scope and answers with the workflow as it is afterwards. */
async function onClaim(
  db: Db,
  actor: Actor,
  claimId: string,
  work: (tx: Tx, claim: repo.WorkClaim) => Promise<void>,
): Promise<ClaimWorkflow> {
  return withScope(db, actor.scope, async (tx) => {
    const claim = await repo.claimForWork(tx, actor.scope, claimId, true);
    if (!claim) throw claimNotFound(actor.locale);
    await work(tx, claim);
    const after = await repo.claimForWork(tx, actor.scope, claimId);
    return workflowOf(tx, actor, after!);
  });
}

/** `GET /api/claims/:id/workflow`: stage, assignee, decision, receipt, the timeline and the caller's next steps. */
export async function getWorkflow(db: Db, ctx: RequestContext, claimId: string): Promise<ClaimWorkflow> {
  const actor = requireClaimReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const claim = await repo.claimForWork(tx, actor.scope, claimId);
    if (!claim) throw claimNotFound(actor.locale);
    return workflowOf(tx, actor, claim);
  });
}

/** `POST /api/claims/:id/transitions`: one step of the state machine; an illegal step is a 409 naming the stage. */
export async function transition(
  db: Db,
  ctx: RequestContext,
  claimId: string,
  input: TransitionInput,
  maxBytes: number,
): Promise<ClaimWorkflow> {
  const actor = requireRole(ctx, TRANSITIONS[input.action].roles);
  return onClaim(db, actor, claimId, async (tx, claim) => {
    const from = claim.status as ClaimStage;
    const to = nextStage(from, input.action);
    if (!to) throw stageConflict(from, input.action);
    if (input.action === 'complete') {
      const list = await checklistOf(tx, actor.scope, claim, maxBytes);
      if (!list.complete) throw incompleteError(list.missing);
    }
    const patch: repo.ClaimPatch = { status: to };
    if (input.action === 'return') patch.returned_reason = input.reason;
    if (input.action === 'complete') patch.returned_reason = null;
    if (input.action === 'pay' || input.action === 'reject') patch.decided_on = todayWib(systemClock());
    if (input.action === 'pay') patch.paid_amount = input.amount;
    if (input.action === 'reject') patch.rejected_reason = input.reason;
    await repo.updateClaim(tx, actor.scope, String(claim.id), patch);
    // The service-level clock: starts at the type's step (JKM: file complete; JKK: handed to BPJS), with the rule
    // row in force that day; paused (cleared) while the file is back with the family. No rule row: no clock.
    if (input.action === SLA_CLOCKS[claim.type].startsAt) {
      const today = todayWib(systemClock());
      const deadline = await deadlineRule(tx, SLA_CLOCKS[claim.type].rule, today);
      const due = deadline && deadlineFrom(today, deadline, await repo.holidaysFrom(tx, today));
      await repo.setSlaDue(tx, actor.scope, String(claim.id), due);
    }
    if (input.action === 'return') await repo.setSlaDue(tx, actor.scope, String(claim.id), null);
    const reason = input.action === 'return' || input.action === 'reject' ? input.reason : null;
    const amount = input.action === 'pay' ? input.amount : null;
    const note = 'note' in input ? (input.note ?? null) : null;
    await repo.insertEvent(tx, {
      claim_id: String(claim.id),
      village_code: claim.village_code,
      action: input.action,
      from_status: from,
      to_status: to,
      reason,
      note,
      amount,
      actor: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'claim.stage',
      entity: 'claim',
      entityId: String(claim.id),
      region: claim.village_code,
      before: { status: from },
      after: { status: to, step: input.action, reason, amount, note },
    });
  });
}

/** `PUT /api/claims/:id/assignee`: who works on the claim now (one person, or nobody). */
export async function assign(db: Db, ctx: RequestContext, claimId: string, input: AssigneeInput) {
  const actor = requireRole(ctx, DOCUMENT_EDITORS);
  return onClaim(db, actor, claimId, async (tx, claim) => {
    if (claim.status === 'closed') throw stageConflict(claim.status, 'close');
    if (input.assignee !== null && !(await usernameTaken(tx, input.assignee))) {
      throw new AppError('NOT_FOUND', { entity: ENTITY_WORDS.user[actor.locale] });
    }
    await repo.updateClaim(tx, actor.scope, String(claim.id), { assignee: input.assignee });
    await repo.insertEvent(tx, {
      claim_id: String(claim.id),
      village_code: claim.village_code,
      action: 'assign',
      from_status: claim.status,
      to_status: claim.status,
      note: input.assignee,
      actor: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'claim.assign',
      entity: 'claim',
      entityId: String(claim.id),
      region: claim.village_code,
      before: { assignee: claim.assignee },
      after: { assignee: input.assignee },
    });
  });
}

/** `POST /api/claims/:id/receipt`: the heir confirms the money arrived, and says whether anyone asked for a fee. */
export async function recordReceipt(db: Db, ctx: RequestContext, claimId: string, input: ReceiptInput) {
  const actor = requireRole(ctx, RECEIPT_RECORDERS);
  return onClaim(db, actor, claimId, async (tx, claim) => {
    if (!receiptOpen(claim)) throw new AppError('CLAIM_RECEIPT_NOT_ALLOWED');
    await repo.updateClaim(tx, actor.scope, String(claim.id), {
      receipt_received: input.received,
      receipt_fee_asked: input.feeAsked,
      receipt_note: input.note ?? null,
      receipt_by: actor.username,
    });
    await repo.insertEvent(tx, {
      claim_id: String(claim.id),
      village_code: claim.village_code,
      action: 'receipt',
      from_status: claim.status,
      to_status: claim.status,
      reason: input.feeAsked ? 'fee_asked' : null,
      note: input.note ?? null,
      actor: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'claim.receipt',
      entity: 'claim',
      entityId: String(claim.id),
      region: claim.village_code,
      after: { received: input.received, fee_asked: input.feeAsked, note: input.note ?? null },
    });
  });
}

/** Stages at which the file has been handed to BPJS (the cover letter exists). */
const HANDED: readonly string[] = ['handed', 'paid', 'rejected', 'closed'];

/** `GET /api/claims/:id/cover-letter.pdf`: audited (committed) before the letter is sent. */
export async function coverLetter(db: Db, ctx: RequestContext, claimId: string, maxBytes: number) {
  const actor = requireClaimReader(ctx);
  const letter = await withScope(db, actor.scope, async (tx) => {
    const claim = await repo.claimForWork(tx, actor.scope, claimId);
    if (!claim) throw claimNotFound(actor.locale);
    if (!HANDED.includes(claim.status)) throw stageConflict(claim.status, 'hand');
    const events = await repo.eventsOf(tx, actor.scope, claimId);
    const hand = events.filter((e) => e.action === 'hand').at(-1);
    await writeAudit(tx, ctx, {
      action: 'claim.cover_letter',
      entity: 'claim',
      entityId: claimId,
      region: claim.village_code,
    });
    return {
      claim,
      documents: await checklistOf(tx, actor.scope, claim, maxBytes),
      handedBy: hand?.actor ?? '-',
      handedOn: todayWib(hand?.at ?? systemClock()),
    };
  });
  const labels = await scopeLabels(db, [letter.claim.village_code], 'id');
  return renderCoverLetter({
    ...letter,
    regionLabel: labels.get(letter.claim.village_code) ?? letter.claim.village_code,
  });
}
