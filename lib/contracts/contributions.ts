// Contracts of the contributions module: the public calculator (quote, cost, rules, benefits) and the admin rule
// editor. Amounts are whole rupiah (JSON numbers, safe integers); percentages are basis points (1 % = 100 bp).
import { z } from 'zod';
import type { ContributionRuleRow, RuleValue } from '../rules/contribution-types.ts';
import { hasResearchMarkers } from '../rules/contributions.ts';
import type { BenefitSummary } from '../rules/benefits.ts';
import { isoDate, isoMonth } from './common.ts';

const PROGRAMS = ['jkk', 'jkm', 'jht', 'jp', 'jkp'] as const;

export { isoDate };
export const rupiah = z.int().positive().describe('Rupiah penuh (bilangan bulat > 0)');
const rupiahOrZero = z.int().min(0).describe('Rupiah penuh (bilangan bulat ≥ 0)');
const basisPoints = z.int().min(0).max(10_000).describe('Basis poin: 1% = 100, 0,24% = 24');

export const category = z.enum(['pu', 'bpu', 'jakon', 'pmi']).describe('pu, bpu, jakon atau pmi');
export const program = z.enum(PROGRAMS);
export const itemProgram = z
  .enum([...PROGRAMS, 'jkk_jkm'])
  .describe('Program baris iuran; jkk_jkm = paket PMI untuk JKK dan JKM bersama (Permenaker 4/2023 Pasal 18)');
export const payer = z
  .enum(['employer', 'worker', 'participant', 'government'])
  .describe(
    'employer = pemberi kerja (juga kontraktor Jakon dan perusahaan CSR); worker = pekerja PU; ' +
      'participant = peserta BPU/PMI yang membayar sendiri; government = APBD/APBN/APBDes atau bagian Pemerintah Pusat JKP',
  );
export const funding = z
  .enum(['self', 'apbd', 'apbn', 'apbdes', 'csr'])
  .describe('Sumber dana iuran BPU; bawaan self. PP 50/2025 tidak berlaku untuk apbd, apbn, apbdes');
export const sector = z
  .enum(['transport', 'other'])
  .describe('Sektor BPU untuk PP 50/2025: transport (ojol, ojek pangkalan, sopir, kurir) atau other (bawaan)');
export const employerSize = z.enum(['micro', 'small', 'medium', 'large']).describe('Skala usaha pemberi kerja');
export const riskClass = z.literal([1, 2, 3, 4, 5]).describe('Kelompok tingkat risiko JKK (PP 82/2019 Lampiran I)');

const programList = z
  .array(program)
  .min(1)
  .max(PROGRAMS.length)
  .refine((list) => new Set(list).size === list.length, 'program tidak boleh ganda');

// ---------------------------------------------------------------------------------------------------------------
// Quote

const bpuFields = {
  category: z.literal('bpu'),
  income: rupiah.describe(
    'Penghasilan sebulan yang dilaporkan: harus salah satu baris PP 44/2015 Lampiran II ' +
      '(GET /api/contributions/rules?key=bpu.income.row), mis. 1000000 atau 2400000',
  ),
  programs: programList.describe('JKK dan JKM wajib, JHT opsional'),
  funding: funding.optional(),
  sector: sector.optional(),
};
const puFields = {
  category: z.literal('pu'),
  wage: rupiah.describe('Upah sebulan (upah pokok + tunjangan tetap)'),
  riskClass,
  employerSize,
  programs: programList.describe('Program wajib menurut skala usaha (Perpres 109/2013); JKP butuh JHT (dan JP)'),
};
const jakonWageFields = {
  category: z.literal('jakon'),
  wage: rupiah.describe('Upah sebulan per pekerja, bila diketahui'),
  programs: programList.optional().describe('Bawaan JKK dan JKM (satu-satunya program Jakon)'),
};

const dateField = { date: isoDate.describe('Tanggal perhitungan: aturan yang berlaku pada tanggal ini dipakai') };

