import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isBlankCell,
  isTidyText,
  nameKey,
  normaliseName,
  parseDateCell,
  parseNikCell,
  parsePhone,
  whatsappLink,
  parseRegionCode,
  parseRupiah,
  parseSex,
  type CellResult,
} from './import-values.ts';
import { validateNik } from './nik.ts';

function value<T>(result: CellResult<T>): T | undefined {
  return result.ok ? result.value : undefined;
}

function code<T>(result: CellResult<T>): string | undefined {
  return result.ok ? undefined : result.code;
}

describe('isBlankCell', () => {
  it('is true for undefined, null and whitespace only', () => {
    expect([undefined, null, '', '  \t', '\u00A0'].map(isBlankCell)).toEqual([true, true, true, true, true]);
    expect([0, 'x', ' 0 '].map(isBlankCell)).toEqual([false, false, false]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('parseNikCell', () => {
  it('returns the trimmed text', () => {
    expect(value(parseNikCell({ text: ' 3402081203850001 ' }))).toBe('3402081203850001');
  });

  it('strips the apostrophe Excel users type to force text, straight or curly', () => {
    expect(value(parseNikCell({ text: "'3402081203850001" }))).toBe('3402081203850001');
    expect(value(parseNikCell({ text: '’3402081203850001' }))).toBe('3402081203850001');
  });

  it('leaves other problems to validateNik', () => {
    expect(value(parseNikCell({ text: '3402.0812.0385.0001' }))).toBe('3402.0812.0385.0001');
    expect(value(parseNikCell({}))).toBe('');
  });

  it('rejects a number cell even when the number still looks like a valid NIK', () => {
    // Excel keeps 15 significant digits: 3402081203850001 is stored as 3402081203850000.
    const stored = 3402081203850000;
    const result = parseNikCell({ numeric: stored, isNumberCell: true, text: '3402081203850000' });
    expect(result).toEqual({
      ok: false,
      code: 'NIK_NUMERIC_CELL',
      message: {
        id: 'NIK tersimpan sebagai angka sehingga digit terakhir hilang. Ubah format kolom NIK menjadi Teks, ketik ulang NIK sesuai KTP, lalu unggah ulang.',
        en: 'The NIK is stored as a number, so its last digit is lost. Format the NIK column as Text, retype the NIKs from the KTP and upload again.',
      },
    });
    // …and the value it would have given fails later anyway: serial 0000.
    expect(
      validateNik(String(stored), { provinceExists: () => true, districtExists: () => true }).issues[0]?.code,
    ).toBe('NIK_SERIAL');
  });

  it('rejects a bare numeric value without the cell-type flag', () => {
    expect(code(parseNikCell({ numeric: 3402081203850001 }))).toBe('NIK_NUMERIC_CELL');
  });

  it.each(['3,40208E+15', '3.40208E+15', '3.402081234567E15', '3.40208e+15', "'3,40208E+15"])(
    'rejects the scientific form %j from a CSV',
    (text) => {
      const result = parseNikCell({ text });
      expect(code(result)).toBe('NIK_SCIENTIFIC');
      expect(result.ok ? '' : result.message.id).toContain('Teks');
    },
  );
});

// ---------------------------------------------------------------------------------------------------------------

describe('parseDateCell', () => {
  it.each([
    ['12/03/1985', '1985-03-12'],
    ['2/3/1985', '1985-03-02'],
    ['12-03-1985', '1985-03-12'],
    ['12.03.1985', '1985-03-12'],
    ['1985-03-12', '1985-03-12'],
    ['1985-03-12 00:00:00', '1985-03-12'],
    ['1985-03-12T00:00:00.000Z', '1985-03-12'],
    ['12/03/1985 00:00', '1985-03-12'],
    ['\u00A012/03/1985 ', '1985-03-12'],
  ])('reads %j day first as %s', (input, expected) => {
    expect(parseDateCell(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12 Maret 1985', '1985-03-12'],
    ['12 MARET 1985', '1985-03-12'],
    ['12 Mar 1985', '1985-03-12'],
    ['12 Mar. 1985', '1985-03-12'],
    ['12-Agustus-1985', '1985-08-12'],
    ['17 Agt 1945', '1945-08-17'],
    ['17 Agu 1945', '1945-08-17'],
    ['17 Ags 1945', '1945-08-17'],
    ['1 Januari 2000', '2000-01-01'],
    ['1 Pebruari 2000', '2000-02-01'],
    ['5 Mei 1990', '1990-05-05'],
    ['5 Juni 1990', '1990-06-05'],
    ['5 Jun 1990', '1990-06-05'],
    ['5 Juli 1990', '1990-07-05'],
    ['5 Jul 1990', '1990-07-05'],
    ['5 Sept 1990', '1990-09-05'],
    ['5 Okt 1990', '1990-10-05'],
    ['5 Nopember 1990', '1990-11-05'],
    ['25 Des 1990', '1990-12-25'],
    ['25 December 1990', '1990-12-25'],
    ['5 May 1990', '1990-05-05'],
    ['5 Oct 1990', '1990-10-05'],
    ['March 12, 1985', '1985-03-12'],
    ['12 Maret, 1985', '1985-03-12'],
  ])('reads the month name in %j', (input, expected) => {
    expect(parseDateCell(input)).toEqual({ ok: true, value: expected });
  });

  it('reads spreadsheet serials in the 1900 system, as numbers and numeric strings', () => {
    expect(value(parseDateCell(31048))).toBe('1985-01-01');
    expect(value(parseDateCell('31048'))).toBe('1985-01-01');
    expect(value(parseDateCell(31048.75))).toBe('1985-01-01'); // the fraction is the time of day
    expect(value(parseDateCell(1))).toBe('1900-01-01');
    expect(value(parseDateCell(59))).toBe('1900-02-28');
    expect(value(parseDateCell(61))).toBe('1900-03-01');
    expect(value(parseDateCell(45658))).toBe('2025-01-01');
    expect(value(parseDateCell(60000))).toBe('2064-04-08');
  });

  it('reads a whole number 1900–2099 as a year on its own, not as a serial in 1905', () => {
    for (const input of ['1985', 1985, 1900, '2099']) {
      const result = parseDateCell(input);
      expect(code(result)).toBe('DATE_INVALID');
      expect(result.ok ? '' : result.message.id).toContain('tanggal lengkap');
    }
    expect(value(parseDateCell(1899))).toBe('1905-03-13');
    expect(value(parseDateCell(2100))).toBe('1905-09-30');
  });

  it('rejects serial 60, Excel’s 29 February 1900 that never existed', () => {
    const result = parseDateCell(60);
    expect(code(result)).toBe('DATE_INVALID');
    expect(result.ok ? '' : result.message.id).toContain('29-02-1900');
  });

  it.each([0, -1, 60001, Number.NaN, Number.POSITIVE_INFINITY])('rejects the number %s', (n) => {
    expect(code(parseDateCell(n))).toBe('DATE_INVALID');
  });

  it('reads a JS Date by its UTC parts', () => {
    expect(value(parseDateCell(new Date(Date.UTC(1985, 2, 12))))).toBe('1985-03-12');
    expect(value(parseDateCell(new Date('1985-03-12T23:30:00Z')))).toBe('1985-03-12');
    expect(code(parseDateCell(new Date('nope')))).toBe('DATE_INVALID');
  });

  it('handles 29 February on leap and non-leap years', () => {
    expect(value(parseDateCell('29/02/2024'))).toBe('2024-02-29');
    expect(value(parseDateCell('29/02/2000'))).toBe('2000-02-29');
    expect(code(parseDateCell('29/02/2023'))).toBe('DATE_INVALID');
    expect(code(parseDateCell('29/02/1900'))).toBe('DATE_INVALID');
  });

  it('rejects impossible dates and says how long the month is', () => {
    const result = parseDateCell('31/02/1990');
    expect(result).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(result.ok ? '' : result.message.id).toContain('Februari 1990 hanya sampai tanggal 28');
    expect(code(parseDateCell('31 April 1990'))).toBe('DATE_INVALID');
    expect(code(parseDateCell('00/01/1990'))).toBe('DATE_INVALID');
  });

  it('never reads mm/dd: a month above 12 is an error that points at the swap', () => {
    const result = parseDateCell('03/25/1985');
    expect(code(result)).toBe('DATE_INVALID');
    expect(result.ok ? '' : result.message.id).toContain('tertukar');
    // An ambiguous one is read day first.
    expect(value(parseDateCell('03/05/1985'))).toBe('1985-05-03');
  });

  it('rejects two-digit years instead of guessing the century', () => {
    const result = parseDateCell('12/03/85');
    expect(code(result)).toBe('DATE_INVALID');
    expect(result.ok ? '' : result.message.id).toContain('4 digit');
  });

  it.each(['', '   ', 'kemarin', '12 Foo 1985', '1985', '12/03', '12-03/1985', '1899-12-31', '2100-01-01', '123456'])(
    'rejects %j',
    (input) => {
      expect(code(parseDateCell(input))).toBe('DATE_INVALID');
    },
  );

  // Every date from 1 March 1900 onwards (where Excel's serials are right) written every accepted way; serials
  // 1900–2099 (dates in 1905) are read as a year on their own, see above.
  const realDate = fc
    .date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2064-04-08T00:00:00Z'), noInvalidDate: true })
    .map((d) => ({
      y: d.getUTCFullYear(),
      m: d.getUTCMonth() + 1,
      d: d.getUTCDate(),
      iso: d.toISOString().slice(0, 10),
    }));
  const MONTHS_ID = [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ];
  const p2 = (n: number): string => String(n).padStart(2, '0');

  it('round-trips every real date in every written form and as a serial', () => {
    // 1905 is where the year-on-its-own rule bites; make sure runs always visit it.
    const examples: [{ y: number; m: number; d: number; iso: string }][] = [
      [{ y: 1905, m: 6, d: 7, iso: '1905-06-07' }],
    ];
    fc.assert(
      fc.property(realDate, ({ y, m, d, iso }) => {
        const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
        const forms = [
          `${p2(d)}/${p2(m)}/${y}`,
          `${d}/${m}/${y}`,
          `${p2(d)}-${p2(m)}-${y}`,
          `${p2(d)}.${p2(m)}.${y}`,
          iso,
          `${d} ${MONTHS_ID[m - 1]} ${y}`,
          `${d}-${MONTHS_ID[m - 1]?.slice(0, 3)}-${y}`,
        ];
        for (const form of forms) expect(parseDateCell(form)).toEqual({ ok: true, value: iso });
        if (serial < 1900 || serial > 2099) {
          expect(parseDateCell(serial)).toEqual({ ok: true, value: iso });
          expect(parseDateCell(String(serial))).toEqual({ ok: true, value: iso });
        }
        expect(parseDateCell(new Date(`${iso}T00:00:00Z`))).toEqual({ ok: true, value: iso });
      }),
      { examples },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('whatsappLink', () => {
  it('links a mobile as 62… without the trunk 0, and nothing for a landline or no number', () => {
    expect(whatsappLink('+6281234567890')).toBe('https://wa.me/6281234567890');
    expect(whatsappLink('0812-3456-7890')).toBe('https://wa.me/6281234567890');
    expect(whatsappLink('+62274123456')).toBeNull();
    expect(whatsappLink('+1 555 0100')).toBeNull();
    expect(whatsappLink(null)).toBeNull();
  });
});

describe('parsePhone', () => {
  it.each([
    ['08123456789', '+628123456789'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['(0812) 3456-7890', '+6281234567890'],
    ['628123456789', '+628123456789'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+62 (0)812 3456 789', '+628123456789'],
    ['0062 812 3456 789', '+628123456789'],
    ['0811234567', '+62811234567'], // 10 digits: older Telkomsel number
    ['0812345678901', '+62812345678901'], // 13 digits
    ['0274-123456', '+62274123456'], // Yogyakarta landline
    ['(0274) 123456', '+62274123456'],
    ['021-12345678', '+622112345678'], // Jakarta
    ['0967 531234', '+62967531234'], // Jayapura
  ])('%j → %s', (input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected });
  });

  it('reads a number cell whose leading 0 the spreadsheet dropped', () => {
    expect(value(parsePhone(81234567890))).toBe('+6281234567890');
    expect(value(parsePhone(6281234567890))).toBe('+6281234567890');
  });

  it.each([
    ['', 'kosong'],
    ['081234', '10–13 digit'],
    ['08123456789012', '10–13 digit'],
    ['0812 / 0813 1234 5678', 'satu nomor'],
    ['08123456789 atau 08129876543', 'satu nomor'],
    ['+1 555 123 4567', '+62'],
    ['371234', 'tidak dikenali'], // local number without its area code
    ['08001234567', 'tidak dikenali'], // toll-free, not a person's phone
    ['0812-3456-789a', 'tidak dikenali'],
    ['-', 'tidak dikenali'],
  ])('rejects %j (%s)', (input, hint) => {
    const result = parsePhone(input);
    expect(code(result)).toBe('PHONE_INVALID');
    expect(result.ok ? '' : result.message.id).toContain(hint);
  });

  it.each([0, -812, 8.1])('rejects the number %s', (n) => {
    expect(code(parsePhone(n))).toBe('PHONE_INVALID');
  });

  it('gives the same E.164 number for every way a mobile number is written', () => {
    const mobile = fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{7,10}$/))
      .map(([b, rest]) => `8${b}${rest}`);
    const separator = fc.constantFrom('', ' ', '-', '.');
    fc.assert(
      fc.property(mobile, separator, (nsn, sep) => {
        const grouped = `${nsn.slice(0, 3)}${sep}${nsn.slice(3, 7)}${sep}${nsn.slice(7)}`;
        const expected = { ok: true, value: `+62${nsn}` };
        expect(parsePhone(`0${grouped}`)).toEqual(expected);
        expect(parsePhone(`+62 ${grouped}`)).toEqual(expected);
        expect(parsePhone(`62${nsn}`)).toEqual(expected);
        expect(parsePhone(`(0${nsn.slice(0, 3)}) ${nsn.slice(3)}`)).toEqual(expected);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('normaliseName', () => {
  it('trims and collapses whitespace but keeps the KTP spelling', () => {
    expect(normaliseName("  siti   NUR'AINI \t")).toBe("siti NUR'AINI");
    expect(normaliseName('I Gusti\u00A0Ngurah  Rai\u200B')).toBe('I Gusti Ngurah Rai');
    expect(normaliseName('Drs. H. Ahmad Ma’ruf, M.Pd.')).toBe('Drs. H. Ahmad Ma’ruf, M.Pd.');
  });
});

describe('nameKey', () => {
  it.each([
    ["Drs. H. Ahmad Ma'ruf, M.Pd.", 'AHMAD MARUF'],
    ['AHMAD MARUF', 'AHMAD MARUF'],
    ['Siti Aminah, S.Pd.', 'SITI AMINAH'],
    ['Siti Aminah S.Pd', 'SITI AMINAH'],
    ['Hj. Siti Aminah, S.E., M.M.', 'SITI AMINAH'],
    ['K.H. Abdullah Syafii', 'ABDULLAH SYAFII'],
    ['Drs.H.Ahmad', 'AHMAD'],
    ['Bpk. Sukijo', 'SUKIJO'],
    ['  ni   made  ayu ', 'NI MADE AYU'],
    ['M. Yusuf', 'M YUSUF'],
    ['M Yusuf', 'M YUSUF'],
    ['Hadi Susanto', 'HADI SUSANTO'], // the H of Hadi is not Haji
    ['Ibu', 'IBU'], // a title is never the whole key
    ['André Wijaya', 'ANDRE WIJAYA'],
    ['Nur-Aini', 'NUR AINI'],
  ])('%j → %j', (input, expected) => {
    expect(nameKey(input)).toBe(expected);
  });

  it('is idempotent, trimmed and single-spaced', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const key = nameKey(s);
        return nameKey(key) === key && key === key.trim() && !key.includes('  ');
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('parseSex', () => {
  it.each([
    ['L', 'L'],
    ['l', 'L'],
    ['Laki-laki', 'L'],
    ['LAKI - LAKI', 'L'],
    ['Laki laki', 'L'],
    ['LK', 'L'],
    ['Pria', 'L'],
    ['M', 'L'],
    ['Male', 'L'],
    ['1', 'L'],
    ['P', 'P'],
    ['Perempuan', 'P'],
    ['PR', 'P'],
    ['Wanita', 'P'],
    ['F', 'P'],
    ['Female', 'P'],
    ['2', 'P'],
    [' p ', 'P'],
  ])('%j → %s', (input, expected) => {
    expect(parseSex(input)).toEqual({ ok: true, value: expected });
  });

  it('reads the numbers 1 and 2', () => {
    expect(value(parseSex(1))).toBe('L');
    expect(value(parseSex(2))).toBe('P');
  });

  it.each(['', 'X', 'L/P', '3', 'Laki-laki/Perempuan', 'Banci'])('rejects %j', (input) => {
    const result = parseSex(input);
    expect(code(result)).toBe('SEX_INVALID');
    expect(result.ok ? '' : result.message.id).toContain('L (laki-laki) atau P (perempuan)');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('parseRupiah', () => {
  it.each([
    ['Rp 1.000.000', 1_000_000],
    ['Rp1.000.000', 1_000_000],
    ['Rp. 16.800', 16_800],
    ['IDR 16.800', 16_800],
    ['1.000.000', 1_000_000],
    ['1,000,000', 1_000_000],
    ['1000000', 1_000_000],
    ['1.500.000,00', 1_500_000],
    ['1,500,000.00', 1_500_000],
    ['1500000,00', 1_500_000],
    ['Rp 1.000.000,-', 1_000_000],
    ['1 000 000', 1_000_000],
    ['16.800', 16_800],
    ['0', 0],
    ['1,5 juta', 1_500_000],
    ['2,125 juta', 2_125_000],
    ['1.5jt', 1_500_000],
    ['Rp 2 jt', 2_000_000],
    ['500 ribu', 500_000],
    ['500rb', 500_000],
    ['1.000.000 rupiah', 1_000_000],
  ])('%j → %d', (input, expected) => {
    expect(parseRupiah(input)).toEqual({ ok: true, value: expected });
  });

  it('accepts whole non-negative numbers', () => {
    expect(value(parseRupiah(16_800))).toBe(16_800);
    expect(value(parseRupiah(0))).toBe(0);
  });

  it('rejects fractions of a rupiah instead of rounding them', () => {
    for (const input of ['1.500.000,50', '16800.5', '16.800,5', '1,2345678 jt'] as const) {
      const result = parseRupiah(input);
      expect(code(result)).toBe('AMOUNT_INVALID');
      expect(result.ok ? '' : result.message.id).toContain('sen');
    }
    expect(code(parseRupiah(16_800.5))).toBe('AMOUNT_INVALID');
  });

  it.each(['', 'Rp', 'abc', '-16.800', '1.00.000', '1,0,0', '1.000,000.00', '12e3', 'satu juta'])(
    'rejects %j',
    (input) => {
      expect(code(parseRupiah(input))).toBe('AMOUNT_INVALID');
    },
  );

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('rejects the number %s', (n) => {
    expect(code(parseRupiah(n))).toBe('AMOUNT_INVALID');
  });

  it('reads back any amount written with Indonesian or English grouping', () => {
    const group = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (n) => {
        expect(value(parseRupiah(`Rp${group(n, '.')}`))).toBe(n);
        expect(value(parseRupiah(`${group(n, '.')},00`))).toBe(n);
        expect(value(parseRupiah(`Rp ${group(n, '.')},-`))).toBe(n);
        expect(value(parseRupiah(group(n, ',')))).toBe(n);
        expect(value(parseRupiah(n))).toBe(n);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('parseRegionCode', () => {
  it.each([
    ['34', '34', 'province'],
    ['34.02', '34.02', 'regency'],
    ['3402', '34.02', 'regency'],
    ['34.71', '34.71', 'regency'], // Kota Yogyakarta
    ['34.02.08', '34.02.08', 'district'],
    ['340208', '34.02.08', 'district'],
    ['34.02.08.2004', '34.02.08.2004', 'village'], // Desa Trirenggo
    ['3402082004', '34.02.08.2004', 'village'],
    ['33.73.04.1001', '33.73.04.1001', 'village'], // Kel. Kecandran, Salatiga
    [' 34.02.08.2004 ', '34.02.08.2004', 'village'],
  ])('%j → %s (%s)', (input, codeOut, level) => {
    expect(parseRegionCode(input)).toEqual({ ok: true, value: { code: codeOut, level } });
  });

  it('reads a number cell', () => {
    expect(value(parseRegionCode(3402082004))).toEqual({ code: '34.02.08.2004', level: 'village' });
  });

  it.each([
    ['', 'tidak dikenali'],
    ['3', 'tidak dikenali'],
    ['340208200', 'tidak dikenali'],
    ['34-02-08', 'tidak dikenali'],
    ['34.0208', 'tidak dikenali'],
    ['00', 'provinsi'],
    ['30', 'provinsi'],
    ['34.00', 'kabupaten/kota'],
    ['34.70', 'kabupaten/kota'],
    ['34.02.00', 'kecamatan'],
    ['34.02.08.3001', 'desa/kelurahan'],
    ['34.02.08.2000', 'desa/kelurahan'],
    ['3402080004', 'Kode BPS'], // a BPS-style village code
  ])('rejects %j (%s)', (input, hint) => {
    const result = parseRegionCode(input);
    expect(code(result)).toBe('REGION_CODE_INVALID');
    expect(result.ok ? '' : result.message.id).toContain(hint);
  });

  it('gives the same code and level for the dotted and the plain form', () => {
    const part = (re: RegExp): fc.Arbitrary<string> => fc.stringMatching(re);
    const parts = fc
      .tuple(
        part(/^[1-9][1-9]$/),
        part(/^(0[1-9]|[1-6]\d|7[1-9]|[89]\d)$/),
        part(/^(0[1-9]|[1-9]\d)$/),
        part(/^[12](00[1-9]|0[1-9]\d|[1-9]\d\d)$/),
      )
      .chain((all) => fc.integer({ min: 1, max: 4 }).map((n) => all.slice(0, n)));
    fc.assert(
      fc.property(parts, (ps) => {
        const dotted = parseRegionCode(ps.join('.'));
        expect(dotted.ok).toBe(true);
        expect(parseRegionCode(ps.join(''))).toEqual(dotted);
        expect(value(dotted)?.level).toBe(['province', 'regency', 'district', 'village'][ps.length - 1]);
      }),
    );
  });
});

describe('isTidyText', () => {
  it('is true only where cleaning would change nothing', () => {
    for (const text of ['', 'Sulastri Astuti', 'A', '3402084509850001', 'Jl. Samas km 5', 'a-b/c']) {
      expect(isTidyText(text)).toBe(true);
      expect(normaliseName(text)).toBe(text);
    }
    for (const text of [' a', 'a ', 'a  b', 'a\tb', 'a\nb', ' ', 'Ñoño', 'a\u200Bb', 'a\u00A0b']) {
      expect(isTidyText(text)).toBe(false);
    }
  });
});
