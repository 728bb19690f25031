import { describe, expect, it } from 'vitest';
import { validateNik } from '../../../lib/rules/nik.ts';
import { SEGMENTS } from '../../../lib/rules/segments.ts';
import { generateWorkers } from './generate.ts';

// A small slice of Kab. Bantul (34.02): enough districts and villages to exercise the choices.
const DISTRICTS = ['34.02.01', '34.02.02', '34.02.08'];
const VILLAGES = ['34.02.01.2001', '34.02.01.2002', '34.02.02.2001', '34.02.08.2001', '34.02.08.2004'];
const generate = (count: number, seed: number) =>
  Array.from(generateWorkers({ count, seed, districts: DISTRICTS, villages: VILLAGES }));

describe('generateWorkers', () => {
  const rows = generate(20_000, 7);

  it('gives every worker a valid NIK of a district of the regency, matching the birth date and sex', () => {
    for (const row of rows) {
      const result = validateNik(row.nik, {
        provinceExists: (c) => c === '34',
        districtExists: (c) => DISTRICTS.includes(c),
        birthDate: row.birth_date,
        sex: row.sex,
        today: '2026-11-23',
      });
      expect(result.issues, row.nik).toEqual([]);
      expect(result.implied?.birthDate).toBe(row.birth_date);
      expect(result.implied?.sex).toBe(row.sex);
      expect(result.implied?.serial).not.toBe('0000');
    }
  });

  it('never repeats a NIK', () => {
    expect(new Set(rows.map((r) => r.nik)).size).toBe(rows.length);
  });

  it('is deterministic by seed', () => {
    expect(generate(500, 7)).toEqual(rows.slice(0, 500));
    expect(generate(500, 8)).not.toEqual(rows.slice(0, 500));
  });

  it('produces a plausible mix', () => {
    const share = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length / rows.length;
    expect(share((r) => r.sex === 'P')).toBeGreaterThan(0.45);
    expect(share((r) => r.sex === 'P')).toBeLessThan(0.55);
    const ages = rows.map((r) => 2026.5 - Number(r.birth_date.slice(0, 4)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(17);
    expect(Math.max(...ages)).toBeLessThanOrEqual(71);
    expect(share((r) => r.vulnerability.length > 0)).toBeGreaterThan(0.35);
    expect(share((r) => r.vulnerability.length > 0)).toBeLessThan(0.45);
    expect(share((r) => r.monthly_income === 1_000_000)).toBeGreaterThan(0.6);
    expect(share((r) => r.category === 'BPU')).toBeGreaterThan(0.7);
    expect(share((r) => r.segment === 'farmer')).toBeGreaterThan(share((r) => r.segment === 'artist'));
    for (const r of rows) {
      expect(r.category).toBe(SEGMENTS[r.segment].defaultCategory);
      expect(VILLAGES).toContain(r.village_code);
      if (r.phone !== null) expect(r.phone).toMatch(/^\+628[0-9]{9,12}$/);
      expect(r.full_name).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)?$/);
    }
    // Domicile is independent of the NIK, but most people still live in the district of first registration.
    const home = share((r) => r.village_code.slice(0, 8).replace(/\./g, '') === r.nik.slice(0, 6));
    expect(home).toBeGreaterThan(0.6);
    expect(home).toBeLessThan(0.98);
  });
});
