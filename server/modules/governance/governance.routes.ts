import type { Db } from '../../platform/db.ts';
import { fileStore, type FileStoreConfig } from '../../platform/file-store.ts';
import type { App } from '../../platform/http.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import type { FileDeps } from './instruments.service.ts';
import { registerInstrumentRoutes } from './instruments.routes.ts';
import { registerMeetingRoutes } from './meetings.routes.ts';
import { registerPlanRoutes } from './plans.routes.ts';

/** Signed instruments and minutes: scans of a few pages; 20 MiB is generous. */
export const GOVERNANCE_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** The register's signed documents (data directory or bucket): for these routes, the demo and other modules' reads. */
export const governanceFiles = (db: Db, files: string | FileStoreConfig): FileDeps => ({
  db,
  store: fileStore(files, 'governance-documents'),
  maxBytes: GOVERNANCE_FILE_MAX_BYTES,
});

/** `jobs`: the queue "hitung ulang" puts the progress job on (absent in tests that never ask). */
export function registerGovernanceRoutes(app: App, deps: { db: Db; files: string | FileStoreConfig; jobs?: JobQueue }) {
  const files = governanceFiles(deps.db, deps.files);
  registerInstrumentRoutes(app, files);
  registerPlanRoutes(app, { db: deps.db, jobs: deps.jobs });
  registerMeetingRoutes(app, { ...files, store: fileStore(deps.files, 'governance-minutes') });
}
