// Seed for the effective-dated contribution rule table, from /work/shared/domain.md §1–3 (research up to Feb 2026).
//
// Every figure carries its legal citation (`citation`: regulation and article only, the one text that is printed or
// shown to the public) and an internal note for administrators (`note`: sources and confidence, [V] checked in the
// regulation text, [S] secondary source, ⚠ uncertain, and what awaits verification). Dates marked "assumption" are not in the sources: most are the first day of the
// month in which a regulation took effect, because contributions are monthly. An administrator corrects these rows
// (with audit); the engine never hard-codes a figure.
//
// Amounts: integer rupiah. Percentages: integer basis points (1 % = 100 bp).
import type { ContributionRuleRow } from './contribution-types.ts';
import {
  PP_2015_START,
  puRates,
  jpWageCaps,
  otherMandatoryPrograms,
  puMandatoryPrograms,
  jkpPrerequisites,
  jkpRules,
} from './contribution-rules.pu.seed.ts';
import { bpuRules } from './contribution-rules.bpu.seed.ts';
import { jakonRules, pmiRules } from './contribution-rules.jakon-pmi.seed.ts';

// --- Discounts ---------------------------------------------------------------------------------------------------

const discountRules: ContributionRuleRow[] = [
  {
    // Covers PU, BPU and Jakon JKK/JKM (BPU JKM Rp6,800 → Rp68). PMI packages in this seed start in 2023, after
    // the window, so the category list does not need PMI. The JP deferral of the same PP is not modelled.
    key: 'discount.pp49_2020',
    scope: '',
    validFrom: '2020-08-01',
    validTo: '2021-01-31',
    citation: 'PP 49/2020 Pasal 9 dan Pasal 12',
    note: 'PP 49/2020 Pasal 9, 12 (keringanan iuran JKK dan JKM 99%, Agustus 2020–Januari 2021) [V] pasal.id',
    value: {
      kind: 'discount',
      percentBp: 9_900,
      categories: ['pu', 'bpu', 'jakon'],
      programs: ['jkk', 'jkm'],
      excludedFundings: [],
    },
  },
  // PP 7/2025 applies only to "industri padat karya tertentu" (≥50 workers, listed sectors); a quote input does not
  // say whether an employer qualifies, so these rows are notes for the audit trail, not applied.
  {
    key: 'discount.pp7_2025.pu',
    scope: 'padat_karya',
    validFrom: '2025-02-01',
    validTo: '2025-07-31',
    citation: 'PP 7/2025',
    note: 'PP 7/2025 (diskon JKK 50% industri padat karya tertentu, Feb–Jul 2025) [S] (mulai 1 Feb: asumsi)',
    value: {
      kind: 'note',
      text: 'Diskon 50% JKK untuk industri padat karya tertentu; belum diterapkan otomatis oleh mesin.',
    },
  },
  {
    key: 'discount.pp7_2025.pu',
    scope: 'padat_karya',
    validFrom: '2025-08-01',
    validTo: '2026-01-31',
    citation: 'PP 7/2025 sebagaimana diubah',
    note: 'Revisi PP 7/2025 (perpanjangan diskon JKK 50% s.d. Januari 2026) [S] ⚠ nomor PP revisi belum diketahui',
    value: {
      kind: 'note',
      text: 'Perpanjangan diskon 50% JKK padat karya; belum diterapkan otomatis oleh mesin.',
    },
  },
  // PP 50/2025: APBDes is excluded too. The text excludes BPU paid "melalui APBN atau APBD"; village budgets are
  // largely APBN/APBD transfers (Dana Desa, ADD), and a budget must not assume a discount that may be refused.
  // ⚠ decision, to confirm with the BPJS branch.
  {
    key: 'discount.pp50_2025.bpu',
    scope: 'transport',
    validFrom: '2026-01-01',
    validTo: '2027-03-31',
    citation: 'PP 50/2025 Pasal 4',
    note: 'PP 50/2025 Pasal 4 (diskon 50% JKK+JKM BPU sektor transportasi, Jan 2026–Mar 2027; tidak untuk APBN/APBD) [S]',
    value: {
      kind: 'discount',
      percentBp: 5_000,
      categories: ['bpu'],
      programs: ['jkk', 'jkm'],
      excludedFundings: ['apbn', 'apbd', 'apbdes'],
    },
  },
  {
    key: 'discount.pp50_2025.bpu',
    scope: 'other',
    validFrom: '2026-04-01',
    validTo: '2026-12-31',
    citation: 'PP 50/2025 Pasal 4',
    note: 'PP 50/2025 Pasal 4 (diskon 50% JKK+JKM BPU sektor non-transportasi, Apr–Des 2026; tidak untuk APBN/APBD) [S]',
    value: {
      kind: 'discount',
      percentBp: 5_000,
      categories: ['bpu'],
      programs: ['jkk', 'jkm'],
      excludedFundings: ['apbn', 'apbd', 'apbdes'],
    },
  },
];

// --- Rounding ----------------------------------------------------------------------------------------------------

const roundingRules: ContributionRuleRow[] = [
  {
    key: 'rounding.mode',
    scope: '',
    validFrom: PP_2015_START,
    validTo: null,
    // No regulation states a rounding rule: the citation says so rather than citing one.
    citation: 'Tidak diatur dalam peraturan; kebijakan pembulatan Lindung',
    note:
      'Tidak ditemukan dalam regulasi (domain.md §11.9): kebijakan Lindung, pembulatan setengah ke atas ke rupiah ' +
      'penuh per baris iuran; dapat diubah admin setelah konfirmasi BPJS',
    value: { kind: 'rounding', mode: 'half_up' },
  },
];

export const CONTRIBUTION_RULE_SEED: ContributionRuleRow[] = [
  ...puRates,
  ...jpWageCaps,
  ...puMandatoryPrograms,
  ...otherMandatoryPrograms,
  ...jkpPrerequisites,
  ...jkpRules,
  ...bpuRules,
  ...jakonRules,
  ...pmiRules,
  ...discountRules,
  ...roundingRules,
];
