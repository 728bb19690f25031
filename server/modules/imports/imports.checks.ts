// The import's set-based checks over its classified rows (import_class), each written as import_issue rows: NIKs
// registered elsewhere or merged, values an update replaces, and probable duplicates against the registry (read
// through the published worker_directory) and within the file.
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import type { ImportField } from '../../../lib/imports/headers.ts';
import type { Bilingual } from '../../../lib/i18n/locale.ts';
import type { Tx } from '../../platform/db.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { UPDATABLE } from './imports.repository.ts';
import type { ColumnPlan } from './imports.rows.ts';

/** Rows of one name and birth date (or one name) beyond which probable duplicates are not paired one by one. */
export const DUPLICATE_GROUP_CAP = 200;
export const DUPLICATE_NAME_CAP = 2_000;

export type CheckInput = {
  jobId: string;
  scope: Scope;
  /** Duration of each step in milliseconds, for benchmarks. */
  onTiming?: ((step: string, ms: number) => void) | undefined;
};

/** Awaits one step of the run and reports its duration (the benchmark prints them). */
export async function timed<X>(input: Pick<CheckInput, 'onTiming'>, step: string, work: Promise<X>): Promise<X> {
  const started = performance.now();
  const result = await work;
  input.onTiming?.(step, Math.round(performance.now() - started));
  return result;
}

function message(m: Bilingual) {
  return { id: m.id, en: m.en };
}

/**
 * Issues found set-based: NIKs registered elsewhere or merged, changed values, probable duplicates. With
 * `withinFile: 'after-write'` (a commit) the duplicates among the file's own new rows are left to the returned
 * `afterWrite`, which reads them from the pairs the registry stored as it inserted those rows (the same rule, so the
 * same issues, without pairing a million rows twice); a dry run pairs them here.
 */
