import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  cleanNikInput,
  isRealDate,
  nikPrefill,
  maskNik,
  nikDigitDistance,
  resolveBirthYear,
  validateNik,
  type NikContext,
  type NikIssueCode,
} from './nik.ts';

// The 38 provinces of Kepmendagri 300.2.2-2138/2025 and a few current districts: Kab. Bantul (34.02.01–17) and
// Kab. Merauke, which moved from Papua (91.01) to Papua Selatan (93.01) in 2022.
const PROVINCES = new Set(
  '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 93 94 95 96'.split(
    ' ',
  ),
);
const BANTUL_DISTRICTS = Array.from({ length: 17 }, (_, i) => `34.02.${String(i + 1).padStart(2, '0')}`);
const DISTRICTS = new Set([...BANTUL_DISTRICTS, '93.01.01', '93.01.02', '93.01.03']);

const TODAY = '2026-06-30';
const ctx: NikContext = {
  provinceExists: (code) => PROVINCES.has(code),
  districtExists: (code) => DISTRICTS.has(code),
  today: TODAY,
};

/** Kec. Bantul (34.02.08), born 12 March 1985, serial 0001. */
const BANTUL_MAN = '3402081203850001';
/** The same birth date for a woman: day 12 + 40 = 52. */
const BANTUL_WOMAN = '3402085203850002';

function codes(raw: string, extra: Partial<NikContext> = {}): NikIssueCode[] {
  return validateNik(raw, { ...ctx, ...extra }).issues.map((i) => i.code);
}

describe('validateNik: a valid NIK', () => {
  it('returns the digits and what they imply, with dotted region codes', () => {
    expect(validateNik(BANTUL_MAN, ctx)).toEqual({
      nik: BANTUL_MAN,
      issues: [],
      implied: {
        provinceCode: '34',
        regencyCode: '34.02',
        districtCode: '34.02.08',
        birthDate: '1985-03-12',
        sex: 'L',
        serial: '0001',
      },
    });
  });

  it('reads a woman’s day as day + 40, at both ends of the range', () => {
    expect(validateNik(BANTUL_WOMAN, ctx).implied).toMatchObject({ birthDate: '1985-03-12', sex: 'P' });
    expect(validateNik('3402084101900003', ctx).implied).toMatchObject({ birthDate: '1990-01-01', sex: 'P' });
    expect(validateNik('3402087112900004', ctx).implied).toMatchObject({ birthDate: '1990-12-31', sex: 'P' });
  });

  it('trims surrounding spaces, tabs, NBSP and zero-width characters', () => {
    expect(validateNik(`  ${BANTUL_MAN}\t`, ctx).nik).toBe(BANTUL_MAN);
    expect(validateNik(`\u00A0${BANTUL_MAN}\u200B`, ctx).nik).toBe(BANTUL_MAN);
  });

  it('asks districtExists with the dotted PP.KK.CC code', () => {
    const districtExists = vi.fn(() => true);
    validateNik(BANTUL_MAN, { ...ctx, districtExists });
    expect(districtExists).toHaveBeenCalledWith('34.02.08');
  });
});

describe('validateNik: NIK_FORMAT', () => {
  it.each([
    ['', 'NIK kosong'],
    ['   ', 'NIK kosong'],
    ['340208120385001', '15 digit'],
    ['34020812038500011', '17 digit'],
    ['3.40208E+15', 'angka ilmiah'],
    ['3402O81203850001x', 'karakter "O"'],
  ])('rejects %j (%s)', (raw, hint) => {
    const result = validateNik(raw, ctx);
    expect(result.nik).toBeNull();
    expect(result.implied).toBeNull();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'NIK_FORMAT', severity: 'error' });
    expect(result.issues[0]?.message.id).toContain(hint);
  });

  it.each(['3402.0812.0385.0001', '3402-0812-0385-0001', '3402 0812 0385 0001', '34.02.08 120385 0001'])(
    'rejects separators inside %j but suggests the plain digits',
    (raw) => {
      const [issue] = validateNik(raw, ctx).issues;
      expect(issue).toMatchObject({ code: 'NIK_FORMAT', severity: 'error', suggestion: BANTUL_MAN });
      expect(issue?.message.id).toContain('tanpa pemisah');
      expect(issue?.message.en).toContain('without separators');
    },
  );

  it('suggests 0 and 1 for the letters O and I or l typed in their place', () => {
    expect(validateNik('34O2O812O385OOOl', ctx).issues[0]?.suggestion).toBe(BANTUL_MAN);
  });
});

