import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { renderPdf } from './pdf-pages.ts';
import {
  addNationalAdmin,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startDemo,
  type RunningLindung,
} from './support.ts';

// Paritrana Award (issue 17) on the demo: Disnaker of Kab. Bantul opens the 2025 self-assessment, prepares it from
// Lindung's live figures, answers a manual indicator and attaches the Perbup from the governance register (the demo
// registers Bantul's Perbup with its signed PDF); the pimpinan approves and submits; the evidence pack and the cited
// Perbup download as PDF, and their pages are rendered and read; the DIY provincial assessor scores the interview of
// Bantul and of Sleman (seeded as submitted by the demo) and sees the ranking. Last, a national administrator finds
// the published 2025 framework frozen, copies it, edits the draft until it may be published, and publishes it.
// Every page is checked with axe.

let lindung: RunningLindung;
let browser: Browser;
let assessmentUrl = '';
const PERBUP_LABEL = 'PERBUP 12 Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan';
const PERBUP_FILE = 'perbup-bantul-12-2025.pdf';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const squeezed = (text: string) => text.replace(/\s+/g, ' ');

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

describe('Paritrana self-assessment and provincial ranking', () => {
  it('Disnaker of Kab. Bantul prepares the 2025 self-assessment from live figures and attaches the Perbup', async () => {
    const page = await openAs('disnaker.bantul');
    await page.goto(`${lindung.url}/paritrana`);
    await page.getByLabel('Tanggal batas data').fill('2026-06-30');
    await page.getByRole('button', { name: 'Buka penilaian mandiri' }).click();
    await page.waitForURL(/\/paritrana\/\d+$/);
    assessmentUrl = page.url();
    await page.getByText('Angka Lindung belum disiapkan.').waitFor();
    await page.getByRole('button', { name: 'Siapkan angka dari data Lindung' }).click();
    await page.getByText('Angka Lindung belum disiapkan.').waitFor({ state: 'detached' });
    // A live figure with the rows behind it: the demo's APBD programmes.
    const rows = page.getByRole('button', { name: /^Rincian \(\d+ baris\)$/ }).first();
    await rows.click();
    await page.getByRole('textbox', { name: 'Isi Ada PKS dengan BPJS Ketenagakerjaan' }).click();
    await page.getByRole('option', { name: 'Ya' }).click();
    const pks = page.getByRole('row', { name: /Ada PKS dengan BPJS Ketenagakerjaan/ });
    await pks.getByRole('button', { name: 'Simpan', exact: true }).click();
    await pks.getByRole('cell', { name: '100', exact: true }).waitFor(); // yes scores 100
    // The Perbup from the governance register, not a file from the desk: its signed PDF and SHA-256 come along.
    await page
      .getByRole('button', { name: 'Ambil dari register tata kelola untuk Regulasi berlaku (Perda/Perkada/SE)' })
      .click();
    await page.getByRole('menuitem', { name: PERBUP_LABEL }).click();
    await page.getByRole('link', { name: PERBUP_FILE }).waitFor();
    await page.getByText(`Dari register: ${PERBUP_LABEL}`).waitFor();
    await page
      .getByLabel('Narasi: Kebijakan: regulasi dan anggaran')
      .fill('Perbup jaminan sosial ketenagakerjaan berlaku.');
    await page.getByRole('button', { name: 'Simpan narasi' }).first().click();
    await screenshot(page, 'paritrana-prepared');
    await page.close();
  });

  it('the pimpinan approves and submits; the evidence pack and the cited Perbup download, their pages looked at', async () => {
    const page = await openAs('pimpinan.bantul');
    await page.goto(assessmentUrl);
    await page.getByRole('button', { name: 'Setujui dan kirim' }).click();
    const frozen = await page.getByText(/SHA-256 snapshot: [0-9a-f]{64}/).textContent();
    const snapshotSha = frozen!.match(/[0-9a-f]{64}/)![0];
    expect(await page.getByRole('button', { name: 'Siapkan angka dari data Lindung' }).count()).toBe(0);
    await screenshot(page, 'paritrana-submitted');

    // The Perbup as cited: the register's signed PDF, one page, its hash the one the pack lists.
    const [perbupDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: PERBUP_FILE }).click(),
    ]);
    const perbup = await readFile((await perbupDownload.path())!);
    const perbupPages = renderPdf(perbup, { name: 'paritrana-perbup', pages: [1] });
    expect(perbupPages.ink).toHaveLength(1);
    expect(perbupPages.ink[0]).toBeGreaterThan(0.003);
    expect(squeezed(perbupPages.text)).toContain('PERATURAN BUPATI BANTUL NOMOR 12 TAHUN 2025');

    const [pack] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh paket bukti (PDF)' }).click(),
    ]);
    expect(pack.suggestedFilename()).toBe('paritrana-2025-34.02.pdf');
    const pdf = await readFile((await pack.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const rendered = renderPdf(pdf, { name: 'paritrana-pack', pages: [1, 2, 3] });
    // Cover, summary, one page or more per aspect (five), the evidence list: eight pages at least, none blank. A page
    // with only the footer line inks about 0.0004 of its pixels at this resolution; the sparsest real page about 0.002.
    expect(rendered.ink.length).toBeGreaterThanOrEqual(8);
    const pages = rendered.text.split('\f').slice(0, rendered.ink.length).map(squeezed);
    expect(pages).toHaveLength(rendered.ink.length);
    for (const [n, ink] of rendered.ink.entries()) {
      expect(ink, `page ${n + 1}`).toBeGreaterThan(0.001);
      expect(pages[n]!.replace(/Dibuat oleh Lindung.*$/, '').trim().length, `page ${n + 1}`).toBeGreaterThan(40);
    }
    expect(pages[0]).toContain('Paritrana Award 2025: Penilaian Mandiri');
    expect(pages[0]).toContain('Bantul');
    expect(rendered.text.replace(/\s+/g, '')).toContain(snapshotSha); // on the cover
    expect(pages[1]).toContain('Ringkasan nilai');
    for (const aspect of ['Kebijakan: regulasi dan anggaran', 'Wawancara dan komitmen kepala daerah'])
      expect(
        pages.some((p) => p.includes(`Aspek: ${aspect}`)),
        aspect,
      ).toBe(true);
    // Disnaker's manual answer is in the pack: the PKS exists, scored 100.
    expect(pages.find((p) => p.includes('Ada PKS dengan BPJS Ketenagakerjaan Angka Ya Nilai 100'))).toBeDefined();
    const evidencePage = pages.findLast((p) => p.includes('Dokumen bukti'))!;
    expect(evidencePage).toContain(PERBUP_FILE);
    const bare = (text: string) => text.replace(/\s+/g, '');
    expect(bare(evidencePage)).toContain(bare(`Register tata kelola: ${PERBUP_LABEL}`));
    expect(bare(evidencePage)).toContain(sha256(perbup));
    await page.close();
  });

  it('the DIY provincial assessor scores the interview for two regencies and sees the ranking', async () => {
    const page = await openAs('asesor.diy');
    await page.goto(`${lindung.url}/paritrana/provinsi`);
    const bantul = page.getByLabel(/^Nilai saya: Nilai wawancara \(0–100\) untuk .*Bantul/i);
    const sleman = page.getByLabel(/^Nilai saya: Nilai wawancara \(0–100\) untuk .*Sleman/i);
    await bantul.fill('85');
    await page.getByRole('button', { name: /^Simpan nilai: Nilai saya: Nilai wawancara .*Bantul/i }).click();
    await page.getByText('Tersimpan').first().waitFor();
    await sleman.fill('60');
    await page.getByRole('button', { name: /^Simpan nilai: Nilai saya: Nilai wawancara .*Sleman/i }).click();
    await expect.poll(async () => page.getByText('Tersimpan').count()).toBe(2);
    const table = page.getByRole('table', { name: /^Peringkat Paritrana/ });
    await expect.poll(async () => (await table.locator('tbody tr').first().textContent()) ?? '').toMatch(/^1.*Bantul/i);
    expect(await table.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'paritrana-ranking');
    await page.close();
  });
});