export async function sqlIssues(
  tx: Tx,
  input: CheckInput,
  plan: ColumnPlan,
  header: readonly string[],
  startSeq: number,
  withinFile: 'now' | 'after-write' = 'now',
): Promise<{ afterWrite: (storedPairs: string) => Promise<void> }> {
  const col = (field: ImportField | 'rtRw') => {
    const index = (plan as Record<string, number | undefined>)[field] ?? null;
    return { index, name: index === null ? null : (header[index] ?? null) };
  };
  const nik = col('nik');
  const insert = (select: RawBuilder<unknown>) => sql`
    INSERT INTO import_issue (job_id, region_code, seq, "row", column_index, column_name, code, severity, message_id, message_en)
    SELECT ${input.jobId}, ${input.scope}, nextval('import_issue_seq'), i.* FROM (${select}) i ORDER BY i."row"`;
  // A temporary sequence outlives the transaction on this pooled connection: start afresh each run.
  await sql`DROP SEQUENCE IF EXISTS pg_temp.import_issue_seq`.execute(tx);
  await sql`CREATE TEMP SEQUENCE import_issue_seq START ${sql.lit(startSeq + 1)}`.execute(tx);

  const elsewhere = message({
    id: 'NIK ini sudah terdaftar di wilayah lain; satu NIK hanya untuk satu pekerja. Bila orang ini pindah ke wilayah Anda, minta Disnaker memindahkan datanya.',
    en: 'This NIK is already registered in another region; one NIK belongs to one worker. If this person moved to your region, ask the Disnaker to move the record.',
  });
  const merged = message({
    id: 'NIK ini milik data pekerja yang sudah digabung sebagai duplikat. Periksa NIK pada KTP dan perbaiki berkasnya.',
    en: 'This NIK belongs to a record merged as a duplicate. Check the NIK on the KTP and correct the file.',
  });
  await timed(
    input,
    'elsewhere',
    insert(sql`
    SELECT "row", ${nik.index}::int, ${nik.name}::text,
      CASE action WHEN 'elsewhere' THEN 'NIK_REGISTERED_ELSEWHERE' ELSE 'NIK_MERGED' END, 'error',
      CASE action WHEN 'elsewhere' THEN ${elsewhere.id} ELSE ${merged.id} END,
      CASE action WHEN 'elsewhere' THEN ${elsewhere.en} ELSE ${merged.en} END
    FROM import_class WHERE action IN ('elsewhere', 'merged')`).execute(tx),
  );

  // Newer non-empty values win; where a stored value is replaced by a different one, say so.
  const changes = UPDATABLE.map(([c, field]) => {
    const { index, name } = field === 'rt' && plan.rtRw !== undefined ? col('rtRw') : col(field);
    return sql`(${c}, ${index}::int, ${name}::text, w.${sql.raw(c)}::text, s.${sql.raw(c)}::text)`;
  });
  await timed(
    input,
    'conflicts',
    insert(sql`
    SELECT s."row", v.idx, v.header, 'UPDATE_CONFLICT', 'warning',
      format('Data lama "%s" diganti "%s" dari berkas ini (nilai terbaru yang terisi dipakai).', v.old, v.new),
      format('The stored value "%s" is replaced by "%s" from this file (the newest non-empty value wins).', v.old, v.new)
    FROM import_class s JOIN worker_directory w ON w.id = s.worker_id
    CROSS JOIN LATERAL (VALUES ${sql.join(changes)}) AS v(field, idx, header, old, new)
    WHERE s.action = 'update' AND v.old IS NOT NULL AND v.new IS NOT NULL AND v.old <> v.new`).execute(tx),
  );

  // Probable duplicates of new rows: the same name key and birth date with another NIK, or a NIK one digit apart
  // with the same name key: five equi-joins (hash joins with small groups, see ONE_DIGIT_KEYS) find every candidate
  // pair; an OR in one join would compare whole groups of common names.
  const name = col('fullName');
  const existing = sql`(SELECT id AS "row", nik, name_key, birth_date FROM worker_directory
    WHERE merged_into IS NULL AND name_key IS NOT NULL AND ${regionInScope(sql`village_code`, input.scope)})`;
  // The new rows go into an unlogged table of this transaction, not a temporary one: only a session's own process
  // reads its temporary tables, while this one PostgreSQL may scan with parallel workers, and the pairing is the
  // longest set-based step (the JS side is idle by then). Dropped before commit; a rollback removes it as well.
  const freshTable = sql.id(`import_fresh_${input.jobId.replace(/\W/g, '')}`);
  await sql`CREATE UNLOGGED TABLE ${freshTable} AS
    SELECT "row", nik, name_key, birth_date FROM import_class WHERE action = 'insert'`.execute(tx);
  await sql`ANALYZE ${freshTable}`.execute(tx);
  // Groups too large to pair one by one (a file of one name and birth date repeated a million times would need half
  // a trillion comparisons): one warning on each group's first row instead, and its rows are not paired.
  const crowded = await sql<{ name_key: string; birth_date: string | null; n: string; first_row: number }>`
    SELECT name_key, birth_date::text, count(*) AS n, min("row") AS first_row FROM ${freshTable}
    GROUP BY name_key, birth_date HAVING count(*) > ${DUPLICATE_GROUP_CAP}
    UNION ALL
    SELECT name_key, NULL, count(*), min("row") FROM ${freshTable}
    GROUP BY name_key HAVING count(*) > ${DUPLICATE_NAME_CAP}`.execute(tx);
  let unpaired: RawBuilder<boolean> = sql<boolean>`true`;
  if (crowded.rows.length > 0) {
    await sql`CREATE TEMP TABLE import_crowded ON COMMIT DROP AS
      SELECT name_key, birth_date FROM (VALUES ${sql.join(
        crowded.rows.map((c) => sql`(${c.name_key}::text, ${c.birth_date}::date)`),
      )}) AS c(name_key, birth_date)`.execute(tx);
    unpaired = sql<boolean>`NOT EXISTS (SELECT 1 FROM import_crowded c
      WHERE c.name_key = b.name_key AND (c.birth_date IS NULL OR c.birth_date = b.birth_date))`;
    const crowdIssue = (c: (typeof crowded.rows)[number]) =>
      message({
        id: `${c.n} baris baru bernama sama${c.birth_date ? ' dan lahir pada tanggal yang sama' : ''} (mulai baris ini): terlalu banyak untuk diperiksa kemiripannya satu per satu, jadi kemungkinan duplikat di kelompok ini tidak diperiksa. Pastikan berkasnya benar.`,
        en: `${c.n} new rows with the same name${c.birth_date ? ' and birth date' : ''} (from this row on): too many to compare one by one, so probable duplicates in this group were not checked. Make sure the file is right.`,
      });
    await insert(
      sql`SELECT * FROM (VALUES ${sql.join(
        crowded.rows.map(
          (c) =>
            sql`(${c.first_row}::integer, ${name.index}::integer, ${name.name}::text, 'DUPLICATE_CHECK_SKIPPED',
                 'warning', ${crowdIssue(c).id}::text, ${crowdIssue(c).en}::text)`,
        ),
      )}) AS v("row", column_index, column_name, code, severity, message_id, message_en)`,
    ).execute(tx);
  }
  // Pairs into temporary tables (CREATE TABLE AS may run in parallel; an INSERT … SELECT may not), then one issue
  // per row from the pairs.
  const duplicates = async (step: string, others: RawBuilder<unknown>, kind: 'registered' | 'row') =>
    timed(
      input,
      step,
      (async () => {
        const pairs = sql.id(`import_pairs_${kind}`);
        await sql`CREATE TEMP TABLE ${pairs} ON COMMIT DROP AS ${duplicatePairs(freshTable, others, kind, unpaired)}`.execute(
          tx,
        );
        await insert(duplicateIssues(pairs, name, kind)).execute(tx);
      })(),
    );
  await duplicates('dup-existing', existing, 'registered');
  // … and among the file's own new rows (reported on the later row).
  if (withinFile === 'now') await duplicates('dup-file', freshTable, 'row');
  await sql`DROP TABLE ${freshTable}`.execute(tx);
  return {
    afterWrite: (storedPairs) =>
      timed(
        input,
        'dup-file',
        (async () => {
          // Each stored pair of two new rows, as (later row b, earlier row a): what duplicatePairs finds within the
          // file, a pair found both ways counting as the same birth date (as DISTINCT ON below prefers it).
          await sql`CREATE TEMP TABLE import_pairs_row ON COMMIT DROP AS
            SELECT b."row" AS b_row, a."row" AS a_row, a.nik AS a_nik, p.same_birth
            FROM ${sql.table(storedPairs)} p
            CROSS JOIN LATERAL (VALUES (p.nik_low, p.nik_high), (p.nik_high, p.nik_low)) AS o(a_nik, b_nik)
            JOIN import_class a ON a.nik = o.a_nik JOIN import_class b ON b.nik = o.b_nik
            WHERE a.action = 'insert' AND b.action = 'insert' AND a."row" < b."row" AND ${unpaired}`.execute(tx);
          await insert(duplicateIssues(sql.id('import_pairs_row'), name, 'row')).execute(tx);
        })(),
      ),
  };
}

