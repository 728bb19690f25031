// Proposal from a file (issue 5 §2): villages often send the list of people to propose as a spreadsheet with a NIK
// column rather than choosing them in the registry. Each row's NIK is read and checked with the importer's rules
// (number cells, scientific notation, format), found in the registry inside the proposer's scope, and the workers
// found go through the same proposal as a choice one by one: eligibility, quota and budget under the row lock.
// Rows that cannot be used come back with their row, column and what to do; they never block the others, and the
// preview (dryRun) shows exactly what a confirmation would do.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileProposalResult } from '../../../lib/contracts/programs.ts';
import { EXAMPLE_PERSON, exampleNik } from '../../../lib/imports/example.ts';
import { matchHeader } from '../../../lib/imports/headers.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { parseNikCell } from '../../../lib/rules/import-values.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadTemplate } from '../../platform/xlsx-template.ts';
import { cellText, openTabular, TabularError, type Cell, fileLimits } from '../../platform/spreadsheet/index.ts';
import { firstVillageIn } from '../regions/index.ts';
import { proposeWorkers } from './enrollment.proposals.ts';
import { requireProposer } from './programs.policy.ts';
import { word, type Words } from '../../../lib/i18n/words.ts';
import { loadProgram, type Clock } from './programs.service.ts';
import * as workers from './programs.workers.ts';
import { PROPOSAL_TEMPLATE_HELP, PROPOSAL_TEMPLATE_SHEET } from './programs.words.ts';

/** A proposal list is short (one village's or one regency's people); larger lists belong in the worker import. */
export const MAX_PROPOSAL_ROWS = 20_000;

type Issue = FileProposalResult['issues'][number];

function issue(row: number, column: string, code: Issue['code'], id: string, en: string, locale: Locale): Issue {
  return { row, column, code, message: word({ id, en }, locale) };
}

function nikCell(cell: Cell): { text?: string; numeric?: number; isNumberCell?: boolean } {
  if (cell.t === 'number') return { numeric: cell.v, isNumberCell: true };
  return { text: cellText(cell) };
}

