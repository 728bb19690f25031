import { quoteRequest, type QuoteRequest, type QuoteResponse } from '../../lib/contracts/contributions.ts';
import { formatRupiah } from '../../lib/rules/money.ts';
import { todayWib } from '../../lib/rules/eligibility.ts';
import { openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import { AppError, errorText } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { quote } from '../modules/contributions/index.ts';

export type ContributionArgs = {
  json?: boolean;
  category?: string;
  income?: string;
  programs?: string;
  date?: string;
  funding?: string;
  sector?: string;
  wage?: string;
  'risk-class'?: string;
  'employer-size'?: string;
  'contract-value'?: string;
  package?: string;
  'extra-months'?: string;
  'no-pre-employment'?: boolean;
};

export const CONTRIBUTION_USAGE = `  lindung contribution --category bpu --income 1000000 --programs jkk,jkm[,jht] [--date YYYY-MM-DD]
                       [--funding self|apbd|apbn|apbdes|csr] [--sector transport|other] [--json]
  lindung contribution --category pu --wage N --risk-class 1..5 --employer-size micro|small|medium|large
                       --programs jkk,jkm,jht,jp[,jkp] [--date …] [--json]
  lindung contribution --category jakon (--contract-value N | --wage N) [--date …] [--json]
  lindung contribution --category pmi --package 6|12|24 [--extra-months N] [--no-pre-employment] [--date …] [--json]
`;

// Contract field → the option that sets it, so that every message names what the user typed.
const FLAG: Readonly<Record<string, string>> = {
  category: '--category',
  income: '--income',
  programs: '--programs',
  date: '--date',
  funding: '--funding',
  sector: '--sector',
  wage: '--wage',
  riskClass: '--risk-class',
  employerSize: '--employer-size',
  contractValue: '--contract-value',
  package: '--package',
  extraMonths: '--extra-months',
  preEmployment: '--no-pre-employment',
};

const PROGRAM_LABEL: Readonly<Record<string, string>> = { jkk_jkm: 'JKK+JKM' };
const PAYER_LABEL: Readonly<Record<string, string>> = {
  employer: 'Pemberi kerja',
  worker: 'Pekerja',
  participant: 'Peserta',
  government: 'Pemerintah',
};

function argumentError(flag: string, message: string): Error {
  return new Error(`Argumen tidak valid: ${flag}: ${message}\n\nPemakaian:\n${CONTRIBUTION_USAGE}`);
}

/** Whole rupiah or a count; "1000000" and "1.000.000" are both accepted. */
function wholeNumber(flag: string, value: string): number {
  const digits = /^\d{1,3}(\.\d{3})+$/.test(value) ? value.replaceAll('.', '') : value;
  const n = Number(digits);
  if (!/^\d+$/.test(digits) || !Number.isSafeInteger(n)) {
    throw argumentError(flag, `"${value}" bukan bilangan bulat (contoh: 1000000)`);
  }
  return n;
}

/** Turns the options into a quote request, or an error naming the offending option. */
export function parseContributionArgs(args: ContributionArgs): QuoteRequest {
  if (!args.category) throw argumentError('--category', 'wajib diisi: bpu, pu, jakon atau pmi');
  const raw: Record<string, unknown> = { category: args.category, date: args.date ?? todayWib() };
  const numbers = [
    ['income', args.income],
    ['wage', args.wage],
    ['riskClass', args['risk-class']],
    ['contractValue', args['contract-value']],
    ['package', args.package],
    ['extraMonths', args['extra-months']],
  ] as const;
  for (const [field, value] of numbers) {
    if (value !== undefined) raw[field] = wholeNumber(FLAG[field] ?? field, value);
  }
  if (args.programs !== undefined) {
    raw.programs = args.programs
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
  }
  if (args['employer-size'] !== undefined) raw.employerSize = args['employer-size'];
  if (args.funding !== undefined) raw.funding = args.funding;
  if (args.sector !== undefined) raw.sector = args.sector;
  if (args['no-pre-employment']) raw.preEmployment = false;

  const parsed = quoteRequest.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw argumentError('--category', 'tidak valid');
  if (issue.code === 'unrecognized_keys') {
    const flags = issue.keys.map((k) => FLAG[k] ?? k).join(', ');
    throw argumentError(flags, `tidak dipakai untuk kategori ${args.category}`);
  }
  const field = String(issue.path[0] ?? 'category');
  if (issue.code === 'invalid_union' && field === 'category') {
    throw argumentError('--category', `"${args.category}" tidak dikenal: pilih bpu, pu, jakon atau pmi`);
  }
  const missing = issue.code === 'invalid_type' && raw[field] === undefined;
  throw argumentError(FLAG[field] ?? field, missing ? 'wajib diisi untuk kategori ini' : issue.message);
}

/** The shape promised by `--json`: {"items":[{"program","payer","amount","basis"}],"total","byPayer":{…}}. */
export function contributionJson(result: QuoteResponse) {
  return {
    items: result.items.map((i) => ({ program: i.program, payer: i.payer, amount: i.amount, basis: i.basis })),
    total: result.total,
    byPayer: result.byPayer,
  };
}

function oneOff(input: QuoteRequest): boolean {
  return input.category === 'pmi' || (input.category === 'jakon' && input.contractValue !== undefined);
}

/** A readable Indonesian table with Rupiah amounts and the legal basis of each line. */
export function contributionTable(input: QuoteRequest, result: QuoteResponse): string {
  const rows = result.items.map((i) => [
    PROGRAM_LABEL[i.program] ?? i.program.toUpperCase(),
    PAYER_LABEL[i.payer] ?? i.payer,
    formatRupiah(i.amount),
  ]);
  const total = ['Total', '', formatRupiah(result.total)];
  const header = ['Program', 'Dibayar oleh', 'Jumlah'];
  const widths = header.map((h, c) => Math.max(h.length, ...[...rows, total].map((r) => (r[c] ?? '').length)));
  const format = (r: string[]) =>
    `  ${(r[0] ?? '').padEnd(widths[0] ?? 0)}  ${(r[1] ?? '').padEnd(widths[1] ?? 0)}  ${(r[2] ?? '').padStart(widths[2] ?? 0)}`;
  const rule = `  ${'─'.repeat(widths.reduce((a, b) => a + b, 0) + 4)}`;
  const payers = Object.entries(result.byPayer)
    .filter(([, amount]) => amount > 0)
    .map(([payer, amount]) => `${PAYER_LABEL[payer] ?? payer} ${formatRupiah(amount)}`);
  const basis = result.items.map(
    (i, n) =>
      `  ${n + 1}. ${PROGRAM_LABEL[i.program] ?? i.program.toUpperCase()} (${PAYER_LABEL[i.payer]}): ${i.basis}`,
  );
  return [
    `Iuran ${result.category.toUpperCase()} ${oneOff(input) ? 'sekali bayar' : 'per bulan'}, aturan yang berlaku pada ${result.date}`,
    '',
    format(header),
    rule,
    ...rows.map(format),
    rule,
    format(total),
    '',
    `Per pembayar: ${payers.length ? payers.join(', ') : '-'}`,
    '',
    'Dasar hukum:',
    ...basis,
    '',
  ].join('\n');
}

/** `lindung contribution --category … [--json]`: one quote from the rule rows in the database. */
export async function contributionCommand(config: Config, log: Logger, args: ContributionArgs): Promise<void> {
  const input = parseContributionArgs(args); // before the database starts: bad arguments cost nothing
  const runtime = await openRuntime(config, log);
  try {
    const result = await quote(runtime.database.app, input);
    process.stdout.write(
      args.json ? `${JSON.stringify(contributionJson(result))}\n` : contributionTable(input, result),
    );
  } catch (err) {
    if (err instanceof AppError) {
      throw new Error(errorText(err, 'id', 'cli'));
    }
    throw err;
  } finally {
    await runtime.close();
  }
}
