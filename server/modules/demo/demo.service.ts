import type { FileStoreConfig } from '../../platform/file-store.ts';
import type { Role } from '../../../lib/access/roles.ts';
import { systemContext } from '../../platform/context.ts';
import { withScope, type Database, type Db } from '../../platform/db.ts';
import { generatePassword } from '../../platform/password.ts';
import { anyUser, createUser, usernameTaken } from '../access/index.ts';
import { seedDemoPrograms } from './demo.programs.ts';
import { seedDemoExchange } from './demo.exchange.ts';
import { seedDemoTargets } from './demo.targets.ts';
import { seedDemoBilling } from './demo.billing.ts';
import { seedDemoCoverage } from './demo.coverage.ts';
import { seedDemoEmployers } from './demo.employers.ts';
import { seedDemoCollection } from './demo.collection.ts';
import { seedGovernanceDemo } from '../governance/index.ts';

export const DEMO_REGENCY = '34.02'; // Kab. Bantul (DIY): 17 kecamatan, 75 desa/kelurahan
export const DEMO_VILLAGE = '34.02.08.2004'; // Desa Trirenggo, Kec. Bantul

export type DemoCredential = { username: string; password: string; role: Role; region: string };

const DEMO_USERS: { username: string; displayName: string; role: Role; region: string }[] = [
  { username: 'admin.bantul', displayName: 'Admin Lindung Bantul', role: 'admin', region: DEMO_REGENCY },
  { username: 'disnaker.bantul', displayName: 'Staf Disnakertrans Bantul', role: 'disnaker', region: DEMO_REGENCY },
  { username: 'operator.trirenggo', displayName: 'Operator Desa Trirenggo', role: 'operator', region: DEMO_VILLAGE },
  { username: 'bpjs.bantul', displayName: 'Petugas BPJS TK Cabang Bantul', role: 'bpjs', region: DEMO_REGENCY },
  { username: 'pimpinan.bantul', displayName: 'Bupati Bantul', role: 'pimpinan', region: DEMO_REGENCY },
  { username: 'asesor.bantul', displayName: 'Tim Penilai Paritrana', role: 'asesor', region: DEMO_REGENCY },
];

export async function hasAnyUser(db: Db): Promise<boolean> {
  return withScope(db, '*', (tx) => anyUser(tx));
}

/** True when the demo's users are in the database (the demo was seeded on this database). */
export async function hasDemo(db: Db): Promise<boolean> {
  return withScope(db, '*', (tx) => usernameTaken(tx, DEMO_USERS[0]!.username));
}

/**
 * Seeds the Kab. Bantul demo on an empty database: one user per role, with fresh random passwords, then (when the
 * regency has none) synthetic workers and the demo's protection programmes. `files` (the running Lindung's file store:
 * data directory or bucket) receives the files the demo attaches, such as the Perbup's signed PDF in the governance register.
 */
export async function seedDemo(database: Database, files?: string | FileStoreConfig): Promise<DemoCredential[]> {
  const ctx = systemContext('demo');
  // Together: each password's hash (scrypt) runs on the thread pool, so the six take the time of about two.
  const credentials: DemoCredential[] = await Promise.all(
    DEMO_USERS.map(async (u) => {
      const password = generatePassword(u.role);
      await createUser(database.app, ctx, { ...u, password, locale: 'id' });
      return { username: u.username, password, role: u.role, region: u.region };
    }),
  );
  // The targets (denominators, two workforce imports) need nothing of the programmes: both load at once.
  await Promise.all([
    seedDemoTargets(database, { regency: DEMO_REGENCY }),
    seedDemoPrograms(database, { regency: DEMO_REGENCY, village: DEMO_VILLAGE }).then(() =>
      seedDemoExchange(database, { regency: DEMO_REGENCY }),
    ),
  ]);
  await seedDemoBilling(database, { regency: DEMO_REGENCY, village: DEMO_VILLAGE });
  await seedDemoCoverage(database);
  await seedDemoCollection(database, { regency: DEMO_REGENCY });
  credentials.push(...(await seedDemoEmployers(database, { regency: DEMO_REGENCY })));
  credentials.push(...(await (await import('./demo.assessment.ts')).seedDemoAssessment(database)));
  await seedGovernanceDemo(database.app, {
    regency: DEMO_REGENCY,
    village: DEMO_VILLAGE,
    disnaker: 'disnaker.bantul',
    operator: 'operator.trirenggo',
  });
  await (await import('./demo.governance.ts')).seedDemoGovernance(database, { regency: DEMO_REGENCY, files });
  return credentials;
}

export function formatCredentials(credentials: DemoCredential[], url: string): string {
  const width = Math.max(...credentials.map((c) => c.username.length));
  const lines = credentials.map(
    (c) => `  ${c.username.padEnd(width)}  ${c.password.padEnd(24)} ${c.role} (${c.region})`,
  );
  return [
    '',
    '┌─ Demo Kab. Bantul ───────────────────────────────────────────────',
    `│ Buka ${url} dan masuk dengan salah satu akun berikut.`,
    '│ Kata sandi hanya ditampilkan sekali ini; simpan sekarang.',
    '└──────────────────────────────────────────────────────────────────',
    ...lines,
    '',
  ].join('\n');
}
