// League tables (issue 16 §5): growth of active participants over a chosen period, by channel (the organisation
// that brought each worker in) and by village, for the Disnaker and pimpinan dashboards and as XLSX. "Active" is
// the one coverage definition, lindung_nik_covered (programmes' published read over every source), on each end of
// the period; "brought by a channel" is the same rule as the computed action items (registration or a proposal).
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { LeagueQuery, LeagueRow, LeagueTable } from '../../../lib/contracts/governance.ts';
import { interpolate, type Bilingual } from '../../../lib/i18n/locale.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { writeAudit } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { regionInScope, regionOverlapsScope } from '../../platform/scope-sql.ts';
import { addSafeRow } from '../../platform/spreadsheet/writer.ts';
import { requireGovernanceReader } from './governance.policy.ts';
import { UNKNOWN_CHANNEL } from './governance.words.ts';

/** The default period of the dashboards: the last 90 days (a quarter). */
const DEFAULT_DAYS = 90;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Counted = { key: string | null; name: string | null; kind: string | null; a0: number; a1: number };

/** `GET /api/governance/league`: every channel (or village) in scope, most growth first; zero growth counted. */
export async function leagueTable(db: Db, ctx: RequestContext, query: LeagueQuery): Promise<LeagueTable> {
  const actor = requireGovernanceReader(ctx);
  const scope = actor.scope;
  const to = query.to ?? todayWib(systemClock());
  const q = { by: query.by, to, from: query.from ?? addDays(to, -DEFAULT_DAYS) };
  if (q.from > q.to) throw new AppError('VALIDATION_FAILED', { detail: 'tanggal awal sesudah tanggal akhir' });
  const rows = await withScope(db, scope, async (tx) => {
    const active = sql`
      active AS (
        SELECT w.id, w.village_code, w.channel_id,
               lindung_nik_covered(w.nik, ${q.from}::date) AS a0, lindung_nik_covered(w.nik, ${q.to}::date) AS a1
          FROM worker_directory w
         WHERE w.merged_into IS NULL AND ${regionInScope('w.village_code', scope)}
      )`;
    if (q.by === 'village') {
      const r = await sql<Counted>`
        WITH ${active}
        SELECT v.code AS key, v.name, NULL AS kind,
               count(a.id) FILTER (WHERE a.a0)::int AS a0, count(a.id) FILTER (WHERE a.a1)::int AS a1
          FROM region_directory v LEFT JOIN active a ON a.village_code = v.code
         WHERE v.level = 'village' AND ${regionInScope('v.code', scope)}
         GROUP BY v.code, v.name`.execute(tx);
      return r.rows;
    }
    // A worker counts for each channel that brought them in (registration, proposals); one without any for
    // "tidak diketahui". Organisations with nobody yet are listed too (zero growth shows).
    const r = await sql<Counted>`
      WITH ${active},
      brought AS (
        SELECT a.id, a.a0, a.a1, c.channel_id
          FROM active a
          CROSS JOIN LATERAL (
            SELECT s.channel_id FROM (
              SELECT a.channel_id
              UNION SELECT d.channel_id FROM enrollment_directory d WHERE d.worker_id = a.id
            ) s WHERE s.channel_id IS NOT NULL
            UNION ALL
            SELECT NULL::bigint WHERE a.channel_id IS NULL AND NOT EXISTS (
              SELECT 1 FROM enrollment_directory d WHERE d.worker_id = a.id AND d.channel_id IS NOT NULL)
          ) c
         WHERE a.a0 OR a.a1
      ),
      counted AS (
        SELECT channel_id, count(*) FILTER (WHERE a0)::int AS a0, count(*) FILTER (WHERE a1)::int AS a1
          FROM brought GROUP BY channel_id
      )
      SELECT o.id::text AS key, o.name, o.kind, coalesce(c.a0, 0) AS a0, coalesce(c.a1, 0) AS a1
        FROM gov_organisation o LEFT JOIN counted c ON c.channel_id = o.id
       WHERE ${regionOverlapsScope('o.region_code', scope)} AND (o.active OR c.channel_id IS NOT NULL)
      UNION ALL
      SELECT NULL, NULL, NULL, a0, a1 FROM counted WHERE channel_id IS NULL`.execute(tx);
    return r.rows;
  });
  const out: LeagueRow[] = rows
    .map((r) => ({
      key: r.key,
      name: r.name ?? UNKNOWN_CHANNEL[actor.locale],
      kind: r.kind,
      activeFrom: r.a0,
      activeTo: r.a1,
      growth: r.a1 - r.a0,
    }))
    .sort((a, b) => b.growth - a.growth || b.activeTo - a.activeTo || a.name.localeCompare(b.name, 'id'));
  return { by: q.by, from: q.from, to: q.to, rows: out, zeroGrowth: out.filter((r) => r.growth <= 0).length };
}

