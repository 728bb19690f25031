import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, startDemo, type RunningLindung } from './support.ts';

// Foundation journey (issue 2): admin creates an operator for one village and signs out; the operator signs in
// and sees only that village's scope; the same screens once in English; data survives a restart.

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

async function signIn(
  page: Page,
  username: string,
  password: string,
  labels = { user: 'Nama pengguna', pass: 'Kata sandi', submit: 'Masuk' },
) {
  await page.goto(`${lindung.url}/masuk`);
  await page.getByLabel(labels.user).fill(username);
  await page.getByLabel(labels.pass).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

describe('foundation journey', () => {
  it('prints one demo user per role with working passwords', () => {
    for (const u of [
      'admin.bantul',
      'disnaker.bantul',
      'operator.trirenggo',
      'bpjs.bantul',
      'pimpinan.bantul',
      'asesor.bantul',
    ]) {
      expect(lindung.credentials.get(u), u).toMatch(/^[a-z]+-[a-z]+-\d{4}$/);
    }
  });

  it('admin creates an operator for one village, in Indonesian', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(lindung.url);
    await expect.poll(() => page.url()).toContain('/masuk');
    expect(await page.locator('footer').textContent()).toContain('idn-area-data');
    expect(await page.getByRole('link', { name: 'lisensi ODbL' }).count()).toBe(1);

    // A wrong password: the server's message, in Indonesian, in an alert.
    await signIn(page, 'admin.bantul', 'salah-sekali-ini');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Nama pengguna atau kata sandi salah.');

    await signIn(page, 'admin.bantul', lindung.credentials.get('admin.bantul')!);
    await page.getByText('Selamat datang, Admin Lindung Bantul').waitFor();
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    expect(await nav.getByRole('link', { name: 'Pengguna' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Audit' }).count()).toBe(1);

    // The refused sign-in above is a security event on the admin's Keamanan page, with the address it came from.
    await nav.getByRole('link', { name: 'Keamanan' }).click();
    const events = page.getByRole('table', { name: 'Daftar kejadian keamanan' });
    const refused = events.getByRole('row', { name: /Masuk ditolak.*admin\.bantul/ });
    await refused.first().waitFor();
    expect(await refused.first().textContent()).toContain('127.0.0.1');
    await screenshot(page, 'foundation-security-events');

    await nav.getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('table', { name: 'Daftar pengguna' }).waitFor();
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await page.getByLabel('Nama pengguna').fill('operator.poncosari');
    await page.getByLabel('Nama lengkap').fill('Operator Desa Poncosari');
    await page.getByLabel('Kata sandi').fill('1234567890');
    await page.getByLabel('Peran', { exact: true }).fill('Operator');
    await page.getByLabel('Peran', { exact: true }).press('Enter');
    // The admin's scope is Kab. Bantul: province and regency are fixed; pick the district and the village.
    expect(await page.getByLabel('Kabupaten/Kota').isDisabled()).toBe(true);
    await page.getByLabel('Kecamatan').fill('Srandakan');
    await page.getByLabel('Kecamatan').press('Enter');
    await page.getByLabel('Desa/Kelurahan').fill('Poncosari');
    await page.getByLabel('Desa/Kelurahan').press('Enter');
    await page.getByText('Wilayah terpilih: Desa Poncosari, Kec. Srandakan, Kab. Bantul').waitFor();
    // A password on every list of common passwords is refused, saying why; a passphrase is taken.
    await page.getByRole('button', { name: 'Buat pengguna' }).click();
    await page.getByText('Kata sandi terlalu mudah ditebak').first().waitFor();
    await page.getByLabel('Kata sandi').fill('poncosari-aman-2026');
    await screenshot(page, 'foundation-create-operator');
    await page.getByRole('button', { name: 'Buat pengguna' }).click();
    await page.getByText('Pengguna operator.poncosari dibuat').waitFor();

    await page.goto(`${lindung.url}/admin/users?q=poncosari`);
    const row = page.getByRole('row', { name: /operator\.poncosari/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Desa Poncosari');
    expect(await row.textContent()).toContain('Aktif');

    // The creation is in the audit trail.
    await page.goto(`${lindung.url}/admin/audit?action=user.create&actor=admin.bantul`);
    await page.getByRole('table', { name: 'Jejak audit' }).getByText('user.create').first().waitFor();

    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect.poll(() => page.url()).toContain('/masuk');
    await page.close();
  });

  it('the operator sees only that village', async () => {
    const page = await newPage(browser, { viewport: { width: 768, height: 1024 } }); // a tablet
    await signIn(page, 'operator.poncosari', 'poncosari-aman-2026');
    await page.getByText('Selamat datang, Operator Desa Poncosari').waitFor();
    const body = await page.textContent('body');
    expect(body).toContain('Desa Poncosari, Kec. Srandakan, Kab. Bantul');
    expect(body).toContain('Operator Desa/Kelurahan · Desa Poncosari');
    expect(body).not.toContain('Operator Desa/Kelurahan · Kab. Bantul'); // not the regency-wide scope
    // No user management for operators: not in the menu, and the page refuses.
    const menuButton = page.getByRole('button', { name: 'Buka atau tutup menu' });
    if (await menuButton.isVisible()) await menuButton.click();
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    expect(await nav.getByRole('link', { name: 'Pengguna' }).count()).toBe(0);
    await page.goto(`${lindung.url}/admin/users`);
    await page.getByText('Tidak ada akses').waitFor();
    // And the API agrees.
    const api = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(api).toBe(403);
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ role: 'operator', region: '34.02.01.2001' });
    await screenshot(page, 'foundation-operator-tablet');
    await page.close();
  });

  // Before the English screens: the admin's language is still Indonesian.
  it('alerts the admin to a burst of refused sign-ins against one account', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${lindung.url}/masuk`);
    const codes = await page.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 21; i++) {
        const r = await fetch('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
          body: JSON.stringify({ username: 'penyerang.uji', password: `tebakan-ke-${i}` }),
        });
        out.push(r.status);
      }
      return out;
    });
    expect(new Set(codes)).toEqual(new Set([401]));
    await signIn(page, 'admin.bantul', lindung.credentials.get('admin.bantul')!);
    const alert = page.getByRole('alert').filter({ hasText: 'Peringatan keamanan' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Akun penyerang.uji: 21 kejadian');
    // The forged X-Forwarded-For changed nothing: every attempt is counted against the one real address.
    expect(await alert.textContent()).toMatch(/Alamat 127\.0\.0\.1: \d+ kejadian/);
    await alert.getByRole('link', { name: 'Buka halaman Keamanan' }).click();
    await page.getByRole('table', { name: 'Daftar kejadian keamanan' }).getByText('penyerang.uji').first().waitFor();
    await page.close();
  });

  it('the same screens in English', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${lindung.url}/masuk`);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await signIn(page, 'admin.bantul', 'wrong-password-here', {
      user: 'Username',
      pass: 'Password',
      submit: 'Sign in',
    });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong username or password.');
    await signIn(page, 'admin.bantul', lindung.credentials.get('admin.bantul')!, {
      user: 'Username',
      pass: 'Password',
      submit: 'Sign in',
    });
    await page.getByText('Welcome, Admin Lindung Bantul').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Add user' }).waitFor();
    await screenshot(page, 'foundation-users-en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.url()).toContain('/masuk');
    await page.close();
  });

  it('keeps the data when Lindung is stopped and started again', async () => {
    await lindung.restart();
    const page = await newPage(browser);
    await signIn(page, 'operator.poncosari', 'poncosari-aman-2026');
    await page.getByText('Selamat datang, Operator Desa Poncosari').waitFor();
    await page.close();
  });
});