describe('validateNik: NIK_DATE', () => {
  it.each([
    ['3402080003850001', 'day 00'],
    ['3402083203850001', 'day 32'],
    ['3402084003850001', 'day 40'],
    ['3402087203850001', 'day 72'],
    ['3402081200850001', 'month 00'],
    ['3402081213850001', 'month 13'],
    ['3402083104850001', '31 April'],
    ['3402087104850001', '31 April, female'],
    ['3402083002900001', '30 February'],
  ])('rejects %s (%s)', (raw) => {
    const result = validateNik(raw, ctx);
    expect(result.issues.map((i) => i.code)).toEqual(['NIK_DATE']);
    expect(result.nik).toBeNull();
    expect(result.implied?.birthDate).toBeNull();
  });

  it('still reports the sex when only the month is impossible', () => {
    expect(validateNik('3402085213850001', ctx).implied?.sex).toBe('P');
    expect(validateNik('3402083203850001', ctx).implied?.sex).toBeNull();
  });

  it('accepts 29 February only in leap years, for men and women', () => {
    expect(validateNik('3402082902960001', ctx).implied?.birthDate).toBe('1996-02-29');
    expect(validateNik('3402086902960001', ctx).implied?.birthDate).toBe('1996-02-29');
    expect(codes('3402082902970001')).toEqual(['NIK_DATE']);
    expect(codes('3402086902970001')).toEqual(['NIK_DATE']);
    // '00' resolves to 2000, a leap year (divisible by 400).
    expect(validateNik('3402082902000001', ctx).implied?.birthDate).toBe('2000-02-29');
  });

  it('checks 29-02-00 against 1900 (not a leap year) when the declared birth date says 1900', () => {
    expect(codes('3402082902000001', { birthDate: '1900-03-01' })).toEqual(['NIK_DATE']);
  });

  it('names the digits and both day ranges in the message', () => {
    const [issue] = validateNik('3402083203850001', ctx).issues;
    expect(issue?.message.id).toContain('41–71 untuk perempuan');
    expect(issue?.message.en).toContain('41–71 for women');
  });
});

describe('validateNik: century of the two-digit year', () => {
  it('takes the latest year not after today’s year', () => {
    expect(validateNik('3402080101260001', ctx).implied?.birthDate).toBe('2026-01-01');
    expect(validateNik('3402080101270001', ctx).implied?.birthDate).toBe('1927-01-01');
    expect(validateNik('3402080101990001', ctx).implied?.birthDate).toBe('1999-01-01');
  });

  it('takes the century of the declared birth date when its two digits agree', () => {
    const result = validateNik('3402081203250001', { ...ctx, birthDate: '1925-03-12' });
    expect(result.implied?.birthDate).toBe('1925-03-12');
    expect(result.issues).toEqual([]);
  });

  it('uses the current UTC year when today is not given', () => {
    vi.useFakeTimers({ now: new Date('2026-07-15T05:00:00Z') });
    try {
      const withoutToday: NikContext = { provinceExists: ctx.provinceExists, districtExists: ctx.districtExists };
      expect(validateNik('3402080101260001', withoutToday).implied?.birthDate).toBe('2026-01-01');
      // A two-digit year after this year's belongs to the previous century.
      expect(validateNik('3402080101270001', withoutToday).implied?.birthDate).toBe('1927-01-01');
    } finally {
      vi.useRealTimers();
    }
  });

  it('resolveBirthYear: always ends in yy, within the 100 years up to today', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1950, max: 2200 }), (yy, todayYear) => {
        const year = resolveBirthYear(yy, todayYear);
        return year % 100 === yy && year <= todayYear && year > todayYear - 100;
      }),
    );
  });

  it('resolveBirthYear: ignores a declared year in the future', () => {
    expect(resolveBirthYear(30, 2026, 2030)).toBe(1930);
  });
});