export const bpuQuoteRequest = z.strictObject({ ...bpuFields, ...dateField });
export const puQuoteRequest = z.strictObject({ ...puFields, ...dateField });
export const jakonQuoteRequest = z
  .strictObject({
    category: z.literal('jakon'),
    contractValue: rupiah
      .optional()
      .describe('Nilai kontrak tanpa PPN, bila upah tidak diketahui: iuran sekali bayar per proyek'),
    wage: jakonWageFields.wage.optional(),
    programs: jakonWageFields.programs,
    ...dateField,
  })
  .refine((v) => (v.contractValue === undefined) !== (v.wage === undefined), {
    message: 'isi tepat satu dari contractValue (nilai kontrak) atau wage (upah)',
    path: ['contractValue'],
  });
export const pmiQuoteRequest = z.strictObject({
  category: z.literal('pmi'),
  package: z.literal([6, 12, 24]).describe('Lama kontrak kerja yang ditanggung paket selama dan setelah bekerja'),
  extraMonths: z.int().min(0).max(1_200).optional().describe('Bulan di luar paket, dibayar sekaligus; bawaan 0'),
  preEmployment: z.boolean().optional().describe('Sertakan paket sebelum bekerja Rp37.500; bawaan true'),
  ...dateField,
});

export const quoteRequest = z
  .discriminatedUnion('category', [bpuQuoteRequest, puQuoteRequest, jakonQuoteRequest, pmiQuoteRequest])
  .describe('Satu peserta (BPU, PU, Jakon dengan upah: sebulan), satu proyek Jakon, atau satu kontrak PMI');
export type QuoteRequest = z.infer<typeof quoteRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Rule rows

export const ruleKey = z
  .string()
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, 'nama bertitik huruf kecil, mis. pu.jp.wage_cap')
  .max(80)
  .describe('Nama aturan bertitik, mis. pu.jp.wage_cap, bpu.income.row, discount.pp50_2025.bpu');
export const ruleScope = z
  .string()
  .regex(/^[a-z0-9_]{0,40}$/, 'huruf kecil, angka atau garis bawah, boleh kosong')
  .describe("Penyempit aturan (skala usaha, sektor, nomor lapisan) atau '' ");

const strict = z.strictObject;
export const ruleValue = z
  .discriminatedUnion('kind', [
    strict({ kind: z.literal('rate'), bp: basisPoints }).describe('Persentase dari dasar, dibayar satu pihak'),
    strict({ kind: z.literal('split'), employerBp: basisPoints, workerBp: basisPoints }).describe(
      'Persentase dibagi pemberi kerja dan pekerja (JHT, JP PU)',
    ),
    strict({ kind: z.literal('amount'), rupiah: rupiahOrZero }).describe('Jumlah tetap per bulan atau per paket'),
    strict({ kind: z.literal('cap'), rupiah }).describe('Batas atas upah yang dikenai persentase'),
    strict({
      kind: z.literal('income'),
      rupiah,
      earningsFrom: rupiahOrZero
        .optional()
        .describe('Penghasilan sebenarnya terendah yang masuk baris ini (batas bawah rentang Lampiran II)'),
    }).describe('Satu baris penghasilan BPU (PP 44/2015 Lampiran II)'),
    strict({ kind: z.literal('range'), min: rupiah, max: rupiah })
      .refine((v) => v.min <= v.max, { message: 'min harus ≤ max', path: ['max'] })
      .describe('Penghasilan terendah dan tertinggi'),
    strict({ kind: z.literal('slice'), lower: rupiahOrZero, upper: rupiah.nullable(), bp: basisPoints })
      .refine((v) => v.upper === null || v.upper > v.lower, { message: 'upper harus > lower', path: ['upper'] })
      .describe('Satu lapisan tarif progresif (Jakon per nilai kontrak); upper null = tanpa batas'),
    strict({ kind: z.literal('programs'), programs: programList }).describe('Himpunan program (wajib, prasyarat)'),
    strict({
      kind: z.literal('discount'),
      percentBp: z.int().min(1).max(10_000).describe('Bagian yang dibebaskan: 5000 = 50%'),
      categories: z.array(category).min(1),
      programs: programList,
      excludedFundings: z.array(funding),
    }).describe('Keringanan sementara; scope baris = sektor BPU bila diisi'),
    strict({ kind: z.literal('note'), text: z.string().trim().min(1).max(2_000) }).describe(
      'Catatan regulasi yang tidak diterapkan otomatis',
    ),
    strict({ kind: z.literal('rounding'), mode: z.enum(['half_up', 'down', 'up']) }).describe('Cara pembulatan rupiah'),
  ])
  .describe('Nilai aturan, menurut jenisnya (kind)');

