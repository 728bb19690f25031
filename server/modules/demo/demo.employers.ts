// The demo's licensing-office account (issue 21): DPMPTSP Bantul asks whether a business is compliant. Until the
// governance module's organisations exist it is a read-only leadership account (docs/decisions-employers.md).
import { generatePassword } from '../../platform/password.ts';
import { systemContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db.ts';
import { createUser } from '../access/index.ts';
import type { DemoCredential } from './demo.service.ts';

export async function seedDemoEmployers(database: Database, place: { regency: string }): Promise<DemoCredential[]> {
  const user = { username: 'dpmptsp.bantul', role: 'pimpinan' as const, region: place.regency };
  const password = generatePassword(user.role);
  await createUser(database.app, systemContext('demo'), {
    ...user,
    displayName: 'Petugas DPMPTSP Bantul (cek kepatuhan)',
    password,
    locale: 'id',
  });
  return [{ ...user, password }];
}
