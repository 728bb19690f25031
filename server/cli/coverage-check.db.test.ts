import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { LAPSED_MEMBER_NIK, seedLapsedSelfPaidMember } from '../testing/lapsed-member.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';

// `lindung coverage check` as a claims officer's script uses it: exactly one JSON object on stdout with --json,
// the same answer as GET /api/coverage/check, and a clear message with a non-zero exit on a bad NIK.

const NIK = LAPSED_MEMBER_NIK;
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('coverage_check_cli');
  // Self-paid BPU member, paid through January 2026: February–April overdue → inactive from 16 April 2026.
  await seedLapsedSelfPaidMember(db);
});
afterAll(async () => {
  await db.drop();
});

describe('lindung coverage check', () => {
  it('--json prints {covered, programs, reason} for a date before and after the lapse', async () => {
    const before = await runCli(['coverage', 'check', '--nik', NIK, '--date', '2026-04-15', '--json'], {
      DATABASE_URL: db.url,
    });
    expect(before.code, before.stderr).toBe(0);
    const lines = before.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(Object.keys(answer)).toEqual(['covered', 'programs', 'reason']);
    expect(answer).toEqual({
      covered: true,
      programs: [
        {
          program: 'BPJS mandiri/lainnya',
          source: 'bpjs',
          kpj: '99000000001',
          state: 'covered',
          paidThrough: '2026-01',
          coverageStart: '2025-06-01',
          coverageEnd: null,
          lapseDate: '2026-04-16',
        },
      ],
      reason: expect.stringMatching(/^Tertanggung: BPJS mandiri\/lainnya; .*nonaktif mulai 16 April 2026/),
    });

    const after = await runCli(['coverage', 'check', '--nik', NIK, '--date', '2026-04-16', '--json'], {
      DATABASE_URL: db.url,
    });
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({
      covered: false,
      programs: [{ state: 'lapsed' }],
      reason:
        'Tidak tertanggung: iuran BPJS mandiri/lainnya menunggak sejak Februari 2026 (dibayar sampai Januari 2026); nonaktif sejak 16 April 2026.',
    });
  });

  it('refuses a malformed NIK with a message and a non-zero exit, printing nothing on stdout', async () => {
    const r = await runCli(['coverage', 'check', '--nik', '34020841078', '--date', '2026-04-16', '--json'], {
      DATABASE_URL: db.url,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--nik: NIK terdiri atas 16 angka');
  });
});
