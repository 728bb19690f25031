import type { LapseList, LapseListQuery, LapseWarning } from '../../../lib/contracts/billing.ts';
import { monthOf } from '../../../lib/rules/eligibility.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { whatsappLink } from '../../../lib/rules/import-values.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import type { RequestContext } from '../../platform/context.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { scopeLabels } from '../regions/index.ts';
import * as repo from './billing.repository.ts';
import { assertRegionInScope, requireLapseReader } from './billing.policy.ts';
import { systemClock, type Clock } from './billing.service.ts';

/** People are warned this many days before their protection lapses. */
export const LAPSE_HORIZON_DAYS = 30;

export const BPJS_SOURCE_LABEL = { id: 'BPJS (mandiri)', en: 'BPJS (self-paid)' } as const;

function present(row: repo.LapseRow, labels: Map<string, string>, locale: 'id' | 'en'): LapseWarning {
  return {
    nikMasked: maskNik(row.nik),
    fullName: row.full_name,
    workerId: row.worker_id,
    phone: row.phone,
    whatsapp: whatsappLink(row.phone),
    source: row.source,
    programId: row.program_id,
    programName: row.program_name ?? BPJS_SOURCE_LABEL[locale],
    kpjNumber: row.kpj_number,
    coverageStart: row.coverage_start,
    paidThrough: row.paid_through ? monthOf(row.paid_through) : null,
    lapseDate: row.lapse_date!,
    kind: row.kind,
    daysLeft: Number(row.days_left),
    village: row.village_code,
    villageLabel: row.village_code ? (labels.get(row.village_code) ?? row.village_code) : null,
  };
}

/**
 * The "will lapse soon" list: people in the actor's villages whose protection (a programme enrollment or their
 * membership in the current BPJS snapshot) has lapsed or lapses within 30 days, one row per NIK (the participation
 * that protects them longest), soonest first. Decided by lindung_coverage_state on today's date (WIB).
 */
export async function listLapseWarnings(
  db: Db,
  ctx: RequestContext,
  query: LapseListQuery,
  clock: Clock = systemClock,
  options: { audit?: boolean } = {},
): Promise<LapseList> {
  const actor = requireLapseReader(ctx);
  assertRegionInScope(actor, query.region);
  const today = todayWib(clock());
  return withScope(db, actor.scope, async (tx) => {
    const r = await repo.lapseWarnings(tx, actor.scope, query, today, LAPSE_HORIZON_DAYS);
    const labels = await scopeLabels(
      tx,
      r.rows.flatMap((x) => (x.village_code ? [x.village_code] : [])),
      actor.locale,
    );
    // An export of personal data (names, KPJ numbers) is recorded before its first byte leaves.
    if (options.audit)
      await writeAudit(tx, ctx, {
        action: 'billing.lapse.export',
        entity: 'lapse_warning',
        region: query.region ?? null,
        after: { rows: r.rows.length, total: r.total, filter: { ...query, page: undefined, pageSize: undefined } },
      });
    return {
      items: r.rows.map((x) => present(x, labels, actor.locale)),
      total: r.total,
      page: query.page,
      pageSize: query.pageSize,
      today,
      counts: r.counts,
    };
  });
}

/** Every warning matching the filters (the XLSX export), up to 100,000 rows; audited. */
export async function allLapseWarnings(
  db: Db,
  ctx: RequestContext,
  query: Omit<LapseListQuery, 'page' | 'pageSize'>,
  clock: Clock = systemClock,
): Promise<LapseList> {
  return listLapseWarnings(db, ctx, { ...query, page: 1, pageSize: 100_000 }, clock, { audit: true });
}
