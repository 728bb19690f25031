import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sharedStringsBomb } from '../server/testing/zip.ts';
import { launchBrowser, newPage, screenshot, startDemo, type RunningLindung, signIn, callApi } from './support.ts';

// Import journey (issue 3): the Trirenggo operator uploads an XLSX made by LibreOffice with the usual mistakes, reads
// the row errors in Indonesian, downloads the report with the marked cells, uploads the corrected file and saves it;
// the workers appear in search; the operator of another village cannot see them. "Unduh templat" (issue 12) gives an
// XLSX with the NIK column as text whose example row, uploaded unchanged, passes the checks.

const FIXTURES = path.resolve('test-fixtures/imports');

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

async function upload(page: Page, file: string) {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pekerja' }).click();
  await page.getByRole('link', { name: 'Impor berkas' }).click();
  await page.getByRole('heading', { name: 'Impor Data Pekerja' }).waitFor();
  await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, file));
  await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
  await page.getByText('Pemeriksaan selesai — belum ada yang disimpan').waitFor({ timeout: 60_000 });
}

describe('import journey', () => {
  it('upload with problems, read and download them, upload the fix, save; scope holds', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, lindung, 'operator.trirenggo');
    await upload(page, 'pekerja-trirenggo-bermasalah.xlsx');

    const issues = page.getByRole('table', { name: 'Masalah per baris' });
    await issues.getByText('NIK tersimpan sebagai angka sehingga digit terakhir hilang').first().waitFor();
    const firstRow = issues.getByRole('row').nth(1);
    expect(await firstRow.textContent()).toMatch(/^2NIKGalatNIK_NUMERIC_CELL/);
    await expect.poll(() => issues.getByText('DUPLICATE_IN_FILE').count()).toBe(1);
    await screenshot(page, 'import-problems');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh laporan (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^laporan-impor-\d+-pekerja-trirenggo-bermasalah\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const nikCell = workbook.getWorksheet('Data')!.getRow(2).getCell(2);
    expect((nikCell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');

    // The corrected file: no problems, then saved.
    await upload(page, 'pekerja-trirenggo-benar.xlsx');
    await page.getByText('Tidak ada masalah', { exact: true }).waitFor();
    const save = page.getByRole('button', { name: /^Simpan \d+ baris yang valid$/ });
    await save.click();
    await page.getByText('Data tersimpan').waitFor({ timeout: 60_000 });
    await screenshot(page, 'import-saved');

    await page.getByRole('link', { name: 'Lihat daftar pekerja' }).click();
    await page.getByLabel('Cari pekerja').fill('Hartono');
    await page.getByRole('link', { name: 'Hartono' }).waitFor();

    // Another village's operator, created by the Bantul admin, finds nobody.
    const admin = await newPage(browser);
    await signIn(admin, lindung, 'admin.bantul');
    const created = await callApi(admin, 'POST', '/api/users', {
      username: 'operator.palbapang',
      displayName: 'Operator Palbapang',
      password: 'palbapang-rahasia-1',
      role: 'operator',
      region: '34.02.08.2001',
    });
    expect(created.status).toBe(201);
    const other = await newPage(browser);
    await signIn(other, lindung, 'operator.palbapang', 'palbapang-rahasia-1');
    await other.goto(`${lindung.url}/pekerja?q=Hartono`);
    await other.getByText('Tidak ada yang cocok').first().waitFor();
  });

  it('a checked import that is not wanted is cancelled, and nothing is saved', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, lindung, 'operator.trirenggo');
    await upload(page, 'pekerja-trirenggo-benar.xlsx');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Batalkan impor' }).click();
    await page.getByText('Impor dibatalkan; tidak ada data yang berubah.').waitFor();
    await page.getByText('Dibatalkan', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: /^Simpan \d+ baris yang valid$/ }).count()).toBe(0);
    const id = /\/impor\/(\d+)/.exec(page.url())?.[1];
    const job = JSON.parse((await callApi(page, 'GET', `/api/imports/${id}`)).body) as { status: string };
    expect(job.status).toBe('cancelled');
    await screenshot(page, 'import-cancelled');
  });

  it('a decompression bomb is refused with what to do; the next file is read as usual', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, lindung, 'operator.trirenggo');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pekerja' }).click();
    await page.getByRole('link', { name: 'Impor berkas' }).click();
    await page.getByRole('heading', { name: 'Impor Data Pekerja' }).waitFor();
    // ~1 MB on disk, 1.1 GB of shared strings once unpacked.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'pekerja-bom.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: sharedStringsBomb({ gib: 1.1 }),
    });
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'terlalu besar setelah dibuka' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/Simpan ulang sebagai CSV atau pecah menjadi beberapa berkas/);
    await screenshot(page, 'import-bomb-refused');

    await upload(page, 'pekerja-trirenggo-bermasalah.xlsx');
  });

  it('downloads the template beside the upload, and the template as downloaded passes the checks', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, lindung, 'operator.trirenggo');
    await page.goto(`${lindung.url}/pekerja/impor`);
    await page.getByRole('heading', { name: 'Impor Data Pekerja' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh templat' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('templat-impor-pekerja.xlsx');
    const file = (await download.path())!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    const nik = workbook.worksheets[0]!.getRow(2).getCell(1);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('NIK');
    expect(nik.numFmt).toBe('@');
    expect(String(nik.value)).toMatch(/^340208\d{10}$/);

    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    await page.getByText('Pemeriksaan selesai — belum ada yang disimpan').waitFor({ timeout: 60_000 });
    await page.getByText('Tidak ada masalah', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Simpan 1 baris yang valid' }).waitFor();
  });
});
