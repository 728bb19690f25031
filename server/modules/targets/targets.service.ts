import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { inScope, levelOfCode, type RegionLevel } from '../../../lib/access/roles.ts';
import type { RuleRow } from '../../../lib/contracts/contributions.ts';
import {
  TARGET_EDITORS,
  type TargetCreate,
  type TargetListQuery,
  type TargetProgress,
  type TargetUpdate,
  WORKFORCE_EXPORT_CAP,
  type WorkforceExportQuery,
  type WorkforceImportQuery,
  type WorkforceImportResult,
  type WorkforceKind,
  type WorkforceListQuery,
  type WorkforceRow,
  type WorkforceUpdate,
  type WorkforceUpsert,
} from '../../../lib/contracts/targets.ts';
import { addMonths, currentMonthWib, monthIndex } from '../../../lib/rules/eligibility.ts';
import { formatNumberIn } from '../../../lib/i18n/numbers.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { terbilangRupiah } from '../../../lib/rules/terbilang.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRole } from '../access/index.ts';
import { cost, listRules, quote } from '../contributions/index.ts';
import { findRegion, scopeLabels, searchRegions } from '../regions/index.ts';
import { ACTIVE_SOURCE, activeCounts } from './targets.active.ts';
import { runInWorker, WorkerFailure, type SerializedError } from '../../platform/worker-task.ts';
import { TabularError, fileLimits } from '../../platform/spreadsheet/index.ts';
import { FileProblem, type Issue, type ParsedFile, type ParsedRow } from './targets.file.ts';
import * as repo from './targets.repository.ts';
import { TARGET_READERS } from '../../../lib/contracts/targets.ts';
import { addSafeRow, safeColumns } from '../../platform/spreadsheet-writer.ts';

/** "This month" for the services: injectable so tests and the demo can pin it. */
import { systemClock, type Clock } from '../../platform/clock.ts';
export { systemClock, type Clock };

const requireReader = (ctx: RequestContext) => requireRole(ctx, TARGET_READERS);
const requireEditor = (ctx: RequestContext) => requireRole(ctx, TARGET_EDITORS);

const canEdit = (actor: Actor, region: string) => TARGET_EDITORS.includes(actor.role) && inScope(actor.scope, region);

function assertEdits(actor: Actor, region: string) {
  if (!canEdit(actor, region)) throw new AppError('OUT_OF_SCOPE', { region });
}

async function assertKnownRegion(tx: Tx, region: string) {
  if (!(await findRegion(tx, region))) throw new AppError('REGION_UNKNOWN', { region });
}

const entity = (actor: Actor, id: string, en: string) => (actor.locale === 'en' ? en : id);

// ---------------------------------------------------------------------------------------------------------------
// Denominators

function presentWorkforce(row: repo.WorkforceDbRow, actor: Actor, labels: Map<string, string>): WorkforceRow {
  return {
    id: String(row.id),
    region: row.region_code,
    regionLabel: labels.get(row.region_code) ?? row.region_code,
    year: row.year,
    kind: row.kind,
    segment: row.segment,
    persons: row.persons,
    source: row.source,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
    canEdit: canEdit(actor, row.region_code),
  };
}

export async function listWorkforce(db: Db, ctx: RequestContext, q: WorkforceListQuery) {
  const actor = requireReader(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listWorkforce(tx, actor.scope, q);
    const labels = await scopeLabels(
      tx,
      items.map((r) => r.region_code),
      actor.locale,
    );
    return { items: items.map((r) => presentWorkforce(r, actor, labels)), total, page: q.page, pageSize: q.pageSize };
  });
}

const KIND_NAME: Record<WorkforceKind, string> = { employed: 'Penduduk bekerja', bpu_universe: 'Semesta PBPU' };

