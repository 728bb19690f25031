import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// Employers and APBD construction projects (issue 21), on the demo. Disnaker uploads the licensing office's list
// (CSV with ';') and the branch's employer snapshot (XLSX, spelled differently) and sees three non-compliant
// employers; the licensing office (DPMPTSP) checks one by NIB and gets "Tidak patuh" with the reason; an APBD road
// project is registered, its Jakon contribution equals the calculator's quote, "siap mulai" is refused until the
// certificate is recorded, and then granted. A second project, priced by its worker's known wage as the calculator
// quotes it month by month, counts that worker once, as Jakon, on the coverage dashboard once certified.

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

const FIXTURES = path.resolve('test-fixtures/employers');

async function openAs(username: string): Promise<Page> {
  const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
  await signIn(page, lindung, username);
  return page;
}

/** dd-mm-yyyy of the day `days` from today. */
function formDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

/** yyyy-mm-dd of the day `days` from today. */
const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const rupiah = (n: number) => `Rp${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

const api = async <T>(page: Page, method: string, url: string, body?: unknown): Promise<T> => {
  const r = await callApi(page, method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${r.body}`);
  return JSON.parse(r.body) as T;
};

describe('employers: compliance and APBD construction projects', () => {
  it('Disnaker imports both lists and sees three non-compliant employers', async () => {
    const page = await openAs('disnaker.bantul');
    await page.getByRole('link', { name: 'Pemberi Kerja' }).click();
    await page.getByRole('heading', { name: 'Pemberi Kerja', level: 1 }).waitFor();
    const files = page.locator('input[type="file"]');
    await files.nth(0).setInputFiles(path.join(FIXTURES, 'perizinan-bantul.csv'));
    await page.getByRole('button', { name: 'Unggah daftar perizinan' }).click();
    await page.getByText('5 baris diimpor; 0 cocok dengan daftar perizinan.').waitFor();
    await files.nth(1).setInputFiles(path.join(FIXTURES, 'cabang-pemberi-kerja.xlsx'));
    await page.getByLabel('Tanggal data cabang').fill('10-07-2026');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Unggah snapshot cabang' }).click();
    await page.getByText('6 baris diimpor; 4 cocok dengan daftar perizinan.').waitFor();
    await expect.poll(() => page.getByTestId('employers-noncompliant').textContent()).toContain('3');
    await page.getByText('2 pemberi kerja di snapshot cabang tidak ada di daftar perizinan.').waitFor();
    await page
      .locator('label')
      .filter({ hasText: /^Tidak patuh$/ })
      .click();
    const rows = page.getByRole('table', { name: 'Daftar pemberi kerja' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const table = await page.getByRole('table', { name: 'Daftar pemberi kerja' }).textContent();
    expect(table).toContain('CV Sinar Terang');
    expect(table).toContain('Menunggak iuran sejak Maret 2026 (NPP 15070002).');
    expect(table).toContain('Terdaftar sebagian: 12 pekerja aktif di BPJS dari 30');
    expect(table).toContain('Koperasi Tani Makmur');
    expect(table).not.toContain('PT Maju Jaya Abadi');
    await screenshot(page, 'employers-noncompliant');
    await page.close();
  });

  it('the licensing office checks a business by NIB and gets "Tidak patuh" with the reason', async () => {
    const page = await openAs('dpmptsp.bantul');
    await page.getByRole('link', { name: 'Cek Kepatuhan Pemberi Kerja' }).click();
    await page.getByLabel('NIB badan usaha').fill('9120001000022');
    await page.getByRole('button', { name: 'Periksa' }).click();
    const answer = page.getByTestId('compliance-answer');
    await answer.waitFor();
    const text = await answer.textContent();
    expect(text).toContain('Tidak patuh');
    expect(text).toContain('CV Sinar Terang');
    expect(text).toContain('Menunggak iuran sejak Maret 2026');
    expect(text).toContain('Menurut snapshot cabang per 10 Jul 2026');
    await screenshot(page, 'employers-compliance-check');
    await page.close();
  });

  it('an APBD road project is priced as the calculator quotes it and starts only with the Jakon certificate', async () => {
    const page = await openAs('disnaker.bantul');
    // The calculator's quote for the contract value.
    await page.goto(`${lindung.url}/kalkulator`);
    await page.getByLabel('Kategori peserta', { exact: true }).click();
    await page.getByRole('option', { name: 'Jasa Konstruksi', exact: true }).click();
    await page.getByLabel('Nilai kontrak', { exact: true }).fill('2000000000');
    const quoteTotal = page.getByTestId('quote-total');
    // The calculator's own figure for the project (domain: Rp2.950.000 for Rp2 miliar), read from its page.
    await quoteTotal.filter({ hasText: /^Rp2\.950\.000$/ }).waitFor();
    const quoted = (await quoteTotal.textContent())!;

    await page.goto(`${lindung.url}/pemberi-kerja/proyek`);
    await page.getByLabel('Nama pekerjaan').fill('Peningkatan Jalan Trirenggo–Palbapang');
    await page.getByLabel('Nomor DPA').fill('DPA 1.03.02.2.01.0021');
    await page.getByLabel('Penyedia jasa (kontraktor)').fill('PT Bangun Karya Tbk');
    await page.getByLabel('Kode desa lokasi').fill('34.02.08.2004');
    await page.getByLabel('Nilai kontrak tanpa PPN (Rp)').fill('2000000000');
    await page.getByLabel('Tanggal mulai').fill(formDate(7));
    await page.keyboard.press('Escape');
    await page.getByLabel('Tanggal selesai').fill(formDate(120));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Daftarkan proyek' }).click();
    await page.waitForURL(/\/pemberi-kerja\/proyek\/\d+$/);
    await expect.poll(() => page.getByTestId('project-jakon').textContent()).toBe(quoted);
    expect(quoted).toBe('Rp2.950.000');
    expect(await page.getByTestId('project-status').textContent()).toBe('Menunggu sertifikat Jakon');

    // On the project list: starting within 14 days without Jakon.
    await page.getByRole('link', { name: 'Proyek APBD' }).click();
    expect(await page.getByTestId('projects-soon').textContent()).toContain('Peningkatan Jalan Trirenggo–Palbapang');
    await page.getByRole('link', { name: 'Peningkatan Jalan Trirenggo–Palbapang' }).first().click();

    // "Siap mulai" is refused by the server without the certificate.
    await page.getByRole('button', { name: 'Tandai siap mulai' }).click();
    await page.getByText('nomor sertifikat Jakon dari BPJS dan tanggal bayar iuran belum dicatat').waitFor();
    await page.getByLabel('Nomor sertifikat/kepesertaan proyek').fill('2300001078094');
    await page.getByLabel('Tanggal bayar iuran').fill(formDate(0));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Simpan sertifikat' }).click();
    await page.getByText('2300001078094').waitFor();
    await page.getByRole('button', { name: 'Tandai siap mulai' }).click();
    await expect.poll(() => page.getByTestId('project-status').textContent()).toBe('Siap mulai');
    await screenshot(page, 'employers-project-ready');
    await page.close();
  });

  it('a project priced by known wages equals the calculator month by month, and its worker counts as Jakon', async () => {
    const worker = { nik: '3402081204859873', name: 'Slamet Jakon' };
    const op = await openAs('operator.trirenggo');
    await api(op, 'POST', '/api/workers', {
      nik: worker.nik,
      fullName: worker.name,
      birthDate: '1985-04-12',
      sex: 'L',
      village: '34.02.08.2004',
      segment: 'construction_worker',
      category: 'BPU',
      monthlyIncome: 3_000_000,
    });
    await op.close();

    const page = await openAs('disnaker.bantul');
    await api(page, 'POST', '/api/coverage/refresh', {});
    await page.goto(`${lindung.url}/cakupan?wilayah=34.02`);
    const jakonRow = page.getByTestId('coverage-by-category').locator('tr[data-category="JAKON"]');
    await jakonRow.waitFor();
    const jakonBefore = Number((await jakonRow.locator('td').nth(1).textContent())!.replace(/\D/g, ''));

    // A drainage project already under way (started 20 days ago), registered through the API.
    const start = isoDate(-20);
    const end = isoDate(100);
    const project = await api<{ id: string }>(page, 'POST', '/api/employers/projects', {
      village: '34.02.08.2004',
      dpaReference: 'DPA 1.03.02.2.01.0030',
      name: 'Rehabilitasi Drainase Trirenggo',
      contractor: 'CV Tirta Karya',
      contractValue: 150_000_000,
      startDate: start,
      endDate: end,
    });
    await page.goto(`${lindung.url}/pemberi-kerja/proyek/${project.id}`);
    await page.getByLabel('NIK pekerja terdaftar').fill(worker.nik);
    await page.getByLabel('Upah sebulan (Rp, bila diketahui)').fill('3000000');
    await page.getByRole('button', { name: 'Tambahkan pekerja' }).click();
    await page.getByText(`${worker.name} · 340208`).waitFor();
    await page
      .locator('label')
      .filter({ hasText: /^Upah pekerja$/ })
      .click();
    // The calculator's quote for one Jakon worker at that wage, for every calendar month of the project.
    let expected = 0;
    const [sy, sm] = start.split('-').map(Number) as [number, number];
    const [ey, em] = end.split('-').map(Number) as [number, number];
    for (let y = sy, m = sm; y * 12 + m <= ey * 12 + em; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
      const date = `${y}-${String(m).padStart(2, '0')}-01`;
      expected += (
        await api<{ total: number }>(page, 'POST', '/api/contributions/quote', {
          category: 'jakon',
          wage: 3_000_000,
          date,
        })
      ).total;
    }
    await expect.poll(() => page.getByTestId('project-jakon').textContent()).toBe(rupiah(expected));

    await page.getByLabel('Nomor sertifikat/kepesertaan proyek').fill('2300001078095');
    await page.getByLabel('Tanggal bayar iuran').fill(formDate(-21));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Simpan sertifikat' }).click();
    await page.getByText('2300001078095').waitFor();
    await screenshot(page, 'employers-project-wages');

    // The certified project's worker, protected by nothing else, is one more Jakon participant this month.
    await api(page, 'POST', '/api/coverage/refresh', {});
    await page.goto(`${lindung.url}/cakupan?wilayah=34.02`);
    await jakonRow.waitFor();
    await expect
      .poll(async () => Number((await jakonRow.locator('td').nth(1).textContent())!.replace(/\D/g, '')))
      .toBe(jakonBefore + 1);
    await screenshot(page, 'employers-coverage-jakon');
    await page.close();
  });
});
