import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMonths, currentMonthWib, firstDay } from '../lib/rules/eligibility.ts';
import { dateName } from '../lib/rules/lapse.ts';
import {
  launchBrowser,
  newPage,
  screenshot,
  startDemo,
  type RunningLindung,
  signIn as signInAs,
  callApi,
} from './support.ts';

// Programmes journey (issue 5, part 1), on the demo: the Bantul Disnaker creates a programme for 15,000 workers;
// the Trirenggo operator checks who is eligible and proposes them, then one more from the village's CSV; Disnaker
// rejects one with a reason and verifies the others; the programme page shows the quota filled and the cost,
// 15.000 × Rp16.800 × 12 = Rp3.024.000.000.

const PROGRAM = 'Pekerja Rentan Bantul Tahun Depan';
const START = addMonths(currentMonthWib(new Date()), 1);

let lindung: RunningLindung;
let browser: Browser;
// Set when the branch's answer is applied: one worker made active, with their KPJ and the batch.
let answered: { name: string; kpj: string; batchId: string } | undefined;

beforeAll(async () => {
  lindung = await startDemo();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lindung?.stop();
});

async function openAs(username: string, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await newPage(browser, { viewport: { width: 1366, height: 900 }, ...options });
  await signInAs(page, lindung, username);
  return page;
}

const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name }).click();

async function chooseProgram(page: Page) {
  await page.getByLabel('Program', { exact: true }).fill(PROGRAM);
  await page.getByLabel('Program', { exact: true }).press('Enter');
}

