import { describe, expect, it } from 'vitest';
import { returnPathFrom, signInPathFor } from './return-to.ts';

const at = (pathname: string, search = '', hash = '') => ({ pathname, search, hash });

describe('return to the requested page after sign-in', () => {
  it('remembers a deep link with its filters, and round-trips it', () => {
    const path = signInPathFor(at('/pekerja', '?q=sri rahayu&segment=bpu', '#daftar'));
    expect(path).toBe('/masuk?kembali=%2Fpekerja%3Fq%3Dsri+rahayu%26segment%3Dbpu%23daftar');
    expect(returnPathFrom(path.slice('/masuk'.length))).toBe('/pekerja?q=sri rahayu&segment=bpu#daftar');
  });

  it('needs no reminder for home or the sign-in page itself', () => {
    expect(signInPathFor(at('/'))).toBe('/masuk');
    expect(signInPathFor(at('/masuk', '?kembali=%2Fx'))).toBe('/masuk');
    expect(returnPathFrom('')).toBe('/');
  });

  it('never leaves the app: other sites and odd paths go home', () => {
    for (const target of ['https://contoh.id/', '//contoh.id/masuk', '/\\contoh.id', 'pekerja', '/masuk', '/masuk?x=1'])
      expect(returnPathFrom(`?${new URLSearchParams({ kembali: target }).toString()}`), target).toBe('/');
  });
});
