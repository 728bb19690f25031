// Candidate lists from poverty data (issue 19 §2): a DTSEN/P3KE-style file (NIK, name, address, village code or
// the village's name with its district, resolved within the list's region; decile, extreme-poor flag, occupation) read with the importer's cell rules, COPYed into staging and checked
// set-based, all-or-nothing. Candidates are never workers; the worklist shows those likely eligible and not yet
// covered, and a visit closes a candidate with its outcome.
import { createHash, randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { inScope } from '../../../lib/access/roles.ts';
import type { ListImportResult, VisitInput, Worklist } from '../../../lib/contracts/collection.ts';
import { parseNikCell } from '../../../lib/rules/import-values.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { maskNik, validateNik } from '../../../lib/rules/nik.ts';
import { writeAudit, writeAuditRows } from '../../platform/audit.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { copyFrom, withScopedCopy } from '../../platform/copy.ts';
import { copyText } from '../../platform/copy-text.ts';
import { withScope, type Database, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { cellText, fileLimits, openTabular, TabularError, type Cell } from '../../platform/spreadsheet/index.ts';
import { VillageDirectory } from '../imports/index.ts';
import { regionCodeSets } from '../regions/index.ts';
import { requireCollector, requirePlanner } from './collection.policy.ts';
import { OUTCOME_WORDS } from './collection.words.ts';

type Field = 'nik' | 'name' | 'address' | 'village' | 'villageName' | 'district' | 'decile' | 'extreme' | 'occupation';

/** Header texts of DTSEN/P3KE exports and hand-made lists, normalised (lower case, single spaces). */
const HEADERS: Readonly<Record<Field, RegExp>> = {
  nik: /^(nik|no nik|nomor nik|nik kepala keluarga|nik krt)$/,
  name: /^(nama|nama lengkap|nama kepala keluarga|nama krt|nama anggota)$/,
  address: /^(alamat|alamat lengkap)$/,
  village: /^(kode desa|kode kelurahan|kode desa kelurahan|kode wilayah|kode kemendagri|desa kode)$/,
  villageName: /^(desa|kelurahan|desa kelurahan|nama desa|nama kelurahan|kalurahan)$/,
  district: /^(kecamatan|kec|nama kecamatan|kapanewon)$/,
  decile: /^(desil|decile|desil kesejahteraan|peringkat desil)$/,
  extreme: /^(miskin ekstrem|kemiskinan ekstrem|ekstrem|status miskin ekstrem|pe)$/,
  occupation: /^(pekerjaan|pekerjaan utama|jenis pekerjaan)$/,
};
const REQUIRED: readonly Field[] = ['nik', 'name'];

function norm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type Issue = { row: number; column: string; message: string };
type Row = {
  row: number;
  nik: string;
  name: string;
  address: string | null;
  village: string;
  decile: number | null;
  extreme: boolean;
  occupation: string | null;
};

function nikCell(cell: Cell) {
  if (cell.t === 'number') return parseNikCell({ numeric: cell.v, isNumberCell: true });
  return parseNikCell({ text: cellText(cell) });
}

function flag(text: string): boolean | null {
  const t = norm(text);
  if (t === '' || /^(tidak|t|no|n|0|false|bukan)$/.test(t)) return false;
  if (/^(ya|y|yes|1|true|ekstrem|miskin ekstrem)$/.test(t)) return true;
  return null;
}

async function readCandidates(
  content: Buffer,
  fileName: string,
  role: Parameters<typeof fileLimits>[1],
  sets: Awaited<ReturnType<typeof regionCodeSets>>,
  villages: VillageDirectory,
  today: string,
): Promise<{ rows: Row[]; issues: Issue[] }> {
  const path = join(tmpdir(), `lindung-candidates-${randomUUID()}`);
  await writeFile(path, content);
  try {
    const table = await openTabular(path, { fileName, limits: fileLimits('imports', role), waiting: true });
    const columns: Partial<Record<Field, number>> = {};
    table.info.header.forEach((h, i) => {
      for (const f of Object.keys(HEADERS) as Field[])
        if (columns[f] === undefined && HEADERS[f].test(norm(h))) columns[f] = i;
    });
    const missing: string[] = REQUIRED.filter((f) => columns[f] === undefined).map((f) =>
      f === 'nik' ? 'NIK' : 'Nama',
    );
    if (columns.village === undefined && columns.villageName === undefined) missing.push('Kode Desa');
    const issues: Issue[] = missing.map((column) => ({
      row: table.info.headerRow,
      column,
      message:
        column === 'Kode Desa'
          ? 'kolom desa tidak ada; tambahkan kolom "Kode Desa" (kode Kemendagri) atau "Desa" (nama, dengan "Kecamatan" bila ada nama kembar) lalu unggah ulang.'
          : `kolom tidak ada; tambahkan kolom "${column}" lalu unggah ulang.`,
    }));
    if (issues.length) {
      await table.close();
      return { rows: [], issues };
    }
    const label = (f: Field) => table.info.header[columns[f]!] ?? f;
    const rows: Row[] = [];
    const nikContext = {
      provinceExists: (c: string) => sets.provinces.has(c),
      districtExists: (c: string) => sets.districts.has(c),
      today,
    };
    for await (const batch of table.batches) {
      for (const r of batch) {
        const at = (f: Field): Cell =>
          columns[f] === undefined ? { t: 'empty' } : (r.cells[columns[f]] ?? { t: 'empty' });
        const text = (f: Field) => cellText(at(f)).replace(/\s+/g, ' ').trim();
        const problem = (f: Field, message: string) => issues.push({ row: r.row, column: label(f), message });
        const cell = nikCell(at('nik'));
        let nik: string | null = null;
        if (!cell.ok) problem('nik', cell.message.id);
        else {
          const checked = validateNik(cell.value, nikContext);
          const error = checked.issues.find((i) => i.severity === 'error');
          if (error) problem('nik', error.message.id);
          else nik = checked.nik;
        }
        const name = text('name');
        if (name.length < 2) problem('name', 'kosong atau terlalu pendek; isi nama sesuai KTP.');
        // The code when the file has one; otherwise the village's name (and district's) resolved in the region.
        const byCode = columns.village !== undefined && text('village') !== '';
        const written = byCode ? text('village') : text('villageName');
        const resolved = villages.resolve(written, byCode ? null : text('district') || null, null);
        let village = '';
        if (written === '')
          problem(columns.village !== undefined ? 'village' : 'villageName', 'kosong; isi kode atau nama desa.');
        else if (resolved.ok) village = resolved.code;
        else
          problem(resolved.field === 'district' ? 'district' : byCode ? 'village' : 'villageName', resolved.message.id);
        let decile: number | null = null;
        const d = text('decile');
        if (d !== '') {
          const n = Number(d);
          if (Number.isInteger(n) && n >= 1 && n <= 10) decile = n;
          else problem('decile', `berisi "${d}"; desil adalah angka 1 sampai 10, atau kosongkan.`);
        }
        const extreme = flag(text('extreme'));
        if (extreme === null) problem('extreme', `berisi "${text('extreme')}"; tulis Ya atau Tidak.`);
        if (nik && village && name.length >= 2 && issues.length === 0) {
          rows.push({
            row: r.row,
            nik,
            name: name.slice(0, 200),
            address: text('address').slice(0, 300) || null,
            village,
            decile,
            extreme: extreme ?? false,
            occupation: text('occupation').slice(0, 100) || null,
          });
        }
      }
    }
    return { rows, issues };
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * Imports a poverty list into candidates, all-or-nothing: the file's own problems first (cells), then set-based in
 * SQL the villages (known, in the actor's region) and NIKs given twice. Audited: the list once, and one row per
 * candidate with the NIK masked, as the registry's import does.
 */
export async function importCandidates(
  database: Database,
  ctx: RequestContext,
  input: { content: Buffer; fileName: string; source: 'DTSEN' | 'P3KE' | 'other'; region?: string | undefined },
  clock: Clock = systemClock,
): Promise<ListImportResult> {
  const actor = requirePlanner(ctx);
  const region = input.region ?? (actor.scope === '*' ? null : actor.scope);
  if (!region) throw new AppError('OUT_OF_SCOPE', { region: '*' });
  if (!inScope(actor.scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
  const fail = (issues: Issue[]) =>
    new AppError(
      'CANDIDATE_FILE_INVALID',
      { fileName: input.fileName, count: issues.length },
      issues.slice(0, 200).map((i) => ({ path: `Baris ${i.row}, kolom ${i.column}`, message: i.message })),
    );
  let read;
  try {
    const villages = await withScope(database.app, actor.scope, (tx) => VillageDirectory.load(tx, region));
    read = await readCandidates(
      input.content,
      input.fileName,
      actor.role,
      await regionCodeSets(database.app),
      villages,
      todayWib(clock()),
    );
  } catch (err) {
    if (err instanceof TabularError) throw new AppError(err.code, err.params);
    throw err;
  }
  if (read.issues.length) throw fail(read.issues);
  if (read.rows.length === 0)
    throw fail([{ row: 2, column: '-', message: 'tidak ada baris calon; isi satu baris per orang.' }]);

  return withScopedCopy(database, actor.scope, async (tx, client) => {
    await sql`CREATE TEMP TABLE collection_stage (row int, nik text, full_name text, address text, village_code text,
      decile smallint, extreme_poor boolean, occupation text) ON COMMIT DROP`.execute(tx);
    await copyFrom(
      client,
      'COPY collection_stage FROM STDIN',
      read.rows.map(
        (r) =>
          [r.row, r.nik, r.name, r.address, r.village, r.decile, r.extreme, r.occupation].map(copyText).join('\t') +
          '\n',
      ),
    );
    const problems = await sql<Issue>`
      SELECT s.row, 'Kode Desa' AS column,
             'desa ' || s.village_code || ' tidak dikenal atau di luar wilayah ' || ${region}::text ||
             '; periksa kode desanya atau hapus baris ini.' AS message
      FROM collection_stage s
      WHERE NOT EXISTS (SELECT 1 FROM region_directory r
                        WHERE r.code = s.village_code AND r.level = 'village' AND r.valid_to IS NULL)
         OR NOT (s.village_code = ${region} OR starts_with(s.village_code, ${`${region}.`}))
      UNION ALL
      SELECT s.row, 'NIK', 'NIK yang sama sudah ada di baris ' || f.first_row || '; hapus salah satu baris.'
      FROM collection_stage s
      JOIN (SELECT nik, min(row) AS first_row FROM collection_stage GROUP BY nik HAVING count(*) > 1) f
        ON f.nik = s.nik AND s.row > f.first_row
      ORDER BY 1
      LIMIT 1000`.execute(tx);
    if (problems.rows.length) throw fail(problems.rows);
    const sha = createHash('sha256').update(input.content).digest('hex');
    const list = await tx
      .insertInto('collection_list')
      .values({
        region_code: region,
        source: input.source,
        file_name: input.fileName,
        file_sha256: sha,
        persons: read.rows.length,
        imported_by: actor.username,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
      CREATE TEMP TABLE collection_inserted ON COMMIT DROP AS
      WITH ins AS (
        INSERT INTO collection_candidate (list_id, village_code, nik, full_name, address, decile, extreme_poor, occupation)
        SELECT ${list.id}::bigint, village_code, nik, full_name, address, decile, extreme_poor, occupation
        FROM collection_stage ORDER BY row
        RETURNING id, village_code, nik, decile, extreme_poor)
      SELECT * FROM ins`.execute(tx);
    await writeAudit(tx, ctx, {
      action: 'collection_list.import',
      entity: 'collection_list',
      entityId: list.id,
      region,
      after: { fileName: input.fileName, source: input.source, persons: read.rows.length, sha256: sha },
    });
    await writeAuditRows(
      tx,
      ctx,
      sql`SELECT 'collection_candidate.create' AS action, 'collection_candidate' AS entity, id AS entity_id,
                 village_code AS region_code, NULL::jsonb AS before,
                 jsonb_build_object('nik', left(nik, 6) || '••••••' || right(nik, 4), 'decile', decile,
                                    'extremePoor', extreme_poor, 'list', ${list.id}::bigint) AS after
          FROM collection_inserted`,
    );
    const villages = new Set(read.rows.map((r) => r.village)).size;
    return { id: list.id, persons: read.rows.length, villages };
  });
}

/**
 * The worklist of a village: candidates not visited yet and likely eligible, not yet covered — not in the registry,
 * or registered but with no enrollment under way and not covered today (lindung_nik_covered: the one definition,
 * enrollments and the BPJS snapshot). Poorest decile first, the extreme poor before others in a decile.
 */
export async function worklist(
  db: Db,
  ctx: RequestContext,
  query: { village?: string | undefined },
  clock: Clock = systemClock,
): Promise<Worklist> {
  const actor = requireCollector(ctx);
  const village = query.village ?? actor.scope;
  if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(village)) throw new AppError('OUT_OF_SCOPE', { region: village });
  if (!inScope(actor.scope, village)) throw new AppError('OUT_OF_SCOPE', { region: village });
  const today = todayWib(clock());
  return withScope(db, actor.scope, async (tx) => {
    const rows = await sql<{
      id: string;
      nik: string;
      full_name: string;
      address: string | null;
      village_code: string;
      decile: number | null;
      extreme_poor: boolean;
      occupation: string | null;
      worker_id: string | null;
    }>`
      SELECT DISTINCT ON (c.nik) c.id, c.nik, c.full_name, c.address, c.village_code, c.decile, c.extreme_poor,
             c.occupation, w.id AS worker_id
      FROM collection_candidate c
      LEFT JOIN worker_directory w ON w.nik = c.nik AND w.merged_into IS NULL
      WHERE c.village_code = ${village} AND ${regionInScope('c.village_code', actor.scope)}
        AND NOT EXISTS (SELECT 1 FROM collection_visit v JOIN collection_candidate c2 ON c2.id = v.candidate_id
                        WHERE c2.nik = c.nik AND c2.village_code = c.village_code)
        AND NOT EXISTS (SELECT 1 FROM enrollment_directory e
                        WHERE e.worker_id = w.id AND e.status IN ('proposed', 'verified', 'submitted', 'active'))
        AND NOT lindung_nik_covered(c.nik, ${today}::date)
      ORDER BY c.nik, c.id DESC`.execute(tx);
    const visited = await tx
      .selectFrom('collection_visit')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('village_code', '=', village)
      .where(() => regionInScope('village_code', actor.scope))
      .executeTakeFirstOrThrow();
    const items = rows.rows
      .map((r) => ({
        id: r.id,
        nikMasked: maskNik(r.nik),
        fullName: r.full_name,
        address: r.address,
        village: r.village_code,
        decile: r.decile,
        extremePoor: r.extreme_poor,
        occupation: r.occupation,
        state: r.worker_id ? ('not_enrolled' as const) : ('not_registered' as const),
        workerId: r.worker_id,
      }))
      .sort(
        (a, b) =>
          (a.decile ?? 11) - (b.decile ?? 11) ||
          Number(b.extremePoor) - Number(a.extremePoor) ||
          a.fullName.localeCompare(b.fullName, 'id'),
      );
    return { village, items, visited: visited.n };
  });
}

/** Records the visit that closes a candidate; a candidate visited already is CANDIDATE_VISITED (a conflict). */
export async function recordVisit(
  db: Db,
  ctx: RequestContext,
  input: VisitInput,
  options: { clientId?: string; tx?: Tx } = {},
): Promise<{ id: string }> {
  const actor = requireCollector(ctx);
  const work = async (tx: Tx) => {
    const cand = await tx
      .selectFrom('collection_candidate')
      .select(['id', 'village_code'])
      .where('id', '=', input.candidateId)
      .where(() => regionInScope('village_code', actor.scope))
      .executeTakeFirst();
    if (!cand) throw new AppError('CANDIDATE_NOT_FOUND');
    const inserted = await tx
      .insertInto('collection_visit')
      .values({
        candidate_id: cand.id,
        village_code: cand.village_code,
        outcome: input.outcome,
        visited_on: input.visitedOn,
        operator: actor.username,
        worker_id: input.workerId ?? null,
        note: input.note ?? null,
        client_id: options.clientId ?? null,
      })
      .onConflict((oc) => oc.column('candidate_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const earlier = await tx
        .selectFrom('collection_visit')
        .select(['visited_on', 'operator', 'outcome'])
        .where('candidate_id', '=', cand.id)
        .where(() => regionInScope('village_code', actor.scope))
        .executeTakeFirstOrThrow();
      throw new AppError('CANDIDATE_VISITED', {
        date: earlier.visited_on,
        operator: earlier.operator,
        outcomeId: OUTCOME_WORDS[earlier.outcome].id,
        outcomeEn: OUTCOME_WORDS[earlier.outcome].en,
      });
    }
    await writeAudit(tx, ctx, {
      action: 'collection_visit.create',
      entity: 'collection_visit',
      entityId: inserted.id,
      region: cand.village_code,
      after: { candidate: cand.id, outcome: input.outcome, visitedOn: input.visitedOn, worker: input.workerId ?? null },
    });
    return { id: inserted.id };
  };
  return options.tx ? work(options.tx) : withScope(db, actor.scope, work);
}
