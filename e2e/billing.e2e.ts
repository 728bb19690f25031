import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BillList, CoverageCheckResult, LapseList } from '../lib/contracts/billing.ts';
import { formatRupiah } from '../lib/rules/money.ts';
import {
  launchBrowser,
  newPage,
  screenshot,
  startDemo,
  type RunningLindung,
  signIn as signInAs,
  callApi,
} from './support.ts';

// Billing journey (issue 5, part 4), on the demo: Disnaker pays an overdue month of the village-funded programme and
// sees it paid and the arrears drop; an operator of that village sees its unpaid BPU workers in "Peringatan
// Iuran"; the coverage check answers covered for a date before the lapse and not covered, with the reason, after.

const OPERATOR = { username: 'operator.desa.lapse', password: 'uji-peringatan-2026' };

let lindung: RunningLindung;
let browser: Browser;
let lapsed: LapseList['items'][number];

beforeAll(async () => {
  lindung = await startDemo();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lindung?.stop();
});

async function openAs(username: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await newPage(context);
  await signInAs(page, lindung, username, password);
  return page;
}

/** `2026-05-21` → `21-05-2026`, as date fields take it. */
const formDate = (iso: string) => iso.split('-').reverse().join('-');

const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name }).click();

const exactFigure = async (page: Page, key: string) =>
  Number((await page.getByTestId(`bill-total-${key}`).getAttribute('data-exact'))!.replace(/\D/g, ''));

