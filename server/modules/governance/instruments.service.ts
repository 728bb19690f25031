// The register of legal instruments and agreements (issue 16 §1): Perda, Raperda with its stage, Perkada, Pergub,
// circulars, decrees, national references and PKS/MoU, with the signed PDF stored outside the database (SHA-256,
// audited download), links to programmes and targets, expiry alerts for agreements, and the public list of enacted
// regional regulations.
import type { Readable } from 'node:stream';
import {
  AGREEMENT_KINDS,
  NATIONAL_KINDS,
  REGULATION_KINDS,
  type ExpiringList,
  type Instrument,
  type InstrumentInput,
  type InstrumentList,
  type OpenRegulationList,
} from '../../../lib/contracts/governance.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { checkedPdf, openStoredPdf } from './governance.files.ts';
import { assertRegionInScope, requireGovernanceEditor, requireGovernanceReader } from './governance.policy.ts';
import { ENTITY_WORDS } from './governance.words.ts';
import * as repo from './instruments.repository.ts';

export type FileDeps = { db: Db; store: FileStore; maxBytes: number };

const notFound = (locale: 'id' | 'en') => new AppError('NOT_FOUND', { entity: ENTITY_WORDS.instrument[locale] });

const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);

export function toInstrument(r: repo.InstrumentRow, today: string): Instrument {
  const started = r.effective_from === null || r.effective_from <= today;
  const notEnded = r.effective_until === null || r.effective_until >= today;
  return {
    id: String(r.id),
    region: r.region_code,
    kind: r.kind as Instrument['kind'],
    stage: r.stage as Instrument['stage'],
    number: r.number,
    title: r.title,
    signedOn: r.signed_on,
    effectiveFrom: r.effective_from,
    effectiveUntil: r.effective_until,
    issuer: r.issuer,
    counterparty: r.counterparty,
    regionsCovered: r.regions_covered,
    subjectTags: r.subject_tags,
    status: r.status as Instrument['status'],
    programIds: r.program_ids.map(String),
    targetIds: r.target_ids.map(String),
    file:
      r.storage_key && r.file_name && r.sha256 && r.uploaded_at
        ? {
            name: r.file_name,
            sizeBytes: Number(r.size_bytes),
            sha256: r.sha256,
            uploadedAt: r.uploaded_at.toISOString(),
          }
        : null,
    inForce: r.status === 'enacted' && started && notEnded,
    daysLeft: r.effective_until === null ? null : dayNumber(r.effective_until) - dayNumber(today),
  };
}

const columnsOf = (input: InstrumentInput) => ({
  region_code: input.region,
  kind: input.kind,
  stage: input.stage,
  number: input.number,
  title: input.title,
  signed_on: input.signedOn,
  effective_from: input.effectiveFrom,
  effective_until: input.effectiveUntil,
  issuer: input.issuer,
  counterparty: input.counterparty,
  regions_covered: input.regionsCovered,
  subject_tags: input.subjectTags,
  status: input.status,
  program_ids: input.programIds,
  target_ids: input.targetIds,
});

async function assertRegionExists(tx: Tx, code: string) {
  const found = await tx.selectFrom('region_directory').select('code').where('code', '=', code).executeTakeFirst();
  if (!found) throw new AppError('REGION_UNKNOWN', { region: code });
}

/** `POST /api/governance/instruments`. */
export async function createInstrument(db: Db, ctx: RequestContext, input: InstrumentInput): Promise<Instrument> {
  const actor = requireGovernanceEditor(ctx);
  assertRegionInScope(actor, input.region);
  for (const r of input.regionsCovered) assertRegionInScope(actor, r);
  return withScope(db, actor.scope, async (tx) => {
    await assertRegionExists(tx, input.region);
    const row = await repo.insertInstrument(tx, { ...columnsOf(input), created_by: actor.username });
    await writeAudit(tx, ctx, {
      action: 'governance.instrument.create',
      entity: 'gov_instrument',
      entityId: String(row.id),
      region: row.region_code,
      after: columnsOf(input),
    });
    return toInstrument(row, todayWib(systemClock()));
  });
}

