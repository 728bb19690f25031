// Whether workers may be enrolled in a programme over a run of months: the person-level reasons (NIK, death,
// region, segment, age, covered here, elsewhere or by BPJS), shared by proposals and verification.
import type { Locale } from '../../../lib/i18n/locale.ts';
import {
  firstDay,
  INELIGIBILITY_REASONS,
  personReasons,
  REASON_MESSAGES,
  todayWib,
  type IneligibilityReason,
  type Month,
  type ProgramTerms,
} from '../../../lib/rules/eligibility.ts';
import { validateNik } from '../../../lib/rules/nik.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { regionCodeSets, type RegionCodeSets } from '../regions/index.ts';
import * as repo from './programs.repository.ts';
import type * as workers from './programs.workers.ts';

export const reasonText = (code: IneligibilityReason, locale: Locale) => ({
  code,
  message: REASON_MESSAGES[code][locale],
});

function termsOf(row: repo.ProgramRow): ProgramTerms {
  return { region: row.region_code, targetSegments: row.target_segments, minAge: row.min_age, maxAge: row.max_age };
}

function nikIsValid(sets: RegionCodeSets, nik: string): boolean {
  const result = validateNik(nik, {
    provinceExists: (c) => sets.provinces.has(c),
    districtExists: (c) => sets.districts.has(c),
  });
  return result.nik !== null && !result.issues.some((i) => i.severity === 'error');
}

type Checked = { worker: workers.CandidateRow; reasons: IneligibilityReason[] };

/**
 * Person-level reasons for each candidate over one run of months. Coverage by other programmes is looked up in
 * every region (the worker may have moved), ids only; `except` leaves out the enrollments being re-checked.
 */
export async function checkPersons(
  db: Db,
  tx: Tx,
  program: repo.ProgramRow,
  candidates: readonly workers.CandidateRow[],
  months: { first: Month; last: Month },
  except: string[] = [],
): Promise<Checked[]> {
  const sets = await regionCodeSets(db);
  const covered = await repo.coveredWorkers(
    tx,
    candidates.map((c) => c.id),
    firstDay(months.first),
    firstDay(months.last),
    except,
  );
  // BPJS data: covered on the first day of the first month, or today if the months have begun.
  const firstDate = firstDay(months.first);
  const today = todayWib();
  const inBpjs = await repo.bpjsCoveredWorkers(
    tx,
    candidates.map((c) => c.id),
    firstDate > today ? firstDate : today,
  );
  const here = new Set(covered.filter((c) => c.program_id === program.id).map((c) => c.worker_id));
  const elsewhere = new Set(covered.filter((c) => c.program_id !== program.id).map((c) => c.worker_id));
  const terms = termsOf(program);
  return candidates.map((w) => ({
    worker: w,
    reasons: personReasons(
      {
        nikValid: nikIsValid(sets, w.nik),
        deceased: w.life_status === 'deceased',
        village: w.village_code,
        segment: w.segment,
        birthDate: w.birth_date,
        enrolledHere: here.has(w.id),
        coveredElsewhere: elsewhere.has(w.id),
        activeInBpjs: inBpjs.has(w.id),
      },
      terms,
      months.first,
    ),
  }));
}

export function countReasons(checked: readonly { reasons: IneligibilityReason[] }[], locale: Locale) {
  const counts = new Map<IneligibilityReason, number>();
  for (const c of checked) for (const r of c.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return INELIGIBILITY_REASONS.filter((code) => counts.has(code)).map((code) => ({
    ...reasonText(code, locale),
    count: counts.get(code) ?? 0,
  }));
}
