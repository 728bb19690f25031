// One self-paid BPU member of Kab. Bantul from the branch's snapshot of 30 April 2026: covered since June 2025, paid
// through January 2026, so February–April are overdue and the member is inactive from 16 April 2026. The fixture of
// the command-line tests that ask "was this person covered on a date?".
import type { TestDatabase } from './test-db.ts';

export const LAPSED_MEMBER_NIK = '3402084107800009';

export async function seedLapsedSelfPaidMember(db: TestDatabase): Promise<void> {
  const snapshot = await db.owner
    .insertInto('membership_snapshot')
    .values({ region_code: '34.02', as_of: '2026-04-30', source: 'file', imported_by: 'test', persons: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.owner
    .insertInto('bpjs_member')
    .values({
      snapshot_id: snapshot.id,
      region_code: '34.02',
      nik: LAPSED_MEMBER_NIK,
      kpj_number: '99000000001',
      category: 'BPU',
      coverage_start: '2025-06-01',
      paid_through: '2026-01-01',
      village_code: '34.02.08.2004',
    })
    .execute();
}
