import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CoverageCheckResult } from '../lib/contracts/billing.ts';
import type { PeopleList } from '../lib/contracts/coverage.ts';
import type { Enrollment, ProgramDetail } from '../lib/contracts/programs.ts';

type EnrollmentList = { items: Enrollment[]; total: number };
import { dateName } from '../lib/rules/lapse.ts';
import { addMonths, currentMonthWib } from '../lib/rules/eligibility.ts';
import { callApiOk, launchBrowser, screenshot, signIn, startDemo, type RunningLindung, newPage } from './support.ts';

// One truth about a person's protection (issue 12 §1), on the demo: a programme starting next month, a batch the
// simulated branch accepts with coverage from the first day of that month. Today the enrollment list, the
// programme's figures, the coverage check and the dashboard's people all say "not started"; restarted with the
// clock pinned to the first day of the start month, they all say "covered".

const TRIRENGGO = '34.02.08.2004';
const START = addMonths(currentMonthWib(new Date()), 1);
const PROGRAM = 'Perlindungan Mulai Bulan Depan';

let lindung: RunningLindung;
let browser: Browser;
let programId: string;
const accepted: { workerId: string; name: string; nik: string }[] = [];

beforeAll(async () => {
  lindung = await startDemo();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lindung?.stop();
});

async function openAs(username: string): Promise<Page> {
  const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
  await signIn(page, lindung, username);
  return page;
}

const api = <T>(page: Page, method: string, path: string, body?: unknown) =>
  callApiOk<T>(page, lindung, method, path, body);

async function enrollmentRows(page: Page) {
  await page.goto(`${lindung.url}/program/${programId}?tab=enrolled`);
  const table = page.getByRole('table', { name: 'Daftar kepesertaan program' });
  await table.getByRole('row').nth(1).waitFor();
  return table;
}

async function checkOnPage(page: Page, nik: string, date: string) {
  await page.goto(`${lindung.url}/peringatan-iuran`);
  const card = page.getByRole('region', { name: 'Cek kepesertaan' });
  await card.getByLabel('NIK').fill(nik);
  await card.getByLabel('Tanggal').fill(date);
  await card.getByRole('button', { name: 'Cek' }).click();
  const answer = card.getByTestId('coverage-answer');
  await answer.waitFor();
  return answer;
}

const activePeople = async (page: Page, month: string) =>
  (await api<PeopleList>(page, 'GET', `/api/coverage/people?region=${TRIRENGGO}&month=${month}&pageSize=200`)).items;

