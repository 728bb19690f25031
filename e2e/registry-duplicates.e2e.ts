import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, startDemo, type RunningLindung, signIn, callApi } from './support.ts';

// Registry journey, second part (issue 3): the Trirenggo operator corrects a worker through the edit form (a field
// error first) and sees the change in the worker's history; the same woman is then registered a second time in
// Palbapang with a title and a NIK one digit off; the Bantul Disnaker finds the pair under "Kemungkinan Duplikat",
// takes two values from the second record and merges; the list shows one worker and both details tell the merge.

const TRIRENGGO = '34.02.08.2004';
const PALBAPANG = '34.02.08.2001';

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

const woman = { birthPlace: 'Bantul', birthDate: '1985-09-05', sex: 'P', segment: 'farmer', category: 'BPU' };

async function openWorkers(page: Page, search: string) {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pekerja' }).click();
  await page.getByLabel('Cari pekerja').fill(search);
  await expect.poll(() => page.url()).toContain(`q=${search}`);
}

describe('duplicates journey', () => {
  let keptId = '';

  it('the operator corrects a worker through the edit form and sees the change in its history', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, lindung, 'operator.trirenggo');
    const created = await callApi(page, 'POST', '/api/workers', {
      ...woman,
      nik: '3402084509850001',
      fullName: 'Siti Aminah',
      village: TRIRENGGO,
      phone: '0812-1111-2222',
    });
    expect(created.status, created.body).toBe(201);
    keptId = JSON.parse(created.body).id;

    await openWorkers(page, 'siti');
    await page.getByRole('row').filter({ hasText: 'Siti Aminah' }).getByRole('link', { name: 'Siti Aminah' }).click();
    await page.getByRole('heading', { name: 'Siti Aminah' }).waitFor();
    await page.getByRole('button', { name: 'Ubah', exact: true }).click();
    await page.getByRole('heading', { name: 'Ubah data pekerja' }).waitFor();
    // The NIK is not shown again: the field is empty and says which NIK is on file.
    expect(await page.getByLabel('NIK', { exact: true }).inputValue()).toBe('');
    await page.getByText('NIK tersimpan: 340208••••••0001').waitFor();
    expect(await page.getByLabel('Nama lengkap (sesuai KTP)').inputValue()).toBe('Siti Aminah');

    await page.getByLabel('No HP').fill('0812 / 0813');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Kolom No HP' });
    await expect.poll(() => alert.textContent()).toContain('lebih dari satu nomor');
    expect(await page.getByText('lebih dari satu nomor').count()).toBe(2); // the alert, and under the field
    await screenshot(page, 'registry-edit-error');

    await page.getByLabel('No HP').fill('0812-3333-4444');
    await page.getByLabel('Alamat').fill('Jl. Samas km 7');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' }).waitFor();
    const history = page.getByTestId('worker-history');
    await history.getByText('Data diubah').waitFor();
    const phone = history.getByRole('row').filter({ hasText: 'No HP' });
    expect(await phone.textContent()).toContain('+6281211112222');
    expect(await phone.textContent()).toContain('+6281233334444');
    expect(await history.getByRole('row').filter({ hasText: 'Alamat' }).textContent()).toContain('Jl. Samas km 7');
    await history
      .getByText(/oleh operator\.trirenggo · Formulir$/)
      .first()
      .waitFor();
    expect(await page.locator('main').textContent()).not.toContain('3402084509850001');
    await screenshot(page, 'registry-history');
    await page.close();
  });

  it('Disnaker finds the same woman registered twice, merges the pair, and the list shows her once', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
    await signIn(page, lindung, 'disnaker.bantul');
    const twin = await callApi(page, 'POST', '/api/workers', {
      ...woman,
      nik: '3402084509850011', // digit 15 differs
      fullName: 'Hj. Siti Aminah',
      village: PALBAPANG,
      address: 'Dusun Palbapang RT 02',
      monthlyIncome: 1_200_000,
    });
    expect(twin.status, twin.body).toBe(201);
    const twinId = JSON.parse(twin.body).id as string;

    await openWorkers(page, 'siti');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Siti Aminah' }).count()).toBe(2);
    await page.getByRole('link', { name: 'Kemungkinan Duplikat' }).click();
    await page.getByRole('heading', { name: 'Kemungkinan Duplikat', level: 1 }).waitFor();

    const card = page.getByRole('article').filter({ hasText: 'Hj. Siti Aminah' });
    await card.waitFor();
    await card.getByText('Nama dan tanggal lahir sama').waitFor();
    await card.getByText('NIK beda satu angka (digit ke-15)').waitFor();
    // Differing fields are marked in words, not by colour alone: name, domicile, address, phone, income.
    expect(await card.getByText('berbeda', { exact: true }).count()).toBe(5);
    await card.getByRole('radio', { name: 'Alamat: Dusun Palbapang RT 02' }).check();
    await card.getByRole('radio', { name: 'Penghasilan sebulan: Rp1.200.000' }).check();
    await screenshot(page, 'registry-duplicates');

    await card.getByRole('button', { name: 'Gabungkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gabungkan dua data ini?' });
    await dialog.getByText('Data Siti Aminah (340208••••••0001) dipertahankan').waitFor();
    await dialog.getByRole('button', { name: 'Ya, gabungkan' }).click();
    await page.getByText('Tidak ada kemungkinan duplikat').waitFor();

    await openWorkers(page, 'siti');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Siti Aminah' }).count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'Hj. Siti Aminah' }).count()).toBe(0);
    await page.getByRole('row').filter({ hasText: 'Siti Aminah' }).getByRole('link', { name: 'Siti Aminah' }).click();

    const history = page.getByTestId('worker-history');
    await history.getByText('Digabung dengan data duplikat').waitFor();
    expect(await history.getByRole('row').filter({ hasText: 'Alamat' }).first().textContent()).toContain(
      'Dusun Palbapang RT 02',
    );
    expect(await history.getByRole('row').filter({ hasText: 'Penghasilan sebulan' }).textContent()).toContain(
      'Rp1.200.000',
    );
    await screenshot(page, 'registry-merged-history');

    await history.getByRole('link', { name: `Pekerja #${twinId}` }).click();
    await page.getByText('Data ini sudah digabung').waitFor();
    await page.getByTestId('worker-history').getByText('Digabung ke data lain sebagai duplikat').waitFor();
    expect(await page.getByRole('button', { name: 'Ubah', exact: true }).count()).toBe(0);
    await page
      .getByRole('link', { name: `Pekerja #${keptId}` })
      .first()
      .waitFor();

    const audit = JSON.parse((await callApi(page, 'GET', '/api/audit?action=worker.merge')).body) as {
      items: { action: string; entityId: string; actorUsername: string }[];
    };
    expect(audit.items.map((e) => [e.action, e.entityId, e.actorUsername]).sort()).toEqual(
      [
        ['worker.merge', keptId, 'disnaker.bantul'],
        ['worker.merged', twinId, 'disnaker.bantul'],
      ].sort(),
    );
    await page.close();
  });
});
