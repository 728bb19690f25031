import { describe, expect, it } from 'vitest';
import { frameworkDefinition, type FrameworkDefinition } from '../contracts/assessment.ts';
import { FRAMEWORK_2025 } from './paritrana-framework.seed.ts';
import {
  combineAssessorScores,
  frameworkProblems,
  publishProblems,
  weightTotal,
  rank,
  scoreOf,
  scoreSheet,
  type IndicatorInput,
} from './paritrana-scoring.ts';

const thresholds = {
  kind: 'thresholds' as const,
  steps: [
    { min: 20, score: 40 },
    { min: 40, score: 80 },
    { min: 50, score: 100 },
  ],
};

const def: FrameworkDefinition = {
  finalRule: 'mean',
  tieBreak: ['policy', 'interview'],
  aspects: [
    {
      code: 'policy',
      name: { id: 'Kebijakan', en: 'Policy' },
      criteria: [
        {
          code: 'rules',
          name: { id: 'Regulasi', en: 'Rules' },
          indicators: [
            {
              code: 'coverage',
              name: { id: 'Cakupan', en: 'Coverage' },
              weight: 3,
              unit: 'percent',
              source: { kind: 'computed', computation: 'coverage.workforce_percent' },
              rule: thresholds,
            },
            {
              code: 'pks',
              name: { id: 'PKS', en: 'PKS' },
              weight: 1,
              unit: 'yes_no',
              source: { kind: 'manual', value: 'yes_no' },
              rule: { kind: 'yes_no', yes: 100, no: 20 },
            },
          ],
        },
      ],
    },
    {
      code: 'interview',
      name: { id: 'Wawancara', en: 'Interview' },
      criteria: [
        {
          code: 'talk',
          name: { id: 'Wawancara', en: 'Interview' },
          indicators: [
            {
              code: 'interview_score',
              name: { id: 'Nilai', en: 'Score' },
              weight: 1,
              unit: 'score',
              source: { kind: 'assessor' },
              rule: { kind: 'assessor', max: 10 },
            },
          ],
        },
      ],
    },
  ],
};

const inputs = (entries: Record<string, IndicatorInput>) => new Map(Object.entries(entries));

describe('Paritrana scoring', () => {
  it('takes the highest threshold reached; below every threshold scores 0', () => {
    expect(scoreOf(thresholds, { value: 19.99 }, 'mean')).toBe(0);
    expect(scoreOf(thresholds, { value: 20 }, 'mean')).toBe(40);
    expect(scoreOf(thresholds, { value: 49.9 }, 'mean')).toBe(80);
    expect(scoreOf(thresholds, { value: 73 }, 'mean')).toBe(100);
  });

  it('scores yes/no by the rule, a missing answer as no', () => {
    const rule = { kind: 'yes_no' as const, yes: 100, no: 20 };
    expect(scoreOf(rule, { value: 1 }, 'mean')).toBe(100);
    expect(scoreOf(rule, { value: 0 }, 'mean')).toBe(20);
    expect(scoreOf(rule, { value: null }, 'mean')).toBe(20);
  });

  it('combines assessors by the framework rule and scales to 0–100', () => {
    expect(combineAssessorScores('mean', [6, 7, 9])).toBeCloseTo(22 / 3);
    expect(combineAssessorScores('median', [6, 7, 9])).toBe(7);
    expect(combineAssessorScores('median', [6, 8])).toBe(7);
    expect(combineAssessorScores('mean', [])).toBeNull();
    expect(scoreOf({ kind: 'assessor', max: 10 }, { value: null, assessorScores: [7, 9] }, 'mean')).toBe(80);
  });

  it('weights indicators inside aspects and in the total', () => {
    const sheet = scoreSheet(
      def,
      inputs({ coverage: { value: 45 }, pks: { value: 1 }, interview_score: { value: null, assessorScores: [6] } }),
    );
    // policy: (3×80 + 1×100) / 4 = 85; total: (3×80 + 1×100 + 1×60) / 5 = 80
    expect(sheet.aspects).toEqual([
      { code: 'policy', score: 85 },
      { code: 'interview', score: 60 },
    ]);
    expect(sheet.total).toBe(80);
    expect(sheet.complete).toBe(true);
  });

  it('counts a missing indicator as 0 and marks it, and an unscored interview leaves the sheet incomplete', () => {
    const sheet = scoreSheet(def, inputs({ pks: { value: 1 } }));
    expect(sheet.indicators).toEqual([
      { code: 'coverage', score: 0, missing: true },
      { code: 'pks', score: 100, missing: false },
      { code: 'interview_score', score: null, missing: true },
    ]);
    expect(sheet.total).toBe(20); // 1×100 / 5
    expect(sheet.complete).toBe(false);
  });

  it('ranks by total and breaks ties by the framework aspects in turn, else shares the rank', () => {
    const e = (key: string, total: number, policy: number, interview: number) => ({
      key,
      total,
      aspects: [
        { code: 'policy', score: policy },
        { code: 'interview', score: interview },
      ],
    });
    const ranked = rank(def, [
      e('34.01', 70, 60, 90),
      e('34.02', 80, 70, 60),
      e('34.03', 70, 75, 50),
      e('34.04', 60, 50, 50),
      e('34.05', 60, 50, 50),
      e('34.71', 69.999, 75, 40),
    ]);
    expect(ranked).toEqual([
      { key: '34.02', rank: 1, tieBrokenBy: null },
      { key: '34.03', rank: 2, tieBrokenBy: null }, // 70 = 70 = 69.999 (two decimals): three tied on total
      { key: '34.71', rank: 3, tieBrokenBy: 'interview' }, // policy 75 = 75, interview 40 < 50
      { key: '34.01', rank: 4, tieBrokenBy: 'policy' }, // policy 60 < 75
      { key: '34.04', rank: 5, tieBrokenBy: null }, // tied on everything: shared rank
      { key: '34.05', rank: 5, tieBrokenBy: null },
    ]);
  });

  it('refuses falling thresholds, and publishing until the weights add up to 100', () => {
    const known = ['coverage.workforce_percent'];
    const falling = structuredClone(def);
    const rule = falling.aspects[0]!.criteria[0]!.indicators[0]!.rule;
    if (rule.kind === 'thresholds') rule.steps = [...rule.steps].reverse();
    expect(frameworkProblems(falling, known).filter((p) => p.includes('ambang'))).toHaveLength(1);
    expect(publishProblems(def, known)).toEqual(['bobot indikator berjumlah 5; harus 100']); // 3 + 1 + 1
    const hundred = structuredClone(def);
    hundred.aspects[0]!.criteria[0]!.indicators[0]!.weight = 98;
    expect(publishProblems(hundred, known)).toEqual([]);
    expect(weightTotal(FRAMEWORK_2025)).toBe(114); // the example's placeholder weights: a copy is rebalanced to publish
  });

  it('finds problems in a definition and none in the 2025 example', () => {
    expect(frameworkDefinition.parse(FRAMEWORK_2025)).toEqual(FRAMEWORK_2025);
    const known = ['coverage.workforce_percent'];
    expect(frameworkProblems(def, known)).toEqual([]);
    const bad: FrameworkDefinition = { ...def, tieBreak: ['nothing'] };
    expect(frameworkProblems(bad, [])).toEqual([
      'aspek tie-break tidak ada: nothing',
      'indikator coverage: perhitungan tidak dikenal coverage.workforce_percent',
    ]);
  });
});
