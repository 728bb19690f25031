import type { Db } from '../../platform/db.ts';
import { fileStore } from '../../platform/file-store.ts';
import type { App } from '../../platform/http.ts';
import type { FileDeps } from './instruments.service.ts';
import { registerInstrumentRoutes } from './instruments.routes.ts';
import { registerPlanRoutes } from './plans.routes.ts';

/** Signed instruments and minutes: scans of a few pages; 20 MiB is generous. */
export const GOVERNANCE_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** The register's signed documents under the data directory: for these routes, the demo and other modules' reads. */
export const governanceFiles = (db: Db, dataDir: string): FileDeps => ({
  db,
  store: fileStore(dataDir, 'governance-documents'),
  maxBytes: GOVERNANCE_FILE_MAX_BYTES,
});

export function registerGovernanceRoutes(app: App, deps: { db: Db; dataDir: string }) {
  registerInstrumentRoutes(app, governanceFiles(deps.db, deps.dataDir));
  registerPlanRoutes(app, { db: deps.db });
}
