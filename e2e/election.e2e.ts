import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ElectionCountdown, ElectionRoster } from '../lib/contracts/election.ts';
import type { ContinuationPerson, Enrollment } from '../lib/contracts/programs.ts';
import { composeNik } from '../lib/rules/nik.ts';
import { callApiOk, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';
import { startKpuProgramForm } from './pu-form.ts';

// The election roster guard (issue 18 §3) on the 2024 Pilkada of Kab. Bantul, polling day 27 November 2024. With
// Lindung's day pinned to 1 October 2024 (before polling day), Disnaker creates the KPU's ad hoc officers' PU
// programme with the service months November–December 2024, uploads the roster, sees who is not yet covered per
// village and TPS, proposes them all for exactly the service months; the batch goes to the simulated BPJS branch and
// the home page's countdown falls to zero. With the day moved past the period, the officers are on the
// "lanjutkan mandiri" list and one letter downloads.

const TRIRENGGO = '34.02.08.2004';
const PALBAPANG = '34.02.08.2001';
const BEFORE = '2024-10-01';
const AFTER = '2025-01-06';
const PROGRAM = 'Badan Ad Hoc Pilkada 2024 Kab. Bantul';
// Birth dates no demo worker has: the NIKs are new to the registry.
const nik = (serial: number, sex: 'L' | 'P') => composeNik('34.02.08', '1979-02-28', sex, 9900 + serial);
const OFFICERS = [
  { name: 'Suryanto Ketua KPPS', nik: nik(1, 'L'), role: 'Ketua KPPS', village: TRIRENGGO, tps: '1', fee: '1.200.000' },
  {
    name: 'Lestari Anggota KPPS',
    nik: nik(2, 'P'),
    role: 'Anggota KPPS',
    village: TRIRENGGO,
    tps: '1',
    fee: '1.100.000',
  },
  {
    name: 'Warsito Ketertiban',
    nik: nik(3, 'L'),
    role: 'Petugas Ketertiban TPS',
    village: TRIRENGGO,
    tps: '2',
    fee: '800.000',
  },
  { name: 'Handayani PPS', nik: nik(4, 'P'), role: 'PPS', village: TRIRENGGO, tps: '', fee: '1.500.000' },
  { name: 'Sugeng PPS', nik: nik(5, 'L'), role: 'PPS', village: PALBAPANG, tps: '', fee: '1.500.000' },
  { name: 'Ratna Pantarlih', nik: nik(6, 'P'), role: 'Pantarlih', village: PALBAPANG, tps: '', fee: '1.000.000' },
];
const ROSTER = [
  'NIK;Nama;Jabatan;Kode desa;TPS;Honorarium',
  ...OFFICERS.map((o) => `${o.nik};${o.name};${o.role};${o.village};${o.tps};${o.fee}`),
].join('\n');

type Page1<T> = { items: T[]; total: number };

let lindung: RunningLindung;
let browser: Browser;
let programId: string;

beforeAll(async () => {
  lindung = await startDemo();
  await lindung.restart(undefined, { LINDUNG_TODAY: BEFORE });
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

const api = <T>(page: Page, method: string, path: string, body?: unknown) =>
  callApiOk<T>(page, lindung, method, path, body);

describe('the election roster guard', () => {
  it('Disnaker imports the Pilkada roster, sees who is uncovered per village, proposes all; the countdown reaches zero', async () => {
    const page = await openAs('disnaker.bantul');
    await startKpuProgramForm(page, lindung, { name: PROGRAM, dpa: 'NPHD Pilkada 2024 Kab. Bantul' });
    await page.getByLabel('Masa tugas dari bulan').fill('2024-11');
    await page.getByLabel('Masa tugas sampai bulan').fill('2024-12');
    await page.getByLabel('Hari pemungutan suara').fill('27-11-2024');
    await page.getByLabel('Petugas pemilu ad hoc', { exact: true }).check();
    await page.getByLabel('Upah acuan (Rp per bulan)').fill('1200000');
    await page.getByLabel('Kuota (orang)').fill('20');
    await page.getByLabel('Bulan pertama').fill('2024-10');
    await page.getByLabel('Lama periode (bulan)').fill('3');
    await page.getByLabel('Pagu anggaran').fill('20000000');
    await screenshot(page, 'election-form');
    await page.getByRole('button', { name: 'Simpan program' }).click();
    await page.getByRole('heading', { name: PROGRAM }).waitFor();
    programId = page.url().split('/').pop()!;

    // The roster page: upload, then the officers per village and TPS, none covered yet.
    await page.getByRole('link', { name: 'Petugas pemilu' }).click();
    await page.getByRole('heading', { name: `Petugas pemilu: ${PROGRAM}` }).waitFor();
    await page
      .getByTestId('election-months')
      .getByText(/November 2024, Desember 2024/)
      .waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'petugas-pilkada-bantul.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ROSTER, 'utf8'),
    });
    await page.getByRole('button', { name: 'Unggah daftar petugas' }).click();
    await page.getByText('6 petugas tersimpan dari 6 baris; 6 didaftarkan sebagai pekerja baru.').waitFor();
    await page
      .getByTestId('election-totals')
      .getByText('6 petugas · 0 terlindungi · 0 sedang diproses · 6 belum diusulkan')
      .waitFor();
    const places = page.getByRole('table', { name: 'Petugas per desa dan TPS' });
    const tps1 = places.getByRole('row').filter({ hasText: 'Trirenggo' }).filter({ hasText: '001' });
    await expect(tps1.getByRole('cell').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['001', '2', '0']));
    const uncovered = page.getByRole('table', { name: 'Petugas yang belum terlindungi' });
    for (const o of OFFICERS) await uncovered.getByRole('row').filter({ hasText: o.name }).waitFor();
    await screenshot(page, 'election-roster');

    // The Disnaker home counts down: 57 days to polling day, 6 officers left.
    await page.goto(lindung.url);
    const countdown = page.getByTestId('election-countdown');
    await countdown.getByText(/57 hari menuju pemungutan suara .* 6 dari 6 petugas belum terlindungi/).waitFor();

    // "Usulkan semua": every officer, for exactly November–December 2024, at their honorarium.
    await page.goto(`${lindung.url}/program/${programId}/petugas-pemilu`);
    await page.getByRole('button', { name: 'Usulkan semua (6 orang)' }).click();
    // The outcome, or the error that refused it, says what happened.
    const outcome = page.getByTestId('election-proposed').or(page.getByRole('alert'));
    await outcome.first().waitFor();
    expect(await outcome.first().innerText()).toMatch(/6 petugas diusulkan untuk November 2024 s\.d\. Desember 2024/);
    await page
      .getByTestId('election-totals')
      .getByText(/6 sedang diproses · 0 belum diusulkan/)
      .waitFor();
    const proposed = await api<Page1<Enrollment>>(page, 'GET', `/api/programs/${programId}/enrollments?pageSize=50`);
    expect(proposed.items.map((e) => [e.firstMonth, e.lastMonth])).toEqual(Array(6).fill(['2024-11', '2024-12']));
    expect(proposed.items.map((e) => e.wage).sort((a, b) => a! - b!)).toEqual([
      800_000, 1_000_000, 1_100_000, 1_200_000, 1_500_000, 1_500_000,
    ]);
    // Proposed is not yet covered: the countdown still counts all six.
    const before = await api<ElectionCountdown>(page, 'GET', '/api/home/elections');
    expect(before.items).toEqual([expect.objectContaining({ programId, daysLeft: 57, officers: 6, uncovered: 6 })]);

    // The batch goes to BPJS (the simulated branch) and comes back with KPJ numbers.
    await api(page, 'POST', `/api/programs/${programId}/enrollments/verify`, { ids: proposed.items.map((e) => e.id) });
    const batch = await api<{ batchId: string }>(page, 'POST', `/api/programs/${programId}/batches`);
    await api(page, 'POST', `/api/exchange/batches/${batch.batchId}/simulator/apply`);
    const active = await api<Page1<Enrollment>>(page, 'GET', `/api/programs/${programId}/enrollments?pageSize=50`);
    expect(active.items.every((e) => e.status === 'active' && e.kpjNumber)).toBe(true);

    await page.goto(lindung.url);
    await countdown.getByText(/57 hari menuju pemungutan suara .* 0 dari 6 petugas belum terlindungi/).waitFor();
    await screenshot(page, 'election-countdown');
    const roster = await api<ElectionRoster>(page, 'GET', `/api/programs/${programId}/election`);
    expect(roster.totals).toEqual({ officers: 6, covered: 6, inProcess: 0, uncovered: 0 });
    await page.close();
  });

  it('after the period the officers are on the continuation list and one letter downloads', async () => {
    await lindung.restart(undefined, { LINDUNG_TODAY: AFTER });
    const page = await openAs('disnaker.bantul');
    // The service is over: no countdown any more.
    const after = await api<ElectionCountdown>(page, 'GET', '/api/home/elections');
    expect(after.items).toEqual([]);
    await page.goto(`${lindung.url}/program/${programId}`);
    await page.getByRole('link', { name: 'Lanjutkan mandiri' }).click();
    await page.getByRole('heading', { name: 'Lanjutkan mandiri' }).waitFor();
    const table = page.getByRole('table', { name: 'Daftar lanjutkan mandiri' });
    for (const o of OFFICERS)
      await table.getByRole('row').filter({ hasText: o.name }).getByText('Masa tugas pemilu selesai').waitFor();
    const listed = await api<Page1<ContinuationPerson>>(page, 'GET', `/api/programs/continuation?program=${programId}`);
    expect(listed.items.map((p) => p.fullName).sort()).toEqual(OFFICERS.map((o) => o.name).sort());
    expect(listed.items.every((p) => p.reason === 'election_over' && p.lastMonth === '2024-12')).toBe(true);
    await screenshot(page, 'election-continuation');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Unduh surat untuk ${OFFICERS[0]!.name}` }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^lanjutkan-mandiri-\d+\.pdf$/);
    await page.close();
  });
});