/**
 * Keys for NIKs one digit apart: twelve of the sixteen digits, leaving out one block of four. If exactly one digit
 * differs, it lies in one block, so the pair shares the key that leaves that block out; twelve digits plus the name
 * make small hash groups (halves of eight digits did not: the last eight are mostly month, year and a low serial).
 */
const ONE_DIGIT_KEYS: readonly { key: (t: 'a' | 'b') => RawBuilder<unknown>; block: number }[] = [
  { key: (t) => sql`left(${sql.ref(`${t}.nik`)}, 12)`, block: 13 },
  { key: (t) => sql`right(${sql.ref(`${t}.nik`)}, 12)`, block: 1 },
  { key: (t) => sql`left(${sql.ref(`${t}.nik`)}, 4) || right(${sql.ref(`${t}.nik`)}, 8)`, block: 5 },
  { key: (t) => sql`left(${sql.ref(`${t}.nik`)}, 8) || right(${sql.ref(`${t}.nik`)}, 4)`, block: 9 },
];

/**
 * Exactly one of the four digits from `block` differs. Pairs that share a key already agree on the other twelve
 * digits, so this is `lindung_nik_distance(a, b) = 1` at a quarter of the comparisons (the synthetic million has
 * ~2M key matches to test).
 */
function oneDigitApart(block: number): RawBuilder<boolean> {
  const differs = [0, 1, 2, 3].map(
    (i) => sql`(substr(a.nik, ${sql.lit(block + i)}, 1) <> substr(b.nik, ${sql.lit(block + i)}, 1))::int`,
  );
  return sql<boolean>`${sql.join(differs, sql` + `)} = 1`;
}