/** `PUT /api/governance/instruments/:id`: every field again (a Raperda enacted becomes a Perda here). */
export async function updateInstrument(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: InstrumentInput,
): Promise<Instrument> {
  const actor = requireGovernanceEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.instrumentById(tx, actor.scope, id, true);
    if (!before) throw notFound(actor.locale);
    assertRegionInScope(actor, input.region);
    for (const r of input.regionsCovered) assertRegionInScope(actor, r);
    await assertRegionExists(tx, input.region);
    const row = await tx
      .updateTable('gov_instrument')
      .set({ ...columnsOf(input), updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, {
      action: 'governance.instrument.update',
      entity: 'gov_instrument',
      entityId: id,
      region: row.region_code,
      before: { ...columnsOf(fromRow(before)) },
      after: columnsOf(input),
    });
    return toInstrument(row, todayWib(systemClock()));
  });
}

function fromRow(r: repo.InstrumentRow): InstrumentInput {
  const i = toInstrument(r, '2000-01-01');
  return {
    region: i.region,
    kind: i.kind,
    stage: i.stage,
    number: i.number,
    title: i.title,
    signedOn: i.signedOn,
    effectiveFrom: i.effectiveFrom,
    effectiveUntil: i.effectiveUntil,
    issuer: i.issuer,
    counterparty: i.counterparty,
    regionsCovered: i.regionsCovered,
    subjectTags: i.subjectTags as InstrumentInput['subjectTags'],
    status: i.status,
    programIds: i.programIds,
    targetIds: i.targetIds,
  };
}

const GROUP_KINDS = {
  regulation: [...REGULATION_KINDS, ...NATIONAL_KINDS],
  agreement: [...AGREEMENT_KINDS],
} as const;

/** `GET /api/governance/instruments`. */
export async function listInstruments(
  db: Db,
  ctx: RequestContext,
  q: { group: 'regulation' | 'agreement' | 'all'; kind?: string; status?: string; page: number; pageSize: number },
): Promise<InstrumentList> {
  const actor = requireGovernanceReader(ctx);
  const kinds = q.kind ? [q.kind] : q.group === 'all' ? undefined : GROUP_KINDS[q.group];
  const { rows, total } = await withScope(db, actor.scope, (tx) =>
    repo.listInstruments(tx, actor.scope, { kinds, status: q.status, page: q.page, pageSize: q.pageSize }),
  );
  const today = todayWib(systemClock());
  return { items: rows.map((r) => toInstrument(r, today)), total, page: q.page, pageSize: q.pageSize };
}

/** `GET /api/governance/instruments/:id`. */
export async function getInstrument(db: Db, ctx: RequestContext, id: string): Promise<Instrument> {
  const actor = requireGovernanceReader(ctx);
  const row = await withScope(db, actor.scope, (tx) => repo.instrumentById(tx, actor.scope, id));
  if (!row) throw notFound(actor.locale);
  return toInstrument(row, todayWib(systemClock()));
}