/** The filtered figures as an XLSX an office can forward (region code and label, year, indicator, source). */
export async function exportWorkforce(db: Db, ctx: RequestContext, q: WorkforceExportQuery): Promise<Buffer> {
  const actor = requireReader(ctx);
  const { items, labels } = await withScope(db, actor.scope, async (tx) => {
    const { items } = await repo.listWorkforce(tx, actor.scope, { ...q, page: 1, pageSize: WORKFORCE_EXPORT_CAP });
    return {
      items,
      labels: await scopeLabels(
        tx,
        items.map((r) => r.region_code),
        actor.locale,
      ),
    };
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const sheet = wb.addWorksheet('Angkatan kerja');
  sheet.columns = safeColumns([
    { header: 'Kode Wilayah', key: 'code', width: 14 },
    { header: 'Wilayah', key: 'label', width: 34 },
    { header: 'Tahun', key: 'year', width: 8 },
    { header: 'Indikator', key: 'kind', width: 18 },
    { header: 'Segmen', key: 'segment', width: 18 },
    { header: 'Orang', key: 'persons', width: 12 },
    { header: 'Sumber', key: 'source', width: 50 },
    { header: 'Diubah oleh', key: 'by', width: 18 },
  ]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of items) {
    addSafeRow(sheet, {
      code: r.region_code,
      label: labels.get(r.region_code) ?? r.region_code,
      year: r.year,
      kind: KIND_NAME[r.kind],
      segment: r.segment || 'semua',
      persons: r.persons,
      source: r.source,
      by: r.updated_by,
    });
  }
  sheet.getColumn('persons').numFmt = '#,##0';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One figure entered by hand: inserted, or updated when the region, year, indicator and segment exist. */
export async function saveWorkforce(db: Db, ctx: RequestContext, input: WorkforceUpsert): Promise<WorkforceRow> {
  const actor = requireEditor(ctx);
  assertEdits(actor, input.region);
  return withScope(db, actor.scope, async (tx) => {
    await assertKnownRegion(tx, input.region);
    const value: repo.WorkforceValue = {
      region_code: input.region,
      year: input.year,
      kind: input.kind,
      segment: input.segment,
      persons: input.persons,
      source: input.source,
    };
    const [written] = await repo.upsertWorkforce(tx, [value], actor.username);
    if (written) {
      await writeAudit(tx, ctx, {
        action: written.inserted ? 'workforce.create' : 'workforce.update',
        entity: 'workforce',
        entityId: written.id,
        region: input.region,
        ...(written.before_persons !== null && { before: { persons: written.before_persons } }),
        after: { ...input },
      });
    }
    const { items } = await repo.listWorkforce(tx, actor.scope, {
      region: input.region,
      year: input.year,
      kind: input.kind,
      page: 1,
      pageSize: 200,
    });
    const row = items.find((r) => r.region_code === input.region && r.segment === input.segment);
    if (!row) throw new AppError('NOT_FOUND', { entity: entity(actor, 'Angka angkatan kerja', 'Workforce figure') });
    const labels = await scopeLabels(tx, [row.region_code], actor.locale);
    return presentWorkforce(row, actor, labels);
  });
}

export async function updateWorkforce(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: WorkforceUpdate,
): Promise<WorkforceRow> {
  const actor = requireEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.findWorkforce(tx, actor.scope, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: entity(actor, 'Angka angkatan kerja', 'Workforce figure') });
    assertEdits(actor, before.region_code);
    const row = await repo.updateWorkforce(tx, id, patch, actor.username);
    await writeAudit(tx, ctx, {
      action: 'workforce.update',
      entity: 'workforce',
      entityId: id,
      region: before.region_code,
      before: { persons: before.persons, source: before.source },
      after: { persons: row.persons, source: row.source },
    });
    const labels = await scopeLabels(tx, [row.region_code], actor.locale);
    return presentWorkforce(row, actor, labels);
  });
}

