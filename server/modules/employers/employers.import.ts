// The two imports of the employers module: the licensing office's list (upserted into the register by NIB) and the
// branch's employer snapshot. Each: every row checked (problems by row and column, nothing written when there is
// one), COPY into a staging table, village codes checked set-based, set-based writes, matching, one audit row, all
// in one transaction.
import { createHash } from 'node:crypto';
import type { UploadResult } from '../../../lib/contracts/employers.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { employerNameKey } from '../../../lib/rules/employers.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { copyFrom, withScopedCopy } from '../../platform/copy.ts';
import { copyText } from '../../platform/copy-text.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { fileLimits } from '../../platform/spreadsheet/index.ts';
import { invalidField } from '../../platform/validation.ts';
import { word } from '../../../lib/i18n/words.ts';
import {
  BRANCH_FIELDS,
  LICENSING_FIELDS,
  readActive,
  readCount,
  readMonth,
  readName,
  readNibCell,
  readNpp,
  readNpwpCell,
  readOptionalText,
  readSize,
  readVillage,
} from './employers.files.ts';
import { IssueList, readFieldFile, type Outcome } from '../../platform/spreadsheet/fields.ts';
import { regionOf, requireEmployerEditor } from './employers.policy.ts';
import * as repo from './employers.import.repository.ts';
import { EMPLOYER_WORDS } from './employers.words.ts';

export type UploadInput = { fileName: string; content: Buffer; region?: string | undefined; asOf?: string | undefined };

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

class Refused extends Error {
  constructor(readonly issues: IssueList) {
    super('file refused');
  }
}

/** Checks every cell of a row; adds each problem under its column; the values when all are good. */
function checkRow<T extends Record<string, Outcome<unknown>>>(
  row: number,
  checks: T,
  headers: Record<keyof T, string | null>,
  issues: IssueList,
): { [K in keyof T]: T[K] extends Outcome<infer V> ? V : never } | null {
  let good = true;
  const out = {} as Record<string, unknown>;
  for (const [field, outcome] of Object.entries(checks)) {
    if (outcome.ok) out[field] = outcome.value;
    else {
      issues.add(row, headers[field as keyof T] ?? null, outcome.message);
      good = false;
    }
  }
  return good ? (out as never) : null;
}

function duplicateIn(
  seen: Map<string, number>,
  key: string,
  row: number,
  what: string,
): { id: string; en: string } | null {
  const first = seen.get(key);
  if (first !== undefined)
    return {
      id: `${what} ini sudah ada di baris ${first}. Satu badan usaha satu baris: hapus salah satunya.`,
      en: `This ${what} is already on row ${first}. One business, one row: delete one of them.`,
    };
  seen.set(key, row);
  return null;
}