describe('programmes journey', () => {
  it('Disnaker creates a programme, priced by the contribution rules', async () => {
    const page = await openAs('disnaker.bantul');
    await menu(page, 'Program Perlindungan');
    await page.getByRole('heading', { name: 'Program Perlindungan' }).waitFor();
    // The demo's programmes: Banjar's 1,000-person quota with 400 active, among others.
    const banjar = page.getByRole('row').filter({ hasText: 'Perlindungan Pekerja Rentan Kab. Bantul' });
    await banjar.waitFor();
    expect(await banjar.textContent()).toContain('400 dari 1.000 orang (40%)');
    await screenshot(page, 'programs-list');

    await page.getByRole('button', { name: 'Buat program' }).first().click();
    await page.getByRole('heading', { name: 'Buat program' }).waitFor();
    await page.getByLabel('Nama program').fill(PROGRAM);
    await page.getByLabel('Nomor DPA atau dokumen anggaran').fill('DPA-SKPD 2.07.01 TA berikutnya');
    await page.getByText('Wilayah terpilih: Kab. Bantul').waitFor();
    await page.getByLabel('Petani', { exact: true }).check();
    await page.getByLabel('Nelayan', { exact: true }).check();
    await page.getByLabel('Kuota (orang)').fill('15000');
    await page.getByLabel('Bulan pertama').fill(START);
    // The declared income is a row of PP 44/2015 Lampiran II in force in the first month; all 33 are offered, and
    // an actual income picks its row (Rp1.500.000 → row 4, Rp1.600.000). This programme keeps the lowest row.
    await expect
      .poll(() => page.getByLabel('Dasar penghasilan', { exact: true }).inputValue())
      .toBe('Rp1.000.000 (penghasilan sampai Rp1.099.999)');
    await page.getByLabel('Penghasilan sebenarnya sebulan (boleh kosong)', { exact: true }).fill('1500000');
    await page.getByText('Masuk baris 4: penghasilan yang dilaporkan Rp1.600.000.').waitFor();
    await page.getByLabel('Dasar penghasilan', { exact: true }).click();
    expect(await page.getByRole('option').count()).toBe(33);
    await page.getByRole('option', { name: 'Rp1.000.000 (penghasilan sampai Rp1.099.999)', exact: true }).click();
    // A ceiling for half the quota: the form prices the quota and says how many persons, or for how long.
    await page.getByLabel('Pagu anggaran').fill('1512000000');
    const budget = page.getByTestId('budget-preview');
    await budget.getByText('Pagu tidak cukup untuk kuota').waitFor();
    await budget
      .getByText(
        'Pagu Rp1.512.000.000 hanya membiayai 7.500 dari 15.000 orang selama 12 bulan, atau seluruh 15.000 orang selama 6 bulan pertama. Kekurangan Rp1.512.000.000.',
      )
      .waitFor();
    expect(await budget.textContent()).toContain('Kuota 15.000 orang selama seluruh periode: Rp3.024.000.000.');
    await screenshot(page, 'programs-budget-warning');
    await page.getByLabel('Pagu anggaran').fill('3024000000');
    await budget.getByText('Pagu Rp3.024.000.000 cukup untuk seluruh kuota selama seluruh periode.').waitFor();
    await page.getByRole('button', { name: 'Simpan program' }).click();

    await page.getByRole('heading', { name: PROGRAM }).waitFor();
    await expect
      .poll(() => page.getByTestId('period-cost').textContent())
      .toBe('15.000 orang × Rp16.800 × 12 bulan = Rp3.024.000.000');
    await page.getByText('0 dari 15.000 orang (0%)').first().waitFor();
    await screenshot(page, 'programs-created');
    await page.close();
  });

  it('the operator checks who is eligible and proposes them', async () => {
    const page = await openAs('operator.trirenggo');
    // Setup through the API (the registry journey covers the form): four workers of Desa Trirenggo.
    const base = { birthDate: '1985-09-05', sex: 'P', village: '34.02.08.2004', category: 'BPU' };
    for (const w of [
      { nik: '3402084509850011', fullName: 'Sri Lestari', segment: 'farmer' },
      { nik: '3402084509850012', fullName: 'Sumarni', segment: 'farmer' },
      { nik: '3402084509850013', fullName: 'Suparmi', segment: 'fisher' },
      { nik: '3402081203850021', fullName: 'Slamet Riyadi', segment: 'driver', sex: 'L', birthDate: '1985-03-12' },
    ]) {
      const r = await callApi(page, 'POST', '/api/workers', { ...base, ...w });
      expect(r.status, r.body).toBe(201);
    }

    // The worker list finds a person by the last 4 NIK digits, as a masked NIK shows them.
    await menu(page, 'Pekerja');
    await page.getByLabel('Cari pekerja').fill('0013');
    const workers = page.getByRole('table', { name: 'Daftar pekerja' });
    await workers.getByRole('row').filter({ hasText: 'Suparmi' }).getByText('340208••••••0013').waitFor();
    await expect
      .poll(async () =>
        (await workers.getByRole('row').allTextContents()).slice(1).every((r) => r.includes('••••••0013')),
      )
      .toBe(true);
    expect(await workers.textContent()).not.toContain('Sumarni');

    await menu(page, 'Usulan Kepesertaan');
    await page.getByRole('heading', { name: 'Usulan Kepesertaan' }).waitFor();
    await chooseProgram(page);
    await page.getByRole('button', { name: 'Periksa', exact: true }).click();
    const preview = page.getByTestId('proposal-preview');
    await expect
      .poll(() => preview.getByRole('status').textContent())
      .toBe('4 pekerja cocok, 3 memenuhi syarat, 3 akan diusulkan.');
    const reasons = page.getByRole('table', { name: 'Alasan tidak memenuhi syarat' });
    expect(await reasons.textContent()).toContain('Pekerjaan pekerja bukan sasaran program ini');
    // Who the proposal adds, before it is confirmed: names, masked NIKs that differ, villages.
    const people = preview.getByRole('table', { name: 'Daftar orang yang akan diusulkan' });
    await expect.poll(() => people.getByRole('row').count()).toBe(4); // header + 3
    const peopleText = (await people.textContent()) ?? '';
    for (const text of ['Sri Lestari', 'Sumarni', 'Suparmi', '340208••••••0011', '340208••••••0013', 'Trirenggo'])
      expect(peopleText).toContain(text);
    expect(peopleText).not.toContain('Slamet Riyadi');
    await screenshot(page, 'programs-proposal-preview');

    await page.getByRole('button', { name: 'Usulkan 3 pekerja' }).click();
    await page.getByText('3 pekerja diusulkan dan menunggu verifikasi Disnaker.').waitFor();
    const list = page.getByRole('table', { name: 'Daftar kepesertaan program' });
    await list.getByRole('row').filter({ hasText: 'Sri Lestari' }).getByText('Diusulkan').waitFor();
    expect(await list.getByRole('row').count()).toBe(4); // header + 3
    expect(await list.textContent()).not.toContain('Slamet Riyadi');

    // A fourth worker comes as the village's own list: a CSV with a NIK column, one NIK not registered yet.
    const r = await callApi(page, 'POST', '/api/workers', {
      ...base,
      nik: '3402084509850014',
      fullName: 'Tumini',
      segment: 'farmer',
    });
    expect(r.status, r.body).toBe(201);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-usulan-'));
    const file = path.join(dir, 'usulan-trirenggo.csv');
    fs.writeFileSync(file, 'No;NIK;Nama\r\n1;3402084509850014;Tumini\r\n2;3402084509850099;Belum Didata\r\n');
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    const filePreview = page.getByTestId('file-proposal-preview');
    await filePreview.getByText('2 baris dibaca, 1 NIK ditemukan di daftar pekerja.').waitFor();
    const filePeople = filePreview.getByRole('table', { name: 'Daftar orang yang akan diusulkan' });
    await filePeople.getByText('Tumini').waitFor();
    expect(await filePeople.textContent()).toContain('340208••••••0014');
    const problems = page.getByRole('table', { name: 'Masalah per baris di berkas usulan' });
    expect(await problems.textContent()).toContain('belum ada di daftar pekerja wilayah Anda');
    expect(await problems.getByRole('row').nth(1).textContent()).toMatch(/^3NIK/);
    await filePreview.getByRole('button', { name: 'Usulkan 1 pekerja' }).click();
    await page.getByText('1 pekerja diusulkan dan menunggu verifikasi Disnaker.').waitFor();
    await list.getByRole('row').filter({ hasText: 'Tumini' }).getByText('Diusulkan').waitFor();
    fs.rmSync(dir, { recursive: true, force: true });
    await page.close();
  });

  it('Disnaker rejects one with a reason and verifies the others; the programme shows the quota and the cost', async () => {
    const page = await openAs('disnaker.bantul');
    await menu(page, 'Verifikasi');
    await chooseProgram(page);
    const list = page.getByRole('table', { name: 'Daftar kepesertaan program' });
    await list.getByRole('row').filter({ hasText: 'Suparmi' }).waitFor();
    // Heirs at verification of an APBD programme (issue 15 §1): each proposal links to its heirs and says what a
    // future claim still lacks.
    const suparmi = list.getByRole('row').filter({ hasText: 'Suparmi' });
    await suparmi.getByRole('link', { name: 'Ahli waris dan KK' }).waitFor();
    await suparmi.getByTestId('heirs-missing-badge').waitFor();

    await page.getByLabel('Pilih Sri Lestari').check();
    await page.getByRole('button', { name: 'Tolak terpilih (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tolak 1 usulan' });
    await dialog.getByLabel('Alasan penolakan').fill('Sudah terdaftar BPJS lewat perusahaan tempat bekerja');
    await dialog.getByRole('button', { name: 'Tolak usulan' }).click();
    await page.getByText('1 usulan ditolak; slotnya kembali kosong.').waitFor();
    await expect.poll(() => list.getByRole('row').count()).toBe(4);

    await page.getByLabel('Pilih semua baris di halaman ini').check();
    await page.getByRole('button', { name: 'Verifikasi terpilih (3)' }).click();
    await page.getByText('3 usulan terverifikasi').waitFor();
    await screenshot(page, 'programs-verified');

    const audit = await callApi(page, 'GET', '/api/audit?action=enrollment.reject');
    const rows = JSON.parse(audit.body) as { items: { actorUsername: string; after: { reason: string } }[] };
    expect(rows.items[0]).toMatchObject({
      actorUsername: 'disnaker.bantul',
      after: { reason: 'Sudah terdaftar BPJS lewat perusahaan tempat bekerja' },
    });

    await menu(page, 'Program Perlindungan');
    await page.getByRole('link', { name: PROGRAM }).click();
    await page.getByRole('heading', { name: PROGRAM }).waitFor();
    await page.getByText('3 dari 15.000 orang (0%)').first().waitFor();
    expect(await page.getByTestId('period-cost').textContent()).toBe(
      '15.000 orang × Rp16.800 × 12 bulan = Rp3.024.000.000',
    );
    // Three persons × Rp16.800 × 12 months are committed against the ceiling.
    await page.getByText('Rp604.800 dari pagu Rp3.024.000.000 (0%)').waitFor();
    const counts = page.getByRole('group', { name: 'Kepesertaan per status di wilayah Anda' });
    expect(await counts.textContent()).toContain('Terverifikasi: 3');
    expect(await counts.textContent()).toContain('Ditolak: 1');
    await screenshot(page, 'programs-page');

    await page.getByRole('tab', { name: 'Peserta' }).click();
    const enrolled = page.getByRole('table', { name: 'Daftar kepesertaan program' });
    const rejected = enrolled.getByRole('row').filter({ hasText: 'Sri Lestari' });
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain('Sudah terdaftar BPJS lewat perusahaan tempat bekerja');
    expect(await rejected.textContent()).toContain('340208••••••0011');
    await page.close();
  });

  it('the verified workers go to BPJS in a batch; the simulator’s answer makes them active with a KPJ', async () => {
    const page = await openAs('disnaker.bantul', { acceptDownloads: true });
    await menu(page, 'Verifikasi');
    await chooseProgram(page);
    await page.getByRole('button', { name: 'Kirim ke BPJS (3 terverifikasi)' }).click();
    // Personal data leaves Lindung only after a confirmation naming the programme and the count.
    const confirm = page.getByRole('dialog', { name: 'Kirim data peserta ke BPJS Ketenagakerjaan' });
    await confirm.getByText(`Kirim data pribadi 3 orang program "${PROGRAM}" ke BPJS Ketenagakerjaan?`).waitFor();
    await screenshot(page, 'programs-send-confirm');
    await confirm.getByRole('button', { name: 'Kirim 3 orang ke BPJS' }).click();
    const sent = page.getByText(/^3 kepesertaan dikirim ke BPJS Ketenagakerjaan dalam batch (\d+)\.$/);
    await sent.waitFor();
    const batchId = /batch (\d+)/.exec((await sent.textContent()) ?? '')![1]!;

    await menu(page, 'Pertukaran Data BPJS');
    await page.getByRole('heading', { name: 'Pertukaran Data BPJS' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Unduh XLSX Batch ${batchId}` }).click(),
    ]);
    const batchFile = new ExcelJS.Workbook();
    await batchFile.xlsx.readFile((await download.path())!);
    const sheet = batchFile.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const nikColumn = header.indexOf('NIK');
    const niks = [2, 3, 4].map((r) => sheet.getRow(r).getCell(nikColumn).value);
    expect(niks.sort()).toEqual(['3402084509850012', '3402084509850013', '3402084509850014']);

    await page.getByRole('button', { name: `Unggah jawaban Batch ${batchId}` }).click();
    const [answer] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh jawaban simulator' }).click(),
    ]);
    const answerPath = path.join(path.dirname((await download.path())!), answer.suggestedFilename());
    await answer.saveAs(answerPath);
    await page.locator('input[type="file"]').setInputFiles(answerPath);
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    const status = page.getByRole('status').filter({ hasText: 'baris:' });
    await status.waitFor();
    const [, accepted, rejected] =
      /^3 baris: (\d+) diterima, (\d+) ditolak/.exec((await status.textContent()) ?? '') ?? [];
    expect(Number(accepted) + Number(rejected)).toBe(3);
    await page.getByRole('button', { name: 'Terapkan jawaban', exact: true }).click();
    await page.getByText(`Jawaban diterapkan: ${accepted} peserta aktif dengan KPJ, ${rejected} ditolak.`).waitFor();

    await menu(page, 'Program Perlindungan');
    await page.getByRole('link', { name: PROGRAM }).click();
    await page.getByRole('tab', { name: 'Peserta' }).click();
    const enrolled = page.getByRole('table', { name: 'Daftar kepesertaan program' });
    // Accepted with coverage from the first day of the programme's first month (next month): not started yet.
    const notStarted = enrolled.getByRole('row').filter({ hasText: 'Belum mulai (mulai 1 ' });
    await expect.poll(() => notStarted.count()).toBe(Number(accepted));
    expect(await enrolled.getByRole('row').filter({ hasText: 'Aktif' }).count()).toBe(0);
    const activeRow = (await notStarted.first().textContent()) ?? '';
    expect(activeRow).toMatch(/\d{11}/);
    answered = {
      name: ['Sumarni', 'Suparmi', 'Tumini'].find((n) => activeRow.includes(n))!,
      kpj: /\d{11}/.exec(activeRow)![0],
      batchId,
    };
    await screenshot(page, 'programs-active-with-kpj');
    await page.close();
  });

  it('the worker page shows the protection record: the KPJ from the branch answer and the state in words', async () => {
    expect(answered?.name).toBeDefined();
    const { name, kpj, batchId } = answered!;
    // The simulator starts protection on the first day of next month, the programme's first month.
    const notStarted = `Belum mulai (mulai ${dateName(firstDay(START), 'id')})`;
    const page = await openAs('operator.trirenggo');
    await menu(page, 'Pekerja');
    await page.getByLabel('Cari pekerja').fill(name);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect.poll(() => row.textContent()).toContain(notStarted);
    await screenshot(page, 'workers-protection-badge');

    await row.getByRole('link', { name }).click();
    const block = page.getByTestId('worker-protection');
    await block.getByRole('heading', { name: 'Perlindungan' }).waitFor();
    await expect.poll(() => block.getByTestId('protection-kpj').textContent()).toBe(kpj);
    // The village operator sees when the regency's answer was applied, though not the batch's own log.
    expect(await block.getByTestId('protection-kpj-source').textContent()).toMatch(
      new RegExp(`^Jawaban cabang BPJS atas batch ${batchId}, diterapkan \\d{1,2} \\S+ \\d{4}$`),
    );
    expect(await block.getByTestId('protection-state').textContent()).toBe(notStarted);
    const programmes = block.getByRole('table', { name: 'Program dan jalur kepesertaan pekerja' });
    expect(await programmes.textContent()).toContain(PROGRAM);
    const trail = block.getByTestId('protection-trail');
    await trail.getByText('Pekerja diusulkan menjadi peserta program').waitFor();
    await trail.getByText('Jawaban cabang BPJS diterapkan (KPJ dan tanggal mulai)').waitFor();
    await page.getByTestId('worker-history').getByText('Data pekerja dicatat').waitFor();
    await screenshot(page, 'worker-protection');
    await page.close();
  });

  it('the audit page says each action in words', async () => {
    const page = await openAs('disnaker.bantul');
    await menu(page, 'Audit');
    await page.getByRole('heading', { name: 'Audit' }).waitFor();
    const table = page.getByRole('table', { name: 'Jejak audit' });
    await table.getByText('Masuk ke Lindung').first().waitFor();
    await page.getByLabel('Awalan tindakan').fill('exchange.response');
    await expect.poll(() => page.url()).toContain('action=exchange.response');
    await table.getByText('Jawaban cabang BPJS diterapkan (KPJ dan tanggal mulai)').first().waitFor();
    await screenshot(page, 'audit-in-words');
    await page.close();
  });
});
