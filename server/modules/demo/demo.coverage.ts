import type { Database } from '../../platform/db.ts';
import { refreshCoverageRollups } from '../coverage/index.ts';

/** After the demo's enrollments and snapshots are in: build the coverage rollups once, so '/' shows figures. */
export async function seedDemoCoverage(database: Database): Promise<void> {
  await refreshCoverageRollups(database.owner, { full: true });
}
