import { inScope } from '../../../lib/access/roles.ts';
import { BILL_MANAGERS, BILL_READERS, COVERAGE_CHECKERS, LAPSE_READERS } from '../../../lib/contracts/billing.ts';
import { PROGRAM_READERS } from '../../../lib/contracts/programs.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';

export const requireBillReader = (ctx: RequestContext) => requireRole(ctx, BILL_READERS);
export const requireBillManager = (ctx: RequestContext) => requireRole(ctx, BILL_MANAGERS);
export const requireLapseReader = (ctx: RequestContext) => requireRole(ctx, LAPSE_READERS);
export const requireCoverageChecker = (ctx: RequestContext) => requireRole(ctx, COVERAGE_CHECKERS);
/** Rupiah per month, no persons: whoever reads programme figures. */
export const requireBudgetReader = (ctx: RequestContext) => requireRole(ctx, PROGRAM_READERS);

/** Payments are recorded by managers whose scope holds the programme's region (as programmes are managed). */
export function assertManagesBill(actor: Actor, region: string): void {
  if (!(BILL_MANAGERS.includes(actor.role) && inScope(actor.scope, region))) {
    throw new AppError('OUT_OF_SCOPE', { region });
  }
}

/** A region filter must lie inside the actor's scope. */
export function assertRegionInScope(actor: Actor, region: string | undefined): void {
  if (region !== undefined && !inScope(actor.scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
}
