import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { callApi, launchBrowser, screenshot, signIn, startDemo, type RunningLindung, newPage } from './support.ts';

// Personal data (UU 27/2022): the demo's passwords never reach a redirected output, only an owner-only file; the
// Bantul Disnaker downloads everything held about one worker ("Data saya") as PDF and JSON from the worker's page.

let lindung: RunningLindung;
let browser: Browser;

beforeAll(async () => {
  lindung = await startDemo({ fresh: true }); // this journey is about what the first start prints
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lindung?.stop();
});

describe('personal data journey', () => {
  it('keeps the demo passwords out of the redirected output, in a file only the owner may read', () => {
    const file = `${lindung.dataDir}/demo-credentials.txt`;
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // The six role accounts of Kab. Bantul, the licensing office (issue 21) and the DIY provincial asesor (issue 17).
    expect([...lindung.credentials.keys()].sort()).toEqual(
      [
        'admin.bantul',
        'asesor.bantul',
        'asesor.diy',
        'bpjs.bantul',
        'disnaker.bantul',
        'dpmptsp.bantul',
        'operator.trirenggo',
        'pimpinan.bantul',
      ].sort(),
    );
    for (const password of lindung.credentials.values()) expect(lindung.output()).not.toContain(password);
    expect(lindung.output()).toContain('demo-credentials.txt');
  });

  it('Disnaker downloads "Data saya" of a worker as PDF and JSON', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, lindung, 'disnaker.bantul');
    const list = await callApi(page, 'GET', '/api/workers?pageSize=1');
    const worker = JSON.parse(list.body).items[0] as { id: string; fullName: string };
    await page.goto(`${lindung.url}/pekerja/${worker.id}`);
    await page.getByRole('heading', { name: worker.fullName }).waitFor();
    await screenshot(page, 'personal-data-worker');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Data saya (PDF)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`data-pribadi-${worker.id}.pdf`);
    expect(
      fs
        .readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'JSON', exact: true }).click(),
    ]);
    const data = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
    expect(data.worker.fullName).toBe(worker.fullName);
    expect(data.worker.nik).toMatch(/^\d{16}$/);
    expect(data.generatedBy).toBe('disnaker.bantul');
    await page.close();
  });

  it('the BPJS branch officer reads the worker but sees no such button', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, lindung, 'bpjs.bantul');
    const list = await callApi(page, 'GET', '/api/workers?pageSize=1');
    const worker = JSON.parse(list.body).items[0] as { id: string; fullName: string };
    await page.goto(`${lindung.url}/pekerja/${worker.id}`);
    await page.getByRole('heading', { name: worker.fullName }).waitFor();
    expect(await page.getByRole('link', { name: 'Data saya (PDF)' }).count()).toBe(0);
    await page.close();
  });
});
