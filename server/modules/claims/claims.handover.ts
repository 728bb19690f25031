// The hand-over of claim files to BPJS Ketenagakerjaan as one batch file (issue 15 §5), beside the printed cover
// letter of each claim: every claim at "handed" in the caller's scope, one line each, laid out by a template of
// columns and written by the exchange module's template writer (the registration batch's mechanism: NIK as a text
// cell, formula cells neutralised, CSV with ';' and a BOM). Full NIK, because the branch matches its members by it:
// audited as personal data leaving Lindung, before the file is built.
import { sql } from 'kysely';
import type { Scope } from '../../../lib/access/roles.ts';
import { dateName } from '../../../lib/rules/lapse.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db, type Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { regionInScope } from '../../platform/scope-sql.ts';
import { writeTemplatedCsv, writeTemplatedXlsx } from '../exchange/index.ts';
import { scopeLabels } from '../regions/index.ts';
import { requireClaimReader } from './claims.policy.ts';

/** The claims hand-over template: the columns the branch receives, in order (Indonesian: the file is official). */
export const HANDOVER_COLUMNS = [
  { header: 'Nomor klaim Lindung', field: 'claim' },
  { header: 'Program', field: 'type' },
  { header: 'Akibat', field: 'outcome' },
  { header: 'Tanggal kejadian', field: 'event_date' },
  { header: 'NIK', field: 'nik' },
  { header: 'Nama peserta', field: 'full_name' },
  { header: 'Nomor KPJ', field: 'kpj' },
  { header: 'Kode desa', field: 'village_code' },
  { header: 'Desa/kelurahan', field: 'village' },
  { header: 'Perkiraan manfaat (Rp)', field: 'estimate' },
  { header: 'Jumlah dokumen', field: 'documents' },
  { header: 'SHA-256 dokumen', field: 'sha256' },
  { header: 'Diserahkan', field: 'handed_on' },
] as const;
type Field = (typeof HANDOVER_COLUMNS)[number]['field'];
const TEXT = new Set<string>(['claim', 'nik', 'kpj', 'village_code', 'event_date', 'handed_on']);

const OUTCOME: Record<string, string> = {
  treatment: 'Perawatan',
  stmb: 'STMB',
  'partial-disability': 'Cacat sebagian',
  'total-disability': 'Cacat total tetap',
  death: 'Meninggal dunia',
};

type Row = {
  id: string;
  type: 'jkm' | 'jkk';
  outcome: string | null;
  event_date: string;
  nik: string;
  full_name: string;
  kpj_number: string | null;
  village_code: string;
  estimate_total: string;
  handed_on: string;
  documents: string[];
};

/** The claims waiting at BPJS in scope (and in `region`), with their documents' SHA-256, oldest hand-over first. */
function handedClaims(tx: Tx, scope: Scope, region: string | undefined) {
  return sql<Row>`
    SELECT c.id::text AS id, c.type, c.outcome, to_char(c.event_date, 'YYYY-MM-DD') AS event_date, w.nik, w.full_name,
           c.kpj_number, c.village_code, c.estimate_total::text AS estimate_total,
           to_char(c.stage_changed_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS handed_on,
           array(SELECT d.sha256 FROM claim_document d
                 WHERE d.claim_id = c.id AND ${regionInScope(sql.ref('d.village_code'), scope)}
                 ORDER BY d.item, d.id) AS documents
    FROM claim c JOIN worker_directory w ON w.id = c.worker_id
    WHERE c.status = 'handed' AND ${regionInScope(sql.ref('c.village_code'), scope)}
      AND ${region ? regionInScope(sql.ref('c.village_code'), region) : sql<boolean>`true`}
    ORDER BY c.stage_changed_at, c.id`.execute(tx);
}

/** `GET /api/claims/handover-file`: the batch file of every claim handed to BPJS and not yet decided. */
export async function handoverFile(
  db: Db,
  ctx: RequestContext,
  q: { format: 'xlsx' | 'csv'; region?: string | undefined },
): Promise<{ bytes: Buffer; rows: number }> {
  const actor = requireClaimReader(ctx);
  if (q.region && actor.scope !== '*' && !(q.region === actor.scope || q.region.startsWith(`${actor.scope}.`))) {
    throw new AppError('OUT_OF_SCOPE', { region: q.region });
  }
  const rows = await withScope(db, actor.scope, async (tx) => {
    const found = (await handedClaims(tx, actor.scope, q.region)).rows;
    await writeAudit(tx, ctx, {
      action: 'claim.handover_file',
      entity: 'claim',
      region: q.region ?? (actor.scope === '*' ? null : actor.scope),
      after: { format: q.format, rows: found.length, claims: found.map((r) => r.id) },
    });
    return found;
  });
  const labels = await scopeLabels(db, [...new Set(rows.map((r) => r.village_code))], 'id');
  const lines = rows.map((r): Record<Field, string> => ({
    claim: r.id,
    type: r.type.toUpperCase(),
    outcome: r.outcome ? (OUTCOME[r.outcome] ?? r.outcome) : '',
    event_date: dateName(r.event_date, 'id'),
    nik: r.nik,
    full_name: r.full_name,
    kpj: r.kpj_number ?? '',
    village_code: r.village_code,
    village: labels.get(r.village_code) ?? r.village_code,
    estimate: r.estimate_total,
    documents: String(r.documents.length),
    sha256: r.documents.join(' '),
    handed_on: dateName(r.handed_on, 'id'),
  }));
  const bytes =
    q.format === 'csv'
      ? writeTemplatedCsv(HANDOVER_COLUMNS, lines)
      : await writeTemplatedXlsx('Serah klaim', HANDOVER_COLUMNS, lines, TEXT);
  return { bytes, rows: rows.length };
}
