import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// Coverage journey (issue 6) on the demo: the Bupati of Bantul signs in and sees the regency's coverage on the
// Dasbor Pimpinan, drills down to a district and a village through the ranking; the public open-data page shows a
// chart without sign-in, and its CSV never shows a count from 1 to 4.

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

describe('coverage journey', () => {
  it('pimpinan sees the regency coverage and drills down to a district and a village', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, lindung, 'pimpinan.bantul');
    await page.getByRole('heading', { name: 'Dasbor Pimpinan' }).waitFor();
    const active = page.getByText('Peserta aktif', { exact: true }).first();
    await active.waitFor();
    // Active participants of the regency: the demo's enrolled and BPJS-snapshot persons, counted once.
    const figure = await page.getByText('Cakupan total', { exact: true }).locator('..').textContent();
    expect(figure).toMatch(/\d/);
    const ranking = page.getByRole('table', { name: /Peringkat Kecamatan/ });
    await ranking.waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.locator('.recharts-line-curve, .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await screenshot(page, 'coverage-pimpinan');

    // Drill down: the district of the demo village, then the village.
    await ranking.getByRole('link', { name: 'Kec. Bantul', exact: true }).click();
    await page.waitForURL(/\/cakupan\?wilayah=34\.02\.08$/);
    const villages = page.getByRole('table', { name: /Peringkat Desa/ });
    await villages.waitFor();
    // The village ranked first (most active participants), then its own page shows the same figure.
    const top = villages.getByRole('row').nth(1);
    const name = (await top.getByRole('link').textContent())!;
    const count = (await top.getByRole('cell').nth(1).textContent())!;
    expect(Number(count.replace(/\./g, ''))).toBeGreaterThan(0);
    await top.getByRole('link').click();
    await page.waitForURL(/\/cakupan\?wilayah=34\.02\.08\.\d{4}$/);
    await page.getByText(name, { exact: true }).first().waitFor();
    const activeCard = page.getByText('Peserta aktif', { exact: true }).first().locator('..');
    await expect.poll(() => activeCard.textContent()).toContain(count);
    // pimpinan see figures, not the people behind them: the figure is not a button
    expect(await page.getByRole('button', { name: /^Peserta aktif: / }).count()).toBe(0);
    await page.locator('.recharts-line-curve').first().waitFor();
    await screenshot(page, 'coverage-village');
    await page.close();
  });

  it('Disnaker opens the people behind the active figure, NIKs masked', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(page, lindung, 'disnaker.bantul');
    await page.getByRole('heading', { name: 'Beranda Disnaker' }).waitFor();
    await page.getByRole('button', { name: /^Peserta aktif: / }).click();
    const list = page.getByRole('table', { name: 'Daftar peserta' });
    await list.waitFor();
    const first = await list.getByRole('row').nth(1).textContent();
    expect(first).toMatch(/\d{4}•{8}\d{4}/);
    await screenshot(page, 'coverage-disnaker-people');
    await page.close();
  });

  it('shows open data with a chart without sign-in, and its CSV has no count from 1 to 4', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${lindung.url}/data-terbuka`);
    await page.getByRole('heading', { name: 'Data Terbuka Cakupan' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'coverage-open-data');
    const csv = await page.evaluate(async () => (await fetch('/open/coverage?format=csv')).text());
    const rows = csv.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(['1', '2', '3', '4']).not.toContain(row.split(',')[4]);
    await page.close();
  });
});
