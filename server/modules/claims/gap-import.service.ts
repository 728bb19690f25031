// Import of a list of deaths and accidents into the protection-gap ledger (issue 15 §6): a village death list or an
// election incident list, people in the registry or not. All or nothing: any problem in any cell (named by row and
// column) and nothing is written. Coverage at each row's event date comes from billing's coverageAtDates (the
// checkCoverage judgment over lindung_coverage_state, set-based), the missed benefit from the same rule rows as an
// estimate; rows covered on the date are not gaps (they are reported as claims), rows already recorded are left.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { GapImportResult, GapImportRow } from '../../../lib/contracts/claims.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import {
  BenefitRuleGapError,
  EntitlementInputError,
  entitlement,
  type Entitlement,
} from '../../../lib/rules/benefits-entitlement.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import { writeAudit, writeAuditRows } from '../../platform/audit.ts';
import { systemClock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { fileLimits } from '../../platform/spreadsheet/index.ts';
import { coverageAtDates } from '../billing/index.ts';
import { findRegion, regionCodeSets, scopeLabels } from '../regions/index.ts';
import { contributionMonthsAt, gapOf } from './claims.estimate.ts';
import { requireClaimReporter } from './claims.policy.ts';
import { benefitRules } from './claims.repository.ts';
import * as repo from './gap.repository.ts';
import { readGapList, type GapListRow, type Issue } from './gap-list.file.ts';

type Say = (row: number, column: string, words: { id: string; en: string }) => void;

/** The village of each row (its own, or the uploading village operator's), checked against scope and the table. */
async function placeRows(db: Db, rows: GapListRow[], scope: string, say: Say): Promise<Map<number, string>> {
  const own = scope !== '*' && scope.split('.').length === 4 ? scope : null;
  const known = new Map<string, boolean>();
  const placed = new Map<number, string>();
  for (const r of rows) {
    const village = r.village ?? own;
    if (village === null) {
      say(r.row, 'Kode desa', {
        id: 'Kode desa kosong. Isi kode desa/kelurahan 10 angka tempat orang itu tinggal.',
        en: 'The village code is empty. Enter the 10-digit code of the village the person lived in.',
      });
      continue;
    }
    if (scope !== '*' && !(village === scope || village.startsWith(`${scope}.`))) {
      say(r.row, 'Kode desa', {
        id: `Desa ${village} di luar wilayah Anda (${scope}). Hapus baris ini atau minta petugas wilayah itu mengunggahnya.`,
        en: `Village ${village} lies outside your region (${scope}). Remove the row or ask that region's staff to upload it.`,
      });
      continue;
    }
    if (!known.has(village)) known.set(village, (await findRegion(db, village)) !== null);
    if (!known.get(village)) {
      say(r.row, 'Kode desa', {
        id: `Kode desa ${village} tidak ada dalam daftar wilayah Kemendagri. Periksa kodenya.`,
        en: `Village code ${village} is not in the Kemendagri region list. Check the code.`,
      });
      continue;
    }
    placed.set(r.row, village);
  }
  return placed;
}

const eventKey = (r: { nik: string; type: string; date: string }) => `${r.nik}|${r.type}|${r.date}`;

/** `POST /api/claims/gaps/import`: check a list (dryRun, the default) or save it into the ledger. */
export async function importGapList(
  db: Db,
  ctx: RequestContext,
  q: { fileName: string; dryRun: boolean },
  content: Buffer,
): Promise<GapImportResult> {
  const actor = requireClaimReporter(ctx);
  const locale: Locale = actor.locale;
  const sets = await regionCodeSets(db);
  const today = todayWib(systemClock());
  const read = await readGapList(
    content,
    q.fileName,
    fileLimits('gaps', actor.role),
    { provinceExists: (c) => sets.provinces.has(c), districtExists: (c) => sets.districts.has(c), today },
    locale,
  );
  const issues: Issue[] = [...read.issues];
  const say: Say = (row, column, w) => issues.push({ row, column, message: w[locale] });
  const seen = new Map<string, number>();
  for (const r of read.rows) {
    if (r.date > today) {
      say(r.row, 'Tanggal kejadian', {
        id: `Tanggal kejadian ${r.date} setelah hari ini. Periksa tanggalnya.`,
        en: `The event date ${r.date} is after today. Check the date.`,
      });
    }
    const first = seen.get(eventKey(r));
    if (first !== undefined) {
      say(r.row, 'NIK', {
        id: `Kejadian yang sama (NIK, jenis, tanggal) sudah ada di baris ${first}. Hapus salah satunya.`,
        en: `The same event (NIK, type, date) is already on row ${first}. Remove one of them.`,
      });
    } else seen.set(eventKey(r), r.row);
  }
  const villages = await placeRows(db, read.rows, actor.scope, say);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const empty = (saved: boolean): GapImportResult => ({
    fileName: q.fileName,
    saved,
    rows: read.rows.length,
    issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    preview: [],
    added: 0,
    covered: 0,
    already: 0,
    missed: 0,
  });
  if (issues.length > 0 || read.rows.length === 0) {
    if (read.rows.length === 0 && issues.length === 0) {
      issues.push({
        row: null,
        column: null,
        message: { id: 'Daftar tidak berisi baris data.', en: 'The list holds no data rows.' }[locale],
      });
    }
    return empty(false);
  }

  const labels = await scopeLabels(db, [...new Set(villages.values())], locale);
  const rules = await benefitRules(db);
  return withScope(db, actor.scope, async (tx) => {
    const pairs = read.rows.map((r) => ({ nik: r.nik, at: r.date }));
    const [verdicts, workers, recorded] = await Promise.all([
      coverageAtDates(tx, actor.scope, pairs, locale),
      repo.workersByNiks(tx, actor.scope, [...new Set(read.rows.map((r) => r.nik))]),
      repo.recordedEvents(tx, actor.scope, read.rows),
    ]);
    const workerOf = new Map(workers.map((w) => [w.nik, w]));
    const preview: GapImportRow[] = [];
    const entries: repo.NewGapEntry[] = [];
    for (const r of read.rows) {
      const v = verdicts.get(`${r.nik}|${r.date}`)!;
      const worker = workerOf.get(r.nik);
      const village = villages.get(r.row)!;
      const gap = gapOf(v, v.deathDate, r.date, v.registered);
      const status = v.covered ? 'covered' : recorded.has(eventKey(r)) ? 'already' : 'new';
      const wage = r.income ?? (worker?.monthly_income == null ? null : Number(worker.monthly_income));
      const contributionMonths = contributionMonthsAt(v.programs, r.date);
      let e: Entitlement = { items: [], total: 0 };
      if (status === 'new') {
        try {
          e = entitlement(rules, {
            type: r.type,
            date: r.date,
            wage,
            contributionMonths,
            outcome: r.outcome,
            percent: r.percent,
            months: r.months,
          });
        } catch (err) {
          if (err instanceof BenefitRuleGapError) {
            say(r.row, 'Tanggal kejadian', {
              id: `Tidak ada aturan manfaat yang berlaku pada ${r.date} (${err.rule}); manfaat tidak dapat dihitung. Periksa tanggalnya.`,
              en: `No benefit rule is in force on ${r.date} (${err.rule}); the benefit cannot be computed. Check the date.`,
            });
            continue;
          }
          if (err instanceof EntitlementInputError && err.field === 'wage') {
            say(r.row, 'Penghasilan', {
              id: 'Manfaat JKK ini dihitung dari upah/penghasilan. Isi kolom Penghasilan (Rupiah per bulan).',
              en: 'This JKK benefit is computed from the wage/income. Fill in the Income column (Rupiah a month).',
            });
            continue;
          }
          throw err;
        }
      }
      preview.push({
        row: r.row,
        name: r.name,
        nikMasked: maskNik(r.nik),
        regionLabel: labels.get(village) ?? village,
        type: r.type,
        eventDate: r.date,
        status,
        gapReason: gap?.reason ?? null,
        gapSince: gap?.since ?? null,
        reason: v.reason,
        missed: e.total,
      });
      if (status !== 'new' || !gap) continue;
      entries.push({
        kabkota_code: village.split('.').slice(0, 2).join('.'),
        village_code: village,
        nik: r.nik,
        full_name: r.name,
        worker_id: worker?.id ?? null,
        type: r.type,
        outcome: r.outcome,
        disability_percent: r.percent,
        stmb_months: r.months,
        event_date: r.date,
        note: r.note,
        coverage_reason: v.reason,
        gap_reason: gap.reason,
        gap_since: gap.since,
        segment: r.segment ?? worker?.segment ?? null,
        wage,
        contribution_months: contributionMonths,
        estimate: e.items,
        estimate_total: e.total,
        list_name: q.fileName,
        list_sha256: sha256,
        list_row: r.row,
        created_by: actor.username,
      });
    }
    if (issues.length > 0) return empty(false);
    const counted = {
      covered: preview.filter((p) => p.status === 'covered').length,
      already: preview.filter((p) => p.status === 'already').length,
    };
    let added = entries.length;
    let missed = entries.reduce((s, e) => s + e.estimate_total, 0);
    if (!q.dryRun && entries.length > 0) {
      const written = await repo.insertGapEntries(tx, entries);
      const rows = new Set(written.map((w) => w.list_row));
      added = written.length;
      missed = entries.filter((e) => rows.has(e.list_row)).reduce((s, e) => s + e.estimate_total, 0);
      const audit = written.map((w) => ({ id: w.id, village: w.village_code, nik: maskNik(w.nik), row: w.list_row }));
      await writeAuditRows(
        tx,
        ctx,
        sql`SELECT 'claim.gap_entry.create' AS action, 'claim_gap_entry' AS entity, a.id AS entity_id,
                   a.village AS region_code, NULL::jsonb AS before,
                   jsonb_build_object('nik', a.nik, 'list', ${q.fileName}::text, 'row', a.row) AS after
            FROM jsonb_to_recordset(${JSON.stringify(audit)}::jsonb) AS a (id text, village text, nik text, row int)`,
      );
    }
    // Reading a list's coverage is a view of personal data, saved or not.
    await writeAudit(tx, ctx, {
      action: q.dryRun ? 'claim.gap_list.check' : 'claim.gap_list.import',
      entity: 'claim_gap_entry',
      region: actor.scope === '*' ? null : actor.scope,
      after: { file: q.fileName, sha256, rows: read.rows.length, added, ...counted },
    });
    return {
      fileName: q.fileName,
      saved: !q.dryRun,
      rows: read.rows.length,
      issues: [],
      preview,
      added,
      ...counted,
      missed,
    };
  });
}
