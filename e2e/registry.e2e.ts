import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot, startDemo, type RunningLindung, signIn, callApi } from './support.ts';

// Registry journey (issue 3): the Trirenggo operator adds a worker by hand (a NIK error first, then a NIK whose
// birth date differs from the one typed: saved with a warning), sees the NIK masked and cannot reveal it; the
// Bantul Disnaker finds the worker and reveals the NIK, and that view is in the audit trail.

const NIK = '3402084509850001'; // a woman born 5 Sep 1985, first registered in Kec. Bantul
const MASKED = '340208••••••0001';

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

describe('registry journey', () => {
  it('the operator adds a worker, sees the NIK masked and cannot reveal it', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, lindung, 'operator.trirenggo');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pekerja' }).click();
    await page.getByText('Belum ada pekerja. Impor dari Excel atau tambah satu per satu.').waitFor();
    await page.getByRole('button', { name: 'Tambah pekerja' }).first().click();
    await page.getByRole('heading', { name: 'Tambah pekerja' }).waitFor();

    // The operator's own village is fixed in the picker.
    expect(await page.getByLabel('Desa/Kelurahan').isDisabled()).toBe(true);
    await page.getByText('Wilayah terpilih: Desa Trirenggo, Kec. Bantul, Kab. Bantul').waitFor();

    // A NIK pasted with spaces, dots and dashes is cleaned and fills in the birth date (dd-mm-yyyy) and the sex.
    await page.getByLabel('NIK', { exact: true }).fill('3402 08.52-0385 0002');
    expect(await page.getByLabel('NIK', { exact: true }).inputValue()).toBe('3402085203850002');
    await expect.poll(() => page.getByLabel('Tanggal lahir').inputValue()).toBe('12-03-1985');
    expect(await page.getByLabel('Perempuan').isChecked()).toBe(true);
    await page.getByText('Tanggal lahir dan jenis kelamin diisi dari NIK.').waitFor();

    await page.getByLabel('NIK', { exact: true }).fill('3402083209850001'); // day 32: no such date
    await page.getByLabel('Nama lengkap (sesuai KTP)').fill('Siti Aminah');
    await page.getByLabel('Tempat lahir').fill('Bantul');
    await page.getByLabel('Tanggal lahir').fill('09-05-1985'); // day and month swapped against the NIK
    await page.getByLabel('Tanggal lahir').blur();
    await page.getByLabel('Perempuan').check();
    await page.getByLabel('Alamat').fill('Jl. Samas km 5');
    await page.getByLabel('RT', { exact: true }).fill('003');
    await page.getByLabel('RW', { exact: true }).fill('011');
    await page.getByLabel('No HP').fill('0812-3456-7890');
    await page.getByLabel('Pekerjaan', { exact: true }).fill('Petani');
    await page.getByLabel('Pekerjaan', { exact: true }).press('Enter');
    expect(await page.getByLabel('Kategori kepesertaan').inputValue()).toBe('Bukan Penerima Upah (BPU)');
    await page.getByLabel('Penghasilan sebulan').fill('1500000');
    await page.getByLabel('Desil 2').check();
    await page.getByRole('button', { name: 'Simpan pekerja' }).click();

    // The server's message, verbatim, and under the NIK field.
    const alert = page.getByRole('alert').filter({ hasText: 'Kolom NIK' });
    await expect.poll(() => alert.textContent()).toContain('Digit ke-7 dan ke-8 NIK (32)');
    expect(await page.getByText('Digit ke-7 dan ke-8 NIK (32)').count()).toBe(2);
    await screenshot(page, 'registry-nik-error');

    await page.getByLabel('NIK', { exact: true }).fill(NIK);
    await page.getByRole('button', { name: 'Simpan pekerja' }).click();
    await page.getByRole('heading', { name: 'Siti Aminah' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'periksa catatan NIK' });
    await expect.poll(() => notice.textContent()).toContain('Tanggal lahir menurut NIK (05-09-1985)');
    expect(await page.getByTestId('worker-nik').textContent()).toBe(MASKED);
    expect(await page.getByRole('button', { name: 'Lihat NIK' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(NIK);
    await screenshot(page, 'registry-saved-operator');

    await page.getByRole('link', { name: 'Pekerja' }).first().click();
    const row = page.getByRole('row').filter({ hasText: 'Siti Aminah' });
    await row.waitFor();
    expect(await row.textContent()).toContain(MASKED);
    expect(await row.textContent()).toContain('Petani');

    const id = (await row.getByRole('link', { name: 'Siti Aminah' }).getAttribute('href'))!.split('/').pop()!;
    const refused = await callApi(page, 'POST', `/api/workers/${id}/reveal-nik`);
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain(NIK);
    await page.close();
  });

  it('Disnaker finds the worker and reveals the NIK, and the view is audited', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, lindung, 'disnaker.bantul');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pekerja' }).click();
    await page.getByLabel('Cari pekerja').fill('siti');
    await expect.poll(() => page.url()).toContain('q=siti');
    const row = page.getByRole('row').filter({ hasText: 'Siti Aminah' });
    await row.waitFor();
    expect(await row.textContent()).toContain(MASKED);
    await row.getByRole('link', { name: 'Siti Aminah' }).click();

    await page.getByRole('button', { name: 'Lihat NIK' }).click();
    await expect.poll(() => page.getByTestId('worker-nik').textContent()).toBe(NIK);
    await page.getByText('Tampilan NIK lengkap ini tercatat di jejak audit.').waitFor();
    await screenshot(page, 'registry-nik-revealed');

    const audit = await callApi(page, 'GET', '/api/audit?action=worker.reveal_nik');
    const body = JSON.parse(audit.body) as { total: number; items: { actorUsername: string; after: unknown }[] };
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ actorUsername: 'disnaker.bantul', after: { nik: MASKED } });
    await page.close();
  });
});
