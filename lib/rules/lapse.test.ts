import { describe, expect, it } from 'vitest';
import { coverageReason, dateName, daysBetween, decisive, monthName, type JudgedParticipation } from './lapse.ts';
import { todayWib } from './eligibility.ts';

const part = (p: Partial<JudgedParticipation>): JudgedParticipation => ({
  program: 'Program X',
  state: 'covered',
  paidThrough: '2026-03',
  coverageStart: '2026-01-01',
  coverageEnd: '2026-12',
  lapseDate: '2026-06-16',
  ...p,
});
const facts = (parts: JudgedParticipation[], date = '2026-03-20') => ({
  date,
  nikMasked: '340208••••••0001',
  registered: true,
  deathDate: null,
  participations: parts,
});

describe('dates and months', () => {
  it('uses Jakarta time and Indonesian month names', () => {
    expect(todayWib(new Date('2026-05-31T17:30:00Z'))).toBe('2026-06-01');
    expect(monthName('2026-03')).toBe('Maret 2026');
    expect(monthName('2026-03', 'en')).toBe('March 2026');
    expect(dateName('2026-04-16')).toBe('16 April 2026');
    expect(daysBetween('2026-05-20', '2026-06-16')).toBe(27);
  });
});

describe('coverageReason', () => {
  it('says paid through when the month is paid', () => {
    expect(coverageReason(facts([part({})]), true)).toBe('Tertanggung: Program X, iuran lunas sampai Maret 2026.');
  });

  it('warns of the lapse date when covered with arrears', () => {
    expect(coverageReason(facts([part({ paidThrough: '2026-01', lapseDate: '2026-04-16' })]), true)).toBe(
      'Tertanggung: Program X; iuran dibayar sampai Januari 2026, belum dibayar sejak Februari 2026 — nonaktif mulai 16 April 2026 bila belum dibayar.',
    );
  });

  it('explains a lapse, a participation not started or ended, and a death', () => {
    const lapsed = part({ state: 'lapsed', paidThrough: null, lapseDate: '2026-03-16' });
    expect(coverageReason(facts([lapsed]), false)).toBe(
      'Tidak tertanggung: iuran Program X menunggak sejak Januari 2026 (belum pernah dibayar); nonaktif sejak 16 Maret 2026.',
    );
    expect(coverageReason(facts([part({ state: 'not_started', coverageStart: '2026-05-01' })]), false)).toBe(
      'Tidak tertanggung: kepesertaan Program X baru mulai Mei 2026.',
    );
    expect(coverageReason(facts([part({ state: 'ended', coverageEnd: '2026-02' })]), false)).toBe(
      'Tidak tertanggung: kepesertaan Program X berakhir pada Februari 2026.',
    );
    expect(coverageReason({ ...facts([part({})]), deathDate: '2026-03-01' }, false)).toBe(
      'Tidak tertanggung: peserta meninggal dunia pada 1 Maret 2026.',
    );
  });

  it('names an unknown NIK, and picks the source that protects', () => {
    expect(coverageReason({ ...facts([]), registered: false }, false)).toContain('tidak ditemukan di registri');
    const best = decisive([part({ state: 'lapsed' }), part({ program: 'BPJS', lapseDate: null })]);
    expect(best?.program).toBe('BPJS');
  });
});
