// Who a worker is, for targeting and reporting: occupation segment, BPJS TK participation category and
// vulnerability flags. Codes are English snake_case (stable, stored); labels are Indonesian first.
//
// The segments follow the groups Pemda actually fund and report on (domain.md §2, scenarios.md: Denpasar's
// farmers, fishermen, kelian adat and artists; Pringsewu's RT heads and election officers; Banjar's domestic
// workers; Bantul's non-ASN staff and volunteers). `segmentFromText` maps what operators write in the
// "pekerjaan" column to a segment; it returns null rather than guessing, so the importer can ask.

import type { Bilingual } from '../i18n/locale.ts';

// ---------------------------------------------------------------------------------------------------------------
// Participation categories (domain.md §2)

export const PARTICIPATION_CATEGORIES = ['PU', 'BPU', 'JAKON', 'PMI'] as const;
export type ParticipationCategory = (typeof PARTICIPATION_CATEGORIES)[number];

export const PARTICIPATION_CATEGORY_LABELS: Readonly<Record<ParticipationCategory, Bilingual>> = {
  PU: { id: 'Penerima Upah (PU)', en: 'Wage earners (PU)' },
  BPU: {
    id: 'Bukan Penerima Upah (BPU)',
    en: 'Non-wage earners, self-employed (BPU)',
  },
  JAKON: {
    id: 'Jasa Konstruksi (Jakon)',
    en: 'Construction services (Jakon)',
  },
  PMI: {
    id: 'Pekerja Migran Indonesia (PMI)',
    en: 'Indonesian migrant workers (PMI)',
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Vulnerability flags

/**
 * Flags used to target APBD-funded protection. Deciles are DTSEN welfare deciles (desil 1 = poorest); a person has
 * at most one of them, they are separate flags because programmes cut at different deciles (1 only, or 1–4).
 */
export const VULNERABILITY_FLAGS = [
  'extreme_poor',
  'decile_1',
  'decile_2',
  'decile_3',
  'decile_4',
  'disability',
] as const;
export type VulnerabilityFlag = (typeof VULNERABILITY_FLAGS)[number];

export const VULNERABILITY_FLAG_LABELS: Readonly<Record<VulnerabilityFlag, Bilingual>> = {
  extreme_poor: { id: 'Miskin ekstrem', en: 'Extreme poor' },
  decile_1: { id: 'Desil 1', en: 'Welfare decile 1' },
  decile_2: { id: 'Desil 2', en: 'Welfare decile 2' },
  decile_3: { id: 'Desil 3', en: 'Welfare decile 3' },
  decile_4: { id: 'Desil 4', en: 'Welfare decile 4' },
  disability: { id: 'Penyandang disabilitas', en: 'Person with disability' },
};

// ---------------------------------------------------------------------------------------------------------------
// Occupation segments

export const SEGMENT_CODES = [
  'farmer',
  'planter',
  'livestock_farmer',
  'fisher',
  'small_trader',
  'driver',
  'day_labourer',
  'domestic_worker',
  'artist',
  'religious_worker',
  'customary_leader',
  'neighbourhood_head',
  'village_official',
  'non_civil_servant',
  'volunteer',
  'election_worker',
  'construction_worker',
  'migrant_worker',
  'other',
] as const;
export type SegmentCode = (typeof SEGMENT_CODES)[number];

export interface SegmentDefinition {
  label: Bilingual;
  /**
   * The category Pemda usually register this group under (domain.md §2). A default for forms, not a rule: the
   * local agreement (PKS) with the BPJS branch decides, e.g. RT/RW heads are sometimes PU of the desa.
   */
  defaultCategory: ParticipationCategory;
  /** What operators write in the occupation column, lower case. Matching ignores case and punctuation. */
  aliases: readonly string[];
}

/**
 * Sector words win over employment form: "Buruh Tani" is a farmer, "Buruh Bangunan" a construction worker; only
 * a plain "Buruh" is a day labourer. Deliberately absent because they are ambiguous in these lists: "Guru"
 * (teacher, often non-ASN), "Tukang" (any trade), "Mandor" (construction or plantation), "PPL" (election field
 * supervisor or agricultural extension officer), "PKL" (street vendor or internship), "Wiraswasta".
 */
export const SEGMENTS: Readonly<Record<SegmentCode, SegmentDefinition>> = {
  farmer: {
    label: { id: 'Petani', en: 'Farmer' },
    defaultCategory: 'BPU',
    aliases: [
      'petani',
      'tani',
      'buruh tani',
      'petani sawah',
      'petani padi',
      'petani penggarap',
      'penggarap',
      'pekerja tani',
      'pertanian',
    ],
  },
  planter: {
    label: { id: 'Pekebun', en: 'Smallholder planter' },
    defaultCategory: 'BPU',
    aliases: [
      'pekebun',
      'perkebunan',
      'petani kebun',
      'petani sawit',
      'petani karet',
      'petani kopi',
      'petani kakao',
      'petani cengkeh',
      'petani kelapa',
      'penyadap karet',
      'buruh kebun',
      'buruh perkebunan',
    ],
  },
  livestock_farmer: {
    label: { id: 'Peternak', en: 'Livestock farmer' },
    defaultCategory: 'BPU',
    aliases: ['peternak', 'ternak', 'peternakan', 'penggembala', 'buruh ternak', 'buruh peternakan'],
  },
  fisher: {
    label: { id: 'Nelayan', en: 'Fisher' },
    defaultCategory: 'BPU',
    // UU 7/2016 protects fishers, fish farmers and salt farmers together.
    aliases: [
      'nelayan',
      'nelayan tangkap',
      'buruh nelayan',
      'perikanan',
      'pembudidaya ikan',
      'pembudi daya ikan',
      'petambak',
      'petani tambak',
      'petambak garam',
      'petani garam',
      'fisherman',
      'fishermen',
    ],
  },
  small_trader: {
    label: { id: 'Pedagang kecil', en: 'Small trader' },
    defaultCategory: 'BPU',
    aliases: [
      'pedagang',
      'pedagang kaki lima',
      'pedagang keliling',
      'pedagang asongan',
      'pedagang pasar',
      'asongan',
      'dagang',
      'berdagang',
      'penjual',
      'warung',
      'pemilik warung',
      'street vendor',
      'trader',
    ],
  },
  driver: {
    label: { id: 'Ojek/pengemudi', en: 'Ojek rider or driver' },
    defaultCategory: 'BPU',
    // The transport group of PP 50/2025 (ojol, ojek pangkalan, sopir, kurir).
    aliases: [
      'ojek',
      'ojol',
      'ojek online',
      'ojek pangkalan',
      'tukang ojek',
      'pengemudi',
      'sopir',
      'supir',
      'sopir angkot',
      'kurir',
      'becak',
      'tukang becak',
      'bentor',
      'kusir',
    ],
  },
  day_labourer: {
    label: { id: 'Buruh harian lepas', en: 'Casual day labourer' },
    defaultCategory: 'BPU',
    aliases: [
      'bhl',
      'buruh',
      'buruh harian',
      'buruh lepas',
      'buruh serabutan',
      'buruh angkut',
      'kuli',
      'kuli angkut',
      'serabutan',
      'pekerja serabutan',
      'pekerja lepas',
      'pekerja harian lepas',
    ],
  },
  domestic_worker: {
    label: { id: 'Asisten rumah tangga', en: 'Domestic worker' },
    defaultCategory: 'BPU',
    aliases: ['art', 'pembantu rumah tangga', 'prt', 'pekerja rumah tangga', 'pembantu', 'pengasuh anak', 'housemaid'],
  },
  artist: {
    label: { id: 'Seniman/budayawan', en: 'Artist or cultural worker' },
    defaultCategory: 'BPU',
    aliases: [
      'seniman',
      'budayawan',
      'pelaku seni',
      'pekerja seni',
      'penari',
      'dalang',
      'sinden',
      'pesinden',
      'pengrawit',
      'niyaga',
      'musisi',
      'pemusik',
      'pelukis',
      'penyanyi',
    ],
  },
  religious_worker: {
    label: {
      id: 'Tokoh agama/marbot/guru ngaji',
      en: "Religious worker (leader, mosque caretaker, Qur'an teacher)",
    },
    defaultCategory: 'BPU',
    aliases: [
      'tokoh agama',
      'marbot',
      'marbut',
      'guru ngaji',
      'guru mengaji',
      'pengajar ngaji',
      'ustadz',
      'ustad',
      'ustaz',
      'ustadzah',
      'ustazah',
      'imam',
      'imam masjid',
      'muadzin',
      'muazin',
      'bilal',
      'modin',
      'khatib',
      'takmir',
      'takmir masjid',
      'penjaga masjid',
      'pengurus masjid',
      'penyuluh agama',
      'pendeta',
      'pastor',
      'penatua',
      'pemangku',
      'pinandita',
      'biksu',
    ],
  },
  customary_leader: {
    label: { id: 'Pemuka/kelian adat', en: 'Customary (adat) leader' },
    defaultCategory: 'BPU',
    aliases: [
      'pemuka adat',
      'kelian adat',
      'kelian',
      'kelian banjar adat',
      'tokoh adat',
      'ketua adat',
      'kepala adat',
      'pemangku adat',
      'bendesa',
      'bendesa adat',
      'prajuru adat',
      'pecalang',
      'ninik mamak',
    ],
  },
  neighbourhood_head: {
    label: { id: 'Ketua RT/RW', en: 'Neighbourhood (RT/RW) head' },
    defaultCategory: 'BPU',
    aliases: ['ketua rt', 'ketua rw', 'rt', 'rw', 'rt rw', 'pengurus rt', 'pengurus rw', 'kepala lingkungan', 'kaling'],
  },
  village_official: {
    label: {
      id: 'Perangkat desa/BPD',
      en: 'Village official or council member',
    },
    defaultCategory: 'PU',
    // BHP (Badan Hippun Pemekonan) is Lampung's BPD; "kelian dinas" is Bali's kepala dusun.
    aliases: [
      'perangkat desa',
      'aparatur desa',
      'aparat desa',
      'pamong desa',
      'kepala desa',
      'kades',
      'sekretaris desa',
      'sekdes',
      'kaur',
      'kasi',
      'kepala dusun',
      'kadus',
      'kelian dinas',
      'kelian banjar dinas',
      'staf desa',
      'operator desa',
      'bpd',
      'anggota bpd',
      'badan permusyawaratan desa',
      'bhp',
      'badan hippun pemekonan',
    ],
  },
  non_civil_servant: {
    label: {
      id: 'Non-ASN Pemda',
      en: 'Local government non-civil-servant staff',
    },
    defaultCategory: 'PU',
    aliases: [
      'non asn',
      'pegawai non asn',
      'tenaga non asn',
      'honorer',
      'tenaga honorer',
      'pegawai honorer',
      'guru honorer',
      'tenaga kontrak',
      'pegawai kontrak',
      'thl',
      'tenaga harian lepas',
      'ptt',
      'pegawai tidak tetap',
      'tkk',
      'tenaga kerja kontrak',
    ],
  },
  volunteer: {
    label: {
      id: 'Relawan (bencana, TKSK, TKPK)',
      en: 'Volunteer (disaster, TKSK, TKPK)',
    },
    defaultCategory: 'BPU',
    aliases: [
      'relawan',
      'relawan bencana',
      'relawan pmi',
      'relawan desa',
      'tksk',
      'tenaga kesejahteraan sosial kecamatan',
      'tkpk',
      'tagana',
      'destana',
      'kader',
      'kader posyandu',
      'linmas',
      'satlinmas',
      'psm',
      'pekerja sosial masyarakat',
    ],
  },
  election_worker: {
    label: { id: 'Petugas pemilu ad hoc', en: 'Ad-hoc election worker' },
    defaultCategory: 'PU',
    aliases: [
      'petugas pemilu',
      'petugas pilkada',
      'petugas ad hoc',
      'badan ad hoc',
      'penyelenggara pemilu ad hoc',
      'kpps',
      'pps',
      'ppk',
      'pantarlih',
      'panwascam',
      'panwaslu kecamatan',
      'pkd',
      'ptps',
      'pengawas tps',
      'petugas ketertiban tps',
    ],
  },
  construction_worker: {
    label: { id: 'Pekerja jasa konstruksi', en: 'Construction worker' },
    defaultCategory: 'JAKON',
    aliases: [
      'jasa konstruksi',
      'jakon',
      'konstruksi',
      'pekerja konstruksi',
      'buruh bangunan',
      'tukang bangunan',
      'kuli bangunan',
      'pekerja bangunan',
      'tukang batu',
      'tukang kayu',
      'tukang besi',
      'tukang cat',
      'mandor bangunan',
    ],
  },
  migrant_worker: {
    label: {
      id: 'Pekerja Migran Indonesia (PMI)',
      en: 'Indonesian migrant worker',
    },
    defaultCategory: 'PMI',
    aliases: ['pmi', 'cpmi', 'calon pmi', 'pekerja migran', 'buruh migran', 'tki', 'tkw', 'tenaga kerja indonesia'],
  },
  other: {
    label: { id: 'Lainnya', en: 'Other' },
    defaultCategory: 'BPU',
    aliases: ['lainnya', 'lain lain', 'others'],
  },
};

/** Lower case, apostrophes dropped (Mu'adzin = Muadzin), any other punctuation a word break ("RT/RW", "Non-ASN"). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['‘’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

interface AliasEntry {
  code: SegmentCode;
  words: readonly string[];
}

/**
 * Every alias plus both labels and the code itself, longest first (by words). Array.prototype.sort is stable, so
 * equally long aliases keep the SEGMENT_CODES order: "Petani/Pekebun" (a KTP occupation) is a farmer.
 */
const ALIAS_INDEX: readonly AliasEntry[] = SEGMENT_CODES.flatMap((code) => {
  const s = SEGMENTS[code];
  return [code, s.label.id, s.label.en, ...s.aliases].map((alias) => ({
    code,
    words: words(alias),
  }));
}).sort((a, b) => b.words.length - a.words.length);

function containsRun(haystack: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= haystack.length; i += 1) {
    if (run.every((w, j) => haystack[i + j] === w)) return true;
  }
  return false;
}

/**
 * The segment an occupation text names, or null. The longest alias found as whole words wins: "Petani Sawit" is a
 * planter, "Relawan PMI" (Red Cross) a volunteer, "PMI" a migrant worker, "Ketua RT 03" an RT head.
 */
export function segmentFromText(text: string): SegmentCode | null {
  const haystack = words(text);
  if (haystack.length === 0) return null;
  return ALIAS_INDEX.find((entry) => containsRun(haystack, entry.words))?.code ?? null;
}
