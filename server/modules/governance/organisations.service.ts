// Organisations (issue 16 §2): the channels through which workers are brought in, per region, editable by Disnaker;
// a user's own organisation (gov_member) is the default channel of what they register, import or propose.
import type {
  Organisation,
  OrganisationInput,
  OrganisationList,
  OrganisationUpdate,
} from '../../../lib/contracts/governance.ts';
import { interpolate } from '../../../lib/i18n/locale.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope, regionOverlapsScope } from '../../platform/scope-sql.ts';
import { assertRegionInScope, requireChannelReader, requireGovernanceEditor } from './governance.policy.ts';
import { CONFLICT_WORDS, ENTITY_WORDS } from './governance.words.ts';

const toOrganisation = (r: { id: string; region_code: string; kind: string; name: string; active: boolean }) =>
  ({
    id: String(r.id),
    region: r.region_code,
    kind: r.kind as Organisation['kind'],
    name: r.name,
    active: r.active,
  }) satisfies Organisation;

/** `GET /api/governance/organisations`: the organisations within or above the caller's scope (the channels). */
export async function listOrganisations(db: Db, ctx: RequestContext): Promise<OrganisationList> {
  const actor = requireChannelReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .selectFrom('gov_organisation')
      .selectAll()
      .where(() => regionOverlapsScope('region_code', actor.scope))
      .orderBy('region_code')
      .orderBy('kind')
      .orderBy('name')
      .execute();
    const mine = await tx
      .selectFrom('gov_member')
      .select('organisation_id')
      .where('username', '=', actor.username)
      .where(() => regionOverlapsScope('region_code', actor.scope))
      .executeTakeFirst();
    return { items: rows.map(toOrganisation), mine: mine ? String(mine.organisation_id) : null };
  });
}

/** `PUT /api/governance/organisations/:id` (Disnaker): kind, name, active. */
export async function updateOrganisation(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: OrganisationUpdate,
): Promise<Organisation> {
  const actor = requireGovernanceEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await tx
      .selectFrom('gov_organisation')
      .selectAll()
      .where('id', '=', id)
      .where(() => regionInScope('region_code', actor.scope))
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { entity: ENTITY_WORDS.organisation[actor.locale] });
    const taken = await tx
      .selectFrom('gov_organisation')
      .select('id')
      .where('region_code', '=', before.region_code)
      .where('name', '=', input.name)
      .where('id', '<>', id)
      .executeTakeFirst();
    if (taken) {
      throw new AppError('CONFLICT', {
        detail: interpolate(CONFLICT_WORDS.organisationTaken[actor.locale], { name: input.name }),
      });
    }
    const row = await tx
      .updateTable('gov_organisation')
      .set({ kind: input.kind, name: input.name, active: input.active, updated_at: new Date() })
      .where('id', '=', id)
      .where(() => regionInScope('region_code', actor.scope))
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, {
      action: 'governance.organisation.update',
      entity: 'gov_organisation',
      entityId: id,
      region: row.region_code,
      before: { kind: before.kind, name: before.name, active: before.active },
      after: input,
    });
    return toOrganisation(row);
  });
}

/** `POST /api/governance/organisations` (Disnaker). */
export async function createOrganisation(db: Db, ctx: RequestContext, input: OrganisationInput): Promise<Organisation> {
  const actor = requireGovernanceEditor(ctx);
  assertRegionInScope(actor, input.region);
  return withScope(db, actor.scope, async (tx) => {
    const taken = await tx
      .selectFrom('gov_organisation')
      .select('id')
      .where('region_code', '=', input.region)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (taken) {
      throw new AppError('CONFLICT', {
        detail: interpolate(CONFLICT_WORDS.organisationTaken[actor.locale], { name: input.name }),
      });
    }
    const row = await tx
      .insertInto('gov_organisation')
      .values({
        region_code: input.region,
        kind: input.kind,
        name: input.name,
        active: input.active,
        created_by: actor.username,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, {
      action: 'governance.organisation.create',
      entity: 'gov_organisation',
      entityId: String(row.id),
      region: row.region_code,
      after: input,
    });
    return toOrganisation(row);
  });
}

/** `PUT /api/governance/members`: the organisation a user works for, the default channel of their work. */
export async function setMember(db: Db, ctx: RequestContext, input: { username: string; organisationId: string }) {
  const actor = requireGovernanceEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const org = await organisationInScope(tx, actor, input.organisationId);
    await tx
      .insertInto('gov_member')
      .values({
        username: input.username,
        organisation_id: org.id,
        region_code: org.region_code,
        set_by: actor.username,
      })
      .onConflict((oc) =>
        oc.column('username').doUpdateSet({
          organisation_id: org.id,
          region_code: org.region_code,
          set_by: actor.username,
          set_at: new Date(),
        }),
      )
      .execute();
    await writeAudit(tx, ctx, {
      action: 'governance.member.set',
      entity: 'gov_member',
      entityId: input.username,
      region: org.region_code,
      after: input,
    });
    return { ok: true as const };
  });
}

export async function organisationInScope(tx: Tx, actor: Actor, id: string) {
  const org = await tx
    .selectFrom('gov_organisation')
    .selectAll()
    .where('id', '=', id)
    .where(() => regionOverlapsScope('region_code', actor.scope))
    .executeTakeFirst();
  if (!org) {
    throw new AppError('CONFLICT', { detail: interpolate(CONFLICT_WORDS.unknownOrganisation[actor.locale], { id }) });
  }
  return org;
}
