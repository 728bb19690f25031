// Types for the contribution (iuran) rules and engine. Kept apart from the engine so that the seed, the database
// layer and the web app can share them without pulling in the computation.

/** Calendar date `YYYY-MM-DD`, compared as a string (ISO order equals calendar order). */
export type IsoDate = string;

/** Participant categories of BPJS Ketenagakerjaan (domain.md §2). */
export type Category = 'pu' | 'bpu' | 'jakon' | 'pmi';

/** The five programmes. */
export type Program = 'jkk' | 'jkm' | 'jht' | 'jp' | 'jkp';

/**
 * What a quote line is for. PMI pays one package for JKK and JKM together (Permenaker 4/2023 Pasal 18 gives no
 * split), hence `jkk_jkm`.
 */
export type ItemProgram = Program | 'jkk_jkm';

export type Payer = 'employer' | 'worker' | 'participant' | 'government';

/**
 * Who funds a BPU participant's contribution. `self` = the worker; `apbd`/`apbn`/`apbdes` = regional, national or
 * village budget; `csr` = a company's CSR programme.
 */
export type Funding = 'self' | 'apbd' | 'apbn' | 'apbdes' | 'csr';

/** PP 50/2025 distinguishes the transport sector (ojol, ojek pangkalan, sopir, kurir) from all others. */
export type Sector = 'transport' | 'other';

export type EmployerSize = 'micro' | 'small' | 'medium' | 'large';

export type RiskClass = 1 | 2 | 3 | 4 | 5;

/** How a fraction of a rupiah is resolved. `half_up` = ≥ 0.5 goes up (amounts are never negative). */
export type RoundingMode = 'half_up' | 'down' | 'up';

/** One band of a progressive schedule: applies to the part of the base above `lower` up to `upper` (inclusive). */
export type SliceValue = {
  kind: 'slice';
  lower: number;
  upper: number | null;
  bp: number;
};

/**
 * The value of a rule row. Percentages are integer basis points (1 bp = 0.01 %, so 0.24 % = 24 bp and
 * 1.74 % = 174 bp); amounts are integer rupiah.
 */
export type RuleValue =
  /** A percentage of a base, paid by one party. */
  | { kind: 'rate'; bp: number }
  /** A percentage split between employer and worker (PU JHT, JP). */
  | { kind: 'split'; employerBp: number; workerBp: number }
  /** A fixed amount per month or per package. */
  | { kind: 'amount'; rupiah: number }
  /** An upper limit on the wage a percentage applies to. */
  | { kind: 'cap'; rupiah: number }
  /**
   * One admissible declared income (BPU, PP 44/2015 Lampiran II). Several rows form the table. `earningsFrom` is the
   * lowest real monthly income the row stands for; a real income belongs to the row with the highest
   * `earningsFrom` not above it. Rows recorded before the table was known have none and are chosen only by name.
   */
  | { kind: 'income'; rupiah: number; earningsFrom?: number }
  /** Lowest and highest admissible declared income. */
  | { kind: 'range'; min: number; max: number }
  /** One band of a progressive schedule (Jakon by contract value). Several rows form the schedule. */
  | SliceValue
  /** A set of programmes (mandatory by employer size, JKP prerequisites). */
  | { kind: 'programs'; programs: Program[] }
  /**
   * A temporary reduction of what is due. `percentBp` is the share waived (9900 = 99 %). It applies to items of the
   * listed categories and programmes, except for participants funded by an excluded source. A row's `scope`, when
   * not empty, names the BPU sector it is limited to.
   */
  | {
      kind: 'discount';
      percentBp: number;
      categories: Category[];
      programs: Program[];
      excludedFundings: Funding[];
    }
  /** A regulation recorded for the audit trail that the engine cannot apply from the inputs it has. */
  | { kind: 'note'; text: string }
  /** How amounts are rounded to whole rupiah. */
  | { kind: 'rounding'; mode: RoundingMode };

export type RuleValueKind = RuleValue['kind'];

/** One effective-dated rule row: the unit an administrator edits, and what a quote cites. */
export interface ContributionRuleRow {
  /** Dotted name, e.g. `pu.jkk.rate.class1`, `bpu.jkm.flat`, `jakon.jkk.slice`, `discount.pp50_2025.bpu`. */
  key: string;
  /** Free-text qualifier (employer size, sector, slice number) or `''`. */
  scope: string;
  validFrom: IsoDate;
  /** Inclusive last day, or null while in force. */
  validTo: IsoDate | null;
  /**
   * The legal citation: regulation number and article only (`PP 45/2015 Pasal 29`). The one text printed, shown to
   * the public and exported; never research notes (see `hasResearchMarkers`).
   */
  citation: string;
  /**
   * Internal research note for administrators: sources, confidence, ⚠ and what awaits verification. Never printed.
   * Stored in the `legal_basis` column.
   */
  note: string;
  value: RuleValue;
}

