// Runs report generations on the platform job queue (platform/jobs.ts: whichever Lindung process is free, the server
// or `lindung worker`), and the monthly schedule: at every start and then every hour (once across processes), each
// planning region gets its report for the previous month once (on the 1st, or at the first start after it: catching
// up). A generation whose process died is claimed again when its lease runs out; reports left queued or running
// before the job system are queued again at start.
import type { RequestContext } from '../../platform/context.ts';
import { systemContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import { withScope } from '../../platform/db.ts';
import { JobQueue } from '../../platform/jobs.ts';
import type { Logger } from '../../platform/logger.ts';
import { planningRegions } from '../targets/index.ts';
import * as repo from './reports.repository.ts';
import { generateReport, scheduledMonth, scheduleReport, systemClock, type Clock } from './reports.service.ts';

/** The platform job that generates one report (payload: the report id and who asked). */
export const REPORT_JOB = 'reports.generate';
/** The recurring job that queues the previous month's scheduled reports. */
export const REPORT_SCHEDULE = 'reports.schedule';
const HOUR_SECONDS = 3_600;

type Payload = { id: string; ctx: RequestContext };

export class ReportRunner {
  private readonly jobs: JobQueue;
  private readonly ownQueue: boolean;
  /** Queueing in flight (awaited by recover, idle and stop). */
  private readonly queued = new Set<Promise<void>>();
  /** Platform jobs queued here, kept only on a queue of its own (for idle); the process's queue forgets them. */
  private ids: string[] = [];

  /** `jobs`: the process's queue (the server's or the worker's); without it a queue of its own, not started. */
  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: { clock?: Clock; compressPdf?: boolean; jobs?: JobQueue } = {},
  ) {
    this.ownQueue = !options.jobs;
    this.jobs = options.jobs ?? new JobQueue(db, log);
    this.jobs.register(REPORT_JOB, (payload) => this.generate(payload as Payload), {
      maxAttempts: 3,
      backoffSeconds: 30,
    });
    this.jobs.register(REPORT_SCHEDULE, () => this.catchUp().then(() => undefined), { maxAttempts: 1 });
    this.jobs.every(REPORT_SCHEDULE, HOUR_SECONDS, { atStart: true });
  }

  private async generate({ id, ctx }: Payload): Promise<void> {
    try {
      await generateReport(this.db, ctx, id, {
        clock: this.options.clock ?? systemClock,
        ...(this.options.compressPdf !== undefined && { compressPdf: this.options.compressPdf }),
      });
    } catch (err) {
      this.log.warn({ err, report: id }, 'Laporan bulanan gagal disusun');
      throw err;
    }
  }

  /** Queues one generation (the caller already inserted the report row); once per report while it is open. */
  readonly enqueue = (id: string, ctx: RequestContext): void => {
    this.track(this.jobs.enqueue(REPORT_JOB, { id, ctx } satisfies Payload, { key: id }), (err) =>
      this.log.warn({ err, report: id }, 'Laporan bulanan tidak dapat diantrekan'),
    );
  };

  /** Queues again what a previous process left unfinished (a report whose job is still open keeps that job). */
  async recover(): Promise<number> {
    const rows = await withScope(this.db, '*', (tx) => repo.unfinished(tx));
    const ctx = systemContext('laporan');
    for (const row of rows) this.enqueue(String(row.id), ctx);
    await this.settled();
    return rows.length;
  }

  /** Makes the previous month's scheduled report of every planning region that has none yet. */
  async catchUp(): Promise<number> {
    const now = (this.options.clock ?? systemClock)();
    const month = scheduledMonth(now);
    const ctx = systemContext('jadwal-laporan');
    let queued = 0;
    for (const region of await planningRegions(this.db)) {
      const id = await scheduleReport(this.db, ctx, region, month);
      if (id) {
        this.enqueue(id, ctx);
        queued += 1;
      }
    }
    await this.settled();
    if (queued) this.log.info({ month, reports: queued }, 'Laporan bulanan terjadwal dibuat');
    return queued;
  }

  private track(queueing: Promise<string | null>, onError: (err: unknown) => void): void {
    const p: Promise<void> = queueing.then((id) => {
      if (id && this.ownQueue) this.ids.push(id);
    }, onError);
    this.queued.add(p);
    void p.finally(() => this.queued.delete(p));
  }

  private async settled(): Promise<void> {
    await Promise.all([...this.queued]);
  }

  /** On a queue of its own: resolves when every generation queued here has finished, by whichever process ran it. */
  async idle(): Promise<void> {
    await this.settled();
    await this.jobs.waitFor(this.ids);
    this.ids = [];
  }

  /**
   * On a queue of its own (tests, tools): waits for what it queued (another process runs it). On the process's
   * queue: nothing to wait for here; what is still queued stays for the next process, and the queue's owner stops it.
   */
  async stop(): Promise<void> {
    await this.settled();
    if (this.ownQueue) await this.idle();
  }
}
