import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { ClaimDetail } from '../lib/contracts/claims.ts';
import { callApiOk, launchBrowser, newPage, screenshot, signIn, startDemo, type RunningLindung } from './support.ts';

// Claims, second slice (issue 15 §4, §5, §7), on the demo: the death of a covered BPU worker of the operator's
// village is reported; the operator uploads the documents the checklist asks for, the file becomes complete and is
// handed to BPJS with a cover letter (downloaded as PDF); a BPJS user records the payment; the operator records the
// heir's confirmation that the money arrived; an administrator appends a benefit rule row. Every page is checked with axe (screenshot → checkA11y).

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
  const page = await newPage(browser, { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await signIn(page, lindung, username);
  return page;
}

const api = <T>(page: Page, method: string, path: string, body?: unknown) =>
  callApiOk<T>(page, lindung, method, path, body);

const TRIRENGGO = '34.02.08.2004';
const WORKER = { nik: '3402084107809881', fullName: 'Siti Berkas Klaim' };

/** MM-YYYY of this month (WIB is close enough at month level). */
function thisMonth(): string {
  const d = new Date();
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

/** A covered BPU worker (registered by the operator, paying per the BPJS snapshot) and the report of her death. */
async function reportCoveredDeath(): Promise<string> {
  const op = await openAs('operator.trirenggo');
  const saved = await api<{ id: string }>(op, 'POST', '/api/workers', {
    nik: WORKER.nik,
    fullName: WORKER.fullName,
    birthDate: '1980-07-01',
    sex: 'P',
    village: TRIRENGGO,
    segment: 'farmer',
    category: 'BPU',
    monthlyIncome: 1_000_000,
  });
  const bpjs = await openAs('bpjs.bantul');
  const csv =
    'NIK;NO KPJ;KATEGORI;MULAI;AKHIR;DIBAYAR SAMPAI;KODE DESA\n' +
    `${WORKER.nik};11000009881;BPU;01-06-2022;;${thisMonth()};${TRIRENGGO}\n`;
  const r = await bpjs.evaluate(async (body) => {
    const csrf = document.cookie.match(/lindung_csrf=([^;]+)/)?.[1] ?? '';
    const res = await fetch('/api/exchange/snapshots?fileName=snapshot-berkas.csv', {
      method: 'POST',
      headers: { 'x-csrf-token': decodeURIComponent(csrf), 'content-type': 'application/octet-stream' },
      body,
    });
    return { status: res.status, body: await res.text() };
  }, csv);
  if (r.status !== 200) throw new Error(`snapshot upload: ${r.status} ${r.body}`);
  await bpjs.close();
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const claim = await api<ClaimDetail>(op, 'POST', '/api/claims', {
    workerId: saved.id,
    type: 'jkm',
    eventDate: today,
    place: 'Rumah, Dusun Gunturan',
    chronology: 'Meninggal dunia di rumah setelah sakit.',
    witnesses: [],
  });
  expect(claim.covered).toBe(true);
  await op.close();
  return claim.id;
}

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

describe('claims: documents, hand-over to BPJS, payment and receipt', () => {
  it('the operator completes the file and hands it over; BPJS pays; the operator records the receipt', async () => {
    const claimId = await reportCoveredDeath();
    const page = await openAs('operator.trirenggo');
    await page.goto(`${lindung.url}/klaim/${claimId}`);
    const state = page.getByTestId('documents-state');
    await state.waitFor();
    expect(await state.textContent()).toContain('Berkas belum lengkap: 7 dokumen wajib belum ada');
    // A file that is not a PDF/JPEG/PNG is refused, whatever its name says.
    await page.getByLabel('Unggah Dokumen pendukung lain').setInputFiles({
      name: 'bukan-pdf.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html>bukan PDF</html>'),
    });
    await page.getByText('bukan PDF, JPEG atau PNG').waitFor();
    for (const [label, name] of REQUIRED) {
      await page.getByLabel(`Unggah ${label}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf(name) });
      await page.getByRole('link', { name }).waitFor();
    }
    await expect.poll(() => state.textContent()).toBe('Berkas lengkap');
    await screenshot(page, 'claim-documents-complete');

    await page.getByRole('button', { name: 'Nyatakan berkas lengkap' }).click();
    await expect.poll(() => page.getByTestId('claim-stage').textContent()).toBe('Berkas lengkap');
    // The service-level clock runs from the complete file (3 working days for JKM).
    expect(await page.getByTestId('claim-sla').textContent()).toContain('Batas layanan BPJS');
    await page.getByRole('button', { name: 'Serahkan ke BPJS' }).click();
    await expect.poll(() => page.getByTestId('claim-stage').textContent()).toBe('Diserahkan ke BPJS');
    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh surat pengantar (PDF)' }).click(),
    ]);
    expect(letter.suggestedFilename()).toBe(`surat-pengantar-klaim-${claimId}.pdf`);
    expect((await readFile((await letter.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    // Documents are locked once the file is handed over.
    expect(await page.getByLabel('Unggah Buku tabungan').count()).toBe(0);
    await screenshot(page, 'claim-handed');
    await page.close();

    const bpjs = await openAs('bpjs.bantul');
    await bpjs.goto(`${lindung.url}/klaim/${claimId}`);
    await bpjs.getByTestId('claim-stage').waitFor();
    await bpjs.getByLabel('Jumlah dibayar (Rp)').fill('42000000');
    await bpjs.getByRole('button', { name: 'Catat pembayaran' }).click();
    await expect.poll(() => bpjs.getByTestId('claim-stage').textContent()).toBe('Dibayar');
    expect(await bpjs.getByTestId('claim-paid').textContent()).toContain('Rp42.000.000');
    // BPJS does not record the family's receipt.
    expect(await bpjs.getByRole('button', { name: 'Simpan konfirmasi' }).count()).toBe(0);
    await screenshot(bpjs, 'claim-paid-bpjs');
    await bpjs.close();

    const op = await openAs('operator.trirenggo');
    await op.goto(`${lindung.url}/klaim/${claimId}`);
    await op.getByLabel('Ahli waris menyatakan uang sudah diterima').check();
    await op.getByRole('button', { name: 'Simpan konfirmasi' }).click();
    await op.getByTestId('claim-receipt').waitFor();
    expect(await op.getByTestId('claim-receipt').textContent()).toMatch(
      /Diterima: ya\. Diminta imbalan: tidak\. Dicatat oleh operator\.trirenggo/,
    );
    const history = op.getByRole('group', { name: 'Riwayat klaim' });
    for (const step of ['Berkas lengkap', 'Diserahkan ke BPJS', 'Dibayar', 'Konfirmasi penerimaan dicatat']) {
      expect(await history.textContent()).toContain(step);
    }
    await screenshot(op, 'claim-receipt');
    // The claim list shows the stage and filters by it.
    await op.goto(`${lindung.url}/klaim?stage=paid`);
    const row = op.getByRole('table', { name: 'Daftar klaim' }).getByRole('row').filter({ hasText: WORKER.fullName });
    await row.waitFor();
    expect(await row.textContent()).toContain('Dibayar');
    // The holiday calendar of the service levels: readable by the operator (administrators edit it).
    await op.goto(`${lindung.url}/klaim/hari-libur`);
    await op.getByRole('heading', { name: 'Hari libur layanan klaim' }).waitFor();
    expect(await op.getByRole('button', { name: 'Tambah hari libur' }).count()).toBe(0);
    await op.close();

    // The benefit rules (issue 15 §3): an administrator appends a dated row with its legal basis; the row in force
    // ends the day before.
    const admin = await openAs('admin.bantul');
    await admin.goto(`${lindung.url}/klaim/aturan-manfaat`);
    const rules = admin.getByRole('table', { name: 'Daftar baris aturan manfaat' });
    await rules.waitFor();
    await admin.getByRole('textbox', { name: 'Aturan', exact: true }).click();
    await admin.getByRole('option', { name: 'jkm.funeral' }).click();
    await admin.getByLabel('Berlaku sejak').fill('2030-01-01');
    await admin.getByLabel('Nilai baru (Rupiah, kali upah, atau bulan sesuai aturannya)').fill('15000000');
    await admin.getByRole('textbox', { name: 'Dasar hukum' }).fill('PP 99/2029 Pasal 34');
    await admin.getByRole('button', { name: 'Simpan baris baru' }).click();
    const added = rules.getByRole('row').filter({ hasText: 'PP 99/2029 Pasal 34' });
    await added.waitFor();
    expect(await added.textContent()).toMatch(/jkm\.funeral.*Rp15\.000\.000/);
    await screenshot(admin, 'claim-benefit-rules');
    await admin.close();
  });
});
