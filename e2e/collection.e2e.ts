import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_CANDIDATES } from '../server/modules/demo/demo.collection.ts';
import { nikFor } from '../server/testing/nik.ts';
import {
  callApi,
  checkA11y,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startDemo,
  type RunningLindung,
} from './support.ts';

// The village collection loop on a phone (issue 19, Must show), on the demo: the operator of Trirenggo opens the
// worklist online, loses the connection, registers two workers (a bad NIK caught on the device first) and records
// three visit outcomes, closes and reopens the page offline (the service worker serves it, the queue is still
// there), and when the connection returns the queue sends itself: one registration comes back as a conflict (Disnaker
// registered the same NIK meanwhile), the operator resolves it, and the village's target progress moves. Then the
// planner's side: Disnaker sees every village of the demo target, splits a quota by hand (refused until it adds
// up), sees the overdue villages, uploads candidate lists (row/column errors, then an XLSX with village names), and
// the admin revokes the operator's device.

const TRIRENGGO = '34.02.08.2004';
const PHONE = { width: 360, height: 800 };

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

const candidate = (name: string) => DEMO_CANDIDATES.find((c) => c.name === name)!;
const card = (page: Page, name: string) => page.getByTestId('candidate').filter({ hasText: name });
const counts = (page: Page) => page.getByTestId('queue-counts').textContent();
const registered = async (page: Page) =>
  Number(await page.getByTestId('village-target').first().getAttribute('data-registered'));

async function openField(context: BrowserContext): Promise<Page> {
  const page = await newPage(context);
  await page.goto(`${lindung.url}/lapangan`);
  await page.getByRole('heading', { name: 'Lapangan', level: 1 }).waitFor();
  return page;
}