/** `PUT /api/governance/instruments/:id/file`: the signed PDF (replaces an earlier one; the old file is removed). */
export async function uploadInstrumentFile(
  deps: FileDeps,
  ctx: RequestContext,
  id: string,
  fileName: string,
  bytes: Buffer,
): Promise<Instrument> {
  const actor = requireGovernanceEditor(ctx);
  const sha256 = checkedPdf(actor, deps.maxBytes, fileName, bytes);
  let stored: string | null = null;
  try {
    const { result, old } = await withScope(deps.db, actor.scope, async (tx) => {
      const before = await repo.instrumentById(tx, actor.scope, id, true);
      if (!before) throw notFound(actor.locale);
      stored = await deps.store.put(String(before.id), bytes);
      const row = await tx
        .updateTable('gov_instrument')
        .set({
          file_name: fileName,
          size_bytes: bytes.length,
          sha256,
          storage_key: stored,
          uploaded_by: actor.username,
          uploaded_at: new Date(),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(tx, ctx, {
        action: 'governance.instrument.file',
        entity: 'gov_instrument',
        entityId: id,
        region: row.region_code,
        before: before.sha256 ? { file_name: before.file_name, sha256: before.sha256 } : undefined,
        after: { file_name: fileName, size: bytes.length, sha256 },
      });
      return { result: toInstrument(row, todayWib(systemClock())), old: before.storage_key };
    });
    if (old) await deps.store.remove(old);
    return result;
  } catch (err) {
    if (stored) await deps.store.remove(stored);
    throw err;
  }
}

/** `GET /api/governance/instruments/:id/file`: audited (committed) before the first byte leaves. */
export async function openInstrumentFile(
  deps: FileDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ name: string; size: number; stream: Readable }> {
  const actor = requireGovernanceReader(ctx);
  return openStoredPdf(
    deps,
    ctx,
    actor,
    async (tx) => {
      const found = await repo.instrumentById(tx, actor.scope, id);
      return (
        found && { key: found.storage_key, sha256: found.sha256, size: found.size_bytes, region: found.region_code }
      );
    },
    {
      action: 'governance.instrument.download',
      entity: 'gov_instrument',
      id,
      name: `instrumen-${id}.pdf`,
      what: 'instrument',
    },
  );
}

/** `GET /api/governance/agreements/expiring`: agreements ending within 90 days, level 30 inside 30 days. */
export async function expiringAgreements(
  db: Db,
  ctx: RequestContext,
  today: string = todayWib(systemClock()),
): Promise<ExpiringList> {
  const actor = requireGovernanceReader(ctx);
  const rows = await withScope(db, actor.scope, (tx) => repo.expiring(tx, actor.scope, AGREEMENT_KINDS, today));
  return {
    today,
    items: rows.map((r) => {
      const instrument = toInstrument(r, today);
      return {
        instrument,
        level: (instrument.daysLeft ?? 0) <= 30 ? (30 as const) : (90 as const),
        raisedOn: (r.raised_on as string | null) ?? null,
      };
    }),
  };
}

export const EXPIRY_JOB = 'governance.expiry';

/** The daily job: raises the 90- and 30-day alerts due today, each once, audited. */
export async function raiseExpiryAlerts(db: Db, today: string = todayWib(systemClock())): Promise<number> {
  const ctx = systemContext(EXPIRY_JOB);
  return withScope(db, '*', async (tx) => {
    const raised = await repo.raiseAlerts(tx, '*', AGREEMENT_KINDS, today);
    for (const a of raised) {
      await writeAudit(tx, ctx, {
        action: 'governance.agreement.expiry_alert',
        entity: 'gov_instrument',
        entityId: String(a.instrument_id),
        region: a.region_code,
        after: { threshold_days: a.threshold_days, effective_until: a.effective_until, today },
      });
    }
    return raised.length;
  });
}

/** `GET /open/regulations`: public, no sign-in. */
export async function openRegulations(db: Db): Promise<OpenRegulationList> {
  return withScope(db, '', async (tx) => {
    const rows = await repo.openRegulations(tx);
    const codes = [...new Set(rows.map((r) => r.region_code))];
    const names = codes.length
      ? await tx.selectFrom('region_directory').select(['code', 'name']).where('code', 'in', codes).execute()
      : [];
    const label = new Map(names.map((n) => [n.code, n.name]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        region: r.region_code,
        regionLabel: label.get(r.region_code) ?? r.region_code,
        kind: r.kind as Instrument['kind'],
        number: r.number,
        title: r.title,
        signedOn: r.signed_on,
        effectiveFrom: r.effective_from,
        effectiveUntil: r.effective_until,
        issuer: r.issuer,
        subjectTags: r.subject_tags,
        sha256: r.sha256,
      })),
    };
  });
}
