import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// BPJS exchange journey (issue 5, part 3), on the demo: Disnaker submits the election officers' batch; the BPJS
// branch user downloads it as XLSX, gets the simulator's response file, checks and applies it on the page; the
// workers are active with their KPJ on the programme's enrolled list; a snapshot file is uploaded and the
// reconciliation page shows the counts.

const FIXTURES = path.resolve('test-fixtures/exchange');

let lindung: RunningLindung;
let browser: Browser;
let batchId = '';
let programId = '';

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

const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name }).click();

type Enrollments = { items: { id: string; fullName: string; status: string; kpjNumber: string | null }[] };

async function enrollments(page: Page, query: string): Promise<Enrollments> {
  const r = await callApi(page, 'GET', `/api/programs/${programId}/enrollments?pageSize=200&${query}`);
  expect(r.status, r.body).toBe(200);
  return JSON.parse(r.body) as Enrollments;
}

describe('BPJS exchange journey', () => {
  it('Disnaker submits the election officers as a registration batch', async () => {
    const page = await openAs('disnaker.bantul');
    const programs = JSON.parse((await callApi(page, 'GET', '/api/programs?q=Petugas%20Ad%20Hoc')).body) as {
      items: { id: string }[];
    };
    programId = programs.items[0]!.id;
    const proposed = await enrollments(page, 'status=proposed');
    expect(proposed.items.length).toBeGreaterThan(0);
    const verified = await callApi(page, 'POST', `/api/programs/${programId}/enrollments/verify`, {
      ids: proposed.items.map((e) => e.id),
    });
    expect(verified.status, verified.body).toBe(200);
    const batch = await callApi(page, 'POST', `/api/programs/${programId}/batches`);
    expect(batch.status, batch.body).toBe(201);
    batchId = (JSON.parse(batch.body) as { batchId: string }).batchId;

    await menu(page, 'Pertukaran Data BPJS');
    await page.getByRole('heading', { name: 'Pertukaran Data BPJS' }).waitFor();
    const row = page
      .getByRole('table', { name: 'Daftar batch pendaftaran' })
      .getByRole('row')
      .filter({
        hasText: `Batch ${batchId} · Petugas Ad Hoc Pemilihan`,
      });
    await row.getByText('Menunggu jawaban').waitFor();

    // The template editor: Bantul's own template, with the reference number before the batch number.
    await page.getByRole('link', { name: 'Templat Kolom' }).first().click();
    await page.getByRole('heading', { name: 'Templat Kolom Berkas Batch' }).waitFor();
    await page.getByText('Templat unggah massal resmi BPJS Ketenagakerjaan tidak dipublikasikan').waitFor();
    await page.getByRole('button', { name: 'Turunkan kolom 1', exact: true }).click();
    expect(await page.getByLabel('Judul kolom 1', { exact: true }).inputValue()).toBe('NO REFERENSI');
    await page.getByRole('button', { name: 'Simpan templat' }).click();
    await page.getByText('Templat disimpan dan tercatat di audit.').waitFor();
    await screenshot(page, 'exchange-template');
    await page.close();
  });

  it('the branch downloads the batch as XLSX, imports the simulator response; workers are active with KPJ', async () => {
    const page = await openAs('bpjs.bantul');
    await menu(page, 'Kepesertaan');
    await page.getByRole('heading', { name: 'Pertukaran Data BPJS' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Unduh XLSX Batch ${batchId}` }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('NO REFERENSI'); // Disnaker's template order
    expect(sheet.getRow(1).getCell(3).value).toBe('NIK');
    const nik = sheet.getRow(2).getCell(3);
    expect(typeof nik.value).toBe('string');
    expect(String(nik.value)).toMatch(/^\d{16}$/);
    const persons = sheet.rowCount - 1;
    await screenshot(page, 'exchange-batches');

    await page.getByRole('button', { name: `Unggah jawaban Batch ${batchId}` }).click();
    await page
      .getByRole('heading', { name: `Jawaban cabang untuk batch ${batchId} · Petugas Ad Hoc Pemilihan` })
      .waitFor();
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
    const summary = (await status.textContent()) ?? '';
    const [, rows, accepted, rejected] =
      /^(\d+) baris: (\d+) diterima, (\d+) ditolak, 0 sudah tercatat/.exec(summary) ?? [];
    expect(Number(rows)).toBe(persons);
    expect(Number(accepted) + Number(rejected)).toBe(persons);
    expect(Number(accepted)).toBeGreaterThan(0);
    await page.getByRole('table', { name: 'Pratinjau jawaban' }).waitFor();
    await screenshot(page, 'exchange-response-preview');

    await page.getByRole('button', { name: 'Terapkan jawaban', exact: true }).click();
    await page.getByText(`Jawaban diterapkan: ${accepted} peserta aktif dengan KPJ, ${rejected} ditolak.`).waitFor();

    const active = await enrollments(page, 'status=active');
    expect(active.items.length).toBe(Number(accepted));
    expect(active.items.every((e) => /^\d{11}$/.test(e.kpjNumber ?? ''))).toBe(true);

    await page.goto(`${lindung.url}/program/${programId}`);
    await page.getByRole('tab', { name: 'Peserta' }).click();
    const list = page.getByRole('table', { name: 'Daftar kepesertaan program' });
    const first = active.items[0]!;
    const row = list.getByRole('row').filter({ hasText: first.fullName });
    // Accepted with coverage from the first day of next month: not started yet (issue 12 §1).
    await row
      .getByText(/^Belum mulai \(mulai 1 /)
      .first()
      .waitFor();
    expect(await row.textContent()).toContain(first.kpjNumber!);
    await screenshot(page, 'exchange-program-active');
    await page.close();
  });

  it('a snapshot file is uploaded and the reconciliation page shows the counts', async () => {
    const page = await openAs('bpjs.bantul');
    await menu(page, 'Snapshot Peserta');
    await page.getByRole('heading', { name: 'Snapshot Peserta BPJS' }).waitFor();
    // The demo's simulated snapshot is listed already.
    await page.getByRole('table', { name: 'Daftar snapshot' }).getByText('Simulator').waitFor();
    await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'snapshot-bantul.csv'));
    await page.getByRole('button', { name: 'Unggah snapshot' }).click();
    await page.getByText('Snapshot tersimpan: 4 peserta, 0 di antaranya ada di daftar pekerja Lindung.').waitFor();
    await screenshot(page, 'exchange-snapshot');

    await menu(page, 'Rekonsiliasi');
    await page.getByRole('heading', { name: 'Rekonsiliasi Kepesertaan' }).waitFor();
    const api = JSON.parse((await callApi(page, 'GET', '/api/exchange/reconciliation?kind=outside')).body) as {
      counts: Record<'matched' | 'mismatched' | 'missing' | 'outside', number>;
    };
    // The uploaded file is now the current snapshot: its four people are outside Lindung, nobody matches, and
    // every active Lindung participant (the demo's and the batch just answered) is missing from it.
    expect(api.counts).toMatchObject({ matched: 0, mismatched: 0, outside: 4 });
    expect(api.counts.missing).toBeGreaterThan(0);
    const count = (kind: string) => page.getByTestId(`recon-count-${kind}`).textContent();
    await expect.poll(() => count('outside')).toContain('4');
    expect(await count('missing')).toContain(api.counts.missing.toLocaleString('id-ID'));
    expect(await count('matched')).toContain('Cocok0');
    await page.getByTestId('recon-count-outside').click();
    const list = page.getByRole('table', { name: 'Daftar rekonsiliasi: Di luar Lindung' });
    await expect.poll(() => list.getByRole('row').count()).toBe(5);
    expect(await list.textContent()).toContain('340201••••••0001');
    await screenshot(page, 'exchange-reconciliation');
    await page.close();
  });

  it('the branch asks a village to check a participant missing from its snapshot; the village operator answers', async () => {
    const page = await openAs('bpjs.bantul');
    await menu(page, 'Rekonsiliasi');
    await page.getByTestId('recon-count-missing').click();
    const missing = JSON.parse(
      (await callApi(page, 'GET', '/api/exchange/reconciliation?kind=missing&page=1&pageSize=50')).body,
    ) as { items: { fullName: string; village: string | null; villageLabel: string }[] };
    const person = missing.items.find((i) => i.village !== null)!;
    const list = page.getByRole('table', { name: 'Daftar rekonsiliasi: Tidak ada di BPJS' });
    const row = list.getByRole('row').filter({ hasText: person.fullName }).first();
    await row.getByRole('button', { name: `Minta desa cek: ${person.fullName}` }).click();
    await page.getByText(`Permintaan cek dikirim ke operator ${person.villageLabel}.`).waitFor();
    await row.getByText('Menunggu jawaban desa').waitFor();
    await screenshot(page, 'exchange-reconciliation-ask-village');
    await page.close();

    // The operator of that village sees the request under "Permintaan Cek" and answers it.
    const admin = await openAs('admin.bantul');
    const operator = { username: 'operator.cek.desa', password: 'uji-cek-desa-2026' };
    const created = await callApi(admin, 'POST', '/api/users', {
      ...operator,
      displayName: 'Operator Desa Cek',
      role: 'operator',
      region: person.village,
    });
    expect(created.status, created.body).toBe(201);
    await admin.close();
    const village = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(village, lindung, operator.username, operator.password);
    await menu(village, 'Permintaan Cek');
    await village.getByRole('heading', { name: 'Permintaan Cek Desa' }).waitFor();
    const checks = village.getByRole('table', { name: 'Daftar permintaan cek desa' });
    const request = checks.getByRole('row').filter({ hasText: person.fullName });
    expect(await request.textContent()).toContain('aktif di Lindung, tidak ada di snapshot BPJS');
    expect(await request.textContent()).toMatch(/\d{6}••••••\d{4}/);
    await request.getByRole('button', { name: `Jawab: ${person.fullName}` }).click();
    const dialog = village.getByRole('dialog', { name: `Jawaban untuk ${person.fullName}` });
    await dialog.getByLabel('Jawaban desa').fill('Sudah dicek: masih tinggal di desa, kartu BPJS belum diterima');
    await dialog.getByRole('button', { name: 'Kirim jawaban' }).click();
    await request.getByText('Sudah dicek: masih tinggal di desa, kartu BPJS belum diterima').waitFor();
    await screenshot(village, 'exchange-village-check-answered');
    const audit = await callApi(village, 'GET', '/api/exchange/village-checks?status=done');
    expect(JSON.parse(audit.body)).toMatchObject({ items: [{ status: 'done', resolvedBy: operator.username }] });
    await village.close();
  });
});