export const ruleRow = z.object({
  id: z.string(),
  key: z.string(),
  scope: z.string(),
  validFrom: z.string().describe('Berlaku sejak (YYYY-MM-DD)'),
  validTo: z.string().nullable().describe('Berlaku sampai dengan (inklusif), null = masih berlaku'),
  citation: z.string().describe('Sitasi hukum: nomor peraturan dan pasal. Satu-satunya teks yang dicetak atau publik'),
  note: z
    .string()
    .optional()
    .describe('Catatan riset internal (sumber, tingkat kepastian, yang menunggu verifikasi); hanya untuk admin'),
  unconfirmed: z
    .boolean()
    .describe('true bila catatan internal menandai angka ini belum pasti atau menunggu verifikasi'),
  value: ruleValue,
  createdAt: z.string().describe('Waktu baris dicatat (ISO 8601)'),
});
export type RuleRow = z.infer<typeof ruleRow>;

export const ruleListQuery = z.strictObject({
  key: ruleKey.optional().describe('Hanya aturan dengan nama ini'),
  prefix: z
    .string()
    .regex(/^[a-z0-9_.]{1,80}$/, 'awalan nama aturan, mis. pu. atau discount.')
    .optional()
    .describe('Hanya aturan yang namanya diawali ini, mis. pu.jkk. atau discount.'),
  date: isoDate.optional().describe('Hanya aturan yang berlaku pada tanggal ini'),
});
export type RuleListQuery = z.infer<typeof ruleListQuery>;
export const ruleList = z.object({ items: z.array(ruleRow) });

export const ruleCreate = z
  .strictObject({
    key: ruleKey,
    scope: ruleScope.default(''),
    validFrom: isoDate.describe('Berlaku sejak'),
    validTo: isoDate.nullable().default(null).describe('Berlaku sampai dengan (inklusif); null = sampai diganti'),
    citation: z
      .string()
      .trim()
      .min(6, 'tulis nomor peraturan dan pasalnya, mis. PP 45/2015 Pasal 29')
      .max(300)
      .refine((v) => !hasResearchMarkers(v), {
        message: 'hanya nomor peraturan dan pasal; sumber, §, [S], ⚠ dan situs web masuk ke catatan (note)',
      })
      .describe('Sitasi yang dicetak: nomor peraturan dan pasal saja, mis. PP 45/2015 Pasal 29'),
    note: z
      .string()
      .trim()
      .max(1_000)
      .default('')
      .describe('Catatan internal admin: sumber, ⚠ dan alasannya bila angka belum pasti; kosong = sama dengan sitasi'),
    value: ruleValue,
  })
  .refine((v) => v.validTo === null || v.validTo >= v.validFrom, {
    message: 'validTo tidak boleh sebelum validFrom',
    path: ['validTo'],
  });
export type RuleCreate = z.infer<typeof ruleCreate>;

export const ruleCreated = z.object({
  rule: ruleRow.describe('Baris baru'),
  closed: ruleRow
    .nullable()
    .describe('Baris terbuka sebelumnya (kunci dan scope sama) yang diakhiri sehari sebelum baris baru, atau null'),
});
export type RuleCreated = z.infer<typeof ruleCreated>;

// ---------------------------------------------------------------------------------------------------------------
// Quote response

export const byPayer = z
  .object({ employer: z.int(), worker: z.int(), participant: z.int(), government: z.int() })
  .describe('Jumlah per pembayar (selalu keempatnya, 0 bila tidak ada)');

export const quoteItem = z.object({
  program: itemProgram,
  payer,
  amount: z.int().describe('Rupiah yang harus dibayar, setelah diskon dan rekomposisi JKP'),
  grossAmount: z.int().optional().describe('Sebelum diskon/rekomposisi; hanya ada bila berbeda dari amount'),
  basis: z.string().describe('Sitasi hukum semua baris aturan yang dipakai baris ini, dipisah "; "'),
  ruleKeys: z.array(z.string()),
});

export const jkpRecomposition = z
  .object({
    wageBase: z.int(),
    jkkGross: z.int(),
    jkmGross: z.int(),
    fromJkk: z.int(),
    fromJkm: z.int(),
    government: z.int(),
    jkpTotal: z.int(),
  })
  .describe('Rekomposisi JKK/JKM ke JKP (PP 37/2021, PP 6/2025): angka bruto dan pecahannya');

