import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../server/testing/run-cli.ts';
import { launchBrowser, newPage, screenshot, startDemo, type RunningLindung } from './support.ts';

// Contribution journey (issue 5): anyone opens the Kalkulator Iuran without signing in and follows a BPU worker
// from the APBD default through JHT, the PP 50/2025 relief and a date without rules, in Indonesian and English,
// then a construction project; a regency admin reads the rule table and is refused when adding a row.

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until the figure with this test id reads exactly `text` (the calculator answers after a short pause). */
async function figure(page: Page, testId: string, text: string): Promise<void> {
  await page
    .getByTestId(testId)
    .filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) })
    .waitFor();
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('contribution calculator journey', () => {
  it('anyone works out BPU contributions and a yearly budget without signing in', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });

    // From the sign-in page, through the footer link: no account needed.
    await page.goto(`${lindung.url}/masuk`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Kalkulator Iuran' }).waitFor();
    expect(await page.getByRole('link', { name: 'Kalkulator Iuran' }).count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Kalkulator Iuran' }).click();
    await expect.poll(() => page.url()).toContain('/kalkulator');
    await page.getByRole('heading', { name: 'Kalkulator Iuran', level: 1 }).waitFor();

    // The default: one BPU worker at Rp1.000.000, JKK + JKM, paid from the APBD.
    await figure(page, 'quote-total', 'Rp16.800');
    expect(await page.getByLabel('Kategori peserta', { exact: true }).inputValue()).toBe('BPU — Bukan Penerima Upah');
    expect(await page.getByLabel('Penghasilan yang dilaporkan', { exact: true }).inputValue()).toBe(
      'Rp1.000.000 (penghasilan sampai Rp1.099.999)',
    );
    expect(await page.getByLabel('Sumber dana', { exact: true }).inputValue()).toBe('APBD');
    expect(await page.getByLabel('Sektor', { exact: true }).inputValue()).toBe('Lainnya');
    const items = page.getByRole('table', { name: 'Rincian iuran per program' });
    expect(await items.textContent()).toContain('Pemerintah (APBD)');
    expect(await items.textContent()).toContain('PP 44/2015; Permenaker 5/2021');
    const rulesUsed = await page.getByRole('table', { name: 'Aturan yang dipakai' }).textContent();
    expect(rulesUsed).toContain('Iuran JKM BPU');
    expect(rulesUsed).toContain('Penghasilan BPU (baris 1)');
    expect(rulesUsed).toContain('PP 44/2015 Lampiran II');
    expect(rulesUsed).toContain('1 Jul 2015');
    await page.getByText('Santunan tunai tetap: Rp42.000.000').waitFor();
    // Public text cites regulations only: no research notes, rule keys or uncertainty marks.
    const shown = (await page.getByRole('main').textContent()) ?? '';
    expect(shown).not.toMatch(/§|\.md\b|\[[SVM]\]|⚠|bpu\.jkm\.flat|kaltimkita/);

    // 15.000 workers for a year: the exact figure, the short one and the words of a budget letter.
    await page.getByLabel('Jumlah orang', { exact: true }).fill('15000');
    expect(await page.getByLabel('Jumlah orang', { exact: true }).inputValue()).toBe('15.000');
    await figure(page, 'cost-total', 'Rp3.024.000.000');
    await page.getByText('Biaya 12 bulan untuk 15.000 orang').waitFor();
    expect(await page.getByTestId('cost-words').textContent()).toBe(
      'Terbilang: tiga miliar dua puluh empat juta rupiah',
    );
    await page.getByText('Dibulatkan: Rp3,02 miliar').waitFor();
    await screenshot(page, 'calculator-bpu-apbd');

    // JHT is optional for BPU: 2% of the declared income on top.
    await page.getByRole('checkbox', { name: /JHT/ }).check();
    await figure(page, 'quote-total', 'Rp36.800');
    await page.getByRole('checkbox', { name: /JHT/ }).uncheck();
    await figure(page, 'quote-total', 'Rp16.800');

    // Every row of PP 44/2015 Lampiran II is offered; a real income of Rp2.345.678 falls in row 8 (Rp2.400.000).
    await page.getByLabel('Penghasilan yang dilaporkan', { exact: true }).click();
    expect(await page.getByRole('option').count()).toBe(33);
    await page.getByRole('option', { name: 'Rp20.700.000 (penghasilan Rp20.200.000 ke atas)', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('Penghasilan sebenarnya sebulan (boleh kosong)', { exact: true }).fill('2345678');
    await page
      .getByTestId('income-row-match')
      .filter({ hasText: 'Masuk baris 8: penghasilan yang dilaporkan Rp2.400.000.' })
      .waitFor();
    expect(await page.getByLabel('Penghasilan yang dilaporkan', { exact: true }).inputValue()).toBe(
      'Rp2.400.000 (penghasilan Rp2.300.000–Rp2.499.999)',
    );
    await figure(page, 'quote-total', 'Rp30.800');
    await screenshot(page, 'calculator-bpu-income-row');
    await choose(page, 'Penghasilan yang dilaporkan', 'Rp1.000.000 (penghasilan sampai Rp1.099.999)');
    await figure(page, 'quote-total', 'Rp16.800');

    // Paid by the worker in May 2026: PP 50/2025 halves JKK and JKM (not for APBD, APBN or APBDes).
    await choose(page, 'Sumber dana', 'Mandiri');
    await page.getByLabel('Tanggal', { exact: true }).fill('01-05-2026');
    await figure(page, 'quote-total', 'Rp8.400');
    const bases = await page.getByTestId('quote-basis').allTextContents();
    expect(bases).toHaveLength(2);
    for (const basis of bases) expect(basis).toContain('PP 50/2025 Pasal 4');
    expect(await items.textContent()).toContain('sebelum keringanan Rp10.000');
    // The relief ends in December 2026, inside the twelve months: the cost says so month by month.
    await figure(page, 'cost-total', 'Rp2.016.000.000');
    expect(await page.getByTestId('cost-groups').textContent()).toContain(
      'Januari 2027 – April 2027 (4 bulan): Rp16.800 per orang sebulan',
    );
    await screenshot(page, 'calculator-bpu-pp50');

    // Before BPJS Ketenagakerjaan's rules began (July 2015): the server's RULE_GAP, never a zero.
    await page.getByLabel('Tanggal', { exact: true }).fill('01-01-2015');
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'Belum ada aturan iuran' }).waitFor();
    expect(await alert.textContent()).toContain('Iuran belum dapat dihitung');
    expect(await alert.textContent()).toContain('yang berlaku pada 2015-01-01');
    expect(await page.getByTestId('quote-total').count()).toBe(0);
    await screenshot(page, 'calculator-rule-gap');

    // The same page in English: labels from the UI, the message from the server in English too.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await alert.filter({ hasText: 'No contribution rule bpu.mandatory_programs is in force on 2015-01-01' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { name: 'Contribution Calculator', level: 1 }).waitFor();
    for (const label of ['Participant category', 'Declared income', 'Source of funds', 'Sector', 'Date']) {
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
    }
    expect(await page.getByLabel('Source of funds', { exact: true }).inputValue()).toBe('Self-paid (mandiri)');
    await page.getByLabel('Date', { exact: true }).fill('01-05-2026');
    // One number style per language: Rupiah in English as Rp8,400.
    await figure(page, 'quote-total', 'Rp8,400');
    await page.getByText('Monthly contribution per person').waitFor();
    await page.getByText('Cost of 12 months for 15,000 people').waitFor();
    expect(await page.getByTestId('cost-groups').textContent()).toContain(
      'May 2026 – December 2026 (8 months): Rp8,400 per person per month',
    );
    expect(await page.getByRole('table', { name: 'Contribution by programme' }).textContent()).toContain(
      'before relief Rp10,000',
    );
    await screenshot(page, 'calculator-en');

    // Back in Indonesian, a construction project priced by its contract value: paid once, by the contractor.
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await choose(page, 'Kategori peserta', 'Jasa Konstruksi');
    await page.getByLabel('Nilai kontrak', { exact: true }).fill('2000000000');
    await figure(page, 'quote-total', 'Rp2.950.000');
    await page.getByText('Iuran sekali bayar per proyek').waitFor();
    expect(await items.textContent()).toContain('Pemberi kerja');
    await page.setViewportSize({ width: 768, height: 1024 });
    await screenshot(page, 'calculator-jakon-tablet');
    await page.close();
  });

  it('a Disnaker prices its 4.001 non-ASN staff as PU, by wage group, with the employer and worker parts', async () => {
    // Issue 18 §6: non-ASN staff are wage earners (PU), priced on their wages, not as a BPU package. Worked out by
    // hand for January–December 2027, risk group 1, a micro employer, JKK+JKM+JHT:
    //   Rp2.500.000: employer JKK 0,24% 6.000 + JKM 0,30% 7.500 + JHT 3,7% 92.500 = 106.000, worker JHT 2% 50.000;
    //   Rp3.500.000: employer 8.400 + 10.500 + 129.500 = 148.400, worker 70.000.
    //   3.200 × (106.000 + 50.000) + 801 × (148.400 + 70.000) = Rp674.138.400 a month; × 12 = Rp8.089.660.800.
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${lindung.url}/kalkulator`);
    await choose(page, 'Kategori peserta', 'PU — Penerima Upah');
    await page.getByLabel('Tanggal', { exact: true }).fill('01-01-2027');
    await page.getByLabel('Upah sebulan', { exact: true }).fill('2500000');
    await page.getByRole('checkbox', { name: /JHT/ }).check();
    await figure(page, 'quote-total', 'Rp156.000');
    const cohort = page.getByRole('region', { name: 'Kelompok pegawai PU dengan upah berbeda' });
    await cohort.getByLabel('Jumlah orang kelompok 1', { exact: true }).fill('3200');
    await cohort.getByLabel('Upah kelompok 1', { exact: true }).fill('2500000');
    await cohort.getByLabel('Jumlah orang kelompok 2', { exact: true }).fill('801');
    await cohort.getByLabel('Upah kelompok 2', { exact: true }).fill('3500000');
    await figure(page, 'cohort-total', 'Rp8.089.660.800');
    expect(await page.getByTestId('cohort-split').textContent()).toBe(
      'Pemberi kerja Rp5.496.820.800 · potongan upah pekerja Rp2.592.840.000',
    );
    await cohort.getByText('APBD untuk 4.001 orang selama 12 bulan').waitFor();
    const rows = await cohort.getByRole('table', { name: 'Biaya per kelompok upah' }).textContent();
    expect(rows).toContain('Rp5.990.400.000'); // 3.200 × 156.000 × 12
    expect(rows).toContain('Rp2.099.260.800'); // 801 × 218.400 × 12
    await screenshot(page, 'calculator-pu-cohort');
    await page.close();
  });

  it('a regency admin reads the rule table and may not add a row', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${lindung.url}/masuk`);
    await page.getByLabel('Nama pengguna').fill('admin.bantul');
    await page.getByLabel('Kata sandi').fill(lindung.credentials.get('admin.bantul')!);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByText('Selamat datang, Admin Lindung Bantul').waitFor();

    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    expect(await nav.getByRole('link', { name: 'Kalkulator Iuran' }).count()).toBe(1);
    await nav.getByRole('link', { name: 'Aturan Iuran' }).click();
    await expect.poll(() => page.url()).toContain('/admin/aturan-iuran');
    const table = page.getByRole('table', { name: 'Baris aturan iuran' });
    await table.waitFor();
    expect(await page.getByTestId('rule-row').count()).toBeGreaterThan(40);
    const text = await table.textContent();
    // Administrators see both: the citation that is printed, and the internal research note.
    expect(text).toContain('PP 44/2015 (JKM BPU Rp6.800 per bulan)');
    expect(await page.getByRole('columnheader', { name: 'Sitasi hukum' }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Catatan internal (admin)' }).count()).toBe(1);
    expect(text).toContain('pemberi kerja 3,7% + pekerja 2%');
    expect(text).toContain('batas upah Rp10.547.400');
    const note = await page.getByRole('note').first().textContent();
    expect(note).toContain('Riwayat aturan tidak pernah diubah');
    expect(note).toContain('Hanya admin dengan wilayah kerja Seluruh Indonesia');

    // Filters stay in the URL: the BPU rows in force on 1 May 2026.
    await page.getByLabel('Awalan nama aturan').fill('bpu.');
    await page.getByLabel('Berlaku pada').fill('01-05-2026');
    await expect.poll(() => page.url()).toContain('prefix=bpu.');
    await expect.poll(() => page.url()).toContain('date=2026-05-01');
    await expect
      .poll(async () => (await page.getByTestId('rule-group').allTextContents()).every((g) => g.startsWith('bpu.')))
      .toBe(true);
    expect(await page.getByText('bpu.income.row', { exact: true }).count()).toBe(1);
    const lampiran = page.getByTestId('rule-row').filter({ hasText: 'Rp2.400.000' });
    expect(await lampiran.getByTestId('rule-citation').textContent()).toBe('PP 44/2015 Lampiran II');
    expect(await lampiran.getByTestId('rule-note').textContent()).toContain('menunggu verifikasi');
    await screenshot(page, 'rules-admin');

    // Kab. Bantul's admin tries to add a row: the server refuses (national scope only) and says why.
    await page.getByRole('button', { name: 'Tambah aturan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah aturan' });
    await dialog.getByLabel('Nama aturan', { exact: true }).fill('bpu.jkm.flat');
    expect(await dialog.getByLabel('Jenis nilai', { exact: true }).inputValue()).toBe('Jumlah tetap (Rp)');
    await dialog.getByLabel('Berlaku sejak', { exact: true }).fill('01-01-2027');
    await dialog.getByLabel('Sitasi hukum', { exact: true }).fill('PP contoh 1/2027 Pasal 1');
    await dialog.getByLabel('Jumlah', { exact: true }).fill('7000');
    await dialog.getByRole('button', { name: 'Simpan aturan' }).click();
    const refused = dialog.getByRole('alert');
    await refused.filter({ hasText: 'berada di luar wilayah kerja Anda' }).waitFor();
    expect(await refused.textContent()).toContain('Aturan belum tersimpan');
    expect(await refused.textContent()).toContain('Wilayah Seluruh Indonesia (*) berada di luar wilayah kerja Anda.');
    await screenshot(page, 'rules-admin-refused');

    // Nothing was added.
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await page.goto(`${lindung.url}/admin/aturan-iuran?prefix=bpu.jkm.`);
    await page.getByTestId('rule-row').first().waitFor();
    expect(await page.getByTestId('rule-row').count()).toBe(1);
    await page.setViewportSize({ width: 768, height: 1024 });
    await screenshot(page, 'rules-admin-tablet');
    await page.close();
  });

  it('a national admin adds an effective-dated row, and the calculator uses it from that day on', async () => {
    // National administrators are made on the command line, while Lindung is stopped (it holds the data directory).
    await lindung.restart(async () => {
      const made = await runCli(
        [
          'users',
          'add',
          '--username',
          'admin.pusat',
          '--password',
          'pusat-aman-2026',
          '--role',
          'admin',
          '--region',
          '*',
        ],
        { LINDUNG_DATA_DIR: lindung.dataDir },
      );
      expect(made.stdout).toContain('Pengguna admin.pusat (admin, Seluruh Indonesia) dibuat.');
    });
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${lindung.url}/masuk`);
    await page.getByLabel('Nama pengguna').fill('admin.pusat');
    await page.getByLabel('Kata sandi').fill('pusat-aman-2026');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByText('Seluruh Indonesia').first().waitFor();

    await page.goto(`${lindung.url}/admin/aturan-iuran?prefix=bpu.jkm.`);
    await page.getByRole('button', { name: 'Tambah aturan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah aturan' });
    await dialog.getByLabel('Nama aturan', { exact: true }).fill('bpu.jkm.flat');
    await dialog.getByLabel('Berlaku sejak', { exact: true }).fill('01-01-2027');
    await dialog.getByLabel('Sitasi hukum', { exact: true }).fill('PP contoh 1/2027 Pasal 1');
    await dialog.getByLabel('Catatan internal (boleh kosong)', { exact: true }).fill('uji coba [M] ⚠ belum terbit');
    await dialog.getByLabel('Jumlah', { exact: true }).fill('7000');
    await dialog.getByRole('button', { name: 'Simpan aturan' }).click();
    await page.getByText('Aturan bpu.jkm.flat yang berlaku sejak 1 Jan 2027 ditambahkan.').waitFor();
    // The old row is closed the day before, never rewritten: both stand in the table.
    await expect.poll(() => page.getByTestId('rule-row').count()).toBe(2);
    const rows = await page.getByTestId('rule-row').allTextContents();
    expect(
      rows.some((r) => r.includes('PP contoh 1/2027') && r.includes('Rp7.000') && r.includes('belum terbit')),
    ).toBe(true);
    expect(rows.some((r) => r.includes('31 Des 2026'))).toBe(true);

    // The public calculator: Rp16.800 through December 2026, Rp17.000 from January 2027.
    await page.goto(`${lindung.url}/kalkulator`);
    await page.getByLabel('Tanggal', { exact: true }).fill('31-12-2026');
    await figure(page, 'quote-total', 'Rp16.800');
    await page.getByLabel('Tanggal', { exact: true }).fill('01-01-2027');
    await figure(page, 'quote-total', 'Rp17.000');
    const used = await page.getByRole('table', { name: 'Aturan yang dipakai' }).textContent();
    expect(used).toContain('PP contoh 1/2027 Pasal 1');
    // The note stays with the administrators, even for one signed in: the calculator shows the citation only.
    expect(used).not.toContain('belum terbit');
    expect(used).toContain('belum pasti');
    await screenshot(page, 'calculator-new-rule');
    await page.close();
  });
});
