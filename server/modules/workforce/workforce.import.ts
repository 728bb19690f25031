// The workforce file import: a BPS table typed into Excel or CSV (read in a worker thread by workforce.file.ts),
// regions resolved by code or name inside the actor's scope, all-or-nothing, audited once.
import { createHash } from 'node:crypto';
import { inScope, levelOfCode, type RegionLevel } from '../../../lib/access/roles.ts';
import type { WorkforceImportQuery, WorkforceImportResult } from '../../../lib/contracts/targets.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { runInWorker, WorkerFailure, type SerializedError } from '../../platform/worker-task.ts';
import { TabularError } from '../../platform/spreadsheet/index.ts';
import { fileLimits } from '../../platform/spreadsheet/index.ts';
import { findRegion, searchRegions } from '../regions/index.ts';
import { FileProblem, type Issue, type ParsedFile, type ParsedRow } from './workforce.file.ts';
import { requireEditor } from './workforce.policy.ts';
import * as repo from './workforce.repository.ts';

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

const FILE_READER = new URL('./workforce.file.ts', import.meta.url);

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
