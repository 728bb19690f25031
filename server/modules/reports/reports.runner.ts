// Runs report generations in the background, one at a time, in this process; and the monthly schedule: on start
// and then every hour, each planning region gets its report for the previous month once (on the 1st, or at the
// first start after it: catching up). Reports left queued or running by a stopped process are run again on start.
import { systemContext, type RequestContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db.ts';
import type { Logger } from '../../platform/logger.ts';
import { withScope } from '../../platform/db.ts';
import { planningRegions } from '../targets/index.ts';
import * as repo from './reports.repository.ts';
import { generateReport, scheduledMonth, scheduleReport, systemClock, type Clock } from './reports.service.ts';

const HOUR = 3_600_000;

export class ReportRunner {
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private starting: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: { clock?: Clock; compressPdf?: boolean } = {},
  ) {}

  /** Queues one generation behind the others (the caller already inserted the report row). */
  readonly enqueue = (id: string, ctx: RequestContext): void => {
    this.chain = this.chain.then(async () => {
      if (this.stopped) return; // stays queued in the table; the next start picks it up
      try {
        await generateReport(this.db, ctx, id, {
          clock: this.options.clock ?? systemClock,
          ...(this.options.compressPdf !== undefined && { compressPdf: this.options.compressPdf }),
        });
      } catch (err) {
        this.log.warn({ err, report: id }, 'Laporan bulanan gagal disusun');
      }
    });
  };

  /** Runs again what a previous process left unfinished. */
  async recover(): Promise<number> {
    const rows = await withScope(this.db, '*', (tx) => repo.unfinished(tx));
    const ctx = systemContext('laporan');
    for (const row of rows) this.enqueue(String(row.id), ctx);
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
    if (queued) this.log.info({ month, reports: queued }, 'Laporan bulanan terjadwal dibuat');
    return queued;
  }

  start(intervalMs = HOUR): void {
    this.starting = this.recover()
      .then(() => this.catchUp())
      .catch((err: unknown) => this.log.warn({ err }, 'Jadwal laporan bulanan gagal'));
    this.timer = setInterval(() => {
      void this.catchUp().catch((err: unknown) => this.log.warn({ err }, 'Jadwal laporan bulanan gagal'));
    }, intervalMs);
    this.timer.unref();
  }

  /** Resolves when every queued generation has finished. */
  async idle(): Promise<void> {
    let current;
    do {
      current = this.chain;
      await current;
    } while (current !== this.chain);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.starting;
    await this.idle();
  }
}
