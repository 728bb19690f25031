import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HomeTodo } from '../lib/contracts/home.ts';
import { callApi, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// Shell journey (issue 12): a village operator's pages on a tablet (800 × 1280) and a phone (360 × 800) with the
// menu folded behind a burger and nothing cut off; a deep link remembered through sign-in; focus on the new page's
// heading; a wide table that says it scrolls and scrolls by keyboard; each role's home with what waits for it.
// Every page opened here is also checked by axe (WCAG 2.1 AA) through `newPage` and `screenshot`.

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

const OPERATOR_PAGES = [
  { path: '/', name: 'beranda' },
  { path: '/pekerja', name: 'pekerja' },
  { path: '/pekerja/baru', name: 'pekerja-baru' },
  { path: '/pekerja/impor', name: 'impor' },
  { path: '/usulan', name: 'usulan' },
  { path: '/peringatan-iuran', name: 'peringatan-iuran' },
];

/** Nothing wider than the window (no sideways page scroll) and the sign-out button fully on screen. */
async function expectNothingCutOff(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(innerWidth);
  const signOut = page.getByRole('button', { name: 'Keluar' });
  expect(await signOut.isVisible()).toBe(true);
  const box = (await signOut.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(innerWidth);
  // The word itself is whole: its box inside the window and nothing of it hidden by overflow.
  const label = signOut.getByText('Keluar', { exact: true });
  const whole = await label.evaluate((el) => el.scrollWidth <= Math.ceil(el.getBoundingClientRect().width) + 1);
  expect(whole).toBe(true);
  const labelBox = (await label.boundingBox())!;
  expect(labelBox.x + labelBox.width).toBeLessThanOrEqual(Math.min(innerWidth, box.x + box.width));
}

/** Three workers of Desa Trirenggo (the demo leaves the operator's village empty), so the lists have rows. */
async function addWorkers(page: Page) {
  const base = { birthDate: '1985-09-05', sex: 'P', village: '34.02.08.2004', category: 'BPU', segment: 'farmer' };
  for (const w of [
    { nik: '3402084509850031', fullName: 'Sri Wahyuningsih' },
    { nik: '3402084509850032', fullName: 'Tri Astuti' },
    { nik: '3402081203850041', fullName: 'Bambang Sutrisno', sex: 'L', birthDate: '1985-03-12' },
  ]) {
    const r = await callApi(page, 'POST', '/api/workers', { ...base, ...w });
    expect(r.status, r.body).toBe(201);
  }
}

describe('shell journey', () => {
  for (const viewport of [
    { width: 800, height: 1280, name: 'tablet' },
    { width: 360, height: 800, name: 'phone' },
  ]) {
    it(`the operator's pages on a ${viewport.name} (${viewport.width} × ${viewport.height}): menu folded, nothing cut off`, async () => {
      const page = await newPage(browser, { viewport });
      await signIn(page, lindung, 'operator.trirenggo');
      if (viewport.name === 'tablet') await addWorkers(page);
      // The menu folds behind the burger, so the page gets the whole width.
      const burger = page.getByRole('button', { name: 'Buka atau tutup menu' });
      expect(await burger.isVisible()).toBe(true);
      const nav = page.getByRole('navigation', { name: 'Menu utama' });
      expect(await nav.getByRole('link', { name: 'Pekerja' }).isVisible()).toBe(false);
      for (const p of OPERATOR_PAGES) {
        await page.goto(`${lindung.url}${p.path}`);
        await page.locator('h1').first().waitFor();
        await expectNothingCutOff(page);
        await screenshot(page, `shell-operator-${p.name}-${viewport.width}`);
      }
      // The burger opens the menu; choosing a page closes it and puts focus on the new page's heading.
      await burger.click();
      await nav.getByRole('link', { name: 'Pekerja' }).click();
      await page.getByRole('heading', { level: 1, name: 'Pekerja' }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pekerja');
      await expect.poll(() => nav.getByRole('link', { name: 'Pekerja' }).isVisible()).toBe(false);
      await page.close();
    });
  }

  it('a village operator sees no village column; a wide table says it scrolls and scrolls by keyboard', async () => {
    const page = await newPage(browser, { viewport: { width: 360, height: 800 } });
    await signIn(page, lindung, 'operator.trirenggo');
    await page.goto(`${lindung.url}/pekerja`);
    const table = page.getByRole('table', { name: 'Daftar pekerja' });
    await table.getByRole('row').nth(1).waitFor();
    expect(await table.getByRole('columnheader', { name: 'Desa/Kelurahan' }).count()).toBe(0);
    const region = page.getByRole('region', { name: /Daftar pekerja \(dapat digeser ke samping/ });
    await region.waitFor();
    expect(await page.getByText('Tabel ini lebih lebar dari layar').isVisible()).toBe(true);
    expect(await region.getAttribute('tabindex')).toBe('0');
    await region.focus();
    const before = await region.evaluate((el) => el.scrollLeft);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
    // Disnaker works across villages: the column is there.
    const disnaker = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(disnaker, lindung, 'disnaker.bantul');
    await disnaker.goto(`${lindung.url}/pekerja`);
    const all = disnaker.getByRole('table', { name: 'Daftar pekerja' });
    await all.getByRole('row').nth(1).waitFor();
    expect(await all.getByRole('columnheader', { name: 'Desa/Kelurahan' }).count()).toBe(1);
    await page.close();
    await disnaker.close();
  });

  it('a deep link asked for before signing in is where the person lands after signing in', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await newPage(context);
    await page.goto(`${lindung.url}/pekerja?q=sri`);
    await expect.poll(() => page.url()).toContain('/masuk?kembali=%2Fpekerja%3Fq%3Dsri');
    await page.getByLabel('Nama pengguna').fill('disnaker.bantul');
    await page.getByLabel('Kata sandi').fill(lindung.credentials.get('disnaker.bantul')!);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Pekerja' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/pekerja?q=sri');
    expect(await page.getByLabel('Cari pekerja').inputValue()).toBe('sri');
    await screenshot(page, 'shell-deep-link');
    // Signing out forgets the page: the next person starts at home.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect.poll(() => page.url()).toBe(`${lindung.url}/masuk`);
    await context.close();
  });

  it("each role's home says what waits for it, with the server's counts", async () => {
    for (const username of ['disnaker.bantul', 'bpjs.bantul', 'admin.bantul', 'operator.trirenggo']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await newPage(context);
      await signIn(page, lindung, username);
      const todo = JSON.parse((await callApi(page, 'GET', '/api/home/todo')).body) as HomeTodo;
      expect(todo.items.length, username).toBeGreaterThan(0);
      const section = page.getByRole('region', { name: 'Yang menunggu Anda' });
      await section.waitFor();
      for (const item of todo.items) {
        const shown = (await page.getByTestId(`todo-${item.key}-count`).textContent())!;
        if (item.key === 'snapshotDue') expect(shown).toBe(item.count > 0 ? '!' : '✓');
        else expect(Number(shown.replace(/\D/g, ''))).toBe(item.count);
      }
      await screenshot(page, `shell-home-${username.split('.')[0]}`);
      await context.close();
    }
    // The asesor's home leads to the province's Paritrana ranking.
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, lindung, 'asesor.bantul');
    await page.getByRole('link', { name: 'Buka peringkat dan penilaian provinsi' }).waitFor();
    await screenshot(page, 'shell-home-asesor');
    await page.close();
  });
});