describe('validateNik: NIK_SERIAL', () => {
  it('rejects serial 0000, the mark of a NIK that went through a spreadsheet number cell', () => {
    const result = validateNik('3402081203850000', ctx);
    expect(result.nik).toBeNull();
    expect(result.issues.map((i) => i.code)).toEqual(['NIK_SERIAL']);
    expect(result.implied?.serial).toBe('0000');
    expect(result.issues[0]?.message.id).toContain('Teks');
  });

  it('accepts 0001 and 9999', () => {
    expect(codes('3402081203850001')).toEqual([]);
    expect(codes('3402081203859999')).toEqual([]);
  });
});

describe('validateNik: region prefix', () => {
  it('rejects an unknown province (99) as an error and skips the district check', () => {
    const districtExists = vi.fn(() => false);
    const result = validateNik('9901011203850001', { ...ctx, districtExists });
    expect(result.nik).toBeNull();
    expect(result.issues).toEqual([expect.objectContaining({ code: 'NIK_PROVINCE_UNKNOWN', severity: 'error' })]);
    expect(districtExists).not.toHaveBeenCalled();
  });

  it('only warns about a district that no longer exists (Merauke 91.01 → 93.01) and keeps the NIK', () => {
    const result = validateNik('9101011203850001', ctx);
    expect(result.nik).toBe('9101011203850001');
    expect(result.issues).toEqual([expect.objectContaining({ code: 'NIK_DISTRICT_UNKNOWN', severity: 'warning' })]);
    expect(result.issues[0]?.message.id).toContain('91.01.01');
    expect(result.issues[0]?.message.id).toContain('domisili');
  });

  it('reports the region of first registration, which is not the domicile, without judging it', () => {
    // Born and registered in Merauke, now possibly living in Bantul: the implied codes say Merauke, nothing more.
    expect(validateNik('9301011203850001', ctx).implied?.districtCode).toBe('93.01.01');
  });
});

describe('validateNik: declared birth date and sex', () => {
  it('warns when the declared birth date differs and suggests the NIK’s date', () => {
    const result = validateNik(BANTUL_MAN, { ...ctx, birthDate: '1985-03-13' });
    expect(result.nik).toBe(BANTUL_MAN);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'NIK_BIRTHDATE_MISMATCH', severity: 'warning', suggestion: '1985-03-12' }),
    ]);
    const message = result.issues[0]?.message;
    expect(message?.id).toContain('12-03-1985');
    expect(message?.id).toContain('13-03-1985');
    expect(message?.id).not.toContain('tertukar');
    expect(message?.en).toContain('the NIK does not change');
  });

  it('says so when day and month look swapped', () => {
    const [issue] = validateNik(BANTUL_MAN, { ...ctx, birthDate: '1985-12-03' }).issues;
    expect(issue?.code).toBe('NIK_BIRTHDATE_MISMATCH');
    expect(issue?.message.id).toContain('tertukar');
    expect(issue?.message.en).toContain('swapped');
  });

  it('ignores a declared birth date that is not an ISO date, and one equal to the NIK', () => {
    expect(codes(BANTUL_MAN, { birthDate: '12/03/1985' })).toEqual([]);
    expect(codes(BANTUL_MAN, { birthDate: '1985-02-30' })).toEqual([]);
    expect(codes(BANTUL_MAN, { birthDate: '1985-03-12' })).toEqual([]);
  });

  it('does not compare dates when the NIK’s own date is impossible', () => {
    expect(codes('3402083203850001', { birthDate: '1985-03-12' })).toEqual(['NIK_DATE']);
  });

  it('warns when the declared sex differs and suggests the NIK’s sex', () => {
    expect(validateNik(BANTUL_WOMAN, { ...ctx, sex: 'L' }).issues).toEqual([
      expect.objectContaining({ code: 'NIK_SEX_MISMATCH', severity: 'warning', suggestion: 'P' }),
    ]);
    expect(validateNik(BANTUL_MAN, { ...ctx, sex: 'P' }).issues[0]?.suggestion).toBe('L');
    expect(codes(BANTUL_WOMAN, { sex: 'P' })).toEqual([]);
  });
});

