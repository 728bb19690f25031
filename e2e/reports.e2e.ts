import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramSummary } from '../lib/contracts/programs.ts';
import type { TargetProgress } from '../lib/contracts/targets.ts';
import { addMonths, currentMonthWib } from '../lib/rules/eligibility.ts';
import { formatNumber, formatRupiah } from '../lib/rules/money.ts';
import { terbilangRupiah } from '../lib/rules/terbilang.ts';
import { pdfText } from '../server/modules/reports/reports.pdf-text.ts';
import {
  callApi,
  launchBrowser,
  newPage,
  screenshot,
  signIn as signInAs,
  startDemo,
  type RunningLindung,
} from './support.ts';

// Coverage targets and the monthly report (issue 6 §1, §3, §5), on the demo: the Bantul Disnaker imports a BPS
// table (a bad file first: errors by row and column, nothing saved), sets a target and sees its progress and the
// APBD needed with the rule rows; the Bupati (pimpinan) makes the monthly report and downloads its PDF (the
// regency's name, Rupiah with terbilang) and XLSX (the district table).

const FIXTURES = path.resolve('test-fixtures/targets');
const MONTH = addMonths(currentMonthWib(new Date()), -1);
const TARGET_YEAR = String(Number(currentMonthWib(new Date()).slice(0, 4)) + 1);
const squash = (s: string) => s.replace(/\s+/g, '');

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

async function openAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await newPage(context);
  await signInAs(page, lindung, username);
  return page;
}

const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name }).click();

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect.poll(() => page.getByLabel(label, { exact: true }).inputValue()).toBe(option);
}

