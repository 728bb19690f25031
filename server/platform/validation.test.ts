import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loginRequest } from '../../lib/contracts/access.ts';
import { workerCreate } from '../../lib/contracts/workers.ts';
import { loadConfig } from '../config.ts';
import { createHttpServer, type App } from './http.ts';
import { createLogger } from './logger.ts';
import { fieldLabel } from './validation.ts';

// The real HTTP server and the real contracts: a refused request names the field by its form label, in the
// caller's language, and never by its path; the path stays in the issue for the form.

let app: App;

beforeAll(async () => {
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: '.tmp/no-web' });
  app = await createHttpServer(config, createLogger('silent'), async () => null);
  const open = { access: { public: true as const } };
  app.post('/login', { schema: { body: loginRequest }, config: open }, async () => ({ ok: true }));
  app.post('/workers', { schema: { body: workerCreate }, config: open }, async () => ({ ok: true }));
  app.get(
    '/list',
    { schema: { querystring: z.strictObject({ page: z.coerce.number().int().min(1).max(500) }) }, config: open },
    async () => ({ ok: true }),
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
});

async function refuse(url: string, payload: object | undefined, locale: 'id' | 'en', method: 'POST' | 'GET' = 'POST') {
  const r = await app.inject({ method, url, headers: { 'x-lindung-locale': locale }, ...(payload && { payload }) });
  expect(r.statusCode).toBe(400);
  return r.json().error as { code: string; message: string; issues: { path: string; message: string }[] };
}

describe('validation messages', () => {
  it('says a missing field is required, by its label, in Indonesian and English', async () => {
    const id = await refuse('/login', { password: 'rahasia' }, 'id');
    expect(id.code).toBe('VALIDATION_FAILED');
    expect(id.issues).toEqual([{ path: 'body.username', message: 'Nama pengguna wajib diisi' }]);
    expect(id.message).toContain('Nama pengguna wajib diisi');
    expect(id.message).not.toContain('body.');

    const en = await refuse('/login', { username: '', password: 'x' }, 'en');
    expect(en.issues).toEqual([{ path: 'body.username', message: 'Username is required' }]);
    expect(en.message).toBe('The submitted data is invalid: Username is required. Check the fields and send again.');
  });

  it('names wrong formats, lengths, choices and unknown fields without paths', async () => {
    const body = {
      nik: '3402081203850001',
      rt: '1234',
      fullName: 'Siti Aminah',
      birthDate: '1985-03-12',
      sex: 'X',
      village: 'Trirenggo',
      segment: 'farmer',
      category: 'bpu',
      colour: 'red',
    };
    const id = await refuse('/workers', body, 'id');
    const messages = id.issues.map((i) => i.message);
    expect(messages).toContain('Desa/kelurahan tidak sesuai format: pilih desa/kelurahan (kode 34.02.08.2004)');
    expect(messages).toContain('RT tidak sesuai format: 1–3 angka, misalnya 003');
    expect(messages).toContain('Jenis kelamin harus salah satu dari: L, P');
    expect(messages).toContain('Isian tidak dikenal: colour; hapus isian itu');
    for (const m of messages) expect(m).not.toMatch(/body\.|Input tidak valid|Required/);
    expect(id.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['body.village', 'body.sex']));

    const en = await refuse('/workers', body, 'en');
    expect(en.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'Village has the wrong format',
        'Sex must be one of: L, P',
        'Unknown fields: colour; remove them',
      ]),
    );
  });

  it('words number bounds and types of the query string', async () => {
    expect((await refuse('/list?page=0', undefined, 'id', 'GET')).issues[0]?.message).toBe('Halaman minimal 1');
    expect((await refuse('/list?page=900', undefined, 'en', 'GET')).issues[0]?.message).toBe('Page may be at most 500');
    expect((await refuse('/list?page=abc', undefined, 'en', 'GET')).issues[0]?.message).toBe('Page must be a number');
  });

  it('labels list items and unknown names', () => {
    expect(fieldLabel(['workerIds', 3], 'id')).toBe('Pekerja ke-4');
    expect(fieldLabel(['workerIds', 3], 'en')).toBe('Workers #4');
    expect(fieldLabel(['value', 'bp'], 'id')).toBe('Nilai');
    expect(fieldLabel(['somethingNew'], 'en')).toBe('"somethingNew"');
  });
});