describe('validateNik: several problems at once', () => {
  it('reports every error so the row is fixed in one pass', () => {
    expect(codes('9901013203850000')).toEqual(['NIK_PROVINCE_UNKNOWN', 'NIK_DATE', 'NIK_SERIAL']);
  });

  it('keeps warnings alongside errors', () => {
    expect(codes('9101011203850000', { sex: 'P' })).toEqual(['NIK_DISTRICT_UNKNOWN', 'NIK_SERIAL', 'NIK_SEX_MISMATCH']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const MIN_BIRTH = new Date('1927-01-01T00:00:00Z'); // 99 years before TODAY: the century rule is unambiguous
const MAX_BIRTH = new Date(`${TODAY}T00:00:00Z`);

const pad2 = (n: number): string => String(n).padStart(2, '0');

const validNik = fc
  .record({
    district: fc.constantFrom(...BANTUL_DISTRICTS),
    birth: fc.date({ min: MIN_BIRTH, max: MAX_BIRTH, noInvalidDate: true }),
    sex: fc.constantFrom<'L' | 'P'>('L', 'P'),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map(({ district, birth, sex, serial }) => {
    const day = birth.getUTCDate() + (sex === 'P' ? 40 : 0);
    const nik =
      district.replace(/\./g, '') +
      pad2(day) +
      pad2(birth.getUTCMonth() + 1) +
      pad2(birth.getUTCFullYear() % 100) +
      String(serial).padStart(4, '0');
    return { nik, district, sex, birthDate: birth.toISOString().slice(0, 10) };
  });

describe('validateNik: properties', () => {
  it('every NIK built from a real date, a sex and a serial validates and round-trips date and sex', () => {
    fc.assert(
      fc.property(validNik, ({ nik, district, sex, birthDate }) => {
        const result = validateNik(nik, { ...ctx, birthDate, sex });
        expect(result.issues).toEqual([]);
        expect(result.nik).toBe(nik);
        expect(result.implied).toMatchObject({ birthDate, sex, districtCode: district });
      }),
    );
  });

  it('any 16 digits: never throws, nik is null exactly when there is an error, implied is always present', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (digits) => {
        const result = validateNik(digits, ctx);
        const hasError = result.issues.some((i) => i.severity === 'error');
        expect(result.nik).toBe(hasError ? null : digits);
        expect(result.implied?.serial).toBe(digits.slice(12));
        for (const issue of result.issues) {
          expect(issue.message.id.length).toBeGreaterThan(10);
          expect(issue.message.en.length).toBeGreaterThan(10);
        }
      }),
    );
  });

  it('any implied birth date is a real calendar date', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (digits) => {
        const date = validateNik(digits, ctx).implied?.birthDate;
        if (date === null || date === undefined) return true;
        const [y, m, d] = date.split('-').map(Number);
        return isRealDate(y ?? 0, m ?? 0, d ?? 0);
      }),
    );
  });
});

describe('maskNik', () => {
  it('shows the first 6 (the district) and last 4 digits with 6 bullets between', () => {
    expect(maskNik(BANTUL_MAN)).toBe('340208••••••0001');
  });

  it('never reveals a short value, nor the length of a broken one', () => {
    expect(maskNik('12345678')).toBe('••••••');
    expect(maskNik('12345678901')).toBe('••••••');
    expect(maskNik('123456789012')).toBe('1234••••••9012');
    expect(maskNik('')).toBe('••••••');
    expect(maskNik('340208120385001')).toBe('3402••••••5001');
  });

  it('keeps the first 6 and last 4 of any 16-digit NIK and hides the middle 6', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
        const masked = maskNik(nik);
        return (
          masked.length === 16 &&
          masked.startsWith(nik.slice(0, 6)) &&
          masked.endsWith(nik.slice(12)) &&
          masked.slice(6, 12) === '••••••'
        );
      }),
    );
  });
});

