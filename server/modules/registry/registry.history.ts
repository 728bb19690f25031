// The history of one worker: its audit rows read back as a timeline, field by field, NIKs masked.
import type { WorkerChange, WorkerHistory, WorkerHistoryEntry } from '../../../lib/contracts/workers.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { auditTrail } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { scopeLabels } from '../regions/index.ts';
import { requireWorkerReader } from './registry.policy.ts';
import { workerNotFound } from './registry.present.ts';
import * as repo from './registry.repository.ts';

/** Stored column → contract field, so the page labels a change with the form's own words. */
const FIELD_OF_COLUMN: Readonly<Record<string, string>> = {
  nik: 'nik',
  full_name: 'fullName',
  birth_place: 'birthPlace',
  birth_date: 'birthDate',
  sex: 'sex',
  village_code: 'village',
  address: 'address',
  rt: 'rt',
  rw: 'rw',
  phone: 'phone',
  segment: 'segment',
  category: 'category',
  monthly_income: 'monthlyIncome',
  vulnerability: 'vulnerability',
  kpj_number: 'kpjNumber',
  life_status: 'lifeStatus',
  death_date: 'deathDate',
};

// Keys of an audit row that are not the person's data: identity, bookkeeping, provenance and links between records.
const NOT_FIELDS = new Set([
  'id',
  'kabkota_code',
  'name_key',
  'source',
  'import',
  'created_at',
  'updated_at',
  'merged_into',
  'merged_from',
  'not_duplicate_of',
  'reasons',
]);

// Rows that say what happened to the record as a whole; their before/after is not a list of field changes.
const WHOLE_RECORD_ACTIONS = new Set(['worker.create', 'worker.reveal_nik', 'worker.duplicate_dismiss']);

type AuditRow = Awaited<ReturnType<typeof auditTrail>>[number];
type Json = Record<string, unknown>;

const asObject = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** NIKs never leave masked, also from audit rows written by other paths (an import stores them masked too). */
function safeValue(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{16}$/.test(value)) return maskNik(value);
  return value ?? null;
}

const COLUMN_ORDER = Object.keys(FIELD_OF_COLUMN);
/** The form's order (jsonb keeps its own key order); anything unknown last. */
const byFormOrder = (a: string, b: string) =>
  (COLUMN_ORDER.indexOf(a) + 1 || COLUMN_ORDER.length + 1) - (COLUMN_ORDER.indexOf(b) + 1 || COLUMN_ORDER.length + 1);

function changesOf(before: Json, after: Json): WorkerChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !NOT_FIELDS.has(k))
    .sort(byFormOrder);
  const changes: WorkerChange[] = [];
  for (const key of keys) {
    const [was, is] = [safeValue(before[key]), safeValue(after[key])];
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    changes.push({ field: FIELD_OF_COLUMN[key] ?? key, before: was, after: is });
  }
  return changes;
}

/** Where the data of this row came from: the record's own source on creation, the job of an import, the form. */
function sourceOf(row: AuditRow, after: Json): string | null {
  if (row.action === 'worker.create' && typeof after.source === 'string') return after.source;
  if (after.import !== undefined && after.import !== null) return `import:${String(after.import)}`;
  if (row.action === 'worker.update') return `form:${row.actor_username ?? ''}`;
  return null;
}

function related(after: Json): string | null {
  const other = after.merged_from ?? after.merged_into ?? after.not_duplicate_of;
  return other === undefined || other === null ? null : String(other);
}

function entryOf(row: AuditRow): WorkerHistoryEntry {
  const before = asObject(row.before);
  const after = asObject(row.after);
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: row.actor_username,
    action: row.action,
    source: sourceOf(row, after),
    changes: WHOLE_RECORD_ACTIONS.has(row.action) ? [] : changesOf(before, after),
    relatedWorkerId: related(after),
  };
}

/**
 * `GET /api/workers/:id/history`, newest first. Workers loaded in bulk (demo, import) have no audit row of their
 * own for the insert (their load has one row for all of them), so their first entry is made from the record.
 */
export async function workerHistory(db: Db, ctx: RequestContext, id: string): Promise<WorkerHistory> {
  const actor = requireWorkerReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const worker = await repo.findWorkerInScope(tx, actor.scope, id);
    if (!worker) throw workerNotFound(actor.locale);
    const entries = (await auditTrail(tx, { entity: 'worker', entityId: id, scope: actor.scope })).map(entryOf);
    if (!entries.some((e) => e.action === 'worker.create')) {
      entries.unshift({
        id: `origin-${worker.id}`,
        at: worker.created_at.toISOString(),
        actor: null,
        action: 'worker.create',
        source: worker.source,
        changes: [],
        relatedWorkerId: null,
      });
    }
    const villages = entries.flatMap((e) =>
      e.changes.filter((c) => c.field === 'village').flatMap((c) => [c.before, c.after]),
    );
    const labels = await scopeLabels(
      tx,
      villages.filter((v): v is string => typeof v === 'string'),
      actor.locale,
    );
    return { items: entries.reverse(), regionLabels: Object.fromEntries(labels) };
  });
}