const EXPORT_WORDS = {
  sheet: { id: 'Peringkat', en: 'League table' },
  titleChannel: { id: 'Pertumbuhan peserta aktif per saluran', en: 'Growth of active participants by channel' },
  titleVillage: { id: 'Pertumbuhan peserta aktif per desa/kelurahan', en: 'Growth of active participants by village' },
  period: { id: 'Periode {from} s.d. {to}', en: 'Period {from} to {to}' },
  rank: { id: 'Peringkat', en: 'Rank' },
  name: { id: 'Nama', en: 'Name' },
  from: { id: 'Aktif awal', en: 'Active at start' },
  to: { id: 'Aktif akhir', en: 'Active at end' },
  growth: { id: 'Pertumbuhan', en: 'Growth' },
  zero: { id: 'Tidak tumbuh', en: 'No growth' },
  basis: {
    id: 'Peserta aktif: NIK terlindungi program Pemda atau tercatat aktif di snapshot BPJS Ketenagakerjaan pada tanggal itu.',
    en: 'Active participants: NIKs covered by a local-government programme or active in the BPJS Ketenagakerjaan snapshot on that date.',
  },
} satisfies Record<string, Bilingual>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `GET /api/governance/league.xlsx`: the same table as a workbook, zero growth in red; the download is audited. */
export async function leagueWorkbook(db: Db, ctx: RequestContext, query: LeagueQuery) {
  const table = await leagueTable(db, ctx, query);
  const q = { by: table.by, from: table.from, to: table.to };
  const actor = requireGovernanceReader(ctx);
  const w = (k: keyof typeof EXPORT_WORDS) => EXPORT_WORDS[k][actor.locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const ws = wb.addWorksheet(w('sheet'));
  addSafeRow(ws, [w(q.by === 'village' ? 'titleVillage' : 'titleChannel')]).font = { bold: true, size: 13 };
  addSafeRow(ws, [interpolate(w('period'), { from: q.from, to: q.to })]);
  addSafeRow(ws, [w('basis')]);
  addSafeRow(ws, [w('rank'), w('name'), w('from'), w('to'), w('growth'), '']).font = { bold: true };
  [10, 40, 12, 12, 12, 14].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  table.rows.forEach((r, i) => {
    const zero = r.growth <= 0;
    const row = addSafeRow(ws, [i + 1, r.name, r.activeFrom, r.activeTo, r.growth, zero ? w('zero') : '']);
    if (zero) row.font = { color: { argb: 'FFB00020' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  await withScope(db, actor.scope, (tx) =>
    writeAudit(tx, ctx, {
      action: 'governance.league.export',
      entity: 'gov_organisation',
      region: actor.scope === '*' ? null : actor.scope,
      after: { by: q.by, from: q.from, to: q.to, rows: table.rows.length },
    }),
  );
  return {
    fileName: `peringkat-${q.by === 'village' ? 'desa' : 'saluran'}-${q.from}-${q.to}.xlsx`,
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
