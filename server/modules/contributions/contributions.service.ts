import {
  ruleValue,
  type CostRequest,
  type CostResponse,
  type QuoteRequest,
  type QuoteResponse,
  type RuleCreate,
  type RuleCreated,
  type RuleListQuery,
  type RuleRow,
} from '../../../lib/contracts/contributions.ts';
import { benefitSummary, type BenefitSummary } from '../../../lib/rules/benefits.ts';
import {
  checkRuleTable,
  costOverMonths,
  quoteContribution,
  isUnconfirmed,
  RuleError,
  type ContributionRuleRow,
  type QuoteInput,
} from '../../../lib/rules/contributions.ts';
import { formatRupiah } from '../../../lib/rules/money.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { announce, type ChangeListener } from '../../platform/notify.ts';
import * as repo from './contributions.repository.ts';
import { requireRuleEditor } from './contributions.policy.ts';

/** A rule row as the engine reads it, plus what the database adds. */
export type StoredRule = ContributionRuleRow & { id: string; createdAt: string };

// ---------------------------------------------------------------------------------------------------------------
// The rule set, cached per process and per database handle

// Quotes are public and frequent; the table changes rarely and only through addRule below, which drops the entry
// after its commit, here and (announced in its transaction) in every other process: invalidateRulesOnChange.
// Keyed by the Kysely handle so that several databases in one process (tests) never mix.
const cache = new WeakMap<Db, Promise<StoredRule[]>>();

function toStored(row: repo.RuleDbRow): StoredRule {
  const value = ruleValue.safeParse(row.value);
  if (!value.success) {
    throw new AppError('RULE_CONFLICT', {
      detail: `baris #${row.id} (${row.key}) berisi nilai yang tidak sah: ${value.error.issues[0]?.message ?? ''}`,
    });
  }
  return {
    id: String(row.id),
    key: row.key,
    scope: row.scope,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    citation: row.citation,
    note: row.legal_basis,
    value: value.data,
    createdAt: row.created_at.toISOString(),
  };
}

/** The whole rule table (small), loaded once and shared until a row is added. */
export function loadRules(db: Db): Promise<StoredRule[]> {
  const cached = cache.get(db);
  if (cached) return cached;
  const loading = repo.listAllRules(db).then((rows) => rows.map(toStored));
  cache.set(db, loading);
  // A failed load is not kept: the next request tries again.
  loading.catch(() => {
    if (cache.get(db) === loading) cache.delete(db);
  });
  return loading;
}

export function invalidateRules(db: Db): void {
  cache.delete(db);
}

/** The change topic (platform/notify.ts) announced when a rule row is added, by whichever process added it. */
export const RULES_CHANGED = 'contribution_rule';

/**
 * Keeps the cached rule sets of these database handles current across processes: a rule added by another Lindung
 * process on the same database (or an update missed while the listener reconnected) drops them here too.
 */
export function invalidateRulesOnChange(changes: ChangeListener, dbs: readonly Db[]): () => void {
  return changes.on(RULES_CHANGED, () => {
    for (const db of dbs) invalidateRules(db);
  });
}

/**
 * A rule row as the API shows it: always the citation; the internal research note only for administrators
 * (`withNote`), so public, printed and exported text can only ever cite the regulation.
 */
function present(row: StoredRule, withNote = false): RuleRow {
  return {
    id: row.id,
    key: row.key,
    scope: row.scope,
    validFrom: row.validFrom,
    validTo: row.validTo,
    citation: row.citation,
    ...(withNote && { note: row.note }),
    unconfirmed: isUnconfirmed(row.note),
    value: row.value,
    createdAt: row.createdAt,
  };
}

/** Whether the actor sees the internal research notes of rule rows: administrators only. */
export function seesRuleNotes(ctx: RequestContext): boolean {
  return ctx.actor?.role === 'admin';
}

function isValidOn(row: ContributionRuleRow, date: string): boolean {
  return row.validFrom <= date && (row.validTo === null || date <= row.validTo);
}

// ---------------------------------------------------------------------------------------------------------------
// Engine errors → the closed catalogue

const CATEGORY_LABEL: Readonly<Record<string, string>> = { pu: 'PU', bpu: 'BPU', jakon: 'Jakon', pmi: 'PMI' };

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function programNames(value: unknown): string {
  return Array.isArray(value) ? value.map((p) => text(p).toUpperCase()).join(', ') : '';
}