describe('Paritrana framework edited by a national administrator', () => {
  it('finds the published 2025 framework frozen, copies it, edits the draft until it may be published, publishes', async () => {
    // National administrators are made on the command line, while Lindung is stopped (it holds the data directory).
    expect(await addNationalAdmin(lindung, 'admin.pusat', 'pusat-aman-2026')).toContain(
      'Pengguna admin.pusat (admin, Seluruh Indonesia) dibuat.',
    );
    const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(page, lindung, 'admin.pusat', 'pusat-aman-2026');
    await page.goto(`${lindung.url}/paritrana`);
    await page.getByRole('link', { name: 'Paritrana Award 2025 (contoh, bobot belum resmi)' }).click();
    await page.getByText('Kerangka ini sudah terbit dan beku').waitFor();
    expect(await page.getByLabel('Bobot reg_in_force', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Simpan draf' }).count()).toBe(0);
    await screenshot(page, 'paritrana-framework-published');

    await page.getByRole('button', { name: 'Salin untuk diubah' }).click();
    await page.getByRole('heading', { name: /^Kerangka Paritrana 2026: .*\(salinan\)$/ }).waitFor();
    // The example's placeholder weights add up to 114: publishing is refused, saying so.
    await page.getByText('Jumlah bobot indikator: 114; harus 100 sebelum terbit.').waitFor();
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByText(/bobot indikator berjumlah 114; harus 100/).waitFor();
    // A falling threshold is refused on saving.
    await page.getByLabel('Ambang 2 reg_in_force', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.getByText(/indikator reg_in_force: ambang harus naik berurutan/).waitFor();
    await page.getByLabel('Ambang 2 reg_in_force', { exact: true }).fill('2');
    await page.getByLabel('Bobot interview', { exact: true }).fill('1');
    await page.getByText('Jumlah bobot indikator: 100 dari 100.').waitFor();
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.getByText('Ada perubahan yang belum disimpan.').waitFor({ state: 'detached' });
    await screenshot(page, 'paritrana-framework-draft');
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByText('Kerangka ini sudah terbit dan beku').waitFor();
    expect(await page.getByLabel('Bobot interview', { exact: true }).inputValue()).toBe('1');
    expect(await page.getByLabel('Bobot interview', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: 'Salin untuk diubah' }).waitFor();
    await page.close();
  });
});