describe('one truth about protection', () => {
  it('today: accepted by the branch, but every view says the protection has not started', async () => {
    const page = await openAs('disnaker.bantul');
    const program = await api<ProgramDetail>(page, 'POST', '/api/programs', {
      name: PROGRAM,
      funder: 'apbd_regency',
      funderRegion: '34.02',
      region: '34.02',
      targetSegments: ['farmer', 'fisher', 'small_trader'],
      package: 'jkk_jkm',
      declaredIncome: 1_000_000,
      quota: 4,
      startMonth: START,
      months: 12,
      budgetCeiling: 4 * 16_800 * 12,
      dpaReference: 'DPA uji satu kebenaran',
      minAge: 18,
      maxAge: 65,
    });
    programId = program.id;
    // Four new farmers of Trirenggo, registered through the API, proposed one by one.
    const names = ['Sri Mulyani Satu', 'Tri Wahyuni Dua', 'Endang Lestari Tiga', 'Siti Rahayu Empat'];
    const workerIds: string[] = [];
    for (const [i, fullName] of names.entries()) {
      const w = await api<{ id: string }>(page, 'POST', '/api/workers', {
        nik: `34020845098590${String(i + 1).padStart(2, '0')}`,
        fullName,
        birthDate: '1985-09-05',
        sex: 'P',
        village: TRIRENGGO,
        segment: 'farmer',
        category: 'BPU',
        phone: `08123456780${i}`,
      });
      workerIds.push(w.id);
    }
    await api(page, 'POST', `/api/programs/${programId}/proposals`, { workerIds });
    const proposed = await api<EnrollmentList>(page, 'GET', `/api/programs/${programId}/enrollments?pageSize=50`);
    expect(proposed.total).toBe(4);
    await api(page, 'POST', `/api/programs/${programId}/enrollments/verify`, { ids: proposed.items.map((e) => e.id) });
    const batch = await api<{ batchId: string }>(page, 'POST', `/api/programs/${programId}/batches`);
    await api(page, 'POST', `/api/exchange/batches/${batch.batchId}/simulator/apply`);

    const answered = await api<EnrollmentList>(page, 'GET', `/api/programs/${programId}/enrollments?status=active`);
    expect(answered.total).toBeGreaterThan(0);
    for (const e of answered.items) {
      expect(e.coverageStart).toBe(`${START}-01`);
      expect(e.coverageState).toBe('not_started');
      const { nik } = await api<{ nik: string }>(page, 'POST', `/api/workers/${e.workerId}/reveal-nik`);
      accepted.push({ workerId: e.workerId, name: e.fullName, nik });
    }

    // The enrollment list: "Belum mulai (mulai 1 …)", never "Aktif".
    const table = await enrollmentRows(page);
    const startWords = dateName(`${START}-01`, 'id');
    for (const a of accepted) {
      const row = table.getByRole('row').filter({ hasText: a.name });
      await expect.poll(() => row.textContent()).toContain(`Belum mulai (mulai ${startWords})`);
      expect(await row.textContent()).not.toContain('Aktif');
    }
    await page.getByRole('group', { name: 'Diterima BPJS, menurut perlindungan hari ini' }).waitFor();
    expect(
      await page.getByRole('group', { name: 'Diterima BPJS, menurut perlindungan hari ini' }).textContent(),
    ).toContain(`Belum mulai: ${accepted.length}`);
    await screenshot(page, 'one-truth-not-started');

    // The worker page: the KPJ from the branch's answer, and the protection not started yet.
    await page.goto(`${lindung.url}/pekerja/${accepted[0]!.workerId}`);
    const block = page.getByTestId('worker-protection');
    await expect.poll(() => block.textContent()).toContain(`Belum mulai (mulai ${startWords})`);
    const kpj = answered.items.find((e) => e.workerId === accepted[0]!.workerId)!.kpjNumber!;
    expect(await block.getByTestId('protection-kpj').first().textContent()).toContain(kpj);
    expect(await block.textContent()).toContain('Tidak tertanggung');
    await screenshot(page, 'one-truth-worker-not-started');

    // The coverage check today: not covered, the membership starts next month.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const answer = await checkOnPage(page, accepted[0]!.nik, today);
    await expect.poll(() => answer.textContent()).toContain('Tidak tertanggung');
    expect(await answer.textContent()).toContain('baru mulai');

    // The dashboard's people of this month do not include them.
    await api(page, 'POST', '/api/coverage/refresh', {});
    const people = await activePeople(page, currentMonthWib(new Date()));
    for (const a of accepted) expect(people.map((p) => p.workerId)).not.toContain(a.workerId);
    await page.close();
  });

  it('on the first day of the start month, every view says covered', async () => {
    await lindung.restart(undefined, { LINDUNG_TODAY: `${START}-01` });
    expect(lindung.output()).toContain(`LINDUNG_TODAY`);
    const page = await openAs('disnaker.bantul');
    await api(page, 'POST', '/api/coverage/refresh', {});

    const table = await enrollmentRows(page);
    for (const a of accepted) {
      const row = table.getByRole('row').filter({ hasText: a.name });
      await expect.poll(() => row.textContent()).toContain('Tertanggung');
    }
    await screenshot(page, 'one-truth-covered');

    await page.goto(`${lindung.url}/pekerja/${accepted[0]!.workerId}`);
    const block = page.getByTestId('worker-protection');
    await expect.poll(() => block.textContent()).toContain('Tertanggung');
    expect(await block.textContent()).not.toContain('Belum mulai');

    const answer = await checkOnPage(page, accepted[0]!.nik, `${START}-01`);
    await expect.poll(() => answer.textContent()).toContain(`Tertanggung: ${PROGRAM}`);
    const check = await api<CoverageCheckResult>(
      page,
      'GET',
      `/api/coverage/check?nik=${accepted[0]!.nik}&date=${START}-01`,
    );
    expect(check.covered).toBe(true);

    const people = await activePeople(page, START);
    for (const a of accepted) expect(people.map((p) => p.workerId)).toContain(a.workerId);
    await page.close();
  });
});