describe('billing journey', () => {
  it('Disnaker pays an overdue month: the bill shows paid and the arrears drop', async () => {
    const page = await openAs('disnaker.bantul');
    await menu(page, 'Tagihan & Pembayaran');
    await page.getByRole('heading', { name: 'Tagihan & Pembayaran' }).waitFor();
    const table = page.getByRole('table', { name: 'Daftar tagihan iuran' });
    await table.getByRole('row').nth(1).waitFor();

    // The village programme has paid only its first month; its later months are overdue.
    const unpaid = JSON.parse((await callApi(page, 'GET', '/api/bills?status=unpaid&pageSize=200')).body) as BillList;
    const bill = unpaid.items
      .filter((b) => b.programName.includes('Dana Desa') && b.overdue)
      .sort((a, b) => b.month.localeCompare(a.month))[0]!;
    expect(bill.persons).toBe(5);
    await page.getByLabel('Program', { exact: true }).fill(bill.programName);
    await page.getByRole('option', { name: bill.programName }).click();
    await expect.poll(() => page.url()).toContain(`programId=${bill.programId}`);
    const mine = JSON.parse((await callApi(page, 'GET', `/api/bills?programId=${bill.programId}`)).body) as BillList;
    await expect.poll(() => exactFigure(page, 'arrears')).toBe(mine.totals.arrears);
    const arrearsBefore = mine.totals.arrears;
    expect(arrearsBefore).toBeGreaterThanOrEqual(bill.outstanding);
    await screenshot(page, 'billing-list');

    const month = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${bill.month}-01T00:00:00Z`),
    );
    await page.getByRole('button', { name: `Catat pembayaran ${bill.programName} ${month}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText(`Sisa tagihan: ${formatRupiah(bill.outstanding)} dari ${formatRupiah(bill.amount)}.`)
      .waitFor();
    await dialog.getByLabel('Nomor SP2D / bukti transfer').fill('SP2D/0042/DD/2026');
    await screenshot(page, 'billing-payment-dialog');
    await dialog.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await page.getByText(`Pembayaran ${formatRupiah(bill.outstanding)} tercatat. Status tagihan: Lunas.`).waitFor();
    // After saving, focus is on the page's heading (keyboard and screen-reader users start from the result).
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    const row = table.getByRole('row').filter({ hasText: month });
    await expect.poll(() => row.textContent()).toContain('Lunas');
    await expect.poll(() => exactFigure(page, 'arrears')).toBe(arrearsBefore - bill.outstanding);
    await page.getByRole('table', { name: 'Daftar pembayaran' }).getByText('SP2D/0042/DD/2026').waitFor();
    await screenshot(page, 'billing-paid');

    const audit = JSON.parse((await callApi(page, 'GET', '/api/audit?action=bill.payment')).body) as {
      items: { actorUsername: string; after: { reference: string } }[];
    };
    expect(audit.items[0]).toMatchObject({
      actorUsername: 'disnaker.bantul',
      after: { reference: 'SP2D/0042/DD/2026' },
    });

    // The lapse list is one click away.
    await page.getByRole('link', { name: 'Lihat peringatan iuran' }).click();
    await page.getByRole('heading', { name: 'Peringatan Iuran' }).waitFor();
    const list = JSON.parse((await callApi(page, 'GET', '/api/lapse-warnings?kind=lapsed')).body) as LapseList;
    lapsed = list.items.find((i) => i.programName === bill.programName)!;
    expect(lapsed).toMatchObject({ kind: 'lapsed', source: 'program' });
    await page.close();
  });

  it('an operator of the village sees the unpaid BPU workers in Peringatan Iuran', async () => {
    const admin = await openAs('admin.bantul');
    const created = await callApi(admin, 'POST', '/api/users', {
      ...OPERATOR,
      displayName: 'Operator Desa Uji',
      role: 'operator',
      region: lapsed.village,
    });
    expect(created.status, created.body).toBe(201);
    await admin.close();

    const page = await openAs(OPERATOR.username, OPERATOR.password);
    // The village keeps the person's mobile number in the registry; the lapse list offers a call and WhatsApp.
    const phoned = await callApi(page, 'PATCH', `/api/workers/${lapsed.workerId}`, { phone: '0812-3456-7890' });
    expect(phoned.status, phoned.body).toBe(200);
    await menu(page, 'Peringatan Iuran');
    await page.getByRole('heading', { name: 'Peringatan Iuran' }).waitFor();
    const table = page.getByRole('table', { name: 'Daftar peringatan iuran' });
    const row = table.getByRole('row').filter({ hasText: lapsed.fullName! });
    await row.waitFor();
    expect(await row.textContent()).toContain(lapsed.nikMasked);
    expect(await row.textContent()).toMatch(/Nonaktif sejak \d+ hari lalu/);
    expect(await row.textContent()).toContain(lapsed.programName);
    await expect.poll(() => page.getByTestId('lapse-counts').textContent()).toMatch(/^\d+ sudah nonaktif · \d+ akan/);

    await page.getByLabel('Keadaan').click();
    await page.getByRole('option', { name: 'Sudah nonaktif' }).click();
    await expect.poll(() => page.url()).toContain('kind=lapsed');
    await row.waitFor();
    expect(await table.getByRole('row').filter({ hasText: lapsed.programName }).count()).toBe(5);
    await screenshot(page, 'lapse-operator');
    expect(await row.getByRole('link', { name: '+6281234567890' }).getAttribute('href')).toBe('tel:+6281234567890');
    const whatsapp = row.getByRole('link', { name: `Kirim WhatsApp ke ${lapsed.fullName!}` });
    expect(await whatsapp.getAttribute('href')).toBe('https://wa.me/6281234567890');
    // The name opens the worker's record.
    await row.getByRole('link', { name: lapsed.fullName!, exact: true }).click();
    await expect.poll(() => page.url()).toContain(`/pekerja/${lapsed.workerId!}`);
    await page.getByRole('heading', { name: lapsed.fullName! }).waitFor();
    await page.close();
  });

  it('the coverage check answers covered before the lapse and not covered after it, with the reason', async () => {
    const page = await openAs('disnaker.bantul');
    const revealed = await callApi(page, 'POST', `/api/workers/${lapsed.workerId}/reveal-nik`);
    const nik = (JSON.parse(revealed.body) as { nik: string }).nik;
    await page.goto(`${lindung.url}/peringatan-iuran`);
    const card = page.getByRole('region', { name: 'Cek kepesertaan' });
    await card.getByLabel('NIK').fill(nik);
    await card.getByLabel('Tanggal').fill(formDate(lapsed.coverageStart));
    await card.getByRole('button', { name: 'Cek' }).click();
    const answer = card.getByTestId('coverage-answer');
    await expect.poll(() => answer.textContent()).toContain('Tertanggung');
    expect(await answer.textContent()).toContain(`Tertanggung: ${lapsed.programName}`);

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await card.getByLabel('Tanggal').fill(formDate(today));
    await card.getByRole('button', { name: 'Cek' }).click();
    await expect.poll(() => answer.textContent()).toContain('Tidak tertanggung');
    expect(await answer.textContent()).toMatch(
      /menunggak sejak .* \(dibayar sampai .*\); nonaktif sejak \d+ \w+ \d{4}/,
    );
    expect(await card.getByRole('table', { name: 'Sumber kepesertaan' }).textContent()).toContain(
      'Nonaktif (menunggak)',
    );
    await screenshot(page, 'coverage-check');

    // The same answer from the API, as claims will ask it.
    const api = await callApi(page, 'GET', `/api/coverage/check?nik=${nik}&date=${today}`);
    expect(api.status).toBe(200);
    const body = JSON.parse(api.body) as CoverageCheckResult;
    expect(Object.keys(body)).toEqual(['covered', 'programs', 'reason']);
    expect(body.covered).toBe(false);
    expect(body.programs).toContainEqual(
      expect.objectContaining({
        program: lapsed.programName,
        source: 'program',
        state: 'lapsed',
        lapseDate: lapsed.lapseDate,
      }),
    );
    await page.close();
  });
});
