import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// Paritrana Award (issue 17) on the demo: Disnaker of Kab. Bantul opens the 2025 self-assessment, prepares it from
// Lindung's live figures, answers a manual indicator and attaches the Perbup as an evidence file (the governance
// register is not in Lindung yet, so the Perbup is attached as a PDF); the pimpinan approves and submits; the
// evidence pack downloads as PDF; the DIY provincial assessor scores the interview of Bantul and of Sleman (seeded as
// submitted by the demo) and sees the ranking. Every page is checked with axe.

let lindung: RunningLindung;
let browser: Browser;
let assessmentUrl = '';

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

const PERBUP = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n');

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
    await page.getByRole('button', { name: 'Simpan' }).first().click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Lampirkan bukti untuk Regulasi berlaku (Perda/Perkada/SE)' }).click(),
    ]);
    await chooser.setFiles({ name: 'perbup-bantul-jamsostek.pdf', mimeType: 'application/pdf', buffer: PERBUP });
    await page.getByRole('link', { name: 'perbup-bantul-jamsostek.pdf' }).waitFor();
    await page
      .getByLabel('Narasi: Kebijakan: regulasi dan anggaran')
      .fill('Perbup jaminan sosial ketenagakerjaan berlaku.');
    await page.getByRole('button', { name: 'Simpan narasi' }).first().click();
    await screenshot(page, 'paritrana-prepared');
    await page.close();
  });

  it('the pimpinan approves and submits; the evidence pack downloads as PDF', async () => {
    const page = await openAs('pimpinan.bantul');
    await page.goto(assessmentUrl);
    await page.getByRole('button', { name: 'Setujui dan kirim' }).click();
    await page.getByText(/SHA-256 snapshot: [0-9a-f]{64}/).waitFor();
    expect(await page.getByRole('button', { name: 'Siapkan angka dari data Lindung' }).count()).toBe(0);
    await screenshot(page, 'paritrana-submitted');
    const [pack] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh paket bukti (PDF)' }).click(),
    ]);
    expect(pack.suggestedFilename()).toBe('paritrana-2025-34.02.pdf');
    const pdf = await readFile((await pack.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(5); // cover, summary, one page per aspect, evidence list
    const dir = path.resolve('.tmp/screenshots');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'paritrana-pack.pdf'), pdf);
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
