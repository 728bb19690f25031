// Import of the KPU/Bawaslu roster of an election officers' programme (issue 18 §3): every row checked (problems by
// row and column; nothing written while there is one), COPY into a staging table, villages and NIKs checked
// set-based, officers new to the registry registered through the registry's own bulk write (writeWorkerStage, with
// the importer's channel like the worker import), the programme's roster replaced, one audit row; one transaction
// as the application role in the importer's scope (row-level security checks every row again).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { RosterImportResult } from '../../../lib/contracts/election.ts';
import { interpolate } from '../../../lib/i18n/locale.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import type { Scope } from '../../../lib/access/roles.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { nameKey } from '../../../lib/rules/import-values.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { copyFrom, withScopedCopy } from '../../platform/copy.ts';
import { copyText } from '../../platform/copy-text.ts';
import { withScope, type Database, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { fileLimits } from '../../platform/spreadsheet/index.ts';
import { IssueList, readFieldFile } from '../../platform/spreadsheet/fields.ts';
import { invalidField } from '../../platform/validation.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { regionCodeSets } from '../regions/index.ts';
import { writeWorkerStage } from '../registry/index.ts';
import {
  readHonorarium,
  readName,
  readNik,
  readRole,
  readTps,
  readVillageCode,
  ROSTER_FIELDS,
} from './election.files.ts';
import { ELECTION_WORDS } from './election.words.ts';
import { assertManages, requireProgramManager } from './programs.policy.ts';
import type { ProgramRow } from './programs.repository.ts';
import { loadProgram, systemClock, type Clock } from './programs.service.ts';

type Staged = {
  row: number;
  nik: string;
  full_name: string;
  name_key: string;
  birth_date: string;
  sex: string;
  village_code: string;
  tps: number | null;
  role: string;
  honorarium: number;
};
const STAGE_COLUMNS = [
  'row',
  'nik',
  'full_name',
  'name_key',
  'birth_date',
  'sex',
  'village_code',
  'tps',
  'role',
  'honorarium',
] as const satisfies readonly (keyof Staged)[];

const fill = (w: Words, params: Record<string, string | number>): Words => ({
  id: interpolate(w.id, params),
  en: interpolate(w.en, params),
});

class Refused extends Error {
  constructor(readonly issues: IssueList) {
    super('roster refused');
  }
}

/** An election officers' programme: PU, employer KPU or Bawaslu, with service months. */
export function requireElection(program: ProgramRow, actor: Actor): void {
  if (program.category !== 'pu' || !['kpu', 'bawaslu'].includes(program.employer_kind ?? ''))
    throw invalidField(
      'id',
      word(ELECTION_WORDS.notElection, actor.locale, { program: program.name }),
      actor.locale,
      'params',
    );
  if (!program.service_months?.length)
    throw invalidField(
      'id',
      word(ELECTION_WORDS.noServiceMonths, actor.locale, { program: program.name }),
      actor.locale,
      'params',
    );
}

function lines(items: readonly Staged[]): Iterable<string> {
  return (function* () {
    let chunk = '';
    for (const item of items) {
      chunk += `${STAGE_COLUMNS.map((c) => copyText(item[c])).join('\t')}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  })();
}

/** Villages unknown, or outside the programme's region or the importer's scope; NIKs registered elsewhere. */
async function stagedProblems(
  tx: Tx,
  actor: Actor,
  program: ProgramRow,
  issues: IssueList,
  headers: Record<string, string | null>,
) {
  const villages = await sql<{ row: number; village_code: string; known: boolean }>`
    SELECT s."row", s.village_code, (r.code IS NOT NULL) AS known
    FROM election_stage s
    LEFT JOIN region_directory r ON r.code = s.village_code AND r.level = 'village'
    WHERE r.code IS NULL OR NOT ${regionInScope('s.village_code', actor.scope)}
       OR NOT ${regionInScope('s.village_code', program.region_code as Scope)}
    ORDER BY s."row" LIMIT 1000`.execute(tx);
  for (const v of villages.rows)
    issues.add(
      v.row,
      headers.village ?? null,
      fill(v.known ? ELECTION_WORDS.villageOutside : ELECTION_WORDS.villageUnknown, {
        village: v.village_code,
        region: program.region_code,
      }),
    );
  // Registered officers are found in the importer's scope; a NIK registered elsewhere cannot be taken over here.
  await sql`
    UPDATE election_stage s SET worker_id = w.id, action = 'keep'
    FROM worker_directory w WHERE w.nik = s.nik AND w.merged_into IS NULL`.execute(tx);
  const elsewhere = await sql<{ row: number }>`
    SELECT "row" FROM election_stage WHERE worker_id IS NULL AND lindung_nik_taken(nik) ORDER BY "row" LIMIT 1000`.execute(
    tx,
  );
  for (const e of elsewhere.rows) issues.add(e.row, headers.nik ?? null, ELECTION_WORDS.nikElsewhere);
}

export async function importRoster(
  database: Database,
  ctx: RequestContext,
  programId: string,
  input: { fileName: string; content: Buffer },
  clock: Clock = systemClock,
): Promise<RosterImportResult> {
  const actor = requireProgramManager(ctx);
  // The programme first: a roster sent to a programme outside the caller's area is refused before it is read.
  await withScope(database.app, actor.scope, async (tx) => {
    const program = await loadProgram(tx, actor, programId);
    assertManages(actor, program.region_code);
    requireElection(program, actor);
  });
  const sets = await regionCodeSets(database.app);
  const today = todayWib(clock());
  const file = await readFieldFile(input.content, input.fileName, ROSTER_FIELDS, fileLimits('proposal', actor.role));
  if (file.rows.length === 0) throw new AppError('FILE_EMPTY', { fileName: input.fileName });
  const issues = new IssueList(actor.locale);
  const context = {
    provinceExists: (c: string) => sets.provinces.has(c),
    districtExists: (c: string) => sets.districts.has(c),
    today,
  };
  const staged: Staged[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, values: v } of file.rows) {
    const checks = {
      nik: readNik(v.nik, context),
      name: readName(v.name),
      role: readRole(v.role),
      village: readVillageCode(v.village),
      honorarium: readHonorarium(v.honorarium),
    };
    const tps = readTps(v.tps, checks.role.ok ? checks.role.value : null);
    let good = true;
    for (const [field, outcome] of Object.entries({ ...checks, tps }))
      if (!outcome.ok) {
        issues.add(row, file.headers[field as keyof typeof ROSTER_FIELDS], outcome.message);
        good = false;
      }
    if (!good || !checks.nik.ok || !checks.name.ok || !checks.role.ok || !checks.village.ok) continue;
    if (!checks.honorarium.ok || !tps.ok) continue;
    const first = firstRow.get(checks.nik.value.nik);
    if (first !== undefined) {
      issues.add(row, file.headers.nik, fill(ELECTION_WORDS.nikTwice, { first }));
      continue;
    }
    firstRow.set(checks.nik.value.nik, row);
    staged.push({
      row,
      nik: checks.nik.value.nik,
      full_name: checks.name.value,
      name_key: nameKey(checks.name.value),
      birth_date: checks.nik.value.birthDate,
      sex: checks.nik.value.sex,
      village_code: checks.village.value,
      tps: tps.value,
      role: checks.role.value,
      honorarium: checks.honorarium.value,
    });
  }
  if (issues.items.length > 0) return refused(file.rows.length, issues);
  return withScopedCopy(database, actor.scope, async (tx, client) => {
    const program = await loadProgram(tx, actor, programId, { lock: true });
    requireElection(program, actor);
    await sql`CREATE TEMP TABLE election_stage (
        "row" integer NOT NULL, nik text NOT NULL, full_name text NOT NULL, name_key text NOT NULL,
        birth_date date NOT NULL, sex text NOT NULL, village_code text NOT NULL, tps smallint, role text NOT NULL,
        honorarium bigint NOT NULL, segment text NOT NULL DEFAULT 'election_worker',
        category text NOT NULL DEFAULT 'BPU', action text NOT NULL DEFAULT 'insert', worker_id bigint
      ) ON COMMIT DROP`.execute(tx);
    await copyFrom(
      client,
      `COPY election_stage (${STAGE_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`,
      lines(staged),
    );
    await stagedProblems(tx, actor, program, issues, file.headers);
    if (issues.items.length > 0) throw new Refused(issues);
    const channel = await sql<{
      id: string | null;
    }>`SELECT lindung_channel_for(NULL, ${actor.username})::text AS id`.execute(tx);
    const { inserted } = await writeWorkerStage(tx, ctx, {
      stage: 'election_stage',
      columns: ['nik', 'full_name', 'birth_date', 'sex', 'village_code', 'segment', 'category'],
      source: `election:${program.id}`,
      channelId: channel.rows[0]?.id ?? null,
      onConflict: 'fail',
    });
    await sql`
      UPDATE election_stage s SET worker_id = w.id
      FROM worker_directory w WHERE s.worker_id IS NULL AND w.nik = s.nik AND w.merged_into IS NULL`.execute(tx);
    const removed = await sql`DELETE FROM election_officer WHERE program_id = ${program.id}::bigint`.execute(tx);
    await sql`
      INSERT INTO election_officer (program_id, worker_id, village_code, tps, role, honorarium, roster_row, imported_by)
      SELECT ${program.id}::bigint, worker_id, village_code, tps, role, honorarium, "row", ${actor.username}
      FROM election_stage ORDER BY "row"`.execute(tx);
    await writeAudit(tx, ctx, {
      action: 'election.roster_import',
      entity: 'program',
      entityId: program.id,
      region: program.region_code,
      after: {
        fileName: input.fileName,
        sha256: createHash('sha256').update(input.content).digest('hex'),
        officers: staged.length,
        registered: inserted,
        replaced: Number(removed.numAffectedRows ?? 0),
      },
    });
    return { imported: true, rows: file.rows.length, officers: staged.length, registered: inserted, issues: [] };
  }).catch((err: unknown) => {
    if (err instanceof Refused) return refused(file.rows.length, err.issues);
    throw err;
  });
}

function refused(rows: number, issues: IssueList): RosterImportResult {
  return { imported: false, rows, officers: 0, registered: 0, issues: issues.items.slice(0, 1000) };
}
