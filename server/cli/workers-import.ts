import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../lib/contracts/imports.ts';
import { formatNumber } from '../../lib/rules/money.ts';
import { openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import { systemContext } from '../platform/context.ts';
import { AppError, errorText } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { allIssues, cancelImport, importFileNow, writeReportFile } from '../modules/imports/index.ts';
import type { PipelineProgress } from '../modules/imports/imports.pipeline.ts';

const PHASE_LABEL: Record<PipelineProgress['phase'], string> = {
  waiting: 'menunggu impor lain selesai',
  reading: 'membaca dan memeriksa',
  checking: 'mencocokkan dengan daftar pekerja',
  writing: 'menyimpan',
  done: 'selesai',
};

/** A progress bar on stderr: redrawn in place on a terminal, one line per tenth otherwise (logs, CI). */
export function progressBar(stream: NodeJS.WriteStream) {
  let started: number | null = null;
  let lastTenth = -1;
  let lastPhase = '';
  return (p: PipelineProgress) => {
    // Rows per second count from the first row read, not from the wait for the database or the import lock.
    if (started === null && p.phase !== 'waiting') started = Date.now();
    const seconds = started === null ? 0 : (Date.now() - started) / 1000;
    const share =
      p.phase === 'done' ? 1 : p.rowsEstimated ? Math.min(1, p.rowsDone / Math.max(1, p.rowsEstimated)) * 0.8 : 0;
    const percent = Math.round(share * 100);
    const rate = seconds > 0 ? Math.round(p.rowsDone / seconds) : 0;
    const left =
      rate > 0 && p.rowsEstimated && p.phase === 'reading' ? Math.round((p.rowsEstimated - p.rowsDone) / rate) : null;
    const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '░');
    const text = `${bar} ${String(percent).padStart(3)}% ${formatNumber(p.rowsDone)} baris · ${formatNumber(rate)} baris/dtk${left !== null ? ` · sisa ±${left} dtk` : ''} · ${PHASE_LABEL[p.phase]}`;
    if (stream.isTTY) {
      stream.write(`\r${text}\x1b[K${p.phase === 'done' ? '\n' : ''}`);
    } else {
      const tenth = Math.floor(percent / 10);
      if (tenth !== lastTenth || p.phase !== lastPhase) stream.write(`${text}\n`);
      lastTenth = tenth;
      lastPhase = p.phase;
    }
  };
}

/** `lindung workers import --cancel ID`: a waiting import stops at once, a running one within seconds. */
async function cancelCommand(config: Config, log: Logger, id: string, json: boolean): Promise<void> {
  if (!/^\d{1,18}$/.test(id)) throw new Error('--cancel: nomor impor (angka), misalnya --cancel 12');
  const runtime = await openRuntime(config, log);
  try {
    const job = await cancelImport(runtime.database.app, systemContext('cli'), id);
    if (json) process.stdout.write(`${JSON.stringify({ id: job.id, status: job.status })}\n`);
    else
      process.stdout.write(
        job.status === 'cancelled'
          ? `Impor #${id} dibatalkan; tidak ada data yang berubah.\n`
          : `Impor #${id} sedang berjalan: permintaan batal dikirim, impor berhenti dalam beberapa detik tanpa mengubah data.\n`,
      );
  } catch (err) {
    if (err instanceof AppError) throw new Error(errorText(err, 'id'));
    throw err;
  } finally {
    await runtime.close();
  }
}

/** `lindung workers import FILE [--sheet NAME] [--dry-run] [--json] [--region KODE] [--report OUT.xlsx]` */
export async function workersImportCommand(
  config: Config,
  log: Logger,
  args: {
    file?: string;
    sheet?: string;
    'dry-run'?: boolean;
    json?: boolean;
    region?: string;
    report?: string;
    cancel?: string;
  },
): Promise<void> {
  if (args.cancel !== undefined) return cancelCommand(config, log, args.cancel, args.json ?? false);
  const file = args.file;
  if (!file)
    throw new Error('Sebutkan berkasnya: lindung workers import BERKAS.xlsx [--sheet NAMA] [--dry-run] [--json]');
  if (!existsSync(file)) throw new Error(`Berkas ${file} tidak ditemukan.`);
  const region = args.region ?? '*';
  if (!/^(\*|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/.test(region))
    throw new Error('--region: kode wilayah seperti 34.02 (atau * untuk seluruh Indonesia)');

  const runtime = await openRuntime(config, log);
  const base = systemContext('cli');
  const ctx = { ...base, actor: { ...base.actor, scope: region } };
  const mode = args['dry-run'] ? 'dry_run' : 'commit';
  try {
    const { jobId, summary } = await importFileNow(runtime.database, ctx, {
      path: file,
      sheet: args.sheet,
      mode,
      defaultVillage: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(region) ? region : null,
      onProgress: progressBar(process.stderr),
    });
    if (args.report) {
      await writeReportFile({
        db: runtime.database.app,
        scope: region,
        jobId,
        sourcePath: file,
        fileName: path.basename(file),
        sheet: args.sheet ?? null,
        summary,
        dryRun: mode === 'dry_run',
        locale: 'id',
        out: args.report,
      });
    }
    if (args.json) {
      const report: ImportReport = { ...summary, issues: [] };
      for await (const page of allIssues(runtime.database.app, region, jobId)) {
        for (const i of page) {
          report.issues.push({
            row: i.row,
            column: i.column_name,
            code: i.code,
            severity: i.severity as 'error' | 'warning',
            message: i.message_id,
          });
        }
      }
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      const n = formatNumber;
      process.stdout.write(
        `${mode === 'dry_run' ? 'Uji coba (tidak ada yang disimpan)' : 'Impor selesai'} — impor #${jobId}: ${n(summary.total)} baris; ` +
          `${n(summary.inserted)} baru, ${n(summary.updated)} diperbarui, ${n(summary.unchanged)} tidak berubah, ` +
          `${n(summary.rejected)} ditolak, ${n(summary.warnings)} peringatan.` +
          `${args.report ? ` Laporan: ${args.report}` : summary.rejected + summary.warnings > 0 ? ' Tambahkan --report laporan.xlsx untuk melihat sel yang bermasalah, atau --json.' : ''}\n`,
      );
    }
  } catch (err) {
    if (err instanceof AppError) throw new Error(errorText(err, 'id'));
    throw err;
  } finally {
    await runtime.close();
  }
}
