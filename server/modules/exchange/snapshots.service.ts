// Membership snapshots from the branch: imported from a file (COPY into a staging table, checked set-based) or from
// the simulator, listed per region; the current one of a region is what reconciliation compares with.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import copyStreams from 'pg-copy-streams';
import type { SnapshotResult, SnapshotSummary } from '../../../lib/contracts/exchange.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import type { ParticipationCategory } from '../../../lib/rules/segments.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { copyText } from '../../platform/copy-text.ts';
import { withScope, type Database, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { invalidField } from '../../platform/validation.ts';
import { fileLimits } from '../../platform/spreadsheet/index.ts';
import { withScopedCopy } from '../../platform/copy.ts';
import type { ExchangeAdapter, Participant } from './adapter.ts';
import { readCategory, readDate, readKpj, readMonth, readNik, readVillage, SNAPSHOT_FIELDS } from './exchange.files.ts';
import { IssueList, readFieldFile, type ParsedFile } from '../../platform/spreadsheet/fields.ts';
import { regionOf, requireExchangeUser } from './exchange.policy.ts';
import { regionLabel, sha256 } from './exchange.shared.ts';
import * as repo from './snapshots.repository.ts';
import { word } from '../../../lib/i18n/words.ts';
import { EXCHANGE_WORDS } from './exchange.words.ts';

type StagedMember = {
  row: number;
  nik: string;
  kpj_number: string | null;
  category: ParticipationCategory;
  coverage_start: string;
  coverage_end: string | null;
  paid_through: string | null;
  village_code: string | null;
};

function checkSnapshot(file: ParsedFile<keyof typeof SNAPSHOT_FIELDS>, issues: IssueList): StagedMember[] {
  const h = file.headers;
  const seen = new Map<string, number>();
  const out: StagedMember[] = [];
  for (const { row, values } of file.rows) {
    const nik = readNik(values.nik);
    const kpj = readKpj(values.kpj, false);
    const category = readCategory(values.category);
    const start = readDate(values.start, true);
    const end = readDate(values.end, false);
    const paid = readMonth(values.paidThrough);
    const village = readVillage(values.village);
    const checks = [
      [nik, h.nik],
      [kpj, h.kpj],
      [category, h.category],
      [start, h.start],
      [end, h.end],
      [paid, h.paidThrough],
      [village, h.village],
    ] as const;
    let good = true;
    for (const [outcome, column] of checks) {
      if (!outcome.ok) {
        issues.add(row, column, outcome.message);
        good = false;
      }
    }
    if (!good || !nik.ok || !kpj.ok || !category.ok || !start.ok || !end.ok || !paid.ok || !village.ok) continue;
    if (end.value && end.value < start.value!) {
      issues.add(row, h.end, {
        id: 'Tanggal akhir sebelum tanggal mulai. Periksa kedua tanggal.',
        en: 'The end date is before the start date. Check both dates.',
      });
      continue;
    }
    const first = seen.get(nik.value);
    if (first !== undefined) {
      issues.add(row, h.nik, {
        id: `NIK ini sudah ada di baris ${first}. Satu orang satu baris: hapus salah satunya.`,
        en: `This NIK is already on row ${first}. One person, one row: delete one of them.`,
      });
      continue;
    }
    seen.set(nik.value, row);
    out.push({
      row,
      nik: nik.value,
      kpj_number: kpj.value,
      category: category.value,
      coverage_start: start.value!,
      // coverage_end and paid_through are first days of months in bpjs_member.
      coverage_end: end.value ? `${end.value.slice(0, 7)}-01` : null,
      paid_through: paid.value,
      village_code: village.value,
    });
  }
  return out;
}

export type SnapshotInput = {
  fileName: string;
  content: Buffer;
  region?: string | undefined;
  asOf?: string | undefined;
};

async function presentSnapshot(tx: Tx, row: repo.SnapshotRow, locale: Locale): Promise<SnapshotSummary> {
  return {
    id: row.id,
    region: row.region_code,
    regionLabel: await regionLabel(tx, row.region_code, locale),
    asOf: row.as_of,
    source: row.source,
    fileName: row.file_name,
    persons: row.persons,
    inRegistry: row.in_registry,
    current: row.current,
    importedBy: row.imported_by,
    importedAt: row.imported_at.toISOString(),
  };
}

/**
 * Imports a membership snapshot of one region: every row checked (problems by row and column, nothing written
 * when there is one), then COPY into a staging table, village codes checked set-based, and one INSERT … SELECT
 * matched to the registry by NIK, in one transaction.
 */
export async function importSnapshot(
  database: Database,
  ctx: RequestContext,
  input: SnapshotInput,
  source: 'file' | 'simulator' = 'file',
): Promise<SnapshotResult> {
  const actor = requireExchangeUser(ctx);
  const region = regionOf(actor, input.region);
  if (region === '*') {
    const message = word(EXCHANGE_WORDS.snapshotRegion, actor.locale);
    throw invalidField('region', message, actor.locale, 'query');
  }
  const asOf = input.asOf ?? todayWib();
  const file = await readFieldFile(input.content, input.fileName, SNAPSHOT_FIELDS, fileLimits('exchange', actor.role));
  if (file.rows.length === 0) throw new AppError('FILE_EMPTY', { fileName: input.fileName });
  const issues = new IssueList(actor.locale);
  const staged = checkSnapshot(file, issues);
  if (issues.items.length > 0) {
    return { imported: false, snapshot: null, rows: file.rows.length, issues: issues.items.slice(0, 1000) };
  }
  return withScopedCopy(database, actor.scope, async (tx, client) => {
    await repo.createSnapshotStage(tx);
    const lines = (function* () {
      let chunk = '';
      for (const m of staged) {
        chunk += `${repo.SNAPSHOT_STAGE_COLUMNS.map((c) => copyText(m[c])).join('\t')}\n`;
        if (chunk.length > 1 << 16) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })();
    const copy = client.query(
      copyStreams.from(
        `COPY snapshot_stage (${repo.SNAPSHOT_STAGE_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`,
      ),
    );
    await pipeline(Readable.from(lines), copy);
    const villages = await repo.stagedVillageProblems(tx, region);
    for (const v of villages) {
      issues.add(
        v.row,
        file.headers.village,
        v.known
          ? {
              id: `Desa ${v.village_code} berada di luar wilayah snapshot ${region}. Pilih wilayah yang benar atau perbaiki kodenya.`,
              en: `Village ${v.village_code} lies outside the snapshot's region ${region}. Choose the right region or correct the code.`,
            }
          : {
              id: `Kode desa ${v.village_code} tidak ada di data wilayah Kemendagri. Periksa kodenya.`,
              en: `Village code ${v.village_code} is not in the Kemendagri region data. Check the code.`,
            },
      );
    }
    if (issues.items.length > 0) {
      // Nothing is kept: the staging table goes with the rollback.
      throw new SnapshotRefused(issues.items.length, file.rows.length, issues);
    }
    const sha = sha256(input.content);
    const saved = await repo.insertSnapshot(tx, {
      region,
      asOf,
      source,
      fileName: input.fileName.slice(0, 300),
      sha256: sha,
      by: actor.username,
    });
    await writeAudit(tx, ctx, {
      action: 'exchange.snapshot.import',
      entity: 'membership_snapshot',
      entityId: saved.id,
      region,
      after: {
        source,
        fileName: input.fileName,
        sha256: sha,
        asOf,
        persons: saved.persons,
        inRegistry: saved.inRegistry,
      },
    });
    const row = await repo.findSnapshot(tx, saved.id);
    return {
      imported: true,
      snapshot: await presentSnapshot(tx, row!, actor.locale),
      rows: file.rows.length,
      issues: [],
    };
  }).catch((err: unknown) => {
    if (err instanceof SnapshotRefused)
      return { imported: false, snapshot: null, rows: err.rows, issues: err.issues.items.slice(0, 1000) };
    throw err;
  });
}

class SnapshotRefused extends Error {
  constructor(
    readonly count: number,
    readonly rows: number,
    readonly issues: IssueList,
  ) {
    super(`snapshot refused: ${count} problems`);
  }
}

export async function listSnapshots(db: Db, ctx: RequestContext, q: { page: number; pageSize: number }) {
  const actor = requireExchangeUser(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const { items, total } = await repo.listSnapshots(tx, actor.scope, q);
    const out: SnapshotSummary[] = [];
    for (const i of items) out.push(await presentSnapshot(tx, i, actor.locale));
    return { items: out, total, page: q.page, pageSize: q.pageSize };
  });
}

/**
 * The simulated branch's snapshot of a region (demo): Lindung's active participants as BPJS would list them, with
 * the simulator's departures, plus `others` the branch knows from other channels; imported like an uploaded file.
 */
export async function importSimulatedSnapshot(
  database: Database,
  ctx: RequestContext,
  adapter: ExchangeAdapter,
  input: { region: string; asOf: string; others: readonly Participant[] },
): Promise<SnapshotResult> {
  const actor = requireExchangeUser(ctx);
  if (adapter.kind !== 'simulator') throw new AppError('EXCHANGE_SIMULATOR_OFF');
  const region = regionOf(actor, input.region);
  const registered = await withScope(database.app, actor.scope, async (tx) =>
    (await repo.activeParticipants(tx, region)).map((p): Participant => ({
      nik: p.nik,
      kpj: p.kpj_number,
      category: p.category as ParticipationCategory,
      coverageStart: p.coverage_start,
      coverageEnd: p.last_month,
      paidThrough: p.paid_through ?? `${input.asOf.slice(0, 7)}-01`,
      village: p.village_code,
    })),
  );
  const file = await adapter.fetchSnapshot(region, input.asOf, { registered, others: input.others });
  return importSnapshot(
    database,
    ctx,
    { fileName: file.name, content: file.content, region, asOf: input.asOf },
    'simulator',
  );
}

/** Registered workers of a region with no enrollment (the demo makes some of them self-paid participants). */
export async function unenrolledWorkers(db: Db, ctx: RequestContext, region: string, limit: number) {
  const actor = requireExchangeUser(ctx);
  return withScope(db, actor.scope, (tx) => repo.unenrolledWorkers(tx, regionOf(actor, region), limit));
}