/** Maps a RuleError to its AppError, with parameters that let the message say what to do. */
export function toAppError(err: unknown, date: string): unknown {
  if (!(err instanceof RuleError)) return err;
  const d = err.details;
  switch (err.code) {
    case 'RULE_GAP': {
      const scope = text(d.scope);
      return new AppError('RULE_GAP', {
        rule: `${text(d.key)}${scope ? ` (${scope})` : ''}`,
        date: text(d.date) || date,
      });
    }
    case 'INCOME_NOT_IN_TABLE': {
      const allowed = Array.isArray(d.allowed)
        ? d.allowed.filter((n): n is number => typeof n === 'number').map((n) => formatRupiah(n))
        : [];
      return new AppError('INCOME_NOT_IN_TABLE', {
        income: typeof d.income === 'number' ? formatRupiah(d.income) : text(d.income),
        date,
        allowed: allowed.length ? allowed.join(', ') : '-',
      });
    }
    case 'PROGRAM_NOT_AVAILABLE':
      return new AppError('PROGRAM_NOT_AVAILABLE', {
        programs: programNames(d.programs),
        category: CATEGORY_LABEL[text(d.category)] ?? text(d.category),
      });
    case 'PROGRAM_REQUIRED':
      return new AppError('PROGRAM_REQUIRED', { missing: programNames(d.missing), reason: text(d.reason) });
    case 'RULE_CONFLICT':
      return new AppError('RULE_CONFLICT', { detail: err.message });
    case 'INVALID_INPUT':
      return new AppError('VALIDATION_FAILED', { detail: err.message });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Quotes

function toEngineInput(input: QuoteRequest): QuoteInput {
  if (input.category !== 'jakon') return input;
  const { contractValue, wage, programs, date } = input;
  if (contractValue !== undefined && wage === undefined) return { category: 'jakon', contractValue, programs, date };
  if (wage !== undefined && contractValue === undefined) return { category: 'jakon', wage, programs, date };
  throw new AppError('VALIDATION_FAILED', { detail: 'isi tepat satu dari contractValue atau wage' });
}

/** One participant, project or PMI contract on one date, with the rule rows used and their legal basis. */
export async function quote(db: Db, input: QuoteRequest): Promise<QuoteResponse> {
  const rules = await loadRules(db);
  let result;
  try {
    result = quoteContribution(toEngineInput(input), rules);
  } catch (err) {
    throw toAppError(err, input.date);
  }
  // The engine returns the very row objects it was given, so each maps back to its stored row (and id).
  const rulesUsed = result.rulesUsed.map((used) => {
    const row = rules.find((r) => r === used);
    if (!row) throw new Error(`rule ${used.key} not from the loaded table`);
    return present(row);
  });
  return {
    category: result.category,
    date: result.date,
    items: result.items,
    total: result.total,
    byPayer: result.byPayer,
    rulesUsed,
    ...(result.recomposition && { recomposition: result.recomposition }),
  };
}

/** N identical participants over M months from a start month, each month priced on its first day. */
export async function cost(db: Db, input: CostRequest): Promise<CostResponse> {
  const rules = await loadRules(db);
  try {
    const result = costOverMonths(
      { input: input.input, persons: input.persons, months: input.months, startMonth: input.startMonth },
      rules,
    );
    return { persons: input.persons, startMonth: input.startMonth, ...result };
  } catch (err) {
    throw toAppError(err, `${input.startMonth}-01`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rule rows

export async function listRules(
  db: Db,
  query: RuleListQuery,
  options: { withNotes?: boolean } = {},
): Promise<{ items: RuleRow[] }> {
  const rules = await loadRules(db);
  const items = rules.filter(
    (r) =>
      (query.key === undefined || r.key === query.key) &&
      (query.prefix === undefined || r.key.startsWith(query.prefix)) &&
      (query.date === undefined || isValidOn(r, query.date)),
  );
  return { items: items.map((r) => present(r, options.withNotes === true)) };
}

function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

function period(from: string, to: string | null): string {
  return `${from} – ${to ?? '…'}`;
}

function ruleName(key: string, scope: string): string {
  return scope ? `${key} (${scope})` : key;
}

function overlaps(a: ContributionRuleRow, b: ContributionRuleRow): boolean {
  return a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');
}

/** Income rows share a key; two rows with the same income in force together would be a duplicate. */
function sameIdentity(a: ContributionRuleRow, b: ContributionRuleRow): boolean {
  if (a.key !== b.key || a.scope !== b.scope) return false;
  if (a.value.kind === 'income' || b.value.kind === 'income') {
    return a.value.kind === 'income' && b.value.kind === 'income' && a.value.rupiah === b.value.rupiah;
  }
  return true;
}

function auditView(row: StoredRule) {
  return {
    key: row.key,
    scope: row.scope,
    valid_from: row.validFrom,
    valid_to: row.validTo,
    citation: row.citation,
    legal_basis: row.note,
    value: row.value,
  };
}

/**
 * Adds an effective-dated rule row; history is never edited. When an open-ended row of the same key and scope
 * started earlier, it is ended the day before the new row starts: the one change the table allows, audited with
 * the new row in the same transaction. Any other overlap is refused (RULE_OVERLAP) and nothing is written.
 */
export async function addRule(db: Db, ctx: RequestContext, input: RuleCreate): Promise<RuleCreated> {
  const actor = requireRuleEditor(ctx);
  const candidate: ContributionRuleRow = {
    key: input.key,
    scope: input.scope,
    validFrom: input.validFrom,
    validTo: input.validTo,
    citation: input.citation,
    // Without a note of its own, the row's note repeats its citation (the column is never empty).
    note: input.note || input.citation,
    value: input.value,
  };
  const overlapError = (detail: string) =>
    new AppError('RULE_OVERLAP', {
      rule: ruleName(input.key, input.scope),
      period: period(input.validFrom, input.validTo),
      detail,
    });
  let created: RuleCreated;
  try {
    created = await withScope(db, actor.scope, async (tx) => {
      await repo.lockRuleChanges(tx);
      const existing = (await repo.listAllRules(tx)).map(toStored);

      const kinds = [...new Set(existing.filter((r) => r.key === input.key).map((r) => r.value.kind))];
      if (kinds.length > 0 && !kinds.includes(input.value.kind)) {
        throw new AppError('VALIDATION_FAILED', {
          detail: `value.kind untuk aturan ${input.key} harus ${kinds.join(' atau ')}, bukan ${input.value.kind}`,
        });
      }

      const predecessor =
        input.value.kind === 'income'
          ? undefined
          : existing.find(
              (r) =>
                r.key === input.key && r.scope === input.scope && r.validTo === null && r.validFrom < input.validFrom,
            );
      const closedTo = predecessor ? dayBefore(input.validFrom) : null;
      const after = existing.map((r) => (r === predecessor ? { ...r, validTo: closedTo } : r));

      // The whole table as it would be, checked by the engine's own rules; only new problems count.
      const known = new Set(checkRuleTable(existing));
      const problems = checkRuleTable([...after, candidate]).filter((p) => !known.has(p));
      const clashing = after.filter((r) => sameIdentity(r, candidate) && overlaps(r, candidate));
      if (problems.length > 0 || clashing.length > 0) {
        const rows = clashing.map((r) => `#${r.id} ${period(r.validFrom, r.validTo)}`);
        throw overlapError(rows.length ? rows.join(', ') : problems.join('; '));
      }

      let closed: StoredRule | null = null;
      if (predecessor && closedTo) {
        const row = await repo.closeOpenRule(tx, predecessor.id, closedTo);
        if (!row) throw overlapError(`#${predecessor.id}`);
        closed = toStored(row);
      }
      const rule = toStored(await repo.insertRule(tx, { ...candidate, createdBy: actor.username }));
      if (closed) {
        await writeAudit(tx, ctx, {
          action: 'contribution_rule.close',
          entity: 'contribution_rule',
          entityId: closed.id,
          before: { valid_to: null },
          after: { valid_to: closed.validTo, superseded_by: rule.id },
        });
      }
      // Every Lindung process on this database drops its cached rule set when this commits (LISTEN/NOTIFY).
      await announce(tx, RULES_CHANGED);
      await writeAudit(tx, ctx, {
        action: 'contribution_rule.create',
        entity: 'contribution_rule',
        entityId: rule.id,
        after: { ...auditView(rule), ...(closed && { closes: closed.id }) },
      });
      return { rule: present(rule, true), closed: closed && present(closed, true) };
    });
  } catch (err) {
    // The exclusion constraint is the last guard, e.g. against a concurrent writer in another process.
    if ((err as { code?: unknown }).code === '23P01') throw overlapError('contribution_rule_no_overlap');
    throw err;
  }
  invalidateRules(db);
  return created;
}

// ---------------------------------------------------------------------------------------------------------------
// Benefits

export function benefits(query: { wage?: number | undefined }): BenefitSummary {
  return benefitSummary(query.wage ?? null);
}
