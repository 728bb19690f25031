import { describe, expect, it } from 'vitest';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  headerKey,
  isCombinedRtRw,
  isRowNumberHeader,
  mapHeaders,
  matchHeader,
  type ImportField,
} from './headers.ts';

// What offices write, as listed in issue 3, plus the English equivalents.
const EXPECTED: Record<ImportField, string[]> = {
  nik: ['NIK', 'No KTP', 'No. KTP', 'Nomor Induk Kependudukan', 'NIK (16 digit)', 'nik', 'NO.KTP'],
  fullName: ['Nama', 'Nama Lengkap', 'Nama Sesuai KTP', 'NAMA LENGKAP', 'Name', 'Full name', 'fullName'],
  birthPlace: ['Tempat Lahir', 'tempat_lahir', 'Place of birth'],
  birthDate: ['Tgl Lahir', 'Tanggal Lahir', 'Tgl. Lahir', 'Tgl. Lahir (dd/mm/yyyy)', 'Date of birth', 'TanggalLahir'],
  sex: ['Jenis Kelamin', 'JK', 'L/P', 'Kelamin', 'Sex', 'Gender'],
  address: ['Alamat', 'Alamat Domisili', 'Address'],
  rt: ['RT', 'RT/RW', 'rt / rw'],
  rw: ['RW', 'R.W.'],
  village: ['Desa', 'Kelurahan', 'Desa/Kelurahan', 'Desa/Kel', 'Kode Desa', 'Kode Wilayah', 'Kalurahan', 'Village'],
  district: ['Kecamatan', 'Kec', 'Kec.', 'Kapanewon', 'District'],
  regency: ['Kabupaten', 'Kota', 'Kabupaten/Kota', 'Kab/Kota', 'Kab./Kota', 'Regency'],
  phone: ['No HP', 'No. HP', 'Nomor HP', 'No Telp', 'Telepon', 'HP', 'WA', 'No WA', 'No. HP/WA (aktif)', 'Phone'],
  segment: ['Pekerjaan', 'Jenis Pekerjaan', 'Profesi', 'Occupation'],
  category: ['Kategori', 'Kategori Kepesertaan', 'Segmen', 'Category'],
  monthlyIncome: ['Penghasilan', 'Penghasilan per Bulan', 'Pendapatan', 'Penghasilan (Rp)', 'Income'],
  vulnerability: ['Kerentanan', 'Status Kerentanan', 'Desil', 'Vulnerability'],
  kpjNumber: ['KPJ', 'No KPJ', 'Nomor KPJ', 'No Peserta', 'No. KPJ'],
};

describe('matchHeader', () => {
  it.each(IMPORT_FIELDS.flatMap((field) => EXPECTED[field].map((text) => [text, field] as const)))(
    '%s → %s',
    (text, field) => {
      expect(matchHeader(text)).toBe(field);
    },
  );

  it('returns null for headers it does not know', () => {
    expect(['Keterangan', 'Nama Ibu Kandung', 'Status', '', 'NIK Ayah'].map(matchHeader)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('headerKey', () => {
  it('ignores case, diacritics, punctuation, spaces and explanations in parentheses', () => {
    expect(headerKey(' No. HP / WA ')).toBe('nohpwa');
    expect(headerKey('Tgl_Lahir (dd-mm-yyyy)')).toBe('tgllahir');
    expect(headerKey('Kécamatan*')).toBe('kecamatan');
  });

  it('keeps the parenthesised text when nothing else is left', () => {
    expect(headerKey('(NIK)')).toBe('nik');
  });
});

describe('isCombinedRtRw and isRowNumberHeader', () => {
  it('recognise the combined RT/RW column', () => {
    expect(['RT/RW', 'RT / RW', 'rt-rw', 'RT RW'].map(isCombinedRtRw)).toEqual([true, true, true, true]);
    expect(['RT', 'RW'].map(isCombinedRtRw)).toEqual([false, false]);
  });

  it('recognise the row-number columns', () => {
    expect(['No', 'No.', 'NO', 'No Urut', '#'].map(isRowNumberHeader)).toEqual([true, true, true, true, true]);
    expect(['No HP', 'NIK'].map(isRowNumberHeader)).toEqual([false, false]);
  });
});

describe('mapHeaders', () => {
  it('maps a typical village list and reports what is missing', () => {
    const mapping = mapHeaders(['No', 'NIK', 'Nama Lengkap', 'L/P', 'Tgl Lahir', 'RT/RW', 'Keterangan', '']);
    expect(mapping).toEqual({
      columns: [null, 'nik', 'fullName', 'sex', 'birthDate', 'rt', null, null],
      unknown: ['Keterangan'],
      duplicated: [],
      missingRequired: ['village'],
    });
  });

  it('lets the mapping screen override the aliases, map unknown headers and ignore columns', () => {
    const mapping = mapHeaders(['NIK', 'Nama', 'Nama Panggilan', 'Lahir', 'JK', 'Dusun', 'Desa'], {
      'Nama Panggilan': null,
      Lahir: 'birthDate',
      Dusun: 'address',
    });
    expect(mapping.columns).toEqual(['nik', 'fullName', null, 'birthDate', 'sex', 'address', 'village']);
    expect(mapping.unknown).toEqual([]);
    expect(mapping.missingRequired).toEqual([]);
  });

  it('reports fields filled by two columns, and unknown headers once', () => {
    const mapping = mapHeaders(['NIK', 'No KTP', 'Nama', 'Catatan', 'Catatan', 'Kecamatan', 'Kec']);
    expect(mapping.duplicated).toEqual(['nik', 'district']);
    expect(mapping.unknown).toEqual(['Catatan']);
    expect(mapping.missingRequired).toEqual(['birthDate', 'sex', 'village']);
  });
});

describe('field lists', () => {
  it('label every field in Indonesian and English', () => {
    for (const field of IMPORT_FIELDS) {
      expect(IMPORT_FIELD_LABELS[field].id, field).not.toBe('');
      expect(IMPORT_FIELD_LABELS[field].en, field).not.toBe('');
    }
  });

  it('require the identity fields and the village', () => {
    expect(REQUIRED_FIELDS).toEqual(['nik', 'fullName', 'birthDate', 'sex', 'village']);
  });
});