describe('nikDigitDistance', () => {
  it('counts differing positions', () => {
    expect(nikDigitDistance(BANTUL_MAN, BANTUL_MAN)).toBe(0);
    expect(nikDigitDistance(BANTUL_MAN, '3402081203850007')).toBe(1); // one typo
    expect(nikDigitDistance(BANTUL_MAN, '3402082103850001')).toBe(2); // swapped pair
  });

  it('is Infinity for different lengths: never a near duplicate', () => {
    expect(nikDigitDistance(BANTUL_MAN, '340208120385001')).toBe(Number.POSITIVE_INFINITY);
  });

  it('is a metric on 16-digit strings', () => {
    const nik = fc.stringMatching(/^\d{16}$/);
    fc.assert(
      fc.property(nik, nik, nik, (a, b, c) => {
        const ab = nikDigitDistance(a, b);
        return (
          nikDigitDistance(a, a) === 0 &&
          ab === nikDigitDistance(b, a) &&
          ab <= 16 &&
          (ab === 0) === (a === b) &&
          nikDigitDistance(a, c) <= ab + nikDigitDistance(b, c)
        );
      }),
    );
  });
});

describe('cleanNikInput and nikPrefill: a NIK typed or pasted into the worker form', () => {
  it('drops spaces, dots, dashes and slashes between the digit groups', () => {
    expect(cleanNikInput('3402 0812 0385 0001')).toBe('3402081203850001');
    expect(cleanNikInput('34.02.08-120385-0001')).toBe('3402081203850001');
    expect(cleanNikInput(' 340208/120385/0001\u00A0')).toBe('3402081203850001');
    expect(cleanNikInput('3402\u200B0812')).toBe('34020812');
  });

  it('keeps text that is not a NIK for the checks to explain', () => {
    expect(cleanNikInput(' 34O2 0812 ')).toBe('34O2 0812');
    expect(cleanNikInput('')).toBe('');
  });

  it('reads the birth date and sex; women have 40 added to the day', () => {
    expect(nikPrefill('3402081203850001', '2026-12-07')).toEqual({
      nik: '3402081203850001',
      birthDate: '1985-03-12',
      sex: 'L',
    });
    expect(nikPrefill('3402 0852 0385 0002', '2026-12-07')).toEqual({
      nik: '3402085203850002',
      birthDate: '1985-03-12',
      sex: 'P',
    });
    // 29 February 2000, a woman: 29 + 40 = 69.
    expect(nikPrefill('34.02.08-690200-0003', '2026-12-07')).toEqual({
      nik: '3402086902000003',
      birthDate: '2000-02-29',
      sex: 'P',
    });
  });

  it('fills nothing while the NIK is incomplete or its date impossible', () => {
    expect(nikPrefill('340208120385', '2026-12-07')).toBeNull();
    expect(nikPrefill('3402083203850001', '2026-12-07')).toBeNull(); // day 32
    expect(nikPrefill('3402081213850001', '2026-12-07')).toBeNull(); // month 13
    expect(nikPrefill('3402087102010001', '2026-12-07')).toBeNull(); // 31 February
  });
});
