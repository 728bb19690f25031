import { levelOfCode } from '../../../lib/access/roles.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { bulkInsertWorkers } from '../registry/index.ts';
import { findRegion, listChildren } from '../regions/index.ts';
import { generateWorkers } from './generate.ts';

export type DemoWorkersInput = {
  regency: string;
  count: number;
  seed: number;
  /** Rows streamed so far, as they go into the staging table. */
  onProgress?: (streamed: number, total: number) => void;
};

/** The districts (NIK prefixes) and villages (domiciles) of a regency, from the region table. */
export async function regencyDivisions(database: Database, regency: string) {
  const region = await findRegion(database.app, regency);
  if (!region || levelOfCode(regency) !== 'regency') throw new AppError('REGION_UNKNOWN', { region: regency });
  const districts = (await listChildren(database.app, regency)).map((d) => d.code);
  const villages: string[] = [];
  for (const d of districts) villages.push(...(await listChildren(database.app, d)).map((v) => v.code));
  return { districts, villages };
}

/** `lindung demo generate`: synthetic workers of one regency, a bulk load audited as `worker.generate`. */
export async function generateDemoWorkers(database: Database, ctx: RequestContext, input: DemoWorkersInput) {
  const { districts, villages } = await regencyDivisions(database, input.regency);
  const rows = generateWorkers({ count: input.count, seed: input.seed, districts, villages });
  return bulkInsertWorkers(database.ownerPool, rows, ctx, {
    source: `demo:${input.seed}`,
    audit: {
      action: 'worker.generate',
      region: input.regency,
      details: { count: input.count, regency: input.regency, seed: input.seed },
    },
    onRow: (n) => input.onProgress?.(n, input.count),
  });
}