export async function proposeFromFile(
  db: Db,
  ctx: RequestContext,
  programId: string,
  input: { content: Buffer; fileName: string; sheet?: string | undefined; fromMonth?: string | undefined },
  options: { dryRun?: boolean; clock?: Clock } = {},
): Promise<FileProposalResult> {
  const actor = requireProposer(ctx);
  const locale = actor.locale;
  // The programme first: a file sent to a programme outside the caller's area is refused before it is read.
  await withScope(db, actor.scope, (tx) => loadProgram(tx, actor, programId));
  const dir = await mkdtemp(path.join(tmpdir(), 'lindung-proposal-'));
  const file = path.join(dir, path.basename(input.fileName) || 'usulan');
  try {
    await writeFile(file, input.content, { mode: 0o600 });
    let table;
    try {
      table = await openTabular(file, {
        fileName: input.fileName,
        limits: fileLimits('proposal', actor.role),
        waiting: true,
        ...(input.sheet && { sheet: input.sheet }),
      });
    } catch (err) {
      if (err instanceof TabularError) throw new AppError(err.code, err.params);
      throw err;
    }
    const nikIndex = table.info.header.findIndex((h) => matchHeader(h) === 'nik');
    if (nikIndex === -1) {
      await table.close();
      throw new AppError('PROPOSAL_NIK_COLUMN', { fileName: input.fileName });
    }
    const column = table.info.header[nikIndex]!;
    const issues: Issue[] = [];
    const rowsByNik = new Map<string, number>();
    let rows = 0;
    for await (const batch of table.batches) {
      for (const r of batch) {
        rows += 1;
        if (rows > MAX_PROPOSAL_ROWS) {
          throw new AppError('VALIDATION_FAILED', {
            detail:
              locale === 'en'
                ? `the file has more than ${MAX_PROPOSAL_ROWS} rows; split it or propose with the registry filters`
                : `berkas berisi lebih dari ${MAX_PROPOSAL_ROWS} baris; pecah berkasnya atau usulkan dengan filter daftar pekerja`,
          });
        }
        const cell = r.cells[nikIndex] ?? { t: 'empty' };
        if (cell.t === 'empty' || cellText(cell).trim() === '') {
          issues.push(
            issue(
              r.row,
              column,
              'REQUIRED_MISSING',
              'NIK kosong. Isi NIK 16 digit sesuai KTP atau hapus barisnya.',
              'The NIK is empty. Enter the 16-digit NIK from the KTP or delete the row.',
              locale,
            ),
          );
          continue;
        }
        const parsed = parseNikCell(nikCell(cell));
        if (!parsed.ok) {
          issues.push({ row: r.row, column, code: parsed.code, message: parsed.message[locale] });
          continue;
        }
        // Registry NIKs are already checked in full; here the text only has to be a NIK at all.
        const nik = parsed.value.replace(/[\s.-]/g, '');
        if (!/^[0-9]{16}$/.test(nik)) {
          issues.push(
            issue(
              r.row,
              column,
              'NIK_FORMAT',
              `NIK "${parsed.value}" tidak sah: NIK terdiri dari 16 angka. Periksa NIK pada KTP.`,
              `NIK "${parsed.value}" is not valid: a NIK has 16 digits. Check the NIK on the KTP.`,
              locale,
            ),
          );
          continue;
        }
        const first = rowsByNik.get(nik);
        if (first !== undefined) {
          issues.push(
            issue(
              r.row,
              column,
              'DUPLICATE_IN_FILE',
              `NIK ini sudah ada di baris ${first}; baris ini diabaikan.`,
              `This NIK is already on row ${first}; this row is ignored.`,
              locale,
            ),
          );
          continue;
        }
        rowsByNik.set(nik, r.row);
      }
    }
    if (rows === 0) throw new AppError('FILE_EMPTY', { fileName: input.fileName });

    const found = await withScope(db, actor.scope, (tx) =>
      workers.workersByNik(tx, actor.scope, [...rowsByNik.keys()]),
    );
    const idByNik = new Map(found.map((w) => [w.nik, w.id]));
    for (const [nik, row] of rowsByNik) {
      if (!idByNik.has(nik))
        issues.push(
          issue(
            row,
            column,
            'NIK_NOT_REGISTERED',
            'NIK ini belum ada di daftar pekerja wilayah Anda. Daftarkan atau impor pekerjanya dulu, lalu usulkan lagi.',
            'This NIK is not in the worker registry of your area. Register or import the worker first, then propose again.',
            locale,
          ),
        );
    }
    issues.sort((a, b) => a.row - b.row);
    const workerIds = [...rowsByNik.keys()].flatMap((nik) => idByNik.get(nik) ?? []);
    const proposal =
      workerIds.length === 0
        ? null
        : await proposeWorkers(
            db,
            ctx,
            programId,
            { workerIds, ...(input.fromMonth && { fromMonth: input.fromMonth }) },
            { dryRun: options.dryRun ?? false, ...(options.clock && { clock: options.clock }) },
          );
    return { rows, found: workerIds.length, issues, proposal };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** "Unduh templat" of the proposal file: a NIK column as text and a name column for people reading the list. */
export async function proposalTemplate(db: Db, ctx: RequestContext): Promise<UploadTemplate> {
  const actor = requireProposer(ctx);
  const village = await firstVillageIn(db, actor.scope);
  if (!village) throw new AppError('NOT_FOUND', { entity: actor.scope });
  const t = (w: Words) => word(w, actor.locale);
  return {
    fileName: 'templat-usulan.xlsx',
    sheetName: PROPOSAL_TEMPLATE_SHEET,
    locale: actor.locale,
    columns: [
      {
        header: 'NIK',
        text: true,
        required: true,
        help: t(PROPOSAL_TEMPLATE_HELP.nik),
      },
      {
        header: 'Nama',
        help: t(PROPOSAL_TEMPLATE_HELP.nama),
      },
    ],
    example: [exampleNik(village.code), EXAMPLE_PERSON.fullName],
  };
}
