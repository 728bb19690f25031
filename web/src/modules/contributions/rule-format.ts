// How contribution rule rows read for people: basis points as percentages, rupiah as `Rp16.800`, programmes and
// budgets by their usual abbreviations. Kept apart from the pages so the calculator and the admin list agree.
import type { RuleRow } from '../../../../lib/contracts/contributions.ts';
import type { Category, Funding, Program } from '../../../../lib/rules/contribution-types.ts';
import type { Locale } from '../../../../lib/i18n/locale.ts';
import type { ContributionsT } from './contributions-text.ts';
import { formatNumber, formatRupiah } from '../../ui/format.ts';

export type RuleValue = RuleRow['value'];

/** 24 bp → `0,24%` (id) or `0.24%` (en). */
export function formatPercent(bp: number, locale: Locale): string {
  return `${formatNumber(bp / 100, locale)}%`;
}

const CATEGORY_SHORT: Readonly<Record<Category, string>> = { pu: 'PU', bpu: 'BPU', jakon: 'Jakon', pmi: 'PMI' };

export function categoryShort(category: Category): string {
  return CATEGORY_SHORT[category];
}

export function programShort(program: Program | 'jkk_jkm'): string {
  return program === 'jkk_jkm' ? 'JKK + JKM' : program.toUpperCase();
}

const FUNDING_SHORT: Readonly<Record<Exclude<Funding, 'self'>, string>> = {
  apbd: 'APBD',
  apbn: 'APBN',
  apbdes: 'APBDes',
  csr: 'CSR',
};

export function fundingShort(funding: Funding, t: ContributionsT): string {
  return funding === 'self' ? t('calc.funding.self') : FUNDING_SHORT[funding];
}

/** The value of a rule row in words and figures, e.g. `pemberi kerja 3,7% + pekerja 2%`. */
export function formatRuleValue(value: RuleValue, t: ContributionsT, locale: Locale): string {
  const pct = (bp: number) => formatPercent(bp, locale);
  switch (value.kind) {
    case 'rate':
      return pct(value.bp);
    case 'split':
      return t('rules.value.split', { employer: pct(value.employerBp), worker: pct(value.workerBp) });
    case 'amount':
      return formatRupiah(value.rupiah);
    case 'cap':
      return t('rules.value.cap', { amount: formatRupiah(value.rupiah) });
    case 'income':
      return value.earningsFrom === undefined
        ? t('rules.value.income', { amount: formatRupiah(value.rupiah) })
        : t('rules.value.incomeFrom', { amount: formatRupiah(value.rupiah), from: formatRupiah(value.earningsFrom) });
    case 'range':
      return t('rules.value.range', { min: formatRupiah(value.min), max: formatRupiah(value.max) });
    case 'slice':
      return value.upper === null
        ? t('rules.value.sliceOpen', { lower: formatRupiah(value.lower), rate: pct(value.bp) })
        : t('rules.value.slice', {
            lower: formatRupiah(value.lower),
            upper: formatRupiah(value.upper),
            rate: pct(value.bp),
          });
    case 'programs':
      return value.programs.map(programShort).join(', ');
    case 'discount': {
      const main = t('rules.value.discount', {
        percent: pct(value.percentBp),
        categories: value.categories.map(categoryShort).join(', '),
        programs: value.programs.map(programShort).join(', '),
      });
      return value.excludedFundings.length === 0
        ? main
        : `${main}${t('rules.value.discountExcept', {
            fundings: value.excludedFundings.map((f) => fundingShort(f, t)).join(', '),
          })}`;
    }
    case 'note':
      return value.text;
    case 'rounding':
      return t(`rules.value.rounding.${value.mode}`);
  }
}

/**
 * A quote line's basis joins the citations of every rule row it used with "; ". Rows of one schedule (Jakon
 * slices) repeat the same regulation, so repeated parts are shown once, in their first order.
 */
export function compactBasis(basis: string): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const raw of basis.split(';')) {
    const part = raw.trim();
    if (part && !seen.has(part)) {
      seen.add(part);
      parts.push(part);
    }
  }
  return parts.join('; ');
}

/** Where a row stands on a given day. */
export function ruleStatus(row: Pick<RuleRow, 'validFrom' | 'validTo'>, today: string): 'active' | 'ended' | 'future' {
  if (row.validFrom > today) return 'future';
  if (row.validTo !== null && row.validTo < today) return 'ended';
  return 'active';
}

/** Today's calendar date in Asia/Jakarta as `YYYY-MM-DD` (the rules are Indonesian, whatever the browser's zone). */
export function todayInJakarta(now: Date = new Date()): string {
  const p: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)) {
    p[part.type] = part.value;
  }
  return `${p.year}-${p.month}-${p.day}`;
}

const monthFormats = new Map<Locale, Intl.DateTimeFormat>();

/** `2026-05` → `Mei 2026` (id) or `May 2026` (en). */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    monthFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(y, m - 1, 15)));
}

/** Consecutive months with the same amount per person, so a rule change inside the period stands out. */
export function groupMonths<M extends { month: string; perPerson: number; amount: number }>(
  months: readonly M[],
): { from: string; to: string; count: number; perPerson: number; amount: number }[] {
  const groups: { from: string; to: string; count: number; perPerson: number; amount: number }[] = [];
  for (const m of months) {
    const last = groups[groups.length - 1];
    if (last && last.perPerson === m.perPerson && last.amount === m.amount) {
      last.to = m.month;
      last.count += 1;
    } else {
      groups.push({ from: m.month, to: m.month, count: 1, perPerson: m.perPerson, amount: m.amount });
    }
  }
  return groups;
}
