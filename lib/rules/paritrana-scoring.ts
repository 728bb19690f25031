// Paritrana Award scoring (issue 17): figures → indicator scores (0–100) → weighted aspect and total scores →
// ranking with the framework's tie-break. Pure: the framework (weights, thresholds, rules) is data, versioned per
// award year, because the official scoring sheet is not public (domain.md §6).
import type { FinalRule, FrameworkDefinition, IndicatorDef, ScoreSheet, ScoringRule } from '../contracts/assessment.ts';

/** What is known about one indicator: a figure (yes/no as 1/0) and the assessors' scores (on the rule's scale). */
export type IndicatorInput = { value: number | null; assessorScores?: readonly number[] };

/** Totals are compared at two decimals, so 66.666…7 and 66.67 are a tie, not float noise. */
export const roundScore = (n: number) => Math.round(n * 100) / 100;

/** Several assessors' scores of one indicator combined by the framework's rule. */
export function combineAssessorScores(rule: FinalRule, scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  if (rule === 'mean') return scores.reduce((a, b) => a + b, 0) / scores.length;
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The score (0–100) a figure earns under a rule; null when an assessor's score is still awaited. */
export function scoreOf(rule: ScoringRule, input: IndicatorInput, finalRule: FinalRule): number | null {
  switch (rule.kind) {
    case 'thresholds': {
      if (input.value === null) return 0;
      let best = 0;
      for (const step of rule.steps) if (input.value >= step.min && step.score > best) best = step.score;
      return best;
    }
    case 'yes_no':
      if (input.value === null) return rule.no;
      return input.value > 0 ? rule.yes : rule.no;
    case 'assessor': {
      const combined = combineAssessorScores(finalRule, input.assessorScores ?? []);
      if (combined === null) return null;
      return (Math.min(Math.max(combined, 0), rule.max) / rule.max) * 100;
    }
  }
}

export function indicatorsOf(def: FrameworkDefinition): (IndicatorDef & { aspect: string; criterion: string })[] {
  return def.aspects.flatMap((a) =>
    a.criteria.flatMap((c) => c.indicators.map((i) => ({ ...i, aspect: a.code, criterion: c.code }))),
  );
}

function weighted(parts: { weight: number; score: number }[]): number {
  const weights = parts.reduce((s, p) => s + p.weight, 0);
  if (weights === 0) return 0;
  return parts.reduce((s, p) => s + p.weight * p.score, 0) / weights;
}

/**
 * The score sheet of one assessment. A missing figure scores 0 (it counts against the regency, marked `missing`),
 * never leaves the indicator out: leaving it out would reward a regency for not having the data. An assessor
 * indicator without scores counts 0 in the total and makes the sheet incomplete.
 */
export function scoreSheet(def: FrameworkDefinition, inputs: ReadonlyMap<string, IndicatorInput>): ScoreSheet {
  const all = indicatorsOf(def);
  const indicators = all.map((ind) => {
    const input = inputs.get(ind.code) ?? { value: null };
    const s = scoreOf(ind.rule, input, def.finalRule);
    const missing = ind.rule.kind === 'assessor' ? s === null : input.value === null;
    return {
      code: ind.code,
      score: s === null ? null : roundScore(s),
      missing,
      weight: ind.weight,
      aspect: ind.aspect,
    };
  });
  const aspects = def.aspects.map((a) => ({
    code: a.code,
    score: roundScore(
      weighted(indicators.filter((i) => i.aspect === a.code).map((i) => ({ weight: i.weight, score: i.score ?? 0 }))),
    ),
  }));
  const total = roundScore(weighted(indicators.map((i) => ({ weight: i.weight, score: i.score ?? 0 }))));
  return {
    indicators: indicators.map(({ code, score, missing }) => ({ code, score, missing })),
    aspects,
    total,
    complete: indicators.every((i) => i.score !== null),
  };
}

export type RankInput = { key: string; total: number; aspects: readonly { code: string; score: number }[] };
export type Ranked = { key: string; rank: number; tieBrokenBy: string | null };

/**
 * Ranking, highest total first. Equal totals (at two decimals) are ordered by the framework's tie-break aspects in
 * turn; entries still equal after all of them share a rank (1, 1, 3) and keep their region-code order.
 * `tieBrokenBy` names the aspect that placed an entry below the one just above it, when their totals were equal.
 */
export function rank(def: FrameworkDefinition, entries: readonly RankInput[]): Ranked[] {
  const aspect = (e: RankInput, code: string) => roundScore(e.aspects.find((a) => a.code === code)?.score ?? 0);
  const compare = (a: RankInput, b: RankInput): { order: number; by: string | null } => {
    const t = roundScore(b.total) - roundScore(a.total);
    if (t !== 0) return { order: t, by: null };
    for (const code of def.tieBreak) {
      const d = aspect(b, code) - aspect(a, code);
      if (d !== 0) return { order: d, by: code };
    }
    return { order: 0, by: null };
  };
  const sorted = [...entries].sort((a, b) => compare(a, b).order || a.key.localeCompare(b.key));
  const out: Ranked[] = [];
  sorted.forEach((e, i) => {
    const prev = sorted[i - 1];
    const withPrev = prev ? compare(prev, e) : null;
    const rankNo = withPrev !== null && withPrev.order === 0 ? out[i - 1]!.rank : i + 1;
    out.push({ key: e.key, rank: rankNo, tieBrokenBy: withPrev?.by ?? null });
  });
  return out;
}

/** Problems of a framework definition a form cannot catch: duplicate codes, unknown tie-break aspects, no weight. */
export function frameworkProblems(def: FrameworkDefinition, knownComputations: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const code of [
    ...def.aspects.map((a) => a.code),
    ...def.aspects.flatMap((a) => a.criteria.map((c) => c.code)),
    ...indicatorsOf(def).map((i) => i.code),
  ]) {
    if (seen.has(code)) problems.push(`kode ganda: ${code}`);
    seen.add(code);
  }
  for (const t of def.tieBreak)
    if (!def.aspects.some((a) => a.code === t)) problems.push(`aspek tie-break tidak ada: ${t}`);
  for (const i of indicatorsOf(def)) {
    if (i.source.kind === 'computed' && !knownComputations.includes(i.source.computation)) {
      problems.push(`indikator ${i.code}: perhitungan tidak dikenal ${i.source.computation}`);
    }
    if ((i.source.kind === 'assessor') !== (i.rule.kind === 'assessor')) {
      problems.push(`indikator ${i.code}: sumber asesor harus memakai aturan asesor`);
    }
    if (i.rule.kind === 'yes_no' && i.source.kind === 'manual' && i.source.value !== 'yes_no') {
      problems.push(`indikator ${i.code}: aturan ya/tidak memerlukan isian ya/tidak`);
    }
    if (i.rule.kind === 'thresholds') {
      const steps = i.rule.steps;
      const rising = steps.every((st, n) => n === 0 || (st.min > steps[n - 1]!.min && st.score >= steps[n - 1]!.score));
      if (!rising) problems.push(`indikator ${i.code}: ambang harus naik berurutan dan nilainya tidak boleh turun`);
    }
  }
  if (indicatorsOf(def).every((i) => i.weight === 0)) problems.push('semua bobot nol');
  return problems;
}

/** What weights a framework needs before it is published: the indicators' weights add up to exactly 100 (percent). */
export const WEIGHT_TOTAL = 100;

export const weightTotal = (def: FrameworkDefinition) => indicatorsOf(def).reduce((sum, i) => sum + i.weight, 0);

/** Problems that stop publishing (a draft may be saved with them while it is rebalanced). */
export function publishProblems(def: FrameworkDefinition, knownComputations: readonly string[]): string[] {
  const total = weightTotal(def);
  return [
    ...frameworkProblems(def, knownComputations),
    ...(total === WEIGHT_TOTAL ? [] : [`bobot indikator berjumlah ${total}; harus ${WEIGHT_TOTAL}`]),
  ];
}
