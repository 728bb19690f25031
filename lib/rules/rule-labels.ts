// What a contribution rule row is about, in words, for printed and public text: "Batas upah JP", "Penghasilan BPU
// (baris 8)". A rule's dotted key (`bpu.income.row`) is a name for the code and the administrators, not for a
// report to the Bupati or the public calculator.
import type { Bilingual, Locale } from '../i18n/locale.ts';

const SIZE: Record<string, Bilingual> = {
  micro: { id: 'mikro', en: 'micro' },
  small: { id: 'kecil', en: 'small' },
  medium: { id: 'menengah', en: 'medium' },
  large: { id: 'besar', en: 'large' },
};

const SECTOR: Record<string, Bilingual> = {
  transport: { id: 'sektor transportasi', en: 'transport sector' },
  other: { id: 'sektor lain', en: 'other sectors' },
  padat_karya: { id: 'industri padat karya', en: 'labour-intensive industry' },
};

const LABELS: Record<string, Bilingual> = {
  'pu.jkm.rate': { id: 'Iuran JKM PU', en: 'PU JKM contribution' },
  'pu.jht.rate': { id: 'Iuran JHT PU', en: 'PU JHT contribution' },
  'pu.jp.rate': { id: 'Iuran JP PU', en: 'PU JP contribution' },
  'pu.jp.wage_cap': { id: 'Batas upah JP', en: 'JP wage cap' },
  'pu.mandatory_programs': { id: 'Program wajib PU', en: 'Mandatory PU programmes' },
  'pu.jkp.prerequisite': { id: 'Syarat program JKP', en: 'JKP prerequisites' },
  'pu.jkp.rate': { id: 'Iuran JKP', en: 'JKP contribution' },
  'pu.jkp.government': { id: 'Iuran JKP bagian Pemerintah Pusat', en: 'JKP central-government share' },
  'pu.jkp.recomposition.jkk': { id: 'Rekomposisi iuran JKK ke JKP', en: 'JKK recomposed into JKP' },
  'pu.jkp.recomposition.jkm': { id: 'Rekomposisi iuran JKM ke JKP', en: 'JKM recomposed into JKP' },
  'pu.jkp.wage_cap': { id: 'Batas upah JKP', en: 'JKP wage cap' },
  'bpu.mandatory_programs': { id: 'Program wajib BPU', en: 'Mandatory BPU programmes' },
  'bpu.jkk.rate': { id: 'Iuran JKK BPU', en: 'BPU JKK contribution' },
  'bpu.jkm.flat': { id: 'Iuran JKM BPU', en: 'BPU JKM contribution' },
  'bpu.jht.rate': { id: 'Iuran JHT BPU', en: 'BPU JHT contribution' },
  'bpu.income.row': { id: 'Penghasilan BPU', en: 'BPU declared income' },
  'bpu.income.bounds': { id: 'Batas penghasilan BPU', en: 'BPU income limits' },
  'jakon.mandatory_programs': { id: 'Program wajib jasa konstruksi', en: 'Mandatory construction programmes' },
  'jakon.jkk.rate': { id: 'Iuran JKK jasa konstruksi', en: 'Construction JKK contribution' },
  'jakon.jkm.rate': { id: 'Iuran JKM jasa konstruksi', en: 'Construction JKM contribution' },
  'jakon.jkk.slice': { id: 'Iuran JKK jasa konstruksi per nilai kontrak', en: 'Construction JKK by contract value' },
  'jakon.jkm.slice': { id: 'Iuran JKM jasa konstruksi per nilai kontrak', en: 'Construction JKM by contract value' },
  'pmi.package.pre': { id: 'Paket PMI sebelum bekerja', en: 'Migrant worker pre-employment package' },
  'pmi.package.6': { id: 'Paket PMI kontrak 6 bulan', en: 'Migrant worker 6-month package' },
  'pmi.package.12': { id: 'Paket PMI kontrak 12 bulan', en: 'Migrant worker 12-month package' },
  'pmi.package.24': { id: 'Paket PMI kontrak 24 bulan', en: 'Migrant worker 24-month package' },
  'pmi.extra_month': { id: 'Iuran PMI per bulan perpanjangan', en: 'Migrant worker extra month' },
  'discount.pp49_2020': { id: 'Keringanan iuran JKK dan JKM', en: 'JKK and JKM relief' },
  'discount.pp7_2025.pu': { id: 'Diskon JKK padat karya', en: 'Labour-intensive JKK discount' },
  'discount.pp50_2025.bpu': { id: 'Diskon iuran JKK dan JKM BPU', en: 'BPU JKK and JKM discount' },
  'rounding.mode': { id: 'Pembulatan rupiah', en: 'Rupiah rounding' },
};

function scopeWords(key: string, scope: string, locale: Locale): string {
  if (scope === '') return '';
  const en = locale === 'en';
  if (key.endsWith('.mandatory_programs') || key === 'pu.jkp.prerequisite') {
    const size = SIZE[scope];
    return size ? (en ? `${size.en} employer` : `usaha ${size.id}`) : scope;
  }
  if (key === 'bpu.income.row') return en ? `row ${scope}` : `baris ${scope}`;
  if (key.endsWith('.slice')) return en ? `band ${scope}` : `lapisan ${scope}`;
  return SECTOR[scope]?.[locale] ?? scope;
}

/**
 * The rule in words, with its scope: `Iuran JKK PU kelompok risiko 1`, `Program wajib PU (usaha menengah)`. A key
 * an administrator added that has no label yet reads as its last parts ("wage cap"), never as a dotted key.
 */
export function ruleLabel(key: string, scope: string, locale: Locale = 'id'): string {
  const riskClass = /^pu\.jkk\.rate\.class([1-5])$/.exec(key);
  let base: string;
  if (riskClass) {
    base =
      locale === 'en'
        ? `PU JKK contribution, risk class ${riskClass[1]}`
        : `Iuran JKK PU kelompok risiko ${riskClass[1]}`;
  } else {
    const words = key.split('.').slice(1).join(' ').replace(/_/g, ' ');
    base = LABELS[key]?.[locale] ?? `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  }
  const words = scopeWords(key, scope, locale);
  return words ? `${base} (${words})` : base;
}
