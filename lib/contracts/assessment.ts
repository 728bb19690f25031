import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { isoDate, regionCode } from './common.ts';

// Paritrana Award assessment (issue 17): frameworks per award year (aspects → criteria → indicators with weights and
// scoring rules, data not code, since the official weights are not public: domain.md §6), the regency's
// self-assessment from Lindung's own figures at a cut-off date, and the province's scoring and ranking.

/** Who reads frameworks and assessments (inside their scope). */
export const ASSESSMENT_READERS: readonly Role[] = ['admin', 'disnaker', 'pimpinan', 'asesor'];
/** Who edits a framework: a national administrator (scope '*', checked in the policy). */
export const FRAMEWORK_EDITORS: readonly Role[] = ['admin'];
/** Who prepares a regency's self-assessment: Disnaker (and the administrator). */
export const ASSESSMENT_PREPARERS: readonly Role[] = ['admin', 'disnaker'];
/** Who approves and submits it: the pimpinan (kepala daerah) or the administrator. */
export const ASSESSMENT_SUBMITTERS: readonly Role[] = ['admin', 'pimpinan'];
/** Who scores interview and narrative indicators of submitted assessments: the provincial team. */
export const ASSESSORS: readonly Role[] = ['asesor'];

const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'huruf kecil, angka dan garis bawah, diawali huruf');
const words = z.strictObject({ id: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
const score = z.number().min(0).max(100);

export const INDICATOR_UNITS = ['percent', 'persons', 'rupiah', 'count', 'yes_no', 'score'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** How a figure becomes a score from 0 to 100. */
export const scoringRule = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('thresholds'),
      steps: z
        .array(z.strictObject({ min: z.number(), score }))
        .min(1)
        .max(20)
        .describe('Nilai terbesar yang ambang "min"-nya tercapai; di bawah semua ambang: 0'),
    })
    .describe('Ambang → nilai'),
  z.strictObject({ kind: z.literal('yes_no'), yes: score, no: score }).describe('Ya/tidak'),
  z
    .strictObject({ kind: z.literal('assessor'), max: z.number().positive().max(1000) })
    .describe('Dinilai asesor dari 0 sampai max, diubah ke skala 0–100'),
]);
export type ScoringRule = z.infer<typeof scoringRule>;

export const indicatorSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('computed'), computation: z.string().min(1).max(80) }),
  z.strictObject({ kind: z.literal('manual'), value: z.enum(['number', 'yes_no']) }),
  z.strictObject({ kind: z.literal('assessor') }),
]);
export type IndicatorSource = z.infer<typeof indicatorSource>;

export const indicatorDef = z.strictObject({
  code,
  name: words,
  weight: z.int().min(0).max(1000),
  unit: z.enum(INDICATOR_UNITS),
  source: indicatorSource,
  rule: scoringRule,
});
export type IndicatorDef = z.infer<typeof indicatorDef>;

export const criterionDef = z.strictObject({ code, name: words, indicators: z.array(indicatorDef).min(1).max(40) });
export const aspectDef = z.strictObject({ code, name: words, criteria: z.array(criterionDef).min(1).max(20) });
export type AspectDef = z.infer<typeof aspectDef>;

export const FINAL_RULES = ['mean', 'median'] as const;
export type FinalRule = (typeof FINAL_RULES)[number];

export const frameworkDefinition = z.strictObject({
  aspects: z.array(aspectDef).min(1).max(12),
  finalRule: z.enum(FINAL_RULES).describe('Gabungan nilai para asesor untuk satu indikator'),
  tieBreak: z.array(code).max(12).describe('Bila total sama: nilai aspek ini berurutan, yang lebih tinggi di atas'),
});
export type FrameworkDefinition = z.infer<typeof frameworkDefinition>;

export const FRAMEWORK_STATUSES = ['draft', 'published'] as const;

export const frameworkSummary = z.object({
  id: z.string(),
  year: z.int(),
  name: z.string(),
  note: z.string(),
  status: z.enum(FRAMEWORK_STATUSES),
  publishedAt: z.string().nullable(),
  copiedFrom: z.string().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;
export const framework = frameworkSummary.extend({ definition: frameworkDefinition });
export type Framework = z.infer<typeof framework>;
export const frameworkList = z.object({ items: z.array(frameworkSummary) });

export const frameworkUpdate = z
  .strictObject({
    name: z.string().trim().min(3).max(200).optional(),
    note: z.string().trim().max(500).optional(),
    definition: frameworkDefinition.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'tidak ada perubahan');
export const frameworkCopy = z.strictObject({
  year: z.int().min(2017).max(2100),
  name: z.string().trim().min(3).max(200),
});
export const idParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'angka') });

