import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ClaimList } from '../lib/contracts/claims.ts';
import { callApiOk, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// Claims (issue 15, first slice), on the demo: two BPU workers of the operator's village, one paying, one lapsed
// (registered by the operator, their membership from a BPJS snapshot upload). The operator reports the death of a BPU worker who is covered
// today and sees "Tertanggung", the KPJ, and the JKM lines with their legal basis (Rp42.000.000); records an heir;
// a second death, of a worker whose protection lapsed, lands in the not-protected ledger with the reason and the
// benefit the family missed. The covered death goes the whole way in the browser (issue 15, "Must show"): the
// documents uploaded, the file handed to BPJS, the payment recorded by a BPJS user, and the benefit delivered on the
// Disnaker dashboard; the leader's dashboard shows the aggregates only.

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
  const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
  await signIn(page, lindung, username);
  return page;
}

const api = <T>(page: Page, method: string, path: string, body?: unknown) =>
  callApiOk<T>(page, lindung, method, path, body);

const TRIRENGGO = '34.02.08.2004';
const COVERED = { nik: '3402084107809871', fullName: 'Sri Rahayu Klaim', nikMasked: '340208••••••9871' };
const LAPSED = { nik: '3402081503829872', fullName: 'Bambang Lapsed Klaim', nikMasked: '340208••••••9872' };

/** MM-YYYY of the month `delta` months from now (WIB is close enough at month level for these dates). */
function monthText(delta: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + delta);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

/**
 * The demo leaves the operator's village without workers: the operator registers two BPU workers, and the BPJS
 * branch uploads a snapshot in which one pays through this month (covered) and one stopped paying half a year
 * ago (lapsed).
 */
const workerIds = new Map<string, string>();

async function setUp() {
  const op = await openAs('operator.trirenggo');
  for (const [w, birthDate, sex] of [
    [COVERED, '1980-07-01', 'P'],
    [LAPSED, '1982-03-15', 'L'],
  ] as const) {
    const saved = await api<{ id: string }>(op, 'POST', '/api/workers', {
      nik: w.nik,
      fullName: w.fullName,
      birthDate,
      sex,
      village: TRIRENGGO,
      segment: 'farmer',
      category: 'BPU',
      monthlyIncome: 1_000_000,
    });
    workerIds.set(w.nik, saved.id);
  }
  await op.close();
  const bpjs = await openAs('bpjs.bantul');
  const csv =
    'NIK;NO KPJ;KATEGORI;MULAI;AKHIR;DIBAYAR SAMPAI;KODE DESA\n' +
    `${COVERED.nik};11000009871;BPU;01-06-2022;;${monthText(0)};${TRIRENGGO}\n` +
    `${LAPSED.nik};11000009872;BPU;01-01-2025;;${monthText(-6)};${TRIRENGGO}\n`;
  const r = await bpjs.evaluate(async (body) => {
    const csrf = document.cookie.match(/lindung_csrf=([^;]+)/)?.[1] ?? '';
    const res = await fetch('/api/exchange/snapshots?fileName=snapshot-klaim.csv', {
      method: 'POST',
      headers: { 'x-csrf-token': decodeURIComponent(csrf), 'content-type': 'application/octet-stream' },
      body,
    });
    return { status: res.status, body: await res.text() };
  }, csv);
  if (r.status !== 200) throw new Error(`snapshot upload: ${r.status} ${r.body}`);
  await bpjs.close();
}

/** Reports a death through /klaim/baru and returns the detail page's URL. */
async function reportDeath(page: Page, worker: { fullName: string; nikMasked: string }) {
  await page.goto(`${lindung.url}/klaim/baru`);
  await page.getByLabel('Cari pekerja (NIK, 4 angka terakhir NIK, atau awal nama)').fill(worker.nikMasked.slice(-4));
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await page
    .getByRole('row')
    .filter({ hasText: worker.nikMasked })
    .getByRole('button', { name: `Pilih ${worker.fullName}` })
    .click();
  await expect.poll(() => page.getByTestId('picked-worker').textContent()).toContain(worker.fullName);
  await page.getByRole('radio', { name: /^JKM/ }).check();
  await page.getByLabel('Tempat kejadian').fill('Rumah, Dusun Gunturan');
  await page.getByLabel('Kronologi singkat').fill('Meninggal dunia di rumah setelah sakit tiga hari.');
  await checkpoint(page, 'claim-intake');
  await page.getByRole('button', { name: 'Simpan laporan' }).click();
  await page.waitForURL(/\/klaim\/\d+$/);
  await page.getByTestId('claim-covered').waitFor();
  return page.url();
}

const checkpoint = (page: Page, name: string) => screenshot(page, name);

