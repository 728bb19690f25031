// The calculator's inputs and how they become API requests. Pure, so the rules of "what can be asked" are tested
// without a browser: a request is built only when every field it needs is filled; otherwise the field is named.
import type { CostRequest, QuoteRequest } from '../../../../lib/contracts/contributions.ts';
import type {
  Category,
  EmployerSize,
  Funding,
  Program,
  RiskClass,
  Sector,
} from '../../../../lib/rules/contribution-types.ts';

export const CATEGORIES: readonly Category[] = ['bpu', 'pu', 'jakon', 'pmi'];
export const PROGRAM_ORDER: readonly Program[] = ['jkk', 'jkm', 'jht', 'jp', 'jkp'];
export const PROGRAMS_BY_CATEGORY: Readonly<Record<'bpu' | 'pu', readonly Program[]>> = {
  bpu: ['jkk', 'jkm', 'jht'],
  pu: PROGRAM_ORDER,
};
export const FUNDINGS: readonly Funding[] = ['self', 'apbd', 'apbn', 'apbdes', 'csr'];
export const SECTORS: readonly Sector[] = ['transport', 'other'];
export const EMPLOYER_SIZES: readonly EmployerSize[] = ['micro', 'small', 'medium', 'large'];
export const RISK_CLASSES: readonly RiskClass[] = [1, 2, 3, 4, 5];
export const PMI_PACKAGES = [6, 12, 24] as const;

/** A number field's value: Mantine gives a number, or a string while empty or being typed. */
export type NumberValue = number | string;

export type CalculatorForm = {
  category: Category;
  /** Declared BPU income, one of the income table rows (rupiah as a string: the Select's value). */
  income: string;
  bpuPrograms: Program[];
  puPrograms: Program[];
  funding: Funding;
  sector: Sector;
  wage: NumberValue;
  riskClass: RiskClass;
  employerSize: EmployerSize;
  jakonBasis: 'contract' | 'wage';
  contractValue: NumberValue;
  jakonWage: NumberValue;
  pmiPackage: (typeof PMI_PACKAGES)[number];
  extraMonths: NumberValue;
  preEmployment: boolean;
  date: string;
  persons: NumberValue;
  months: NumberValue;
};

/**
 * The page opens on the most common question of an OPD: one BPU worker at the lowest declared income, JKK + JKM,
 * paid from the APBD, today. That is Rp16.800 a month.
 */
export function initialForm(today: string): CalculatorForm {
  return {
    category: 'bpu',
    income: '1000000',
    bpuPrograms: ['jkk', 'jkm'],
    puPrograms: ['jkk', 'jkm'],
    funding: 'apbd',
    sector: 'other',
    wage: '',
    riskClass: 1,
    employerSize: 'micro',
    jakonBasis: 'contract',
    contractValue: '',
    jakonWage: '',
    pmiPackage: 12,
    extraMonths: 0,
    preEmployment: true,
    date: today,
    persons: 1,
    months: 12,
  };
}

/** A whole positive number from a field, or null (empty, zero, fractional, too large). */
export function positiveInt(value: NumberValue): number | null {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value.replace(/\D/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function nonNegativeInt(value: NumberValue): number | null {
  if (typeof value === 'string' && value.trim() === '') return 0;
  const n = typeof value === 'number' ? value : Number(value.replace(/\D/g, ''));
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function sortPrograms(programs: readonly Program[]): Program[] {
  return PROGRAM_ORDER.filter((p) => programs.includes(p));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The field that still needs a value, named by its form key (the page turns it into the label). */
export type MissingField =
  'date' | 'income' | 'programs' | 'wage' | 'contractValue' | 'jakonWage' | 'extraMonths' | 'persons' | 'months';

export type BuiltRequests = {
  quote: QuoteRequest | null;
  /** Null for one-off payments (PMI, Jakon by contract value) or while persons/months are missing. */
  cost: CostRequest | null;
  missing: MissingField | null;
  costMissing: MissingField | null;
  /** The monthly payment a recurring cost applies to; false for PMI and Jakon by contract value. */
  recurring: boolean;
  /** Wage (BPU: declared income) for wage-based benefits, when known. */
  wage: number | null;
  persons: number | null;
  months: number | null;
};

export function buildRequests(form: CalculatorForm): BuiltRequests {
  const persons = positiveInt(form.persons);
  const months = positiveInt(form.months);
  const recurring = form.category !== 'pmi' && !(form.category === 'jakon' && form.jakonBasis === 'contract');
  const none = (missing: MissingField, wage: number | null = null): BuiltRequests => ({
    quote: null,
    cost: null,
    missing,
    costMissing: null,
    recurring,
    wage,
    persons,
    months,
  });
  if (!ISO_DATE.test(form.date)) return none('date');
  const date = form.date;

  let input: CostRequest['input'] | null = null;
  let quote: QuoteRequest;
  let wage: number | null = null;
  switch (form.category) {
    case 'bpu': {
      const income = positiveInt(form.income);
      if (income === null) return none('income');
      const programs = sortPrograms(form.bpuPrograms);
      if (programs.length === 0) return none('programs', income);
      input = { category: 'bpu', income, programs, funding: form.funding, sector: form.sector };
      quote = { ...input, date };
      wage = income;
      break;
    }
    case 'pu': {
      const puWage = positiveInt(form.wage);
      if (puWage === null) return none('wage');
      const programs = sortPrograms(form.puPrograms);
      if (programs.length === 0) return none('programs', puWage);
      input = {
        category: 'pu',
        wage: puWage,
        riskClass: form.riskClass,
        employerSize: form.employerSize,
        programs,
      };
      quote = { ...input, date };
      wage = puWage;
      break;
    }
    case 'jakon': {
      if (form.jakonBasis === 'contract') {
        const contractValue = positiveInt(form.contractValue);
        if (contractValue === null) return none('contractValue');
        quote = { category: 'jakon', contractValue, date };
      } else {
        const jakonWage = positiveInt(form.jakonWage);
        if (jakonWage === null) return none('jakonWage');
        input = { category: 'jakon', wage: jakonWage };
        quote = { ...input, date };
        wage = jakonWage;
      }
      break;
    }
    case 'pmi': {
      const extraMonths = nonNegativeInt(form.extraMonths);
      if (extraMonths === null) return none('extraMonths');
      quote = { category: 'pmi', package: form.pmiPackage, extraMonths, preEmployment: form.preEmployment, date };
      break;
    }
  }

  let cost: CostRequest | null = null;
  let costMissing: MissingField | null = null;
  if (input) {
    if (persons === null) costMissing = 'persons';
    else if (months === null) costMissing = 'months';
    else cost = { input, persons, months, startMonth: date.slice(0, 7) };
  } else if (form.category === 'pmi' && persons === null) {
    costMissing = 'persons';
  }
  return { quote, cost, missing: null, costMissing, recurring, wage, persons, months };
}
