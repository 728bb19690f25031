import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PARTICIPATION_CATEGORIES,
  PARTICIPATION_CATEGORY_LABELS,
  SEGMENT_CODES,
  SEGMENTS,
  VULNERABILITY_FLAGS,
  VULNERABILITY_FLAG_LABELS,
  segmentFromText,
  type SegmentCode,
} from './segments.ts';

describe('code lists', () => {
  it('are unique snake_case English codes with Indonesian and English labels', () => {
    for (const list of [SEGMENT_CODES, VULNERABILITY_FLAGS]) {
      expect(new Set(list).size).toBe(list.length);
      for (const c of list) expect(c).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
    }
    for (const c of SEGMENT_CODES) {
      expect(SEGMENTS[c].label.id).not.toBe('');
      expect(SEGMENTS[c].label.en).not.toBe('');
      expect(PARTICIPATION_CATEGORIES).toContain(SEGMENTS[c].defaultCategory);
    }
    for (const f of VULNERABILITY_FLAGS) expect(VULNERABILITY_FLAG_LABELS[f].id).not.toBe('');
  });

  it('cover the groups Pemda fund', () => {
    expect(SEGMENT_CODES).toEqual(
      expect.arrayContaining(['farmer', 'fisher', 'domestic_worker', 'customary_leader', 'election_worker', 'other']),
    );
    expect(SEGMENT_CODES).toHaveLength(19);
    expect(VULNERABILITY_FLAGS).toEqual(['extreme_poor', 'decile_1', 'decile_2', 'decile_3', 'decile_4', 'disability']);
  });

  it('uses the official participation categories', () => {
    expect(PARTICIPATION_CATEGORIES).toEqual(['PU', 'BPU', 'JAKON', 'PMI']);
    expect(PARTICIPATION_CATEGORY_LABELS.BPU.id).toBe('Bukan Penerima Upah (BPU)');
    expect(PARTICIPATION_CATEGORY_LABELS.JAKON.id).toBe('Jasa Konstruksi (Jakon)');
  });

  it('suggests the category of domain.md §2', () => {
    const category = (c: SegmentCode): string => SEGMENTS[c].defaultCategory;
    expect(category('non_civil_servant')).toBe('PU');
    expect(category('village_official')).toBe('PU');
    expect(category('election_worker')).toBe('PU');
    expect(category('construction_worker')).toBe('JAKON');
    expect(category('migrant_worker')).toBe('PMI');
    expect(category('farmer')).toBe('BPU');
    expect(category('domestic_worker')).toBe('BPU');
  });
});

describe('segmentFromText', () => {
  it.each<[string, SegmentCode]>([
    ['Petani', 'farmer'],
    ['TANI', 'farmer'],
    ['petani padi di Trirenggo', 'farmer'],
    ['PETANI/PEKEBUN', 'farmer'], // the KTP occupation
    ['Buruh Tani', 'farmer'],
    ['Petani Sawit', 'planter'],
    ['Pekebun', 'planter'],
    ['Peternak Sapi', 'livestock_farmer'],
    ['Nelayan', 'fisher'],
    ['Nelayan/Perikanan', 'fisher'],
    ['Petambak Garam', 'fisher'],
    ['Pedagang Kaki Lima', 'small_trader'],
    ['pedagang', 'small_trader'],
    ['Ojol', 'driver'],
    ['Ojek Online', 'driver'],
    ['Sopir', 'driver'],
    ['Buruh Harian Lepas', 'day_labourer'],
    ['BHL', 'day_labourer'],
    ['Buruh', 'day_labourer'],
    ['ART', 'domestic_worker'],
    ['Asisten Rumah Tangga', 'domestic_worker'],
    ['Pembantu Rumah Tangga', 'domestic_worker'],
    ['Seniman', 'artist'],
    ['Penari', 'artist'],
    ['Marbot', 'religious_worker'],
    ['Marbot Masjid Al-Ikhlas', 'religious_worker'],
    ['Guru Ngaji', 'religious_worker'],
    ["Mu'adzin", 'religious_worker'],
    ['Pemangku', 'religious_worker'],
    ['Pemangku Adat', 'customary_leader'],
    ['Kelian Adat', 'customary_leader'],
    ['Ketua RT', 'neighbourhood_head'],
    ['Ketua RT 03', 'neighbourhood_head'],
    ['RT/RW', 'neighbourhood_head'],
    ['Perangkat Desa', 'village_official'],
    ['Kelian Dinas', 'village_official'], // Bali's kepala dusun, not adat
    ['Anggota BPD', 'village_official'],
    ['BHP', 'village_official'], // Pringsewu's village council
    ['Non-ASN', 'non_civil_servant'],
    ['Tenaga Honorer', 'non_civil_servant'],
    ['Guru Honorer', 'non_civil_servant'],
    ['Tenaga Harian Lepas', 'non_civil_servant'],
    ['Relawan Bencana', 'volunteer'],
    ['TKSK', 'volunteer'],
    ['TKPK', 'volunteer'],
    ['Relawan PMI', 'volunteer'], // Palang Merah Indonesia
    ['KPPS', 'election_worker'],
    ['Anggota PPS', 'election_worker'],
    ['Pantarlih', 'election_worker'],
    ['Buruh Bangunan', 'construction_worker'],
    ['Tukang Batu', 'construction_worker'],
    ['PMI', 'migrant_worker'],
    ['TKW', 'migrant_worker'],
    ['Pekerja Migran Indonesia', 'migrant_worker'],
    ['Lainnya', 'other'],
    ['Lain-lain', 'other'],
    ['Farmer', 'farmer'],
    ['domestic worker', 'domestic_worker'],
  ])('%j → %s', (text, expected) => {
    expect(segmentFromText(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'Guru',
    'Ibu Rumah Tangga',
    'Mengurus Rumah Tangga',
    'Wiraswasta',
    'Pelajar/Mahasiswa',
    'PPL',
    'Tukang',
    'Tukang Cukur',
    'Karyawan Swasta',
    'Partani',
  ])('returns null for %j rather than guessing', (text) => {
    expect(segmentFromText(text)).toBeNull();
  });

  it('maps every alias, label and code back to its own segment (no alias is claimed twice)', () => {
    for (const c of SEGMENT_CODES) {
      for (const alias of [c, SEGMENTS[c].label.id, SEGMENTS[c].label.en, ...SEGMENTS[c].aliases]) {
        expect({ alias, segment: segmentFromText(alias) }).toEqual({ alias, segment: c });
      }
    }
  });

  it('ignores case and surrounding punctuation', () => {
    const aliases = SEGMENT_CODES.flatMap((c) => SEGMENTS[c].aliases.map((alias) => ({ alias, c })));
    fc.assert(
      fc.property(
        fc.constantFrom(...aliases),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.constantFrom('', ' ', '.', '-', '(', '"'),
        ({ alias, c }, upper, edge) => {
          const cased = [...alias].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('');
          return segmentFromText(`${edge}${cased}${edge}`) === c;
        },
      ),
    );
  });
});