/** A small valid-looking PDF (the server judges the type from the first bytes). */
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n%%EOF\n`);

const REQUIRED = [
  ['Kartu peserta BPJS Ketenagakerjaan (KPJ)', 'kartu-kpj.pdf'],
  ['e-KTP peserta', 'ktp-peserta.pdf'],
  ['e-KTP ahli waris', 'ktp-ahli-waris.pdf'],
  ['Akta/surat keterangan kematian', 'akta-kematian.pdf'],
  ['Kartu Keluarga', 'kartu-keluarga.pdf'],
  ['Surat keterangan ahli waris', 'surat-ahli-waris.pdf'],
  ['Buku tabungan', 'buku-tabungan.pdf'],
] as const;

describe('claims: intake, estimate and the not-protected ledger', () => {
  it('an operator reports the death of a covered BPU worker and sees covered, the KPJ and the estimate lines', async () => {
    await setUp();
    const page = await openAs('operator.trirenggo');
    const worker = COVERED;
    const claimUrl = await reportDeath(page, worker);
    await expect.poll(() => page.getByTestId('claim-covered').textContent()).toContain('Tertanggung');
    expect(await page.getByTestId('claim-covered').textContent()).not.toContain('Tidak');
    expect(await page.getByRole('region', { name: 'Kepesertaan pada tanggal kejadian' }).textContent()).toContain(
      '11000009871',
    );
    const estimate = page.getByRole('table', { name: 'Rincian perkiraan manfaat' });
    const lump = estimate.getByRole('row').filter({ hasText: 'Santunan sekaligus' });
    expect(await lump.textContent()).toMatch(/Rp20\.000\.000.*PP 82\/2019/);
    expect(await estimate.getByRole('row').filter({ hasText: 'Biaya pemakaman' }).textContent()).toContain(
      'Rp10.000.000',
    );
    expect(await page.getByTestId('estimate-total').textContent()).toBe('Rp42.000.000');
    await screenshot(page, 'claim-covered');

    // Heirs for the family's claim, masked, from the claim's link.
    await page.getByRole('link', { name: 'Ahli waris' }).click();
    await page.getByRole('heading', { name: `Ahli waris: ${worker.fullName}` }).waitFor();
    expect(await page.getByTestId('heirs-missing').textContent()).toContain('nomor KK');
    await page.getByRole('textbox', { name: /^Nama(\s*\*)?$/ }).fill('Suyatno');
    await page.getByLabel('Nomor rekening').fill('0123456789');
    await page.getByLabel('Bank', { exact: true }).fill('BPD DIY');
    await page.getByRole('button', { name: 'Tambah ahli waris' }).click();
    const heirs = page.getByRole('table', { name: 'Daftar ahli waris' });
    await heirs.getByRole('row').filter({ hasText: 'Suyatno' }).waitFor();
    expect(await heirs.textContent()).toContain('••••6789');
    expect(await heirs.textContent()).not.toContain('0123456789');
    await screenshot(page, 'claim-heirs');
    // The worker page says what a future claim still lacks.
    await page.goto(`${lindung.url}/pekerja/${workerIds.get(COVERED.nik)}`);
    const badge = page.getByTestId('heirs-missing-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toMatch(/nomor KK.*NIK ahli waris/);

    await page.goto(`${lindung.url}/klaim`);
    const list = page.getByRole('table', { name: 'Daftar klaim' });
    await list.getByRole('row').filter({ hasText: worker.fullName }).waitFor();

    // The documents the checklist asks for, uploaded in the browser; the file is complete and handed to BPJS.
    await page.goto(claimUrl);
    const state = page.getByTestId('documents-state');
    await state.waitFor();
    for (const [label, name] of REQUIRED) {
      await page.getByLabel(`Unggah ${label}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf(name) });
      await page.getByRole('link', { name }).waitFor();
    }
    await expect.poll(() => state.textContent()).toBe('Berkas lengkap');
    await page.getByRole('button', { name: 'Nyatakan berkas lengkap' }).click();
    await expect.poll(() => page.getByTestId('claim-stage').textContent()).toBe('Berkas lengkap');
    await page.getByRole('button', { name: 'Serahkan ke BPJS' }).click();
    await expect.poll(() => page.getByTestId('claim-stage').textContent()).toBe('Diserahkan ke BPJS');
    await page.close();

    // A BPJS user records the payment.
    const bpjs = await openAs('bpjs.bantul');
    await bpjs.goto(claimUrl);
    await bpjs.getByTestId('claim-stage').waitFor();
    await bpjs.getByLabel('Jumlah dibayar (Rp)').fill('42000000');
    await bpjs.getByRole('button', { name: 'Catat pembayaran' }).click();
    await expect.poll(() => bpjs.getByTestId('claim-stage').textContent()).toBe('Dibayar');
    await bpjs.close();

    // The Disnaker dashboard shows the benefit delivered, in figures and in words, per programme and region.
    const disnaker = await openAs('disnaker.bantul');
    const card = disnaker.getByRole('region', { name: 'Klaim dan manfaat yang sudah dirasakan' });
    await expect.poll(() => card.textContent()).toContain('Rp42.000.000');
    expect(await card.textContent()).toContain('empat puluh dua juta rupiah');
    expect(await card.textContent()).toContain('1 klaim dibayar BPJS Ketenagakerjaan');
    expect(await card.getByRole('table', { name: 'Per wilayah' }).textContent()).toContain('Bantul');
    await screenshot(disnaker, 'claim-figures-disnaker');
    await disnaker.close();
  });

  it('a second death, of a worker whose protection lapsed, lands in the ledger with the reason and the missed amount', async () => {
    const page = await openAs('operator.trirenggo');
    const lapsed = LAPSED;
    await reportDeath(page, lapsed);
    await expect.poll(() => page.getByTestId('claim-covered').textContent()).toContain('Tidak tertanggung');
    expect(await page.getByTestId('claim-covered').textContent()).toContain('Kepesertaan nonaktif karena menunggak');
    expect(await page.getByRole('heading', { name: 'Manfaat yang tidak diterima keluarga' }).count()).toBe(1);
    expect(await page.getByTestId('estimate-total').textContent()).toBe('Rp42.000.000');
    await screenshot(page, 'claim-not-covered');

    await page
      .getByRole('navigation', { name: 'Halaman klaim' })
      .getByRole('link', { name: 'Tak terlindungi' })
      .click();
    await page.waitForURL(/\/klaim\/tak-terlindungi$/);
    const ledger = page.getByRole('table', { name: 'Kejadian tak terlindungi' });
    const row = ledger.getByRole('row').filter({ hasText: lapsed.fullName });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Kepesertaan nonaktif karena menunggak.*Rp42\.000\.000/);
    expect(await page.getByTestId('gap-missed').textContent()).toBe('Rp42.000.000');
    await screenshot(page, 'claim-gap-ledger');

    // The covered claim is not in the ledger; the list filter agrees.
    const gaps = await api<ClaimList>(page, 'GET', '/api/claims?covered=no');
    expect(gaps.items.map((c) => c.workerName)).toEqual([lapsed.fullName]);
    await page.close();

    // The regency's Disnaker sees the same entry, with the region filter and the totals by village.
    const disnaker = await openAs('disnaker.bantul');
    await disnaker.goto(`${lindung.url}/klaim/tak-terlindungi`);
    await disnaker
      .getByRole('table', { name: 'Kejadian tak terlindungi' })
      .getByRole('row')
      .filter({ hasText: lapsed.fullName })
      .waitFor();
    const byVillage = disnaker.getByRole('table', { name: 'Per desa/kelurahan' });
    expect(await byVillage.textContent()).toContain('Trirenggo');
    await screenshot(disnaker, 'claim-gap-ledger-disnaker');

    // A village death list with a person Lindung never registered: checked (nothing saved yet), then saved; the
    // totals move by the missed JKM benefit (issue 15 §6).
    expect(await disnaker.getByTestId('gap-missed').textContent()).toBe('Rp42.000.000');
    const list = `NIK;Nama;Kode desa;Jenis;Tanggal kejadian\n3402081503889873;Warga Daftar Desa;${TRIRENGGO};JKM;01-${monthText(0)}\n`;
    await disnaker
      .locator('input[type="file"]')
      .setInputFiles({ name: 'daftar-kematian.csv', mimeType: 'text/csv', buffer: Buffer.from(list) });
    await disnaker.getByRole('button', { name: 'Periksa daftar' }).click();
    const summary = disnaker.getByTestId('gap-import-summary');
    await expect.poll(() => summary.textContent()).toContain('1 kejadian baru (manfaat terlewat Rp42.000.000)');
    expect(await disnaker.getByRole('table', { name: 'Pratinjau daftar' }).textContent()).toContain(
      'Tidak pernah terdaftar',
    );
    expect(await disnaker.getByTestId('gap-missed').textContent()).toBe('Rp42.000.000');
    await screenshot(disnaker, 'claim-gap-list-preview');
    await disnaker.getByRole('button', { name: 'Simpan 1 kejadian ke buku' }).click();
    await expect.poll(() => disnaker.getByTestId('gap-missed').textContent()).toBe('Rp84.000.000');
    const listed = disnaker
      .getByRole('table', { name: 'Kejadian tak terlindungi' })
      .getByRole('row')
      .filter({ hasText: 'Warga Daftar Desa' });
    expect(await listed.textContent()).toMatch(/daftar-kematian\.csv.*Tidak pernah terdaftar.*Rp42\.000\.000/);
    await disnaker.close();

    // The leader sees the aggregates only: the benefit delivered and what not covering cost, no person, no ledger.
    const leader = await openAs('pimpinan.bantul');
    const card = leader.getByRole('region', { name: 'Klaim dan manfaat yang sudah dirasakan' });
    await expect.poll(() => card.textContent()).toContain('2 kejadian orang yang tidak tertanggung');
    expect(await card.textContent()).not.toContain(lapsed.fullName);
    expect(await card.getByRole('link', { name: 'Buka buku tak terlindungi' }).count()).toBe(0);
    await screenshot(leader, 'claim-figures-pimpinan');
    await leader.close();
  });
});
