import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { currentMonthWib } from '../lib/rules/eligibility.ts';
import { standing } from '../lib/rules/work-plan.ts';
import { callApi, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// Governance journey (issue 16, Must show), on the demo: Disnaker records Bantul's joint work plan signed by three
// OPDs with a computed item (active participants brought in by Dinas Sosial); the Trirenggo operator registers
// workers through the Dinsos channel (the picker defaults to the village office) and proposes them to a programme
// through that channel; the branch's answer makes them participants from the first of next month; a month later the
// scheduled progress job (run at start, and again on "hitung ulang") moves the item; pimpinan sees the plan's
// standing and the channel league table; a Perbup is registered with its PDF and shows in open data.

const PLAN = 'Rencana Kerja Bersama Perlindungan Pekerja Rentan Bantul';
const ITEM = 'Dinsos: 3 pekerja rentan terdaftar aktif';
// Not the demo's own Perbup 12/2025 (that title is taken), so the rows below are this journey's.
const PERBUP = 'Kepesertaan Jaminan Sosial Ketenagakerjaan sebagai Syarat Perizinan Berusaha';
const PERIOD = { start: '2026-01-01', due: '2027-06-30' };
const MONTH = currentMonthWib(new Date());
const NEXT = MONTH.endsWith('-12') ? `${Number(MONTH.slice(0, 4)) + 1}-01` : nextMonth(MONTH);
const LATER = `${NEXT}-05`;

function nextMonth(m: string) {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return `${y}-${String(mm + 1).padStart(2, '0')}`;
}

let lindung: RunningLindung;
let browser: Browser;
let dinsos = '';
let programId = '';
let accepted = 0;
const workerIds: string[] = [];

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

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const itemRow = (page: Page) =>
  page.getByRole('table', { name: 'Rencana aksi' }).getByRole('row').filter({ hasText: ITEM });

describe('governance journey', () => {
  it('Disnaker records the joint work plan with three OPDs and a computed item', async () => {
    const page = await openAs('disnaker.bantul');
    await page.goto(`${lindung.url}/tata-kelola/rencana-kerja`);
    await page.getByRole('heading', { name: 'Rencana kerja bersama', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Catat rencana kerja' }).click();
    await page.getByLabel('Judul rencana kerja').fill(PLAN);
    await page.getByLabel('Tanggal ditandatangani').fill('2026-02-10');
    await page.getByLabel('Periode mulai').fill(PERIOD.start);
    await page.getByLabel('Periode selesai').fill('2027-12-31');
    const opds = [
      ['Dinas Sosial', 'Kepala Dinas Sosial'],
      ['Bagian Kesejahteraan Rakyat Setda', 'Kepala Bagian Kesra'],
      ['Dinas Pemberdayaan Masyarakat dan Desa', 'Kepala Dinas PMD'],
    ];
    for (const [n, [org, person]] of opds.entries()) {
      await choose(page, `Penanda tangan ${n + 1}: organisasi`, org!);
      await page.getByLabel(`Penanda tangan ${n + 1}: nama/jabatan`).fill(person!);
    }
    await page.getByLabel('Rencana aksi').fill(ITEM);
    await choose(page, 'Organisasi penanggung jawab', 'Dinas Sosial');
    await page.getByLabel('Tenggat').fill(PERIOD.due);
    await choose(page, 'Ukuran', 'Peserta aktif dibawa saluran');
    await page.getByLabel('Target (orang)').fill('3');
    expect(await page.getByLabel('Wilayah ukuran (kode)').inputValue()).toBe('34.02');
    await choose(page, 'Saluran yang dihitung', 'Dinas Sosial');
    await screenshot(page, 'governance-plan-form');
    await page.getByRole('button', { name: 'Simpan rencana kerja' }).click();

    await page.getByRole('heading', { name: PLAN }).waitFor();
    await page.getByText('Kepala Dinas Sosial, Dinas Sosial; Kepala Bagian Kesra').waitFor();
    // Computed by the job, never on page load: nothing yet.
    await itemRow(page).getByText('Belum dihitung').waitFor();
    await page.getByRole('button', { name: 'Hitung ulang kemajuan' }).click();
    await page.getByText('Penghitungan kemajuan diantrekan').waitFor();
    await expect
      .poll(() => itemRow(page).getByTestId('item-progress').textContent(), { timeout: 30_000 })
      .toBe('0 / 3');
    await screenshot(page, 'governance-plan-zero');

    const orgs = await callApi(page, 'GET', '/api/governance/organisations');
    dinsos = (JSON.parse(orgs.body) as { items: { id: string; name: string }[] }).items.find(
      (o) => o.name === 'Dinas Sosial',
    )!.id;
    // A programme that runs from this month (setup through the API; the programmes journey covers the form).
    const created = await callApi(page, 'POST', '/api/programs', {
      name: 'Perlindungan Pekerja Rentan lewat Dinsos',
      funder: 'apbd_regency',
      funderRegion: '34.02',
      region: '34.02',
      targetSegments: ['farmer'],
      package: 'jkk_jkm',
      declaredIncome: 1_000_000,
      quota: 100,
      startMonth: MONTH,
      months: 12,
      budgetCeiling: 20_160_000,
      dpaReference: 'DPA Dinsos 2.07.01',
      minAge: 18,
      maxAge: 65,
    });
    expect(created.status, created.body).toBe(201);
    programId = (JSON.parse(created.body) as { id: string }).id;
    await page.close();
  });

  it('the operator registers workers through the Dinsos channel and proposes them through it', async () => {
    const page = await openAs('operator.trirenggo');
    await page.goto(`${lindung.url}/pekerja/baru`);
    await page.getByRole('heading', { name: 'Tambah pekerja' }).waitFor();
    // The picker starts at the operator's own organisation and can be changed.
    const picker = page.getByRole('textbox', { name: 'Saluran (organisasi yang membawa)', exact: true });
    await expect.poll(() => picker.inputValue()).toBe('Pemerintah Desa Trirenggo · Kantor desa/kelurahan');
    await picker.click();
    await page.getByRole('option', { name: 'Dinas Sosial · OPD', exact: true }).click();
    await page.getByLabel('NIK', { exact: true }).fill('3402084509850031');
    await page.getByLabel('Nama lengkap (sesuai KTP)').fill('Sumirah');
    await page.getByLabel('Tempat lahir').fill('Bantul');
    await page.getByLabel('Pekerjaan', { exact: true }).fill('Petani');
    await page.getByLabel('Pekerjaan', { exact: true }).press('Enter');
    await page.getByLabel('Penghasilan sebulan').fill('1000000');
    await page.getByRole('button', { name: 'Simpan pekerja' }).click();
    await page.getByRole('heading', { name: 'Sumirah' }).waitFor();
    workerIds.push(/\/pekerja\/(\d+)/.exec(page.url())![1]!);

    const base = { birthDate: '1985-09-05', sex: 'P', village: '34.02.08.2004', category: 'BPU', segment: 'farmer' };
    for (const w of [
      { nik: '3402084509850032', fullName: 'Suwarni' },
      { nik: '3402084509850033', fullName: 'Painem' },
    ]) {
      const r = await callApi(page, 'POST', '/api/workers', { ...base, ...w, channelId: dinsos });
      expect(r.status, r.body).toBe(201);
      workerIds.push((JSON.parse(r.body) as { id: string }).id);
    }
    // A channel that is no organisation of the area: a named error in Indonesian, nothing saved.
    const foreign = await callApi(page, 'POST', '/api/workers', {
      ...base,
      nik: '3402084509850034',
      fullName: 'Salah Saluran',
      channelId: '999999',
    });
    expect(foreign.status).toBe(422);
    expect(JSON.parse(foreign.body)).toMatchObject({
      error: { code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('Saluran 999999 tidak dikenal') },
    });
    const found = await callApi(page, 'GET', '/api/workers?name=Salah%20Saluran');
    expect(JSON.parse(found.body)).toMatchObject({ total: 0 });

    const proposed = await callApi(page, 'POST', `/api/programs/${programId}/proposals`, {
      workerIds,
      channelId: dinsos,
    });
    expect(proposed.status, proposed.body).toBeLessThan(300);
    expect(JSON.parse(proposed.body)).toMatchObject({ proposed: 3 });
    await page.close();
  });

  it('Disnaker verifies and sends them; the branch’s answer makes them participants from next month', async () => {
    const page = await openAs('disnaker.bantul');
    const listed = await callApi(page, 'GET', `/api/programs/${programId}/enrollments?pageSize=50`);
    const ids = (JSON.parse(listed.body) as { items: { id: string }[] }).items.map((e) => e.id);
    expect(ids).toHaveLength(3);
    const verified = await callApi(page, 'POST', `/api/programs/${programId}/enrollments/verify`, { ids });
    expect(verified.status, verified.body).toBeLessThan(300);
    const batch = await callApi(page, 'POST', `/api/programs/${programId}/batches`, {});
    expect(batch.status, batch.body).toBeLessThan(300);
    const batchId = (JSON.parse(batch.body) as { batchId: string }).batchId;
    let answer: { status: string; result?: { accepted: number } } = { status: 'pending' };
    await expect
      .poll(
        async () => {
          const r = await callApi(page, 'POST', `/api/exchange/batches/${batchId}/simulator/apply`);
          answer = JSON.parse(r.body) as typeof answer;
          return answer.status;
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe('ready');
    accepted = answer.result!.accepted;
    expect(accepted).toBeGreaterThan(0);
    await page.close();
  });

  it('a month later the scheduled progress job moves the item', async () => {
    // Coverage starts on the first of next month: Lindung runs on, a few days into that month. The progress job
    // runs at start and every hour; "hitung ulang" queues it now.
    await lindung.restart(undefined, { LINDUNG_TODAY: LATER });
    const page = await openAs('disnaker.bantul');
    await page.goto(`${lindung.url}/tata-kelola/rencana-kerja`);
    await page.getByRole('heading', { name: PLAN }).waitFor();
    await page.getByRole('button', { name: 'Hitung ulang kemajuan' }).click();
    await expect
      .poll(() => itemRow(page).getByTestId('item-progress').textContent(), { timeout: 60_000 })
      .toBe(`${accepted} / 3`);
    await itemRow(page).getByRole('img', { name: 'naik' }).waitFor();
    await itemRow(page).getByText('sebelumnya 0').waitFor();
    await page.close();
  });

  it('pimpinan sees the plan on track or late with its numbers, and the channel league table', async () => {
    const page = await openAs('pimpinan.bantul');
    const league = page.getByRole('table', { name: 'Peringkat pertumbuhan peserta aktif' });
    const dinsosRow = league.getByRole('row').filter({ hasText: 'Dinas Sosial' });
    await expect.poll(() => dinsosRow.textContent(), { timeout: 30_000 }).toContain(`+${accepted}`);
    // Channels that brought nobody in are highlighted.
    await league
      .getByRole('row')
      .filter({ hasText: 'Bagian Kesejahteraan Rakyat Setda' })
      .getByText('Tidak tumbuh')
      .waitFor();
    await screenshot(page, 'governance-league-pimpinan');

    await page.goto(`${lindung.url}/tata-kelola/rencana-kerja`);
    await page.getByRole('heading', { name: PLAN }).waitFor();
    const expected = standing({ value: accepted, target: 3, start: PERIOD.start, due: PERIOD.due, today: LATER });
    const words = {
      done: 'Selesai',
      on_track: 'Sesuai jadwal',
      at_risk: 'Berisiko',
      behind: 'Tertinggal',
      late: 'Terlambat',
    };
    await itemRow(page).getByText(words[expected], { exact: true }).waitFor();
    expect(await itemRow(page).getByTestId('item-progress').textContent()).toBe(`${accepted} / 3`);
    expect(await page.getByRole('button', { name: 'Hitung ulang kemajuan' }).count()).toBe(0);
    await screenshot(page, 'governance-plan-pimpinan');
    await page.close();
  });

  it('a Perbup is registered with its PDF and shows in open data', async () => {
    const page = await openAs('disnaker.bantul');
    await page.goto(`${lindung.url}/tata-kelola/regulasi`);
    await page.getByRole('button', { name: 'Catat baru' }).click();
    await choose(page, 'Jenis', 'Perbup');
    await page.getByLabel('Nomor', { exact: true }).fill('17 Tahun 2026');
    await page.getByLabel('Judul').fill(PERBUP);
    await page.getByLabel('Penerbit / penandatangan').fill('Bupati Bantul');
    await page.getByLabel('Berlaku mulai').fill('2026-03-02');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: PERBUP });
    await row.waitFor();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      row.getByRole('button', { name: `Unggah PDF: ${PERBUP}` }).click(),
    ]);
    await chooser.setFiles({
      name: 'perbup-17-2026.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await row.getByRole('link', { name: 'Unduh PDF' }).waitFor();
    await page.close();

    const visitor = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${lindung.url}/data-terbuka/regulasi`);
    const open = visitor.getByRole('row').filter({ hasText: PERBUP });
    await open.waitFor();
    expect(await open.textContent()).toContain('17 Tahun 2026');
    await screenshot(visitor, 'governance-open-regulations');
    await visitor.close();
  });
});
