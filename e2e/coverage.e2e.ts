import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { callApi, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// Coverage journey (issue 6) on the demo: the Bupati of Bantul signs in and sees the regency's coverage on the
// Dasbor Pimpinan, drills down to a district and a village through the ranking; Disnaker sees the data-quality
// counts on its dashboard, opens the people behind the active figure and downloads them as XLSX (NIKs masked); the
// public open-data page shows a chart without sign-in, and its CSV never shows a count from 1 to 4.

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

describe('coverage journey', () => {
  it('pimpinan sees the regency coverage and drills down to a district and a village', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(page, lindung, 'pimpinan.bantul');
    await page.getByRole('heading', { name: 'Dasbor Pimpinan' }).waitFor();
    const active = page.getByText('Peserta aktif', { exact: true }).first();
    await active.waitFor();
    // Active participants of the regency: the demo's enrolled and BPJS-snapshot persons, counted once.
    const figure = await page.getByText('Cakupan total', { exact: true }).locator('..').textContent();
    expect(figure).toMatch(/\d/);
    const ranking = page.getByRole('table', { name: /Peringkat Kecamatan/ });
    await ranking.waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.locator('.recharts-line-curve, .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    // Per-segment denominators (the demo's Sakernas figures for farmers, traders, …): coverage per occupation.
    const segments = page.getByRole('table', { name: 'Peserta aktif dan cakupan menurut pekerjaan' });
    const farmers = segments.getByRole('row').filter({ hasText: /^Petani/ });
    expect(Number((await farmers.getByRole('cell').nth(2).textContent())!.replace(/\./g, ''))).toBeGreaterThan(1000);
    expect(await farmers.getByRole('cell').nth(3).textContent()).toMatch(/^\d+(,\d+)?%$/);
    await screenshot(page, 'coverage-pimpinan');

    // Drill down: the district of the demo village, then the village.
    await ranking.getByRole('link', { name: 'Kec. Bantul', exact: true }).click();
    await page.waitForURL(/\/cakupan\?wilayah=34\.02\.08$/);
    const villages = page.getByRole('table', { name: /Peringkat Desa/ });
    await villages.waitFor();
    // The village ranked first (most active participants), then its own page shows the same figure.
    const top = villages.getByRole('row').nth(1);
    const name = (await top.getByRole('link').textContent())!;
    const count = (await top.getByRole('cell').nth(1).textContent())!;
    expect(Number(count.replace(/\./g, ''))).toBeGreaterThan(0);
    await top.getByRole('link').click();
    await page.waitForURL(/\/cakupan\?wilayah=34\.02\.08\.\d{4}$/);
    await page.getByText(name, { exact: true }).first().waitFor();
    const activeCard = page.getByText('Peserta aktif', { exact: true }).first().locator('..');
    await expect.poll(() => activeCard.textContent()).toContain(count);
    // pimpinan see figures, not the people behind them: the figure is not a button
    expect(await page.getByRole('button', { name: /^Peserta aktif: / }).count()).toBe(0);
    await page.locator('.recharts-line-curve').first().waitFor();
    // The village's money is its own: its share of the regency programmes' spending, never the regency's ceiling.
    type Dash = { budget: { ceiling: number } | null; budgetShare: { committed: number } | null };
    const dash = async (region: string) =>
      JSON.parse((await callApi(page, 'GET', `/api/coverage/dashboard?region=${region}`)).body) as Dash;
    const village = await dash(new URL(page.url()).searchParams.get('wilayah')!);
    const regency = await dash('34.02');
    expect(village.budgetShare?.committed).toBeGreaterThan(0);
    if (village.budget) expect(village.budget.ceiling).toBeLessThan(regency.budget!.ceiling);
    else await page.getByText('Belanja program di wilayah ini').first().waitFor();
    await screenshot(page, 'coverage-village');
    await page.close();
  });

  it('Disnaker sees the data-quality counts, each with the page to act on it', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(page, lindung, 'disnaker.bantul');
    await page.getByRole('heading', { name: 'Beranda Disnaker' }).waitFor();
    const quality = page.getByRole('table', { name: 'Hitungan kualitas data' });
    await quality.waitFor();
    await page.getByText(/^Dihitung \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB/).waitFor();
    const count = async (label: string) => {
      const row = quality.getByRole('row').filter({ hasText: label });
      return Number((await row.getByRole('cell').nth(1).textContent())!.replace(/\./g, ''));
    };
    // The demo's registry: workers, some without a phone or with "Lainnya"; its BPJS snapshot: employers' wage
    // earners the registry does not know, without a village.
    expect(await count('Pekerja terdaftar')).toBeGreaterThan(100);
    expect(await count('Pekerja tanpa nomor HP')).toBeGreaterThan(0);
    expect(await count('Pekerja dengan pekerjaan "Lainnya"')).toBeGreaterThan(0);
    expect(await count('Peserta snapshot BPJS yang tidak ada di data pekerja Lindung')).toBeGreaterThan(0);
    expect(await count('Baris snapshot BPJS tanpa desa yang dikenal')).toBeGreaterThan(0);
    // The demo has no probable duplicates (the duplicates journey adds its own pair).
    expect(await count('Kemungkinan duplikat')).toBe(0);
    await quality.getByRole('row').filter({ hasText: 'tanpa desa yang dikenal' }).getByRole('link').waitFor();
    await screenshot(page, 'coverage-disnaker-quality');
    // The people behind a count: the worker list narrowed to that problem.
    const noPhone = await count('Pekerja tanpa nomor HP');
    await quality.getByRole('link', { name: 'Lihat pekerja tanpa nomor HP' }).click();
    await page.waitForURL(/\/pekerja\?problem=no_phone$/);
    await expect.poll(() => page.getByLabel('Masalah data').inputValue()).toBe('Tanpa nomor HP');
    const workers = page.getByRole('table', { name: 'Daftar pekerja' });
    await workers.getByRole('row').nth(1).waitFor();
    expect(await workers.getByRole('row').count()).toBe(Math.min(noPhone, 25) + 1);
    await page.goBack();
    await quality.waitFor();
    await quality.getByRole('link', { name: 'Lihat pekerja "Lainnya"' }).click();
    await page.waitForURL(/\/pekerja\?segment=other$/);
    await page.close();
  });

  it('Disnaker opens the people behind the active figure, NIKs masked, and downloads them as XLSX', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(page, lindung, 'disnaker.bantul');
    await page.getByRole('heading', { name: 'Beranda Disnaker' }).waitFor();
    await page.getByRole('button', { name: /^Peserta aktif: / }).click();
    const list = page.getByRole('table', { name: 'Daftar peserta' });
    await list.waitFor();
    const first = await list.getByRole('row').nth(1).textContent();
    expect(first).toMatch(/\d{6}•{6}\d{4}/);
    const firstNik = (await list.getByRole('row').nth(1).getByRole('cell').nth(1).textContent())!;
    const total = Number((await page.getByText(/^[\d.]+ orang$/).textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(0);
    await screenshot(page, 'coverage-disnaker-people');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^peserta-3402-\d{4}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('Peserta')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('NIK (disamarkan)');
    expect(sheet.rowCount - 1).toBe(total);
    expect(sheet.getRow(2).getCell(3).value).toBe(firstNik);
    for (let i = 2; i <= sheet.rowCount; i++)
      expect(String(sheet.getRow(i).getCell(3).value)).toMatch(/^\d{6}•{6}\d{4}$/);
    const info = workbook.getWorksheet('Keterangan')!;
    const notes = new Map<string, string>();
    info.eachRow((row) => notes.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(notes.get('Jumlah orang')).toBe(String(total));
    expect(notes.get('Diunduh oleh')).toBe('disnaker.bantul');
    await page.close();
  });

  it('shows open data with a chart without sign-in, and its CSV has no count from 1 to 4', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await page.goto(`${lindung.url}/data-terbuka`);
    await page.getByRole('heading', { name: 'Data Terbuka Cakupan' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'coverage-open-data');
    const csv = await page.evaluate(async () => (await fetch('/open/coverage?format=csv')).text());
    const rows = csv.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(['1', '2', '3', '4']).not.toContain(row.split(',')[4]);
    await page.close();
  });
});
