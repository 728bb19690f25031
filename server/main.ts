import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { pinToday } from './platform/clock.ts';
import { createLogger } from './platform/logger.ts';
import { DataDirLockedError } from './platform/embedded.ts';
import { startCommand } from './cli/start.ts';
import { workerCommand } from './cli/worker.ts';
import { dbMigrateCommand } from './cli/db-migrate.ts';
import { regionsStatsCommand } from './cli/regions-stats.ts';
import { usersAddCommand } from './cli/users-add.ts';
import { demoGenerateCommand } from './cli/demo-generate.ts';
import { workersImportCommand } from './cli/workers-import.ts';
import { CONTRIBUTION_USAGE, contributionCommand } from './cli/contribution.ts';
import { coverageCheckCommand } from './cli/coverage-check.ts';
import { backupCommand, restoreCommand } from './cli/backup.ts';
import { CLAIMS_ESTIMATE_USAGE, claimsEstimateCommand } from './cli/claims-estimate.ts';
import { coverageRefreshCommand } from './cli/coverage-refresh.ts';

const USAGE = `Pemakaian / usage:
  lindung start [--no-demo]            jalankan Lindung (PostgreSQL tertanam kecuali DATABASE_URL diisi)
  lindung worker                       jalankan tugas latar (impor, laporan, rekap) tanpa HTTP, di samping server
                                       (server dengan LINDUNG_JOBS=off menyerahkan semua tugas ke pekerja)
  lindung db migrate                   terapkan migrasi basis data
  lindung regions stats [--json]       jumlah wilayah per tingkat
  lindung users add --username U --password P --role R --region KODE [--name "Nama"]
  lindung demo generate --regency 34.02 --workers 50000 [--seed N]
                                       pekerja sintetis (NIK valid) untuk demo dan uji beban
  lindung workers import BERKAS [--sheet NAMA] [--dry-run] [--json] [--region KODE] [--report LAPORAN.xlsx]
  lindung workers import --cancel NOMOR_IMPOR [--json]
                                       impor daftar pekerja dari CSV/XLSX (--json: ringkasan + masalah per baris)
  lindung coverage check --nik NIK [--date YYYY-MM-DD] [--json] [--lang en]
                                       tertanggung atau tidak pada tanggal itu, dengan alasannya
  lindung backup BERKAS [--json]       cadangan daring (satu snapshot konsisten, gzip, manifest per tabel)
  lindung restore BERKAS [--json]      pulihkan cadangan ke direktori data / basis data yang kosong
  lindung contribution …               hitung iuran BPJS Ketenagakerjaan (tanpa --date: hari ini, WIB)
${CONTRIBUTION_USAGE}
  ${CLAIMS_ESTIMATE_USAGE}
                                       perkiraan manfaat JKM/JKK dengan dasar hukum per baris
  lindung coverage refresh [--full] [--json]
                                       perbarui rekap cakupan sekarang (--full: semua orang dari sumbernya)`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'no-demo': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      name: { type: 'string' },
      // lindung demo generate
      regency: { type: 'string' },
      workers: { type: 'string' },
      seed: { type: 'string' },
      // lindung workers import
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      cancel: { type: 'string' },
      report: { type: 'string' },
      // lindung contribution
      category: { type: 'string' },
      income: { type: 'string' },
      programs: { type: 'string' },
      date: { type: 'string' },
      funding: { type: 'string' },
      sector: { type: 'string' },
      wage: { type: 'string' },
      'risk-class': { type: 'string' },
      'employer-size': { type: 'string' },
      'contract-value': { type: 'string' },
      package: { type: 'string' },
      'extra-months': { type: 'string' },
      'no-pre-employment': { type: 'boolean', default: false },
      // lindung coverage check
      nik: { type: 'string' },
      lang: { type: 'string' },
      // lindung claims estimate
      type: { type: 'string' },
      'contribution-months': { type: 'string' },
      outcome: { type: 'string' },
      percent: { type: 'string' },
      months: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      // lindung coverage refresh
      full: { type: 'boolean', default: false },
    },
  });
  const isImport = positionals[0] === 'workers' && positionals[1] === 'import';
  const isBackup = positionals[0] === 'backup' || positionals[0] === 'restore';
  const command = isImport ? 'workers import' : isBackup ? positionals[0]! : positionals.join(' ');
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return;
  }
  const config = loadConfig();
  pinToday(config.today);
  if (config.today) process.stderr.write(`Tanggal hari ini dipatok: ${config.today} (LINDUNG_TODAY)\n`);
  // CLI commands log only warnings so that their own output (e.g. --json) stays clean.
  const longRunning = command === 'start' || command === 'worker';
  const log = createLogger(longRunning ? config.logLevel : 'warn', longRunning ? process.stdout : process.stderr);
  switch (command) {
    case 'start':
      return startCommand(config, log, { demo: !values['no-demo'] });
    case 'worker':
      return workerCommand(config, log);
    case 'db migrate':
      return dbMigrateCommand(config, log);
    case 'regions stats':
      return regionsStatsCommand(config, log, { json: values.json });
    case 'users add':
      return usersAddCommand(config, log, values);
    case 'demo generate':
      return demoGenerateCommand(config, log, values);
    case 'workers import':
      return workersImportCommand(config, log, { ...values, file: positionals[2] });
    case 'coverage check':
      return coverageCheckCommand(config, log, values);
    case 'contribution':
      return contributionCommand(config, log, values);
    case 'claims estimate':
      return claimsEstimateCommand(config, log, values);
    case 'backup':
      return backupCommand(config, log, { file: positionals[1], json: values.json });
    case 'restore':
      return restoreCommand(config, log, { file: positionals[1], json: values.json });
    case 'coverage refresh':
      return coverageRefreshCommand(config, log, { full: values.full, json: values.json });
    default:
      throw new Error(`Perintah tidak dikenal: ${command}\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  () => {
    if (!process.argv.includes('start') && !process.argv.includes('worker')) process.exit(0);
  },
  (err: unknown) => {
    const message = err instanceof DataDirLockedError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`\n${message}\n`);
    process.exit(1);
  },
);
