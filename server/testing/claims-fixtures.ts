// The people the claims database tests share: three BPU workers of Desa Trirenggo (registered by the registry's own
// service) and a BPJS snapshot that makes one covered, one lapsed and leaves one without any participation.
import { registerWorker } from '../modules/registry/index.ts';
import { nikFor } from './nik.ts';
import { actorContext, TRIRENGGO } from './programs-fixtures.ts';
import type { TestDatabase } from './test-db.ts';

export const COVERED_NIK = nikFor('1980-07-01', 'P', 9);
export const LAPSED_NIK = nikFor('1982-03-10', 'L', 11);
export const NEVER_NIK = nikFor('1990-01-20', 'L', 12);

/**
 * Sri Lestari (covered: self-paid BPU, paid through June 2026 since June 2022, 49 months), Bambang Wijaya (paid
 * through January 2026 only, so lapsed on 16 April 2026) and Agus Salim (registered, never a participant).
 */
export async function seedClaimPeople(db: TestDatabase): Promise<{ covered: string; lapsed: string; never: string }> {
  const op = actorContext('operator', TRIRENGGO, 'operator.trirenggo');
  const base = { birthDate: '1980-07-01', sex: 'P', village: TRIRENGGO, segment: 'farmer', category: 'BPU' } as const;
  const covered = (
    await registerWorker(db.app, op, { ...base, nik: COVERED_NIK, fullName: 'Sri Lestari', monthlyIncome: 1_000_000 })
  ).id;
  const lapsed = (
    await registerWorker(db.app, op, {
      ...base,
      nik: LAPSED_NIK,
      fullName: 'Bambang Wijaya',
      birthDate: '1982-03-10',
      sex: 'L',
      segment: 'fisher',
      monthlyIncome: 1_500_000,
    })
  ).id;
  const never = (
    await registerWorker(db.app, op, {
      ...base,
      nik: NEVER_NIK,
      fullName: 'Agus Salim',
      birthDate: '1990-01-20',
      sex: 'L',
      monthlyIncome: 1_000_000,
    })
  ).id;
  const snapshot = await db.owner
    .insertInto('membership_snapshot')
    .values({ region_code: '34.02', as_of: '2026-06-30', source: 'file', imported_by: 'test', persons: 2 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const member = { snapshot_id: snapshot.id, region_code: '34.02', category: 'BPU', village_code: TRIRENGGO };
  await db.owner
    .insertInto('bpjs_member')
    .values([
      {
        ...member,
        nik: COVERED_NIK,
        kpj_number: '99000000001',
        coverage_start: '2022-06-01',
        paid_through: '2026-06-01',
      },
      {
        ...member,
        nik: LAPSED_NIK,
        kpj_number: '99000000002',
        coverage_start: '2025-06-01',
        paid_through: '2026-01-01',
      },
    ])
    .execute();
  return { covered, lapsed, never };
}
