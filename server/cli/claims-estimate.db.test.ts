import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../platform/context.ts';
import { estimate } from '../modules/claims/index.ts';
import { runCli } from '../testing/run-cli.ts';
import { LAPSED_MEMBER_NIK, seedLapsedSelfPaidMember } from '../testing/lapsed-member.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';

// `lindung claims estimate`: exactly one JSON object with --json, the same answer as POST /api/claims/estimate.

const NIK = LAPSED_MEMBER_NIK;
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('claims_estimate_cli');
  // Self-paid BPU member, paid through January 2026: February–April overdue → inactive from 16 April 2026.
  await seedLapsedSelfPaidMember(db);
});
afterAll(async () => {
  await db.drop();
});

const run = (args: string[]) => runCli(['claims', 'estimate', ...args, '--json'], { DATABASE_URL: db.url });

describe('lindung claims estimate', () => {
  it('--income: a hypothetical JKK death, covered null, the same as the service', async () => {
    const out = await run(['--type', 'jkk', '--date', '2026-03-01', '--income', '1000000', '--outcome', 'death']);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(Object.keys(answer)).toEqual(['covered', 'reason', 'items', 'total']);
    expect(answer).toMatchObject({ covered: null, reason: null, total: 70_000_000 });
    expect(answer).toEqual(
      await estimate(db.app, systemContext('cli'), {
        type: 'jkk',
        date: '2026-03-01',
        income: 1_000_000,
        outcome: 'death',
      }),
    );
  });

  it('--nik: coverage at the date decides covered, before and after the lapse', async () => {
    const before = JSON.parse((await run(['--type', 'jkm', '--date', '2026-04-15', '--nik', NIK])).stdout);
    expect(before).toMatchObject({ covered: true, total: 42_000_000 });
    expect(before.items.map((i: { benefit: string }) => i.benefit)).not.toContain('jkm.scholarship');
    const after = JSON.parse((await run(['--type', 'jkm', '--date', '2026-04-16', '--nik', NIK])).stdout);
    expect(after).toMatchObject({ covered: false, total: 42_000_000 });
    expect(after.reason).toMatch(/2026|nonaktif|Tidak/);
  });

  it('a date without rules fails with the reason and a non-zero exit', async () => {
    const out = await runCli(['claims', 'estimate', '--type', 'jkm', '--date', '2015-06-30', '--income', '1000000'], {
      DATABASE_URL: db.url,
    });
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('Belum ada aturan manfaat jkm.lump_sum');
  });
});
