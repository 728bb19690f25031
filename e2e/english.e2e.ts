import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { NAVIGATION } from '../lib/access/navigation.ts';
import type { Role } from '../lib/access/roles.ts';
import { callApi, launchBrowser, newPage, signIn, startDemo, type RunningLindung } from './support.ts';

// The English walk (issue 12): every role of the demo switches to English and visits every page of its menu, the
// pages one step below it, and the public pages; a page fails when its visible text still holds an Indonesian word.
// Data is not text to translate: table body cells (people, villages, programmes, stored reasons), the demo's
// programme names wherever they appear, anything marked lang="id" (the language switch's "ID", a target's source
// document as typed) and names quoted in a sentence are left out.

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

/**
 * Words of the Indonesian interface that an English page never shows. Chosen so that region names ("Kab. Bantul",
 * "Kec. Sewon"), programme and people's names and legal citations ("PP 44/2015 Pasal 5") do not match them; column
 * headers an English help text quotes because files must carry them ("Jumlah", "Tahun", "Sumber") are left out.
 */
const MARKERS = [
  'Pekerja',
  'pekerja',
  'Tambah',
  'Simpan',
  'Cari',
  'Unduh',
  'Unggah',
  'Belum',
  'belum',
  'Tidak',
  'tidak',
  'dari',
  'bulan',
  'Bulan',
  'Kabupaten',
  'yang',
  'dan',
  'untuk',
  'dengan',
  'Peserta',
  'peserta',
  'Wilayah',
  'wilayah',
  'Semua',
  'Pilih',
  'Batal',
  'Keluar',
  'Iuran',
  'iuran',
  'Tagihan',
  'Laporan',
  'sampai',
  'orang',
  'tahun',
  'atau',
  'sudah',
  'harus',
  'Halaman',
  'Berkas',
  'berkas',
  'Daftar',
  'Usulan',
  'Anggaran',
  'Cakupan',
  'Ubah',
  'Hapus',
  'Kembali',
  'Aturan',
  'Rincian',
  'Terapkan',
];

const MARKER_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${MARKERS.join('|')})(?![\\p{L}\\p{N}])`, 'u');

/** Figures in the Indonesian style (`102.997`, `Rp16.800`, `12,5%`), which English pages write `102,997`, `12.5%`. */
const INDONESIAN_NUMBER_RE = /(?<![\d.,])\d{1,3}(\.\d{3})+(,\d+)?(?![\d.,])|\d,\d+ ?%/;

/** Pages below the menu's pages, per role, that the menu itself does not list. */
const SUBPAGES: Partial<Record<Role, string[]>> = {
  operator: ['/pekerja/baru', '/pekerja/impor', '/pekerja/duplikat'],
  disnaker: [
    '/pekerja/baru',
    '/pekerja/impor',
    '/pekerja/duplikat',
    '/program/baru',
    '/pertukaran/templat',
    '/pertukaran/snapshot',
    '/pertukaran/rekonsiliasi',
    '/cakupan/target',
    '/cakupan/angkatan-kerja',
    '/peringatan-iuran',
    '/admin/users/baru',
  ],
  admin: ['/admin/users/baru'],
};

const PUBLIC_PAGES = ['/kalkulator', '/data-terbuka'];

/** The visible text that should be in English: without table body cells and elements marked lang="id". */
function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.body.cloneNode(true) as HTMLElement;
    for (const el of root.querySelectorAll('tbody td, [lang="id"], script, style, [aria-hidden="true"]')) el.remove();
    // innerText needs layout: measure the clone in the page, off screen.
    root.style.position = 'absolute';
    root.style.left = '-100000px';
    document.documentElement.appendChild(root);
    const text = root.innerText;
    root.remove();
    return text;
  });
}

type Finding = { route: string; text: string };

async function walk(page: Page, route: string, skip: readonly string[]): Promise<Finding[]> {
  await page.goto(`${lindung.url}${route}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Lists and figures load after the heading: wait until nothing is loading any more.
  await page.waitForLoadState('networkidle');
  await page
    .locator('.mantine-Loader-root, [aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  let text = await interfaceText(page);
  for (const name of skip) text = text.split(name).join(' ');
  // Names quoted in an English sentence (the column headers a file must carry) are cited, not translated.
  text = text.replace(/"[^"\n]*"/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => MARKER_RE.test(line) || INDONESIAN_NUMBER_RE.test(line))
    .map((line) => ({ route, text: line }));
}

async function switchToEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'EN', exact: true }).first().click();
  await page.locator('button[aria-pressed="true"]', { hasText: 'EN' }).first().waitFor();
}

const DEMO_USERS = [
  'operator.trirenggo',
  'disnaker.bantul',
  'bpjs.bantul',
  'pimpinan.bantul',
  'asesor.bantul',
  'admin.bantul',
];

function report(findings: readonly Finding[]): string {
  return [...new Set(findings.map((f) => `${f.route}: ${f.text}`))].join('\n');
}

describe('English walk', () => {
  it.each(DEMO_USERS)('%s sees every page of its menu in English', { timeout: 300_000 }, async (username) => {
    expect(lindung.credentials.has(username)).toBe(true);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await newPage(context);
    try {
      await signIn(page, lindung, username);
      await switchToEnglish(page);
      const me = JSON.parse((await callApi(page, 'GET', '/api/me')).body) as { role: Role };
      const programs = await callApi(page, 'GET', '/api/programs');
      const programNames =
        programs.status === 200
          ? (JSON.parse(programs.body) as { items: { name: string }[] }).items.map((p) => p.name)
          : [];
      const routes = [
        ...NAVIGATION[me.role].flatMap((item) => (item.path ? [item.path] : [])),
        ...(SUBPAGES[me.role] ?? []),
      ];
      const findings: Finding[] = [];
      for (const route of new Set(routes)) findings.push(...(await walk(page, route, programNames)));
      expect(report(findings), `Indonesian text on English pages:\n${report(findings)}`).toBe('');
    } finally {
      await context.close();
    }
  });

  it('shows the public pages in English when signed out', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await newPage(context);
    try {
      await page.goto(`${lindung.url}/masuk`);
      await switchToEnglish(page);
      const findings = await walk(page, '/masuk', []);
      for (const route of PUBLIC_PAGES) findings.push(...(await walk(page, route, [])));
      expect(report(findings), `Indonesian text on English pages:\n${report(findings)}`).toBe('');
    } finally {
      await context.close();
    }
  });
});
