// "Data saya" (UU 27/2022 Pasal 7: a person may obtain a copy of the personal data held about them): everything
// Lindung holds about one worker, gathered through each owning module's public API, for Disnaker or an admin to
// hand to the person. Audited before anything is returned.
import { systemClock } from '../../platform/clock.ts';
import type { CoverageCheckResult } from '../../../lib/contracts/billing.ts';
import type { Worker, WorkerHistory } from '../../../lib/contracts/workers.ts';
import { PERSONAL_DATA_EXPORTERS } from '../../../lib/access/roles.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { requireRole } from '../access/index.ts';
import { checkCoverage } from '../billing/index.ts';
import { workerEnrollments } from '../programs/index.ts';
import { getWorker, revealNik, workerHistory } from '../registry/index.ts';

export type PersonalData = {
  generatedAt: string;
  generatedBy: string;
  legalBasis: string;
  worker: Omit<Worker, 'nikMasked'> & { nik: string };
  enrollments: Awaited<ReturnType<typeof workerEnrollments>>;
  coverage: CoverageCheckResult;
  history: WorkerHistory['items'];
};

export async function personalData(
  db: Db,
  ctx: RequestContext,
  workerId: string,
  format: 'json' | 'pdf',
): Promise<PersonalData> {
  const actor = requireRole(ctx, PERSONAL_DATA_EXPORTERS);
  const worker = await getWorker(db, ctx, workerId);
  const { nik } = await revealNik(db, ctx, workerId);
  const [enrollments, coverage, history] = [
    await workerEnrollments(db, ctx, workerId),
    await checkCoverage(db, ctx, { nik, date: todayWib(systemClock()) }),
    await workerHistory(db, ctx, workerId),
  ];
  await withScope(db, actor.scope, (tx) =>
    writeAudit(tx, ctx, {
      action: 'worker.personal_data.export',
      entity: 'worker',
      entityId: workerId,
      region: worker.village,
      after: { format, enrollments: enrollments.length, history: history.items.length },
    }),
  );
  const { nikMasked: _masked, ...rest } = worker;
  return {
    generatedAt: new Date().toISOString(),
    generatedBy: actor.username,
    legalBasis: 'UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi, Pasal 7',
    worker: { ...rest, nik },
    enrollments,
    coverage,
    history: history.items,
  };
}
