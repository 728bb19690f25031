// The compliance figures other modules read (the assessment module's indicators): employers by status and APBD
// projects with their Jakon certificate, for one region, as of the latest branch snapshot.
import type { ComplianceFigures } from '../../../lib/contracts/employers.ts';
import type { Scope } from '../../../lib/access/roles.ts';
import { inScope } from '../../../lib/access/roles.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { employerFigures } from './employers.service.ts';
import { projectFigures } from './projects.repository.ts';

/**
 * Figures for `region` read inside `scope` (the caller's actor scope; row-level security applies). Registered =
 * paying + arrears + partial; not registered = in the licensing list but not in the branch's snapshot.
 */
export async function complianceFigures(db: Db, scope: Scope, region: string): Promise<ComplianceFigures> {
  if (!inScope(scope, region)) throw new AppError('OUT_OF_SCOPE', { region });
  return withScope(db, scope, async (tx) => {
    const e = await employerFigures(tx, region);
    const p = await projectFigures(tx, region);
    return {
      region,
      snapshotAsOf: e.snapshotAsOf,
      employers: e.employers,
      registered: e.counts.paying + e.counts.arrears + e.counts.partial,
      paying: e.counts.paying,
      arrears: e.counts.arrears,
      partial: e.counts.partial,
      notRegistered: e.counts.not_registered,
      projects: p.projects,
      projectsWithJakon: p.with_jakon,
    };
  });
}