export async function deleteWorkforce(db: Db, ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const actor = requireEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.findWorkforce(tx, actor.scope, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: entity(actor, 'Angka angkatan kerja', 'Workforce figure') });
    assertEdits(actor, before.region_code);
    await repo.deleteWorkforce(tx, id);
    await writeAudit(tx, ctx, {
      action: 'workforce.delete',
      entity: 'workforce',
      entityId: id,
      region: before.region_code,
      before: {
        year: before.year,
        kind: before.kind,
        segment: before.segment,
        persons: before.persons,
        source: before.source,
      },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Denominator import

const NAME_PREFIX: readonly [RegExp, RegionLevel][] = [
  [/^(prov\.?|provinsi)\s+/i, 'province'],
  [/^(kab\.?|kabupaten)\s+/i, 'regency'],
  [/^kota\s+/i, 'regency'],
  [/^(kec\.?|kecamatan)\s+/i, 'district'],
  [/^(desa|kel\.?|kelurahan)\s+/i, 'village'],
];

function splitName(text: string): { name: string; level: RegionLevel | null } {
  const t = text.replace(/\s+/g, ' ').trim();
  for (const [re, level] of NAME_PREFIX) if (re.test(t)) return { name: t.replace(re, '').trim(), level };
  return { name: t, level: null };
}

type Resolved = { ok: true; code: string } | { ok: false; column: 'code' | 'name'; message: string };

/** Region of a row: the code when given (it must exist and lie in the actor's scope), else the name. */
async function makeResolver(tx: Tx, actor: Actor, rows: ParsedRow[], columnLevel: RegionLevel | null) {
  const names = new Map<string, { code: string; label: string; level: RegionLevel; name: string }[]>();
  for (const row of rows) {
    if (row.code || !row.name) continue;
    const { name } = splitName(row.name);
    const key = name.toLowerCase();
    if (names.has(key) || name.length < 2) continue;
    const found = await searchRegions(tx, name, { ...(actor.scope !== '*' && { within: actor.scope }), limit: 50 });
    names.set(
      key,
      found
        .filter((r) => r.name.toLowerCase() === key && r.level !== 'village')
        .map((r) => ({ code: r.code, label: r.label, level: r.level, name: r.name })),
    );
  }
  const codes = [...new Set(rows.map((r) => r.code).filter((c): c is string => Boolean(c)))];
  const known = new Set<string>();
  for (const code of codes) if (levelOfCode(code) && (await findRegion(tx, code))) known.add(code);

  return (row: ParsedRow): Resolved => {
    if (row.code) {
      const code = row.code;
      if (!levelOfCode(code) || !known.has(code)) {
        return {
          ok: false,
          column: 'code',
          message: `"${code}" bukan kode wilayah Kemendagri yang dikenal; tulis seperti 34.02 (kabupaten) atau 34.02.01 (kecamatan), format sel Teks.`,
        };
      }
      if (!inScope(actor.scope, code)) {
        return {
          ok: false,
          column: 'code',
          message: `wilayah ${code} berada di luar wilayah kerja Anda; hapus baris ini.`,
        };
      }
      return { ok: true, code };
    }
    if (!row.name) return { ok: false, column: 'name', message: 'kosong; isi nama wilayah atau kode wilayahnya.' };
    const { name, level: prefixed } = splitName(row.name);
    const level = prefixed ?? columnLevel;
    const matches = (names.get(name.toLowerCase()) ?? []).filter((m) => level === null || m.level === level);
    if (matches.length === 1) return { ok: true, code: matches[0]!.code };
    if (matches.length === 0) {
      return {
        ok: false,
        column: 'name',
        message: `"${row.name}" tidak ditemukan di wilayah kerja Anda; periksa ejaannya atau isi kolom Kode Wilayah (mis. 34.02.01).`,
      };
    }
    return {
      ok: false,
      column: 'name',
      message: `"${row.name}" cocok dengan ${matches.map((m) => m.label).join(' dan ')}; tulis lengkap dengan tingkatnya (mis. "${matches[0]!.label}") atau isi kode wilayahnya.`,
    };
  };
}

const FILE_READER = new URL('./targets.file.ts', import.meta.url);

/** Parses an upload in a worker thread with a capped heap: a file that exhausts it costs that worker only. */
async function readInWorker(
  content: Buffer,
  fileName: string,
  sheet: string | undefined,
  limits: ReturnType<typeof fileLimits>,
): Promise<ParsedFile> {
  const revive = (e: SerializedError): Error => {
    if (e.name === 'TabularError') {
      const { code, params } = e.props as Pick<TabularError, 'code' | 'params'>;
      return new TabularError(code, { ...params });
    }
    if ('issue' in e.props) return new FileProblem(e.props.issue as Issue);
    return new WorkerFailure('crash', new Error(e.message));
  };
  try {
    return await runInWorker<ParsedFile>(
      FILE_READER,
      'readDenominatorFileBounded',
      [content, { sheet, fileName }, limits],
      {
        heapMb: limits.workerHeapMb,
        revive,
      },
    );
  } catch (err) {
    if (!(err instanceof WorkerFailure)) throw err;
    if (err.kind === 'memory')
      throw new TabularError('FILE_TOO_HEAVY', { fileName, limit: `${limits.workerHeapMb} MB` });
    throw new FileProblem({
      row: 0,
      column: '-',
      message:
        'Berkas tidak dapat dibaca. Simpan ulang di Excel atau LibreOffice sebagai "Excel Workbook (.xlsx)" atau CSV, lalu unggah ulang.',
    });
  }
}

/**
 * Imports a denominator file all-or-nothing: every row is checked first; with any problem nothing is written and
 * the problems come back by row and column. Otherwise every figure is upserted in one statement and audited once.
 */
export async function importWorkforce(
  db: Db,
  ctx: RequestContext,
  input: { content: Buffer } & WorkforceImportQuery,
): Promise<WorkforceImportResult> {
  const actor = requireEditor(ctx);
  const fail = (issues: Issue[]) =>
    new AppError(
      'DENOMINATOR_FILE_INVALID',
      { fileName: input.fileName, count: issues.length },
      issues.slice(0, 200).map((i) => ({
        path: i.row > 0 ? `Baris ${i.row}, kolom ${i.column}` : `Berkas`,
        message: i.message,
      })),
    );
  let parsed;
  try {
    parsed = await readInWorker(input.content, input.fileName, input.sheet, fileLimits('workforce', actor.role));
  } catch (err) {
    if (err instanceof FileProblem) throw fail([err.issue]);
    if (err instanceof TabularError) throw new AppError(err.code, err.params);
    throw err;
  }
  const columnLabel = (field: 'code' | 'name' | 'year' | 'source') => {
    const i = parsed.columns[field];
    return i === undefined
      ? { code: 'Kode Wilayah', name: 'Wilayah', year: 'Tahun', source: 'Sumber' }[field]
      : parsed.header[i]!;
  };

  return withScope(db, actor.scope, async (tx) => {
    const issues = [...parsed.issues];
    const resolve = await makeResolver(tx, actor, parsed.rows, parsed.nameLevel);
    const values: (repo.WorkforceValue & { row: number })[] = [];
    const seen = new Map<string, number>();
    for (const row of parsed.rows) {
      const region = resolve(row);
      if (!region.ok) {
        issues.push({ row: row.row, column: columnLabel(region.column), message: region.message });
        continue;
      }
      const year = row.year ?? input.year ?? null;
      if (year === null && parsed.columns.year === undefined) {
        issues.push({
          row: row.row,
          column: 'Tahun',
          message: 'tahun tidak ada; tambahkan kolom Tahun atau pilih tahun data sebelum mengunggah.',
        });
        continue;
      }
      if (year === null) continue; // the year cell's own problem is already listed
      const source = row.source ?? input.source ?? null;
      if (!source) {
        issues.push({
          row: row.row,
          column: columnLabel('source'),
          message:
            'sumber angka kosong; isi kolom Sumber (mis. "BPS Kab. Bantul, Sakernas Agustus 2025") atau isi sumber sebelum mengunggah.',
        });
        continue;
      }
      for (const [kind, persons] of [
        ['employed', row.employed],
        ['bpu_universe', row.bpu],
      ] as const) {
        if (persons === null) continue;
        const key = `${region.code}|${year}|${kind}|${row.segment}`;
        const first = seen.get(key);
        if (first !== undefined) {
          issues.push({
            row: row.row,
            column: columnLabel(row.code ? 'code' : 'name'),
            message: `wilayah, tahun dan segmen ini sudah ada di baris ${first}; hapus salah satu baris.`,
          });
          continue;
        }
        seen.set(key, row.row);
        values.push({ region_code: region.code, year, kind, segment: row.segment, persons, source, row: row.row });
      }
    }
    if (issues.length > 0) {
      issues.sort((a, b) => a.row - b.row);
      throw fail(issues);
    }
    const written = input.dryRun ? [] : await repo.upsertWorkforce(tx, values, actor.username);
    const inserted = written.filter((w) => w.inserted).length;
    const updated = written.length - inserted;
    const result: WorkforceImportResult = {
      fileName: input.fileName,
      dryRun: input.dryRun,
      rows: parsed.rows.length,
      values: values.length,
      inserted,
      updated,
      unchanged: input.dryRun ? 0 : values.length - written.length,
    };
    if (!input.dryRun) {
      await writeAudit(tx, ctx, {
        action: 'workforce.import',
        entity: 'workforce',
        region: actor.scope === '*' ? null : actor.scope,
        after: {
          sha256: createHash('sha256').update(input.content).digest('hex'),
          ...result,
          changes: written.map((w) => ({
            id: w.id,
            region: w.region_code,
            year: w.year,
            kind: w.kind,
            segment: w.segment,
            before: w.before_persons,
            after: w.persons,
          })),
        },
      });
    }
    return result;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

const BASIS_PACKAGE = 'BPU JKK+JKM';

function percentOf(row: repo.TargetDbRow): number {
  return Number(row.target_percent);
}

/**
 * The months the gap would be paid for: from the month after the current one to December of the target year;
 * when the target year is ahead, its twelve months; when no month of it is left, twelve months from next month.
 */
export function costPeriod(
  targetYear: number,
  current: string,
  locale: Locale = 'id',
): { fromMonth: string; months: number; note: string } {
  const next = addMonths(current, 1);
  const nextYear = Number(next.slice(0, 4));
  const en = locale === 'en';
  if (targetYear > nextYear) {
    return {
      fromMonth: `${targetYear}-01`,
      months: 12,
      note: en ? `the 12 months of ${targetYear}` : `12 bulan tahun ${targetYear}`,
    };
  }
  if (targetYear === nextYear) {
    const months = monthIndex(`${targetYear}-12`) - monthIndex(next) + 1;
    return {
      fromMonth: next,
      months,
      note: en ? `${months} months left in ${targetYear}` : `${months} bulan tersisa di tahun ${targetYear}`,
    };
  }
  return {
    fromMonth: next,
    months: 12,
    note: en
      ? `${targetYear} is over: 12 months from next month`
      : `tahun ${targetYear} sudah lewat: 12 bulan mulai bulan depan`,
  };
}

/**
 * APBD needed to close a gap: persons × the cheapest eligible package × months. The package is BPU JKK+JKM at the
 * lowest declared income in the BPU income table, funded by APBD, priced month by month by the contribution
 * engine (which leaves the PP 50/2025 discount out for APBD-funded participants).
 */
export async function gapCost(
  db: Db,
  persons: number,
  period: { fromMonth: string; months: number; note: string },
  locale: Locale = 'id',
) {
  const date = `${period.fromMonth}-01`;
  const incomes = (await listRules(db, { key: 'bpu.income.row', date })).items
    .map((r) => (r.value.kind === 'income' ? r.value.rupiah : null))
    .filter((n): n is number => n !== null);
  if (incomes.length === 0) throw new AppError('RULE_GAP', { rule: 'bpu.income.row', date });
  const income = Math.min(...incomes);
  const input = {
    category: 'bpu' as const,
    income,
    programs: ['jkk' as const, 'jkm' as const],
    funding: 'apbd' as const,
    sector: 'other' as const,
  };
  const [priced, first] = await Promise.all([
    cost(db, { input, persons, months: period.months, startMonth: period.fromMonth }),
    quote(db, { ...input, date }),
  ]);
  // The income row first: the engine's rows say which one it used (a table may hold two rows of one income).
  const isIncome = (r: RuleRow) => r.key === 'bpu.income.row';
  const rulesUsed: RuleRow[] = [...first.rulesUsed.filter(isIncome), ...first.rulesUsed.filter((r) => !isIncome(r))];
  return {
    package: BASIS_PACKAGE,
    declaredIncome: income,
    funding: 'apbd' as const,
    perPersonMonth: priced.months[0]?.perPerson ?? first.total,
    months: period.months,
    fromMonth: period.fromMonth,
    total: priced.total,
    totalWords: terbilangRupiah(priced.total),
    rulesUsed,
    note:
      locale === 'en'
        ? `${formatNumberIn(persons, 'en')} persons × contribution per month × ${period.note}. Funded by the APBD, so ` +
          'the PP 50/2025 discount does not apply (contributions paid by the APBN/APBD are excluded).'
        : `${formatNumberIn(persons, 'id')} orang × iuran per bulan × ${period.note}. Dibiayai APBD, jadi diskon ` +
          'PP 50/2025 tidak berlaku (dikecualikan untuk iuran yang dibayar APBN/APBD).',
  };
}

/** Active persons for the indicator over the last seven months (six increases), oldest first. */
export async function activeSeries(
  db: Db,
  ctx: RequestContext,
  region: string,
  kind: WorkforceKind,
  asOf: string,
): Promise<{ month: string; persons: number }[]> {
  const fromMonth = addMonths(asOf, -6);
  const rows = await activeCounts(db, ctx, {
    region,
    fromMonth,
    toMonth: asOf,
    by: kind === 'bpu_universe' ? 'category' : 'total',
  });
  const series: { month: string; persons: number }[] = [];
  for (let i = 0; i <= 6; i++) {
    const month = addMonths(fromMonth, i);
    const inMonth = rows.filter((r) => r.month === month && (kind !== 'bpu_universe' || r.key.toUpperCase() === 'BPU'));
    series.push({ month, persons: inMonth.reduce((s, r) => s + r.persons, 0) });
  }
  return series;
}

/** Months to close the gap at the average monthly increase; null when the pace is zero or falling. */
export function monthsToTarget(gap: number, monthlyIncrease: number): number | null {
  if (gap <= 0) return 0;
  if (monthlyIncrease <= 0) return null;
  return Math.ceil(gap / monthlyIncrease);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

async function progressOf(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  row: repo.TargetDbRow,
  labels: Map<string, string>,
  denominator: { persons: number; year: number; source: string } | undefined,
  clock: Clock,
): Promise<TargetProgress> {
  const current = currentMonthWib(clock());
  const lastComplete = addMonths(current, -1);
  const asOf = lastComplete < `${row.year}-12` ? lastComplete : `${row.year}-12`;
  const pace = await activeSeries(db, ctx, row.region_code, row.kind, asOf);
  const active = pace[pace.length - 1]?.persons ?? 0;
  const monthlyIncrease = round2((active - (pace[0]?.persons ?? 0)) / 6);
  const target = percentOf(row);
  const base = {
    id: String(row.id),
    region: row.region_code,
    regionLabel: labels.get(row.region_code) ?? row.region_code,
    year: row.year,
    kind: row.kind,
    targetPercent: target,
    basis: row.basis,
    document: row.document,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
    canEdit: canEdit(actor, row.region_code),
    asOfMonth: asOf,
    active,
    pace,
    monthlyIncrease,
    activeSource: ACTIVE_SOURCE[actor.locale],
  };
  if (!denominator || denominator.persons === 0) {
    return {
      ...base,
      denominator: denominator ?? null,
      targetPersons: null,
      progressPercent: null,
      achievedOfTarget: null,
      gapPersons: null,
      monthsToTarget: null,
      cost: null,
      costError:
        actor.locale === 'en'
          ? 'No workforce figure for this region and year yet: import the BPS figures first.'
          : 'Belum ada angka angkatan kerja untuk wilayah dan tahun ini: impor angka BPS lebih dulu.',
    };
  }
  const targetPersons = Math.ceil((denominator.persons * Math.round(target * 100)) / 10_000);
  const gap = Math.max(0, targetPersons - active);
  const progress = round2((active / denominator.persons) * 100);
  let costValue: TargetProgress['cost'] = null;
  let costError: string | null = null;
  if (gap > 0) {
    try {
      costValue = await gapCost(db, gap, costPeriod(row.year, current, actor.locale), actor.locale);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      costError = err.message;
    }
  }
  return {
    ...base,
    denominator,
    targetPersons,
    progressPercent: progress,
    achievedOfTarget: round2((progress / target) * 100),
    gapPersons: gap,
    monthsToTarget: monthsToTarget(gap, monthlyIncrease),
    cost: costValue,
    costError,
  };
}

export async function listTargets(db: Db, ctx: RequestContext, q: TargetListQuery, clock: Clock = systemClock) {
  const actor = requireReader(ctx);
  const { items, total, labels, denominators } = await withScope(db, actor.scope, async (tx) => {
    const page = await repo.listTargets(tx, actor.scope, q);
    const labels = await scopeLabels(
      tx,
      page.items.map((r) => r.region_code),
      actor.locale,
    );
    const denominators = await Promise.all(
      page.items.map((r) => repo.denominatorFor(tx, r.region_code, r.kind, r.year)),
    );
    return { ...page, labels, denominators };
  });
  const out: TargetProgress[] = [];
  for (const [i, row] of items.entries()) {
    out.push(await progressOf(db, ctx, actor, row, labels, denominators[i], clock));
  }
  return { items: out, total, page: q.page, pageSize: q.pageSize };
}

export async function getTarget(db: Db, ctx: RequestContext, id: string, clock: Clock = systemClock) {
  const actor = requireReader(ctx);
  const { row, labels, denominator } = await withScope(db, actor.scope, async (tx) => {
    const row = await repo.findTarget(tx, actor.scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: entity(actor, 'Target cakupan', 'Coverage target') });
    const labels = await scopeLabels(tx, [row.region_code], actor.locale);
    return { row, labels, denominator: await repo.denominatorFor(tx, row.region_code, row.kind, row.year) };
  });
  return progressOf(db, ctx, actor, row, labels, denominator, clock);
}

const KIND_LABEL: Record<WorkforceKind, string> = { employed: 'cakupan pekerja', bpu_universe: 'cakupan PBPU' };

export async function createTarget(db: Db, ctx: RequestContext, input: TargetCreate, clock: Clock = systemClock) {
  const actor = requireEditor(ctx);
  assertEdits(actor, input.region);
  let id: string;
  try {
    id = await withScope(db, actor.scope, async (tx) => {
      await assertKnownRegion(tx, input.region);
      const row = await repo.insertTarget(tx, {
        region_code: input.region,
        year: input.year,
        kind: input.kind,
        target_percent: input.targetPercent,
        basis: input.basis,
        document: input.document,
        updated_by: actor.username,
      });
      await writeAudit(tx, ctx, {
        action: 'coverage_target.create',
        entity: 'coverage_target',
        entityId: String(row.id),
        region: input.region,
        after: { ...input },
      });
      return String(row.id);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new AppError('CONFLICT', {
        detail:
          actor.locale === 'en'
            ? `A ${input.kind} target for ${input.region} in ${input.year} already exists. Edit that target instead; nothing was saved.`
            : `Target ${KIND_LABEL[input.kind]} ${input.region} tahun ${input.year} sudah ada. Ubah target itu saja; tidak ada yang disimpan.`,
      });
    }
    throw err;
  }
  return getTarget(db, ctx, id, clock);
}

export async function updateTarget(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: TargetUpdate,
  clock: Clock = systemClock,
) {
  const actor = requireEditor(ctx);
  await withScope(db, actor.scope, async (tx) => {
    const before = await repo.findTarget(tx, actor.scope, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: entity(actor, 'Target cakupan', 'Coverage target') });
    assertEdits(actor, before.region_code);
    const row = await repo.updateTarget(
      tx,
      id,
      {
        ...(patch.targetPercent !== undefined && { target_percent: patch.targetPercent }),
        ...(patch.basis !== undefined && { basis: patch.basis }),
        ...(patch.document !== undefined && { document: patch.document }),
      },
      actor.username,
    );
    await writeAudit(tx, ctx, {
      action: 'coverage_target.update',
      entity: 'coverage_target',
      entityId: id,
      region: before.region_code,
      before: { targetPercent: percentOf(before), basis: before.basis, document: before.document },
      after: { targetPercent: percentOf(row), basis: row.basis, document: row.document },
    });
  });
  return getTarget(db, ctx, id, clock);
}

export async function deleteTarget(db: Db, ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const actor = requireEditor(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const before = await repo.findTarget(tx, actor.scope, id);
    if (!before) throw new AppError('NOT_FOUND', { entity: entity(actor, 'Target cakupan', 'Coverage target') });
    assertEdits(actor, before.region_code);
    await repo.deleteTarget(tx, id);
    await writeAudit(tx, ctx, {
      action: 'coverage_target.delete',
      entity: 'coverage_target',
      entityId: id,
      region: before.region_code,
      before: { year: before.year, kind: before.kind, targetPercent: percentOf(before), basis: before.basis },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// For the monthly report

export type RegionTargets = {
  denominators: {
    employed: { persons: number; year: number; source: string } | null;
    bpuUniverse: { persons: number; year: number; source: string } | null;
  };
  children: { region: string; employed: number | null; bpuUniverse: number | null }[];
  targets: TargetProgress[];
};

/** Denominators of a region and its children for a year, and its targets with progress: the report's inputs. */
export async function regionTargets(
  db: Db,
  ctx: RequestContext,
  region: string,
  year: number,
  clock: Clock = systemClock,
): Promise<RegionTargets> {
  const actor = requireReader(ctx);
  const { rows, labels, employed, bpu, children } = await withScope(db, actor.scope, async (tx) => {
    const rows = await repo.targetsOfRegionYear(tx, region, year);
    const labels = await scopeLabels(tx, [region], actor.locale);
    const employed = await repo.denominatorFor(tx, region, 'employed', year);
    const bpu = await repo.denominatorFor(tx, region, 'bpu_universe', year);
    const children = await repo.childDenominators(tx, actor.scope, region, year);
    return { rows, labels, employed, bpu, children };
  });
  const byChild = new Map<string, { region: string; employed: number | null; bpuUniverse: number | null }>();
  for (const c of children) {
    const entry = byChild.get(c.region_code) ?? { region: c.region_code, employed: null, bpuUniverse: null };
    // Rows come newest year first: the first figure seen per child and indicator is the one used.
    if (c.kind === 'employed' && entry.employed === null) entry.employed = c.persons;
    if (c.kind === 'bpu_universe' && entry.bpuUniverse === null) entry.bpuUniverse = c.persons;
    byChild.set(c.region_code, entry);
  }
  const targets: TargetProgress[] = [];
  for (const row of rows) {
    targets.push(await progressOf(db, ctx, actor, row, labels, row.kind === 'employed' ? employed : bpu, clock));
  }
  return {
    denominators: { employed: employed ?? null, bpuUniverse: bpu ?? null },
    children: [...byChild.values()],
    targets,
  };
}

/** Regions whose monthly report the schedule makes (system context only). */
export async function planningRegions(db: Db): Promise<string[]> {
  return withScope(db, '*', (tx) => repo.planningRegions(tx));
}
