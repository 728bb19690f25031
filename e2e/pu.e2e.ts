import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ContinuationPerson, Enrollment, ProgramDetail } from '../lib/contracts/programs.ts';
import { addMonths, currentMonthWib } from '../lib/rules/eligibility.ts';
import { callApiOk, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';
import { startKpuProgramForm } from './pu-form.ts';

// Wage-earner (PU) cohorts (issue 18), on the demo, as far as they are built: Disnaker creates the KPU's ad-hoc
// officers of Kab. Bantul as a PU programme for this month (employer, risk class, size, reference wage); three
// officers are proposed at the reference wage, verified, sent to BPJS and accepted by the simulator; the programme page
// shows each wage and the employer/worker split. With the clock moved past the period, the officers are on the
// "lanjutkan mandiri" list with their self-paid BPU price and one letter downloads; then "Lanjutkan ke tahun
// berikutnya" previews and carries them into the next period, and they leave the list.
// The election roster guard per village/TPS and its countdown have their own journey, e2e/election.e2e.ts.

const TRIRENGGO = '34.02.08.2004';
const THIS_MONTH = currentMonthWib(new Date());
// The simulated branch starts protection on the first day of next month: a two-month period covers one month.
const AFTER = addMonths(THIS_MONTH, 2);
const PROGRAM = 'Badan Ad Hoc Pilkada Kab. Bantul (PU)';
const OFFICERS = ['Ketua KPPS Satu', 'Anggota PPS Dua', 'Anggota PPK Tiga'];

type Page1<T> = { items: T[]; total: number };

let lindung: RunningLindung;
let browser: Browser;
let programId: string;

beforeAll(async () => {
  lindung = await startDemo();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lindung?.stop();
});

async function openAs(username: string): Promise<Page> {
  const page = await newPage(browser, { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await signIn(page, lindung, username);
  return page;
}

const api = <T>(page: Page, method: string, path: string, body?: unknown) =>
  callApiOk<T>(page, lindung, method, path, body);

describe('wage-earner cohorts', () => {
  it('Disnaker creates a PU programme for the election officers; their wages and the split show', async () => {
    const page = await openAs('disnaker.bantul');
    await startKpuProgramForm(page, lindung, { name: PROGRAM, dpa: 'Hibah Pilkada Kab. Bantul' });
    await page.getByLabel('Petugas pemilu ad hoc', { exact: true }).check();
    await page.getByLabel('Upah acuan (Rp per bulan)').fill('1500000');
    await page.getByLabel('Kuota (orang)').fill('10');
    await page.getByLabel('Bulan pertama').fill(THIS_MONTH);
    await page.getByLabel('Lama periode (bulan)').fill('2');
    await page.getByLabel('Pagu anggaran').fill('10000000');
    await page.getByTestId('budget-preview').getByText('Pagu Rp10.000.000 cukup').waitFor();
    await screenshot(page, 'pu-form');
    await page.getByRole('button', { name: 'Simpan program' }).click();
    await page.getByRole('heading', { name: PROGRAM }).waitFor();
    await page.getByText('Iuran pada upah acuan Rp1.500.000').waitFor();
    programId = page.url().split('/').pop()!;

    // Three officers registered and proposed at the reference wage through the API (the registry journey covers the
    // form; the roster import is not built), verified, sent and accepted by the simulated branch.
    const workerIds: string[] = [];
    for (const [i, fullName] of OFFICERS.entries()) {
      const w = await api<{ id: string }>(page, 'POST', '/api/workers', {
        nik: `34020845098591${String(i + 1).padStart(2, '0')}`,
        fullName,
        birthDate: '1985-09-05',
        sex: 'P',
        village: TRIRENGGO,
        segment: 'election_worker',
        category: 'BPU',
        phone: `08123456791${i}`,
      });
      workerIds.push(w.id);
    }
    await api(page, 'POST', `/api/programs/${programId}/proposals`, { workerIds, fromMonth: THIS_MONTH });
    const proposed = await api<Page1<Enrollment>>(page, 'GET', `/api/programs/${programId}/enrollments?pageSize=50`);
    expect(proposed.total).toBe(3);
    await api(page, 'POST', `/api/programs/${programId}/enrollments/verify`, { ids: proposed.items.map((e) => e.id) });
    const batch = await api<{ batchId: string }>(page, 'POST', `/api/programs/${programId}/batches`);
    await api(page, 'POST', `/api/exchange/batches/${batch.batchId}/simulator/apply`);

    const detail = await api<ProgramDetail>(page, 'GET', `/api/programs/${programId}`);
    expect(detail.category).toBe('pu');
    expect(detail.figures.committed).toBeGreaterThan(0);
    expect(detail.split!.employer).toBeGreaterThan(0);
    expect(detail.split!.employer + detail.split!.worker).toBe(detail.figures.committed);
    await page.goto(`${lindung.url}/program/${programId}?tab=enrolled`);
    const table = page.getByRole('table', { name: 'Daftar kepesertaan program' });
    await table.getByRole('columnheader', { name: 'Upah' }).waitFor();
    await table.getByRole('row').filter({ hasText: OFFICERS[0]! }).getByText('Rp1.500.000').waitFor();
    await page
      .getByTestId('pu-split')
      .getByText(/Pemberi kerja \(Pemda\): Rp/)
      .waitFor();
    await page.getByRole('tab', { name: 'Ketentuan' }).click();
    await page.getByText('Sekretariat KPU Kab. Bantul (Sekretariat KPU)').waitFor();
    await screenshot(page, 'pu-detail');
    await page.close();
  });

  it('after the period, the officers are on the continuation list and a letter downloads', async () => {
    await lindung.restart(undefined, { LINDUNG_TODAY: `${AFTER}-01` });
    const page = await openAs('disnaker.bantul');
    // The demo's own cohorts of this year have ended too: the programme's link narrows the list to its officers.
    await page.goto(`${lindung.url}/program/${programId}`);
    await page.getByRole('link', { name: 'Lanjutkan mandiri' }).click();
    await page.getByRole('heading', { name: 'Lanjutkan mandiri' }).waitFor();
    const table = page.getByRole('table', { name: 'Daftar lanjutkan mandiri' });
    for (const name of OFFICERS) {
      const row = table.getByRole('row').filter({ hasText: name });
      await row.getByText('Masa tugas pemilu selesai').waitFor();
    }
    const listed = await api<Page1<ContinuationPerson>>(page, 'GET', `/api/programs/continuation?program=${programId}`);
    expect(listed.items.map((p) => p.fullName).sort()).toEqual([...OFFICERS].sort());
    const officer = listed.items.find((p) => p.fullName === OFFICERS[0])!;
    expect(officer).toMatchObject({ programName: PROGRAM, earnings: 1_500_000, reason: 'election_over' });
    expect(officer.monthly).toBeGreaterThan(0);
    await table
      .getByRole('row')
      .filter({ hasText: OFFICERS[0]! })
      .getByText(`Rp${officer.monthly.toLocaleString('id-ID')}`)
      .waitFor();
    await screenshot(page, 'pu-continuation');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Unduh surat untuk ${OFFICERS[0]}` }).click(),
    ]);
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^lanjutkan-mandiri-\d+\.pdf$/);
    await page.close();
  });

  it('"Lanjutkan ke tahun berikutnya" previews and carries the officers; they leave the list', async () => {
    const page = await openAs('disnaker.bantul');
    await page.goto(`${lindung.url}/program/${programId}`);
    await page.getByRole('button', { name: 'Lanjutkan ke tahun berikutnya' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nomor DPA tahun berikutnya').fill('Hibah Pilkada Kab. Bantul lanjutan');
    await dialog.getByRole('button', { name: 'Tampilkan pratinjau' }).click();
    const preview = dialog.getByTestId('rollover-preview');
    await preview.getByText('Dilanjutkan (3 orang)').first().waitFor();
    for (const name of OFFICERS) await preview.getByText(name).waitFor();
    await screenshot(page, 'pu-rollover-preview');
    await dialog.getByRole('button', { name: 'Lanjutkan dan usulkan 3 orang' }).click();
    await page.getByRole('heading', { name: `${PROGRAM} (lanjutan ${AFTER.slice(0, 4)})` }).waitFor();

    const listed = await api<Page1<ContinuationPerson>>(page, 'GET', `/api/programs/continuation?program=${programId}`);
    // Proposed again for the next period, none of them is left to continue self-paid.
    expect(listed.total).toBe(0);
    await page.close();
  });
});
