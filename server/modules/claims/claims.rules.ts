// The benefit-rule admin (issue 15 §3): administrators append an effective-dated row with its legal basis. The new
// row ends the row in force on the day before it starts, in one transaction with its audit row; the table's history
// guard (sql/benefit-rules.sql) refuses every other change, and its exclusion constraint any overlap.
import { sql } from 'kysely';
import type { BenefitRuleInput, BenefitRuleList } from '../../../lib/contracts/claims-rules.ts';
import type { BenefitRuleValue } from '../../../lib/rules/benefits-entitlement.ts';
import { word } from '../../../lib/i18n/words.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';
import { requireClaimReader } from './claims.policy.ts';
import { RULE_WORDS } from './claims.words.ts';

/** `GET /api/claims/benefit-rules`: every row, by key and start (national reference data). */
export async function listBenefitRules(db: Db, ctx: RequestContext): Promise<BenefitRuleList> {
  const actor = requireClaimReader(ctx);
  const rows = await withScope(db, actor.scope, (tx) =>
    tx
      .selectFrom('benefit_rule')
      .select(['id', 'key', 'valid_from', 'valid_to', 'legal_basis', 'note', 'certainty', 'value', 'created_by'])
      .orderBy('key')
      .orderBy('valid_from')
      .execute(),
  );
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      key: r.key,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      legalBasis: r.legal_basis,
      note: r.note,
      certainty: r.certainty,
      value: r.value as BenefitRuleValue,
      createdBy: r.created_by,
    })),
  };
}

/** `POST /api/claims/benefit-rules` (administrators): append a row of a known key; it ends the row in force. */
export async function addBenefitRule(db: Db, ctx: RequestContext, input: BenefitRuleInput): Promise<BenefitRuleList> {
  const actor = requireRole(ctx, ['admin']);
  const refuse = (w: keyof typeof RULE_WORDS, params: Record<string, string> = {}) =>
    new AppError('VALIDATION_FAILED', { detail: word(RULE_WORDS[w], actor.locale, params) });
  await withScope(db, actor.scope, async (tx) => {
    // One writer per key at a time: the rows of the key are locked while the new one is placed.
    const rows = await tx
      .selectFrom('benefit_rule')
      .select(['id', 'valid_from', 'valid_to', 'value'])
      .where('key', '=', input.key)
      .orderBy('valid_from', 'desc')
      .forUpdate()
      .execute();
    const latest = rows[0];
    if (!latest) throw refuse('unknownKey', { key: input.key });
    const kind = (latest.value as BenefitRuleValue).kind;
    if (kind !== input.value.kind) throw refuse('kind', { key: input.key, kind });
    if (input.validFrom <= latest.valid_from || (latest.valid_to !== null && input.validFrom <= latest.valid_to)) {
      throw refuse('start', { key: input.key, from: latest.valid_to ?? latest.valid_from });
    }
    if (latest.valid_to === null) {
      await tx
        .updateTable('benefit_rule')
        .set({ valid_to: sql<string>`${input.validFrom}::date - 1` })
        .where('id', '=', latest.id)
        .execute();
    }
    const created = await tx
      .insertInto('benefit_rule')
      .values({
        key: input.key,
        valid_from: input.validFrom,
        legal_basis: input.legalBasis,
        note: input.note,
        certainty: input.certainty,
        value: JSON.stringify(input.value),
        created_by: actor.username,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, {
      action: 'claim.benefit_rule.add',
      entity: 'benefit_rule',
      entityId: String(created.id),
      before: latest.valid_to === null ? { id: String(latest.id), valid_to: null } : null,
      after: input,
    });
  });
  return listBenefitRules(db, ctx);
}