function lines<T>(items: readonly T[], columns: readonly (keyof T)[]): Iterable<string> {
  return (function* () {
    let chunk = '';
    for (const item of items) {
      chunk += `${columns.map((c) => copyText(item[c] as string | number | boolean | null)).join('\t')}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  })();
}

function villageIssues(issues: IssueList, column: string | null, problems: repo.VillageProblem[], region: string) {
  for (const v of problems)
    issues.add(
      v.row,
      column,
      v.known
        ? {
            id: `Desa ${v.village_code} berada di luar wilayah ${region}. Perbaiki kodenya atau unggah di wilayah yang benar.`,
            en: `Village ${v.village_code} lies outside region ${region}. Correct the code or upload in the right region.`,
          }
        : {
            id: `Kode desa ${v.village_code} tidak ada di data wilayah Kemendagri. Periksa kodenya.`,
            en: `Village code ${v.village_code} is not in the Kemendagri region data. Check the code.`,
          },
    );
}

/** The licensing office's list: upserted into the register by NIB; current snapshots in scope matched again. */
export async function importLicensingList(
  database: Database,
  ctx: RequestContext,
  input: UploadInput,
): Promise<UploadResult> {
  const actor = requireEmployerEditor(ctx);
  const file = await readFieldFile(input.content, input.fileName, LICENSING_FIELDS, fileLimits('exchange', actor.role));
  if (file.rows.length === 0) throw new AppError('FILE_EMPTY', { fileName: input.fileName });
  const issues = new IssueList(actor.locale);
  const staged: repo.StagedEmployer[] = [];
  const seenNib = new Map<string, number>();
  for (const { row, values: v } of file.rows) {
    const r = checkRow(
      row,
      {
        nib: readNibCell(v.nib, true),
        npwp: readNpwpCell(v.npwp),
        name: readName(v.name),
        sector: readOptionalText(v.sector, 120),
        size: readSize(v.size),
        address: readOptionalText(v.address, 300),
        village: readVillage(v.village, true),
        contact: readOptionalText(v.contact, 120),
        workers: readCount(v.workers, false),
      },
      file.headers,
      issues,
    );
    if (!r) continue;
    const dup = duplicateIn(seenNib, r.nib!, row, 'NIB');
    if (dup) {
      issues.add(row, file.headers.nib, dup);
      continue;
    }
    staged.push({
      row,
      nib: r.nib!,
      npwp: r.npwp,
      name: r.name,
      name_key: employerNameKey(r.name),
      sector: r.sector,
      size: r.size,
      address: r.address,
      village_code: r.village!,
      contact: r.contact,
      reported_workers: r.workers,
    });
  }
  if (issues.items.length > 0) return refused(file.rows.length, issues);
  const scope = actor.scope;
  return withScopedCopy(database, scope, async (tx, client) => {
    await repo.createEmployerStage(tx);
    await copyFrom(
      client,
      `COPY employer_stage (${repo.EMPLOYER_STAGE_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`,
      lines(staged, repo.EMPLOYER_STAGE_COLUMNS),
    );
    villageIssues(issues, file.headers.village, await repo.stagedVillageProblems(tx, 'employer_stage', scope), scope);
    if (issues.items.length > 0) throw new Refused(issues);
    const saved = await repo.upsertEmployers(tx, actor.username);
    const matched = await repo.matchCurrentSnapshots(tx, scope);
    await writeAudit(tx, ctx, {
      action: 'employer.import',
      entity: 'employer',
      region: scope === '*' ? null : scope,
      after: { fileName: input.fileName, sha256: sha256(input.content), rows: staged.length, ...saved, matched },
    });
    return { imported: true, rows: file.rows.length, ...saved, matched, issues: [] };
  }).catch((err: unknown) => {
    if (err instanceof Refused) return refused(file.rows.length, err.issues);
    throw err;
  });
}

function refused(rows: number, issues: IssueList): UploadResult {
  return { imported: false, rows, created: 0, updated: 0, matched: 0, issues: issues.items.slice(0, 1000) };
}

/** The branch's employer snapshot of one region, then matched to the register (NIB, NPWP, name + village). */
export async function importEmployerSnapshot(
  database: Database,
  ctx: RequestContext,
  input: UploadInput,
): Promise<UploadResult> {
  const actor = requireEmployerEditor(ctx);
  const region = regionOf(actor, input.region);
  if (region === '*')
    throw invalidField('region', word(EMPLOYER_WORDS.snapshotRegion, actor.locale), actor.locale, 'query');
  const asOf = input.asOf ?? todayWib();
  const file = await readFieldFile(input.content, input.fileName, BRANCH_FIELDS, fileLimits('exchange', actor.role));
  if (file.rows.length === 0) throw new AppError('FILE_EMPTY', { fileName: input.fileName });
  const issues = new IssueList(actor.locale);
  const staged: repo.StagedBranchRow[] = [];
  const seenNpp = new Map<string, number>();
  const seenNib = new Map<string, number>();
  for (const { row, values: v } of file.rows) {
    const r = checkRow(
      row,
      {
        npp: readNpp(v.npp),
        nib: readNibCell(v.nib, false),
        npwp: readNpwpCell(v.npwp),
        name: readName(v.name),
        status: readActive(v.status),
        workers: readCount(v.workers, true),
        paidThrough: readMonth(v.paidThrough),
        village: readVillage(v.village, false),
      },
      file.headers,
      issues,
    );
    if (!r) continue;
    const dup = duplicateIn(seenNpp, r.npp, row, 'NPP') ?? (r.nib ? duplicateIn(seenNib, r.nib, row, 'NIB') : null);
    if (dup) {
      issues.add(row, file.headers.npp, dup);
      continue;
    }
    staged.push({
      row,
      npp: r.npp,
      nib: r.nib,
      npwp: r.npwp,
      name: r.name,
      name_key: employerNameKey(r.name),
      village_code: r.village,
      active: r.status,
      active_workers: r.workers ?? 0,
      paid_through: r.paidThrough,
    });
  }
  if (issues.items.length > 0) return refused(file.rows.length, issues);
  return withScopedCopy(database, actor.scope, async (tx, client) => {
    await repo.createBranchStage(tx);
    await copyFrom(
      client,
      `COPY employer_branch_stage (${repo.BRANCH_STAGE_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`,
      lines(staged, repo.BRANCH_STAGE_COLUMNS),
    );
    villageIssues(
      issues,
      file.headers.village,
      await repo.stagedVillageProblems(tx, 'employer_branch_stage', region),
      region,
    );
    if (issues.items.length > 0) throw new Refused(issues);
    const sha = sha256(input.content);
    const snapshotId = await repo.insertEmployerSnapshot(tx, {
      region,
      asOf,
      fileName: input.fileName.slice(0, 300),
      sha256: sha,
      by: actor.username,
    });
    const matched = await repo.matchSnapshot(tx, snapshotId, region);
    await writeAudit(tx, ctx, {
      action: 'employer.snapshot.import',
      entity: 'employer_snapshot',
      entityId: snapshotId,
      region,
      after: { fileName: input.fileName, sha256: sha, asOf, rows: staged.length, matched },
    });
    return { imported: true, rows: file.rows.length, created: staged.length, updated: 0, matched, issues: [] };
  }).catch((err: unknown) => {
    if (err instanceof Refused) return refused(file.rows.length, err.issues);
    throw err;
  });
}
