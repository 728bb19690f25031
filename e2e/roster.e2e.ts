import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Enrollment, ProgramDetail } from '../lib/contracts/programs.ts';
import { addMonths, currentMonthWib } from '../lib/rules/eligibility.ts';
import { callApiOk, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// "Impor daftar gaji" (issue 18 §2), on the demo: Disnaker has a PU programme of an OPD's non-ASN staff with three
// persons at the reference wage; the OPD's payroll roster raises one wage, leaves one person out, adds a person the
// registry does not know and has one NIK typed into a number cell. The programme page's dialog shows the problem by
// row and column and the diff with Rupiah; accepting registers the new person, proposes them at their wage, ends
// the leaver and re-prices the raise, and the cohort shows it.

const TRIRENGGO = '34.02.08.2004';
const START = addMonths(currentMonthWib(new Date()), 1);
const PROGRAM = 'Pegawai Non ASN Diskominfo Bantul (PU)';
const STAFF = ['Pegawai Tetap Satu', 'Pegawai Keluar Dua', 'Pegawai Naik Tiga'];
const nikOf = (i: number) => `34020846078693${String(i + 1).padStart(2, '0')}`;
const NEW_NIK = '3402081507909871';

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

describe('payroll roster of a PU programme', () => {
  it('uploads the roster on the programme page, shows the diff, accepts it and the cohort changes', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
    await signIn(page, lindung, 'disnaker.bantul');
    const api = <T>(method: string, path: string, body?: unknown) => callApiOk<T>(page, lindung, method, path, body);

    const program = await api<ProgramDetail>('POST', '/api/programs', {
      name: PROGRAM,
      funder: 'apbd_regency',
      funderRegion: '34.02',
      region: '34.02',
      targetSegments: ['non_civil_servant'],
      package: 'jkk_jkm',
      declaredIncome: 2_500_000,
      quota: 10,
      startMonth: START,
      months: 12,
      budgetCeiling: 100_000_000,
      dpaReference: 'DPA Diskominfo 2026',
      minAge: 18,
      maxAge: 60,
      category: 'pu',
      pu: {
        employerName: 'Dinas Komunikasi dan Informatika Kab. Bantul',
        employerKind: 'opd',
        programs: ['jkk', 'jkm', 'jht', 'jp'],
        riskClass: 1,
        employerSize: 'medium',
      },
    });
    const workerIds: string[] = [];
    for (const [i, fullName] of STAFF.entries()) {
      const w = await api<{ id: string }>('POST', '/api/workers', {
        nik: nikOf(i),
        fullName,
        birthDate: '1986-07-06',
        sex: 'P',
        village: TRIRENGGO,
        segment: 'non_civil_servant',
        category: 'PU',
        phone: `08123456792${i}`,
      });
      workerIds.push(w.id);
    }
    await api('POST', `/api/programs/${program.id}/proposals`, { workerIds, fromMonth: START });
    const proposed = await api<{ items: Enrollment[] }>('GET', `/api/programs/${program.id}/enrollments?pageSize=50`);
    await api('POST', `/api/programs/${program.id}/enrollments/verify`, { ids: proposed.items.map((e) => e.id) });

    const roster = [
      'NIK;Nama;Jabatan;OPD/Unit;Gaji;Tanggal mulai;Tanggal selesai;Kode desa',
      `${nikOf(0)};${STAFF[0]};Pranata komputer;Bidang TIK;2.500.000;;;`,
      `${nikOf(2)};${STAFF[2]};Pranata humas;Bidang IKP;Rp 3.000.000;;;`,
      `${NEW_NIK};Pegawai Baru Empat;Operator;Bidang TIK;2.750.000;02/01/2026;;${TRIRENGGO}`,
      `3.40208E+15;Pegawai Salah Ketik;Operator;Bidang TIK;2.600.000;;;`,
    ].join('\n');

    await page.goto(`${lindung.url}/program/${program.id}`);
    await page.getByRole('heading', { name: PROGRAM }).waitFor();
    await page.getByRole('button', { name: 'Impor daftar gaji' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'daftar-gaji.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) });
    await dialog.getByRole('button', { name: 'Periksa daftar gaji' }).click();
    const preview = dialog.getByTestId('roster-preview');
    await preview.getByText('Pendatang (1)').waitFor();
    await preview.getByText('Keluar (1)').waitFor();
    await preview.getByText('Perubahan upah (1)').waitFor();
    const issues = preview.getByRole('table', { name: 'Masalah per baris (1)' });
    const issue = issues.getByRole('row').filter({ hasText: 'angka ilmiah' });
    expect(await issue.getByRole('cell').first().textContent()).toBe('5');
    expect(await issue.getByRole('cell').nth(1).textContent()).toBe('NIK');
    const joiners = preview.getByRole('table', { name: 'Pendatang (1)' });
    await joiners.getByRole('row').filter({ hasText: 'Pegawai Baru Empat' }).getByText('Rp2.750.000').waitFor();
    await joiners.getByText('baru, didaftarkan').waitFor();
    const leavers = preview.getByRole('table', { name: 'Keluar (1)' });
    await leavers.getByRole('row').filter({ hasText: STAFF[1]! }).getByText('Tidak ada di daftar gaji').waitFor();
    const wages = preview.getByRole('table', { name: 'Perubahan upah (1)' });
    const raise = wages.getByRole('row').filter({ hasText: STAFF[2]! });
    await raise.getByText('Rp2.500.000').waitFor();
    await raise.getByText('Rp3.000.000').waitFor();
    await preview.getByText(/^Anggaran: ditahan Rp/).waitFor();
    await screenshot(page, 'pu-roster-preview');

    await dialog.getByRole('button', { name: 'Terima 3 perubahan' }).click();
    await dialog
      .getByText('Daftar gaji diterima: 1 didaftarkan, 1 diusulkan, 1 diakhiri, 0 usulan ditolak, 1 upah diubah.')
      .waitFor();
    await dialog.getByRole('button', { name: 'Batal' }).click();

    const after = await api<{ items: Enrollment[] }>('GET', `/api/programs/${program.id}/enrollments?pageSize=50`);
    const byName = new Map(after.items.map((e) => [e.fullName, e]));
    expect(byName.get(STAFF[1]!)?.status).toBe('ended');
    expect(byName.get(STAFF[1]!)?.endReason).toBe('withdrawn');
    expect(byName.get('Pegawai Baru Empat')?.status).toBe('proposed');
    await page.goto(`${lindung.url}/program/${program.id}?tab=enrolled`);
    const table = page.getByRole('table', { name: 'Daftar kepesertaan program' });
    await table.getByRole('row').filter({ hasText: STAFF[2]! }).getByText('Rp3.000.000').waitFor();
    await table.getByRole('row').filter({ hasText: 'Pegawai Baru Empat' }).getByText('Rp2.750.000').waitFor();
    await screenshot(page, 'pu-roster-accepted');
    await page.close();
  });
});
