// Reading a job's results back: its issues (a page for the screen, all of them in spreadsheet order for the report
// and the CLI) and its stored file.
import { sql } from 'kysely';
import type { ImportIssue, ImportSummary } from '../../../lib/contracts/imports.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { requireImporter } from './imports.policy.ts';
import { findJob } from './imports.repository.ts';

type IssueRow = {
  row: number | null;
  column_name: string | null;
  code: string;
  severity: string;
  message_id: string;
  message_en: string;
};

function presentIssue(r: IssueRow, locale: Locale): ImportIssue {
  return {
    row: r.row,
    column: r.column_name,
    code: r.code,
    severity: r.severity as ImportIssue['severity'],
    message: locale === 'en' ? r.message_en : r.message_id,
  };
}

export async function listIssues(
  db: Db,
  ctx: RequestContext,
  id: string,
  q: { page: number; pageSize: number; severity?: 'error' | 'warning' | undefined },
) {
  const actor = requireImporter(ctx);
  return withScope(db, actor.scope, async (tx) => {
    await findJob(tx, id);
    let query = tx.selectFrom('import_issue').where('job_id', '=', id);
    if (q.severity) query = query.where('severity', '=', q.severity);
    const rows = await query
      .select(['row', 'column_name', 'code', 'severity', 'message_id', 'message_en'])
      .orderBy(sql`"row" NULLS FIRST`)
      .orderBy('seq')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    return {
      items: rows.map((r) => presentIssue(r, actor.locale)),
      total: Number(total?.n ?? 0),
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** Every issue of a job in spreadsheet order, in pages (for the report and the CLI). */
export async function* allIssues(db: Db, scope: string, id: string) {
  let after = { row: -1, seq: 0 };
  for (;;) {
    const page = await withScope(db, scope, (tx) =>
      tx
        .selectFrom('import_issue')
        .select(['row', 'seq', 'column_index', 'column_name', 'code', 'severity', 'message_id', 'message_en'])
        .where('job_id', '=', id)
        .where(sql<boolean>`(coalesce("row", 0), seq) > (${after.row}, ${after.seq})`)
        .orderBy(sql`coalesce("row", 0)`)
        .orderBy('seq')
        .limit(5000)
        .execute(),
    );
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1]!;
    after = { row: last.row ?? 0, seq: last.seq };
  }
}

/** Loads the stored file of a job within scope (for the report). */
export async function jobFile(db: Db, ctx: RequestContext, id: string) {
  const actor = requireImporter(ctx);
  return withScope(db, actor.scope, async (tx) => {
    const row = await findJob(tx, id);
    const file = await tx.selectFrom('import_file').select('content').where('job_id', '=', id).executeTakeFirst();
    return { job: row, content: file?.content ?? null, summary: (row.summary as ImportSummary | null) ?? null };
  });
}