describe('collection: the offline field page on a phone', () => {
  it('queues offline, survives a reopen, syncs on reconnect and resolves a NIK conflict', async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
    const signInPage = await newPage(context);
    await signIn(signInPage, lindung, 'operator.trirenggo');
    await signInPage.close();

    // Online: the worklist (poorest decile first, the extreme poor first) and the village's target.
    let page = await openField(context);
    await page.getByText('Halaman ini siap dibuka tanpa sinyal.').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('candidate').count()).toBe(8);
    expect(await page.getByTestId('candidate').first().textContent()).toContain('Sumarni');
    expect(await page.getByTestId('candidate').first().textContent()).toContain('Miskin ekstrem');
    await page.getByTestId('village-target').waitFor();
    const before = await registered(page);
    const proposedBefore = Number(await page.getByTestId('village-target').first().getAttribute('data-proposed'));
    const leftBefore = Number(await page.getByTestId('village-target').first().getAttribute('data-left'));
    await screenshot(page, 'collection-field-online');

    // The connection goes.
    await context.setOffline(true);
    await page.getByText('Luring: entri disimpan di perangkat').waitFor();

    // A new worker: the bad NIK is caught on the device, nothing is queued until it is right.
    await page.getByRole('button', { name: 'Daftarkan pekerja baru' }).click();
    await page.getByLabel('NIK').fill('3402083213920001');
    await page.getByLabel('Nama sesuai KTP').fill('Darmaji');
    await page.getByRole('button', { name: 'Simpan ke antrean' }).click();
    await page.getByText(/NIK tidak sah/).waitFor();
    await screenshot(page, 'collection-field-bad-nik');
    expect(await counts(page)).toBe('0 menunggu · 0 diterima · 0 perlu tindakan');
    // A district code that does not exist (Kab. Bantul has no 34.02.99): caught with the code list kept offline.
    await page.getByLabel('NIK').fill('3402991503920001');
    await page.getByRole('button', { name: 'Simpan ke antrean' }).click();
    await page.getByText(/Kode kecamatan 34\.02\.99 pada NIK tidak ada di daftar wilayah/).waitFor();
    expect(await counts(page)).toBe('0 menunggu · 0 diterima · 0 perlu tindakan');
    await page.getByLabel('NIK').fill(nikFor('1992-03-15', 'L', 8101));
    expect(await page.getByLabel('Tanggal lahir').inputValue()).toBe('1992-03-15');
    await page.getByLabel('Pekerjaan').selectOption('farmer');
    await page.getByRole('button', { name: 'Simpan ke antrean' }).click();
    await expect.poll(() => counts(page)).toBe('1 menunggu · 0 diterima · 0 perlu tindakan');

    // Darmaji proposed to the regency's programme, offline: queued after his registration, which it refers to.
    const program = `Perlindungan Pekerja Rentan Kab. Bantul ${new Date().getUTCFullYear()}`;
    await page.getByRole('button', { name: 'Usulkan ke program' }).click();
    await page.getByLabel('Program', { exact: true }).selectOption({ label: program });
    await page.getByTestId('propose-form').getByRole('button', { name: 'Simpan ke antrean' }).click();
    await expect.poll(() => counts(page)).toBe('2 menunggu · 0 diterima · 0 perlu tindakan');
    expect(await page.getByRole('button', { name: 'Usulkan ke program' }).count()).toBe(0);

    // A candidate from the worklist registered (Disnaker will register the same NIK meanwhile).
    const tukiman = candidate('Tukiman');
    await card(page, 'Tukiman').getByRole('button', { name: 'Daftarkan' }).click();
    expect(await page.getByLabel('Nama sesuai KTP').inputValue()).toBe('Tukiman');
    await page.getByLabel('NIK').fill(tukiman.nik);
    await page.getByRole('button', { name: 'Simpan ke antrean' }).click();
    await expect.poll(() => counts(page)).toBe('3 menunggu · 0 diterima · 0 perlu tindakan');

    // Three visit outcomes, two taps each.
    for (const [name, outcome] of [
      ['Wagiyem', 'Tidak ditemukan'],
      ['Slamet Riyadi', 'Menolak'],
      ['Parjiyem', 'Pindah'],
    ] as const) {
      await card(page, name).getByRole('button', { name: outcome, exact: true }).click();
      await card(page, name)
        .getByRole('button', { name: `Simpan: ${outcome}` })
        .click();
      await card(page, name).waitFor({ state: 'detached' });
    }
    await expect.poll(() => counts(page)).toBe('6 menunggu · 0 diterima · 0 perlu tindakan');
    await screenshot(page, 'collection-field-queued-offline');

    // Meanwhile Disnaker, online, registers Tukiman.
    const disnaker = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(disnaker, lindung, 'disnaker.bantul');
    const created = await callApi(disnaker, 'POST', '/api/workers', {
      nik: tukiman.nik,
      fullName: tukiman.name,
      birthDate: tukiman.birthDate,
      sex: tukiman.sex,
      village: TRIRENGGO,
      segment: 'farmer',
      category: 'BPU',
    });
    expect(created.status, created.body).toBe(201);
    await disnaker.close();

    // The page is closed and opened again without a connection: the service worker serves it, the queue is there.
    await page.close();
    page = await openField(context);
    await page.getByText('Luring: entri disimpan di perangkat').waitFor();
    await expect.poll(() => counts(page)).toBe('6 menunggu · 0 diterima · 0 perlu tindakan');
    expect(await page.getByTestId('queue-entry').count()).toBe(6);
    await expect.poll(() => page.getByTestId('candidate').count()).toBe(4);
    expect(await registered(page)).toBe(before);

    // The connection returns: the queue sends itself; Tukiman's registration is a conflict, the rest accepted.
    await context.setOffline(false);
    await expect.poll(() => counts(page), { timeout: 30_000 }).toBe('0 menunggu · 5 diterima · 1 perlu tindakan');
    const proposal = page.getByTestId('queue-entry').filter({ hasText: `Darmaji: usulan ke ${program}` });
    expect(await proposal.getAttribute('data-status')).toBe('accepted');
    const conflict = page.locator('[data-testid="queue-entry"][data-status="conflict"]');
    expect(await conflict.textContent()).toContain('NIK ini sudah terdaftar di Lindung');
    await checkA11y(page, 'collection field page with a conflict');

    // Resolved: the worker registered by Disnaker closes Tukiman's visit as "registered".
    await conflict.getByRole('button', { name: 'Pakai data yang sudah terdaftar' }).click();
    await expect.poll(() => counts(page), { timeout: 30_000 }).toBe('0 menunggu · 6 diterima · 0 perlu tindakan');
    expect(await page.locator('[data-testid="queue-entry"][data-status="conflict"]').count()).toBe(0);

    // The village's target moved: Tukiman (Disnaker) and Darmaji (the operator) are registered.
    await expect.poll(() => registered(page), { timeout: 15_000 }).toBe(before + 2);
    expect(Number(await page.getByTestId('village-target').first().getAttribute('data-left'))).toBe(
      Math.max(0, leftBefore - 2),
    );
    // Darmaji's proposal counts as proposed for the target's programme.
    expect(Number(await page.getByTestId('village-target').first().getAttribute('data-proposed'))).toBe(
      proposedBefore + 1,
    );
    const list = JSON.parse((await callApi(page, 'GET', '/api/collection/worklist')).body) as {
      visited: number;
      items: { fullName: string }[];
    };
    expect(list.visited).toBe(4);
    expect(list.items.map((c) => c.fullName)).toEqual(['Sumarni', 'Sugeng Widodo', 'Ngatini', 'Rohmad']);
    await screenshot(page, 'collection-field-synced');
    await context.close();
  });

  it('Disnaker splits a quota by hand and sees the overdue villages; lists are uploaded; the admin revokes a device', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(page, lindung, 'disnaker.bantul');
    await page.getByRole('link', { name: 'Target Pengumpulan Desa' }).click();
    await page.getByRole('heading', { name: 'Target Pengumpulan Desa', level: 1 }).waitFor();

    // The demo target lists all 75 villages of Kab. Bantul, Trirenggo with its two registrations.
    await page.getByRole('link', { name: /Pengumpulan pekerja rentan Kab\. Bantul/ }).click();
    const villages = page.getByRole('table', { name: 'Kemajuan tiap desa' }).locator('tbody tr');
    await expect.poll(() => villages.count()).toBe(75);
    const trirenggo = await villages.filter({ hasText: TRIRENGGO }).locator('td').allTextContents();
    expect(trirenggo[2]).toBe('2');
    const xlsx = await page.evaluate(
      async (href) => {
        const r = await fetch(href!);
        return { status: r.status, type: r.headers.get('content-type') };
      },
      await page.getByRole('link', { name: 'Unduh XLSX' }).getAttribute('href'),
    );
    expect(xlsx).toEqual({ status: 200, type: expect.stringContaining('spreadsheetml') });
    await screenshot(page, 'collection-target-regency');

    // A split by hand across the five villages of Kec. Bantul, due yesterday: refused until it adds up.
    await page.getByRole('link', { name: 'Kembali ke daftar target' }).click();
    const year = new Date().getUTCFullYear();
    const yesterday = new Date(Date.now() - 86_400_000);
    const dd = (n: number) => String(n).padStart(2, '0');
    await page.getByLabel('Nama target').fill('Pengumpulan Kec. Bantul');
    await page.getByLabel('Kode wilayah yang dibagi').fill('34.02.08');
    await page.getByLabel('Kuota (orang)').fill('500');
    await page.getByLabel('Mulai').fill(`01-01-${year}`);
    await page.getByLabel('Tenggat').fill(`${dd(yesterday.getUTCDate())}-${dd(yesterday.getUTCMonth() + 1)}-${year}`);
    await page.keyboard.press('Escape');
    await page.getByText('Manual', { exact: true }).click();
    for (const name of ['Palbapang', 'Ringinharjo', 'Bantul', 'Trirenggo'])
      await page.getByLabel(name, { exact: true }).fill('100');
    await page.getByLabel('Sabdodadi', { exact: true }).fill('50');
    expect(await page.getByTestId('manual-sum').textContent()).toBe('Jumlah kuota desa: 450 dari 500');
    await page.getByRole('button', { name: 'Simpan dan bagi' }).click();
    await page.getByRole('alert').filter({ hasText: '450, bukan 500' }).waitFor();
    await page.getByLabel('Sabdodadi', { exact: true }).fill('100');
    await page.getByRole('button', { name: 'Simpan dan bagi' }).click();
    await page.getByRole('heading', { name: 'Pengumpulan Kec. Bantul', level: 1 }).waitFor();
    await expect.poll(() => villages.count()).toBe(5);
    expect(await page.locator('tbody tr[data-overdue="true"]').count()).toBe(5);
    expect(await page.getByTestId('overdue-count').textContent()).toContain('5 desa lewat tenggat');
    await screenshot(page, 'collection-target-overdue');

    // Candidate lists: a CSV with wrong rows is refused naming row and column; an XLSX with village names imported.
    await page.getByRole('link', { name: 'Kembali ke daftar target' }).click();
    const upload = page.locator('input[type="file"]');
    await upload.setInputFiles({
      name: 'dtsen-salah.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'NIK;Nama;Desa;Kecamatan;Desil\n3402081234;Ani;Trirenggo;Bantul;2\n' +
          `${nikFor('1980-02-02', 'P', 8201)};Budi;Desa Entah;Bantul;12\n`,
      ),
    });
    await page.getByRole('button', { name: 'Unggah daftar calon (DTSEN/P3KE)' }).click();
    const issues = page.getByTestId('candidate-issues');
    await issues.waitFor();
    const text = await issues.textContent();
    expect(text).toContain('Baris 2, kolom NIK');
    expect(text).toContain('Baris 3, kolom Desa');
    expect(text).toContain('Baris 3, kolom Desil');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('P3KE');
    sheet.addRow(['NIK', 'Nama', 'Desa', 'Kecamatan', 'Desil', 'Miskin Ekstrem']);
    sheet.addRow([nikFor('1980-02-02', 'P', 8201), 'Budi Lestari', 'Trirenggo', 'Bantul', 2, 'Tidak']);
    sheet.addRow([nikFor('1975-05-05', 'L', 8202), 'Sarjono', 'Palbapang', 'Kec. Bantul', 1, 'Ya']);
    await upload.setInputFiles({
      name: 'p3ke.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: 'Unggah daftar calon (DTSEN/P3KE)' }).click();
    expect(await page.getByTestId('candidates-imported').textContent()).toBe('2 calon di 2 desa diimpor.');
    await page.close();

    // The admin revokes the operator's phone.
    const admin = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(admin, lindung, 'admin.bantul');
    await admin.getByRole('link', { name: 'Perangkat Lapangan' }).click();
    const device = admin.getByTestId('device').filter({ hasText: 'operator.trirenggo' });
    await device.getByRole('button', { name: 'Cabut' }).click();
    await device.getByRole('button', { name: /Ya, cabut/ }).click();
    await device.getByText(/Dicabut/).waitFor();
    await screenshot(admin, 'collection-devices');
    await admin.close();
  });
});