export const quoteResponse = z.object({
  category,
  date: z.string(),
  items: z.array(quoteItem),
  total: z.int(),
  byPayer,
  rulesUsed: z.array(ruleRow).describe('Baris aturan yang dipakai, dengan sitasi hukum dan masa berlakunya'),
  recomposition: jkpRecomposition.optional(),
});
export type QuoteResponse = z.infer<typeof quoteResponse>;

// ---------------------------------------------------------------------------------------------------------------
// Cost over months

export const costRequest = z.strictObject({
  input: z
    .discriminatedUnion(
      'category',
      [z.strictObject(bpuFields), z.strictObject(puFields), z.strictObject(jakonWageFields)],
      {
        error:
          'category harus bpu, pu atau jakon (dengan wage); iuran PMI dan Jakon per nilai kontrak dibayar sekali, ' +
          'hitung dengan /api/contributions/quote',
      },
    )
    .describe('Satu peserta seperti pada quote, tanpa date (setiap bulan dihitung pada tanggal 1)'),
  persons: z.int().min(1).max(200_000_000).describe('Jumlah orang dengan iuran yang sama'),
  months: z.int().min(1).max(1_200).describe('Jumlah bulan berturut-turut'),
  startMonth: isoMonth.describe('Bulan pertama, YYYY-MM'),
});
export type CostRequest = z.infer<typeof costRequest>;

export const costResponse = z.object({
  persons: z.int(),
  startMonth: z.string(),
  total: z.int().describe('Jumlah seluruh orang dan bulan'),
  byPayer,
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      perPerson: z.int(),
      amount: z.int().describe('perPerson × persons'),
      ruleKeys: z.array(z.string()),
    }),
  ),
});
export type CostResponse = z.infer<typeof costResponse>;

// ---------------------------------------------------------------------------------------------------------------
// Benefits

const bilingual = z.object({ id: z.string(), en: z.string() });
const certainty = z.enum(['verified', 'secondary', 'uncertain']);

export const benefitQuery = z.strictObject({
  wage: z.coerce
    .number()
    .int()
    .positive()
    .max(1_000_000_000_000)
    .optional()
    .describe('Upah sebulan (BPU: penghasilan yang dilaporkan) untuk menghitung manfaat berbasis upah'),
});

export const benefitSummaryResponse = z.object({
  wage: z.int().nullable(),
  programs: z.array(
    z.object({
      program: z.enum(['jkm', 'jkk']),
      title: bilingual,
      citation: z.string().describe('Nomor peraturan dan pasal'),
      validFrom: z.string(),
      cashTotal: z.int().describe('Jumlah santunan tunai tetap (JKM: Rp42.000.000)'),
      items: z.array(
        z.object({
          key: z.string(),
          kind: z.enum(['cash', 'care', 'scholarship']),
          label: bilingual,
          amount: z.int().nullable().describe('Bagian tetap dalam rupiah'),
          wageMultiple: z.int().nullable().describe('Kelipatan upah sebulan yang ditambahkan'),
          maxAmount: z.int().nullable().describe('Batas paling banyak'),
          amountForWage: z.int().nullable().describe('amount + wageMultiple × wage, bila dapat dihitung'),
          rule: bilingual,
          citation: z.string().describe('Nomor peraturan dan pasal'),
          certainty,
        }),
      ),
    }),
  ),
  scholarship: z.object({
    maxChildren: z.int(),
    maxTotal: z.int(),
    levels: z.array(
      z.object({
        level: z.enum(['tk_sd', 'smp', 'sma', 'higher']),
        label: bilingual,
        perYear: z.int(),
        maxYears: z.int(),
      }),
    ),
    citation: z.string().describe('Nomor peraturan dan pasal'),
    certainty,
  }),
});

// Compile-time checks that the contracts and the engine's types describe the same data (tsc fails otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ContractsMatchEngine = [
  Assert<Same<z.infer<typeof ruleValue>, RuleValue>>,
  Assert<
    Omit<RuleRow, 'id' | 'createdAt' | 'unconfirmed'> & { note: string } extends ContributionRuleRow ? true : false
  >,
  Assert<Same<z.infer<typeof benefitSummaryResponse>, BenefitSummary>>,
];