// --- Figures ------------------------------------------------------------------------------------------------------

export const drillRow = z.object({ key: z.string(), label: z.string(), value: z.number(), extra: z.string() });
export type DrillRow = z.infer<typeof drillRow>;

export const figure = z.object({
  code: z.string(),
  value: z.number().nullable().describe('Angka; ya/tidak sebagai 1/0; null bila belum ada'),
  source: z.enum(['computed', 'manual', 'assessor']),
  note: z.string().describe('Cara menghitung atau catatan pengisi'),
  available: z.boolean().describe('false: sumber data belum tersedia di Lindung (isi manual atau tunggu modulnya)'),
  rows: z.array(drillRow),
});
export type Figure = z.infer<typeof figure>;

export const indicatorScore = z.object({
  code: z.string(),
  score: z.number().nullable().describe('0–100; null: menunggu nilai asesor'),
  missing: z.boolean(),
});
export type IndicatorScore = z.infer<typeof indicatorScore>;

export const scoreSheet = z.object({
  indicators: z.array(indicatorScore),
  aspects: z.array(z.object({ code: z.string(), score: z.number() })),
  total: z.number(),
  complete: z.boolean(),
});
export type ScoreSheet = z.infer<typeof scoreSheet>;

export const evidence = z.object({
  id: z.string(),
  indicatorCode: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  instrument: z
    .object({ id: z.string(), label: z.string() })
    .nullable()
    .default(null)
    .describe('Dari register tata kelola: instrumen dan labelnya saat dilampirkan; null: berkas unggahan'),
});
export type Evidence = z.infer<typeof evidence>;

/** The register's instruments in force on the cut-off with a signed PDF: what may be attached as evidence. */
export const registerCandidates = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.string(),
      signedOn: z.string().nullable(),
      fileName: z.string(),
      sha256: z.string(),
    }),
  ),
});
export type RegisterCandidates = z.infer<typeof registerCandidates>;
export const registerEvidenceInput = z.strictObject({
  indicatorCode: code,
  instrumentId: z.string().regex(/^\d{1,18}$/, 'angka'),
});

export const ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;

export const assessment = z.object({
  id: z.string(),
  frameworkId: z.string(),
  year: z.int(),
  region: z.string(),
  regionLabel: z.string(),
  cutoff: isoDate,
  status: z.enum(ASSESSMENT_STATUSES),
  figures: z.array(figure),
  scores: scoreSheet,
  narratives: z.record(z.string(), z.string()),
  evidence: z.array(evidence),
  preparedBy: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  snapshotSha256: z.string().nullable().describe('SHA-256 dari snapshot yang dikirim'),
});
export type Assessment = z.infer<typeof assessment>;

export const assessmentOpen = z.strictObject({
  frameworkId: z.string().regex(/^\d{1,18}$/),
  region: regionCode,
  cutoff: isoDate,
});
export const manualValue = z.strictObject({
  indicatorCode: code,
  value: z.number().min(0).max(1e15).nullable(),
  note: z.string().trim().max(1000).default(''),
});
export const narrativeInput = z.strictObject({ aspectCode: code, text: z.string().trim().max(10_000) });
export const evidenceQuery = z.strictObject({
  indicatorCode: code,
  fileName: z.string().trim().min(1).max(200),
});
export const evidenceParam = z.strictObject({
  id: z.string().regex(/^\d{1,18}$/),
  evidenceId: z.string().regex(/^\d{1,18}$/),
});

// --- Province -----------------------------------------------------------------------------------------------------

export const assessorScoreInput = z.strictObject({
  indicatorCode: code,
  score: z.number().min(0).max(1000),
  comment: z.string().trim().max(2000).default(''),
});
export const commentInput = z.strictObject({ body: z.string().trim().min(1).max(4000) });

export const provinceQuery = z.strictObject({
  frameworkId: z.string().regex(/^\d{1,18}$/),
  province: regionCode,
});

export const rankedEntry = z.object({
  assessmentId: z.string(),
  region: z.string(),
  regionLabel: z.string(),
  submittedAt: z.string().nullable(),
  scores: scoreSheet,
  rank: z.int(),
  tieBrokenBy: z.string().nullable(),
  myScores: z.record(z.string(), z.number()),
  assessorCount: z.int(),
  comments: z.array(z.object({ author: z.string(), body: z.string(), at: z.string() })),
});
export type RankedEntry = z.infer<typeof rankedEntry>;
export const provinceView = z.object({
  framework: framework,
  province: z.string(),
  provinceLabel: z.string(),
  entries: z.array(rankedEntry),
});
export type ProvinceView = z.infer<typeof provinceView>;