describe('targets and monthly report journey', () => {
  it('Disnaker imports BPS figures: a bad file is refused by row and column, a good one saved', async () => {
    const page = await openAs('disnaker.bantul');
    await menu(page, 'Laporan');
    await page.getByRole('heading', { name: 'Laporan Bulanan' }).waitFor();
    await page.getByRole('link', { name: 'Angkatan kerja (penyebut)' }).click();
    await page.getByRole('heading', { name: 'Angkatan Kerja (Penyebut Cakupan)' }).waitFor();
    // The demo's figures are there, with their source.
    await page
      .getByRole('cell', { name: /Sakernas Agustus 2025 \(angka demo\)/ })
      .first()
      .waitFor();

    const file = page.locator('input[type="file"]');
    await file.setInputFiles(path.join(FIXTURES, 'bantul-angkatan-kerja-salah.csv'));
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    const problems = page.getByRole('table', { name: 'Masalah per baris dan kolom' });
    await problems.waitFor();
    expect(await problems.getByRole('row').nth(1).textContent()).toContain('Baris 3, kolom Kecamatan');
    expect(await problems.getByRole('row').nth(1).textContent()).toContain('"Srandakn" tidak ditemukan');
    expect(await problems.getByRole('row').nth(2).textContent()).toContain('Baris 4, kolom Penduduk Bekerja');
    await page.getByText('tidak ada angka yang disimpan').waitFor();
    await screenshot(page, 'workforce-import-errors');

    await file.setInputFiles(path.join(FIXTURES, 'bantul-angkatan-kerja-2026.xlsx'));
    await page.getByRole('button', { name: 'Periksa saja' }).click();
    await page.getByText('dapat diimpor: 18 baris, 36 angka. Belum ada yang disimpan.').waitFor();

    await file.setInputFiles(path.join(FIXTURES, 'bantul-angkatan-kerja-2026.csv'));
    await choose(page, 'Tahun data', '2026');
    await page.getByLabel('Sumber', { exact: true }).fill('BPS Kab. Bantul, Sakernas Agustus 2026 (angka uji)');
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText('diimpor: 36 angka (0 baru, 36 diubah, 0 sama)').waitFor();
    await page.getByRole('cell', { name: '571.550' }).first().waitFor();
    await screenshot(page, 'workforce-imported');
    await page.close();
  });

  it('Disnaker sets a target and sees progress, the gap, time to target and the APBD needed', async () => {
    const page = await openAs('disnaker.bantul');
    await page.goto(`${lindung.url}/cakupan/target`);
    await page.getByRole('heading', { name: 'Target Cakupan' }).waitFor();
    // The demo's RPJMD and UCJ targets are listed.
    await page.getByRole('article', { name: /Cakupan pekerja Kab. Bantul 2026/ }).waitFor();

    await page.getByRole('button', { name: 'Tetapkan target' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Tetapkan target' });
    await dialog.waitFor();
    await choose(page, 'Tahun', TARGET_YEAR);
    await page.getByLabel('Target cakupan (%)').fill('40');
    await choose(page, 'Dasar', 'RKPD');
    await page.getByLabel('Dokumen', { exact: true }).fill(`RKPD Kab. Bantul ${TARGET_YEAR}`);
    await dialog.getByRole('button', { name: 'Simpan target' }).click();

    const card = page.getByRole('article', { name: new RegExp(`Cakupan pekerja Kab. Bantul ${TARGET_YEAR}`) });
    await card.waitFor();
    const api = await callApi(page, 'GET', `/api/targets?year=${TARGET_YEAR}`);
    const target = (JSON.parse(api.body) as { items: TargetProgress[] }).items.find((t) => t.kind === 'employed')!;
    // 40% of the imported 571.550 employed, less the active participants; a whole year at the APBD price.
    expect(target.targetPersons).toBe(Math.ceil(571_550 * 0.4));
    expect(target.gapPersons).toBe(target.targetPersons! - target.active);
    expect(target.cost!.perPersonMonth).toBe(16_800);
    expect(target.cost!.months).toBe(12);
    expect(target.cost!.total).toBe(target.gapPersons! * 16_800 * 12);

    await expect
      .poll(() => card.getByTestId('target-gap').textContent())
      .toBe(`${formatNumber(target.gapPersons!)} orang`);
    expect(await card.getByTestId('apbd-formula').textContent()).toContain(
      `orang × Rp16.800 × 12 bulan mulai Januari ${TARGET_YEAR} = ${formatRupiah(target.cost!.total)}`,
    );
    expect(await card.getByTestId('apbd-words').textContent()).toBe(terbilangRupiah(target.cost!.total));
    expect(await card.getByTestId('target-months').textContent()).toMatch(/bulan|Tidak tercapai dengan laju sekarang/);
    await card.getByRole('button', { name: 'Baris aturan iuran yang dipakai' }).click();
    const rules = card.getByRole('table', { name: 'Baris aturan iuran yang dipakai' });
    await rules.getByText('Iuran JKM BPU').waitFor();
    const ruleText = (await rules.textContent()) ?? '';
    expect(ruleText).toContain('Iuran JKK BPU');
    expect(ruleText).toContain('Penghasilan BPU (baris 1)');
    expect(ruleText).toContain('PP 44/2015 Lampiran II');
    expect(ruleText).not.toContain('Diskon');
    // Rule rows read as words with their citation: no dotted keys, no research notes.
    expect(ruleText).not.toMatch(/bpu\.|§|\.md\b|\[[SVM]\]|⚠/);
    await screenshot(page, 'targets');

    // The same target closed by the Pemda's non-ASN staff (issue 18 §6): priced as PU at a reference wage of
    // Rp3.000.000, risk group 1, a medium employer, JKK+JKM+JHT+JP: employer 187.200 + worker 90.000 = Rp277.200
    // a person a month (PP 44/2015, PP 46/2015, PP 45/2015; the JP cap is far above the wage).
    await card.getByRole('button', { name: 'Ubah target' }).click();
    const edit = page.getByRole('dialog', { name: 'Ubah target' });
    await edit.getByRole('checkbox', { name: 'Hitung selisih sebagai PU (penerima upah)' }).check();
    await edit.getByLabel('Upah acuan per orang (Rp per bulan)').fill('3000000');
    await choose(page, 'Skala usaha pemberi kerja', 'Menengah');
    await edit.getByRole('checkbox', { name: 'JHT', exact: true }).check();
    await edit.getByRole('checkbox', { name: 'JP', exact: true }).check();
    await edit.getByRole('button', { name: 'Simpan target' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect
      .poll(() => card.getByTestId('apbd-category').textContent())
      .toBe('Harga PU: upah acuan Rp3.000.000, kelompok risiko 1, usaha menengah, JKK+JKM+JHT+JP');
    const pu = await callApi(page, 'GET', `/api/targets/${target.id}`);
    const priced = JSON.parse(pu.body) as TargetProgress;
    expect(priced.cost).toMatchObject({ category: 'pu', perPersonMonth: 277_200, months: 12 });
    expect(priced.cost!.total).toBe(priced.gapPersons! * 277_200 * 12);
    expect(await card.getByTestId('apbd-formula').textContent()).toContain(
      `orang × Rp277.200 × 12 bulan mulai Januari ${TARGET_YEAR} = ${formatRupiah(priced.cost!.total)}`,
    );
    expect(await card.getByTestId('apbd-split').textContent()).toBe(
      `Pemberi kerja (Pemda) ${formatRupiah(priced.gapPersons! * 187_200 * 12)} · pekerja ${formatRupiah(
        priced.gapPersons! * 90_000 * 12,
      )}`,
    );
    await screenshot(page, 'targets-pu');
    await page.close();
  });

  it('the pimpinan makes the monthly report and downloads the PDF and the XLSX', async () => {
    const page = await openAs('pimpinan.bantul');
    await menu(page, 'Laporan');
    await page.getByRole('heading', { name: 'Laporan Bulanan' }).waitFor();
    // The schedule caught up on start: last month's report is already in the history.
    await page.getByRole('cell', { name: 'Terjadwal' }).first().waitFor();

    await page.getByLabel('Bulan laporan').fill(MONTH);
    await page.getByRole('button', { name: 'Buat laporan' }).click();
    await page.getByText(/Laporan .+ selesai\. Unduh di riwayat di bawah\./).waitFor({ timeout: 60_000 });
    await screenshot(page, 'reports');

    const history = page.getByRole('table', { name: 'Riwayat laporan' });
    const mine = history.getByRole('row').filter({ hasText: 'Atas permintaan pimpinan.bantul' }).first();
    await mine.waitFor();
    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      mine.getByRole('link', { name: /^Unduh PDF laporan/ }).click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toBe(`laporan-bulanan-jamsostek-kab-bantul-${MONTH}.pdf`);
    const pdf = fs.readFileSync((await pdfDownload.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdfText(pdf);
    const text = squash(raw);
    expect(text).toContain(squash('PEMERINTAH KABUPATEN BANTUL'));
    // Printed for the Bupati: regulations cited, never research notes, rule keys or uncertainty marks.
    for (const mark of ['§', '.md', '[S]', '[M]', '[V]', '⚠', 'bpu.income.row', 'bpu.jkm.flat']) {
      expect(raw, mark).not.toContain(mark);
    }
    // The district table adds up to the headline (members without a known village have a row of their own).
    const headline = /Pesertaaktif([\d.]+)BPU:/.exec(text)?.[1];
    expect(headline).toBeDefined();
    expect(text).toContain(`Jumlah${headline}`);
    expect(text).toContain(squash('LAPORAN BULANAN JAMINAN SOSIAL KETENAGAKERJAAN DAERAH'));
    // The programmes' committed budget, with its words, as the report prints it.
    const programs = JSON.parse((await callApi(page, 'GET', '/api/programs?pageSize=200')).body) as {
      items: ProgramSummary[];
    };
    const committed = programs.items
      .filter((p) => p.region === '34.02' || p.region.startsWith('34.02.'))
      .reduce((s, p) => s + p.committed, 0);
    expect(committed).toBeGreaterThan(0);
    expect(text).toContain(squash(`${formatRupiah(committed)} (${terbilangRupiah(committed)})`));
    // Split by category (issue 18 §6): the demo's programmes are all BPU, priced as persons × package.
    expect(text).toContain(squash(`BPU (bukan penerima upah, orang x iuran paket): ${formatRupiah(committed)}`));

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      mine.getByRole('link', { name: /^Unduh XLSX laporan/ }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path())!);
    const districts = workbook.getWorksheet('Kecamatan')!;
    expect(districts.getRow(1).getCell(2).value).toBe('Kecamatan');
    expect(districts.getRow(2).getCell(2).value).toBe('Kec. Srandakan');
    expect(typeof districts.getRow(2).getCell(3).value).toBe('number');
    let sumRow = 2;
    while (districts.getRow(sumRow).getCell(2).value !== 'Jumlah') sumRow += 1;
    expect(sumRow).toBeGreaterThanOrEqual(19); // 17 districts, perhaps the unknown-village row, then the sum
    let sum = 0;
    for (let r = 2; r < sumRow; r++) sum += Number(districts.getRow(r).getCell(3).value);
    expect(formatNumber(sum)).toBe(headline);
    await page.close();
  });
});