/**
 * Candidate pairs of probable duplicates: each row of `rows` with every row of `others` that has its name key and
 * either its birth date or a NIK one digit apart (b_row: the row; a_row: the other's spreadsheet row, or for
 * registered workers their id). Within one file only earlier rows count as the other.
 */
function duplicatePairs(
  rows: RawBuilder<unknown>,
  others: RawBuilder<unknown>,
  kind: 'registered' | 'row',
  unpaired: RawBuilder<boolean>,
): RawBuilder<unknown> {
  const within = kind === 'row';
  const pairs = (on: RawBuilder<unknown>, sameBirth: boolean) => sql`
    SELECT b."row" AS b_row, a."row" AS a_row, a.nik AS a_nik, ${sql.lit(sameBirth)} AS same_birth
    FROM ${others} a JOIN ${rows} b ON b.name_key = a.name_key AND ${on}
    WHERE a.nik <> b.nik ${within ? sql`AND a."row" < b."row"` : sql``} AND ${unpaired}`;
  return sql`
    ${pairs(sql`b.birth_date = a.birth_date`, true)}
    ${sql.join(
      ONE_DIGIT_KEYS.map(
        ({ key, block }) => sql`UNION ALL ${pairs(sql`${key('b')} = ${key('a')} AND ${oneDigitApart(block)}`, false)}`,
      ),
      sql` `,
    )}`;
}

/**
 * PROBABLE_DUPLICATE issues from the candidate pairs: one per row, on the name column, naming the closest other
 * (the same birth date first, then the earliest).
 */
function duplicateIssues(
  pairs: RawBuilder<unknown>,
  name: { index: number | null; name: string | null },
  kind: 'registered' | 'row',
): RawBuilder<unknown> {
  const other =
    kind === 'row'
      ? { id: sql`'baris ' || p.a_row`, en: sql`'row ' || p.a_row` }
      : {
          id: sql`'pekerja terdaftar NIK ' || left(p.a_nik, 6) || '••••••' || right(p.a_nik, 4)`,
          en: sql`'registered worker NIK ' || left(p.a_nik, 6) || '••••••' || right(p.a_nik, 4)`,
        };
  return sql`
    SELECT DISTINCT ON (p.b_row) p.b_row AS "row", ${name.index}::int, ${name.name}::text, 'PROBABLE_DUPLICATE', 'warning',
      format('Mungkin orang yang sama dengan %s (%s). Tetap dimasukkan; periksa di menu Kemungkinan Duplikat.', ${other.id},
        CASE WHEN p.same_birth THEN 'nama dan tanggal lahir sama' ELSE 'nama sama, NIK beda satu angka' END),
      format('Probably the same person as %s (%s). Imported anyway; review it under Probable duplicates.', ${other.en},
        CASE WHEN p.same_birth THEN 'same name and birth date' ELSE 'same name, NIK one digit apart' END)
    FROM ${pairs} p
    ORDER BY p.b_row, p.same_birth DESC, p.a_row`;
}
