// The words of the regions module, Indonesian first (the default) and English with exactly the same keys. Each web
// module keeps its words here, in `<module>-text.ts`; the shell's own words are in app/shell-text.ts.
import { moduleText, type ModuleT } from '../../app/module-text.ts';

const id = {
  'level.province': 'Provinsi',
  'level.regency': 'Kabupaten/Kota',
  'level.district': 'Kecamatan',
  'level.village': 'Desa/Kelurahan',

  'region.legend': 'Wilayah kerja',
  'region.hint':
    'Pilih sampai tingkat wilayah kerja pengguna. Berhenti di Kabupaten/Kota untuk petugas tingkat kabupaten, di Desa/Kelurahan untuk operator desa.',
  'region.selected': 'Wilayah terpilih: {label}',
  'region.national': 'Seluruh Indonesia',
  'region.choose': 'Pilih {level}',
  'region.all': 'Semua {level}',
  'region.none': 'Tidak ada data',
  'region.clear': 'Kosongkan pilihan',
  'region.quickFind': 'Cari wilayah',
  'region.quickFindHint': 'Ketik minimal 2 huruf nama desa, kecamatan, atau kabupaten.',
  'region.quickFindPlaceholder': 'Misalnya Trirenggo',
  'region.noMatch': 'Tidak ada wilayah dengan nama itu di wilayah kerja Anda.',

  'regions.title': 'Wilayah',
  'regions.description': 'Kode dan nama wilayah Kemendagri yang dipakai Lindung, dari provinsi sampai desa/kelurahan.',
  'regions.breadcrumbs': 'Lokasi dalam daftar wilayah',
  'regions.root': 'Indonesia',
  'regions.stats': 'Jumlah wilayah',
  'regions.search': 'Cari wilayah',
  'regions.searchPlaceholder': 'Nama wilayah, minimal 2 huruf',
  'regions.searchResults': 'Hasil pencarian “{q}”',
  'regions.children': 'Daftar {level}',
  'regions.col.code': 'Kode',
  'regions.col.name': 'Nama',
  'regions.col.level': 'Tingkat',
  'regions.col.validFrom': 'Berlaku sejak',
  'regions.open': 'Buka {name}',
  'regions.emptyChildren': 'Wilayah ini tidak memiliki wilayah di bawahnya.',
  'regions.emptySearch': 'Tidak ada wilayah yang cocok. Periksa ejaan atau coba sebagian nama saja.',
  'regions.villageLeaf': 'Desa/kelurahan adalah tingkat terendah.',
} as const;

export type RegionsKey = keyof typeof id;

const en: Readonly<Record<RegionsKey, string>> = {
  'level.province': 'Province',
  'level.regency': 'Regency/City',
  'level.district': 'District',
  'level.village': 'Village',

  'region.legend': 'Working region',
  'region.hint':
    'Choose down to the user’s working level. Stop at Regency/City for regency staff, at Village for a village operator.',
  'region.selected': 'Selected region: {label}',
  'region.national': 'All of Indonesia',
  'region.choose': 'Choose {level}',
  'region.all': 'All {level}',
  'region.none': 'No data',
  'region.clear': 'Clear the choice',
  'region.quickFind': 'Find a region',
  'region.quickFindHint': 'Type at least 2 letters of a village, district or regency name.',
  'region.quickFindPlaceholder': 'For example Trirenggo',
  'region.noMatch': 'No region with that name in your working region.',

  'regions.title': 'Regions',
  'regions.description': 'Kemendagri region codes and names used by Lindung, from province down to village.',
  'regions.breadcrumbs': 'Position in the region list',
  'regions.root': 'Indonesia',
  'regions.stats': 'Number of regions',
  'regions.search': 'Search regions',
  'regions.searchPlaceholder': 'Region name, at least 2 letters',
  'regions.searchResults': 'Results for “{q}”',
  'regions.children': '{level} list',
  'regions.col.code': 'Code',
  'regions.col.name': 'Name',
  'regions.col.level': 'Level',
  'regions.col.validFrom': 'Valid from',
  'regions.open': 'Open {name}',
  'regions.emptyChildren': 'This region has no regions below it.',
  'regions.emptySearch': 'No region matches. Check the spelling or try part of the name.',
  'regions.villageLeaf': 'Villages are the lowest level.',
};

export type RegionsT = ModuleT<RegionsKey>;
export const useRegionsText = moduleText<RegionsKey>({ id, en });
