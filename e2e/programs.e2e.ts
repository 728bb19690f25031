import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMonths, currentMonthWib } from '../lib/rules/eligibility.ts';
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
    await page.getByLabel('Pagu anggaran').fill('3024000000');
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
    expect(await rejected.textContent()).toContain('3402••••••••0011');
    await page.close();
  });

  it('the verified workers go to BPJS in a batch; the simulator’s answer makes them active with a KPJ', async () => {
    const page = await openAs('disnaker.bantul', { acceptDownloads: true });
    await menu(page, 'Verifikasi');
    await chooseProgram(page);
    await page.getByRole('button', { name: 'Kirim ke BPJS (3 terverifikasi)' }).click();
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
    await expect.poll(() => enrolled.getByRole('row').filter({ hasText: 'Aktif' }).count()).toBe(Number(accepted));
    expect(await enrolled.getByRole('row').filter({ hasText: 'Aktif' }).first().textContent()).toMatch(/\d{11}/);
    await screenshot(page, 'programs-active-with-kpj');
    await page.close();
  });
});
