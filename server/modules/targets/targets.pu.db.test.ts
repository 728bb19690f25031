import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetPu } from '../../../lib/contracts/targets.ts';
import { addMonths } from '../../../lib/rules/eligibility.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, makeUser, signIn, testApp, type TestDatabase } from '../../testing/test-db.ts';
import { quote } from '../contributions/index.ts';
import { createTarget, getTarget, updateTarget } from './index.ts';

// A worker-coverage target priced as PU (issue 18 §6): the gap is closed by wage earners the Pemda pays for as
// employer (non-ASN staff), priced on the target's reference wage, risk class, employer size and programmes by the
// same contribution engine, month by month. Hand-computed for a wage of Rp3.000.000, risk class 1, a medium
// employer, JKK+JKM+JHT+JP (PP 44/2015 Pasal 16 and 18, PP 46/2015, PP 45/2015; the JP cap is not reached):
//   employer: JKK 0,24% 7.200 + JKM 0,30% 9.000 + JHT 3,7% 111.000 + JP 2% 60.000 = 187.200;
//   worker:   JHT 2% 60.000 + JP 1% 30.000 = 90.000;  together Rp277.200 a person a month.
// 1% of 100.000 employed = 1.000 persons; from 15 January 2026 the gap is paid February–December: 11 months.

const REGION = '34.02';
const JANUARY_2026 = () => new Date('2026-01-15T03:00:00Z');
const ctx: RequestContext = {
  actor: { userId: '1', username: 'disnaker.bantul', role: 'disnaker', scope: REGION, locale: 'id' },
  requestId: 'test-targets-pu',
  ip: null,
};
const STAFF: TargetPu = {
  wage: 3_000_000,
  riskClass: 1,
  employerSize: 'medium',
  programs: ['jkk', 'jkm', 'jht', 'jp'],
};
const GAP = 1_000;
const MONTHS = 11;

let db: TestDatabase;
let app: App;
let disnaker: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase('targets_pu');
  app = await testApp(db);
  const user = await makeUser(db, 'disnaker', REGION, 'disnaker.bantul');
  disnaker = await signIn(app, user.username, user.password);
  await db.owner
    .insertInto('workforce')
    .values(
      (['employed', 'bpu_universe'] as const).map((kind) => ({
        region_code: REGION,
        year: 2026,
        kind,
        persons: 100_000,
        source: 'BPS Kab. Bantul, Sakernas Agustus 2025',
        updated_by: 'uji',
      })),
    )
    .execute();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('a target priced as PU', () => {
  it('prices the gap at the reference wage, with the employer and worker parts', async () => {
    const target = await createTarget(
      db.app,
      ctx,
      { region: REGION, year: 2026, kind: 'employed', targetPercent: 1, basis: 'RKPD', document: null, pu: STAFF },
      JANUARY_2026,
    );
    expect(target.pu).toEqual(STAFF);
    expect(target.gapPersons).toBe(GAP);
    expect(target.cost).toMatchObject({
      category: 'pu',
      package: 'PU JKK+JKM+JHT+JP',
      declaredIncome: 3_000_000,
      perPersonMonth: 277_200,
      byPayer: { employer: GAP * 187_200 * MONTHS, worker: GAP * 90_000 * MONTHS },
      fromMonth: '2026-02',
      months: MONTHS,
      total: 3_049_200_000,
      totalWords: 'tiga miliar empat puluh sembilan juta dua ratus ribu rupiah',
    });
    expect(target.cost!.note).toContain('1.000 penerima upah (PU) dengan upah acuan Rp3.000.000');
    const keys = target.cost!.rulesUsed.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['pu.jkk.rate.class1', 'pu.jkm.rate', 'pu.jht.rate', 'pu.jp.rate']));
    const audit = await db.owner
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'coverage_target.create')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ pu: STAFF });
  });

  it('follows the JP wage cap change in March, month by month, as the engine quotes it', async () => {
    const [target] = (await db.owner.selectFrom('coverage_target').select('id').execute()).map((r) => r.id);
    const high = { ...STAFF, wage: 12_000_000 };
    const updated = await updateTarget(db.app, ctx, target!, { pu: high }, JANUARY_2026);
    let expected = 0;
    const perMonth: number[] = [];
    for (let i = 0; i < MONTHS; i += 1) {
      const q = await quote(db.app, { category: 'pu', ...high, date: `${addMonths('2026-02', i)}-01` });
      perMonth.push(q.byPayer.employer + q.byPayer.worker);
      expected += GAP * (q.byPayer.employer + q.byPayer.worker);
    }
    expect(perMonth[1]).toBeGreaterThan(perMonth[0]!); // March 2026: the higher JP cap
    expect(updated.cost).toMatchObject({ category: 'pu', perPersonMonth: perMonth[0], total: expected });
    // Back to the cheapest BPU package: the same target, the BPU price (Rp16.800 at APBD).
    const bpu = await updateTarget(db.app, ctx, target!, { pu: null }, JANUARY_2026);
    expect(bpu.pu).toBeNull();
    expect(bpu.cost).toMatchObject({ category: 'bpu', perPersonMonth: 16_800, total: GAP * 16_800 * MONTHS });
    await updateTarget(db.app, ctx, target!, { pu: STAFF }, JANUARY_2026);
    expect((await getTarget(db.app, ctx, target!, JANUARY_2026)).cost?.total).toBe(3_049_200_000);
  });

  it('refuses PU terms on the PBPU indicator and a programme set the employer size does not allow', async () => {
    const pbpu = await app.inject({
      method: 'POST',
      url: '/api/targets',
      headers: disnaker,
      payload: { region: REGION, year: 2026, kind: 'bpu_universe', targetPercent: 5, basis: 'UCJ', pu: STAFF },
    });
    expect(pbpu.statusCode).toBe(400);
    expect(JSON.stringify(pbpu.json())).toContain('harga PU hanya untuk indikator cakupan pekerja');
    const tooFew = await app.inject({
      method: 'POST',
      url: '/api/targets',
      headers: disnaker,
      payload: {
        region: REGION,
        year: 2027,
        kind: 'employed',
        targetPercent: 5,
        basis: 'RPJMD',
        pu: { ...STAFF, programs: ['jkk', 'jkm'] },
      },
    });
    expect(tooFew.statusCode).toBe(422);
    expect(tooFew.json().error.code).toBe('PROGRAM_REQUIRED');
    const count = await db.owner.selectFrom('coverage_target').select('id').execute();
    expect(count).toHaveLength(1);
  });
});
