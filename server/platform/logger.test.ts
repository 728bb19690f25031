import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskSixteenDigits } from './logger.ts';

describe('log masking', () => {
  it('masks every 16-digit number, keeps shorter and longer ones', () => {
    expect(maskSixteenDigits('nik 3402124509850001 dan 3471015001900002')).toBe(
      'nik 3402********0001 dan 3471********0002',
    );
    expect(maskSixteenDigits('kode 34.02.08.2004 telp 081234567890')).toBe('kode 34.02.08.2004 telp 081234567890');
    expect(maskSixteenDigits('17 digit 12345678901234567')).toBe('17 digit 12345678901234567');
  });

  it('masks NIKs inside structured fields and error messages, and redacts passwords', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info({ nik: '3402124509850001', password: 'rahasia-sekali' }, 'impor baris NIK 3402124509850001');
    log.error({ err: new Error('duplicate key (nik)=(3402124509850001)') }, 'gagal');
    const out = lines.join('');
    expect(out).not.toContain('3402124509850001');
    expect(out).toContain('3402********0001');
    expect(out).not.toContain('rahasia-sekali');
  });
});