export interface BpuQuoteInput {
  category: 'bpu';
  /** Declared monthly income (nominal from PP 44/2015 Lampiran II), whole rupiah. */
  income: number;
  programs: Program[];
  date: IsoDate;
  /** Defaults to `self`. */
  funding?: Funding;
  /** Defaults to `other` (relevant for PP 50/2025 only). */
  sector?: Sector;
}

export interface PuQuoteInput {
  category: 'pu';
  /** Monthly wage (upah pokok + tunjangan tetap), whole rupiah. */
  wage: number;
  riskClass: RiskClass;
  employerSize: EmployerSize;
  programs: Program[];
  date: IsoDate;
}

/** Jakon without known wages: one-off contribution on the contract value (excluding PPN). */
export interface JakonContractQuoteInput {
  category: 'jakon';
  contractValue: number;
  wage?: never;
  /** Defaults to JKK + JKM, the only programmes Jakon offers. */
  programs?: Program[];
  date: IsoDate;
}

/** Jakon with known wages: monthly, per worker. */
export interface JakonWageQuoteInput {
  category: 'jakon';
  wage: number;
  contractValue?: never;
  programs?: Program[];
  date: IsoDate;
}

export type JakonQuoteInput = JakonContractQuoteInput | JakonWageQuoteInput;

export interface PmiQuoteInput {
  category: 'pmi';
  /** Contract length covered by the during-and-after-employment package, in months. */
  package: 6 | 12 | 24;
  /** Months beyond the package, paid at once. Defaults to 0. */
  extraMonths?: number;
  /** Include the pre-employment package (Rp37,500). Defaults to true: the standard Rp370,000 includes it. */
  preEmployment?: boolean;
  date: IsoDate;
}

export type QuoteInput = BpuQuoteInput | PuQuoteInput | JakonQuoteInput | PmiQuoteInput;

export interface QuoteItem {
  program: ItemProgram;
  payer: Payer;
  /** Whole rupiah due, after discounts and JKP recomposition. */
  amount: number;
  /** Before discounts and recomposition; present only when it differs from `amount`. */
  grossAmount?: number;
  /** Legal citation of every row behind this line (each once), joined with '; '. */
  basis: string;
  ruleKeys: string[];
}

/**
 * JKK/JKM recomposition into JKP (PP 37/2021 Pasal 11, PP 49/2023, PP 6/2025). Both views are kept because it is
 * uncertain whether BPJS invoices show the gross or the split figures (domain.md §3.1).
 */
export interface JkpRecomposition {
  /** Wage the JKP percentages apply to (capped). */
  wageBase: number;
  /** JKK and JKM due before recomposition (after any discount). */
  jkkGross: number;
  jkmGross: number;
  /** Parts of JKK and JKM re-labelled as JKP; still paid by the employer. */
  fromJkk: number;
  fromJkm: number;
  /** Central-government share. */
  government: number;
  /** fromJkk + fromJkm + government. */
  jkpTotal: number;
}

export interface Quote {
  category: Category;
  date: IsoDate;
  items: QuoteItem[];
  total: number;
  byPayer: Record<Payer, number>;
  /** The exact rows used, in order of first use (same object references as the input table). */
  rulesUsed: ContributionRuleRow[];
  /** Present for PU quotes that include JKP. */
  recomposition?: JkpRecomposition;
}

type WithoutDate<T> = T extends unknown ? Omit<T, 'date'> : never;

/** A quote input without its date; `costOverMonths` supplies the first day of each month. */
export type MonthlyQuoteInput = WithoutDate<QuoteInput>;

export interface CostOverMonthsInput {
  input: MonthlyQuoteInput;
  persons: number;
  months: number;
  /** `YYYY-MM`. */
  startMonth: string;
}

export interface MonthCost {
  month: string;
  perPerson: number;
  amount: number;
  ruleKeys: string[];
}

export interface CostOverMonths {
  total: number;
  byPayer: Record<Payer, number>;
  months: MonthCost[];
}

/**
 * Closed set of rule errors.
 * - RULE_GAP: no row valid on that date (never quoted as zero).
 * - RULE_CONFLICT: the table is inconsistent (overlapping rows, wrong value kind, broken slices, JKP parts that do
 *   not add up). An administrator must fix the data.
 * - INCOME_NOT_IN_TABLE: BPU declared income is not a row of the income table.
 * - PROGRAM_NOT_AVAILABLE: programme not offered to that category (JP for BPU, JHT for Jakon).
 * - PROGRAM_REQUIRED: a mandatory programme is missing (PU medium without JP, BPU without JKK/JKM).
 * - INVALID_INPUT: malformed input (date, amount, class, counts).
 */
export type RuleErrorCode =
  'RULE_GAP' | 'RULE_CONFLICT' | 'INCOME_NOT_IN_TABLE' | 'PROGRAM_NOT_AVAILABLE' | 'PROGRAM_REQUIRED' | 'INVALID_INPUT';
